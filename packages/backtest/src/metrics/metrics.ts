import type { Trade } from '../engine/ledger.ts';
import { BacktestError } from '../errors.ts';

/** What the metrics read from an equity curve; `gross` and `traded` enable exposure and turnover. */
export interface EquityInput {
  /** Epoch ms per period (only differences in calendar days matter). */
  readonly dates: ArrayLike<number>;
  readonly equity: ArrayLike<number>;
  readonly gross?: ArrayLike<number>;
  readonly traded?: ArrayLike<number>;
}

/**
 * Conventions, explicit. Defaults: 252 periods per year, risk-free rate 0 (annual, compounded into a
 * per-period rate), simple returns for volatility, Sharpe and Sortino.
 */
export interface MetricConventions {
  readonly annualization?: number;
  readonly riskFreeRate?: number;
  readonly returns?: 'simple' | 'log';
}

/** Metrics of a backtest; formulas in `METRIC_FORMULAS` under the same names. Fractions, not percent. */
export interface PortfolioMetrics {
  readonly totalReturn: number;
  readonly annualizedReturn: number;
  readonly cagr: number;
  readonly annualizedVolatility: number;
  readonly sharpe: number;
  readonly sortino: number;
  readonly calmar: number;
  readonly maxDrawdown: number;
  readonly maxDrawdownDurationPeriods: number;
  readonly maxDrawdownDurationDays: number;
  readonly averageDrawdown: number;
  readonly exposure: number;
  readonly turnover: number;
  readonly annualizedTurnover: number;
  readonly tradeCount: number;
  readonly winRate: number;
  readonly bestTrade: number;
  readonly worstTrade: number;
  readonly profitFactor: number;
  readonly expectancy: number;
}

const DAY_MS = 86_400_000;

/** One drawdown episode: peak index, recovery (or last) index, depth (negative fraction). */
export interface DrawdownEpisode {
  readonly peak: number;
  readonly end: number;
  readonly recovered: boolean;
  readonly depth: number;
}

/**
 * Drawdown episodes: an episode starts at a running peak followed by a lower value and ends at the
 * first period whose value is at or above that peak (recovered) or at the last period.
 */
export function drawdownEpisodes(equity: ArrayLike<number>): DrawdownEpisode[] {
  const out: DrawdownEpisode[] = [];
  let peak = 0;
  let depth = 0;
  let inDrawdown = false;
  for (let t = 1; t < equity.length; t++) {
    const e = equity[t]!;
    if (e >= equity[peak]!) {
      if (inDrawdown) out.push({ peak, end: t, recovered: true, depth });
      inDrawdown = false;
      depth = 0;
      peak = t;
    } else {
      inDrawdown = true;
      depth = Math.min(depth, e / equity[peak]! - 1);
    }
  }
  if (inDrawdown) out.push({ peak, end: equity.length - 1, recovered: false, depth });
  return out;
}

/**
 * Computes `PortfolioMetrics` from an equity curve (at least two periods) and trades (open trades
 * are ignored by the trade statistics). See `METRIC_FORMULAS` for every definition.
 */
export function computeMetrics(
  equity: EquityInput,
  trades: readonly Trade[],
  conventions: MetricConventions = {},
): PortfolioMetrics {
  const A = conventions.annualization ?? 252;
  const rf = conventions.riskFreeRate ?? 0;
  const useLog = (conventions.returns ?? 'simple') === 'log';
  const E = equity.equity;
  const N = E.length;
  if (N < 2 || equity.dates.length !== N) {
    throw new BacktestError(
      'INSUFFICIENT_DATA',
      `metrics need at least 2 periods with one date each (got ${N} values, ${equity.dates.length} dates)`,
    );
  }
  if (!(A > 0)) throw new BacktestError('INVALID_INPUT', `annualization must be > 0, got ${A}`);
  for (let t = 0; t < N; t++) {
    if (!(E[t]! > 0))
      throw new BacktestError('INVALID_INPUT', `equity must be positive to compute returns; equity[${t}] = ${E[t]}`);
  }
  const n = N - 1;
  const rfp = useLog ? Math.log(1 + rf) / A : (1 + rf) ** (1 / A) - 1;
  const x = new Float64Array(n);
  for (let t = 1; t < N; t++) {
    const r = E[t]! / E[t - 1]! - 1;
    x[t - 1] = (useLog ? Math.log1p(r) : r) - rfp;
  }
  const mean = sum(x) / n;
  let ss = 0;
  let down = 0;
  for (const v of x) {
    ss += (v - mean) ** 2;
    down += Math.min(0, v) ** 2;
  }
  const std = n > 1 ? Math.sqrt(ss / (n - 1)) : Number.NaN;
  const downside = Math.sqrt(down / n);

  const totalReturn = E[N - 1]! / E[0]! - 1;
  const days = (equity.dates[N - 1]! - equity.dates[0]!) / DAY_MS;
  const cagr = days > 0 ? (E[N - 1]! / E[0]!) ** (365.25 / days) - 1 : Number.NaN;
  const episodes = drawdownEpisodes(E);
  const maxDrawdown = episodes.reduce((m, e) => Math.min(m, e.depth), 0);
  let longest: DrawdownEpisode | undefined;
  for (const e of episodes) if (!longest || e.end - e.peak > longest.end - longest.peak) longest = e;

  let exposure = Number.NaN;
  if (equity.gross) {
    let k = 0;
    for (let t = 0; t < N; t++) if (equity.gross[t]! > 0) k++;
    exposure = k / N;
  }
  let turnover = Number.NaN;
  if (equity.traded) {
    let s = 0;
    for (let t = 0; t < N; t++) s += equity.traded[t]! / E[t]!;
    turnover = s / N;
  }

  const closed = trades.filter((t) => !t.open);
  const rets = closed.map((t) => t.return);
  const gains = closed.reduce((s, t) => s + Math.max(0, t.pnl), 0);
  const losses = closed.reduce((s, t) => s + Math.min(0, t.pnl), 0);
  const annualizedVolatility = std * Math.sqrt(A);
  return {
    totalReturn,
    annualizedReturn: (1 + totalReturn) ** (A / n) - 1,
    cagr,
    annualizedVolatility,
    sharpe: std > 0 ? (mean / std) * Math.sqrt(A) : Number.NaN,
    sortino: downside > 0 ? (mean / downside) * Math.sqrt(A) : Number.NaN,
    calmar: maxDrawdown < 0 ? cagr / Math.abs(maxDrawdown) : Number.NaN,
    maxDrawdown,
    maxDrawdownDurationPeriods: longest ? longest.end - longest.peak : 0,
    maxDrawdownDurationDays: longest ? (equity.dates[longest.end]! - equity.dates[longest.peak]!) / DAY_MS : 0,
    averageDrawdown: episodes.length ? episodes.reduce((s, e) => s + e.depth, 0) / episodes.length : 0,
    exposure,
    turnover,
    annualizedTurnover: turnover * A,
    tradeCount: closed.length,
    winRate: closed.length ? closed.filter((t) => t.pnl > 0).length / closed.length : Number.NaN,
    bestTrade: rets.length ? rets.reduce((a, b) => Math.max(a, b), -Infinity) : Number.NaN,
    worstTrade: rets.length ? rets.reduce((a, b) => Math.min(a, b), Infinity) : Number.NaN,
    profitFactor: losses < 0 ? gains / -losses : Number.NaN,
    expectancy: rets.length ? rets.reduce((a, b) => a + b, 0) / rets.length : Number.NaN,
  };
}

function sum(xs: Float64Array): number {
  let s = 0;
  for (const v of xs) s += v;
  return s;
}
