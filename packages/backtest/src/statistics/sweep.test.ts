import { describe, expect, it } from 'vitest';
import { sweepOverfitting } from './index.ts';
import { readFixture, relativeError } from './internal/fixtures.ts';

interface SweepFixture {
  matrices: Record<string, number[][]>;
  sweep: {
    sharpes: number[];
    best: number;
    varianceOfTrialSharpes: number;
    expectedMax: number;
    psr: number;
    dsr: number;
    pbo: number;
  };
}
const fixture = readFixture<SweepFixture>('pbo.json');

describe('sweepOverfitting', () => {
  it('matches numpy/scipy for the best configuration, its PSR and DSR, and the CSCV PBO', () => {
    const rows = fixture.matrices.drift!;
    const expected = fixture.sweep;
    const result = sweepOverfitting(rows);
    expect(result.best).toBe(expected.best);
    expected.sharpes.forEach((s, n) => {
      expect(relativeError(result.sharpes[n]!, s)).toBeLessThan(1e-12);
    });
    expect(relativeError(result.varianceOfTrialSharpes, expected.varianceOfTrialSharpes)).toBeLessThan(1e-10);
    expect(result.trials).toBe(7);
    expect(relativeError(result.psr, expected.psr)).toBeLessThan(1e-10);
    expect(relativeError(result.dsr, expected.dsr)).toBeLessThan(1e-10);
    expect(result.cscv.pbo).toBe(expected.pbo);
    expect(result.backtestYears).toBeCloseTo(203 / 252, 15);
    // DSR ≈ 0.50: the best of 7 noisy configurations is not a discovery.
    expect(result.likelyOverfit).toBe(true);
    expect(result.verdict).toMatch(/^The best configuration is likely overfit: .*Deflated Sharpe Ratio is 0\.50/);
  });

  it('counts a configuration that never traded as Sharpe 0, and refuses to assess it as the best', () => {
    const rows = fixture.matrices.drift!.map((row) => [...row, 0]);
    const result = sweepOverfitting(rows, { blocks: 8 });
    expect(result.sharpes[7]).toBe(0);
    expect(result.best).toBe(fixture.sweep.best);
    const losing = fixture.matrices.drift!.map((row) => [row[0]! - 0.01, 0]);
    expect(() => sweepOverfitting(losing, { blocks: 8 })).toThrow(
      expect.objectContaining({ code: 'TOO_FEW_OBSERVATIONS', message: expect.stringContaining('never traded') }),
    );
  });

  it('uses the given number of independent trials for the DSR and MinBTL', () => {
    const rows = fixture.matrices.drift!;
    const seven = sweepOverfitting(rows, { blocks: 8 });
    const fewer = sweepOverfitting(rows, { blocks: 8, trials: 3 });
    expect(fewer.trials).toBe(3);
    expect(fewer.dsr).toBeGreaterThan(seven.dsr);
    expect(fewer.minimumBacktestYears!).toBeLessThan(seven.minimumBacktestYears!);
  });
});
