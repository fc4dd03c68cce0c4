// Pushing 1,000,000 observations to a registered dataset through the CLI (`alphagraph ingest
// observations FILE --dataset D`: DuckDB reads and types the file, the shape check and the seven data
// rules run as SQL over the staged rows, JavaScript words the report, one lake commit), from
// a CSV and from a Parquet file, next to DuckDB reading the same file into a table, in the same run.
// Run: pnpm --filter @alphagraph/bench exec tsx src/observations.bench.ts [--rows N]. Each push
// starts from an empty database and lake. Prints rows/s and the ratio; asserts nothing about time.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createObservationStore, registerDataset } from '@alphagraph/alt-data';
import { findRepoRoot } from '@alphagraph/config';
import { openDatabase } from '@alphagraph/db';
import { Lake, quoteLiteral } from '@alphagraph/lake';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { rows: { type: 'string', default: '1000000' } },
});
const ROWS = Number(values.rows);
const root = findRepoRoot();
const work = mkdtempSync(join(tmpdir(), 'ag-bench-obs-'));
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

/** The files: 500 entities, irregular event times, a publication lag of 1 to 600 s, two fields. */
async function writeFiles(): Promise<{ csv: string; parquet: string }> {
  const handle = await openDatabase({ url: undefined, prepare: true, poolSize: 1, pgliteDir: join(work, 'gen-pg') });
  const lake = await Lake.open({ root: join(work, 'gen-lake'), db: handle.db });
  const csv = join(work, 'obs.csv');
  const parquet = join(work, 'obs.parquet');
  const select = `SELECT 'E' || lpad(CAST(i % 500 AS VARCHAR), 3, '0') AS entity,
      TIMESTAMPTZ '2016-01-01 00:00:00+00' + to_seconds(i * 7 + (hash(i) % 5)) AS event_time,
      TIMESTAMPTZ '2016-01-01 00:00:00+00' + to_seconds(i * 7 + (hash(i) % 5) + 1 + hash(i * 3) % 600) AS available_at,
      round(((hash(i * 5) % 2000) / 1000.0) - 1, 3) AS score, CAST(hash(i * 7) % 100 AS INTEGER) AS n
    FROM range(${ROWS}) t(i)`;
  try {
    await lake.query(`COPY (${select}) TO ${quoteLiteral(parquet)} (FORMAT parquet)`);
    await lake.query(
      `COPY (SELECT entity, strftime(timezone('UTC', event_time), '%Y-%m-%dT%H:%M:%SZ') AS event_time,
                    strftime(timezone('UTC', available_at), '%Y-%m-%dT%H:%M:%SZ') AS available_at, score, n
             FROM (${select})) TO ${quoteLiteral(csv)} (FORMAT csv, HEADER true)`,
    );
  } finally {
    await lake.close();
    await handle.close();
  }
  return { csv, parquet };
}

/** One push through the CLI into a fresh database and lake (the dataset registered first). */
async function pushOnce(file: string): Promise<{ seconds: number; accepted: number; checkedSeconds: number }> {
  const dir = mkdtempSync(join(work, 'push-'));
  const pgliteDir = join(dir, 'pgdata');
  const handle = await openDatabase({ url: undefined, prepare: true, poolSize: 1, pgliteDir });
  const lake = await Lake.open({ root: join(dir, 'lake'), db: handle.db });
  const registered = await registerDataset(
    { db: handle.db, observations: createObservationStore(lake) },
    {
      vendor: 'Bench',
      name: 'bench_obs',
      description: 'bench',
      licence: 'bench',
      licensed: false,
      entityKind: 'key',
      latencySeconds: 60,
      fields: [
        { name: 'score', type: 'float', description: 'score', minimum: -1, maximum: 1, required: true },
        { name: 'n', type: 'int', description: 'n' },
      ],
    },
    'bench',
  );
  if (!registered.ok) throw new Error(`registerDataset: ${registered.error.message}`);
  await lake.close();
  await handle.close();
  const started = performance.now();
  const child = spawnSync(
    process.execPath,
    [
      '--max-semi-space-size=64',
      '--import',
      'tsx',
      fileURLToPath(import.meta.resolve('@alphagraph/alt-data/cli')),
      'ingest',
      'observations',
      file,
      '--dataset',
      'bench_obs',
      '--json',
      '--no-progress',
    ],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', PGLITE_DIR: pgliteDir, LAKE_ROOT: join(dir, 'lake') },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  const seconds = (performance.now() - started) / 1000;
  if (child.status !== 0) throw new Error(`the CLI failed (${child.status}): ${child.stderr}`);
  const report = JSON.parse(child.stdout) as { accepted: number; startedAt: string; finishedAt: string };
  rmSync(dir, { recursive: true, force: true });
  // The report's own span: from staging (after the file's hash) to the publishing transaction.
  const checkedSeconds = (Date.parse(report.finishedAt) - Date.parse(report.startedAt)) / 1000;
  return { seconds, accepted: report.accepted, checkedSeconds };
}

/** DuckDB's plain load of the same file into a table, on a lake's DuckDB. */
async function duckdbOnce(file: string, parquet: boolean): Promise<{ seconds: number; rows: number }> {
  const dir = mkdtempSync(join(work, 'duck-'));
  const handle = await openDatabase({ url: undefined, prepare: true, poolSize: 1, pgliteDir: join(dir, 'pgdata') });
  const lake = await Lake.open({ root: join(dir, 'lake'), db: handle.db });
  try {
    const started = performance.now();
    const rows = await lake.withSession(async (s) => {
      await s.run(
        `CREATE TEMP TABLE t AS SELECT * FROM ${parquet ? `read_parquet(${quoteLiteral(file)})` : `read_csv(${quoteLiteral(file)}, header = true)`}`,
      );
      const [r] = await s.all<{ n: bigint }>('SELECT count(*) AS n FROM t');
      return Number(r!.n);
    });
    return { seconds: (performance.now() - started) / 1000, rows };
  } finally {
    await lake.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

try {
  console.log(`writing ${fmt(ROWS)} observations as CSV and Parquet…`);
  const files = await writeFiles();
  for (const [format, file] of [
    ['csv', files.csv],
    ['parquet', files.parquet],
  ] as const) {
    const duck = await duckdbOnce(file, format === 'parquet');
    const push = await pushOnce(file);
    if (push.accepted !== ROWS) throw new Error(`expected ${ROWS} accepted rows, got ${push.accepted}`);
    const pushRate = ROWS / push.seconds;
    const duckRate = duck.rows / duck.seconds;
    console.log(
      `${format.padEnd(8)} CLI push (validation on, process start included): ${push.seconds.toFixed(1)} s, ${fmt(pushRate)} rows/s | ` +
        `DuckDB load: ${duck.seconds.toFixed(2)} s, ${fmt(duckRate)} rows/s | ratio ${(duckRate / pushRate).toFixed(1)}x`,
    );
    console.log(
      `${''.padEnd(8)} of which staging, rules and lake write (the report's startedAt to finishedAt): ` +
        `${push.checkedSeconds.toFixed(2)} s | ratio ${(push.checkedSeconds / duck.seconds).toFixed(1)}x`,
    );
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
