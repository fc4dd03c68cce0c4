import type { Db } from '@alphagraph/db';
import { type MaterializationStatus, materializationRuns } from '@alphagraph/db/schema';
import type { CatalogTransaction } from '@alphagraph/lake';
import { and, desc, eq, inArray, type SQL } from 'drizzle-orm';

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

type Update = Partial<Omit<RunRecord, 'id' | 'view' | 'status' | 'createdAt' | 'createdBy'>>;

/** Moves a run to `to` when the transition table allows it from its current state. */
export async function transitionRun(
  db: Db | CatalogTransaction,
  id: string,
  to: MaterializationStatus,
  set: Update = {},
) {
  const [row] = await db
    .update(materializationRuns)
    .set({ ...set, status: to })
    .where(and(eq(materializationRuns.id, id), inArray(materializationRuns.status, sourcesOf(to))))
    .returning();
  if (!row) throw new RunTransitionError(id, to);
  return row;
}

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
    transition: (id: string, to: MaterializationStatus, set: Update = {}) => transitionRun(db, id, to, set),
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
     * Fails the runs a previous process left queued or running (it stopped mid-run; nothing of
     * theirs was published). Called once at boot; assumes one materializing process per database.
     */
    async failInterrupted(): Promise<number> {
      const rows = await db
        .update(materializationRuns)
        .set({
          status: 'failed',
          error: 'interrupted: the features service stopped before the run finished; nothing was published',
          finishedAt: new Date(),
        })
        .where(inArray(materializationRuns.status, ['queued', 'running']))
        .returning({ id: materializationRuns.id });
      return rows.length;
    },
  };
}
export type RunStore = ReturnType<typeof createRunStore>;
