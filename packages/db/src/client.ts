import { mkdirSync } from 'node:fs';
import type { DatabaseEnv } from '@alphagraph/config';
import { PGlite } from '@electric-sql/pglite';
import { SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { applyMigrations } from './migrate.ts';
import * as schema from './schema/index.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface DatabaseHandle {
  readonly db: Db;
  /** `postgres` for a server reached by URL, `pglite` for the embedded engine. */
  readonly kind: 'postgres' | 'pglite';
  /** Runs raw SQL text (migrations, maintenance); never pass user input. */
  exec(sqlText: string): Promise<void>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** Apply pending migrations before returning (default true). */
  migrate?: boolean;
  /** An already open PGlite to use instead of opening `pgliteDir` (tests, the dev launcher). */
  pglite?: PGlite;
  /** Called with the text of every query drizzle sends (tests count storage round trips with it). */
  onQuery?: (sqlText: string) => void;
}

/**
 * Opens the control-plane database: Postgres through `postgres` when `env.url` is set, otherwise
 * embedded PGlite in `env.pgliteDir`. Migrations are applied on open unless told otherwise.
 */
export async function openDatabase(env: DatabaseEnv, options: OpenDatabaseOptions = {}): Promise<DatabaseHandle> {
  const logger = options.onQuery ? { logQuery: (q: string) => options.onQuery?.(q) } : undefined;
  const handle = traceTransactions(
    env.url ? openPostgres(env, env.url, logger) : await openPglite(env, options.pglite, logger),
  );
  if (options.migrate ?? true) {
    try {
      await applyMigrations(handle.db);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }
  return handle;
}

/**
 * Every transaction (`db.transaction(...)`, the one way the code opens one) runs in a span, a
 * child of the request's: a no-op unless the process exports traces. Nested savepoints are not.
 */
function traceTransactions(handle: DatabaseHandle): DatabaseHandle {
  const { db } = handle;
  const transaction = db.transaction.bind(db);
  const tracer = trace.getTracer('alphagraph');
  const attributes = { 'db.system.name': handle.kind === 'postgres' ? 'postgresql' : 'pglite' };
  db.transaction = ((run, config) =>
    tracer.startActiveSpan('postgres transaction', { kind: SpanKind.CLIENT, attributes }, async (span) => {
      try {
        return await transaction(run, config);
      } catch (error) {
        span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message ?? String(error) });
        throw error;
      } finally {
        span.end();
      }
    })) as Db['transaction'];
  return handle;
}

type QueryLogger = { logQuery(query: string): void } | undefined;

function openPostgres(env: DatabaseEnv, url: string, logger: QueryLogger): DatabaseHandle {
  const client = postgres(url, {
    max: env.poolSize,
    prepare: env.prepare,
    onnotice: () => {},
    connection: { application_name: 'alphagraph' },
  });
  return {
    db: drizzlePostgres(client, { schema, ...(logger ? { logger } : {}) }) as unknown as Db,
    kind: 'postgres',
    exec: async (text) => {
      await client.unsafe(text);
    },
    close: () => client.end({ timeout: 5 }),
  };
}

async function openPglite(
  env: DatabaseEnv,
  existing: PGlite | undefined,
  logger: QueryLogger,
): Promise<DatabaseHandle> {
  let pg = existing;
  if (!pg) {
    mkdirSync(env.pgliteDir, { recursive: true });
    pg = await PGlite.create(env.pgliteDir);
  }
  const owned = !existing;
  const client = pg;
  return {
    db: drizzlePglite(client, { schema, ...(logger ? { logger } : {}) }) as unknown as Db,
    kind: 'pglite',
    exec: async (text) => {
      await client.exec(text);
    },
    close: async () => {
      if (owned) await client.close();
    },
  };
}
