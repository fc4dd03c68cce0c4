import { StatisticsError } from './errors.ts';
import { assertAtLeast, assertFinite } from './internal/validate.ts';
import { type ReturnMoments, returnMoments } from './moments.ts';
import { type PboResult, type PerformanceMetric, probabilityOfBacktestOverfitting, type ReturnMatrix } from './pbo.ts';
import { deflatedSharpeRatio, minimumBacktestLength, probabilisticSharpeRatio } from './sharpe.ts';
import { isLikelyOverfit, sweepVerdict } from './verdict.ts';

export interface SweepOverfittingOptions {
  /** CSCV blocks S (even). Default 16. */
  blocks?: number;
  /** CSCV performance metric. Default `sharpe`. */
  metric?: PerformanceMetric;
  /** Periods per year, to annualize the Sharpe ratio and express the history in years. Default 252. */
  periodsPerYear?: number;
  /**
   * Number of independent trials N for the DSR and MinBTL. Default: the number of configurations,
   * which overstates N when configurations are correlated (the DSR is then conservative).
   */
  trials?: number;
}

export interface SweepOverfitting {
  /** Column of the configuration with the highest full-sample per-period Sharpe ratio. */
  best: number;
  /** Per-period Sharpe ratio of every configuration (mean/std, std with n − 1). */
  sharpes: Float64Array;
  /** Per-period Sharpe ratio of the best configuration. */
  sharpe: number;
  /** The best configuration's Sharpe ratio × √periodsPerYear. */
  annualizedSharpe: number;
  /** Sample variance (n − 1) of the per-period Sharpe ratios across configurations. */
  varianceOfTrialSharpes: number;
  /** N used by the DSR and MinBTL. */
  trials: number;
  /** PSR of the best configuration against a zero Sharpe ratio (no correction for selection). */
  psr: number;
  /** Deflated Sharpe Ratio of the best configuration. */
  dsr: number;
  /** CSCV result for the whole sweep. */
  cscv: PboResult;
  /** Years of history the sweep covers, T / periodsPerYear. */
  backtestYears: number;
  /**
   * MinBTL for N trials and the best annualized Sharpe ratio as target: a history shorter than this
   * could produce that Sharpe ratio from N worthless trials. Null when that Sharpe ratio is not positive.
   */
  minimumBacktestYears: number | null;
  /** PBO > 0.5 or DSR < 0.95. */
  likelyOverfit: boolean;
  /** {@link sweepVerdict} of the DSR and PBO. */
  verdict: string;
}

/**
 * Overfitting statistics of a parameter sweep from its T × N matrix of per-period returns (one
 * column per configuration, rows oldest first): picks the configuration with the best full-sample
 * Sharpe ratio and reports its PSR, Deflated Sharpe Ratio (trials = N unless given, variance of
 * the N Sharpe ratios), the CSCV probability of backtest overfitting, the minimum backtest length
 * and a plain-language verdict. A configuration whose returns are all zero (it never traded) counts
 * with Sharpe ratio 0 (it throws TOO_FEW_OBSERVATIONS if it is the best); any other constant column
 * throws TOO_FEW_OBSERVATIONS. Errors of the CSCV and the Sharpe statistics pass through.
 */
export function sweepOverfitting(returns: ReturnMatrix, options: SweepOverfittingOptions = {}): SweepOverfitting {
  const { blocks = 16, metric = 'sharpe', periodsPerYear = 252 } = options;
  assertFinite(periodsPerYear, 'periodsPerYear');
  if (!(periodsPerYear > 0)) {
    throw new StatisticsError('OUT_OF_RANGE', `periodsPerYear must be positive, got ${periodsPerYear}`);
  }
  // CSCV validates the matrix (shape, finiteness, at least two configurations) first.
  const cscv = probabilityOfBacktestOverfitting(returns, { blocks, metric });
  const T = returns.length;
  const N = returns[0]!.length;
  const trials = options.trials ?? N;
  assertAtLeast(trials, 1, 'trials');

  const column = new Float64Array(T);
  const sharpes = new Float64Array(N);
  const moments: (ReturnMoments | null)[] = [];
  for (let n = 0; n < N; n++) {
    let flat = true;
    for (let t = 0; t < T; t++) {
      column[t] = returns[t]![n]!;
      if (column[t] !== 0) flat = false;
    }
    const m = flat ? null : momentsOfConfiguration(column, n);
    moments.push(m);
    sharpes[n] = m?.sharpe ?? 0;
  }
  let best = 0;
  for (let n = 1; n < N; n++) if (sharpes[n]! > sharpes[best]!) best = n;
  const bestMoments = moments[best];
  if (!bestMoments) {
    throw new StatisticsError(
      'TOO_FEW_OBSERVATIONS',
      `the best configuration (${best}) never traded (all its returns are zero); there is no Sharpe ratio to deflate`,
    );
  }

  let mean = 0;
  for (const s of sharpes) mean += s;
  mean /= N;
  let variance = 0;
  for (const s of sharpes) variance += (s - mean) ** 2;
  variance /= N - 1;

  const { sharpe, n, skew, kurtosis } = bestMoments;
  const psr = probabilisticSharpeRatio({ sharpe, n, skew, kurtosis });
  const dsr = deflatedSharpeRatio({ sharpe, trials, varianceOfTrialSharpes: variance, n, skew, kurtosis });
  const annualizedSharpe = sharpe * Math.sqrt(periodsPerYear);
  const evidence = { dsr, pbo: cscv.pbo };
  return {
    best,
    sharpes,
    sharpe,
    annualizedSharpe,
    varianceOfTrialSharpes: variance,
    trials,
    psr,
    dsr,
    cscv,
    backtestYears: T / periodsPerYear,
    minimumBacktestYears:
      annualizedSharpe > 0 ? minimumBacktestLength({ trials, targetSharpe: annualizedSharpe }) : null,
    likelyOverfit: isLikelyOverfit(evidence),
    verdict: sweepVerdict(evidence),
  };
}

function momentsOfConfiguration(column: Float64Array, n: number): ReturnMoments {
  try {
    return returnMoments(column);
  } catch (error) {
    if (error instanceof StatisticsError) {
      throw new StatisticsError(error.code, `configuration ${n}: ${error.message}`, { cause: error });
    }
    throw error;
  }
}
