import { describe, expect, it } from 'vitest';
import {
  deflatedSharpeRatio,
  expectedMaxSharpe,
  minimumBacktestLength,
  minimumTrackRecordLength,
  probabilisticSharpeRatio,
  psrFromReturns,
  returnMoments,
  StatisticsError,
} from './index.ts';
import { readFixture, relativeError } from './internal/fixtures.ts';

interface SharpeFixture {
  returns: {
    name: string;
    returns: number[];
    mean: number;
    std: number;
    sharpe: number;
    skew: number;
    kurtosis: number;
  }[];
  psr: { name: string; benchmark: number; psr: number }[];
  psrGrid: { sharpe: number; benchmark: number; n: number; skew: number; kurtosis: number; psr: number }[];
  expectedMax: { trials: number; variance: number; expectedMax: number }[];
}
const fixture = readFixture<SharpeFixture>('sharpe.json');

describe('returnMoments', () => {
  it('matches numpy/scipy: mean, std (ddof 1), Sharpe, skew (bias=True), raw kurtosis (fisher=False)', () => {
    for (const c of fixture.returns) {
      const m = returnMoments(c.returns);
      expect(m.n).toBe(c.returns.length);
      expect(relativeError(m.mean, c.mean), c.name).toBeLessThan(1e-12);
      expect(relativeError(m.std, c.std), c.name).toBeLessThan(1e-12);
      expect(relativeError(m.sharpe, c.sharpe), c.name).toBeLessThan(1e-12);
      expect(relativeError(m.skew, c.skew), c.name).toBeLessThan(1e-10);
      expect(relativeError(m.kurtosis, c.kurtosis), c.name).toBeLessThan(1e-12);
    }
  });

  it('gives a symmetric two-point series skew 0 and kurtosis 1 (hand-computed)', () => {
    // ±1 around 0: m2 = 1, m3 = 0, m4 = 1; std with n − 1 over 4 values = √(4/3).
    const m = returnMoments([1, -1, 1, -1]);
    expect(m.mean).toBe(0);
    expect(m.std).toBeCloseTo(Math.sqrt(4 / 3), 15);
    expect(m.skew).toBe(0);
    expect(m.kurtosis).toBe(1);
  });

  it('refuses fewer than two returns, constant returns and non-finite returns', () => {
    expect(() => returnMoments([0.01])).toThrow(expect.objectContaining({ code: 'TOO_FEW_OBSERVATIONS' }));
    expect(() => returnMoments([0.01, 0.01, 0.01])).toThrow(expect.objectContaining({ code: 'TOO_FEW_OBSERVATIONS' }));
    expect(() => returnMoments([0.01, Number.NaN])).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
  });
});

describe('probabilisticSharpeRatio', () => {
  it('matches the PSR formula evaluated with scipy', () => {
    for (const c of fixture.psrGrid) {
      expect(relativeError(probabilisticSharpeRatio(c), c.psr)).toBeLessThan(1e-13);
    }
  });

  it('psrFromReturns matches scipy moments + formula for several return series and benchmarks', () => {
    for (const c of fixture.psr) {
      const series = fixture.returns.find((r) => r.name === c.name)!;
      expect(relativeError(psrFromReturns(series.returns, c.benchmark), c.psr), c.name).toBeLessThan(1e-11);
    }
  });

  it('is 1/2 when the Sharpe ratio equals the benchmark, and reduces to the normal case by default', () => {
    expect(probabilisticSharpeRatio({ sharpe: 0.1, benchmark: 0.1, n: 500 })).toBe(0.5);
    // Normal returns: z = SR·√(n−1)/√(1 + SR²/2) = 0.1·10/√1.005 = 0.99750933…, and
    // scipy.stats.norm.cdf(0.9975093361076329) = 0.8407413278013518.
    expect(probabilisticSharpeRatio({ sharpe: 0.1, n: 101 })).toBeCloseTo(0.8407413278013518, 14);
  });

  it('penalises negative skew and fat tails', () => {
    const normal = probabilisticSharpeRatio({ sharpe: 0.1, n: 252 });
    const fat = probabilisticSharpeRatio({ sharpe: 0.1, n: 252, skew: -2, kurtosis: 12 });
    expect(fat).toBeLessThan(normal);
  });

  it('rejects moments no distribution has (excess kurtosis passed as raw) and n < 2', () => {
    expect(() => probabilisticSharpeRatio({ sharpe: 0.1, n: 100, skew: 1, kurtosis: 0 })).toThrow(
      expect.objectContaining({ code: 'INVALID_MOMENTS' }),
    );
    expect(() => probabilisticSharpeRatio({ sharpe: 0.1, n: 1 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
    expect(() => probabilisticSharpeRatio({ sharpe: Number.NaN, n: 10 })).toThrow(StatisticsError);
  });
});

describe('expectedMaxSharpe', () => {
  it('matches the False Strategy formula evaluated with scipy', () => {
    for (const c of fixture.expectedMax) {
      const actual = expectedMaxSharpe({ trials: c.trials, varianceOfSharpes: c.variance });
      if (c.expectedMax === 0) expect(actual).toBe(0);
      else expect(relativeError(actual, c.expectedMax), `N = ${c.trials}`).toBeLessThan(1e-14);
    }
  });

  it('is 0 for a single trial, scales with √V and grows with N', () => {
    expect(expectedMaxSharpe({ trials: 1, varianceOfSharpes: 4 })).toBe(0);
    const one = expectedMaxSharpe({ trials: 50, varianceOfSharpes: 1 });
    expect(expectedMaxSharpe({ trials: 50, varianceOfSharpes: 4 })).toBeCloseTo(2 * one, 14);
    expect(expectedMaxSharpe({ trials: 500, varianceOfSharpes: 1 })).toBeGreaterThan(one);
    expect(() => expectedMaxSharpe({ trials: 0.5, varianceOfSharpes: 1 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
    expect(() => expectedMaxSharpe({ trials: 10, varianceOfSharpes: -1 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
  });
});

describe('deflatedSharpeRatio', () => {
  it('reproduces the numerical example of Bailey & López de Prado (2014), DSR ≈ 0.9004', () => {
    // "The Deflated Sharpe Ratio" (J. Portfolio Management 40(5), SSRN 2460551), section "A numerical
    // example": best of N = 100 independent trials with annualized SR 2.5 over five years of daily
    // returns (T = 1,250, 250 days a year), variance of the trials' annualized Sharpe ratios 1/2,
    // skewness −3 and kurtosis 10. Per day: SR = 2.5/√250 = 0.1581, SR0 = √(0.5/250)·(…) = 0.1132,
    // DSR = Φ((0.1581 − 0.1132)·√1249 / √(1 + 3·0.1581 + 9/4·0.1581²)) = 0.9004.
    const varianceOfTrialSharpes = 0.5 / 250;
    const sr0 = expectedMaxSharpe({ trials: 100, varianceOfSharpes: varianceOfTrialSharpes });
    expect(sr0).toBeCloseTo(0.1132, 4);
    const sharpe = 2.5 / Math.sqrt(250);
    expect(sharpe).toBeCloseTo(0.1581, 4);
    const dsr = deflatedSharpeRatio({ sharpe, trials: 100, varianceOfTrialSharpes, n: 1250, skew: -3, kurtosis: 10 });
    expect(dsr).toBeCloseTo(0.9004, 4);
    // Same value from the scipy evaluation of the formula (fixture psrGrid, last row).
    const reference = fixture.psrGrid.at(-1)!;
    expect(relativeError(dsr, reference.psr)).toBeLessThan(1e-13);
  });

  it('equals the PSR against zero when only one trial was run', () => {
    const options = { sharpe: 0.08, n: 500, skew: -0.5, kurtosis: 5 };
    expect(deflatedSharpeRatio({ ...options, trials: 1, varianceOfTrialSharpes: 0.01 })).toBe(
      probabilisticSharpeRatio(options),
    );
  });

  it('falls as the number of trials grows', () => {
    const base = { sharpe: 0.1, n: 1000, varianceOfTrialSharpes: 0.001 };
    const few = deflatedSharpeRatio({ ...base, trials: 5 });
    const many = deflatedSharpeRatio({ ...base, trials: 500 });
    expect(many).toBeLessThan(few);
  });
});

describe('minimumBacktestLength', () => {
  it('reproduces Bailey, Borwein, López de Prado & Zhu (2014): 45 trials need about 5 years for SR 1', () => {
    // "Pseudo-Mathematics and Financial Charlatanism" (Notices of the AMS 61(5)): with only five years
    // of data, no more than 45 independent configurations should be tried, or a configuration with an
    // annualized in-sample Sharpe ratio of 1 is expected from noise alone.
    expect(minimumBacktestLength({ trials: 45 })).toBeCloseTo(4.998, 3);
    expect(minimumBacktestLength({ trials: 46 })).toBeGreaterThan(5);
    expect(minimumBacktestLength({ trials: 44 })).toBeLessThan(5);
  });

  it('stays under the 2·ln N / SR² bound, is 0 for one trial and falls with the square of the target', () => {
    for (const trials of [2, 10, 100, 1000]) {
      expect(minimumBacktestLength({ trials })).toBeLessThan(2 * Math.log(trials));
    }
    expect(minimumBacktestLength({ trials: 1 })).toBe(0);
    expect(minimumBacktestLength({ trials: 100, targetSharpe: 2 })).toBeCloseTo(
      minimumBacktestLength({ trials: 100 }) / 4,
      14,
    );
    expect(() => minimumBacktestLength({ trials: 10, targetSharpe: 0 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
  });
});

describe('minimumTrackRecordLength', () => {
  it('is the hand formula 1 + (1 + SR²/2)·(z_0.95/SR)² for normal returns', () => {
    const z95 = 1.6448536269514722; // scipy.stats.norm.ppf(0.95)
    expect(minimumTrackRecordLength({ sharpe: 0.1 })).toBeCloseTo(1 + 1.005 * (z95 / 0.1) ** 2, 9);
  });

  it('is the track length at which the PSR reaches the confidence', () => {
    const moments = { sharpe: 0.12, benchmark: 0.02, skew: -1.2, kurtosis: 7 };
    for (const confidence of [0.9, 0.95, 0.99]) {
      const n = minimumTrackRecordLength({ ...moments, confidence });
      expect(probabilisticSharpeRatio({ ...moments, n })).toBeCloseTo(confidence, 12);
    }
  });

  it('is infinite when the Sharpe ratio does not beat the benchmark, and checks the confidence', () => {
    expect(minimumTrackRecordLength({ sharpe: 0.05, benchmark: 0.05 })).toBe(Number.POSITIVE_INFINITY);
    expect(() => minimumTrackRecordLength({ sharpe: 0.1, confidence: 0.4 })).toThrow(
      expect.objectContaining({ code: 'OUT_OF_RANGE' }),
    );
  });
});
