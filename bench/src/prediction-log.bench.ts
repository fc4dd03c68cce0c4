// The prediction log's own cost (issue 14): what `signals` pays on each answer to log it durably
// (append: one Postgres row per request, before the caller is answered) and what the flush pays
// to move logged rows to the model's lake dataset (rows per second), for requests the size of the
// signals benchmark's (505 instruments x 50 features, one production set), on a fresh Postgres
// database (or embedded PGlite) and a fresh lake.
//
// The figure to hold: at 50 signals requests per second of 505 rows, the log takes 25,250 rows/s;
// the flush must move rows faster than that or the queue grows without end.
//
// Run: cd bench && npx tsx src/prediction-log.bench.ts [--requests 200] [--entities 505]
//   [--features 50] [--database postgres|embedded] [--postgres URL] [--concurrency 8]
// Prints figures; asserts nothing about time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTestDatabase } from '@alphagraph/db/testing';
import { Lake } from '@alphagraph/lake';
import { createModelStore, createPredictionLog, type LoggedSet } from '@alphagraph/models';
import { ms, summarize } from './latency.ts';
import { DEFAULT_ADMIN_URL } from './platform.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    requests: { type: 'string', default: '200' },
    entities: { type: 'string', default: '505' },
    features: { type: 'string', default: '50' },
    concurrency: { type: 'string', default: '8' },
    database: { type: 'string', default: 'postgres' },
    postgres: { type: 'string', default: DEFAULT_ADMIN_URL },
  },
});
if (values.database !== 'postgres' && values.database !== 'embedded')
  throw new Error(`--database must be postgres or embedded, not ${values.database}`);
const requests = Number(values.requests);
const entityCount = Number(values.entities);
const featureCount = Number(values.features);
const concurrency = Number(values.concurrency);

const db = await createTestDatabase(values.database === 'postgres' ? 'postgres' : 'pglite', {
  env: { TEST_DATABASE_URL: values.postgres },
});
const root = mkdtempSync(join(tmpdir(), 'ag-bench-log-'));
const lake = await Lake.open({ root, db: db.db });
try {
  const model = await createModelStore(db.db).register({
    name: 'bench_log',
    description: 'prediction log benchmark',
    task: 'classification',
    owner: 'bench',
    universe: [],
    features: [],
  });
  const log = createPredictionLog({ db: db.db, lake });
  const features = Array.from({ length: featureCount }, (_, j) => `alpha_feature_${j}@1`);
  const entities = Array.from({ length: entityCount }, (_, i) => `SYM${String(i).padStart(4, '0')}`);
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  const set = (k: number): LoggedSet => {
    const t = new Date(Date.UTC(2018, 1, 8, 12) + k * 1000).toISOString();
    return {
      version: 1,
      stage: 'PRODUCTION',
      features,
      entities,
      t: entities.map(() => t),
      predictions: entities.map(() => (rand() > 0.5 ? 1 : 0)),
      probabilities: entities.map(() => rand()),
      statuses: entities.map(() => 'OK'),
      vectors: entities.map(() => features.map(() => rand() * 2 - 1)),
    };
  };
  const payloadBytes = JSON.stringify({ sets: [set(0)] }).length;

  const appendMs: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let k = next++; k < requests; k = next++) {
        const sets = [set(k)];
        const t0 = performance.now();
        await log.append({
          modelId: model.id,
          requestId: `bench-${k}`,
          source: 'signals',
          actor: 'bench',
          scoringMs: 1,
          sets,
        });
        appendMs.push(performance.now() - t0);
      }
    }),
  );
  const appendSeconds = (performance.now() - started) / 1000;
  const rows = requests * entityCount;
  const a = summarize(appendMs);
  console.log(
    `prediction log, ${values.database}: ${requests} requests of ${entityCount} rows x ${featureCount} features ` +
      `(${(payloadBytes / 1024).toFixed(0)} KB as JSON each)`,
  );
  console.log(
    `append (${concurrency} at a time): p50 ${ms(a.p50)}, p99 ${ms(a.p99)}; ${(requests / appendSeconds).toFixed(1)} requests/s = ` +
      `${Math.round(rows / appendSeconds).toLocaleString('en-US')} rows/s`,
  );
  const t0 = performance.now();
  const flushed = await log.flush(model);
  const flushSeconds = (performance.now() - t0) / 1000;
  console.log(
    `flush: ${flushed.toLocaleString('en-US')} rows in ${flushSeconds.toFixed(2)} s = ` +
      `${Math.round(flushed / flushSeconds).toLocaleString('en-US')} rows/s ` +
      `(50 signals requests/s of ${entityCount} rows need ${(50 * entityCount).toLocaleString('en-US')} rows/s)`,
  );
  if (flushed !== rows) throw new Error(`flushed ${flushed} rows, expected ${rows}`);
} finally {
  await lake.close();
  await db.dispose();
  rmSync(root, { recursive: true, force: true });
}
