import { createTokenVerifier } from '@alphagraph/auth';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { DEFAULT_OPERATION_LIMITS } from '@alphagraph/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSubgraph, startSubgraphServer } from './server.ts';

/**
 * The gateway's limits apply again to a direct call at a subgraph: market-data's own SDL and
 * cost annotations, resolvers that count their calls (a refused operation runs none).
 */
const L = DEFAULT_OPERATION_LIMITS;
let resolved = 0;
const INSTRUMENT = { id: '1', symbol: 'AAPL' };
const resolvers = {
  Query: {
    instrument: () => {
      resolved += 1;
      return INSTRUMENT;
    },
    dataQuality: () => {
      resolved += 1;
      return { instruments: 1 };
    },
  },
  Instrument: {
    bars: () => {
      resolved += 1;
      return [];
    },
  },
};

const RESEARCHER = await testToken(['researcher']);

async function post(url: string, body: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${RESEARCHER}` },
    body,
  });
  const json = (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: res.status, ...json };
}

const query = (q: string, variables?: unknown) => JSON.stringify({ query: q, ...(variables ? { variables } : {}) });
/**
 * Built once before any connection exists: building it blocks this process for seconds under load,
 * long enough for the server to close an idle keep-alive connection the client then reuses (ECONNRESET).
 */
const MILLION_KEYS = query(
  '{ __typename }',
  Object.fromEntries(Array.from({ length: 1_000_000 }, (_, i) => [`k${i}`, 1])),
);
const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
const nested = (depth: number) => `{ instrument(symbol: "AAPL") ${'{ a '.repeat(depth - 1)}{ b }${' }'.repeat(depth)}`;
/** instrument { bars(last: 1) { instrument { bars(last: 1) … { close } } } }: 2 × pairs + 1 levels. */
const deep = (pairs: number) =>
  `{ instrument(symbol: "AAPL") { ${'bars(last: 1) { instrument { '.repeat(pairs)}symbol${' } }'.repeat(pairs)} } }`;

function fragmentBomb(levels: number): string {
  const fragments = ['fragment F0 on Query { instruments { totalCount } }'];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `query Bomb { ...F${levels} }\n${fragments.join('\n')}`;
}

describe('operation limits at a subgraph (direct calls)', () => {
  let subgraph: RunningSubgraph;
  beforeAll(async () => {
    subgraph = await startSubgraphServer({
      name: 'market-data',
      resolvers: resolvers as never,
      context: async (scope) => scope,
      verifier: createTokenVerifier(TEST_AUTH),
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  const refused: [string, () => string, string, number, number?][] = [
    ['30 fragments each spreading the previous twice', () => query(fragmentBomb(30)), 'maxFields', L.maxFields],
    ['a depth of 4,001', () => query(nested(4001)), 'maxTokens', L.maxTokens],
    ['a depth of 42 (valid fields, under the token limit)', () => query(deep(20)), 'maxDepth', L.maxDepth],
    [
      '500 aliases of dataQuality',
      () => query(aliases(500, 'dataQuality { instruments }')),
      'maxAliases',
      L.maxAliases,
    ],
    ['33,333 aliases', () => query(aliases(33_333, '__typename')), 'maxTokens', L.maxTokens],
    [
      'bars(last: 1000) { instrument { bars(last: 1000) } }',
      () => query('{ instrument(symbol: "AAPL") { bars(last: 1000) { instrument { bars(last: 1000) { close } } } } }'),
      'maxCost',
      L.maxCost,
    ],
    ['11 dataQuality reports', () => query(aliases(11, 'dataQuality { instruments }')), 'maxCost', L.maxCost],
    [
      '_entities with 100,000 representations',
      () =>
        query(
          'query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Instrument { symbol } } }',
          {
            representations: Array.from({ length: 100_000 }, () => ({ __typename: 'Instrument', symbol: 'AAPL' })),
          },
        ),
      'maxCost',
      L.maxCost,
    ],
    ['a 30 MB body', () => query(`{ __typename }${' '.repeat(30 * 1024 * 1024)}`), 'maxBodyBytes', -1, 413],
    ['a variables object with a million keys', () => MILLION_KEYS, 'maxVariablesBytes', L.maxVariablesBytes],
    [
      'variables of 300 KB',
      () => query('{ __typename }', { v: 'x'.repeat(300 * 1024) }),
      'maxVariablesBytes',
      L.maxVariablesBytes,
    ],
  ];

  it.each(refused)(
    'refuses %s with an error naming its limit, running no resolver',
    async (_, body, limit, max, status = 400) => {
      resolved = 0;
      const res = await post(subgraph.url, body());
      expect(res.status).toBe(status);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      // The subgraph's body limit adds an allowance for the gateway's entity batches.
      expect(res.errors![0]!.message).toMatch(new RegExp(`limit ${limit} = ${max > 0 ? max : '\\d+'}`));
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit });
      expect(resolved).toBe(0);
    },
  );

  it('refuses the altDatasets/coverage fan-out at alt-data, naming maxCost', async () => {
    const altData = await startSubgraphServer({
      name: 'alt-data',
      resolvers: {},
      context: async (scope) => scope,
      verifier: createTokenVerifier(TEST_AUTH),
      port: 0,
      host: '127.0.0.1',
    });
    try {
      const res = await post(
        altData.url,
        query(
          '{ datasets { coverage { altDatasets { coverage { altDatasets { coverage { altDatasets { coverage { symbol } } } } } } } } }',
        ),
      );
      expect(res.status).toBe(400);
      expect(res.errors?.[0]?.message).toContain(`limit maxCost = ${L.maxCost}`);
    } finally {
      await altData.stop();
    }
  });

  it('answers a legitimate query', async () => {
    const res = await post(subgraph.url, query('{ instrument(symbol: "AAPL") { symbol bars(last: 5) { close } } }'));
    expect(res.errors).toBeUndefined();
    expect(res.data).toEqual({ instrument: { symbol: 'AAPL', bars: [] } });
  });
});
