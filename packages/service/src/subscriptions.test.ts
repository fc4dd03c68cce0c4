import { createTokenVerifier } from '@alphagraph/auth';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { DEFAULT_OPERATION_LIMITS, INTERNAL_ERROR_MESSAGE } from '@alphagraph/server';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createPubSub } from './pubsub.ts';
import { type RequestScope, type RunningSubgraph, startSubgraphServer } from './server.ts';
import { readSseEvents, type SseEvent } from './testing.ts';

/**
 * A test subgraph whose `ticks(n)` streams the next `n` ticks published after it subscribed, each
 * with a field resolved per event (`square`), served by the platform's own HTTP layer.
 */
const SDL = parse(/* GraphQL */ `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@requiresScopes"])
  type Tick {
    seq: Int!
    square: Int!
    "Fails unexpectedly: what a client sees of it is masked, as in a query."
    risk: Float
  }
  type Query {
    ping: String @requiresScopes(scopes: [["viewer"]])
  }
  type Subscription {
    ticks(n: Int!): Tick! @requiresScopes(scopes: [["analyst"]])
  }
`);

function deferred(): { promise: Promise<void>; resolve(): void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const pubsub = createPubSub<{ tick: { seq: number } }>();
/** Resolves when a `ticks` source has been opened (so publishing now reaches it). */
let opened = deferred();
const returned = vi.fn();
const subscribedAs: (string | undefined)[] = [];
/** Which context (by build number) each event was resolved with. */
const eventContexts: number[] = [];
let contextsBuilt = 0;
const context = async (scope: RequestScope) => ({ ...scope, built: ++contextsBuilt });

/** The first `n` values of `source`; `return()` is recorded, then passed on. */
function take<T>(source: AsyncIterator<T>, n: number): AsyncIterableIterator<T> {
  let seen = 0;
  const iterator: AsyncIterableIterator<T> = {
    async next() {
      if (seen >= n) {
        await source.return?.();
        return { done: true, value: undefined };
      }
      seen += 1;
      return source.next();
    },
    async return() {
      returned();
      await source.return?.();
      return { done: true, value: undefined };
    },
    [Symbol.asyncIterator]: () => iterator,
  };
  return iterator;
}

const resolvers = {
  Query: { ping: () => 'pong' },
  Subscription: {
    ticks: {
      subscribe: (_: unknown, args: { n: number }, ctx: { identity: { userId: string } | null }) => {
        subscribedAs.push(ctx.identity?.userId);
        const source = take(pubsub.subscribe('tick'), args.n);
        opened.resolve();
        return source;
      },
      resolve: (payload: { seq: number }) => payload,
    },
  },
  Tick: {
    square: (t: { seq: number }, _: unknown, ctx: { built: number }) => {
      eventContexts.push(ctx.built);
      return t.seq * t.seq;
    },
    risk: () => {
      throw new Error('relation "risk_limits" does not exist');
    },
  },
};

const ANALYST = await testToken(['analyst'], 'ana');
const VIEWER = await testToken(['viewer'], 'vic');
const TICKS = 'subscription Ticks($n: Int!) { ticks(n: $n) { seq square } }';

function subscribeGet(url: string, n: number, token: string | null, signal?: AbortSignal): Promise<Response> {
  const u = new URL(url);
  u.searchParams.set('query', TICKS);
  u.searchParams.set('variables', JSON.stringify({ n }));
  return fetch(u, {
    headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    ...(signal ? { signal } : {}),
  });
}

async function collect(events: AsyncGenerator<SseEvent>): Promise<SseEvent[]> {
  const out: SseEvent[] = [];
  for await (const e of events) if (e.event !== 'comment') out.push(e);
  return out;
}

describe('subscriptions over SSE at a subgraph', () => {
  let subgraph: RunningSubgraph;
  beforeAll(async () => {
    subgraph = await startSubgraphServer({
      name: 'ticks',
      sdl: SDL,
      resolvers: resolvers as never,
      context,
      verifier: createTokenVerifier(TEST_AUTH),
      port: 0,
      host: '127.0.0.1',
      limits: { ...DEFAULT_OPERATION_LIMITS, maxAliases: 2 },
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  it('streams the events published after subscribing, one `next` each, then `complete`', async () => {
    opened = deferred();
    const res = await subscribeGet(subgraph.url, 3, ANALYST);
    expect(res.status).toBe(200);
    eventContexts.length = 0;
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const events = collect(readSseEvents(res));
    await opened.promise;
    for (const seq of [1, 2, 3, 4]) pubsub.publish('tick', { seq });
    expect(await events).toEqual([
      { event: 'next', data: { data: { ticks: { seq: 1, square: 1 } } } },
      { event: 'next', data: { data: { ticks: { seq: 2, square: 4 } } } },
      { event: 'next', data: { data: { ticks: { seq: 3, square: 9 } } } },
      { event: 'complete', data: null },
    ]);
    // The identity is the forwarded token's, as for a query.
    expect(subscribedAs.at(-1)).toBe('ana');
    // Each event had a context of its own (fresh DataLoaders), none of them the one that opened the stream.
    expect(new Set(eventContexts).size).toBe(3);
  });

  it('also takes a subscription as a POST asking for an event stream', async () => {
    opened = deferred();
    const res = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${ANALYST}` },
      body: JSON.stringify({ query: TICKS, variables: { n: 1 } }),
    });
    const events = collect(readSseEvents(res));
    await opened.promise;
    pubsub.publish('tick', { seq: 7 });
    expect(await events).toEqual([
      { event: 'next', data: { data: { ticks: { seq: 7, square: 49 } } } },
      { event: 'complete', data: null },
    ]);
  });

  it('stops the source (return()) when the client disconnects', async () => {
    opened = deferred();
    returned.mockClear();
    const abort = new AbortController();
    const res = await subscribeGet(subgraph.url, 100, ANALYST, abort.signal);
    const events = readSseEvents(res);
    await opened.promise;
    pubsub.publish('tick', { seq: 5 });
    expect((await events.next()).value).toEqual({ event: 'next', data: { data: { ticks: { seq: 5, square: 25 } } } });
    expect(returned).not.toHaveBeenCalled();
    abort.abort();
    await vi.waitFor(() => expect(returned).toHaveBeenCalledOnce());
  });

  it('refuses a subscription sent as POST JSON without an event-stream Accept, saying how to send it', async () => {
    const res = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${ANALYST}` },
      body: JSON.stringify({ query: TICKS, variables: { n: 1 } }),
    });
    expect(res.status).toBe(406);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.message).toContain('Accept: text/event-stream');
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
  });

  it('refuses a role without the scope before opening the source, as a query field is refused', async () => {
    const before = subscribedAs.length;
    const res = await subscribeGet(subgraph.url, 1, VIEWER);
    const events = await collect(readSseEvents(res));
    expect(events).toHaveLength(2);
    const first = events[0]!.data as { data?: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(first.errors).toHaveLength(1);
    expect(first.errors[0]!.extensions.code).toBe('FORBIDDEN');
    expect(first.errors[0]!.message).toContain('Subscription.ticks');
    expect(events[1]!.event).toBe('complete');
    expect(subscribedAs.length).toBe(before);
  });

  it('refuses a caller without a token before opening the source', async () => {
    const before = subscribedAs.length;
    const events = await collect(readSseEvents(await subscribeGet(subgraph.url, 1, null)));
    const first = events[0]!.data as { errors: { extensions: { code: string } }[] };
    expect(first.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
    expect(subscribedAs.length).toBe(before);
  });

  it('answers a bad token with 401, as for a query', async () => {
    const res = await subscribeGet(subgraph.url, 1, 'not-a-jwt');
    expect(res.status).toBe(401);
    const body = (await res.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('applies the operation limits before subscribing', async () => {
    const before = subscribedAs.length;
    const u = new URL(subgraph.url);
    u.searchParams.set('query', 'subscription { ticks(n: 1) { a: seq b: seq c: seq } }');
    const res = await fetch(u, { headers: { accept: 'text/event-stream', authorization: `Bearer ${ANALYST}` } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toMatch(/alias/i);
    expect(subscribedAs.length).toBe(before);
  });

  it('answers an invalid subscription with a validation error', async () => {
    const u = new URL(subgraph.url);
    u.searchParams.set('query', 'subscription { ticks(n: 1) { nope } }');
    const res = await fetch(u, { headers: { accept: 'text/event-stream', authorization: `Bearer ${ANALYST}` } });
    expect(res.status).toBe(400);
    const body = (await res.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.message).toBe('Cannot query field "nope" on type "Tick".');
    expect(body.errors[0]!.extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('still answers queries through Apollo', async () => {
    const res = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${VIEWER}` },
      body: JSON.stringify({ query: '{ ping }' }),
    });
    expect(await res.json()).toEqual({ data: { ping: 'pong' } });
  });
  it('masks an unexpected error of an event, as in a query, and keeps streaming', async () => {
    opened = deferred();
    const u = new URL(subgraph.url);
    u.searchParams.set('query', 'subscription { ticks(n: 2) { seq risk } }');
    const res = await fetch(u, { headers: { accept: 'text/event-stream', authorization: `Bearer ${ANALYST}` } });
    const events = collect(readSseEvents(res));
    await opened.promise;
    pubsub.publish('tick', { seq: 1 });
    pubsub.publish('tick', { seq: 2 });
    const got = await events;
    expect(got.map((e) => e.event)).toEqual(['next', 'next', 'complete']);
    expect(got[1]!.data).toEqual({
      data: { ticks: { seq: 2, risk: null } },
      errors: [
        {
          message: INTERNAL_ERROR_MESSAGE,
          locations: [{ line: 1, column: 34 }],
          path: ['ticks', 'risk'],
          extensions: { code: 'INTERNAL_SERVER_ERROR' },
        },
      ],
    });
    expect(JSON.stringify(got)).not.toContain('risk_limits');
  });
});

describe('keep-alive', () => {
  it('sends a comment while no event is due', async () => {
    const subgraph = await startSubgraphServer({
      name: 'ticks',
      sdl: SDL,
      resolvers: resolvers as never,
      context,
      verifier: createTokenVerifier(TEST_AUTH),
      port: 0,
      host: '127.0.0.1',
      subscriptionKeepAliveMs: 20,
    });
    try {
      const abort = new AbortController();
      const events = readSseEvents(await subscribeGet(subgraph.url, 1, ANALYST, abort.signal));
      expect((await events.next()).value).toEqual({ event: 'comment', data: null });
      abort.abort();
    } finally {
      await subgraph.stop();
    }
  });
});

describe('server stop', () => {
  it('completes open streams and stops their sources instead of waiting out the grace period', async () => {
    const subgraph = await startSubgraphServer({
      name: 'ticks',
      sdl: SDL,
      resolvers: resolvers as never,
      context,
      verifier: createTokenVerifier(TEST_AUTH),
      port: 0,
      host: '127.0.0.1',
      stopGraceMs: 60_000,
    });
    opened = deferred();
    returned.mockClear();
    const events = collect(readSseEvents(await subscribeGet(subgraph.url, 100, ANALYST)));
    await opened.promise;
    await subgraph.stop();
    expect(await events).toEqual([{ event: 'complete', data: null }]);
    expect(returned).toHaveBeenCalledOnce();
  });
});
