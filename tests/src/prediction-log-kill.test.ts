// The prediction log survives a models process killed with SIGKILL (issue 14): an answered signals
// request is in the log after a restart, a request killed before it was answered left nothing
// half-written, and a retried logPredictions after a restart is a no-op. A real models process on a
// test database of each kind; a small HTTP server stands in for the features subgraph.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_AUTH_ENV, testToken } from '@alphagraph/auth/testing';
import { predictionLogDatasetName } from '@alphagraph/datasets';
import { seedTrainingSet } from '@alphagraph/datasets/testing';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { Lake } from '@alphagraph/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FaultDatabase,
  faultDatabase,
  type ServiceProcess,
  startServiceProcess,
  stopProcess,
} from './fault-kit.ts';

const UNIVERSE = ['K00', 'K01', 'K02', 'K03', 'K04', 'K05'];
const FEATURES = ['kill_signal@1', 'kill_noise@1'];

/** A deterministic panel: label = 0.02 x signal + noise, 80 weekdays from 2016-01-04. */
function panel() {
  let a = 11;
  const rand = () => {
    a = (a * 1103515245 + 12345) % 2 ** 31;
    return a / 2 ** 31 - 0.5;
  };
  const rows = [];
  for (let k = 0, d = Date.UTC(2016, 0, 4, 21); k < 80; d += 86_400_000) {
    if ([0, 6].includes(new Date(d).getUTCDay())) continue;
    for (const entity of UNIVERSE) {
      const signal = rand();
      rows.push({
        entity,
        t: new Date(d),
        split: (k < 50 ? 'train' : k < 65 ? 'validation' : 'test') as 'train' | 'validation' | 'test',
        features: [signal, rand()],
        label: 0.02 * signal + 0.005 * rand(),
      });
    }
    k++;
  }
  return rows;
}

describe.each(testDatabaseKinds())('the prediction log and a killed models process (%s)', (kind) => {
  let db: FaultDatabase;
  let dir: string;
  let lake: Lake;
  let features: Server;
  let models: ServiceProcess | undefined;
  let env: Record<string, string>;
  let url = '';
  const fake = { delayMs: 0, calls: 0 };

  const start = async () => {
    models = startServiceProcess('@alphagraph/models', env);
    const line = await models.lineMatching(/listening on http:\/\/[\d.]+:\d+/, 120_000);
    url = `${line.match(/http:\/\/[\d.]+:\d+/)![0]}/graphql`;
    await models.lineMatching(/\[models\] ready/, 120_000);
  };
  const gql = async (query: string, variables: Record<string, unknown>, roles: string[], user: string) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken(roles as never, user)}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
    if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
    return body.data!;
  };
  const logRows = async () => {
    const snapshot = await lake.currentSnapshot(predictionLogDatasetName('killtest')).catch(() => null);
    return snapshot ? lake.query<Record<string, unknown>>(`SELECT * FROM ${lake.scan(snapshot)}`) : [];
  };
  const SIGNALS = `{ signals(model: "killtest") { requestId sets { rows { symbol status prediction } } } }`;

  beforeAll(async () => {
    db = await faultDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'ag-kill-'));
    lake = await Lake.open({ root: join(dir, 'lake'), db: db.handle.db, threads: 1 });
    const ts = await seedTrainingSet(
      { db: db.handle.db, lake },
      {
        name: 'killtest',
        createdBy: 'alice',
        features: ['kill_signal', 'kill_noise'],
        label: 'fwd_1',
        horizon: 1,
        rows: panel(),
      },
    );
    features = createServer((req, res) => {
      fake.calls++;
      req.resume();
      req.on('end', () => {
        setTimeout(() => {
          const rows = UNIVERSE.map((entity, i) => ({
            entity,
            vector: [0.1 * i - 0.2, 0.01 * i],
            statuses: ['CURRENT', 'CURRENT'],
            eventTimes: ['2016-05-01T20:00:00.000Z', '2016-05-01T20:00:00.000Z'],
          }));
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ data: { onlineFeatures: { rows, unknownEntities: [] } } }));
        }, fake.delayMs);
      });
    });
    await new Promise<void>((r) => features.listen(0, '127.0.0.1', r));
    env = {
      ...db.env,
      ...TEST_AUTH_ENV,
      LAKE_ROOT: join(dir, 'lake'),
      DEMO_DATA: 'false',
      PORT: '0',
      SUBGRAPH_FEATURES_URL: `http://127.0.0.1:${(features.address() as AddressInfo).port}/graphql`,
      MODELS_MONITOR_INTERVAL_SECONDS: '0',
    };
    await start();
    await gql(
      `mutation($i: RegisterModelInput!) { registerModel(input: $i) { id } }`,
      {
        i: {
          name: 'killtest',
          task: 'REGRESSION',
          description: 'kill test',
          owner: 'desk',
          universe: UNIVERSE,
          label: 'fwd_1',
          problem: {
            objective: 'ALPHA',
            statement: 'Predict the next return.',
            successCriteria: [{ metric: 'rmse', op: 'LTE', threshold: 1 }],
          },
        },
      },
      ['researcher'],
      'alice',
    );
    const { trainModelVersion: v } = await gql(
      `mutation($i: TrainModelVersionInput!) { trainModelVersion(input: $i) { id } }`,
      { i: { model: 'killtest', trainingSet: ts.id, algorithm: 'linear_regression', crossValidation: { folds: 0 } } },
      ['researcher'],
      'carol',
    );
    for (let i = 0; i < 240; i++) {
      const s = (
        await gql(`query($id: ID!) { modelVersion(id: $id) { status error } }`, { id: v.id }, ['researcher'], 'carol')
      ).modelVersion;
      if (s.status === 'READY') break;
      if (s.status === 'FAILED') throw new Error(s.error);
      await new Promise((r) => setTimeout(r, 250));
    }
    await gql(
      `mutation($id: ID!) { submitForValidation(version: $id, note: "kill test") { id } }`,
      { id: v.id },
      ['researcher'],
      'carol',
    );
    await gql(
      `mutation($id: ID!) { approveVersion(version: $id, findings: "reviewed for the kill test") { id } }`,
      { id: v.id },
      ['validator'],
      'victor',
    );
    const promote = `mutation($id: ID!, $to: PromotionTarget!, $f: Float) { promoteVersion(version: $id, to: $to, reason: "kill test rollout", capitalFraction: $f) { stage } }`;
    await gql(promote, { id: v.id, to: 'CANARY', f: 0.05 }, ['admin'], 'ada');
    await gql(promote, { id: v.id, to: 'PRODUCTION' }, ['admin'], 'ada');
  }, 600_000);
  afterAll(async () => {
    await stopProcess(models);
    features?.close();
    await lake?.close();
    await db?.dispose();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps an answered request across a SIGKILL, and a request killed before its answer leaves nothing', async () => {
    const { signals } = await gql(SIGNALS, {}, ['trader'], 'tina');
    models!.child.kill('SIGKILL');
    await models!.exited;
    expect(signals.sets[0].rows.filter((r: { status: string }) => r.status === 'OK')).toHaveLength(UNIVERSE.length);

    // Killed while the answer is being computed: the client gets no answer.
    await start();
    fake.delayMs = 3_000;
    const calls = fake.calls;
    const inFlight = gql(SIGNALS, {}, ['trader'], 'tom').then(
      () => 'answered',
      () => 'failed',
    );
    for (let i = 0; i < 100 && fake.calls === calls; i++) await new Promise((r) => setTimeout(r, 50));
    models!.child.kill('SIGKILL');
    await models!.exited;
    expect(await inFlight).toBe('failed');
    fake.delayMs = 0;

    await start();
    const { runMonitoring } = await gql(
      `mutation { runMonitoring(model: "killtest") { flushed } }`,
      {},
      ['service'],
      'svc',
    );
    expect(runMonitoring.flushed).toBe(UNIVERSE.length);
    const rows = await logRows();
    expect(rows).toHaveLength(UNIVERSE.length);
    expect(new Set(rows.map((r) => r.request_id))).toEqual(new Set([signals.requestId]));
    const s03 = rows.find((r) => r.entity === 'K03')!;
    expect(s03.prediction).toBe(signals.sets[0].rows.find((r: { symbol: string }) => r.symbol === 'K03').prediction);
  }, 600_000);

  it('a logPredictions retried after a restart is a no-op: nothing lost, nothing doubled', async () => {
    const LOG = `mutation($i: LogPredictionsInput!) { logPredictions(input: $i) { rows duplicate } }`;
    const input = {
      model: 'killtest',
      version: 1,
      requestId: 'oms-2016-05-02-1',
      predictions: UNIVERSE.map((symbol, i) => ({ symbol, t: '2016-05-02T20:00:00Z', prediction: i / 100 })),
    };
    expect((await gql(LOG, { i: input }, ['service'], 'oms')).logPredictions).toEqual({ rows: 6, duplicate: false });
    models!.child.kill('SIGKILL');
    await models!.exited;
    await start();
    expect((await gql(LOG, { i: input }, ['service'], 'oms')).logPredictions).toEqual({ rows: 6, duplicate: true });
    await gql(`mutation { runMonitoring(model: "killtest") { flushed } }`, {}, ['service'], 'svc');
    const logged = (await logRows()).filter((r) => r.request_id === 'oms-2016-05-02-1');
    expect(logged.map((r) => r.prediction).sort()).toEqual(UNIVERSE.map((_s, i) => i / 100).sort());
  }, 600_000);
});
