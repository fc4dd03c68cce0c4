import { BARS_DATASET } from '@alphagraph/datasets';
import { ALPHA158 } from '@alphagraph/dsl';
import { LakeError } from '@alphagraph/lake';
import type { BacktestsService } from '../service.ts';

const DEMO_USER = 'alphagraph';
const WAIT_FOR_BARS_MS = 20 * 60_000;

/** The demo portfolio's factor, taken from our Alpha158 definitions by name. */
export const DEMO_FACTOR = 'ROC20';

/**
 * Alpha158's ROC20, `Ref($close, 20)/$close`: the close 20 sessions ago over today's, high after a
 * month's fall. Long the highest and short the lowest is the one-month reversal (long last month's
 * losers, short its winners).
 */
export const DEMO_SIGNAL = ALPHA158[DEMO_FACTOR]!;

/** Daily top-50 / bottom-50 of the Alpha158 factor over every S&P 500 name with bars in the period. */
export const demoTopKSpec = (universe: readonly string[]) => ({
  name: 'demo_alpha158_roc20_top50',
  universe: [...universe],
  periodStart: '2014-01-02',
  periodEnd: '2018-02-07',
  signal: { expression: DEMO_SIGNAL },
  strategy: {
    rule: { type: 'topK', long: 50, short: 50 },
    rebalance: 'weekly',
    costs: { commissionBps: 1, slippageBps: 5 },
    limits: { maxWeight: 0.05 },
  },
});

/** The backtesting.py test suite's SmaCross(10, 30) on GOOG, in the compatible mode. */
export const DEMO_GOOG_SMA_CROSS = {
  name: 'demo_goog_sma_cross',
  mode: 'backtesting_py',
  universe: ['GOOG'],
  periodStart: '2004-08-19',
  periodEnd: '2013-03-01',
  compat: { fast: 10, slow: 30, cash: 10_000, finalizeTrades: true },
};

/** A sweep of the momentum window and k (12 configurations). */
export const demoSweep = (universe: readonly string[]) => ({
  base: {
    ...demoTopKSpec(universe),
    name: 'demo_momentum_sweep',
    signal: { expression: '$close / Ref($close, {window}) - 1' },
  },
  grid: [
    { name: 'window', values: [20, 60, 120, 250] },
    { name: 'strategy.rule.long', values: [10, 25, 50] },
  ],
});

/** Symbols with at least `minDays` daily bars between `from` and `to`. */
async function symbolsWithHistory(
  service: BacktestsService,
  from: string,
  to: string,
  minDays: number,
): Promise<string[]> {
  const lake = service.backtests.lake;
  const bars = await lake.currentSnapshot(BARS_DATASET.name);
  if (!bars) return [];
  const rows = await lake.query<{ symbol: string }>(
    `SELECT symbol FROM ${lake.scan(bars)}
     WHERE interval = '1d' AND time >= $1::TIMESTAMPTZ AND time <= $2::TIMESTAMPTZ
     GROUP BY symbol HAVING count(DISTINCT time) >= $3 ORDER BY symbol`,
    [new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`), minDays],
  );
  return rows.map((r) => r.symbol);
}

async function waitForBars(service: BacktestsService): Promise<{ all: string[]; full: string[] }> {
  const deadline = Date.now() + WAIT_FOR_BARS_MS;
  for (;;) {
    try {
      const full = await symbolsWithHistory(service, '2014-01-02', '2018-02-07', 1000);
      const goog = await symbolsWithHistory(service, '2004-08-19', '2013-03-01', 1000);
      // all_stocks_5yr (505 names) and GOOG.csv are loaded by market-data as it starts.
      if (full.length >= 450 && goog.includes('GOOG')) {
        return { all: await symbolsWithHistory(service, '2014-01-02', '2018-02-07', 1), full };
      }
    } catch (error) {
      if (!(error instanceof LakeError)) throw error;
    }
    if (Date.now() > deadline) throw new Error('the demo bars did not arrive within 20 minutes');
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

/**
 * The quick start's backtests (idempotent: each is skipped when one of that name exists): the
 * top-50 long-short portfolio of Alpha158's ROC20 over every S&P 500 name with bars in the period
 * (the factor's expression compiled as the run's signal, not a materialized feature), the GOOG
 * SmaCross(10, 30) in the backtesting.py-compatible mode, and a 12-configuration momentum sweep
 * (names with a full history) with its DSR and PBO.
 */
export async function runDemoBacktests(service: BacktestsService): Promise<void> {
  const { all, full } = await waitForBars(service);
  const { backtests, sweeps } = service;
  const exists = async (name: string) => (await backtests.store.byName(name)).length > 0;
  const queued: string[] = [];
  for (const spec of [demoTopKSpec(all), DEMO_GOOG_SMA_CROSS]) {
    if (await exists(spec.name)) continue;
    await backtests.submit(spec, DEMO_USER);
    queued.push(spec.name);
  }
  const sweep = demoSweep(full);
  if (!(await sweeps.store.list(500)).some((s) => s.name === sweep.base.name)) {
    await sweeps.submit(sweep.base, sweep.grid, 16, DEMO_USER);
    queued.push(sweep.base.name);
  }
  console.log(
    `[backtests] demo: ${queued.length ? `queued ${queued.join(', ')}` : 'already present'} (${all.length} symbols)`,
  );
}
