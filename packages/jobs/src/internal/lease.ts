import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Db } from '@alphagraph/db';
import { workers } from '@alphagraph/db/schema/jobs';
import { type Column, eq, lt, type SQL, sql } from 'drizzle-orm';
import { JobsError } from './errors.ts';

export interface WorkerLeaseOptions {
  /** How often a worker holding work refreshes its heartbeat (default 5 s). */
  readonly heartbeatMs?: number;
  /** A worker whose heartbeat is older than this is gone (default 60 s): its work is swept. */
  readonly leaseMs?: number;
  /** Fixed id (tests simulating several processes); default `host:pid:random`. */
  readonly id?: string;
  /** Where this worker's jobs report what they cannot throw to a caller (the process's logger). */
  readonly log?: JobsLog;
}

/**
 * What the jobs kit logs to: a pino `Logger` fits (fields first, then the message). Default: the
 * console, for tools and tests without a logger.
 */
export interface JobsLog {
  warn(fields: Record<string, unknown>, message: string): void;
  error(fields: Record<string, unknown>, message: string): void;
}

const consoleLog: JobsLog = {
  warn: (fields, message) => console.warn(message, fields),
  error: (fields, message) => console.error(message, fields),
};

/**
 * This process as a worker other replicas can see (`jobs.workers`). While it holds work (a
 * materialization run, a training-set build) it heartbeats from a timer; the work's row names
 * the worker (its lifecycle's holder column). Another process judges the work abandoned once the
 * worker's heartbeat is older than the lease: that is the only way to tell a dead replica from
 * a busy one, since a crashed process cannot say it stopped. Heartbeats and the staleness test
 * both use the database clock.
 *
 * Why heartbeats rather than a Postgres advisory lock held for the work's duration: a session
 * lock needs a connection pinned for minutes per run, and embedded PGlite has one connection
 * shared by the whole process, where such locks exclude nothing.
 */
export function createWorkerLease(db: Db, options: WorkerLeaseOptions = {}) {
  const heartbeatMs = options.heartbeatMs ?? 5_000;
  const leaseMs = options.leaseMs ?? 60_000;
  if (leaseMs < 2 * heartbeatMs)
    throw new JobsError('LEASE_INVALID', 'a worker lease must span at least two heartbeats');
  const id = options.id ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const log = options.log ?? consoleLog;
  let holders = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  async function beat(): Promise<void> {
    await db
      .insert(workers)
      .values({ id, host: hostname(), pid: process.pid })
      .onConflictDoUpdate({ target: workers.id, set: { heartbeatAt: sql`now()` } });
  }

  return {
    id,
    leaseMs,
    /** The logger this worker's jobs report to. */
    log,
    /**
     * Runs `work` with a fresh heartbeat recorded first and kept fresh until it settles (nested
     * and concurrent holds share one timer).
     */
    async hold<T>(work: () => Promise<T>): Promise<T> {
      if (stopped) throw new JobsError('WORKER_STOPPING', `worker ${id} is stopping and takes no new work`);
      await beat();
      holders++;
      if (!timer) {
        timer = setInterval(() => {
          beat().catch((err) => log.error({ err, worker: id }, `worker ${id}: heartbeat failed`));
        }, heartbeatMs);
        timer.unref();
      }
      try {
        return await work();
      } finally {
        holders--;
        if (holders === 0 && timer) {
          clearInterval(timer);
          timer = undefined;
        }
      }
    },
    /**
     * A SQL condition true when `column` names no live worker (null, unknown, or a heartbeat
     * older than the lease): the work it refers to was abandoned.
     */
    abandoned(column: Column): SQL {
      return sql`not exists (select 1 from ${workers} w where w.id = ${column}
        and w.heartbeat_at > now() - make_interval(secs => ${leaseMs / 1000}))`;
    },
    /**
     * Forgets workers silent for a day (their rows only say who held what; work naming a worker
     * without a row counts as abandoned all the same).
     */
    async forgetGone(): Promise<number> {
      const gone = await db
        .delete(workers)
        .where(lt(workers.heartbeatAt, sql`now() - interval '1 day'`))
        .returning({ id: workers.id });
      return gone.length;
    },
    /** Stops heartbeating and removes this worker, so live replicas sweep what it held at once. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await db.delete(workers).where(eq(workers.id, id));
    },
  };
}
export type WorkerLease = ReturnType<typeof createWorkerLease>;
