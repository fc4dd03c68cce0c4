import { StatisticsError } from './errors.ts';
import { assertAtLeast, assertFinite, assertProbability } from './internal/validate.ts';
import { returnMoments } from './moments.ts';
import { normalCdf, normalQuantile } from './normal.ts';

/** The Euler–Mascheroni constant γ ≈ 0.5772, in the expected maximum of N normal draws. */
export const EULER_MASCHERONI = 0.5772156649015329;

export interface ProbabilisticSharpeOptions {
  /** Observed per-period (non-annualized) Sharpe ratio SR. */
  sharpe: number;
  /** Benchmark Sharpe ratio SR*, per period like `sharpe`. Default 0. */
  benchmark?: number;
  /** Number of return observations behind `sharpe` (n >= 2; may be fractional). */
  n: number;
  /** Sample skewness γ3 of the returns (0 for normal). Default 0. */
  skew?: number;
  /** Raw (non-excess) kurtosis γ4 of the returns (3 for normal). Default 3. */
  kurtosis?: number;
}

/** 1 − γ3·SR + (γ4 − 1)/4·SR², the variance factor of the Sharpe ratio estimator, checked positive. */
function sharpeVarianceFactor(sharpe: number, skew: number, kurtosis: number): number {
  assertFinite(skew, 'skew');
  assertFinite(kurtosis, 'kurtosis');
  // Pearson's inequality: every distribution has kurtosis >= 1 + skew². A pair that breaks it is a
  // mix-up (excess kurtosis passed as raw, most often), not a property of the returns.
  if (kurtosis < 1 + skew * skew - 1e-12) {
    throw new StatisticsError(
      'INVALID_MOMENTS',
      `kurtosis ${kurtosis} is below 1 + skew² = ${1 + skew * skew}; no distribution has these moments ` +
        '(kurtosis is raw here: 3 for normal returns, not excess kurtosis)',
    );
  }
  const factor = 1 - skew * sharpe + ((kurtosis - 1) / 4) * sharpe * sharpe;
  if (!(factor > 0)) {
    throw new StatisticsError(
      'INVALID_MOMENTS',
      `1 − skew·SR + (kurtosis − 1)/4·SR² = ${factor} is not positive for SR ${sharpe}, skew ${skew}, kurtosis ${kurtosis}`,
    );
  }
  return factor;
}

/**
 * Probabilistic Sharpe Ratio: the probability that the true Sharpe ratio exceeds the benchmark SR*,
 * given an observed SR over n returns with skewness γ3 and raw kurtosis γ4 (Bailey & López de Prado
 * 2012, "The Sharpe Ratio Efficient Frontier", Journal of Risk 15(2), eq. for PSR):
 *
 *   PSR(SR*) = Φ( (SR − SR*)·√(n − 1) / √(1 − γ3·SR + (γ4 − 1)/4·SR²) )
 *
 * SR and SR* are per period (not annualized). Throws OUT_OF_RANGE for n < 2, INVALID_MOMENTS for
 * moments that violate kurtosis >= 1 + skew², NON_FINITE for NaN or infinite inputs.
 */
export function probabilisticSharpeRatio(options: ProbabilisticSharpeOptions): number {
  const { sharpe, benchmark = 0, n, skew = 0, kurtosis = 3 } = options;
  assertFinite(sharpe, 'sharpe');
  assertFinite(benchmark, 'benchmark');
  assertAtLeast(n, 2, 'n (number of returns)');
  const factor = sharpeVarianceFactor(sharpe, skew, kurtosis);
  return normalCdf(((sharpe - benchmark) * Math.sqrt(n - 1)) / Math.sqrt(factor));
}

/**
 * The Probabilistic Sharpe Ratio of a return series against a per-period benchmark Sharpe ratio
 * (default 0): {@link probabilisticSharpeRatio} with SR, n, skewness and raw kurtosis estimated by
 * {@link returnMoments} (SR = mean/std with the n−1 standard deviation; biased g1 and m4/m2²).
 */
export function psrFromReturns(returns: ArrayLike<number>, benchmark = 0): number {
  const m = returnMoments(returns);
  return probabilisticSharpeRatio({ sharpe: m.sharpe, benchmark, n: m.n, skew: m.skew, kurtosis: m.kurtosis });
}

export interface ExpectedMaxSharpeOptions {
  /** Number of independent trials N (>= 1; may be fractional, e.g. an effective number of trials). */
  trials: number;
  /** Variance V of the Sharpe ratios across the trials, in the units wanted for the result. */
  varianceOfSharpes: number;
}

/** (1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)): E[max] of N standard normals (0 for N = 1). */
function expectedMaxStandardNormal(trials: number): number {
  assertAtLeast(trials, 1, 'trials');
  if (trials === 1) return 0;
  return (
    (1 - EULER_MASCHERONI) * normalQuantile(1 - 1 / trials) +
    EULER_MASCHERONI * normalQuantile(1 - 1 / (trials * Math.E))
  );
}

/**
 * Expected maximum Sharpe ratio among N independent trials whose true Sharpe ratio is zero and whose
 * estimated Sharpe ratios have variance V (the "False Strategy" theorem; Bailey & López de Prado 2014,
 * "The Deflated Sharpe Ratio", eq. for SR0; Bailey, Borwein, López de Prado & Zhu 2014):
 *
 *   E[max SR] ≈ √V · ( (1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)) ),  γ = Euler–Mascheroni
 *
 * N = 1 gives 0 (no selection). The result has the units of V: per-period V gives a per-period SR.
 * Throws OUT_OF_RANGE for N < 1 or V < 0.
 */
export function expectedMaxSharpe(options: ExpectedMaxSharpeOptions): number {
  assertAtLeast(options.varianceOfSharpes, 0, 'varianceOfSharpes');
  return Math.sqrt(options.varianceOfSharpes) * expectedMaxStandardNormal(options.trials);
}

export interface DeflatedSharpeOptions {
  /** Per-period Sharpe ratio of the selected (best) configuration. */
  sharpe: number;
  /** Number of independent trials N behind the selection (>= 1). */
  trials: number;
  /** Variance of the per-period Sharpe ratios across the trials. */
  varianceOfTrialSharpes: number;
  /** Number of return observations T of the selected configuration (>= 2). */
  n: number;
  /** Skewness γ3 of the selected configuration's returns. Default 0. */
  skew?: number;
  /** Raw (non-excess) kurtosis γ4 of the selected configuration's returns. Default 3. */
  kurtosis?: number;
}

/**
 * Deflated Sharpe Ratio: the PSR of the selected configuration against the Sharpe ratio the best of N
 * worthless trials would be expected to show (Bailey & López de Prado 2014, "The Deflated Sharpe Ratio:
 * Correcting for Selection Bias, Backtest Overfitting and Non-Normality", Journal of Portfolio
 * Management 40(5), 94-107):
 *
 *   DSR = PSR(SR0),  SR0 = √V[SR_n] · ( (1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e)) )
 *
 * All Sharpe ratios per period. DSR >= 0.95 is the usual bar for a discovery. Throws as
 * {@link probabilisticSharpeRatio} and {@link expectedMaxSharpe}.
 */
export function deflatedSharpeRatio(options: DeflatedSharpeOptions): number {
  const benchmark = expectedMaxSharpe({ trials: options.trials, varianceOfSharpes: options.varianceOfTrialSharpes });
  return probabilisticSharpeRatio({
    sharpe: options.sharpe,
    benchmark,
    n: options.n,
    skew: options.skew ?? 0,
    kurtosis: options.kurtosis ?? 3,
  });
}

export interface MinimumBacktestLengthOptions {
  /** Number of independent configurations N tried (>= 1). */
  trials: number;
  /** Annualized in-sample Sharpe ratio the best of N worthless configurations should not reach. Default 1. */
  targetSharpe?: number;
}

/**
 * Minimum backtest length, in years: the history needed so that the best of N independent
 * configurations with zero true Sharpe ratio is not expected to show an annualized in-sample Sharpe
 * ratio of `targetSharpe` (Bailey, Borwein, López de Prado & Zhu 2014, "Pseudo-Mathematics and
 * Financial Charlatanism: The Effects of Backtest Overfitting on Out-of-Sample Performance", Notices
 * of the AMS 61(5), 458-471, Theorem 2.2):
 *
 *   MinBTL ≈ ( ((1 − γ)·Φ⁻¹(1 − 1/N) + γ·Φ⁻¹(1 − 1/(N·e))) / E[max SR] )²   (< 2·ln N / E[max SR]²)
 *
 * It assumes annualized Sharpe estimates over y years have variance 1/y. N = 1 gives 0. Throws
 * OUT_OF_RANGE for N < 1 or a target that is not positive.
 */
export function minimumBacktestLength(options: MinimumBacktestLengthOptions): number {
  const { trials, targetSharpe = 1 } = options;
  assertFinite(targetSharpe, 'targetSharpe');
  if (!(targetSharpe > 0)) {
    throw new StatisticsError('OUT_OF_RANGE', `targetSharpe must be positive, got ${targetSharpe}`);
  }
  const z = expectedMaxStandardNormal(trials);
  return (z / targetSharpe) ** 2;
}

export interface MinimumTrackRecordOptions {
  /** Observed per-period (non-annualized) Sharpe ratio SR. */
  sharpe: number;
  /** Benchmark Sharpe ratio SR*, per period. Default 0. */
  benchmark?: number;
  /** Sample skewness γ3 of the returns. Default 0. */
  skew?: number;
  /** Raw (non-excess) kurtosis γ4 of the returns. Default 3. */
  kurtosis?: number;
  /** Confidence level of the test SR > SR*, in (0.5, 1). Default 0.95. */
  confidence?: number;
}

/**
 * Minimum track record length, in observations: the number of returns with the given per-period
 * Sharpe ratio, skewness and raw kurtosis needed to reject SR <= SR* at the given confidence
 * (Bailey & López de Prado 2012, "The Sharpe Ratio Efficient Frontier"):
 *
 *   MinTRL = 1 + (1 − γ3·SR + (γ4 − 1)/4·SR²) · ( Φ⁻¹(confidence) / (SR − SR*) )²
 *
 * It is the n at which {@link probabilisticSharpeRatio} equals `confidence`. Returns +∞ when
 * SR <= SR* (no track record is long enough). Throws OUT_OF_RANGE for a confidence outside (0.5, 1),
 * INVALID_MOMENTS as for the PSR.
 */
export function minimumTrackRecordLength(options: MinimumTrackRecordOptions): number {
  const { sharpe, benchmark = 0, skew = 0, kurtosis = 3, confidence = 0.95 } = options;
  assertFinite(sharpe, 'sharpe');
  assertFinite(benchmark, 'benchmark');
  assertProbability(confidence, 'confidence');
  if (confidence <= 0.5 || confidence === 1) {
    throw new StatisticsError('OUT_OF_RANGE', `confidence must lie strictly between 0.5 and 1, got ${confidence}`);
  }
  const factor = sharpeVarianceFactor(sharpe, skew, kurtosis);
  if (sharpe <= benchmark) return Number.POSITIVE_INFINITY;
  return 1 + factor * (normalQuantile(confidence) / (sharpe - benchmark)) ** 2;
}
