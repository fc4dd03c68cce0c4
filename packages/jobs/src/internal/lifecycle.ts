import type { Db } from '@alphagraph/db';
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { alias, type PgColumn, type PgTable, type PgUpdateSetSource } from 'drizzle-orm/pg-core';
import { JobsError } from './errors.ts';
import type { WorkerLease } from './lease.ts';

/** A database, or a transaction on one (e.g. a lake publish's catalog transaction). */
export type JobsDb = Db | Parameters<Parameters<Db['transaction']>[0]>[0];

type ColumnKey<T extends PgTable> = keyof T['_']['columns'] & keyof T['$inferSelect'] & string;

/** Which columns of the table play which part (property names of the drizzle table). */
export interface LifecycleColumns<T extends PgTable> {
  readonly id: ColumnKey<T>;
  readonly status: ColumnKey<T>;
  /** The worker (`jobs.workers.id`) holding the job; its heartbeat says whether the job is abandoned. */
  readonly holder: ColumnKey<T>;
  /** Where the sweep writes why it failed a job. */
  readonly error: ColumnKey<T>;
  /** Claims take the oldest job first (ties by id). */
  readonly createdAt: ColumnKey<T>;
}

export type StatusOf<T extends PgTable, C extends LifecycleColumns<T>> = T['$inferSelect'][C['status']] & string;

export interface LifecycleDeclaration<
  T extends PgTable,
  C extends LifecycleColumns<T>,
  S extends string = StatusOf<T, C>,
> {
  /** What one job is called in messages (`run`, `training set`). */
  readonly name: string;
  readonly table: T;
  readonly columns: C;
  /**
   * Every status of the column to the statuses it may move to. Keyed by the column's own type,
   * so a status added to the column and not handled here fails to compile.
   */
  readonly transitions: { readonly [K in S]: readonly S[] };
  /** The status `create` records. */
  readonly initial: S;
  /** What the sweep does to work whose holder stopped heartbeating. */
  readonly abandoned: {
    /** The statuses in which a holder is working on the job. */
    readonly held: readonly S[];
    readonly to: S;
    /** Recorded in the error column: name the worker and say what to do next. */
    readonly message: (gone: { readonly worker: string; readonly leaseSeconds: number }) => string;
    readonly set?: PgUpdateSetSource<T>;
  };
  /**
   * What a graceful shutdown does to a job its worker holds and has not finished within the grace
   * period: it goes back to `to`, a status claims take it from, with no holder, so another replica
   * runs it. Unlike a crash (the sweep fails such work: the job may have killed its process), a
   * stopping process is healthy. Without it, a stopping worker waits for its job to finish.
   */
  readonly released?: {
    readonly to: S;
    readonly set?: PgUpdateSetSource<T>;
  };
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

/**
 * Declares a job kind's lifecycle once and returns its operations: a new job kind is this
 * declaration plus the function `createJobWorker` runs for each claimed job (see the README).
 * Every change of status is checked in the UPDATE's WHERE (the allowed source states and, when
 * given, the current holder), so two writers never both move a job out of the same state and a
 * worker whose job was swept as abandoned cannot finish it: its late transition is refused, and a
 * lake publish doing it inside the catalog transaction rolls back.
 */
export function defineLifecycle<T extends PgTable, const C extends LifecycleColumns<T>>(
  declaration: LifecycleDeclaration<T, C>,
) {
  type S = StatusOf<T, C>;
  type Row = T['$inferSelect'];
  type Update = PgUpdateSetSource<T>;
  const { name, table, columns, transitions } = declaration;
  const statuses = Object.keys(transitions) as S[];
  const columnOf = (of: PgTable, key: keyof C & string): PgColumn =>
    (of as unknown as Record<string, PgColumn>)[columns[key] as string]!;
  const col = (key: keyof C & string) => columnOf(table, key);
  const sourcesOf = (to: S): S[] => statuses.filter((from) => transitions[from].includes(to));
  const moved = (to: S, holder?: string): Update =>
    ({ [columns.status]: to, ...(holder === undefined ? {} : { [columns.holder]: holder }) }) as Update;

  const { held, to: sweptTo } = declaration.abandoned;
  const released = declaration.released;
  const unreleasable = released ? held.filter((from) => !transitions[from].includes(released.to)) : [];
  if (unreleasable.length > 0) {
    throw new JobsError(
      'JOB_LIFECYCLE_INVALID',
      `the ${name} lifecycle releases held work to ${released?.to}, which ${unreleasable.join(', ')} may not move to`,
    );
  }
  const unsweepable = held.filter((from) => !transitions[from].includes(sweptTo));
  if (unsweepable.length > 0) {
    throw new JobsError(
      'JOB_LIFECYCLE_INVALID',
      `the ${name} lifecycle sweeps abandoned work to ${sweptTo}, which ${unsweepable.join(', ')} may not move to`,
    );
  }

  /** The job `where` selects (each caller names one by id), updated with `set`, or null. */
  async function updateOne(db: JobsDb, set: Update, where: SQL | undefined): Promise<Row | null> {
    const rows = (await db.update(table).set(set).where(where).returning()) as unknown as Row[];
    return rows[0] ?? null;
  }

  async function tryTransition(
    db: JobsDb,
    options: { id: string; to: S; set?: Update; heldBy?: string },
  ): Promise<Row | null> {
    const held = options.heldBy === undefined ? [] : [eq(col('holder'), options.heldBy)];
    return updateOne(
      db,
      { ...options.set, ...moved(options.to) },
      and(eq(col('id'), options.id), inArray(col('status'), sourcesOf(options.to)), ...held),
    );
  }

  return {
    name,
    table,
    columns,
    /** The statuses no transition leaves: a job in one is done. */
    final: statuses.filter((s) => transitions[s].length === 0),
    /** The states a job may move to `to` from. */
    sourcesOf,

    /** Records a new job in the initial status, held by `holder` when the creator works on it at once. */
    async create(
      db: JobsDb,
      values: Omit<T['$inferInsert'], C['status'] | C['holder']>,
      options: { holder?: string } = {},
    ): Promise<Row> {
      const [row] = await db
        .insert(table)
        .values({ ...values, ...moved(declaration.initial, options.holder) } as T['$inferInsert'])
        .returning();
      return row as Row;
    },

    /**
     * Moves a job into `to` held by `worker`, or returns null when none can be: job `id`, or else
     * the oldest job in a state that may move to `to` and meets `where` (an extra condition on
     * the candidate, e.g. "no other job of its view is running"). SKIP LOCKED lets concurrent
     * claimers pass over each other's candidates. When `where` is backed by a unique index, a
     * claimer that loses the race gets a unique violation and simply tries the next candidate.
     */
    async claim(
      db: JobsDb,
      options: { to: S; worker: string; id?: string; where?: (candidate: T) => SQL | undefined; set?: Update },
    ): Promise<Row | null> {
      const from = sourcesOf(options.to);
      let target: SQL | undefined;
      if (options.id !== undefined) {
        // A named job is waited for, not skipped: a short lock on it is no reason to refuse the claim.
        target = and(eq(col('id'), options.id), options.where?.(table));
      } else {
        const candidate = alias(table, 'candidate') as unknown as T;
        // A scalar subquery (one InitPlan, run once): `IN (… LIMIT 1 FOR UPDATE SKIP LOCKED)`
        // may be re-run per row and take more than one.
        const next = db
          .select({ id: columnOf(candidate, 'id') })
          .from(candidate as PgTable)
          .where(and(inArray(columnOf(candidate, 'status'), from), options.where?.(candidate)))
          .orderBy(asc(columnOf(candidate, 'createdAt')), asc(columnOf(candidate, 'id')))
          .limit(1)
          .for('update', { skipLocked: true });
        target = eq(col('id'), next);
      }
      for (let attempt = 0; attempt < 5; attempt++) {
        try {
          return await updateOne(
            db,
            { ...options.set, ...moved(options.to, options.worker) },
            and(target, inArray(col('status'), from)),
          );
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
        }
      }
      return null;
    },

    /**
     * Moves job `id` to `to` when the transition table allows it from its current status and,
     * with `heldBy`, only while that worker still holds it; null when it does not.
     */
    tryTransition,

    /** As `tryTransition`, refusing with `JOB_TRANSITION_REFUSED` instead of returning null. */
    async transition(db: JobsDb, options: { id: string; to: S; set?: Update; heldBy?: string }): Promise<Row> {
      const row = await tryTransition(db, options);
      if (row) return row;
      throw new JobsError(
        'JOB_TRANSITION_REFUSED',
        `${name} ${options.id} cannot move to ${options.to} from its current state (allowed from ${sourcesOf(options.to).join(', ')})`,
      );
    },

    /**
     * Fails the jobs held by workers that are gone (no heartbeat within the lease, or no holder
     * recorded), with the declared message naming the worker; work of live workers is left
     * alone. Returns the jobs it failed.
     */
    async sweep(db: JobsDb, lease: Pick<WorkerLease, 'abandoned' | 'leaseMs'>): Promise<Row[]> {
      const { message, set } = declaration.abandoned;
      const gone = and(inArray(col('status'), [...held]), lease.abandoned(col('holder')));
      const found = (await db
        .select({ id: col('id'), holder: col('holder') })
        .from(table as PgTable)
        .where(gone)) as { id: string; holder: string | null }[];
      const swept: Row[] = [];
      for (const job of found) {
        const error = message({ worker: job.holder ?? 'unknown', leaseSeconds: Math.round(lease.leaseMs / 1000) });
        // Re-checked as it is written: a job finished or taken over meanwhile is not this sweep's.
        const row = await updateOne(
          db,
          { ...set, ...moved(sweptTo), [columns.error]: error } as Update,
          and(eq(col('id'), job.id), gone, sql`${col('holder')} is not distinct from ${job.holder}`),
        );
        if (row) swept.push(row);
      }
      return swept;
    },

    /**
     * Whether `worker` still holds job `id` (a held status, its holder), locking the row until `db`'s
     * transaction ends, so a release or a sweep waits for it. A publish that must not outlive the
     * worker's hold on its job checks this in the publishing transaction and rolls back when false.
     */
    async holds(db: JobsDb, options: { id: string; worker: string }): Promise<boolean> {
      const rows = await db
        .select({ id: col('id') })
        .from(table as PgTable)
        .where(and(eq(col('id'), options.id), inArray(col('status'), [...held]), eq(col('holder'), options.worker)))
        .for('update');
      return rows.length > 0;
    },

    /** Whether a stopping worker may give its unfinished job back (the declaration's `released`). */
    releases: released !== undefined,

    /**
     * Gives job `id`, held by `worker`, back to the queue (`released.to`, no holder), or null when
     * the job is no longer that worker's (finished, swept) or the lifecycle releases nothing. The
     * worker's own late transition is then refused (its holder changed), so the job runs once.
     */
    async release(db: JobsDb, options: { id: string; worker: string }): Promise<Row | null> {
      if (!released) return null;
      return updateOne(
        db,
        { ...released.set, ...moved(released.to), [columns.holder]: null } as Update,
        and(eq(col('id'), options.id), inArray(col('status'), [...held]), eq(col('holder'), options.worker)),
      );
    },

    /** The job `id`, or null. */
    async find(db: JobsDb, id: string): Promise<Row | null> {
      const [row] = await db
        .select()
        .from(table as PgTable)
        .where(eq(col('id'), id))
        .limit(1);
      return (row as Row | undefined) ?? null;
    },

    /** How many jobs are in one of `among`, and the age of the oldest (0 when none), by the database clock. */
    async depth(db: JobsDb, among: readonly S[]): Promise<{ count: number; oldestAgeSeconds: number }> {
      const [row] = (await db
        .select({
          count: sql<string>`count(*)`,
          age: sql<string | null>`extract(epoch from now() - min(${col('createdAt')}))`,
        })
        .from(table as PgTable)
        .where(inArray(col('status'), [...among]))) as { count: string | number; age: string | number | null }[];
      return { count: Number(row?.count ?? 0), oldestAgeSeconds: Math.max(0, Number(row?.age ?? 0)) };
    },

    /** Whether any job is in one of `among`. */
    async anyIn(db: JobsDb, among: readonly S[]): Promise<boolean> {
      const rows = await db
        .select({ id: col('id') })
        .from(table as PgTable)
        .where(inArray(col('status'), [...among]))
        .limit(1);
      return rows.length > 0;
    },
  };
}

export type Lifecycle<T extends PgTable, C extends LifecycleColumns<T>> = ReturnType<typeof defineLifecycle<T, C>>;
