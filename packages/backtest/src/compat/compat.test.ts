import { describe, expect, it } from 'vitest';
import { BacktestError } from '../errors.ts';
import { type CompatContext, type CompatData, runCompatBacktest } from './backtest.ts';
import { pyFloorDiv, rollingMean } from './pyfloat.ts';
import { smaCrossStrategy } from './sma-cross.ts';
import { drawdownEpisodes } from './stats.ts';
import { loadGoog } from './test-support.ts';

const DAY = 86_400_000;
const GOOG = loadGoog();
const SHORT_DATA: CompatData = {
  dates: GOOG.dates.slice(0, 20),
  open: GOOG.open.slice(0, 20),
  high: GOOG.high.slice(0, 20),
  low: GOOG.low.slice(0, 20),
  close: GOOG.close.slice(0, 20),
};

/** Relative closeness as numpy.isclose(a, b, rtol=1e-8) (atol 1e-8 too, as numpy's default). */
function expectClose(actual: number | undefined, expected: number, key: string): void {
  expect(actual, key).toBeDefined();
  const ok = Math.abs(actual! - expected) <= 1e-8 + 1e-8 * Math.abs(expected);
  expect(ok, `${key}: ${actual} vs ${expected}`).toBe(true);
}

/*
 * Expected values of kernc/backtesting.py backtesting/test/_test.py, TestBacktest.test_compute_stats
 * (`Backtest(GOOG, SmaCross, finalize_trades=True).run()`), as in the 0.6.x line before PR #1346
 * (the stored copy of the file we could read carries no commit id; the same numbers are in the
 * `Backtest.run` docstring of that version). 0.6.6 (commit 9c2b8e1c, which merged #1346) changes only
 * Return (Ann.), Volatility (Ann.), CAGR, Sharpe, Sortino and Calmar; those are below in
 * EXPECTED_066_CHANGED, computed by fixtures/reference_stats.py.
 */
const EXPECTED_065: Record<string, number> = {
  '# Trades': 66,
  'Avg. Drawdown Duration': 41 * DAY,
  'Avg. Drawdown [%]': -5.925851581948801,
  'Avg. Trade Duration': 46 * DAY,
  'Avg. Trade [%]': 2.531715975158555,
  'Best Trade [%]': 53.59595229490424,
  'Buy & Hold Return [%]': 522.0601851851852,
  'Calmar Ratio': 0.4414380935608377,
  Duration: 3116 * DAY,
  End: Date.UTC(2013, 2, 1),
  'Equity Final [$]': 51422.98999999996,
  'Equity Peak [$]': 75787.44,
  'Expectancy [%]': 3.2748078066748834,
  'Exposure Time [%]': 96.74115456238361,
  'Max. Drawdown Duration': 584 * DAY,
  'Max. Drawdown [%]': -47.98012705007589,
  'Max. Trade Duration': 183 * DAY,
  'Profit Factor': 2.167945974262033,
  'Return (Ann.) [%]': 21.180255813792282,
  'Return [%]': 414.2298999999996,
  'Volatility (Ann.) [%]': 36.49390889140787,
  'CAGR [%]': 14.159843619607383,
  SQN: 1.0766187356697705,
  'Kelly Criterion': 0.1518705127029717,
  'Sharpe Ratio': 0.5803778344714113,
  'Sortino Ratio': 1.0847880675854096,
  Start: Date.UTC(2004, 7, 19),
  'Win Rate [%]': 46.96969696969697,
  'Worst Trade [%]': -18.39887353835481,
  'Alpha [%]': 394.37391142027462,
  Beta: 0.03803390709192,
};

const DURATION_KEYS = new Set([
  'Duration',
  'Start',
  'End',
  'Max. Drawdown Duration',
  'Avg. Drawdown Duration',
  'Max. Trade Duration',
  'Avg. Trade Duration',
]);

describe('backtesting.py compatible mode: SmaCross on GOOG', () => {
  it('test_compute_stats (0.6.5 formulas): every asserted statistic to rtol 1e-8, durations exactly', () => {
    const { stats, trades } = runCompatBacktest({
      data: GOOG,
      strategy: smaCrossStrategy(),
      finalizeTrades: true,
      version: '0.6.5',
    });
    const got = stats as unknown as Record<string, number>;
    expect(Object.keys(got).sort()).toEqual(Object.keys(EXPECTED_065).sort());
    for (const [key, value] of Object.entries(EXPECTED_065)) {
      if (DURATION_KEYS.has(key)) expect(got[key], key).toBe(value);
      else expectClose(got[key], value, key);
    }
    expect(trades).toHaveLength(66);
  });

  it('test_compute_stats (0.6.6, PR #1346): changed statistics match the reference, the others are unchanged', async () => {
    const { default: reference } = await import('./fixtures/reference_stats.json', { with: { type: 'json' } });
    const { stats } = runCompatBacktest({ data: GOOG, strategy: smaCrossStrategy(), finalizeTrades: true });
    const got = stats as unknown as Record<string, number>;
    const changed = reference.changed as Record<string, number>;
    for (const [key, value] of Object.entries(EXPECTED_065)) {
      const expected = changed[key] ?? value;
      if (DURATION_KEYS.has(key)) expect(got[key], key).toBe(expected);
      else expectClose(got[key], expected, key);
    }
    // The PR's own summary: "CAGR and Return (Ann.) ... 21.16% vs 21.19% on GOOG SmaCross".
    expect(got['CAGR [%]']!.toFixed(2)).toBe('21.16');
    expect(got['Return (Ann.) [%]']!.toFixed(2)).toBe('21.19');
  });

  it('fills every order at the open of the bar after the signal, never earlier', () => {
    const { trades } = runCompatBacktest({ data: GOOG, strategy: smaCrossStrategy(), finalizeTrades: true });
    const sma10 = rollingMean(GOOG.close, 10);
    const sma30 = rollingMean(GOOG.close, 30);
    for (const t of trades.slice(0, -1)) {
      const signalBar = t.entryBar - 1;
      const crossedUp = sma10[signalBar - 1]! < sma30[signalBar - 1]! && sma10[signalBar]! > sma30[signalBar]!;
      const crossedDown = sma10[signalBar - 1]! > sma30[signalBar - 1]! && sma10[signalBar]! < sma30[signalBar]!;
      expect(t.size > 0 ? crossedUp : crossedDown).toBe(true);
      expect(t.entryPrice).toBe(GOOG.open[t.entryBar]);
    }
  });
});

/** The library test's strategy S: buy on the first call (bar 1), close on the next. */
function buyThenClose() {
  return () => {
    let done = false;
    return {
      warmupBars: 0,
      next(ctx: CompatContext) {
        if (done) return;
        if (!ctx.position.size) ctx.buy();
        else {
          ctx.position.close();
          done = true;
        }
      },
    };
  };
}

describe('backtesting.py compatible mode: spread and commissions', () => {
  // _test.py TestBacktest.test_spread_commission (same stored copy as above).
  const SPREAD = 0.01;
  const COMMISSION = 0.01;
  const CASH = 10_000;
  const ORDER_BAR = 2;

  it('test_spread_commission: spread on the entry price, relative commission at entry and exit', () => {
    const r = runCompatBacktest({
      data: SHORT_DATA,
      strategy: buyThenClose(),
      cash: CASH,
      spread: SPREAD,
      commission: COMMISSION,
    });
    expect(r.trades[0]!.entryPrice).toBe(GOOG.open[ORDER_BAR]! * (1 + SPREAD));
    expect(Array.from(r.equity.slice(2, 4), (v) => Math.round(v * 100) / 100)).toEqual([9685.31, 9749.33]);
  });

  it('test_spread_commission: fixed plus relative commission (100, 1%)', () => {
    const r = runCompatBacktest({
      data: SHORT_DATA,
      strategy: buyThenClose(),
      cash: CASH,
      commission: [100, COMMISSION],
    });
    expect(Array.from(r.equity.slice(2, 4), (v) => Math.round(v * 100) / 100)).toEqual([9784.5, 9718.69]);
  });

  it('test_spread_commission: commission as a function of (size, price)', () => {
    const r = runCompatBacktest({
      data: SHORT_DATA,
      strategy: buyThenClose(),
      cash: CASH,
      commission: (size, price) => Math.abs(size) * price * COMMISSION,
    });
    expect(Array.from(r.equity.slice(2, 4), (v) => Math.round(v * 100) / 100)).toEqual([9781.28, 9846.04]);
  });

  it('test_commissions: fixed + relative commission over a take-profit exit, bar-number index', () => {
    const FIXED = 10;
    const SIZE = 100;
    const PRICE_ENTRY = 1;
    const PRICE_EXIT = 4;
    const arr = [1, PRICE_ENTRY, 1, 2, PRICE_EXIT, 1, 2];
    const r = runCompatBacktest({
      data: { open: arr, high: arr, low: arr, close: arr },
      cash: 5000,
      commission: [FIXED, COMMISSION],
      strategy: {
        warmupBars: 0,
        next(ctx) {
          if (ctx.data.close.length === 2) ctx.buy({ size: SIZE, tp: 3 });
        },
      },
    });
    const paid = FIXED + COMMISSION * SIZE * PRICE_ENTRY + FIXED + COMMISSION * SIZE * PRICE_EXIT;
    expect(r.stats['Commissions [$]']).toBe(paid);
    expect(r.trades[0]!.commission).toBe(paid);
    expect(r.stats['Equity Final [$]']).toBe(5000 + (PRICE_EXIT - PRICE_ENTRY) * SIZE - paid);
  });
});

describe('compat internals against hand-checked cases', () => {
  it('compute_drawdown: episodes of [0, 1, 7, 0, 4, 0, 0] last 3 and 2 bars with peaks 7 and 4 (_test.py test_compute_drawdown)', () => {
    const e = drawdownEpisodes([0, 1, 7, 0, 4, 0, 0], [0, 1, 2, 3, 4, 5, 6]);
    expect(e).toEqual([
      { duration: 3, peak: 7 },
      { duration: 2, peak: 4 },
    ]);
  });

  it('pyFloorDiv follows Python where Math.floor(a / b) does not', () => {
    expect(pyFloorDiv(7, 2)).toBe(3);
    expect(pyFloorDiv(-7, 2)).toBe(-4);
    // 1 // 0.1 == 9.0 in Python (0.1 is slightly above 1/10), while 1 / 0.1 rounds to 10.
    expect(pyFloorDiv(1, 0.1)).toBe(9);
    expect(Math.floor(1 / 0.1)).toBe(10);
  });

  it('rollingMean is NaN during warm-up and the plain mean afterwards', () => {
    const m = rollingMean([1, 2, 3, 4], 2);
    expect(Number.isNaN(m[0]!)).toBe(true);
    expect(Array.from(m.slice(1))).toEqual([1.5, 2.5, 3.5]);
  });

  it('refuses NaN bars and a bad order size with typed errors', () => {
    expect(() =>
      runCompatBacktest({
        data: { open: [1, Number.NaN], high: [1, 1], low: [1, 1], close: [1, 1] },
        strategy: buyThenClose(),
      }),
    ).toThrow(BacktestError);
    expect(() =>
      runCompatBacktest({
        data: SHORT_DATA,
        strategy: { warmupBars: 0, next: (ctx) => ctx.buy({ size: 1.5 }) },
      }),
    ).toThrow(/whole units/);
  });
});
