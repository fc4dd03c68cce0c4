import type { CompatTradeRecord } from './backtest.ts';

/**
 * backtesting.py `compute_stats` (backtesting/_stats.py), re-derived. Versions:
 * - '0.6.5': daily returns keep pct_change's leading NaN (counted as a 0 return in the geometric
 *   mean) and CAGR's years = elapsed calendar days / annual trading days (252);
 * - '0.6.6' (PR #1346): the leading NaN is dropped, and years = elapsed days / 365.25.
 */
export type CompatVersion = '0.6.5' | '0.6.6';

/**
 * The statistics under the library's own names. Times are epoch ms (or bar numbers without dates);
 * durations are ms (or bars). `Commissions [$]` is present only when non-zero, `CAGR [%]` only with dates.
 */
export interface CompatStats {
  readonly Start: number;
  readonly End: number;
  readonly Duration: number;
  readonly 'Exposure Time [%]': number;
  readonly 'Equity Final [$]': number;
  readonly 'Equity Peak [$]': number;
  readonly 'Commissions [$]'?: number;
  readonly 'Return [%]': number;
  readonly 'Buy & Hold Return [%]': number;
  readonly 'Return (Ann.) [%]': number;
  readonly 'Volatility (Ann.) [%]': number;
  readonly 'CAGR [%]'?: number;
  readonly 'Sharpe Ratio': number;
  readonly 'Sortino Ratio': number;
  readonly 'Calmar Ratio': number;
  readonly 'Alpha [%]': number;
  readonly Beta: number;
  readonly 'Max. Drawdown [%]': number;
  readonly 'Avg. Drawdown [%]': number;
  readonly 'Max. Drawdown Duration': number;
  readonly 'Avg. Drawdown Duration': number;
  readonly '# Trades': number;
  readonly 'Win Rate [%]': number;
  readonly 'Best Trade [%]': number;
  readonly 'Worst Trade [%]': number;
  readonly 'Avg. Trade [%]': number;
  readonly 'Max. Trade Duration': number;
  readonly 'Avg. Trade Duration': number;
  readonly 'Profit Factor': number;
  readonly 'Expectancy [%]': number;
  readonly SQN: number;
  readonly 'Kelly Criterion': number;
}

export interface CompatStatsInput {
  readonly equity: Float64Array;
  readonly trades: readonly CompatTradeRecord[];
  /** Bar times, epoch ms; absent for a bar-number index. */
  readonly dates: Float64Array | undefined;
  readonly close: Float64Array;
  /** Bar from which Buy & Hold is measured (the strategy's indicator warm-up). */
  readonly firstTradingBar: number;
  readonly riskFreeRate: number;
  readonly version: CompatVersion;
}

const DAY_MS = 86_400_000;

/**
 * Computes the library's statistics from an equity curve and closed trades. Formulas (r = per-day
 * simple returns of the equity's last value per calendar day, g = geometric mean of 1 + r minus 1,
 * A = annual periods: 252, or 365 with weekend bars, 52 weekly, 12 monthly, 1 yearly):
 * Return (Ann.) = (1+g)^A - 1; Volatility (Ann.) = sqrt((var(r) + (1+g)^2)^A - (1+g)^(2A));
 * Sharpe = (Return (Ann.) - rf) / Volatility (Ann.); Sortino = (Return (Ann.) - rf) /
 * (sqrt(mean(min(r,0)^2)) * sqrt(A)); Calmar = Return (Ann.) / |Max. Drawdown|;
 * CAGR = (final/initial)^(1/years) - 1; Beta = cov(log equity returns, log price returns) /
 * var(log price returns); Alpha = Return - rf - Beta * (Buy & Hold - rf); drawdown = 1 - equity /
 * running max, episodes between zero-drawdown bars; Profit Factor and Expectancy over trade returns;
 * SQN = sqrt(n) * mean(PnL) / std(PnL); Kelly = W - (1 - W) / (mean win / mean loss).
 */
export function computeCompatStats(input: CompatStatsInput): CompatStats {
  const { equity, trades, dates, close, riskFreeRate: rf } = input;
  const n = equity.length;
  if (!(rf > -1 && rf < 1)) throw new RangeError(`riskFreeRate must be in (-1, 1), got ${rf}`);
  const index = dates ?? Float64Array.from({ length: n }, (_, i) => i);
  const isDatetime = dates !== undefined;
  const period = dataPeriod(index);
  const round = (v: number): number => (isDatetime ? ceilToResolution(v, period) : v);

  // Drawdown and its episodes
  const dd = new Float64Array(n);
  let peak = -Infinity;
  for (let i = 0; i < n; i++) {
    peak = Math.max(peak, equity[i]!);
    dd[i] = 1 - equity[i]! / peak;
  }
  const episodes = drawdownEpisodes(dd, index);

  const start = index[0]!;
  const end = index[n - 1]!;
  const duration = end - start;

  const have = new Uint8Array(n);
  for (const t of trades) have.fill(1, t.entryBar, t.exitBar + 1);
  let exposed = 0;
  for (const h of have) exposed += h;

  let equityPeak = -Infinity;
  for (const e of equity) equityPeak = Math.max(equityPeak, e);
  const commissions = trades.reduce((s, t) => s + t.commission, 0);
  const returnPct = ((equity[n - 1]! - equity[0]!) / equity[0]!) * 100;
  const c0 = close[input.firstTradingBar]!;
  const buyHold = ((close[close.length - 1]! - c0) / c0) * 100;

  let gmean = 0;
  let dayReturns: number[] = [];
  let annual = Number.NaN;
  if (isDatetime) {
    const freqDays = Math.floor(period / DAY_MS);
    let weekend = 0;
    for (const t of index) {
      const dow = (Math.floor(t / DAY_MS) + 4) % 7; // 0 = Sunday
      if (dow === 0 || dow === 6) weekend += 1;
    }
    const haveWeekends = weekend / n > (2 / 7) * 0.6;
    annual = freqDays === 7 ? 52 : freqDays === 31 ? 12 : freqDays === 365 ? 1 : haveWeekends ? 365 : 252;
    const bucket =
      freqDays === 7 ? weekBucket : freqDays === 31 ? monthBucket : freqDays === 365 ? yearBucket : dayBucket;
    const last = lastPerBucket(equity, index, bucket);
    // pct_change leaves a leading NaN; 0.6.6 drops it before the geometric mean.
    dayReturns = input.version === '0.6.5' ? [Number.NaN] : [];
    for (let k = 1; k < last.length; k++) dayReturns.push(last[k]! / last[k - 1]! - 1);
    gmean = geometricMean(dayReturns);
  }
  const valid = dayReturns.filter((r) => !Number.isNaN(r));
  const annualizedReturn = (1 + gmean) ** annual - 1;
  const retAnn = annualizedReturn * 100;
  const variance = sampleVariance(valid);
  const volAnn = Math.sqrt((variance + (1 + gmean) ** 2) ** annual - (1 + gmean) ** (2 * annual)) * 100;
  let cagr: number | undefined;
  if (isDatetime) {
    const days = Math.floor(duration / DAY_MS) + Math.floor((duration % DAY_MS) / 1000) / 86_400;
    const years = days / (input.version === '0.6.5' ? annual : 365.25);
    cagr = years ? ((equity[n - 1]! / equity[0]!) ** (1 / years) - 1) * 100 : Number.NaN;
  }
  const sharpe = (retAnn - rf * 100) / (volAnn || Number.NaN);
  const downside = Math.sqrt(mean(valid.map((r) => Math.min(r, 0) ** 2)));
  const sortino = (annualizedReturn - rf) / (downside * Math.sqrt(annual));
  let ddMax = 0;
  for (const v of dd) if (v > ddMax) ddMax = v;
  const maxDd = -ddMax;
  const calmar = annualizedReturn / (-maxDd || Number.NaN);

  const eqLog: number[] = [];
  const mkLog: number[] = [];
  for (let i = 1; i < n; i++) eqLog.push(Math.log(equity[i]! / equity[i - 1]!));
  for (let i = 1; i < close.length; i++) mkLog.push(Math.log(close[i]! / close[i - 1]!));
  let beta = Number.NaN;
  if (eqLog.length > 1 && mkLog.length > 1) beta = covariance(eqLog, mkLog) / sampleVariance(mkLog);
  const alpha = returnPct - rf * 100 - beta * (buyHold - rf * 100);

  const pl = trades.map((t) => t.pnl);
  const rets = trades.map((t) => t.returnPct);
  const durations = trades.map((t) => index[t.exitBar]! - index[t.entryBar]!);
  const nTrades = trades.length;
  const winRate = nTrades ? pl.filter((p) => p > 0).length / nTrades : Number.NaN;
  const posRet = rets.filter((r) => r > 0).reduce((a, b) => a + b, 0);
  const negRet = Math.abs(rets.filter((r) => r < 0).reduce((a, b) => a + b, 0));
  const wins = pl.filter((p) => p > 0);
  const losses = pl.filter((p) => p < 0);

  const stats: Record<string, number> = {
    Start: start,
    End: end,
    Duration: duration,
    'Exposure Time [%]': (exposed / n) * 100,
    'Equity Final [$]': equity[n - 1]!,
    'Equity Peak [$]': equityPeak,
  };
  if (commissions) stats['Commissions [$]'] = commissions;
  Object.assign(stats, {
    'Return [%]': returnPct,
    'Buy & Hold Return [%]': buyHold,
    'Return (Ann.) [%]': retAnn,
    'Volatility (Ann.) [%]': volAnn,
  });
  if (cagr !== undefined) stats['CAGR [%]'] = cagr;
  Object.assign(stats, {
    'Sharpe Ratio': sharpe,
    'Sortino Ratio': sortino,
    'Calmar Ratio': calmar,
    'Alpha [%]': alpha,
    Beta: beta,
    'Max. Drawdown [%]': maxDd * 100,
    'Avg. Drawdown [%]': -mean(episodes.map((e) => e.peak)) * 100,
    'Max. Drawdown Duration': round(max(episodes.map((e) => e.duration))),
    'Avg. Drawdown Duration': round(mean(episodes.map((e) => e.duration))),
    '# Trades': nTrades,
    'Win Rate [%]': winRate * 100,
    'Best Trade [%]': max(rets) * 100,
    'Worst Trade [%]': min(rets) * 100,
    'Avg. Trade [%]': geometricMean(rets) * 100,
    'Max. Trade Duration': round(max(durations)),
    'Avg. Trade Duration': round(mean(durations)),
    'Profit Factor': posRet / (negRet || Number.NaN),
    'Expectancy [%]': mean(rets) * 100,
    SQN: (Math.sqrt(nTrades) * mean(pl)) / (Math.sqrt(sampleVariance(pl)) || Number.NaN),
    'Kelly Criterion': winRate - (1 - winRate) / (mean(wins) / -mean(losses)),
  });
  return stats as unknown as CompatStats;
}

interface Episode {
  readonly duration: number;
  readonly peak: number;
}

/**
 * The library's `compute_drawdown_duration_peaks`: cut points are the zero-drawdown bars plus the last
 * bar; an episode spans two consecutive cut points more than one bar apart; its duration is the
 * index difference and its depth the largest drawdown within (both ends included).
 */
export function drawdownEpisodes(dd: ArrayLike<number>, index: ArrayLike<number>): Episode[] {
  const n = dd.length;
  const cuts: number[] = [];
  for (let i = 0; i < n; i++) if (dd[i] === 0) cuts.push(i);
  if (cuts[cuts.length - 1] !== n - 1) cuts.push(n - 1);
  const out: Episode[] = [];
  for (let k = 1; k < cuts.length; k++) {
    const prev = cuts[k - 1]!;
    const cur = cuts[k]!;
    if (cur > prev + 1) {
      let peak = -Infinity;
      for (let j = prev; j <= cur; j++) peak = Math.max(peak, dd[j]!);
      out.push({ duration: index[cur]! - index[prev]!, peak });
    }
  }
  return out;
}

/** The library's `geometric_mean`: NaN counts as 0; any 1 + r <= 0 gives 0. */
function geometricMean(returns: readonly number[]): number {
  const xs = returns.map((r) => (Number.isNaN(r) ? 0 : r) + 1);
  if (xs.some((x) => x <= 0)) return 0;
  return Math.exp(xs.reduce((s, x) => s + Math.log(x), 0) / (xs.length || Number.NaN)) - 1;
}

function mean(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN;
}

function max(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => Math.max(a, b), -Infinity) : Number.NaN;
}

function min(xs: readonly number[]): number {
  return xs.length ? xs.reduce((a, b) => Math.min(a, b), Infinity) : Number.NaN;
}

function sampleVariance(xs: readonly number[]): number {
  if (xs.length < 2) return Number.NaN;
  const m = mean(xs);
  return xs.reduce((s, x) => s + (x - m) ** 2, 0) / (xs.length - 1);
}

function covariance(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i]! - ma) * (b[i]! - mb);
  return s / (a.length - 1);
}

/** The library's `_data_period`: median spacing of the last 100 index values. */
function dataPeriod(index: ArrayLike<number>): number {
  const tail = Array.from(index).slice(-100);
  const diffs = tail.slice(1).map((v, i) => v - tail[i]!);
  diffs.sort((x, y) => x - y);
  if (diffs.length === 0) return Number.NaN;
  const mid = diffs.length >> 1;
  return diffs.length % 2 ? diffs[mid]! : (diffs[mid - 1]! + diffs[mid]!) / 2;
}

const UNITS_MS = [DAY_MS, 3_600_000, 60_000, 1000, 1];

/** pandas `Timedelta.ceil(period.resolution_string)`: up to the finest unit present in the period. */
function ceilToResolution(ms: number, period: number): number {
  if (Number.isNaN(ms)) return ms;
  const unit = UNITS_MS.reduce((found, u) => (period % u === 0 && found === 0 ? u : found), 0) || 1;
  return Math.ceil(ms / unit) * unit;
}

type Bucket = (ms: number) => number;
const dayBucket: Bucket = (ms) => Math.floor(ms / DAY_MS);
const weekBucket: Bucket = (ms) => Math.floor((Math.floor(ms / DAY_MS) + 3) / 7); // weeks ending Sunday
const monthBucket: Bucket = (ms) => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};
const yearBucket: Bucket = (ms) => new Date(ms).getUTCFullYear();

/** `equity.resample(freq).last().dropna()`: the last value in each calendar bucket. */
function lastPerBucket(values: Float64Array, index: ArrayLike<number>, bucket: Bucket): number[] {
  const out: number[] = [];
  let current = Number.NaN;
  for (let i = 0; i < values.length; i++) {
    const b = bucket(index[i]!);
    if (b !== current) {
      out.push(values[i]!);
      current = b;
    } else {
      out[out.length - 1] = values[i]!;
    }
  }
  return out;
}
