// The typed SDK end to end: the example service (examples/signals-service), which uses only
// @alphagraph/sdk, reads a production model's signals and online features through the gateway with
// a service token. The gateway runs with GATEWAY_PERSISTED_ONLY_ROLES=service, so the service can
// only be using persisted operations (trusted documents); a free-form query with the same token is
// refused. Every operation in the examples (TypeScript, Python, curl) is validated against the schema.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { demoUniverse, runModelsDemo } from '@alphagraph/cli';
import { createSignalsService } from '@alphagraph/example-signals-service';
import { AlphagraphClient, isAlphagraphError } from '@alphagraph/sdk';
import { writeTrainingSet } from '@alphagraph/sdk/node';
import { buildSchema, parse, validate } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const MODEL = 'demo_alpha158_direction';
// The demo's bars end on 2018-02-07: as of the next morning every Alpha158 value is CURRENT.
const AS_OF = '2018-02-08T12:00:00.000Z';
const ROOT = new URL('../../', import.meta.url);
const execFileAsync = promisify(execFile);

describe('the SDK through the gateway', () => {
  let p: TestPlatform;
  let service: string;
  let trader: string;

  beforeAll(async () => {
    p = await startTestPlatform({ env: { GATEWAY_PERSISTED_ONLY_ROLES: 'service' } });
    const demo = await runModelsDemo({
      gatewayUrl: p.gatewayUrl,
      token: p.token,
      universe: demoUniverse(),
      log: () => {},
    });
    // An admin deploys the validated version, through the SDK as well (persisted mutations).
    const admin = new AlphagraphClient({ url: p.gatewayUrl, token: await p.token(['admin'], 'ada') });
    const validated = demo.versions.find((v) => v.stage === 'VALIDATED')!;
    await admin.promoteVersion({ version: validated.id, to: 'CANARY', reason: 'e2e rollout', capitalFraction: 0.05 });
    await admin.promoteVersion({ version: validated.id, to: 'PRODUCTION', reason: 'e2e rollout' });
    service = await p.token(['service'], 'svc-example');
    trader = await p.token(['trader'], 'tom');
  }, 900_000);
  afterAll(async () => {
    await p?.dispose();
  });

  it('the example service reads signals and online features with persisted operations only', async () => {
    const sent: Record<string, any>[] = [];
    const recording: typeof fetch = async (input, init) => {
      sent.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    const example = createSignalsService({ gatewayUrl: p.gatewayUrl, token: service, client: { fetch: recording } });
    const snapshot = await example.snapshot(MODEL, { asOf: AS_OF });

    // Every request went out as a persisted id, never as text.
    expect(sent.map((b) => b.operationName)).toEqual(['Signals', 'OnlineFeatures']);
    for (const body of sent) {
      expect(body.query).toBeUndefined();
      expect(body.extensions.persistedQuery.sha256Hash).toMatch(/^[0-9a-f]{64}$/);
    }

    // The same answers, read independently by a trader with free-form queries.
    const signals = (
      await p.query(
        `query($m: String!, $a: DateTime) { signals(model: $m, asOf: $a) { status asOf
           sets { stage features rows { symbol status prediction probability } } } }`,
        { m: MODEL, a: AS_OF },
        { token: trader },
      )
    ).data.signals;
    const production = signals.sets.find((s: { stage: string }) => s.stage === 'PRODUCTION');
    expect(snapshot.status).toBe('OK');
    expect(snapshot.rows.map((r) => r.symbol).sort()).toEqual([...demoUniverse()].sort());
    expect(snapshot.rows.map(({ features: _, ...r }) => r)).toEqual(production.rows);

    const symbols = production.rows.map((r: { symbol: string }) => r.symbol);
    const online = (
      await p.query(
        `query($e: [String!]!, $f: [String!]!, $a: DateTime) { onlineFeatures(entities: $e, features: $f, asOf: $a) {
           features rows { entity values { feature value } } } }`,
        { e: symbols, f: production.features, a: signals.asOf },
        { token: trader },
      )
    ).data.onlineFeatures;
    expect(online.features.length).toBeGreaterThan(100);
    for (const row of online.rows) {
      const mine = snapshot.rows.find((r) => r.symbol === row.entity)!;
      expect(Object.keys(mine.features)).toEqual(online.features);
      expect(Object.values(mine.features)).toEqual(row.values.map((v: { value: number | null }) => v.value));
    }
    // Scored rows read current values: the feature vectors are not empty.
    const scored = snapshot.rows.filter((r) => r.status === 'OK');
    expect(scored.length).toBeGreaterThan(15);
    for (const r of scored) expect(Object.values(r.features).every((v) => typeof v === 'number')).toBe(true);
  });

  it('refuses a free-form query from the same service token, and an unknown persisted id', async () => {
    const freeForm = await p.query(
      `query($m: String!) { signals(model: $m) { status } }`,
      { m: MODEL },
      { token: service },
    );
    expect(freeForm.errors?.[0]?.extensions?.code).toBe('PERSISTED_QUERY_ONLY');
    expect(freeForm.data ?? null).toBeNull();

    const unknown = await fetch(p.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${service}` },
      body: JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }),
    });
    const body = (await unknown.json()) as { errors: { message: string; extensions: { code: string } }[] };
    expect(body.errors[0]!.extensions.code).toBe('PERSISTED_QUERY_NOT_FOUND');

    // Through the SDK the same refusals are typed errors.
    const text = new AlphagraphClient({ url: p.gatewayUrl, token: service, persisted: false });
    const error = await text.signals({ model: MODEL }).catch((e: unknown) => e);
    expect(isAlphagraphError(error, 'PERSISTED_QUERY_ONLY')).toBe(true);
  });

  it('a typed platform error carries its GraphQL error', async () => {
    const client = new AlphagraphClient({ url: p.gatewayUrl, token: service });
    const error = await client.signals({ model: 'no_such_model' }).catch((e: unknown) => e);
    expect(isAlphagraphError(error)).toBe(true);
    if (!isAlphagraphError(error)) return;
    expect(error.code).toBe('NOT_FOUND');
    expect(error.graphQLError?.path).toEqual(['signals']);
    expect(error.message).toContain('no_such_model');
  });

  it('a researcher builds a training set and reads its Parquet download as Arrow and as a file', async () => {
    const researcher = new AlphagraphClient({ url: p.gatewayUrl, token: await p.token(['researcher'], 'rita') });
    const states: string[] = [];
    const built = await researcher.buildTrainingSet(
      {
        name: 'sdk_e2e_set',
        entities: demoUniverse().slice(0, 4),
        spine: { schedule: { calendar: 'XNYS', times: ['16:30'] } },
        period: { from: '2017-06-01', to: '2017-09-01' },
        featureSets: ['alpha158'],
        labels: [{ name: 'fwd_5', forwardReturn: { horizon: 5 } }],
      },
      { pollIntervalMs: 200, onProgress: (t) => states.push(t.status) },
    );
    expect(states.at(-1)).toBe('READY');
    const { trainingSet } = built;
    expect(trainingSet.rowCount).toBeGreaterThan(100);
    // The file's content against what GraphQL says of it.
    const table = await built.arrow();
    expect(table.numRows).toBe(trainingSet.rowCount);
    expect(table.schema.fields.map((f) => f.name)).toEqual(trainingSet.columns.map((c) => c.name));
    const dir = mkdtempSync(join(tmpdir(), 'sdk-e2e-'));
    try {
      const link = await built.link();
      const written = await writeTrainingSet(built, join(dir, 'set.parquet'));
      expect(written.bytes).toBe(link.bytes);
      expect(statSync(written.path).size).toBe(link.bytes);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the Python notebook example builds a training set and downloads its Parquet file over plain HTTP', async () => {
    const token = await p.token(['researcher'], 'rita');
    const { stdout } = await execFileAsync(
      'python3',
      [fileURLToPath(new URL('examples/python/training_set.py', ROOT))],
      {
        env: {
          ...process.env,
          ALPHAGRAPH_URL: p.gatewayUrl,
          ALPHAGRAPH_TOKEN: token,
          ALPHAGRAPH_ENTITIES: 'AAPL,MSFT',
        },
        timeout: 300_000,
      },
    );
    // "<rows> rows, <n> features [splits]" once the build is READY, then the download's own figures.
    const built = /^(\d+) rows, (\d+) features/m.exec(stdout);
    expect(built, stdout).not.toBeNull();
    expect(Number(built![1])).toBeGreaterThan(500); // 2 symbols x 2 years of sessions
    expect(Number(built![2])).toBe(158);
    const downloaded = /^downloaded (\d+) bytes of Parquet, (\d+) rows \(TRAIN\)$/m.exec(stdout);
    expect(downloaded, stdout).not.toBeNull();
    expect(Number(downloaded![2])).toBeGreaterThan(0);
    expect(Number(downloaded![2])).toBeLessThan(Number(built![1]));
  }, 300_000);

  it('every operation in the examples exists in the supergraph', () => {
    const schema = buildSchema(readFileSync(new URL('schema/supergraph.graphql', ROOT), 'utf8'));
    const python = readFileSync(new URL('examples/python/training_set.py', ROOT), 'utf8');
    const curl = readFileSync(new URL('examples/curl.md', ROOT), 'utf8');
    const documents = [
      ...[...python.matchAll(/"""(\s*(?:query|mutation)[\s\S]*?)"""/g)].map((m) => m[1]!),
      ...[...curl.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]!),
    ];
    expect(documents.length).toBeGreaterThanOrEqual(4);
    for (const document of documents) expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
  });
});
