import { createTokenVerifier } from '@alphagraph/auth';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { DEFAULT_OPERATION_LIMITS } from '@alphagraph/server';
import { createPubSub, type RunningSubgraph, startSubgraphServer } from '@alphagraph/service';
import { readSseEvents, type SseEvent } from '@alphagraph/service/testing';
import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type RunningGateway, startGateway } from './server.ts';

/**
 * Two subgraphs on the platform's own HTTP layer: `alerts` publishes `alertRaised`, whose
 * Instrument is an entity `instruments` resolves; a subscription through the gateway joins them
 * on every event.
 */
const LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@requiresScopes"])';
const ALERTS_SDL = parse(/* GraphQL */ `
  ${LINK}
  type Instrument @key(fields: "symbol", resolvable: false) {
    symbol: String!
  }
  type Alert {
    seq: Int!
    instrument: Instrument! @requiresScopes(scopes: [["viewer"]])
  }
  type Subscription {
    alertRaised: Alert! @requiresScopes(scopes: [["analyst"]])
  }
`);
const INSTRUMENTS_SDL = parse(/* GraphQL */ `
  ${LINK}
  type Instrument @key(fields: "symbol") @requiresScopes(scopes: [["viewer"]]) {
    symbol: String!
    name: String!
    "Researchers only: an analyst sees it null, with an error naming it."
    signal: Float @requiresScopes(scopes: [["researcher"]])
  }
  type Query {
    instrument(symbol: String!): Instrument @requiresScopes(scopes: [["viewer"]])
  }
`);

const NAMES: Record<string, string> = { AAPL: 'Apple Inc.', MSFT: 'Microsoft Corp.' };
const pubsub = createPubSub<{ alert: { seq: number; symbol: string } }>();
/** Who each subgraph saw, per call: the gateway forwards the caller's identity on every call. */
const seen = { subscribed: [] as (string | undefined)[], references: [] as (string | undefined)[], returned: 0 };
type Ctx = { identity: { userId: string } | null };

const alertsResolvers = {
  Subscription: {
    alertRaised: {
      subscribe: (_: unknown, __: unknown, ctx: Ctx) => {
        seen.subscribed.push(ctx.identity?.userId);
        const source = pubsub.subscribe('alert');
        const inner = source.return!.bind(source);
        source.return = (value?: unknown) => {
          seen.returned += 1;
          return inner(value);
        };
        return source;
      },
      resolve: (payload: { seq: number; symbol: string }) => payload,
    },
  },
  Alert: { instrument: (a: { symbol: string }) => ({ __typename: 'Instrument', symbol: a.symbol }) },
};
const instrumentsResolvers = {
  Query: { instrument: (_: unknown, args: { symbol: string }) => ({ symbol: args.symbol }) },
  Instrument: {
    __resolveReference: (ref: { symbol: string }, ctx: Ctx) => {
      seen.references.push(ctx.identity?.userId);
      return { symbol: ref.symbol };
    },
    name: (i: { symbol: string }) => NAMES[i.symbol],
    signal: () => 0.5,
  },
};

const ANALYST = await testToken(['analyst'], 'ana');
const VIEWER = await testToken(['viewer'], 'vic');
const ALERT = 'subscription { alertRaised { seq instrument { symbol name signal } } }';

type GraphQLBody = { data?: unknown; errors?: { message: string; path?: unknown[]; extensions?: { code?: string } }[] };

function subscribe(url: string, query: string, token: string | null, signal?: AbortSignal) {
  return fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query }),
    ...(signal ? { signal } : {}),
  });
}

async function firstEvents(events: AsyncGenerator<SseEvent>, n: number): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const e of events) {
    if (e.event === 'comment') continue;
    out.push(e);
    if (out.length === n) break;
  }
  return out;
}

describe('subscriptions through the gateway', () => {
  let alerts: RunningSubgraph;
  let instruments: RunningSubgraph;
  let gateway: RunningGateway;

  beforeAll(async () => {
    const common = { verifier: createTokenVerifier(TEST_AUTH), port: 0, host: '127.0.0.1' };
    alerts = await startSubgraphServer({
      ...common,
      name: 'alerts',
      sdl: ALERTS_SDL,
      resolvers: alertsResolvers as never,
      context: async (scope) => scope,
    });
    instruments = await startSubgraphServer({
      ...common,
      name: 'instruments',
      sdl: INSTRUMENTS_SDL,
      resolvers: instrumentsResolvers as never,
      context: async (scope) => scope,
    });
    const composed = composeServices([
      { name: 'alerts', url: alerts.url, typeDefs: ALERTS_SDL },
      { name: 'instruments', url: instruments.url, typeDefs: INSTRUMENTS_SDL },
    ]);
    if (!composed.supergraphSdl) throw new Error(composed.errors?.map((e) => e.message).join('; '));
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: composed.supergraphSdl,
      logging: false,
      auth: TEST_AUTH,
      // Shorter than the test: a subscription must outlive the deadline of a subgraph call.
      subgraphTimeoutMs: 300,
      limits: { ...DEFAULT_OPERATION_LIMITS, maxAliases: 3 },
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await alerts?.stop();
    await instruments?.stop();
  });

  it('streams the events published after subscribing, each joined with an entity from another subgraph', async () => {
    const before = seen.subscribed.length;
    const abort = new AbortController();
    const res = await subscribe(gateway.url, ALERT, ANALYST, abort.signal);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = readSseEvents(res);
    await vi.waitFor(() => expect(seen.subscribed.length).toBe(before + 1));
    const received = firstEvents(events, 3);
    // Published well after the subgraph call's deadline (300 ms) would have cut the stream.
    await new Promise((resolve) => setTimeout(resolve, 600));
    pubsub.publish('alert', { seq: 1, symbol: 'AAPL' });
    pubsub.publish('alert', { seq: 2, symbol: 'MSFT' });
    pubsub.publish('alert', { seq: 3, symbol: 'AAPL' });
    const got = (await received).map((e) => {
      expect(e.event).toBe('next');
      return e.data as GraphQLBody;
    });
    const returnedBefore = seen.returned;
    abort.abort();
    // The client leaving ends the subgraph's source too, through the denial mapping.
    await vi.waitFor(() => expect(seen.returned).toBe(returnedBefore + 1));
    expect(got.map((g) => g.data)).toEqual([
      { alertRaised: { seq: 1, instrument: { symbol: 'AAPL', name: 'Apple Inc.', signal: null } } },
      { alertRaised: { seq: 2, instrument: { symbol: 'MSFT', name: 'Microsoft Corp.', signal: null } } },
      { alertRaised: { seq: 3, instrument: { symbol: 'AAPL', name: 'Apple Inc.', signal: null } } },
    ]);
    // The denied field is null with an error naming it, on every event, as in a query.
    for (const g of got) {
      expect(g.errors).toEqual([
        expect.objectContaining({
          message: 'Instrument.signal requires role researcher; you have analyst',
          extensions: expect.objectContaining({ code: 'FORBIDDEN' }),
        }),
      ]);
    }
    // Both subgraphs saw the subscriber's own identity.
    expect(seen.subscribed.at(-1)).toBe('ana');
    expect(seen.references.slice(-3)).toEqual(['ana', 'ana', 'ana']);
  });

  it('refuses a role without the scope with the same error as a query', async () => {
    const before = seen.subscribed.length;
    const query = await fetch(gateway.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${VIEWER}` },
      body: JSON.stringify({ query: '{ instrument(symbol: "AAPL") { signal } }' }),
    });
    const queryError = ((await query.json()) as GraphQLBody).errors?.[0];
    const res = await subscribe(gateway.url, ALERT, VIEWER);
    const events = await firstEvents(readSseEvents(res), 1);
    const body = events[0]?.data as GraphQLBody;
    expect(body.errors).toHaveLength(1);
    const error = body.errors![0]!;
    expect(error.message).toBe('Subscription.alertRaised requires role analyst; you have viewer');
    expect(error.extensions?.code).toBe(queryError?.extensions?.code);
    expect(Object.keys(error).sort()).toEqual(Object.keys(queryError!).sort());
    expect(seen.subscribed.length).toBe(before);
  });

  it('refuses a subscription without a token', async () => {
    const before = seen.subscribed.length;
    const res = await subscribe(gateway.url, ALERT, null);
    const events = await firstEvents(readSseEvents(res), 1);
    const body = events[0]?.data as GraphQLBody;
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.errors?.[0]?.message).toContain('Subscription.alertRaised');
    expect(seen.subscribed.length).toBe(before);
  });

  it('takes a GET asking for an event stream too, and stops the subgraph source when the client leaves', async () => {
    const before = { subscribed: seen.subscribed.length, returned: seen.returned };
    const abort = new AbortController();
    const url = new URL(gateway.url);
    url.searchParams.set('query', 'subscription { alertRaised { seq } }');
    const res = await fetch(url, {
      headers: { accept: 'text/event-stream', authorization: `Bearer ${ANALYST}` },
      signal: abort.signal,
    });
    expect(res.status).toBe(200);
    const events = readSseEvents(res);
    await vi.waitFor(() => expect(seen.subscribed.length).toBe(before.subscribed + 1));
    const first = firstEvents(events, 1);
    pubsub.publish('alert', { seq: 42, symbol: 'MSFT' });
    expect((await first)[0]).toEqual({ event: 'next', data: { data: { alertRaised: { seq: 42 } } } });
    expect(seen.returned).toBe(before.returned);
    abort.abort();
    await vi.waitFor(() => expect(seen.returned).toBe(before.returned + 1));
  });

  it('refuses a subscription past an operation limit before any subgraph call, as a query', async () => {
    const before = seen.subscribed.length;
    const res = await subscribe(gateway.url, 'subscription { alertRaised { a: seq b: seq c: seq d: seq } }', ANALYST);
    expect(res.status).toBe(400);
    const body = (await res.json()) as GraphQLBody & { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit: 'maxAliases' });
    expect(seen.subscribed.length).toBe(before);
  });
});
