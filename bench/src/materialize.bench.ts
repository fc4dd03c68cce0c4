// Materializing all of Alpha158 for the 505 symbols of all_stocks_5yr through the feature store
// (source staging, one compiled DuckDB query, Parquet, publish, online upsert), next to one
// hand-written DuckDB query computing a 20-feature subset over the same bars, the same 20 compiled
// by the dsl, and pandas for the 20 when a python3 with pandas is installed. Run:
// pnpm --filter @alphagraph/bench run bench:materialize [--file path]. Prints figures; asserts
// nothing about time. DATABASE_URL (a scratch database!) runs the control plane on Postgres.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TEST_AUTH } from '@alphagraph/auth/testing';
import { demoDataDir, findRepoRoot } from '@alphagraph/config';
import { BAR_FIELDS, BARS_DATASET } from '@alphagraph/datasets';
import { openDatabase } from '@alphagraph/db';
import { ALPHA158, compileFeatureSet } from '@alphagraph/dsl';
import { createFeatures } from '@alphagraph/features';
import { Lake, latestAsOf, quoteLiteral } from '@alphagraph/lake';
import { serviceRuntime } from '@alphagraph/service';
import { HAND_WRITTEN_20, SUBSET_20 } from './alpha20.ts';

const root = findRepoRoot();
const shared = join(root, '..', 'shared', 'data', 'all_stocks_5yr.csv');
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    file: { type: 'string', default: existsSync(shared) ? shared : join(demoDataDir(), 'all_stocks_5yr.csv.gz') },
  },
});
const file = values.file!;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const dir = mkdtempSync(join(tmpdir(), 'ag-bench-materialize-'));
const handle = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  prepare: true,
  poolSize: 4,
  pgliteDir: join(dir, 'pgdata'),
});
const lake = await Lake.open({ root: join(dir, 'lake'), db: handle.db });
try {
  console.log(`loading ${file} into the lake's bars…`);
  await lake.registerDataset(BARS_DATASET);
  const csv = `read_csv(${quoteLiteral(file)}, header = true, all_varchar = true)`;
  const num = (c: string) => `CAST(NULLIF(${c}, '') AS DOUBLE)`;
  await lake.commit(BARS_DATASET.name, { mode: 'append' }, async (w) => {
    await w.writeQuery(
      `SELECT Name AS symbol, '1d' AS interval, timezone('UTC', CAST(CAST(date AS DATE) AS TIMESTAMP)) AS time,
              ${num('open')} AS open, ${num('high')} AS high, ${num('low')} AS low, ${num('close')} AS close, ${num('volume')} AS volume,
              timezone('America/New_York', CAST(CAST(date AS DATE) AS TIMESTAMP) + INTERVAL 16 HOUR) AS available_at,
              'bench' AS batch_id
       FROM ${csv} ORDER BY symbol, time`,
    );
  });
  const runtime = serviceRuntime({
    service: 'features',
    handle,
    lake,
    auth: TEST_AUTH,
    platform: { publicUrl: 'http://127.0.0.1:4000', downloadSecret: 'bench', downloadTtlSeconds: 900 },
  });
  const service = await createFeatures(runtime);
  await service.registerBuiltins({ waitForAltMs: 0, log: () => {} });
  const store = service.featureStore;

  const materialize = async (input: Parameters<typeof service.materialize>[0]) => {
    const started = await service.materialize({ ...input, waitSeconds: 0 }, 'bench');
    if (!started.ok) throw new Error(started.error.message);
    await store.scheduler.idle();
    const [run] = await store.runs.byIds([started.run.id]);
    if (run?.status !== 'succeeded') throw new Error(`run ${run?.id} ${run?.status}: ${run?.error}`);
    return run;
  };

  console.log('materializing alpha158 (158 features) for every symbol…');
  const full = await materialize({ set: 'alpha158', mode: 'backfill', from: new Date('2000-01-01T00:00:00Z') });
  const fullMs = full.finishedAt!.getTime() - full.startedAt!.getTime();

  console.log('materializing the 20-feature subset through the same pipeline…');
  const refs: string[] = [];
  for (const name of SUBSET_20) refs.push(`${name.toLowerCase()}@1`);
  const sub = await materialize({ features: refs, mode: 'backfill', from: new Date('2000-01-01T00:00:00Z') });
  const subMs = sub.finishedAt!.getTime() - sub.startedAt!.getTime();

  // Compute-only, on one staged table of the latest bar versions: hand-written SQL vs the dsl.
  const bars = (await lake.currentSnapshot(BARS_DATASET.name))!;
  const timed = await lake.withSession(async (session) => {
    await session.run(
      `CREATE TEMP TABLE bench_bars AS SELECT symbol, time, available_at, open, high, low, close, volume
       FROM ${latestAsOf(bars, { dataset: BARS_DATASET, where: ["interval = '1d'"] })}`,
    );
    const time = async (sql: string) => {
      const t0 = performance.now();
      await session.run(sql);
      return performance.now() - t0;
    };
    const dsl = compileFeatureSet(Object.fromEntries(SUBSET_20.map((n) => [n.toLowerCase(), ALPHA158[n]!])), {
      fields: Object.fromEntries(BAR_FIELDS.map((f) => [f, { dataset: BARS_DATASET.name }])),
      source: {
        relation: 'bench_bars',
        entityColumn: 'symbol',
        timeColumn: 'time',
        availableAtColumn: 'available_at',
        columns: { open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
      },
    });
    const runs = { hand: [] as number[], dsl: [] as number[] };
    for (let i = 0; i < 3; i++) {
      runs.hand.push(await time(`CREATE OR REPLACE TEMP TABLE hand20 AS ${HAND_WRITTEN_20('bench_bars')}`));
      runs.dsl.push(await time(`CREATE OR REPLACE TEMP TABLE dsl20 AS ${dsl.sql}`));
    }
    const cols = SUBSET_20.map((n) => n.toLowerCase());
    const [diff] = await session.all(
      `SELECT ${cols.map((c) => `max(abs(h.${c} - d.${c}) / greatest(abs(h.${c}), 1e-9))`).join(' + ')} AS d,
              count(*) FILTER (WHERE ${cols.map((c) => `(h.${c} IS NULL) <> (d.${c} IS NULL)`).join(' OR ')}) AS null_mismatch
       FROM hand20 h JOIN dsl20 d ON d.entity = h.symbol AND d.time = h.time`,
    );
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[1]!;
    return { hand: median(runs.hand), dsl: median(runs.dsl), diff, rows: bars.rowCount };
  });

  // pandas, when a python3 with pandas is installed (Debian: python3-pandas).
  const python = [process.env.PYTHON, 'python3', '/usr/bin/python3'].find(
    (p) => p && spawnSync(p, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0,
  );
  let pandas: { compute_s: number; read_s: number; pandas: string } | null = null;
  if (python) {
    const out = join(dir, 'pandas20.csv');
    const text = execFileSync(python, [join(root, 'bench', 'python', 'alpha20.py'), file, out], { encoding: 'utf8' });
    pandas = JSON.parse(text.trim().split('\n').at(-1)!);
  }

  const perFeature = (ms: number, n: number) => `${(ms / n).toFixed(1)} ms/feature`;
  console.log(
    `\nall_stocks_5yr: ${timed.rows.toLocaleString('en-US')} bars, 505 symbols; control plane ${process.env.DATABASE_URL ? 'Postgres' : 'PGlite'}`,
  );
  console.log(
    `alpha158 materialization (158 features): ${s(fullMs)} end to end, ${full.rowsWritten!.toLocaleString('en-US')} rows`,
  );
  console.log(
    `  steps: ${Object.entries(full.timings)
      .map(([k, v]) => `${k} ${s(v)}`)
      .join(', ')}`,
  );
  console.log(`20-feature subset materialization:       ${s(subMs)} end to end`);
  console.log(
    `  steps: ${Object.entries(sub.timings)
      .map(([k, v]) => `${k} ${s(v)}`)
      .join(', ')}`,
  );
  console.log(`20-feature subset, compute only (median of 3, same staged table):`);
  console.log(`  hand-written DuckDB SQL: ${s(timed.hand)}`);
  console.log(`  dsl-compiled DuckDB SQL: ${s(timed.dsl)}  (${(timed.dsl / timed.hand).toFixed(2)}x hand-written)`);
  console.log(
    `  max relative difference summed over columns ${Number(timed.diff!.d).toExponential(2)}, null mismatches ${timed.diff!.null_mismatch}`,
  );
  if (pandas) {
    console.log(
      `  pandas ${pandas.pandas} (${python}): ${s(pandas.compute_s * 1000)} compute (+ ${s(pandas.read_s * 1000)} CSV read)  (${((pandas.compute_s * 1000) / timed.hand).toFixed(2)}x hand-written)`,
    );
  } else {
    console.log('  pandas: skipped (no python3 with pandas found; on Debian: apt-get install python3-pandas)');
  }
  console.log(
    `ratios: alpha158 materialization / hand-written 20 = ${(fullMs / timed.hand).toFixed(1)}x for 7.9x the features; ` +
      `${perFeature(fullMs, 158)} vs ${perFeature(timed.hand, 20)} hand-written`,
  );
} finally {
  await lake.close();
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
