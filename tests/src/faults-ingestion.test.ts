import { mkdtempSync, rmSync, utimesSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestBatches, instruments } from '@alphagraph/db/schema/market';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { Lake } from '@alphagraph/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FaultDatabase,
  faultDatabase,
  lakeFiles,
  type ServiceProcess,
  startMarketData,
  stopProcess,
} from './fault-kit.ts';
import { readAllStocksCsv } from './source-data.ts';

const BARS = 'bars';

/** Rows per symbol of all_stocks_5yr.csv, counted with plain string handling. */
function expectedRowsPerSymbol(): Map<string, number> {
  const out = new Map<string, number>();
  for (const line of readAllStocksCsv().split('\n').slice(1)) {
    const symbol = line.split(',')[6];
    if (symbol) out.set(symbol, (out.get(symbol) ?? 0) + 1);
  }
  return out;
}

describe.each(testDatabaseKinds())('market-data killed (SIGKILL) in the middle of a large ingestion, on %s', (kind) => {
  let dir: string;
  let database: FaultDatabase;
  let lake: Lake;
  let service: ServiceProcess | undefined;
  let env: Record<string, string>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ag-fault-ingest-'));
    database = await faultDatabase(kind);
    env = { ...database.env, LAKE_ROOT: join(dir, 'lake'), DEMO_DATA: 'true', PORT: '0' };
    lake = await Lake.open({ root: env.LAKE_ROOT!, db: database.handle.db, threads: 1 });
  });
  afterAll(async () => {
    await stopProcess(service);
    await lake?.close();
    await database?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const counted = async (table: typeof instruments | typeof ingestBatches) => database.handle.db.$count(table);

  it('leaves nothing partial; the restart sweeps the leftovers and re-ingests exactly the source rows', async () => {
    // The demo loader ingests all_stocks_5yr (619,040 rows, 505 symbols) first, registering its instruments.
    service = startMarketData(env);
    await service.lineMatching(/all_stocks_5yr\.csv\.gz: write…$/);
    // The bars are being written to the lake: the publishing transaction has not run yet.
    await new Promise((r) => setTimeout(r, 300));
    service.child.kill('SIGKILL');
    expect(await service.exited).toEqual({ code: null, signal: 'SIGKILL' });

    const afterKill = {
      snapshot: (await lake.currentSnapshot(BARS))?.id ?? null,
      instruments: await counted(instruments),
      batches: await counted(ingestBatches),
    };
    // Nothing of the batch is visible: no bars, no instrument without bars, no report.
    expect(afterKill).toEqual({ snapshot: null, instruments: 0, batches: 0 });
    const left = await lakeFiles(database.handle, env.LAKE_ROOT!, BARS);
    expect(left.missing).toEqual([]);
    console.log(
      `[faults] after the kill the bars directory holds ${left.unreferenced.length} unreferenced files: ${left.unreferenced.join(', ')}`,
    );
    // Age the leftovers past the sweep's grace period (1 h): the restart's sweep removes them.
    const old = new Date(Date.now() - 2 * 60 * 60 * 1000);
    for (const f of left.unreferenced) utimesSync(join(env.LAKE_ROOT!, BARS, f), old, old);

    // Restart: it waits for the dead holder's ingestion lease to lapse, then loads the demo again.
    service = startMarketData(env);
    await service.lineMatching(/^\[market-data\] ready$/, 900_000);
    if (left.unreferenced.length > 0) {
      await service.lineMatching(new RegExp(`lake sweep removed ${left.unreferenced.length} unreferenced files`));
    }
    const after = await lakeFiles(database.handle, env.LAKE_ROOT!, BARS);
    expect(after.unreferenced).toEqual([]);
    expect(after.missing).toEqual([]);

    const batch = (await database.handle.db.select().from(ingestBatches)).find((b) =>
      b.source.endsWith('all_stocks_5yr.csv.gz'),
    );
    expect(batch).toMatchObject({ status: 'committed', rowsRead: 619_040, inserted: 619_040 });
    expect(batch?.registered).toHaveLength(505);
    const snapshot = (await lake.currentSnapshot(BARS))!;
    const rows = await lake.query<{ symbol: string; n: bigint }>(
      `SELECT symbol, count(*) AS n FROM ${lake.scan(snapshot)} WHERE batch_id = $1 GROUP BY symbol`,
      [batch!.id],
    );
    const expected = expectedRowsPerSymbol();
    expect(expected.size).toBe(505);
    expect(new Map(rows.map((r) => [r.symbol, Number(r.n)]))).toEqual(expected);
    // Every instrument (all files of the demo) has bars.
    const withBars = await lake.query<{ symbol: string }>(`SELECT DISTINCT symbol FROM ${lake.scan(snapshot)}`);
    const symbols = (await database.handle.db.select({ symbol: instruments.symbol }).from(instruments)).map(
      (r) => r.symbol,
    );
    const barless = symbols.filter((s) => !new Set(withBars.map((r) => r.symbol)).has(s));
    expect(barless).toEqual([]);
  }, 1_200_000);
});
