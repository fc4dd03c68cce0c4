import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AlphagraphClient } from './client.ts';
import { AlphagraphError } from './errors.ts';
import { OnlineFeaturesDocument } from './generated/graphql.ts';
import manifest from './generated/persisted-documents.json' with { type: 'json' };
import { backoffMs } from './internal/transport.ts';
import { writeTrainingSet } from './node.ts';

// A scripted GraphQL server: each test says how it answers, and reads what the SDK sent.
type Handler = (body: Record<string, any>, req: IncomingMessage, res: ServerResponse) => void;
let server: Server;
let url: string;
let handler: Handler;
const seen: { body: Record<string, any>; authorization: string | undefined }[] = [];

function json(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
}

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      const body = raw ? (JSON.parse(raw) as Record<string, any>) : {};
      seen.push({ body, authorization: req.headers.authorization });
      handler(body, req, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
afterEach(() => {
  seen.length = 0;
});

const ONLINE = {
  onlineFeatures: {
    features: ['f1'],
    servedAt: '2024-01-02T00:00:00Z',
    asOf: '2024-01-02T00:00:00Z',
    unknownEntities: [],
    rows: [{ entity: 'AAPL', vector: [1.5], statuses: ['CURRENT'], eventTimes: ['2024-01-01T00:00:00Z'] }],
  },
};

/** A client whose backoffs are recorded instead of waited. */
function clientWith(options: Partial<ConstructorParameters<typeof AlphagraphClient>[0]> = {}) {
  const waits: number[] = [];
  const client = new AlphagraphClient({
    url,
    token: 'tok',
    sleep: async (ms) => void waits.push(ms),
    random: () => 0.5,
    ...options,
  });
  return { client, waits };
}

describe('requests', () => {
  it('sends an SDK operation as its persisted id (the manifest hash) with a bearer token', async () => {
    handler = (_, __, res) => json(res, 200, { data: ONLINE });
    const { client } = clientWith();
    const result = await client.onlineFeatures({ entities: ['AAPL'], features: ['f1'] });
    expect(result.rows[0]!.vector).toEqual([1.5]);
    const { body, authorization } = seen[0]!;
    expect(authorization).toBe('Bearer tok');
    expect(body.query).toBeUndefined();
    expect(body.operationName).toBe('OnlineFeatures');
    const hash = body.extensions.persistedQuery.sha256Hash as string;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    // The manifest holds that hash, and the document under it is the OnlineFeatures query.
    const document = (manifest as Record<string, string>)[`sha256:${hash}`];
    expect(document).toContain('query OnlineFeatures(');
    // Independently: the hash is the SHA-256 of the document's text.
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(document));
    expect(Buffer.from(digest).toString('hex')).toBe(hash);
  });

  it('sends the text instead when persisted ids are off', async () => {
    handler = (_, __, res) => json(res, 200, { data: ONLINE });
    await clientWith({ persisted: false }).client.request(OnlineFeaturesDocument, { entities: ['A'], features: ['f'] });
    expect(seen[0]!.body.query).toContain('query OnlineFeatures(');
    expect(seen[0]!.body.extensions).toBeUndefined();
  });

  it('asks the token provider before each request, and for a fresh token once after UNAUTHENTICATED', async () => {
    let n = 0;
    const asked: boolean[] = [];
    handler = (_, req, res) =>
      req.headers.authorization === 'Bearer t1'
        ? json(res, 200, { errors: [{ message: 'token expired', extensions: { code: 'UNAUTHENTICATED' } }] })
        : json(res, 200, { data: ONLINE });
    const { client } = clientWith({
      token: ({ refresh }) => {
        asked.push(refresh);
        return `t${++n}`;
      },
    });
    await client.onlineFeatures({ entities: ['AAPL'], features: ['f1'] });
    expect(seen.map((s) => s.authorization)).toEqual(['Bearer t1', 'Bearer t2']);
    expect(asked).toEqual([false, true]);
  });
});

describe('retries', () => {
  it('retries a query on transient failures with jittered, growing backoff', async () => {
    let calls = 0;
    handler = (_, __, res) => {
      calls += 1;
      if (calls === 1) return json(res, 503, { error: 'overloaded' });
      if (calls === 2) return json(res, 200, { errors: [{ message: 'db down', extensions: { code: 'UNAVAILABLE' } }] });
      json(res, 200, { data: ONLINE });
    };
    const { client, waits } = clientWith({ retry: { attempts: 3, baseDelayMs: 100, maxDelayMs: 10_000 } });
    await client.onlineFeatures({ entities: ['AAPL'], features: ['f1'] });
    expect(calls).toBe(3);
    // random() = 0.5: half of 100 * 2^0, then half of 100 * 2^1.
    expect(waits).toEqual([50, 100]);
  });

  it('honours Retry-After on 429', async () => {
    let calls = 0;
    handler = (_, __, res) =>
      ++calls === 1 ? json(res, 429, { error: 'slow down' }, { 'retry-after': '2' }) : json(res, 200, { data: ONLINE });
    const { client, waits } = clientWith();
    await client.onlineFeatures({ entities: ['AAPL'], features: ['f1'] });
    expect(waits).toEqual([2000]);
  });

  it('gives up after the last attempt with the last error', async () => {
    handler = (_, __, res) => json(res, 200, { errors: [{ message: 'db down', extensions: { code: 'UNAVAILABLE' } }] });
    const { client } = clientWith({ retry: { attempts: 2 } });
    const error = await client.onlineFeatures({ entities: ['A'], features: ['f'] }).catch((e) => e);
    expect(error).toBeInstanceOf(AlphagraphError);
    expect(error.code).toBe('UNAVAILABLE');
    expect(seen).toHaveLength(2);
  });

  it('never retries a mutation', async () => {
    handler = (_, __, res) => json(res, 503, { error: 'overloaded' });
    const { client, waits } = clientWith({ retry: { attempts: 5 } });
    const error = await client.killSwitch('m', 'why').catch((e) => e);
    expect(error.code).toBe('HTTP_ERROR');
    expect(error.status).toBe(503);
    expect(seen).toHaveLength(1);
    expect(waits).toEqual([]);
  });

  it('does not retry what a retry cannot fix', async () => {
    handler = (_, __, res) =>
      json(res, 200, { errors: [{ message: 'unknown symbol ZZZ', extensions: { code: 'BAD_USER_INPUT' } }] });
    const error = await clientWith()
      .client.onlineFeatures({ entities: ['ZZZ'], features: ['f'] })
      .catch((e) => e);
    expect(error.code).toBe('BAD_USER_INPUT');
    expect(seen).toHaveLength(1);
  });

  it('keeps each backoff below its exponential cap and the maximum', () => {
    const retry = { attempts: 10, baseDelayMs: 100, maxDelayMs: 1000 };
    for (let attempt = 0; attempt < 8; attempt++) {
      expect(backoffMs(attempt, retry, () => 0.999999)).toBeLessThan(Math.min(1000, 100 * 2 ** attempt));
      expect(backoffMs(attempt, retry, () => 0)).toBe(0);
    }
  });
});

describe('errors and timeouts', () => {
  it('attaches the GraphQL error (path, extensions) to a typed error', async () => {
    const graphQLError = {
      message: 'field Query.signals needs one of the roles trader, service',
      path: ['signals'],
      extensions: { code: 'FORBIDDEN' },
    };
    handler = (_, __, res) => json(res, 200, { data: { signals: null }, errors: [graphQLError] });
    const error = await clientWith()
      .client.signals({ model: 'm' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AlphagraphError);
    expect(error.code).toBe('FORBIDDEN');
    expect(error.message).toBe(graphQLError.message);
    expect(error.graphQLError).toEqual(graphQLError);
    expect(error.operationName).toBe('Signals');
  });

  it('a result union refusal becomes an error with the result code', async () => {
    handler = (_, __, res) =>
      json(res, 200, {
        data: {
          runBacktest: { ok: false, backtest: null, error: { code: 'INVALID_SPEC', message: 'period is empty' } },
        },
      });
    const error = await clientWith()
      .client.runBacktest({ name: 'b', universe: ['AAPL'], periodStart: '2024-01-02', periodEnd: '2024-01-01' })
      .catch((e) => e);
    expect(error.code).toBe('INVALID_SPEC');
    expect(error.message).toBe('period is empty');
  });

  it('a request with no answer within the timeout fails with TIMEOUT (and is retried as a read)', async () => {
    handler = () => {}; // never answers
    const { client } = clientWith({ timeoutMs: 50, retry: { attempts: 2 } });
    const error = await client.onlineFeatures({ entities: ['A'], features: ['f'] }).catch((e) => e);
    expect(error.code).toBe('TIMEOUT');
    expect(seen).toHaveLength(2);
  });

  it("the caller's abort stops a request without retrying it", async () => {
    handler = () => {};
    const controller = new AbortController();
    const pending = clientWith()
      .client.onlineFeatures({ entities: ['A'], features: ['f'] }, { signal: controller.signal })
      .catch((e) => e);
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    expect((await pending).code).toBe('ABORTED');
    expect(seen).toHaveLength(1);
  });

  it('an unreachable gateway is a NETWORK_ERROR', async () => {
    const client = new AlphagraphClient({ url: 'http://127.0.0.1:1/graphql', retry: { attempts: 1 } });
    expect((await client.onlineFeatures({ entities: ['A'], features: ['f'] }).catch((e) => e)).code).toBe(
      'NETWORK_ERROR',
    );
  });
});

describe('bars pages and alert subscriptions', () => {
  it('iterates bar pages by cursor until the last', async () => {
    const pages: Record<string, any> = {
      start: { edges: [{ cursor: 'c1', node: { symbol: 'A' } }], pageInfo: { hasNextPage: true, endCursor: 'c1' } },
      c1: { edges: [{ cursor: 'c2', node: { symbol: 'B' } }], pageInfo: { hasNextPage: false, endCursor: 'c2' } },
    };
    handler = (body, _, res) => json(res, 200, { data: { bars: pages[body.variables.after ?? 'start'] } });
    const got: string[][] = [];
    for await (const page of clientWith().client.bars({ symbols: ['A', 'B'], first: 1 })) {
      got.push(page.bars.map((b) => b.symbol));
    }
    expect(got).toEqual([['A'], ['B']]);
    expect(seen.map((s) => s.body.variables.after)).toEqual([null, 'c1']);
  });

  it('reads alerts from an event stream, skipping keep-alives, until complete', async () => {
    handler = (body, req, res) => {
      expect(req.headers.accept).toBe('text/event-stream');
      expect(body.variables).toEqual({ model: 'm' });
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write(':\n\n');
      res.write(`event: next\ndata: ${JSON.stringify({ data: { alertRaised: { id: '1', rule: 'DRIFT' } } })}\n\n`);
      res.write(
        `event: next\r\ndata: ${JSON.stringify({ data: { alertRaised: { id: '2', rule: 'ACCURACY' } } })}\r\n\r\n`,
      );
      res.end('event: complete\ndata:\n\n');
    };
    const alerts = [];
    for await (const alert of clientWith().client.alerts({ model: 'm' })) alerts.push(alert.id);
    expect(alerts).toEqual(['1', '2']);
  });

  it('a refused subscription throws its GraphQL error', async () => {
    handler = (_, __, res) =>
      json(res, 200, { errors: [{ message: 'Query.alertRaised needs a role', extensions: { code: 'FORBIDDEN' } }] });
    const error = await (async () => {
      for await (const _ of clientWith().client.alerts()) {
      }
    })().catch((e) => e);
    expect(error.code).toBe('FORBIDDEN');
  });
});

describe('training sets', () => {
  let dir: string;
  let parquet: Buffer;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'sdk-'));
    const duck = await DuckDBInstance.create(':memory:');
    const connection = await duck.connect();
    const file = join(dir, 'set.parquet');
    await connection.run(
      `COPY (SELECT * FROM (VALUES ('AAPL', TIMESTAMP '2024-01-02 21:00:00', 0.5::DOUBLE, 1::BIGINT),
        ('MSFT', TIMESTAMP '2024-01-02 21:00:00', NULL, 0::BIGINT)) t(entity, "time", f1, label)) TO '${file}' (FORMAT parquet, COMPRESSION zstd)`,
    );
    connection.closeSync();
    duck.closeSync();
    parquet = await readFile(file);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const SET = { id: 'ts1', name: 'demo', error: null, featureRefs: ['f1@1'], rowCount: 2, builds: 1 };

  function trainingSetServer(statuses: string[]) {
    handler = (body, req, res) => {
      if (req.method === 'GET') {
        expect(req.headers.authorization).toBe('Bearer tok');
        res.writeHead(200, { 'content-type': 'application/vnd.apache.parquet' }).end(parquet);
        return;
      }
      if (body.operationName === 'CreateTrainingSet') {
        return json(res, 200, {
          data: { createTrainingSet: { ok: true, error: null, trainingSet: { ...SET, status: 'BUILDING' } } },
        });
      }
      if (body.operationName === 'TrainingSet') {
        return json(res, 200, { data: { trainingSet: { ...SET, status: statuses.shift(), error: 'out of memory' } } });
      }
      json(res, 200, {
        data: {
          trainingSet: {
            id: 'ts1',
            status: 'READY',
            download: { url: '/downloads/features/tok123', expiresAt: '', rows: 2, bytes: parquet.length },
          },
        },
      });
    };
  }
  const input = { name: 'demo', spine: { entities: ['AAPL', 'MSFT'] } } as never;

  it('waits for the build, then returns the file (zstd, as the lake writes) as an Arrow table', async () => {
    trainingSetServer(['BUILDING', 'READY']);
    const built = await clientWith().client.buildTrainingSet(input, { pollIntervalMs: 1 });
    expect(built.trainingSet.status).toBe('READY');
    const table = await built.arrow();
    expect(table.numRows).toBe(2);
    expect(table.schema.fields.map((f) => f.name)).toEqual(['entity', 'time', 'f1', 'label']);
    expect(table.getChild('entity')!.toArray()).toEqual(['AAPL', 'MSFT']);
    expect([...table.getChild('f1')!]).toEqual([0.5, null]);
    expect(seen.map((s) => s.body.operationName ?? 'GET')).toEqual([
      'CreateTrainingSet',
      'TrainingSet',
      'TrainingSet',
      'TrainingSetDownload',
      'GET',
    ]);
  });

  it('streams the file to disk with the node entry', async () => {
    trainingSetServer(['READY']);
    const built = await clientWith().client.buildTrainingSet(input, { pollIntervalMs: 1 });
    const path = join(dir, 'out.parquet');
    const written = await writeTrainingSet(built, path);
    expect(written.bytes).toBe(parquet.length);
    expect((await readFile(path)).equals(parquet)).toBe(true);
  });

  it('reports download progress against the size the link declares', async () => {
    trainingSetServer(['READY']);
    const built = await clientWith().client.buildTrainingSet(input, { pollIntervalMs: 1 });
    const progress: [number, number | undefined][] = [];
    await writeTrainingSet(built, join(dir, 'progress.parquet'), { onProgress: (b, t) => progress.push([b, t]) });
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual([parquet.length, parquet.length]);
    expect(progress.every(([b], i) => i === 0 || b > progress[i - 1]![0])).toBe(true);
  });

  it('a failed build throws BUILD_FAILED with its reason', async () => {
    trainingSetServer(['FAILED']);
    const error = await clientWith()
      .client.buildTrainingSet(input, { pollIntervalMs: 1 })
      .catch((e) => e);
    expect(error.code).toBe('BUILD_FAILED');
    expect(error.message).toContain('out of memory');
  });
});

describe('workflow calls (features, sweeps, backtest reports)', () => {
  const FEATURE = {
    id: 'f1',
    name: 'mom_5',
    version: 2,
    ref: 'mom_5@2',
    owner: 'rita',
    description: 'momentum',
    entity: 'INSTRUMENT',
    expression: '$close / Ref($close, 5) - 1',
    ttlSeconds: 345600,
    status: 'ACTIVE',
    tags: [],
    inputs: ['bars'],
    lookback: 5,
    createdAt: '2024-01-02T00:00:00Z',
  };

  it('defineFeature sends DefineFeature persisted and returns the version and whether it is new', async () => {
    handler = (_, __, res) =>
      json(res, 200, { data: { defineFeature: { ok: true, created: true, error: null, feature: FEATURE } } });
    const { feature, created } = await clientWith().client.defineFeature({
      name: 'mom_5',
      description: 'momentum',
      expression: '$close / Ref($close, 5) - 1',
    });
    expect(created).toBe(true);
    expect(feature.ref).toBe('mom_5@2');
    expect(seen[0]!.body.operationName).toBe('DefineFeature');
    expect(seen[0]!.body.extensions.persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    expect(seen[0]!.body.variables.input.expression).toBe('$close / Ref($close, 5) - 1');
  });

  it('a refused definition throws its code, with the position of a bad expression', async () => {
    handler = (_, __, res) =>
      json(res, 200, {
        data: {
          defineFeature: {
            ok: false,
            created: false,
            feature: null,
            error: {
              code: 'BAD_EXPRESSION',
              message: 'unknown field $clos',
              reason: 'UNKNOWN_FIELD',
              line: 1,
              column: 1,
              field: 'expression',
            },
          },
        },
      });
    const error = await clientWith()
      .client.defineFeature({ name: 'bad', description: 'x', expression: '$clos' })
      .catch((e) => e);
    expect(error).toBeInstanceOf(AlphagraphError);
    expect(error.code).toBe('BAD_EXPRESSION');
    expect(error.message).toBe('unknown field $clos (line 1, column 1)');
  });

  const SWEEP = {
    id: 's1',
    name: 'grid',
    progress: 0,
    error: 'no bars',
    createdAt: '',
    finishedAt: null,
    reportPath: '/reports/sweeps/s1',
    grid: [{ name: 'window', values: [5, 10] }],
    configurations: [],
    overfitting: null,
    bestBacktest: null,
  };

  it('runSweep with wait polls the sweep until it finishes, reporting progress', async () => {
    const statuses = ['RUNNING', 'SUCCEEDED'];
    handler = (body, _, res) => {
      if (body.operationName === 'RunSweep')
        return json(res, 200, { data: { runSweep: { ok: true, error: null, sweep: { ...SWEEP, status: 'QUEUED' } } } });
      json(res, 200, { data: { sweep: { ...SWEEP, status: statuses.shift() } } });
    };
    const progress: string[] = [];
    const sweep = await clientWith().client.runSweep(
      { spec: { name: 'grid', universe: ['AAPL'], periodStart: '2015-01-02', periodEnd: '2015-12-31' }, grid: [] },
      { wait: true, pollIntervalMs: 1, onProgress: (s) => progress.push(s.status) },
    );
    expect(sweep.status).toBe('SUCCEEDED');
    expect(progress).toEqual(['QUEUED', 'RUNNING']);
    expect(seen.map((s) => s.body.operationName)).toEqual(['RunSweep', 'Sweep', 'Sweep']);
  });

  it('a failed sweep throws BUILD_FAILED with its reason; a refused one its result code', async () => {
    handler = (body, _, res) =>
      body.operationName === 'RunSweep'
        ? json(res, 200, { data: { runSweep: { ok: true, error: null, sweep: { ...SWEEP, status: 'FAILED' } } } })
        : json(res, 500, {});
    const spec = { name: 'grid', universe: ['AAPL'], periodStart: '2015-01-02', periodEnd: '2015-12-31' };
    const failed = await clientWith()
      .client.runSweep({ spec, grid: [] }, { wait: true })
      .catch((e) => e);
    expect(failed.code).toBe('BUILD_FAILED');
    expect(failed.message).toBe('sweep grid failed: no bars');
    handler = (_, __, res) =>
      json(res, 200, {
        data: { runSweep: { ok: false, sweep: null, error: { code: 'NO_DATA', message: 'no bars in 2015' } } },
      });
    const refusedError = await clientWith()
      .client.runSweep({ spec, grid: [] })
      .catch((e) => e);
    expect(refusedError.code).toBe('NO_DATA');
  });

  it('backtestReport resolves the report path against the gateway URL; an unknown id is NOT_FOUND', async () => {
    handler = (_, __, res) =>
      json(res, 200, {
        data: { backtest: { id: 'b1', name: 'b', status: 'SUCCEEDED', reportPath: '/reports/backtests/b1' } },
      });
    const { backtest, reportUrl } = await clientWith().client.backtestReport('b1');
    expect(backtest.id).toBe('b1');
    expect(reportUrl).toBe(`${new URL(url).origin}/reports/backtests/b1`);
    handler = (_, __, res) => json(res, 200, { data: { backtest: null } });
    const error = await clientWith()
      .client.backtestReport('nope')
      .catch((e) => e);
    expect(error.code).toBe('NOT_FOUND');
  });
});
