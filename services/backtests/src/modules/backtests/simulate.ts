import {
  type CompatStats,
  computeMetrics,
  type MetricConventions,
  psrFromReturns,
  runCompatBacktest,
  runPortfolioBacktest,
  type SignalRanking,
  smaCrossStrategy,
} from '@alphagraph/backtest';
import type { LoadedMarket } from './market.ts';
import type { Conventions, RunSpec } from './spec.ts';

/** One trade as the outputs store it (times in epoch ms). */
export interface TradeRow {
  readonly symbol: string;
  readonly size: number;
  readonly entryTime: number;
  readonly entryPrice: number;
  readonly exitTime: number;
  readonly exitPrice: number;
  readonly costs: number;
  readonly dividends: number;
  readonly pnl: number;
  readonly return: number;
  readonly open: boolean;
}

/** What a run produced, before it is written to the lake. */
export interface SimulationOutput {
  readonly days: readonly string[];
  readonly symbols: readonly string[];
  readonly equity: Float64Array;
  readonly cash: Float64Array;
  readonly gross: Float64Array;
  readonly net: Float64Array;
  readonly dailyReturn: Float64Array;
  readonly traded: Float64Array;
  /**
   * Buy and hold of the universe (equal weights at the first open), from the same starting cash;
   * null for a sweep's configurations (only the report of its best run, a full backtest, shows it).
   */
  readonly benchmark: Float64Array | null;
  readonly positions: {
    readonly dateIndex: Int32Array;
    readonly symbolIndex: Int32Array;
    readonly shares: Float64Array;
    readonly price: Float64Array;
    readonly value: Float64Array;
    readonly weight: Float64Array;
  };
  readonly trades: readonly TradeRow[];
  readonly metrics: StoredMetrics;
}

/** The metrics as stored on the run (JSON: non-finite values become null). */
export interface StoredMetrics {
  readonly portfolio: Record<string, number | null>;
  readonly probabilisticSharpeRatio: number | null;
  readonly conventions: Conventions;
  /** The backtesting.py statistics, in the library's order (BACKTESTING_PY). */
  readonly compat: readonly { name: string; value: number | null; display: string }[] | null;
  /** A walk-forward run: its windows and the in-sample result beside the out-of-sample one. */
  readonly walkForward?: StoredWalkForward;
}

/** What a walk-forward run records (instants as ISO strings). */
export interface StoredWalkForward {
  readonly trainWindow: number;
  readonly testWindow: number;
  readonly step: number;
  readonly windows: readonly {
    readonly index: number;
    readonly trainStart: string;
    readonly trainEnd: string;
    readonly testStart: string;
    readonly testEnd: string;
    readonly trainRows: number;
    readonly testRows: number;
    readonly purgedRows: number;
  }[];
  /** The stitched out-of-sample predictions' result (the run's own metrics and outputs). */
  readonly outOfSample: Omit<StoredMetrics, 'walkForward'>;
  /** The same strategy on each window's predictions of its own training rows. */
  readonly inSample: Omit<StoredMetrics, 'walkForward'>;
}

const finite = (v: number): number | null => (Number.isFinite(v) ? v : null);
const dayMs = (d: string) => Date.parse(`${d}T00:00:00Z`);

/** Per-period returns as the metrics read them: x_t − rf_p (simple or log). */
export function excessReturns(equity: ArrayLike<number>, conventions: Conventions): Float64Array {
  const A = conventions.annualization;
  const log = conventions.returns === 'log';
  const rfp = log ? Math.log(1 + conventions.riskFreeRate) / A : (1 + conventions.riskFreeRate) ** (1 / A) - 1;
  const out = new Float64Array(Math.max(0, equity.length - 1));
  for (let t = 1; t < equity.length; t++) {
    const r = equity[t]! / equity[t - 1]! - 1;
    out[t - 1] = (log ? Math.log1p(r) : r) - rfp;
  }
  return out;
}

/** The Probabilistic Sharpe Ratio (against SR* = 0) of the run's excess returns; null when undefined. */
export function probabilisticSharpe(equity: ArrayLike<number>, conventions: Conventions): number | null {
  try {
    return finite(psrFromReturns(excessReturns(equity, conventions)));
  } catch {
    // Fewer than a few returns, or no variation (a run that never traded): no PSR.
    return null;
  }
}

function metricsOf(
  days: readonly string[],
  curve: { equity: Float64Array; gross: Float64Array; traded: Float64Array },
  trades: readonly TradeRow[],
  conventions: Conventions,
): Omit<StoredMetrics, 'compat'> {
  const mc: MetricConventions = {
    annualization: conventions.annualization,
    riskFreeRate: conventions.riskFreeRate,
    returns: conventions.returns,
  };
  const m = computeMetrics(
    { dates: Float64Array.from(days, dayMs), equity: curve.equity, gross: curve.gross, traded: curve.traded },
    trades,
    mc,
  );
  return {
    portfolio: Object.fromEntries(Object.entries(m).map(([k, v]) => [k, finite(v as number)])),
    probabilisticSharpeRatio: probabilisticSharpe(curve.equity, conventions),
    conventions,
  };
}

/** Buy and hold of every symbol with a bar at the first session, equal weights at its open. */
export function buyAndHold(loaded: LoadedMarket, cash: number): Float64Array {
  const { market } = loaded;
  const D = loaded.days.length;
  const S = market.symbols.length;
  const open = market.open as Float64Array;
  const close = market.close as Float64Array;
  const held: number[] = [];
  for (let s = 0; s < S; s++) if (open[s]! > 0) held.push(s);
  const units = new Float64Array(S);
  const mark = new Float64Array(S);
  for (const s of held) {
    units[s] = cash / held.length / open[s]!;
    mark[s] = open[s]!;
  }
  const out = new Float64Array(D);
  for (let d = 0; d < D; d++) {
    let v = 0;
    for (const s of held) {
      const c = close[d * S + s]!;
      if (!Number.isNaN(c)) mark[s] = c;
      v += units[s]! * mark[s]!;
    }
    out[d] = held.length > 0 ? v : Number.NaN;
  }
  return out;
}

/**
 * What a run keeps besides its equity curve. `ledgers: false` (a sweep's configurations): no trade
 * ledger, positions or benchmark. `ranking`: the market signal's ranking, shared by the top-k
 * configurations of a sweep over that signal.
 */
export interface SimulateOptions {
  readonly ledgers?: boolean;
  readonly ranking?: SignalRanking;
  /** Filled with the milliseconds of the simulation and of the metrics (the benchmark reads them). */
  readonly phases?: { simulateMs: number; metricsMs: number };
}

/** Runs the portfolio engine over the loaded market. */
export function simulatePortfolio(
  spec: RunSpec,
  loaded: LoadedMarket,
  options: SimulateOptions = {},
): SimulationOutput {
  const started = performance.now();
  const result = runPortfolioBacktest(spec.strategy, loaded.market, options);
  const simulated = performance.now();
  const e = result.equity;
  // The engine's trades are TradeRows already (read-only objects): no copy per trade.
  const trades: readonly TradeRow[] = result.trades;
  const metrics = {
    ...withoutTradeMetrics(metricsOf(loaded.days, e, trades, spec.conventions), options),
    compat: null,
  };
  if (options.phases) {
    options.phases.simulateMs = simulated - started;
    options.phases.metricsMs = performance.now() - simulated;
  }
  return {
    days: loaded.days,
    symbols: result.symbols,
    equity: e.equity,
    cash: e.cash,
    gross: e.gross,
    net: e.net,
    dailyReturn: e.dailyReturn,
    traded: e.traded,
    benchmark: options.ledgers === false ? null : buyAndHold(loaded, spec.strategy!.cash),
    positions: result.positions,
    trades,
    metrics,
  };
}

/** Metrics read from the trade ledger: unknown (null) when the run kept no ledger. */
const TRADE_METRICS = ['tradeCount', 'winRate', 'bestTrade', 'worstTrade', 'profitFactor', 'expectancy'];

function withoutTradeMetrics(
  m: Omit<StoredMetrics, 'compat'>,
  options: SimulateOptions,
): Omit<StoredMetrics, 'compat'> {
  if (options.ledgers !== false) return m;
  return { ...m, portfolio: { ...m.portfolio, ...Object.fromEntries(TRADE_METRICS.map((k) => [k, null])) } };
}

const DURATION_KEYS = new Set([
  'Duration',
  'Max. Drawdown Duration',
  'Avg. Drawdown Duration',
  'Max. Trade Duration',
  'Avg. Trade Duration',
]);

function compatStatistics(stats: CompatStats) {
  return Object.entries(stats).map(([name, raw]) => {
    const value = raw as number;
    if (name === 'Start' || name === 'End') {
      return { name, value: finite(value), display: new Date(value).toISOString().slice(0, 10) };
    }
    if (DURATION_KEYS.has(name)) {
      const days = value / 86_400_000;
      return { name, value: finite(days), display: Number.isFinite(days) ? `${days} days` : 'NaN' };
    }
    return { name, value: finite(value), display: String(value) };
  });
}

/**
 * Runs the backtesting.py-compatible mode on the single instrument: SmaCross(fast, slow), whole
 * units, next-open fills, its commission and spread; the equity curve, trades and positions are
 * stored like the portfolio engine's, with the library's statistics beside our metrics.
 */
export function simulateCompat(spec: RunSpec, loaded: LoadedMarket): SimulationOutput {
  const c = spec.compat!;
  const bars = loaded.single;
  if (!bars) throw new Error('the compatible mode trades exactly one instrument');
  const dates = Float64Array.from(loaded.days, dayMs);
  const result = runCompatBacktest({
    data: { dates, ...bars },
    strategy: smaCrossStrategy({ fast: c.fast, slow: c.slow }),
    cash: c.cash,
    spread: c.spread,
    commission: c.commissionFixed > 0 ? [c.commissionFixed, c.commission] : c.commission,
    finalizeTrades: c.finalizeTrades,
    version: c.version,
  });
  const D = loaded.days.length;
  const symbol = spec.universe[0]!;
  const shares = new Float64Array(D);
  for (const t of result.trades) for (let d = t.entryBar; d < t.exitBar && d < D; d++) shares[d] = shares[d]! + t.size;
  const equity = result.equity;
  const gross = new Float64Array(D);
  const net = new Float64Array(D);
  const dailyReturn = new Float64Array(D);
  const traded = new Float64Array(D);
  const cash = new Float64Array(D);
  const pos = { d: [] as number[], shares: [] as number[], price: [] as number[] };
  for (let d = 0; d < D; d++) {
    const value = shares[d]! * bars.close[d]!;
    gross[d] = Math.abs(value) / equity[d]!;
    net[d] = value / equity[d]!;
    cash[d] = equity[d]! - value;
    dailyReturn[d] = d === 0 ? equity[0]! / c.cash - 1 : equity[d]! / equity[d - 1]! - 1;
    if (shares[d] !== 0) {
      pos.d.push(d);
      pos.shares.push(shares[d]!);
      pos.price.push(bars.close[d]!);
    }
  }
  const trades: TradeRow[] = result.trades.map((t) => {
    traded[t.entryBar] = traded[t.entryBar]! + Math.abs(t.size * t.entryPrice);
    if (t.exitBar < D) traded[t.exitBar] = traded[t.exitBar]! + Math.abs(t.size * t.exitPrice);
    return {
      symbol,
      size: t.size,
      entryTime: dates[t.entryBar]!,
      entryPrice: t.entryPrice,
      exitTime: dates[Math.min(t.exitBar, D - 1)]!,
      exitPrice: t.exitPrice,
      costs: t.commission,
      dividends: 0,
      pnl: t.pnl,
      return: t.returnPct,
      open: false,
    };
  });
  const n = pos.d.length;
  const positions = {
    dateIndex: Int32Array.from(pos.d),
    symbolIndex: new Int32Array(n),
    shares: Float64Array.from(pos.shares),
    price: Float64Array.from(pos.price),
    value: Float64Array.from(pos.d, (d, i) => pos.shares[i]! * bars.close[d]!),
    weight: Float64Array.from(pos.d, (d, i) => (pos.shares[i]! * bars.close[d]!) / equity[d]!),
  };
  return {
    days: loaded.days,
    symbols: [symbol],
    equity,
    cash,
    gross,
    net,
    dailyReturn,
    traded,
    benchmark: buyAndHold(loaded, c.cash),
    positions,
    trades,
    metrics: {
      ...metricsOf(loaded.days, { equity, gross, traded }, trades, spec.conventions),
      compat: compatStatistics(result.stats),
    },
  };
}

/**
 * Simulates a spec. `ledgers: false` (portfolio mode; a sweep's configurations) computes the equity
 * curve and its metrics without the trade ledger and positions: trade statistics are then null.
 */
export function simulate(spec: RunSpec, loaded: LoadedMarket, options: SimulateOptions = {}): SimulationOutput {
  return spec.mode === 'backtesting_py' ? simulateCompat(spec, loaded) : simulatePortfolio(spec, loaded, options);
}
