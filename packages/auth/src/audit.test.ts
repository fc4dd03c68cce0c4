import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@alphagraph/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditLog } from './audit.ts';

describe.each(testDatabaseKinds())('audit log on %s', (kind) => {
  let t: TestDatabase;
  let log: ReturnType<typeof createAuditLog>;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    log = createAuditLog(t.db);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  const append = (i: number) =>
    log.append({
      actor: `user-${i}`,
      roles: ['researcher'],
      action: 'read:licensed-data',
      resource: 'dataset:stocknet_tweets',
      details: { fields: ['sentiment'], rows: i, nested: { b: 1, a: [1, 2] } },
      requestId: `req-${i}`,
    });
  /** Tampering as an attacker with database access would: bypassing the append-only trigger. */
  const tamper = (statement: ReturnType<typeof sql>) =>
    t.db.transaction(async (tx) => {
      await tx.execute(sql`alter table governance.audit_events disable trigger audit_events_append_only`);
      await tx.execute(statement);
      await tx.execute(sql`alter table governance.audit_events enable trigger audit_events_append_only`);
    });

  it('chains appends, including concurrent ones, and verifies', async () => {
    for (let i = 1; i <= 5; i++) await append(i);
    await Promise.all([6, 7, 8, 9, 10].map(append));
    expect(await log.verify()).toEqual({ ok: true, checked: 10, firstBroken: null });
    const rows = await log.query({ limit: 3 });
    expect(rows.map((r) => r.id)).toEqual([10, 9, 8]);
    expect(rows[0]?.prevHash).toBe(rows[1]?.hash);
  });

  it('refuses updates and deletes outright', async () => {
    await expect(t.db.execute(sql`update governance.audit_events set actor = 'x' where id = 1`)).rejects.toThrow();
    await expect(t.db.execute(sql`delete from governance.audit_events where id = 1`)).rejects.toThrow();
    expect((await log.verify()).ok).toBe(true);
  });

  it('detects a row edited by hand and names it', async () => {
    await tamper(sql`update governance.audit_events set details = '{"rows": 999}'::jsonb where id = 4`);
    const report = await log.verify();
    expect(report.ok).toBe(false);
    expect(report.firstBroken).toEqual({ id: 4, reason: expect.stringMatching(/was edited/) });
    expect(report.checked).toBe(3);
  });

  it('detects a row deleted from the middle, and one deleted from the end', async () => {
    const fresh = await createTestDatabase(kind);
    try {
      const l = createAuditLog(fresh.db);
      for (let i = 1; i <= 6; i++) {
        await l.append({ actor: 'a', roles: ['admin'], action: 'mutation:x', resource: 'r', details: { i } });
      }
      const drop = (id: number) =>
        fresh.db.transaction(async (tx) => {
          await tx.execute(sql`alter table governance.audit_events disable trigger audit_events_append_only`);
          await tx.execute(sql`delete from governance.audit_events where id = ${id}`);
          await tx.execute(sql`alter table governance.audit_events enable trigger audit_events_append_only`);
        });
      await drop(6);
      expect((await l.verify()).firstBroken).toEqual({ id: 6, reason: expect.stringMatching(/removed from the end/) });
      await drop(3);
      expect((await l.verify()).firstBroken).toEqual({
        id: 4,
        reason: expect.stringMatching(/was removed or changed/),
      });
    } finally {
      await fresh.dispose();
    }
  });
});
