import { describe, expect, it } from 'vitest';
import type { Trade } from '../engine/ledger.ts';
import { BacktestError } from '../errors.ts';
import { METRIC_FORMULAS } from './formulas.ts';
import { computeMetrics, drawdownEpisodes } from './metrics.ts';

const DAY = 86_400_000;
const days = (k: number) => Array.from({ length: k }, (_, i) => Date.UTC(2024, 0, 1) + i * DAY);

function trade(pnl: number, ret: number, open = false): Trade {
  return {
    symbol: 'X',
    size: 1,
    entryTime: 0,
    entryPrice: 1,
    exitTime: 1,
    exitPrice: 1,
    costs: 0,
    dividends: 0,
    pnl,
    return: ret,
    open,
  };
}

describe('computeMetrics on hand-computed curves', () => {
  // Equity 100, 110, 99, 121: returns +10%, -10%, +22.2222...%
  const equity = { dates: days(4), equity: [100, 110, 99, 121], gross: [0, 1, 1, 0.5], traded: [0, 100, 0, 50] };

  it('returns, volatility, Sharpe and Sortino (simple returns, rf 0, A = 252)', () => {
    const m = computeMetrics(equity, []);
    const r = [0.1, -0.1, 121 / 99 - 1];
    const mean = (r[0]! + r[1]! + r[2]!) / 3;
    const sd = Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / 2);
    expect(m.totalReturn).toBeCloseTo(0.21, 12);
    expect(m.annualizedReturn).toBeCloseTo(1.21 ** (252 / 3) - 1, 6);
    expect(m.annualizedVolatility).toBeCloseTo(sd * Math.sqrt(252), 12);
    expect(m.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(252), 10);
    // downside: only -10% counts, averaged over all 3 periods
    expect(m.sortino).toBeCloseTo((mean / Math.sqrt(0.01 / 3)) * Math.sqrt(252), 10);
  });

  it('CAGR over calendar days, drawdown depth and duration, Calmar', () => {
    const m = computeMetrics(equity, []);
    expect(m.cagr / (1.21 ** (365.25 / 3) - 1)).toBeCloseTo(1, 12);
    // peak 110 at t=1, trough 99 at t=2, recovered at t=3
    expect(m.maxDrawdown).toBeCloseTo(-0.1, 12);
    expect(m.maxDrawdownDurationPeriods).toBe(2);
    expect(m.maxDrawdownDurationDays).toBe(2);
    expect(m.averageDrawdown).toBeCloseTo(-0.1, 12);
    expect(m.calmar / (m.cagr / 0.1)).toBeCloseTo(1, 12);
  });

  it('exposure and turnover', () => {
    const m = computeMetrics(equity, []);
    expect(m.exposure).toBe(3 / 4);
    expect(m.turnover).toBeCloseTo((100 / 110 + 50 / 121) / 4, 14);
    expect(m.annualizedTurnover).toBeCloseTo(m.turnover * 252, 10);
  });

  it('trade statistics over closed trades only', () => {
    const m = computeMetrics(equity, [trade(30, 0.3), trade(-10, -0.1), trade(20, 0.05), trade(-5, -0.5, true)]);
    expect(m.tradeCount).toBe(3);
    expect(m.winRate).toBeCloseTo(2 / 3, 14);
    expect(m.bestTrade).toBe(0.3);
    expect(m.worstTrade).toBe(-0.1);
    expect(m.profitFactor).toBe(5);
    expect(m.expectancy).toBeCloseTo(0.25 / 3, 14);
  });

  it('risk-free rate per period and log returns', () => {
    const rf = 0.05;
    const m = computeMetrics(equity, [], { riskFreeRate: rf, returns: 'log', annualization: 12 });
    const x = [Math.log(1.1), Math.log(0.9), Math.log(121 / 99)].map((v) => v - Math.log(1.05) / 12);
    const mean = (x[0]! + x[1]! + x[2]!) / 3;
    const sd = Math.sqrt(x.reduce((s, v) => s + (v - mean) ** 2, 0) / 2);
    expect(m.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(12), 10);
    expect(m.annualizedReturn).toBeCloseTo(1.21 ** (12 / 3) - 1, 12);
  });

  it('an unrecovered drawdown runs to the end; two episodes average their depths', () => {
    const e = [100, 90, 100, 120, 60, 90];
    const episodes = drawdownEpisodes(e);
    expect(episodes.map(({ peak, end, recovered }) => ({ peak, end, recovered }))).toEqual([
      { peak: 0, end: 2, recovered: true },
      { peak: 3, end: 5, recovered: false },
    ]);
    expect(episodes[0]!.depth).toBeCloseTo(-0.1, 14);
    expect(episodes[1]!.depth).toBe(-0.5);
    const m = computeMetrics({ dates: days(6), equity: e }, []);
    expect(m.maxDrawdown).toBe(-0.5);
    expect(m.maxDrawdownDurationPeriods).toBe(2);
    expect(m.averageDrawdown).toBeCloseTo(-0.3, 14);
    expect(Number.isNaN(m.exposure)).toBe(true);
  });

  it('documents every metric and refuses unusable input', () => {
    const m = computeMetrics(equity, []);
    expect(Object.keys(METRIC_FORMULAS).sort()).toEqual(Object.keys(m).sort());
    expect(() => computeMetrics({ dates: days(1), equity: [1] }, [])).toThrow(BacktestError);
    expect(() => computeMetrics({ dates: days(2), equity: [1, 0] }, [])).toThrow(/positive/);
  });
});
