import { createAuditLog, createTokenVerifier } from '@alphagraph/auth';
import { TEST_AUTH, TEST_JWT_SECRET } from '@alphagraph/auth/testing';
import { type EmbeddedServer, serveEmbeddedPostgres } from '@alphagraph/db/server';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@alphagraph/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './commands.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => void out.push(s), err: (s: string) => void err.push(s) }, out, err };
}

describe('alphagraph token', () => {
  it('mints a token the platform verifies, with the roles asked for', async () => {
    const c = capture();
    const code = await runCli(
      ['token', '--role', 'analyst', '--role', 'trader', '--user', 'alice'],
      { AUTH_JWT_SECRET: TEST_JWT_SECRET },
      c.io,
    );
    expect(code).toBe(0);
    const identity = await createTokenVerifier(TEST_AUTH).verify(c.out.join('').trim());
    expect([identity.userId, identity.roles]).toEqual(['alice', ['analyst', 'trader']]);
  });

  it('refuses an unknown role, naming the valid ones', async () => {
    const c = capture();
    expect(await runCli(['token', '--role', 'root'], { AUTH_JWT_SECRET: TEST_JWT_SECRET }, c.io)).toBe(2);
    expect(c.err.join('')).toMatch(/one of viewer, analyst, .*unknown: root/);
  });
});

describe.each(testDatabaseKinds())('alphagraph audit verify on %s', (kind) => {
  let t: TestDatabase;
  let server: EmbeddedServer | undefined;
  let url: string;
  beforeAll(async () => {
    t = await createTestDatabase(kind);
    if (t.url) url = t.url;
    else {
      server = await serveEmbeddedPostgres({ pglite: t.pglite });
      url = server.url;
    }
    const log = createAuditLog(t.db);
    for (let i = 0; i < 3; i++)
      await log.append({ actor: 'a', roles: ['admin'], action: 'mutation:x', resource: 'r', details: { i } });
  });
  afterAll(async () => {
    await server?.close();
    await t?.dispose();
  });

  it('verifies an intact chain, then names the row edited by hand and exits 1', async () => {
    const ok = capture();
    expect(await runCli(['audit', 'verify'], { DATABASE_URL: url }, ok.io)).toBe(0);
    expect(ok.out.join('')).toBe('audit chain verified: 3 events, no break\n');
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`alter table governance.audit_events disable trigger audit_events_append_only`);
      await tx.execute(sql`update governance.audit_events set actor = 'mallory' where id = 2`);
      await tx.execute(sql`alter table governance.audit_events enable trigger audit_events_append_only`);
    });
    const broken = capture();
    expect(await runCli(['audit', 'verify'], { DATABASE_URL: url }, broken.io)).toBe(1);
    expect(broken.err.join('')).toMatch(/BROKEN after 1 good events: row 2: .*edited/);
  });
});
