import type { Db } from '@alphagraph/db';
import { backtestInstruments, backtests } from '@alphagraph/db/schema/backtests';
import { defineLifecycle, type JobsDb } from '@alphagraph/jobs';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';

export type BacktestRecord = typeof backtests.$inferSelect;
export interface InstrumentRef {
  readonly symbol: string;
}
export interface ModelRef {
  readonly name: string;
}

/**
 * The run lifecycle, declared once for the jobs kit:
 *   queued  -> running | failed   (failed: refused when its worker found the spec unrunnable)
 *   running -> succeeded | failed | queued   (queued: given back by a stopping process)
 *   succeeded, failed: final
 * Any replica's worker claims a queued run (`claimed_by`); a run whose worker stopped heartbeating
 * is failed with a message, never re-queued (its process may have died of the run itself). A
 * process stopped gracefully (SIGTERM) that has not finished its run within the grace period gives
 * it back to the queue for another replica; whatever the stopped worker still tries to publish
 * for it is refused (see `writeOutputs`).
 */
export const backtestLifecycle = defineLifecycle({
  name: 'backtest',
  table: backtests,
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
      `interrupted: the backtests process running it (${worker}) stopped: no heartbeat for over ${leaseSeconds} s; ` +
      'nothing was published; rerunBacktest runs it again from the same snapshots',
    set: { finishedAt: sql`now()` },
  },
  released: { to: 'queued', set: { startedAt: null, progress: 0 } },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The ids that can name a row (anything else must not reach Postgres' uuid parser). */
export const uuids = (ids: readonly string[]) => ids.filter((id) => UUID.test(id));

export type NewBacktest = Omit<
  typeof backtests.$inferInsert,
  'id' | 'status' | 'claimedBy' | 'createdAt' | 'metrics' | 'outputs' | 'progress' | 'error'
>;

export function createBacktestStore(db: Db) {
  return {
    async list(filter: { first: number; createdBy?: string | null }): Promise<BacktestRecord[]> {
      return db
        .select()
        .from(backtests)
        .where(filter.createdBy ? eq(backtests.createdBy, filter.createdBy) : undefined)
        .orderBy(desc(backtests.createdAt), desc(backtests.id))
        .limit(Math.min(Math.max(filter.first, 0), 500));
    },
    async byIds(ids: readonly string[]): Promise<BacktestRecord[]> {
      const valid = uuids(ids);
      if (valid.length === 0) return [];
      return db.select().from(backtests).where(inArray(backtests.id, valid));
    },
    async byName(name: string): Promise<BacktestRecord[]> {
      return db.select().from(backtests).where(eq(backtests.name, name)).orderBy(desc(backtests.createdAt));
    },
    async instrumentsOf(ids: readonly string[]) {
      const valid = uuids(ids);
      if (valid.length === 0) return [];
      return db.select().from(backtestInstruments).where(inArray(backtestInstruments.backtestId, valid));
    },
    async forSymbols(symbols: readonly string[]): Promise<{ symbol: string; backtest: BacktestRecord }[]> {
      if (symbols.length === 0) return [];
      return db
        .select({ symbol: backtestInstruments.symbol, backtest: backtests })
        .from(backtestInstruments)
        .innerJoin(backtests, eq(backtests.id, backtestInstruments.backtestId))
        .where(inArray(backtestInstruments.symbol, [...symbols]))
        .orderBy(desc(backtests.createdAt));
    },
    async forModels(names: readonly string[]): Promise<BacktestRecord[]> {
      if (names.length === 0) return [];
      return db
        .select()
        .from(backtests)
        .where(inArray(backtests.modelName, [...names]))
        .orderBy(desc(backtests.createdAt));
    },
    /** Records a queued run with its universe in one transaction (held by `holder` when given). */
    async create(
      input: NewBacktest,
      universe: readonly string[],
      options: { holder?: string; tx?: JobsDb } = {},
    ): Promise<BacktestRecord> {
      const write = async (tx: JobsDb) => {
        const created = await backtestLifecycle.create(
          tx,
          input,
          options.holder === undefined ? {} : { holder: options.holder },
        );
        for (let i = 0; i < universe.length; i += 1000) {
          await tx
            .insert(backtestInstruments)
            .values(universe.slice(i, i + 1000).map((symbol) => ({ backtestId: created.id, symbol })));
        }
        return created;
      };
      return options.tx ? write(options.tx) : db.transaction(write);
    },
    /** Records progress while `holder` runs it (ignored once it left running). */
    async progress(id: string, fraction: number, holder: string): Promise<void> {
      await db
        .update(backtests)
        .set({ progress: Math.max(0, Math.min(1, fraction)) })
        .where(and(eq(backtests.id, id), eq(backtests.status, 'running'), eq(backtests.claimedBy, holder)));
    },
  };
}
export type BacktestStore = ReturnType<typeof createBacktestStore>;
