import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db } from '@alphagraph/db';
import type { SQL } from 'drizzle-orm';
import type { PgTable, PgUpdateSetSource } from 'drizzle-orm/pg-core';
import type { WorkerLease } from './lease.ts';
import type { Lifecycle, LifecycleColumns, StatusOf } from './lifecycle.ts';
import { jobRuns, jobSeconds, registerQueue } from './metrics.ts';

export interface JobWorkerOptions<T extends PgTable, C extends LifecycleColumns<T>> {
  readonly db: Db;
  readonly lifecycle: Lifecycle<T, C>;
  /** This process as a worker: jobs are claimed in its name and heartbeat while they execute. */
  readonly lease: WorkerLease;
  /** What claiming a job means: the status it moves into, an extra condition, columns set then. */
  readonly claim: {
    readonly to: StatusOf<T, C>;
    readonly where?: (candidate: T) => SQL | undefined;
    readonly set?: () => PgUpdateSetSource<T>;
  };
  /**
   * Executes a claimed job and moves it on (`transition` with `heldBy: worker`, so a job swept
   * from under it is not finished). A throw is logged and the worker goes on to the next job.
   */
  readonly work: (job: T['$inferSelect'], worker: string) => Promise<unknown>;
  /** Told of each job the worker's sweep failed (default: a warning in the lease's log). */
  readonly onSwept?: (job: T['$inferSelect']) => void;
  /** How often a started worker looks for claimable jobs and abandoned ones (default 2 s). */
  readonly pollMs?: number;
  /** How often `waitFor` and `idle` look at a job another process executes (default 250 ms). */
  readonly waitPollMs?: number;
}

/**
 * Resolves after `ms`, or at once when `signal` fires first. The timer keeps the process alive: a
 * script awaiting `idle()` while another process runs the queue must not exit under it.
 */
function pause(ms: number, signal?: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    void signal?.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/**
 * A queue of one job kind, durable and shared through Postgres: a job is a row; any process's
 * worker may claim it and each job executes exactly once. Each worker executes one job at a time,
 * oldest first, sweeping abandoned work before it claims. Start it with `start()` (polls every
 * `pollMs`) and stop it with `stop()` (claims nothing more, waits for the job in progress); a
 * worker never started still executes what `submit` and `idle` ask for.
 */
export function createJobWorker<T extends PgTable, const C extends LifecycleColumns<T>>(
  options: JobWorkerOptions<T, C>,
) {
  type Row = T['$inferSelect'];
  const { db, lease, lifecycle } = options;
  const pollMs = options.pollMs ?? 2_000;
  const waitPollMs = options.waitPollMs ?? 250;
  const claimable = lifecycle.sourcesOf(options.claim.to);
  const idOf = (job: Row) => (job as Record<string, unknown>)[lifecycle.columns.id] as string;
  const statusOf = (job: Row) => (job as Record<string, unknown>)[lifecycle.columns.status] as StatusOf<T, C>;
  const onSwept =
    options.onSwept ??
    ((job: Row) =>
      lease.log.warn(
        { job: idOf(job), kind: lifecycle.name },
        `${lifecycle.name} ${idOf(job)} was abandoned by its worker: failed`,
      ));

  /** Jobs this process finished, for callers waiting on them here. */
  const listeners = new Map<string, Set<() => void>>();
  const finishedHere = (id: string) => {
    for (const listener of listeners.get(id) ?? []) listener();
    listeners.delete(id);
  };
  const whenFinishedHere = (id: string): { done: Promise<void>; cancel: () => void } => {
    let listener: () => void = () => {};
    const done = new Promise<void>((resolve) => {
      listener = resolve;
    });
    const set = listeners.get(id) ?? new Set();
    set.add(listener);
    listeners.set(id, set);
    return { done, cancel: () => set.delete(listener) };
  };

  let stopped = false;
  /** The job executing here now, if any. */
  let current: string | undefined;
  let draining: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function execute(job: Row): Promise<void> {
    current = idOf(job);
    const started = performance.now();
    try {
      await options.work(job, lease.id);
      await recordRun(idOf(job), (performance.now() - started) / 1000);
    } catch (error) {
      // Swept from under this worker, or the database went away: it is not ours to finish.
      lease.log.error(
        { err: error, job: idOf(job), kind: lifecycle.name },
        `${lifecycle.name} ${idOf(job)} could not be finished by ${lease.id}`,
      );
    } finally {
      current = undefined;
      finishedHere(idOf(job));
    }
  }

  /** Counts a job this process executed, by the status it ended in (`released` when given back). */
  async function recordRun(id: string, seconds: number): Promise<void> {
    const row = await lifecycle.find(db, id).catch(() => null);
    const status = row ? statusOf(row) : 'unknown';
    jobRuns.inc({ kind: lifecycle.name, status });
    jobSeconds.observe({ kind: lifecycle.name, status }, seconds);
  }

  const unregisterQueue = registerQueue({ kind: lifecycle.name, depth: () => lifecycle.depth(db, claimable) });

  async function drainOnce(): Promise<void> {
    await lease.hold(async () => {
      for (const job of await lifecycle.sweep(db, lease)) onSwept(job);
      while (!stopped) {
        const job = await lifecycle.claim(db, {
          to: options.claim.to,
          worker: lease.id,
          ...(options.claim.where ? { where: options.claim.where } : {}),
          ...(options.claim.set ? { set: options.claim.set() } : {}),
        });
        if (!job) break;
        await execute(job);
      }
    });
  }

  /**
   * The context the worker was created in. Jobs run in it, not in the context of whoever submitted
   * them: a job submitted by a GraphQL request must not inherit the request's scope (its DuckDB
   * deadline and its cancellation when the client leaves) and die with it.
   */
  const inWorkerContext = AsyncLocalStorage.snapshot();

  /** Claims and executes jobs until none can start; concurrent calls share one pass. */
  function drain(): Promise<void> {
    return inWorkerContext(drainShared);
  }

  function drainShared(): Promise<void> {
    if (draining) {
      again = true;
      return draining;
    }
    draining = (async () => {
      do {
        again = false;
        try {
          await drainOnce();
        } catch (error) {
          if (!stopped)
            lease.log.error({ err: error, kind: lifecycle.name }, `the ${lifecycle.name} queue could not be read`);
        }
      } while (again && !stopped);
    })().finally(() => {
      draining = null;
    });
    return draining;
  }

  return {
    /** Tells the worker a job was created (its row is already claimable; any replica may run it). */
    submit(): void {
      if (!stopped) void drain();
    },
    /** The job once it reached a final status, or null when it does not within `ms` (it continues regardless). */
    async waitFor(id: string, ms: number): Promise<Row | null> {
      const deadline = Date.now() + ms;
      for (;;) {
        const local = whenFinishedHere(id);
        try {
          const job = await lifecycle.find(db, id);
          if (!job) return null;
          if (lifecycle.final.includes(statusOf(job))) return job;
          const left = deadline - Date.now();
          if (left <= 0) return null;
          await pause(Math.min(left, waitPollMs), local.done);
        } finally {
          local.cancel();
        }
      }
    },
    /**
     * Resolves once no job is claimable and this process executes none (tests, benchmarks). Jobs
     * the claim condition holds back (behind another process's job) are waited for too.
     */
    async idle(): Promise<void> {
      for (;;) {
        await drain();
        if (stopped || !(await lifecycle.anyIn(db, claimable))) return;
        await pause(waitPollMs);
      }
    },
    /** Polls for claimable jobs (created by any process) and abandoned ones, now and every `pollMs`. */
    start(): void {
      if (timer || stopped) return;
      void drain();
      timer = setInterval(() => void drain(), pollMs);
      timer.unref();
    },
    /**
     * Claims nothing more; resolves once the job in progress here (if any) finished. With
     * `graceMs` and a lifecycle that releases (`released`), a job still running after `graceMs`
     * is given back to the queue for another replica, and stop resolves without waiting for it
     * (its late transition is refused). Returns the id of the job it released, if any.
     */
    async stop(stopOptions: { graceMs?: number } = {}): Promise<string | undefined> {
      stopped = true;
      unregisterQueue();
      if (timer) clearInterval(timer);
      timer = undefined;
      const inProgress = draining;
      if (!inProgress) return undefined;
      if (stopOptions.graceMs === undefined || !lifecycle.releases) {
        await inProgress;
        return undefined;
      }
      let graceTimer: NodeJS.Timeout | undefined;
      const finished = await Promise.race([
        inProgress.then(() => true),
        new Promise<false>((resolve) => {
          graceTimer = setTimeout(() => resolve(false), stopOptions.graceMs);
        }),
      ]).finally(() => clearTimeout(graceTimer));
      const holding = current;
      if (finished || holding === undefined) {
        await inProgress;
        return undefined;
      }
      const released = await lifecycle.release(db, { id: holding, worker: lease.id });
      if (!released) {
        // It finished (or was swept) as the grace ran out: nothing to give back.
        await inProgress;
        return undefined;
      }
      lease.log.warn(
        { job: holding, kind: lifecycle.name, graceMs: stopOptions.graceMs },
        `${lifecycle.name} ${holding} not finished within ${stopOptions.graceMs} ms: given back to the queue`,
      );
      return holding;
    },
  };
}
export type JobWorker = ReturnType<typeof createJobWorker>;
