import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testToken } from '@alphagraph/auth/testing';
import { rowsOf } from '@alphagraph/db';
import { lakeSnapshots } from '@alphagraph/db/schema/lake';
import { ingestBatches, instruments } from '@alphagraph/db/schema/market';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FaultDatabase,
  faultDatabase,
  lakeFiles,
  type ServiceProcess,
  startMarketData,
  stopProcess,
} from './fault-kit.ts';

const INGEST = `mutation($input: IngestBarsInput!) {
  ingestBars(input: $input) { ok error { code message } report { status inserted registeredInstruments } }
}`;
const row = (symbol: string, time: string, close: number) => ({
  symbol,
  time,
  open: close,
  high: close + 1,
  low: close - 1,
  close,
  volume: 1000,
});
const FIRST = [row('ACME', '2016-03-14', 10), row('ACME', '2016-03-15', 11)];
// Introduces LOCKCO, whose registration the test holds up to catch the publish mid-transaction.
const SECOND = [row('ACME', '2016-03-16', 12), row('LOCKCO', '2016-03-16', 5)];

// pg_terminate_backend ends a Postgres server process; embedded PGlite is one session with no
// backend to terminate (a dropped client there is rolled back by the socket server), so this
// fault is exercised on Postgres, on the test's own database only.
describe.skipIf(!process.env.TEST_DATABASE_URL)('market-data backends terminated mid-transaction (Postgres)', () => {
  let dir: string;
  let database: FaultDatabase;
  let service: ServiceProcess;
  let url: URL;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ag-fault-pg-'));
    database = await faultDatabase('postgres');
    service = startMarketData({ ...database.env, LAKE_ROOT: join(dir, 'lake'), DEMO_DATA: 'false', PORT: '0' });
    const listening = await service.lineMatching(/^\[market-data\] listening on /);
    url = new URL('/graphql', listening.replace(/^\[market-data\] listening on /, ''));
    await service.lineMatching(/^\[market-data\] ready$/);
  });
  afterAll(async () => {
    if (process.env.FAULTS_DEBUG)
      console.log(service?.lines.join('\n'), service?.child.exitCode, service?.child.signalCode);
    await stopProcess(service);
    await database?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  const ingest = async (rows: unknown[]) => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await testToken(['service'])}` },
      body: JSON.stringify({
        query: INGEST,
        variables: { input: { source: 'feed', mapping: 'all_stocks_5yr', rows } },
      }),
    });
    return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
  };
  const state = async () => ({
    snapshots: await database.handle.db.$count(lakeSnapshots),
    batches: await database.handle.db.$count(ingestBatches),
    instruments: (await database.handle.db.select({ s: instruments.symbol }).from(instruments)).map((r) => r.s).sort(),
  });

  it('leaves no half-written batch, and the service reconnects and serves the next request', async () => {
    const first = await ingest(FIRST);
    expect(first.data?.ingestBars).toMatchObject({ ok: true, report: { status: 'COMMITTED', inserted: 2 } });
    const before = await state();
    expect(before).toEqual({ snapshots: 1, batches: 1, instruments: ['ACME'] });

    const db = database.handle.db;
    let release: () => void = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    // Hold LOCKCO's key in an open transaction: the service's publishing transaction, having
    // recorded its snapshot, waits on it while registering LOCKCO.
    let holderPid = 0;
    const holding = db
      .transaction(async (tx) => {
        holderPid = Number(rowsOf<{ pid: number }>(await tx.execute(sql`SELECT pg_backend_pid() AS pid`))[0]?.pid);
        await tx.insert(instruments).values({
          symbol: 'LOCKCO',
          name: 'held by the test',
          exchange: 'US',
          assetClass: 'equity',
          currency: 'USD',
          timezone: 'America/New_York',
          calendar: 'XNYS',
        });
        await released;
        throw new Error('rolled back by the test');
      })
      .catch((error: unknown) => error);
    while (holderPid === 0) await new Promise((r) => setTimeout(r, 20));

    const answer = ingest(SECOND);
    const deadline = Date.now() + 60_000;
    let waiting: { pid: number; query: string }[] = [];
    while (waiting.length === 0) {
      if (Date.now() > deadline)
        throw new Error(`the service never waited on the held key:\n${service.lines.join('\n')}`);
      await new Promise((r) => setTimeout(r, 50));
      waiting = rowsOf(
        await db.execute(
          sql`SELECT pid, query FROM pg_stat_activity
              WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> ${holderPid}`,
        ),
      );
    }
    expect(waiting[0]?.query).toMatch(/insert into "market"\."instruments"/i);
    // Terminate every backend of the test's own database except the test's two connections.
    const terminated = rowsOf<{ pid: number }>(
      await db.execute(
        sql`WITH victims AS MATERIALIZED (
              SELECT pid FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND pid <> ${holderPid}
            )
            SELECT pid FROM victims WHERE pg_terminate_backend(pid)`,
      ),
    );
    release();
    expect(String(await holding)).toMatch(/rolled back by the test/);
    console.log(`[faults] terminated ${terminated.length} market-data backends mid-transaction`);
    expect(terminated.length).toBeGreaterThanOrEqual(1);

    const failed = await answer;
    expect(failed.data?.ingestBars ?? null).toBeNull();
    expect(failed.errors?.[0]?.extensions?.code).toBe('UNAVAILABLE');
    expect(failed.errors?.[0]?.message).toMatch(/retry the request in a few seconds/);
    // Nothing of the interrupted batch: no snapshot, no report, no instrument, no file.
    expect(await state()).toEqual(before);
    const files = await lakeFiles(database.handle, join(dir, 'lake'), 'bars');
    expect({ unreferenced: files.unreferenced, missing: files.missing }).toEqual({ unreferenced: [], missing: [] });

    // The same process reconnects: the retried request commits in full.
    const retried = await ingest(SECOND);
    expect(retried.data?.ingestBars).toMatchObject({
      ok: true,
      report: { status: 'COMMITTED', inserted: 2, registeredInstruments: ['LOCKCO'] },
    });
    expect(await state()).toEqual({ snapshots: 2, batches: 2, instruments: ['ACME', 'LOCKCO'] });
    expect(service.child.exitCode).toBeNull();
  });
});
