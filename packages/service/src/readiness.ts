import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { type DatabaseHandle, pendingMigrations, pingDatabase } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';

/** One readiness check: null when it passes, else what is wrong (said to an operator). */
export type ReadinessCheck = () => Promise<string | null>;

export interface ReadinessReport {
  readonly ready: boolean;
  /** Each check's outcome: `ok` or what is wrong. */
  readonly checks: Readonly<Record<string, string>>;
}

/** How long one check may take before it counts as failed (a hung database is not a ready one). */
const CHECK_TIMEOUT_MS = 5_000;

function withinTimeout(check: ReadinessCheck): Promise<string | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${CHECK_TIMEOUT_MS / 1000} s`), CHECK_TIMEOUT_MS);
  });
  return Promise.race([check().catch((error: unknown) => (error as Error)?.message ?? String(error)), timeout]).finally(
    () => clearTimeout(timer),
  );
}

/** Runs every check at once; ready when all pass. */
export async function checkReadiness(checks: Readonly<Record<string, ReadinessCheck>>): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => [name, (await withinTimeout(check)) ?? 'ok'] as const),
  );
  return { ready: entries.every(([, outcome]) => outcome === 'ok'), checks: Object.fromEntries(entries) };
}

/**
 * A subgraph's readiness: the database answers and has every migration this build ships, the lake's
 * directory is readable and DuckDB answers, and the demo load (if any) finished.
 */
export function serviceReadinessChecks(options: {
  handle: DatabaseHandle;
  lake: Lake;
  demo: () => string | null;
}): Record<string, ReadinessCheck> {
  return {
    database: async () => {
      await pingDatabase(options.handle.db);
      return null;
    },
    migrations: async () => {
      const pending = await pendingMigrations(options.handle.db);
      return pending === 0 ? null : `${pending} migration(s) not applied`;
    },
    lake: async () => {
      await access(options.lake.root, constants.R_OK);
      await options.lake.query('SELECT 1 AS one');
      return null;
    },
    demo: async () => options.demo(),
  };
}
