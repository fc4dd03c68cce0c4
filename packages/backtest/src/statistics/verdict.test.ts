import { describe, expect, it } from 'vitest';
import { isLikelyOverfit, sweepVerdict } from './index.ts';

describe('sweepVerdict', () => {
  it('says plainly that a sweep with PBO above 1/2 is likely overfit, with the numbers', () => {
    const text = sweepVerdict({ dsr: 0.97, pbo: 0.62 });
    expect(text).toMatch(/^The best configuration is likely overfit: /);
    expect(text).toContain('62.0%');
    expect(text).toContain('ranked below the median');
    expect(text).toContain('Deflated Sharpe Ratio (0.97) passes');
  });

  it('says so when the DSR is below 0.95 even if the PBO is fine', () => {
    const text = sweepVerdict({ dsr: 0.41, pbo: 0.1 });
    expect(text).toMatch(/^The best configuration is likely overfit: /);
    expect(text).toContain('Deflated Sharpe Ratio is 0.41, below 0.95');
    expect(text).toContain('(10.0%) is acceptable');
  });

  it('names both failures when both checks fail', () => {
    const text = sweepVerdict({ dsr: 0.2, pbo: 0.8 });
    expect(text).toContain('80.0%');
    expect(text).toContain('0.20, below 0.95');
    expect(text).not.toContain('passes');
  });

  it('says the configuration passes both checks, with the numbers, at the boundaries included', () => {
    expect(sweepVerdict({ dsr: 0.99, pbo: 0.05 })).toBe(
      'The best configuration passes both overfitting checks: its Deflated Sharpe Ratio is 0.99 (at least 0.95), ' +
        'and the probability of backtest overfitting is 5.0% (at most 50.0%).',
    );
    expect(isLikelyOverfit({ dsr: 0.95, pbo: 0.5 })).toBe(false);
    expect(isLikelyOverfit({ dsr: 0.9499, pbo: 0.5 })).toBe(true);
    expect(isLikelyOverfit({ dsr: 0.95, pbo: 0.5001 })).toBe(true);
  });

  it('rejects values that are not probabilities', () => {
    expect(() => sweepVerdict({ dsr: 1.2, pbo: 0.1 })).toThrow(expect.objectContaining({ code: 'OUT_OF_RANGE' }));
    expect(() => sweepVerdict({ dsr: 0.9, pbo: Number.NaN })).toThrow(expect.objectContaining({ code: 'NON_FINITE' }));
  });
});
