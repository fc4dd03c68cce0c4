import { randomBytes } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import { type DatabaseHandle, openDatabase } from './client.ts';
import { DatabaseError } from './errors.ts';

export type DatabaseKind = 'pglite' | 'postgres';

export interface TestDatabase extends DatabaseHandle {
  /** A URL other processes can connect to (Postgres only). */
  readonly url: string | undefined;
  /** The embedded engine (PGlite only), e.g. to serve it to other processes. */
  readonly pglite?: PGlite | undefined;
  /** Closes the connection and drops the database. */
  dispose(): Promise<void>;
}

/**
 * The backends a contract suite runs against: embedded PGlite always, real Postgres when
 * `TEST_DATABASE_URL` is set. Under CI a missing URL is an error, never a silent skip.
 */
export function testDatabaseKinds(env: Record<string, string | undefined> = process.env): DatabaseKind[] {
  if (env.TEST_DATABASE_URL) return ['pglite', 'postgres'];
  if (env.CI === 'true' || env.CI === '1') {
    throw new DatabaseError('DB_TEST_SETUP', 'CI is set but TEST_DATABASE_URL is not: Postgres tests would be skipped');
  }
  return ['pglite'];
}

/** Creates a fresh, migrated database of the given kind that belongs to one test file alone. */
export async function createTestDatabase(
  kind: DatabaseKind,
  options: { onQuery?: (sqlText: string) => void; env?: Record<string, string | undefined> } = {},
): Promise<TestDatabase> {
  const env = options.env ?? process.env;
  const onQuery = options.onQuery ? { onQuery: options.onQuery } : {};
  if (kind === 'pglite') {
    const pg = await PGlite.create();
    const handle = await openDatabase(
      { url: undefined, prepare: true, poolSize: 1, pgliteDir: '' },
      { pglite: pg, ...onQuery },
    );
    return { ...handle, url: undefined, pglite: pg, dispose: () => pg.close() };
  }
  const url = createdDatabaseUrl(env);
  const name = `ag_test_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url.admin, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const target = url.forDatabase(name);
  const handle = await openDatabase({ url: target, prepare: true, poolSize: 4, pgliteDir: '' }, onQuery);
  return {
    ...handle,
    url: target,
    dispose: async () => {
      await handle.close();
      const dropper = postgres(url.admin, { max: 1, onnotice: () => {} });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end();
      }
    },
  };
}

function createdDatabaseUrl(env: Record<string, string | undefined>) {
  const raw = env.TEST_DATABASE_URL;
  if (!raw) throw new DatabaseError('DB_TEST_SETUP', 'TEST_DATABASE_URL is not set');
  const base = new URL(raw);
  return {
    admin: base.toString(),
    forDatabase(name: string) {
      const u = new URL(raw);
      u.pathname = `/${name}`;
      return u.toString();
    },
  };
}
