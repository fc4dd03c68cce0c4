// A point-in-time training set of about 1.27 million spine rows (all_stocks_5yr: 505 symbols x
// 1,259 XNYS sessions x two times, 16:30 and 20:00 New York) x 50 Alpha158 features, from spec to
// Parquet through the platform's builder (createTrainingSet: validate, resolve and pin, generate
// the spine, point-in-time join, write the lake dataset, record, audit), next to a hand-written
// DuckDB pipeline doing the same: the same spine, one plain ASOF JOIN on available_at with the TTL
// check, written to Parquet with the same settings (the ones the build recorded in its snapshot
// summary). The plain ASOF JOIN is what the builder must NOT do in general (a late correction of an
// old period would win); here every view row is a single version, so both produce the same values,
// and the builder's extra fold is the price of being correct when there are corrections. A third
// figure is a floor for any pipeline ending in this file: re-encoding the builder's output alone
// (read it, write it with the same settings).
//
// Setup (not timed): load the demo bars, materialize the first 50 Alpha158 factors through the
// features service (a backfill: one version per view row).
// Run: pnpm --filter @alphagraph/bench run bench:training [--runs N]. Prints figures; asserts nothing about time.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { TEST_AUTH } from '@alphagraph/auth/testing';
import { BARS_DATASET, featureColumn } from '@alphagraph/datasets';
import { openDatabase } from '@alphagraph/db';
import { ALPHA158 } from '@alphagraph/dsl';
import { createFeatures } from '@alphagraph/features';
import { Lake, type ParquetWriteOptions, quoteIdent, quoteLiteral } from '@alphagraph/lake';
import { createIngestModule, createInstrumentStore, loadDemoBars } from '@alphagraph/market-data';
import { serviceRuntime } from '@alphagraph/service';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: { runs: { type: 'string', default: '3' }, features: { type: 'string', default: '50' } },
});
const runs = Number(values.runs);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
/** The TTL the built-in Alpha158 features declare. */
const TTL_SECONDS = 4 * 86_400;
const TIMES = ['16:30', '20:00'];
const PERIOD = { from: '2013-02-08', to: '2018-02-07' };

const dir = mkdtempSync(join(tmpdir(), 'ag-bench-training-'));
const handle = await openDatabase({
  url: process.env.DATABASE_URL || undefined,
  prepare: true,
  poolSize: 4,
  pgliteDir: join(dir, 'pgdata'),
});
const lake = await Lake.open({ root: join(dir, 'lake'), db: handle.db });
const db = handle.db;

try {
  let mark = performance.now();
  const step = (what: string) => {
    console.log(`setup: ${what} (${((performance.now() - mark) / 1000).toFixed(1)} s)`);
    mark = performance.now();
  };
  await lake.registerDataset(BARS_DATASET);
  const ingest = createIngestModule({ db, lake, instruments: createInstrumentStore(db) });
  const loaded = await loadDemoBars({ lake, ingest, log: () => {} });
  step(`loaded ${fmt(loaded.rows)} bars`);

  const runtime = serviceRuntime({
    service: 'features',
    handle,
    lake,
    auth: TEST_AUTH,
    platform: {
      publicUrl: 'http://127.0.0.1:4000',
      downloadSecret: 'bench-download-secret-0123456789abcdef',
      downloadTtlSeconds: 900,
    },
  });
  const service = await createFeatures(runtime);

  // The first 50 Alpha158 factors, materialized by the features service into one wide view.
  await service.registerBuiltins({ waitForAltMs: 0, log: () => {} });
  const names = Object.keys(ALPHA158)
    .slice(0, Number(values.features))
    .map((n) => n.toLowerCase());
  const refs = names.map((n) => `${n}@1`);
  const started = await service.materialize(
    { features: refs, mode: 'backfill', from: new Date('2000-01-01T00:00:00Z'), waitSeconds: 0 },
    'bench',
  );
  if (!started.ok) throw new Error(started.error.message);
  await service.featureStore.scheduler.idle();
  const [run] = await service.featureStore.runs.byIds([started.run.id]);
  if (run?.status !== 'succeeded' || run.snapshotId === null)
    throw new Error(`run ${run?.id} ${run?.status}: ${run?.error}`);
  const view = run.view;
  const snapshot = await lake.snapshot(view, run.snapshotId);
  const columns = names.map((n) => featureColumn(n, 1));
  step(`materialized ${names.length} features: ${fmt(snapshot.rowCount)} view rows`);

  const scope = {
    identity: {
      userId: 'bench',
      roles: ['researcher' as const],
      scopes: ['researcher' as const, 'analyst' as const, 'viewer' as const],
      tokenId: undefined,
    },
    requestId: 'bench',
  };
  const spec = {
    name: 'bench',
    universe: 'bars' as const,
    spine: { kind: 'schedule' as const, calendar: 'XNYS' as const, times: TIMES },
    period: PERIOD,
    features: refs,
  };

  async function platformOnce() {
    const started = performance.now();
    const ts = await service.stores.trainingSets.create(scope, spec);
    const seconds = (performance.now() - started) / 1000;
    const out = await lake.snapshot(ts.lakeDataset, ts.snapshotId!);
    return { seconds, rows: ts.rowCount!, bytes: out.files.reduce((n, f) => n + statSync(f).size, 0), ts };
  }

  // The hand-written pipeline, given the same instants, entities and view snapshot.
  const first = await platformOnce();
  const spinePlan = first.ts.resolution.spine;
  if (spinePlan.kind !== 'schedule') throw new Error('expected a schedule spine');
  const plan = spinePlan;
  const viewScan = lake.scan(await lake.snapshot(view, snapshot.id));
  const ttl = BigInt(TTL_SECONDS) * 1_000_000n;
  // The builder's Parquet settings, as its snapshot recorded them, become the hand-written COPY's.
  const built = await lake.snapshot(first.ts.lakeDataset, first.ts.snapshotId!);
  const parquet = (built.summary.parquet ?? {}) as ParquetWriteOptions;
  const copyOptions = [
    'FORMAT parquet',
    `COMPRESSION ${parquet.compression ?? 'zstd'}`,
    ...(parquet.compressionLevel ? [`COMPRESSION_LEVEL ${parquet.compressionLevel}`] : []),
    ...(parquet.dictionary === false ? ['DICTIONARY_SIZE_LIMIT 1'] : []),
    'ROW_GROUP_SIZE 122880',
  ].join(', ');
  async function handOnce(keep?: string) {
    const out = keep ?? join(dir, 'hand.parquet');
    const started = performance.now();
    const rows = await lake.withSession(async (s) => {
      await s.run('CREATE TEMP TABLE i (i BIGINT, t TIMESTAMPTZ)');
      await s.run('CREATE TEMP TABLE e (j BIGINT, entity VARCHAR)');
      await s.append(
        'i',
        plan.instants.map((t, k) => [BigInt(k), t]),
      );
      await s.append(
        'e',
        [...plan.entities].sort().map((x, k) => [BigInt(k), x]),
      );
      const cols = columns.map(
        (c) =>
          `CASE WHEN v.event_time >= s.t - to_microseconds(${ttl}) THEN v.${quoteIdent(c)} END AS ${quoteIdent(c)}`,
      );
      const [r] = await s.all<{ Count: bigint }>(`COPY (
          WITH s AS (SELECT i * ${plan.entities.length} + j AS row_no, entity, t FROM i CROSS JOIN e)
          SELECT s.row_no, s.entity, s.t, ${cols.join(', ')}
          FROM s ASOF LEFT JOIN ${viewScan} v ON s.entity = v.entity AND s.t >= v.available_at
          ORDER BY s.row_no
        ) TO ${quoteLiteral(out)} (${copyOptions})`);
      return Number(r!.Count);
    });
    const seconds = (performance.now() - started) / 1000;
    const bytes = statSync(out).size;
    if (!keep) rmSync(out, { force: true });
    return { seconds, rows, bytes };
  }

  // Same rows, same values, same order: the builder's output against the hand-written one (untimed).
  const check = join(dir, 'check.parquet');
  await handOnce(check);
  const outScan = lake.scan(await lake.snapshot(first.ts.lakeDataset, first.ts.snapshotId!));
  const [diff] = await lake.query<{ n: bigint }>(
    `SELECT count(*) AS n FROM (SELECT * FROM ${outScan} EXCEPT ALL SELECT * FROM read_parquet(${quoteLiteral(check)}))`,
  );
  rmSync(check, { force: true });
  if (Number(diff!.n) !== 0) throw new Error(`the builder and the hand-written pipeline differ in ${diff!.n} rows`);
  // EXCEPT ALL compares bags of rows; the order is checked on the files themselves: row k is row_no k.
  const [order] = await lake.query<{ n: bigint }>(
    `SELECT count(*) AS n FROM read_parquet([${built.files.map(quoteLiteral).join(', ')}]) WHERE row_no <> file_row_number`,
  );
  if (built.files.length !== 1 || Number(order!.n) !== 0) throw new Error('the builder wrote rows out of spine order');
  console.log(
    `check: ${fmt(first.rows)} rows x ${first.ts.resolution.columns.length} columns, identical to the hand-written output, in spine order`,
  );

  /** Reads the builder's output and writes it again with the same settings: no join, no sort. */
  async function rewriteOnce() {
    const out = join(dir, 'rewrite.parquet');
    const started = performance.now();
    const [r] = await lake.query<{ Count: bigint }>(
      `COPY (SELECT * FROM ${outScan}) TO ${quoteLiteral(out)} (${copyOptions})`,
    );
    const seconds = (performance.now() - started) / 1000;
    rmSync(out, { force: true });
    return { seconds, rows: Number(r!.Count) };
  }

  const platform = [first];
  const hand = [await handOnce()];
  const rewrite = [await rewriteOnce()];
  for (let i = 1; i < runs; i++) {
    platform.push(await platformOnce());
    hand.push(await handOnce());
    rewrite.push(await rewriteOnce());
  }
  platform.forEach((p, i) => {
    const [h, w] = [hand[i]!, rewrite[i]!];
    console.log(
      `  run ${i + 1}: builder ${p.seconds.toFixed(2)} s (${fmt(p.rows / p.seconds)} rows/s), hand-written ${h.seconds.toFixed(2)} s (${fmt(h.rows / h.seconds)} rows/s), re-encode ${w.seconds.toFixed(2)} s`,
    );
  });
  const pRate = median(platform.map((p) => p.rows / p.seconds));
  const hRate = median(hand.map((h) => h.rows / h.seconds));
  const wRate = median(rewrite.map((w) => w.rows / w.seconds));
  console.log(
    `\nspine rows: ${fmt(first.rows)} (${plan.entities.length} entities x ${plan.instants.length} instants) x ${names.length} features`,
  );
  console.log(`builder (spec -> Parquet, recorded):      ${fmt(pRate)} rows/s, ${(first.bytes / 1e6).toFixed(0)} MB`);
  console.log(
    `hand-written ASOF JOIN -> Parquet:         ${fmt(hRate)} rows/s, ${(hand[0]!.bytes / 1e6).toFixed(0)} MB`,
  );
  console.log(`re-encode the output alone (floor):       ${fmt(wRate)} rows/s`);
  console.log(`ratio (builder time / hand-written time): ${(hRate / pRate).toFixed(2)}x`);
  console.log(`Parquet settings (both): ${copyOptions} (builder: ${JSON.stringify(parquet)})`);
  console.log(`DuckDB threads: ${(await lake.query<{ v: string }>("SELECT current_setting('threads') AS v"))[0]!.v}`);
} finally {
  await lake.close();
  await handle.close();
  rmSync(dir, { recursive: true, force: true });
}
