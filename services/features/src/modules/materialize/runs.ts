import { type Db, rowsOf } from '@alphagraph/db';
import { type MaterializationStatus, materializationRuns } from '@alphagraph/db/schema/features';
import { defineLifecycle } from '@alphagraph/jobs';
import type { CatalogTransaction } from '@alphagraph/lake';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { textArrayLiteral } from '../online/store.ts';

export type RunRecord = typeof materializationRuns.$inferSelect;
export type RunKind = RunRecord['kind'];

/**
 * The run lifecycle, declared once for the jobs kit:
 *   queued  -> running | failed   (failed: the service stopped before the run started)
 *   running -> succeeded | failed | queued
 *   succeeded, failed: final
 * A run is claimed into running by one worker (`claimed_by`); a run whose worker stopped
 * heartbeating is failed, never re-queued (its process may have died of the run itself). A run
 * whose process is shutting down and did not finish it within the grace period goes back to
 * queued for another replica (running -> queued, released).
 */
export const runLifecycle = defineLifecycle({
  name: 'run',
  table: materializationRuns,
  columns: { id: 'id', status: 'status', holder: 'claimedBy', error: 'error', createdAt: 'createdAt' },
  transitions: {
    queued: ['running', 'failed'],
    running: ['succeeded', 'failed', 'queued'],
    succeeded: [],
    failed: [],
  },
  initial: 'queued',
  released: { to: 'queued', set: { startedAt: null, asOf: null } },
  abandoned: {
    held: ['running'],
    to: 'failed',
    message: ({ worker, leaseSeconds }) =>
      `interrupted: the features process running it (${worker}) stopped: no heartbeat for over ${leaseSeconds} s; ` +
      'nothing was published; request the run again',
    set: { finishedAt: sql`now()` },
  },
});

/**
 * The claim condition of a run: no run of its view is running. The partial unique index on
 * running runs per view backs it, so a second claimer of the same view fails (and the kit's claim
 * moves on): runs of one view never execute at once, whichever process claimed them.
 */
export function noRunningRunOfItsView(candidate: typeof materializationRuns): SQL {
  return sql`not exists (select 1 from ${materializationRuns} as running
    where running.view = ${candidate.view} and running.status = 'running')`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What an incremental run compares against to find corrected inputs (see `baselinesOf`). */
export interface RunBaseline {
  readonly runId: string;
  readonly asOf: Date;
  readonly inputSnapshots: Record<string, number>;
  readonly entities: string[];
}

const baselineRow = z.object({
  entity: z.string(),
  id: z.string(),
  as_of: z.coerce.date(),
  input_snapshots: z.union([z.string().transform((s) => JSON.parse(s) as unknown), z.record(z.string(), z.unknown())]),
});
const snapshotsSchema = z.record(z.string(), z.coerce.number());

export function createRunStore(db: Db) {
  return {
    async create(input: {
      id: string;
      view: string;
      kind: RunKind;
      periodFrom: Date | null;
      periodTo: Date | null;
      universe: readonly string[];
      createdBy: string;
      /** The request that asked for it (x-request-id), null outside a request. */
      requestId?: string | null;
    }): Promise<RunRecord> {
      return runLifecycle.create(db, { ...input, universe: [...input.universe] });
    },
    async byIds(ids: readonly string[]): Promise<RunRecord[]> {
      // An id that is not a UUID names no run (and must not reach Postgres' uuid parser).
      const valid = ids.filter((id) => UUID.test(id));
      if (valid.length === 0) return [];
      return db.select().from(materializationRuns).where(inArray(materializationRuns.id, valid));
    },
    async list(filter: {
      view?: string | null;
      status?: MaterializationStatus | null;
      first: number;
    }): Promise<RunRecord[]> {
      const where: SQL[] = [];
      if (filter.view) where.push(eq(materializationRuns.view, filter.view));
      if (filter.status) where.push(eq(materializationRuns.status, filter.status));
      return db
        .select()
        .from(materializationRuns)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(materializationRuns.createdAt), desc(materializationRuns.id))
        .limit(Math.min(Math.max(filter.first, 0), 500));
    },
  };
}
export type RunStore = ReturnType<typeof createRunStore>;

/**
 * Records the steps a running run has finished (step -> milliseconds), so that any replica reads
 * its progress while it runs. A run no longer running (swept, failed) is left alone.
 */
export async function recordRunProgress(db: Db, runId: string, timings: Record<string, number>): Promise<void> {
  await db
    .update(materializationRuns)
    .set({ timings: { ...timings } })
    .where(and(eq(materializationRuns.id, runId), eq(materializationRuns.status, 'running')));
}

/**
 * Per entity, the newest succeeded run of `view` that covered it over its whole history: an
 * incremental run without from/to. Such a run leaves the view reflecting every input visible in
 * the snapshots it read (it computed new periods and recomputed corrected ones), so a later
 * incremental run only has to look at inputs that were not visible to it. Bounded runs
 * (backfills, or runs with from/to) recompute only a window and are no baseline. Entities
 * without a baseline are absent.
 */
export async function baselinesOf(
  db: Db | CatalogTransaction,
  view: string,
  entities: readonly string[],
): Promise<RunBaseline[]> {
  if (entities.length === 0) return [];
  const r = materializationRuns;
  const result = await db.execute(sql`
    select distinct on (u.entity) u.entity, r.id::text as id, r.as_of, r.input_snapshots
    from ${r} r cross join lateral unnest(r.universe) as u(entity)
    where r.view = ${view} and r.status = 'succeeded' and r.kind = 'incremental'
      and r.period_from is null and r.period_to is null and r.as_of is not null
      and u.entity = any(${textArrayLiteral(entities)}::text[])
    order by u.entity, r.as_of desc, r.id desc`);
  const groups = new Map<string, RunBaseline>();
  for (const raw of rowsOf(result)) {
    const row = baselineRow.parse(raw);
    const group = groups.get(row.id) ?? {
      runId: row.id,
      asOf: row.as_of,
      inputSnapshots: snapshotsSchema.parse(row.input_snapshots),
      entities: [],
    };
    group.entities.push(row.entity);
    groups.set(row.id, group);
  }
  return [...groups.values()];
}
