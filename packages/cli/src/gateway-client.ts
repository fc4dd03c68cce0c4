/** GraphQL over HTTP to the gateway as a user, for the CLI's walkthroughs (demo models, replay). */

// biome-ignore lint/suspicious/noExplicitAny: answers are read by the shape of the query that asked them
export type GatewayData = Record<string, any>;
type Body = { data?: GatewayData | null; errors?: { message: string }[] };

export interface GatewayClient {
  /** Sends one operation with a bearer token; throws `<prefix>: <messages>` on GraphQL errors. */
  gql(query: string, variables: Record<string, unknown>, token: string): Promise<GatewayData>;
  /** Polls until `poll` returns non-null; throws `<prefix>: <what> did not finish in time` past the deadline. */
  until<T>(what: string, poll: () => Promise<T | null>, deadline: number): Promise<T>;
}

export function createGatewayClient(options: { gatewayUrl: string; prefix: string; pollMs?: number }): GatewayClient {
  const pollMs = options.pollMs ?? 500;
  return {
    async gql(query, variables, token) {
      const response = await fetch(options.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as Body;
      if (body.errors?.length) throw new Error(`${options.prefix}: ${body.errors.map((e) => e.message).join('; ')}`);
      return body.data!;
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
