import { StatisticsError } from './errors.ts';

/**
 * The sample moments the Sharpe statistics take, with their conventions stated once:
 * - `mean`: arithmetic mean of the per-period returns.
 * - `std`: sample standard deviation with Bessel's correction, √(Σ(r−mean)²/(n−1)).
 * - `sharpe`: per-period (non-annualized) Sharpe ratio mean/std of the returns as given (pass excess
 *   returns for a risk-free rate); multiply by √(periods per year) to annualize.
 * - `skew`: Fisher-Pearson coefficient g1 = m3/m2^(3/2) with central moments m_k = Σ(r−mean)^k/n
 *   (scipy.stats.skew, bias=True). 0 for a normal distribution.
 * - `kurtosis`: raw (non-excess) kurtosis m4/m2² (scipy.stats.kurtosis, fisher=False, bias=True).
 *   3 for a normal distribution.
 * These are the estimators of Bailey & López de Prado (2012) for the Probabilistic Sharpe Ratio.
 */
export interface ReturnMoments {
  n: number;
  mean: number;
  std: number;
  sharpe: number;
  skew: number;
  kurtosis: number;
}

/**
 * Sample moments of a return series (conventions on {@link ReturnMoments}). Two passes over the
 * data (mean first) so that small returns around a large level lose no digits.
 *
 * Throws TOO_FEW_OBSERVATIONS for fewer than two returns or returns that are all equal (the Sharpe
 * ratio, skewness and kurtosis are undefined), NON_FINITE for a NaN or infinite return.
 */
export function returnMoments(returns: ArrayLike<number>): ReturnMoments {
  const n = returns.length;
  if (n < 2) {
    throw new StatisticsError('TOO_FEW_OBSERVATIONS', `a Sharpe ratio needs at least 2 returns, got ${n}`);
  }
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const r = returns[i]!;
    if (!Number.isFinite(r)) throw new StatisticsError('NON_FINITE', `return ${i} is ${r}; returns must be finite`);
    sum += r;
  }
  const mean = sum / n;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i]! - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  if (m2 === 0) {
    throw new StatisticsError(
      'TOO_FEW_OBSERVATIONS',
      'all returns are equal, so the Sharpe ratio, skewness and kurtosis are undefined',
    );
  }
  const std = Math.sqrt(m2 / (n - 1));
  m2 /= n;
  m3 /= n;
  m4 /= n;
  return { n, mean, std, sharpe: mean / std, skew: m3 / m2 ** 1.5, kurtosis: m4 / (m2 * m2) };
}
