import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, rowsOf } from './index.ts';
import { instruments, lakeDatasets, lakeSnapshots } from './schema/index.ts';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from './testing.ts';

// One contract suite, run against every backend the control plane supports.
describe.each(testDatabaseKinds())('control-plane database on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('has every service schema after migrating', async () => {
    const rows = rowsOf<{ schema_name: string }>(
      await t.db.execute(sql`select schema_name from information_schema.schemata order by schema_name`),
    ).map((r) => r.schema_name);
    expect(rows).toEqual(expect.arrayContaining(['alt', 'backtests', 'features', 'lake', 'market', 'models']));
  });

  it('re-applying migrations is a no-op, also when several run at once', async () => {
    const counts = await Promise.all([applyMigrations(t.db), applyMigrations(t.db), applyMigrations(t.db)]);
    expect(counts).toEqual([0, 0, 0]);
  });

  it('round-trips rows and enforces unique symbols', async () => {
    const [row] = await t.db
      .insert(instruments)
      .values({
        symbol: 'TEST1',
        name: 'Test One',
        exchange: 'NYSE',
        assetClass: 'equity',
        currency: 'USD',
        timezone: 'America/New_York',
        calendar: 'XNYS',
      })
      .returning();
    expect(row?.id).toMatch(/^[0-9a-f-]{36}$/);
    const found = await t.db.select().from(instruments).where(eq(instruments.symbol, 'TEST1'));
    expect(found.map((r) => r.name)).toEqual(['Test One']);
    await expect(
      t.db.insert(instruments).values({
        symbol: 'TEST1',
        name: 'dup',
        exchange: 'NYSE',
        assetClass: 'equity',
        currency: 'USD',
        timezone: 'America/New_York',
        calendar: 'XNYS',
      }),
    ).rejects.toThrow();
  });

  it('rolls a failed transaction back whole', async () => {
    await expect(
      t.db.transaction(async (tx) => {
        await tx
          .insert(lakeDatasets)
          .values({ name: 'ds_rollback', owner: 'test', columns: [{ name: 'x', type: 'INTEGER' }] });
        await tx.insert(lakeSnapshots).values({ dataset: 'missing', operation: 'append', rowCount: 1, addedRows: 1 });
      }),
    ).rejects.toThrow();
    const rows = await t.db.select().from(lakeDatasets).where(eq(lakeDatasets.name, 'ds_rollback'));
    expect(rows).toEqual([]);
  });
});
