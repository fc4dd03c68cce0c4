import type { Db } from '@alphagraph/db';
import type { MaterializationStatus } from '@alphagraph/db/schema/features';
import type { Lake } from '@alphagraph/lake';
import { createFeatureStore, type FeatureRecord } from '../features/store.ts';
import { createViewStore } from '../views/store.ts';
import type { WorkerLease } from '../workers/lease.ts';
import { type MaterializeJob, runMaterialization } from './job.ts';
import { createRunStore, type RunRecord, transitionRun } from './runs.ts';

const FINAL: readonly MaterializationStatus[] = ['succeeded', 'failed'];

export interface SchedulerDeps {
  readonly db: Db;
  readonly lake: Lake;
  /** This process as a worker: runs are claimed in its name and heartbeat while they execute. */
  readonly lease: WorkerLease;
  /** How often a started scheduler looks for queued runs and abandoned ones (default 2 s). */
  readonly pollMs?: number;
  /** How often `waitFor` and `idle` look at a run another process executes (default 250 ms). */
  readonly waitPollMs?: number;
  /** Executes a claimed run (default: materializes it). Tests substitute an instrumented one. */
  readonly execute?: (job: MaterializeJob, worker: string) => Promise<RunRecord>;
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
 * The materialization queue, durable and shared through Postgres: a run is a row, queued until a
 * worker claims it (`claimNext`: SKIP LOCKED, and at most one running run per view, enforced by a
 * unique index), so any replica of the service may execute it and each run executes exactly once.
 *
 * Each process executes one run at a time, oldest first: runs are CPU-bound and DuckDB already
 * uses every core for one; runs of one view never overlap in any process, or two incremental runs
 * could both compute the same new bars. A run left running by a process that died (its worker's
 * heartbeat lapsed) is failed, not re-queued: its process may have died of the run itself (memory),
 * and the failure names what happened so the caller can ask again; queued runs a stopped process
 * left are simply claimed by a live one. Why in the background at all: a full Alpha158 run over
 * 505 symbols is ~20 s of DuckDB work, far past what an HTTP request should hold; a caller may
 * wait a short while (`waitFor`), so small runs look synchronous.
 */
export function createScheduler(deps: SchedulerDeps) {
  const { db, lease } = deps;
  const runs = createRunStore(db);
  const views = createViewStore(db, deps.lake);
  const features = createFeatureStore(db);
  const pollMs = deps.pollMs ?? 2_000;
  const waitPollMs = deps.waitPollMs ?? 250;
  const execute =
    deps.execute ?? ((job: MaterializeJob, worker: string) => runMaterialization({ ...deps, worker }, job));

  /** Runs this process finished, for callers waiting on them here. */
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

  /** The job of a claimed run, from what the database records (any replica can rebuild it). */
  async function jobOf(run: RunRecord): Promise<MaterializeJob> {
    const [view] = await views.byNames([run.view]);
    if (!view) throw new Error(`the run names view ${run.view}, which does not exist`);
    const resolved = await features.resolveRefs(view.features);
    const members = view.features.map((ref): FeatureRecord => {
      const f = resolved.get(ref);
      if (!f) throw new Error(`view ${view.name} names feature version ${ref}, which does not exist`);
      return f;
    });
    return { run, view, features: members };
  }

  async function executeClaimed(run: RunRecord): Promise<void> {
    try {
      let job: MaterializeJob;
      try {
        job = await jobOf(run);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        await transitionRun(db, run.id, 'failed', { error: message, finishedAt: new Date() }, lease.id);
        return;
      }
      await execute(job, lease.id);
    } catch (error) {
      // The run was swept from under this worker, or the database went away: it is not ours to finish.
      console.error(`[features] materialization run ${run.id} could not be finished by ${lease.id}`, error);
    } finally {
      finishedHere(run.id);
    }
  }

  let stopped = false;
  let draining: Promise<void> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | undefined;

  async function drainOnce(): Promise<void> {
    await lease.hold(async () => {
      const swept = await runs.failAbandoned(lease);
      for (const run of swept) console.warn(`[features] run ${run.id} of ${run.view} failed: ${run.error}`);
      while (!stopped) {
        const run = await runs.claimNext(lease.id);
        if (!run) break;
        await executeClaimed(run);
      }
    });
  }

  /** Claims and executes queued runs until none can start; concurrent calls share one pass. */
  function drain(): Promise<void> {
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
          if (!stopped) console.error(`[features] the materialization queue could not be read`, error);
        }
      } while (again && !stopped);
    })().finally(() => {
      draining = null;
    });
    return draining;
  }

  return {
    /** Tells the worker a run was queued (its row is already `queued`; any replica may run it). */
    submit(run: Pick<RunRecord, 'id'>): void {
      if (!stopped && run.id) void drain();
    },
    /** The finished run, or null when it is not done within `ms` (it continues regardless). */
    async waitFor(runId: string, ms: number): Promise<RunRecord | null> {
      const deadline = Date.now() + ms;
      for (;;) {
        const local = whenFinishedHere(runId);
        try {
          const [run] = await runs.byIds([runId]);
          if (!run) return null;
          if (FINAL.includes(run.status)) return run;
          const left = deadline - Date.now();
          if (left <= 0) return null;
          await pause(Math.min(left, waitPollMs), local.done);
        } finally {
          local.cancel();
        }
      }
    },
    /**
     * Resolves once no run is queued and this process executes none (tests, benchmarks). Runs
     * queued behind another process's run of the same view are waited for too.
     */
    async idle(): Promise<void> {
      for (;;) {
        await drain();
        if (stopped || !(await runs.anyQueued())) return;
        await pause(waitPollMs);
      }
    },
    /** Polls for queued runs (left by any process) and abandoned ones, now and every `pollMs`. */
    start(): void {
      if (timer || stopped) return;
      void drain();
      timer = setInterval(() => void drain(), pollMs);
      timer.unref();
    },
    /** Claims nothing more; resolves once the run in progress here (if any) finished. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearInterval(timer);
      timer = undefined;
      await draining;
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
