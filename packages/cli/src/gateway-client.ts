import { AlphagraphClient, isAlphagraphError } from '@alphagraph/sdk';
import { type DocumentNode, parse } from 'graphql';

/**
 * The CLI's walkthroughs (demo models, replay) as users of the gateway, through @alphagraph/sdk: the
 * same transport, typed errors and retried reads as every other client. Their selections are their
 * own (metrics, criteria, monitoring fields the SDK's operations do not select), so they are sent as
 * the SDK's "documents of your own", as text.
 */

// biome-ignore lint/suspicious/noExplicitAny: answers are read by the shape of the query that asked them
export type GatewayData = Record<string, any>;

export interface GatewayClient {
  /** Sends one operation as the user of `token`; throws `<prefix>: <platform message>` on errors. */
  gql(query: string, variables: Record<string, unknown>, token: string): Promise<GatewayData>;
  /** Polls until `poll` returns non-null; throws `<prefix>: <what> did not finish in time` past the deadline. */
  until<T>(what: string, poll: () => Promise<T | null>, deadline: number): Promise<T>;
}

export function createGatewayClient(options: { gatewayUrl: string; prefix: string; pollMs?: number }): GatewayClient {
  const pollMs = options.pollMs ?? 500;
  const clients = new Map<string, AlphagraphClient>();
  const documents = new Map<string, DocumentNode>();
  const clientFor = (token: string) => {
    let client = clients.get(token);
    // A walkthrough step may run long on a loaded machine (an ingest, a monitoring run): no 30 s
    // per-request deadline as for a service, only the walkthrough's own.
    if (!client)
      clients.set(token, (client = new AlphagraphClient({ url: options.gatewayUrl, token, timeoutMs: 600_000 })));
    return client;
  };
  return {
    async gql(query, variables, token) {
      let document = documents.get(query);
      if (!document) documents.set(query, (document = parse(query)));
      try {
        const typed = document as DocumentNode & { __apiType?: (v: Record<string, unknown>) => GatewayData };
        return await clientFor(token).request(typed, variables);
      } catch (error) {
        if (isAlphagraphError(error)) throw new Error(`${options.prefix}: ${error.message}`, { cause: error });
        throw error;
      }
    },
    async until(what, poll, deadline) {
      for (;;) {
        const done = await poll();
        if (done !== null) return done;
        if (Date.now() > deadline) throw new Error(`${options.prefix}: ${what} did not finish in time`);
        await new Promise((r) => setTimeout(r, pollMs));
      }
    },
  };
}
