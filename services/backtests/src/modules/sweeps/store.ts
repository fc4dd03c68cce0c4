import type { Db } from '@alphagraph/db';
import { sweeps } from '@alphagraph/db/schema/backtests';
import { defineLifecycle } from '@alphagraph/jobs';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { uuids } from '../backtests/store.ts';

export type SweepRecord = typeof sweeps.$inferSelect;

/**
 * The sweep lifecycle (as a backtest's): queued -> running -> succeeded | failed; abandoned -> failed;
 * running -> queued when a stopping process gives it back.
 */
export const sweepLifecycle = defineLifecycle({
  name: 'sweep',
  table: sweeps,
  columns: { id: 'id', status: 'status', holder: 'claimedBy', error: 'error', createdAt: 'createdAt' },
  transitions: {
    queued: ['running', 'failed'],
    running: ['succeeded', 'failed', 'queued'],
    succeeded: [],
    failed: [],
  },
  initial: 'queued',
  abandoned: {
    held: ['running'],
    to: 'failed',
    message: ({ worker, leaseSeconds }) =>
      `interrupted: the backtests process running the sweep (${worker}) stopped: no heartbeat for over ${leaseSeconds} s; ` +
      'nothing was published; run the sweep again',
    set: { finishedAt: sql`now()` },
  },
  released: { to: 'queued', set: { startedAt: null, progress: 0 } },
});

export function createSweepStore(db: Db) {
  return {
    create: (values: Omit<typeof sweeps.$inferInsert, 'status' | 'claimedBy'>) => sweepLifecycle.create(db, values),
    async byIds(ids: readonly string[]): Promise<SweepRecord[]> {
      const valid = uuids(ids);
      if (valid.length === 0) return [];
      return db.select().from(sweeps).where(inArray(sweeps.id, valid));
    },
    list: (first: number): Promise<SweepRecord[]> =>
      db
        .select()
        .from(sweeps)
        .orderBy(desc(sweeps.createdAt), desc(sweeps.id))
        .limit(Math.min(Math.max(first, 0), 500)),
    async progress(id: string, fraction: number, holder: string): Promise<void> {
      await db
        .update(sweeps)
        .set({ progress: Math.max(0, Math.min(1, fraction)) })
        .where(and(eq(sweeps.id, id), eq(sweeps.status, 'running'), eq(sweeps.claimedBy, holder)));
    },
  };
}
export type SweepStore = ReturnType<typeof createSweepStore>;
