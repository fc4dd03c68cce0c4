import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoDataDir } from '@alphagraph/config';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from './ingest.ts';

describe.each(testDatabaseKinds())('alphagraph ingest, a separate process, on %s', (kind) => {
  const dir = mkdtempSync(join(tmpdir(), 'ag-cli-ingest-'));
  let database: TestDatabase | undefined;
  let env: Record<string, string | undefined>;
  const run = async (args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await ingest(args, env, {
      dataDir: dir,
      io: { out: (s) => void out.push(s), err: (s) => void err.push(s) },
    });
    return { code, out: out.join(''), err: err.join('') };
  };

  beforeAll(async () => {
    const { DATABASE_URL: _ignored, ...rest } = process.env;
    env = { ...rest, LAKE_ROOT: join(dir, 'lake'), PGLITE_DIR: join(dir, 'pgdata') };
    if (kind === 'postgres') {
      database = await createTestDatabase('postgres');
      env.DATABASE_URL = database.url;
    }
  });
  afterAll(async () => {
    await database?.dispose();
    rmSync(dir, { recursive: true, force: true });
  });

  it('loads a file with progress and prints the report; the same file again is a no-op', async () => {
    const file = join(demoDataDir(), 'EURUSD.csv.gz');
    const first = await run(['bars', file, '--mapping', 'eurusd_hourly']);
    expect(first.err).toMatch(/read \+ parse done: 72,229 bytes/);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/COMMITTED \(bars snapshot 1\)/);
    expect(first.out).toMatch(/rows read {5}5,000/);
    expect(first.out).toMatch(/quarantined {3}2/);
    expect(first.out).toContain(
      `${file}:2942 quarantined off_calendar: 2017-10-06T21:00:00.000Z is outside every 24x5 session`,
    );
    const again = await run(['bars', file, '--mapping', 'eurusd_hourly', '--no-progress']);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/UNCHANGED/);
    expect(again.out).toMatch(/nothing was read or written/);
  });

  it('refuses a broken file with exit code 1 and a bad command line with 2', async () => {
    const missing = await run(['bars', join(dir, 'nope.csv'), '--mapping', 'eurusd_hourly']);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/refused .*nope\.csv: FILE_NOT_FOUND: .*Nothing was stored/s);
    const usage = await run(['bars', join(demoDataDir(), 'GOOG.csv.gz')]);
    expect(usage.code).toBe(2);
    expect(usage.err).toMatch(/pass --mapping \(one of all_stocks_5yr, stocknet_prices, goog_daily/);
  });
});
