import type { Db } from '@alphagraph/db';
import { createJobWorker, type WorkerLease } from '@alphagraph/jobs';
import type { Lake } from '@alphagraph/lake';
import { createFeatureStore, type FeatureRecord } from '../features/store.ts';
import { createViewStore } from '../views/store.ts';
import { type MaterializeJob, runMaterialization } from './job.ts';
import { noRunningRunOfItsView, type RunRecord, runLifecycle } from './runs.ts';

export interface SchedulerDeps {
  readonly db: Db;
  readonly lake: Lake;
  /** This process as a worker: runs are claimed in its name and heartbeat while they execute. */
  readonly lease: WorkerLease;
  /** How often a started scheduler looks for queued runs and abandoned ones (default 2 s). */
  readonly pollMs?: number;
  /** How often `waitFor` and `idle` look at a run another process executes (default 250 ms). */
  readonly waitPollMs?: number;
  /**
   * How long a run may execute (default 15 minutes, FEATURES_RUN_DEADLINE_SECONDS). Past it the
   * run's signal fires (its DuckDB statement is interrupted and it fails naming the deadline); a run
   * that still has not returned `graceMs` later is failed here and the queue moves on without it.
   */
  readonly deadlineMs?: number;
  /** See `deadlineMs` (default 5 s). */
  readonly graceMs?: number;
  /** Executes a claimed run (default: materializes it). Tests substitute an instrumented one. */
  readonly execute?: (job: MaterializeJob, worker: string, signal: AbortSignal) => Promise<RunRecord>;
}

/** Why a run past its deadline was stopped: the run's error message. */
export class RunDeadlineExceeded extends Error {
  constructor(readonly deadlineMs: number) {
    super(
      `the run passed its deadline of ${formatSeconds(deadlineMs)} (FEATURES_RUN_DEADLINE_SECONDS) and was stopped; ` +
        'materialize fewer features, entities or a shorter period per run, or raise the deadline',
    );
    this.name = 'RunDeadlineExceeded';
  }
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

/** Default of `SchedulerDeps.deadlineMs`. */
export const DEFAULT_RUN_DEADLINE_MS = 15 * 60_000;

/**
 * The materialization queue, durable and shared through Postgres: a run is a row, queued until a
 * worker claims it (the jobs kit's claim: SKIP LOCKED, and at most one running run per view,
 * enforced by a unique index), so any replica of the service may execute it and each run executes exactly once.
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
  const views = createViewStore(db, deps.lake);
  const features = createFeatureStore(db);
  const execute =
    deps.execute ??
    ((job: MaterializeJob, worker: string, signal: AbortSignal) =>
      runMaterialization({ db: deps.db, lake: deps.lake, worker, signal, log: lease.log }, job));
  const deadlineMs = deps.deadlineMs ?? DEFAULT_RUN_DEADLINE_MS;
  const graceMs = deps.graceMs ?? 5_000;

  /**
   * Executes a run under its deadline. The run is told through its signal and normally fails
   * itself; one that does not return within the grace (work DuckDB cannot interrupt) is failed
   * here, so one run can never hold the queue.
   */
  async function underDeadline(job: MaterializeJob, worker: string): Promise<RunRecord> {
    const controller = new AbortController();
    const timers: NodeJS.Timeout[] = [];
    const running = execute(job, worker, controller.signal);
    const abandoned = new Promise<'abandoned'>((resolve) => {
      timers.push(
        setTimeout(() => {
          controller.abort(new RunDeadlineExceeded(deadlineMs));
          timers.push(setTimeout(() => resolve('abandoned'), graceMs));
        }, deadlineMs),
      );
    });
    try {
      const first = await Promise.race([running, abandoned]);
      if (first !== 'abandoned') return first;
      // It may still finish later: its own transition then fails (the run is no longer its to finish).
      running.catch((err: unknown) =>
        lease.log.warn({ err, run: job.run.id }, `run ${job.run.id}, abandoned past its deadline, ended with an error`),
      );
      lease.log.error(
        { run: job.run.id },
        `run ${job.run.id} did not stop within ${graceMs} ms of its deadline: failed`,
      );
      return await runLifecycle.transition(db, {
        id: job.run.id,
        to: 'failed',
        set: { error: (controller.signal.reason as Error).message, finishedAt: new Date() },
        heldBy: worker,
      });
    } finally {
      for (const timer of timers) clearTimeout(timer);
    }
  }

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

  async function work(run: RunRecord, worker: string): Promise<RunRecord> {
    let job: MaterializeJob;
    try {
      job = await jobOf(run);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return runLifecycle.transition(db, {
        id: run.id,
        to: 'failed',
        set: { error: message, finishedAt: new Date() },
        heldBy: worker,
      });
    }
    return underDeadline(job, worker);
  }

  const worker = createJobWorker({
    db,
    lease,
    lifecycle: runLifecycle,
    claim: {
      to: 'running',
      where: noRunningRunOfItsView,
      // The run reads its inputs as known now (this host's clock, as every available_at written here).
      set: () => {
        const now = new Date();
        return { startedAt: now, asOf: now };
      },
    },
    work,
    onSwept: (run) =>
      lease.log.warn({ run: run.id, view: run.view }, `run ${run.id} of ${run.view} failed: ${run.error}`),
    ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
    ...(deps.waitPollMs === undefined ? {} : { waitPollMs: deps.waitPollMs }),
  });

  return {
    /** Tells the worker a run was queued (its row is already `queued`; any replica may run it). */
    submit(run: Pick<RunRecord, 'id'>): void {
      if (run.id) worker.submit();
    },
    /** The finished run, or null when it is not done within `ms` (it continues regardless). */
    waitFor: worker.waitFor,
    /**
     * Resolves once no run is queued and this process executes none (tests, benchmarks). Runs
     * queued behind another process's run of the same view are waited for too.
     */
    idle: worker.idle,
    /** Polls for queued runs (left by any process) and abandoned ones, now and every `pollMs`. */
    start: worker.start,
    /**
     * Claims nothing more; resolves once the run in progress here (if any) finished, or with
     * `graceMs`, gives it back to the queue after that long.
     */
    stop: worker.stop,
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
