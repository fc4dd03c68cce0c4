import { type AuthEnv, mintDevToken, type Role } from '@alphagraph/auth';

/** What an analyst sees first in GraphiQL: a query that spans three subgraphs. */
export const GRAPHIQL_DEFAULT_QUERY = `# Alphagraph: one federated graph over market data, alternative data,
# features, models and backtests. Press the run button (or Ctrl-Enter).
query Instrument($symbol: String = "AAPL") {
  instrument(symbol: $symbol) {
    symbol
    name
    exchange
    latestBar {
      time
      close
      volume
    }
    altDatasets {
      name
      vendor {
        name
      }
    }
    features {
      name
    }
  }
}
`;

export const GRAPHIQL_TITLE = 'Alphagraph';

/** Where, in development, GraphiQL gets a fresh token for the development identity. */
export const GRAPHIQL_DEV_TOKEN_PATH = '/graphiql/dev-token';

/** Development: who GraphiQL signs in as, with tokens the gateway mints from the shared secret. */
export interface GraphiqlDevIdentity {
  readonly userId: string;
  readonly roles: readonly Role[];
}

/**
 * Mints tokens for the development identity, each valid for `ttlSeconds` (12 hours by default),
 * signed as the platform's own dev tokens are. Only with a shared secret (HS256): with a JWKS the
 * gateway cannot sign, and GraphiQL sends no token.
 */
export function devTokenMinter(
  identity: GraphiqlDevIdentity | undefined,
  auth: AuthEnv,
  ttlSeconds?: number,
): (() => Promise<string>) | undefined {
  if (!identity || !auth.secret) return undefined;
  const secret = auth.secret;
  return () =>
    mintDevToken({
      secret,
      userId: identity.userId,
      roles: identity.roles,
      ...(auth.issuer ? { issuer: auth.issuer } : {}),
      ...(auth.audience ? { audience: auth.audience } : {}),
      ...(ttlSeconds ? { ttlSeconds } : {}),
    });
}

/**
 * A script for the GraphiQL page in development: before a request leaves the page with the
 * development identity's token expired (or within a minute of it), it fetches a fresh one from
 * GRAPHIQL_DEV_TOKEN_PATH and sends that instead, so an explorer left open overnight keeps working.
 * A token of anyone else is sent as it is; the gateway's answer to an expired one says so.
 */
export function devTokenRefreshScript(userId: string): string {
  return `<script>
(() => {
  const DEV_USER = ${JSON.stringify(userId)};
  const realFetch = window.fetch.bind(window);
  const claims = (token) => {
    try {
      return JSON.parse(atob(token.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    } catch {
      return null;
    }
  };
  const stale = (token) => {
    const c = claims(token);
    return !!c && c.sub === DEV_USER && c.exp * 1000 < Date.now() + 60000;
  };
  let current = null;
  let pending = null;
  const freshToken = async () => {
    if (current && !stale(current)) return current;
    pending ||= realFetch(${JSON.stringify(GRAPHIQL_DEV_TOKEN_PATH)})
      .then((r) => r.json())
      .then((b) => (current = b.token))
      .finally(() => (pending = null));
    return pending;
  };
  window.fetch = async (input, init) => {
    const headers = new Headers(init?.headers ?? (input instanceof Request ? input.headers : undefined));
    const bearer = /^Bearer\\s+(\\S+)$/i.exec(headers.get('authorization') ?? '');
    if (bearer && stale(bearer[1])) {
      headers.set('authorization', 'Bearer ' + (await freshToken()));
      return realFetch(input, { ...init, headers });
    }
    return realFetch(input, init);
  };
})();
</script>`;
}
