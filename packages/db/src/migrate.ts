import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { rowsOf } from './rows.ts';

export const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/** Arbitrary constant: the advisory lock every process takes while migrating. */
const MIGRATION_LOCK_KEY = 7_244_911_031;

/**
 * Applies drizzle-kit's generated migrations that are not yet recorded. Several services start at
 * once against one database, so the whole run holds a transaction-scoped advisory lock: the first
 * process migrates, the others wait and then find nothing left to do.
 */
// biome-ignore lint/suspicious/noExplicitAny: works for every drizzle Postgres driver
export async function applyMigrations(db: PgDatabase<PgQueryResultHKT, any>): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`);
    await tx.execute(sql`create schema if not exists alphagraph_meta`);
    await tx.execute(
      sql`create table if not exists alphagraph_meta.migrations (
        hash text primary key, created_at bigint not null, applied_at timestamptz not null default now())`,
    );
    const applied = new Set(
      rowsOf<{ hash: string }>(await tx.execute(sql`select hash from alphagraph_meta.migrations`)).map((r) => r.hash),
    );
    let count = 0;
    for (const migration of migrations) {
      if (applied.has(migration.hash)) continue;
      for (const statement of migration.sql) {
        if (statement.trim()) await tx.execute(sql.raw(statement));
      }
      await tx.execute(
        sql`insert into alphagraph_meta.migrations (hash, created_at) values (${migration.hash}, ${migration.folderMillis})`,
      );
      count += 1;
    }
    return count;
  });
}

/** Resolves when the database answers a trivial query (readiness). */
// biome-ignore lint/suspicious/noExplicitAny: works for every drizzle Postgres driver
export async function pingDatabase(db: PgDatabase<PgQueryResultHKT, any>): Promise<void> {
  await db.execute(sql`select 1`);
}

/**
 * How many of the migrations this build ships are not recorded as applied (readiness: a process
 * whose database lags its code is not ready). Reads only; an unmigrated database has them all pending.
 */
// biome-ignore lint/suspicious/noExplicitAny: works for every drizzle Postgres driver
export async function pendingMigrations(db: PgDatabase<PgQueryResultHKT, any>): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder });
  const exists = rowsOf<{ found: string | null }>(
    await db.execute(sql`select to_regclass('alphagraph_meta.migrations')::text as found`),
  );
  if (!exists[0]?.found) return migrations.length;
  const applied = new Set(
    rowsOf<{ hash: string }>(await db.execute(sql`select hash from alphagraph_meta.migrations`)).map((r) => r.hash),
  );
  return migrations.filter((m) => !applied.has(m.hash)).length;
}
