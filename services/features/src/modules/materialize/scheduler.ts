import type { Db } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';
import { type MaterializeJob, runMaterialization } from './job.ts';
import type { RunRecord } from './runs.ts';

/**
 * Runs materializations in the background, one at a time, in the order they were asked for.
 *
 * Why in the background: a full Alpha158 run over 505 symbols is ~20 s of DuckDB work, far past
 * what an HTTP request should hold. DuckDB runs off the event loop, so the subgraph keeps
 * answering (run status included) while a run computes. Why one at a time: runs are CPU-bound
 * and DuckDB already uses every core for one; runs of one view must also not interleave, or two
 * incremental runs could both compute the same new bars. A caller may wait for a short while
 * (`waitFor`), so small runs look synchronous.
 */
export function createScheduler(deps: { db: Db; lake: Lake }) {
  let tail: Promise<unknown> = Promise.resolve();
  const pending = new Map<string, Promise<RunRecord>>();
  return {
    /** Queues a run whose row is already `queued`. */
    submit(job: MaterializeJob): Promise<RunRecord> {
      const done = tail.then(() => runMaterialization(deps, job));
      tail = done.catch(() => undefined);
      pending.set(job.run.id, done);
      void done.finally(() => pending.delete(job.run.id)).catch(() => undefined);
      return done;
    },
    /** The finished run, or null when it is not done within `ms` (it continues regardless). */
    async waitFor(runId: string, ms: number): Promise<RunRecord | null> {
      const done = pending.get(runId);
      if (!done) return null;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), ms);
      });
      try {
        return await Promise.race([done, timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    /** Resolves once every queued run has finished (tests, shutdown). */
    idle(): Promise<void> {
      return tail.then(() => undefined);
    },
  };
}
export type Scheduler = ReturnType<typeof createScheduler>;
