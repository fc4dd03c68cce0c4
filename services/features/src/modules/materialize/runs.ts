import { type Db, rowsOf } from '@alphagraph/db';
import { type MaterializationStatus, materializationRuns } from '@alphagraph/db/schema/features';
import type { CatalogTransaction } from '@alphagraph/lake';
import { and, asc, desc, eq, inArray, notExists, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { textArrayLiteral } from '../online/store.ts';
import type { WorkerLease } from '../workers/lease.ts';

export type RunRecord = typeof materializationRuns.$inferSelect;
export type RunKind = RunRecord['kind'];

/**
 * The run lifecycle as a transition table (checked on every change, in the UPDATE's WHERE, so
 * two writers cannot both move a run out of the same state):
 *   queued  -> running | failed   (failed: the service stopped before the run started)
 *   running -> succeeded | failed
 *   succeeded, failed: final
 */
export const RUN_TRANSITIONS: Readonly<Record<MaterializationStatus, readonly MaterializationStatus[]>> = {
  queued: ['running', 'failed'],
  running: ['succeeded', 'failed'],
  succeeded: [],
  failed: [],
};

/** The states a run may move to `to` from. */
export function sourcesOf(to: MaterializationStatus): MaterializationStatus[] {
  return (Object.keys(RUN_TRANSITIONS) as MaterializationStatus[]).filter((from) => RUN_TRANSITIONS[from].includes(to));
}

export class RunTransitionError extends Error {
  constructor(
    readonly runId: string,
    readonly to: MaterializationStatus,
  ) {
    super(`run ${runId} cannot move to ${to} from its current state (allowed from ${sourcesOf(to).join(', ')})`);
    this.name = 'RunTransitionError';
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Update = Partial<Omit<RunRecord, 'id' | 'view' | 'status' | 'createdAt' | 'createdBy' | 'claimedBy'>>;

/**
 * Moves a run to `to` when the transition table allows it from its current state and, with
 * `claimedBy`, only while that worker still holds it: a worker whose run was swept as abandoned
 * (its heartbeat lapsed) can no longer finish it, so its late publish rolls back.
 */
export async function transitionRun(
  db: Db | CatalogTransaction,
  id: string,
  to: MaterializationStatus,
  set: Update = {},
  claimedBy?: string,
) {
  const held = claimedBy === undefined ? [] : [eq(materializationRuns.claimedBy, claimedBy)];
  const [row] = await db
    .update(materializationRuns)
    .set({ ...set, status: to })
    .where(and(eq(materializationRuns.id, id), inArray(materializationRuns.status, sourcesOf(to)), ...held))
    .returning();
  if (!row) throw new RunTransitionError(id, to);
  return row;
}

/** Whether `error` (or a cause of it) is Postgres' unique violation. */
function isUniqueViolation(error: unknown): boolean {
  for (
    let e = error, depth = 0;
    e && typeof e === 'object' && depth < 5;
    e = (e as { cause?: unknown }).cause, depth++
  ) {
    if ((e as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

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
    }): Promise<RunRecord> {
      const [row] = await db
        .insert(materializationRuns)
        .values({ ...input, universe: [...input.universe], status: 'queued' })
        .returning();
      return row!;
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
    /**
     * Takes the oldest queued run whose view has no running run and marks it running for
     * `worker`, or null when none can start now. SKIP LOCKED lets concurrent claimers pass over
     * each other's candidates; the partial unique index on running runs per view makes a second
     * claimer of the same view fail (it then finds the view busy on its next try), so runs of
     * one view never execute at once, whichever process claimed them.
     */
    async claimNext(worker: string): Promise<RunRecord | null> {
      const candidate = alias(materializationRuns, 'candidate');
      const running = alias(materializationRuns, 'running');
      for (let attempt = 0; attempt < 5; attempt++) {
        // A scalar subquery (one InitPlan, run once): `IN (… LIMIT 1 FOR UPDATE SKIP LOCKED)`
        // may be re-run per row and take more than one.
        const next = db
          .select({ id: candidate.id })
          .from(candidate)
          .where(
            and(
              eq(candidate.status, 'queued'),
              notExists(
                db
                  .select({ one: sql`1` })
                  .from(running)
                  .where(and(eq(running.view, candidate.view), eq(running.status, 'running'))),
              ),
            ),
          )
          .orderBy(asc(candidate.createdAt), asc(candidate.id))
          .limit(1)
          .for('update', { skipLocked: true });
        // The run reads its inputs as known now (this host's clock, as every available_at written here).
        const now = new Date();
        try {
          const [row] = await db
            .update(materializationRuns)
            .set({ status: 'running', claimedBy: worker, startedAt: now, asOf: now })
            .where(and(eq(materializationRuns.id, next), eq(materializationRuns.status, 'queued')))
            .returning();
          return row ?? null;
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
      return null;
    },
    /** Whether any run is waiting in the queue. */
    async anyQueued(): Promise<boolean> {
      const rows = await db
        .select({ id: materializationRuns.id })
        .from(materializationRuns)
        .where(eq(materializationRuns.status, 'queued'))
        .limit(1);
      return rows.length > 0;
    },
    /**
     * Fails the runs left running by workers that are gone (no heartbeat within the lease, or
     * no claimant at all). Nothing of theirs was published: publishing and finishing a run are
     * one transaction, and the transition to succeeded requires the claim to still hold.
     */
    async failAbandoned(lease: Pick<WorkerLease, 'abandoned' | 'leaseMs'>): Promise<RunRecord[]> {
      return db
        .update(materializationRuns)
        .set({
          status: 'failed',
          error: sql`'interrupted: the features process running it ('
            || coalesce(${materializationRuns.claimedBy}, 'unknown') || ') stopped: no heartbeat for over '
            || ${String(Math.round(lease.leaseMs / 1000))}::text
            || ' s; nothing was published; request the run again'`,
          finishedAt: sql`now()`,
        })
        .where(and(eq(materializationRuns.status, 'running'), lease.abandoned(materializationRuns.claimedBy)))
        .returning();
    },
  };
}
export type RunStore = ReturnType<typeof createRunStore>;

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
