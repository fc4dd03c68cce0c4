import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { identityFromAuthorization, introspectionDenial, type TokenVerifier } from '@alphagraph/auth';
import type { ApolloServerPlugin } from '@apollo/server';
import type { RequestScope, ServiceContext } from './server.ts';

/** Verifies the bearer token of a request (the gateway forwards the caller's own token). */
export async function requestScope(verifier: TokenVerifier, req: IncomingMessage): Promise<RequestScope> {
  const header = req.headers.authorization;
  const requestId = (req.headers['x-request-id'] as string | undefined) ?? randomUUID();
  const identity = await identityFromAuthorization(verifier, header);
  return { identity, requestId, ...(identity && header ? { authorization: header } : {}) };
}

/** The platform's introspection rule (explorer roles only), in a subgraph as at the gateway. */
export function explorerOnlyPlugin<C extends ServiceContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, contextValue }) {
          const denial = introspectionDenial(document, contextValue.identity);
          if (denial) throw denial;
        },
      };
    },
  };
}
