import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { SUBGRAPHS, type SubgraphName } from '@alphagraph/config';
import { DEFAULT_OPERATION_LIMITS } from '@alphagraph/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeSupergraph } from './compose.ts';
import { type RunningGateway, startGateway } from './server.ts';

/**
 * The gateway over the real supergraph, every subgraph URL pointing at one recorder that counts
 * what reaches it: a refused operation must leave the count at zero.
 */
interface Recorder {
  url: string;
  calls: number;
  server: Server;
}

async function startRecorder(): Promise<Recorder> {
  const recorder = { url: '', calls: 0 } as Recorder;
  recorder.server = createServer((req, res) => {
    recorder.calls += 1;
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: null })));
  });
  await new Promise<void>((resolve) => recorder.server.listen(0, '127.0.0.1', resolve));
  recorder.url = `http://127.0.0.1:${(recorder.server.address() as AddressInfo).port}/graphql`;
  return recorder;
}

const RESEARCHER = await testToken(['researcher']);

async function post(url: string, body: string, token = RESEARCHER) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body,
  });
  const json = (await res.json()) as {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
  return { status: res.status, retryAfter: res.headers.get('retry-after'), ...json };
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

/** A nested selection `depth` levels deep. */
const nested = (depth: number) =>
  `${'{ instrument(symbol: "AAPL") '.repeat(1)}${'{ a '.repeat(depth - 1)}{ b }${' }'.repeat(depth)}`;

const FAN_OUT =
  '{ instrument(symbol: "AAPL") { altDatasets { coverage { altDatasets { coverage { altDatasets { coverage { altDatasets { coverage { symbol } } } } } } } } } }';

/** instrument { bars(last: 1) { instrument { bars(last: 1) … { close } } } }: 2 × pairs + 1 levels. */
const deep = (pairs: number) =>
  `{ instrument(symbol: "AAPL") { ${'bars(last: 1) { instrument { '.repeat(pairs)}symbol${' } }'.repeat(pairs)} } }`;

function fragmentBomb(levels: number): string {
  const fragments = ['fragment F0 on Query { instruments { totalCount } }'];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `query Bomb { ...F${levels} }\n${fragments.join('\n')}`;
}

const aliases = (n: number, field: string) => `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;

const README_QUERY = `query InstrumentOverview($symbol: String!) {
  instrument(symbol: $symbol) {
    symbol
    bars(last: 2) { time open high low close volume availableAt }
    altDatasets { name vendor { name } }
    features { ref expression }
    models { name task }
    backtests { name status }
  }
}`;

describe('operation limits at the gateway', () => {
  let recorder: Recorder;
  let gateway: RunningGateway;
  const L = DEFAULT_OPERATION_LIMITS;

  beforeAll(async () => {
    recorder = await startRecorder();
    const urls = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, recorder.url])) as Record<SubgraphName, string>;
    gateway = await startGateway({
      port: 0,
      host: '127.0.0.1',
      supergraphSdl: composeSupergraph(urls),
      subgraphUrls: urls,
      logging: false,
      auth: TEST_AUTH,
    });
  });
  afterAll(async () => {
    await gateway?.stop();
    await new Promise((resolve) => recorder?.server.close(resolve));
  });

  const refused: [string, () => string, string, number, number?][] = [
    ['the four-level altDatasets/coverage fan-out', () => query(FAN_OUT), 'maxCost', L.maxCost],
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
    [
      '11 dataQuality reports (each costs 5,000)',
      () => query(aliases(11, 'dataQuality { instruments }')),
      'maxCost',
      L.maxCost,
    ],
    ['a 20 MB body', () => query(`{ __typename }${' '.repeat(20 * 1024 * 1024)}`), 'maxBodyBytes', L.maxBodyBytes, 413],
    ['a variables object with a million keys', () => MILLION_KEYS, 'maxVariablesBytes', L.maxVariablesBytes],
    [
      'a query with 300 KB of variables',
      () => query('{ __typename }', { v: 'x'.repeat(300 * 1024) }),
      'maxVariablesBytes',
      L.maxVariablesBytes,
    ],
    [
      '40 root fields',
      () => query(`{ ${Array.from({ length: 40 }, () => '__typename').join(' ')} }`),
      'maxRootFields',
      L.maxRootFields,
    ],
    [
      '60 directives',
      () => query(`{ __typename ${Array.from({ length: 60 }, () => '@include(if: true)').join(' ')} }`),
      'maxDirectives',
      L.maxDirectives,
    ],
  ];

  it.each(refused)(
    'refuses %s with an error naming its limit, calling no subgraph',
    async (_, body, limit, max, status = 400) => {
      const before = recorder.calls;
      const res = await post(gateway.url, body());
      expect(res.status).toBe(status);
      expect(res.data ?? null).toBeNull();
      expect(res.errors).toHaveLength(1);
      expect(res.errors![0]!.message).toContain(`limit ${limit} = ${max}`);
      expect(res.errors![0]!.extensions).toMatchObject({ code: 'OPERATION_LIMIT_EXCEEDED', limit, max });
      expect(recorder.calls).toBe(before);
    },
  );

  it('passes legitimate operations on: the README query, a page of bars, a report, a large mutation', async () => {
    for (const body of [
      query(README_QUERY, { symbol: 'AAPL' }),
      query('{ bars(symbols: ["AAPL", "MSFT"], first: 5000) { edges { node { time close } } } }'),
      query('{ instrument(symbol: "AAPL") { altDatasets { coverage { symbol } } } dataQuality { instruments } }'),
      // A mutation's inputs may be large (here 100,000 spine rows, about 6 MB): the body limit bounds them.
      query('mutation ($input: CreateTrainingSetInput!) { createTrainingSet(input: $input) { ok } }', {
        input: {
          name: 'big',
          spine: { rows: Array.from({ length: 100_000 }, (_, i) => ({ entity: 'AAPL', t: `2020-01-01T00:00:${i}Z` })) },
        },
      }),
    ]) {
      const before = recorder.calls;
      const res = await post(gateway.url, body);
      expect(res.errors?.find((e) => e.extensions?.code === 'OPERATION_LIMIT_EXCEEDED')).toBeUndefined();
      expect(recorder.calls).toBeGreaterThan(before);
    }
  });
});
