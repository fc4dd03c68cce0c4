import {
  type PboResult,
  rankSignal,
  rowsFromColumns,
  type SignalRanking,
  StatisticsError,
  type SweepOverfitting,
  sweepOverfitting,
} from '@alphagraph/backtest';
import type { Db } from '@alphagraph/db';
import type { JobsDb, JobsLog } from '@alphagraph/jobs';
import type { Lake } from '@alphagraph/lake';
import { DomainError } from '@alphagraph/service';
import { type LoadedMarket, type PinnedInputs, withMarket } from '../backtests/market.ts';
import { failureMessage, GivenBack, isGivenBack } from '../backtests/run.ts';
import { simulate } from '../backtests/simulate.ts';
import type { RunSpec } from '../backtests/spec.ts';
import { type Configuration, expandGrid, type GridAxis } from './grid.ts';
import { type SweepRecord, type SweepStore, sweepLifecycle } from './store.ts';

/** The overfitting statistics as stored on the sweep (and served by SweepOverfitting). */
export interface StoredOverfitting {
  readonly best: number;
  readonly sharpe: number;
  readonly annualizedSharpe: number;
  readonly trials: number;
  readonly varianceOfTrialSharpes: number;
  readonly probabilisticSharpeRatio: number;
  readonly deflatedSharpeRatio: number;
  readonly pbo: number;
  readonly blocks: number;
  readonly logits: number[];
  readonly backtestYears: number;
  readonly minimumBacktestYears: number | null;
  readonly likelyOverfit: boolean;
  readonly verdict: string;
}

export interface StoredConfiguration {
  readonly index: number;
  readonly parameters: Record<string, number>;
  readonly metrics: Record<string, unknown> | null;
  readonly error: string | null;
}

export interface SweepOutcome {
  readonly configurations: StoredConfiguration[];
  readonly overfitting: StoredOverfitting;
  /** The best configuration's spec (run as a full backtest afterwards). */
  readonly bestSpec: RunSpec;
}

const finite = (v: number) => (Number.isFinite(v) ? v : 0);

export function storedOverfitting(o: SweepOverfitting, cscv: PboResult, bestIndex: number): StoredOverfitting {
  return {
    best: bestIndex,
    sharpe: o.sharpe,
    annualizedSharpe: o.annualizedSharpe,
    trials: o.trials,
    varianceOfTrialSharpes: o.varianceOfTrialSharpes,
    probabilisticSharpeRatio: o.psr,
    deflatedSharpeRatio: o.dsr,
    pbo: cscv.pbo,
    blocks: cscv.blocks,
    // ±Infinity when the selected configuration ranks first or last out of sample: clip for JSON.
    logits: Array.from(cscv.logits, (l) => (Number.isFinite(l) ? l : Math.sign(l) * 10)),
    backtestYears: o.backtestYears,
    minimumBacktestYears: o.minimumBacktestYears,
    likelyOverfit: o.likelyOverfit,
    verdict: o.verdict,
  };
}

/**
 * Runs every configuration (one market load per distinct signal), collects each one's daily
 * returns into a T × N matrix and its metrics, then the overfitting statistics of the best one:
 * DSR with N = the configurations run, PBO by CSCV with `blocks` blocks, MinBTL and the verdict.
 */
export async function computeSweep(options: {
  lake: Lake;
  base: Record<string, unknown>;
  grid: readonly GridAxis[];
  blocks: number;
  pinned: PinnedInputs;
  progress?: (fraction: number) => Promise<void>;
}): Promise<SweepOutcome> {
  const configurations = expandGrid(options.base, options.grid);
  const byIndex = new Map<number, { returns: Float64Array; stored: StoredConfiguration }>();
  const stored: StoredConfiguration[] = [];
  let done = 0;
  const runnable = configurations.filter((c) => c.spec).length;
  const first = configurations.find((c) => c.spec)!.spec!;
  // Configurations that share a signal (differing only in k, thresholds, rebalance, sizing...)
  // run one after another, so each distinct signal is compiled and read once per sweep.
  const bySignal = new Map<string, Configuration[]>();
  for (const c of configurations) {
    if (!c.spec) continue;
    const key = JSON.stringify(c.spec.signal);
    bySignal.set(key, [...(bySignal.get(key) ?? []), c]);
  }
  // The market (prices, sessions, corporate actions) is read once; each configuration simulates
  // the equity curve alone: no trade ledger or positions (the best configuration is then run as a
  // full backtest with its outputs).
  await withMarket(options.lake, first, options.pinned, async (market) => {
    for (const group of bySignal.values()) {
      // A signal's arrays are the size of the market: one is held at a time.
      const loaded: LoadedMarket = await market.load(group[0]!.spec!);
      // Top-k configurations of this signal rank it once (k only changes how many names are taken).
      let ranking: SignalRanking | undefined;
      for (const c of group) {
        const topK = c.spec!.mode !== 'backtesting_py' && c.spec!.strategy?.rule.type === 'topK';
        if (topK) ranking ??= rankSignal(loaded.market);
        const out = simulate(c.spec!, loaded, { ledgers: false, ...(topK && ranking ? { ranking } : {}) });
        const returns = new Float64Array(out.equity.length - 1);
        for (let t = 1; t < out.equity.length; t++) returns[t - 1] = finite(out.equity[t]! / out.equity[t - 1]! - 1);
        byIndex.set(c.index, {
          returns,
          stored: {
            index: c.index,
            parameters: c.parameters,
            metrics: out.metrics as unknown as Record<string, unknown>,
            error: null,
          },
        });
        done++;
        if (done % 5 === 0) await options.progress?.((0.9 * done) / runnable);
      }
    }
  });
  // Columns and stored results in configuration order, whatever order they ran in.
  const columns: Float64Array[] = [];
  const columnOf: number[] = [];
  for (const c of configurations) {
    const result = byIndex.get(c.index);
    if (!result) {
      stored.push({ index: c.index, parameters: c.parameters, metrics: null, error: c.error });
      continue;
    }
    stored.push(result.stored);
    columns.push(result.returns);
    columnOf.push(c.index);
  }
  let o: SweepOverfitting;
  try {
    const conventions = configurations.find((c) => c.spec)!.spec!.conventions;
    o = sweepOverfitting(rowsFromColumns(columns), {
      blocks: options.blocks,
      periodsPerYear: conventions.annualization,
    });
  } catch (error) {
    if (error instanceof StatisticsError) {
      throw new DomainError('FAILED_PRECONDITION', `the sweep's overfitting statistics: ${error.message}`, {
        cause: error,
      });
    }
    throw error;
  }
  const bestIndex = columnOf[o.best]!;
  const best: Configuration = configurations[bestIndex]!;
  return { configurations: stored, overfitting: storedOverfitting(o, o.cscv, bestIndex), bestSpec: best.spec! };
}

/**
 * Executes a claimed sweep and records its outcome (succeeded) or why it failed. `runBest` queues
 * the best configuration as a full backtest (outputs and report) in `tx` and returns its id. Null
 * when the sweep stopped being this worker's meanwhile (given back, or swept).
 */
export async function executeSweep(
  deps: {
    db: Db;
    lake: Lake;
    store: SweepStore;
    /** Where a failure's cause is logged (the worker lease's log; default the console). */
    log?: JobsLog;
    runBest: (spec: RunSpec, sweep: SweepRecord, tx: JobsDb) => Promise<string>;
  },
  sweep: SweepRecord,
  worker: string,
): Promise<SweepRecord | null> {
  try {
    const outcome = await computeSweep({
      lake: deps.lake,
      base: sweep.spec,
      grid: sweep.grid,
      blocks: sweep.blocks,
      pinned: { inputSnapshots: sweep.inputSnapshots, asOf: sweep.asOf },
      progress: (p) => deps.store.progress(sweep.id, p, worker),
    });
    // The best configuration's run is queued in the transaction finishing the sweep, and only
    // while this worker still holds it: a sweep given back meanwhile queues nothing.
    return await deps.db.transaction(async (tx) => {
      if (!(await sweepLifecycle.holds(tx, { id: sweep.id, worker }))) throw new GivenBack(sweep.id, worker);
      const bestBacktestId = await deps.runBest(outcome.bestSpec, sweep, tx);
      return sweepLifecycle.transition(tx, {
        id: sweep.id,
        to: 'succeeded',
        heldBy: worker,
        set: {
          configurations: outcome.configurations as unknown as Record<string, unknown>[],
          overfitting: outcome.overfitting as unknown as Record<string, unknown>,
          bestBacktestId,
          progress: 1,
          finishedAt: new Date(),
        },
      });
    });
  } catch (error) {
    if (!(error instanceof DomainError || isGivenBack(error))) {
      if (deps.log) deps.log.error({ err: error, sweep: sweep.id }, `sweep ${sweep.id} failed`);
      else console.error(`[backtests] sweep ${sweep.id} failed`, error);
    }
    return sweepLifecycle.tryTransition(deps.db, {
      id: sweep.id,
      to: 'failed',
      heldBy: worker,
      set: { error: failureMessage(error), finishedAt: new Date() },
    });
  }
}
