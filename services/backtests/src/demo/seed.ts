import { BARS_DATASET } from '@alphagraph/datasets';
import { LakeError } from '@alphagraph/lake';
import type { BacktestsService } from '../service.ts';

const DEMO_USER = 'alphagraph';
const WAIT_FOR_BARS_MS = 20 * 60_000;

/** The 60-session momentum of the close (Alpha158's ROC60, inverted so that higher is stronger). */
export const DEMO_MOMENTUM = '$close / Ref($close, 60) - 1';

/** Daily top-50 / bottom-50 momentum over every S&P 500 name with bars over the whole period. */
export const demoMomentumSpec = (universe: readonly string[]) => ({
  name: 'demo_momentum_top50',
  universe: [...universe],
  periodStart: '2014-01-02',
  periodEnd: '2018-02-07',
  signal: { expression: DEMO_MOMENTUM },
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
    ...demoMomentumSpec(universe),
    name: 'demo_momentum_sweep',
    signal: { expression: '$close / Ref($close, {window}) - 1' },
  },
  grid: [
    { name: 'window', values: [20, 60, 120, 250] },
    { name: 'strategy.rule.long', values: [10, 25, 50] },
  ],
});

async function symbolsWithFullHistory(service: BacktestsService, from: string, to: string): Promise<string[]> {
  const lake = service.backtests.lake;
  const bars = await lake.currentSnapshot(BARS_DATASET.name);
  if (!bars) return [];
  const rows = await lake.query<{ symbol: string }>(
    `SELECT symbol FROM ${lake.scan(bars)}
     WHERE interval = '1d' AND time >= $1::TIMESTAMPTZ AND time <= $2::TIMESTAMPTZ
     GROUP BY symbol HAVING count(DISTINCT time) >= 1000 ORDER BY symbol`,
    [new Date(`${from}T00:00:00Z`), new Date(`${to}T00:00:00Z`)],
  );
  return rows.map((r) => r.symbol);
}

async function waitForBars(service: BacktestsService): Promise<string[]> {
  const deadline = Date.now() + WAIT_FOR_BARS_MS;
  for (;;) {
    try {
      const universe = await symbolsWithFullHistory(service, '2014-01-02', '2018-02-07');
      const goog = await symbolsWithFullHistory(service, '2004-08-19', '2013-03-01');
      // all_stocks_5yr (505 names) and GOOG.csv are loaded by market-data as it starts.
      if (universe.length >= 450 && goog.includes('GOOG')) return universe;
    } catch (error) {
      if (!(error instanceof LakeError)) throw error;
    }
    if (Date.now() > deadline) throw new Error('the demo bars did not arrive within 20 minutes');
    await new Promise((r) => setTimeout(r, 5_000));
  }
}

/**
 * The quick start's backtests (idempotent: each is skipped when one of that name exists): the
 * top-50 long-short momentum portfolio over every S&P 500 name, the GOOG SmaCross(10, 30) in the
 * backtesting.py-compatible mode, and a 12-configuration sweep with its DSR and PBO. A momentum
 * expression rather than Alpha158: Alpha158 over 505 names is a materialization of its own, and the
 * backtest would add nothing but waiting to the quick start.
 */
export async function runDemoBacktests(service: BacktestsService): Promise<void> {
  const universe = await waitForBars(service);
  const { backtests, sweeps } = service;
  const exists = async (name: string) => (await backtests.store.byName(name)).length > 0;
  const queued: string[] = [];
  for (const spec of [demoMomentumSpec(universe), DEMO_GOOG_SMA_CROSS]) {
    if (await exists(spec.name)) continue;
    await backtests.submit(spec, DEMO_USER);
    queued.push(spec.name);
  }
  const sweep = demoSweep(universe);
  if (!(await sweeps.store.list(500)).some((s) => s.name === sweep.base.name)) {
    await sweeps.submit(sweep.base, sweep.grid, 16, DEMO_USER);
    queued.push(sweep.base.name);
  }
  console.log(
    `[backtests] demo: ${queued.length ? `queued ${queued.join(', ')}` : 'already present'} (${universe.length} symbols)`,
  );
}
