// End-to-end ingestion of all_stocks_5yr (read + parse + validate + stage + write Parquet + commit)
// in rows per second, next to DuckDB's own read_csv of the same file into a table, in the same run
// and on the same DuckDB instance. Run: pnpm --filter @alphagraph/bench run bench:ingest [--runs N]
// [--file path]. Each ingestion run starts from an empty database and lake. Prints figures; asserts
// nothing about time.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoDataDir, findRepoRoot } from '@alphagraph/config';
import { BARS_DATASET } from '@alphagraph/datasets';
import { openDatabase } from '@alphagraph/db';
import { Lake, quoteLiteral } from '@alphagraph/lake';
import { createIngestModule, createInstrumentStore, type IngestPhase } from '@alphagraph/market-data';

const shared = join(findRepoRoot(), '..', 'shared', 'data', 'all_stocks_5yr.csv');
const { values } = parseArgs({
  // pnpm passes a literal `--` through to the script.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    runs: { type: 'string', default: '3' },
    file: { type: 'string', default: existsSync(shared) ? shared : join(demoDataDir(), 'all_stocks_5yr.csv.gz') },
  },
});
const runs = Number(values.runs);
const file = values.file!;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function ingestOnce(): Promise<{ seconds: number; rows: number; phases: Map<IngestPhase, number> }> {
  const dir = mkdtempSync(join(tmpdir(), 'ag-bench-ingest-'));
  // DATABASE_URL (a scratch database!) benchmarks against Postgres; otherwise embedded PGlite.
  const handle = await openDatabase({
    url: process.env.DATABASE_URL || undefined,
    prepare: true,
    poolSize: 4,
    pgliteDir: join(dir, 'pgdata'),
  });
  const lake = await Lake.open({ root: join(dir, 'lake'), db: handle.db });
  try {
    await lake.registerDataset(BARS_DATASET);
    const ingest = createIngestModule({ db: handle.db, lake, instruments: createInstrumentStore(handle.db) });
    const phases = new Map<IngestPhase, number>();
    let mark = performance.now();
    const started = mark;
    const report = await ingest.ingestion.ingestFile({
      path: file,
      mapping: 'all_stocks_5yr',
      actor: { id: 'bench', roles: ['service'] },
      force: true,
      onProgress: (phase, done, total) => {
        if (done < total) return;
        const now = performance.now();
        phases.set(phase, (phases.get(phase) ?? 0) + (now - mark) / 1000);
        mark = now;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    if (report.status !== 'committed') throw new Error(`expected a committed batch, got ${report.status}`);
    return { seconds, rows: report.rowsRead, phases };
  } finally {
    await lake.close();
    await handle.close();
    if (process.env.DATABASE_URL) console.log('  (left the ingested rows in DATABASE_URL)');
    rmSync(dir, { recursive: true, force: true });
  }
}

async function duckdbOnce(): Promise<{ seconds: number; rows: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ag-bench-duck-'));
  const handle = await openDatabase({ url: undefined, prepare: true, poolSize: 1, pgliteDir: join(dir, 'pgdata') });
  const lake = await Lake.open({ root: join(dir, 'lake'), db: handle.db });
  try {
    const started = performance.now();
    await lake.withSession(async (s) => {
      await s.run(`CREATE TEMP TABLE bars AS SELECT * FROM read_csv(${quoteLiteral(file)}, header = true)`);
    });
    const seconds = (performance.now() - started) / 1000;
    const [row] = await lake.query<{ n: bigint }>(
      `SELECT count(*) AS n FROM read_csv(${quoteLiteral(file)}, header = true)`,
    );
    return { seconds, rows: Number(row!.n) };
  } finally {
    await lake.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`file: ${file}`);
console.log(`runs: ${runs} each (median reported)\n`);
const ingestRuns: Awaited<ReturnType<typeof ingestOnce>>[] = [];
const duckRuns: Awaited<ReturnType<typeof duckdbOnce>>[] = [];
for (let i = 0; i < runs; i++) {
  const d = await duckdbOnce();
  duckRuns.push(d);
  console.log(`  duckdb read_csv      run ${i + 1}: ${d.seconds.toFixed(2)} s, ${fmt(d.rows / d.seconds)} rows/s`);
  const r = await ingestOnce();
  ingestRuns.push(r);
  const breakdown = [...r.phases].map(([p, s]) => `${p} ${s.toFixed(2)}`).join(', ');
  console.log(
    `  alphagraph ingestion run ${i + 1}: ${r.seconds.toFixed(2)} s, ${fmt(r.rows / r.seconds)} rows/s (${breakdown})`,
  );
}
const ingestRate = median(ingestRuns.map((r) => r.rows / r.seconds));
const duckRate = median(duckRuns.map((r) => r.rows / r.seconds));
console.log(`\nrows: ${fmt(ingestRuns[0]!.rows)}`);
console.log(`alphagraph ingestion (validate + write + commit): ${fmt(ingestRate)} rows/s`);
console.log(`duckdb read_csv into a table:                     ${fmt(duckRate)} rows/s`);
console.log(`ratio (duckdb / ingestion):                       ${(duckRate / ingestRate).toFixed(1)}x`);
