import { describe, expect, it } from 'vitest';
import { BacktestError } from '../errors.ts';
import { FifoLedger } from './ledger.ts';
import { rankSignal, runPortfolioBacktest } from './simulate.ts';
import { parseBacktestSpec } from './spec.ts';
import { applyLimits, createTargetContext, crossoverStates, rebalanceSessions, targetWeights } from './targets.ts';
import { randomMarket } from './test-support.ts';

const dates5 = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
const longAbove0 = { rule: { type: 'threshold', long: 0 }, cash: 1000 } as const;

function oneSymbol(open: number[], close: number[], signal: number[]) {
  return {
    dates: dates5.slice(0, open.length),
    symbols: ['A'],
    open: open.map((v) => [v]),
    close: close.map((v) => [v]),
    signal: signal.map((v) => [v]),
  };
}

describe('spec validation', () => {
  it('names an unknown field', () => {
    expect(() => parseBacktestSpec({ ...longAbove0, costs: { comission: 1 } })).toThrow(
      /costs: unknown field\(s\) "comission"/,
    );
    expect(() => parseBacktestSpec({ ...longAbove0, leverage: 2 })).toThrow(/unknown field\(s\) "leverage"/);
  });

  it('refuses trading on the bar that produced the signal (lagBars 0)', () => {
    for (const at of ['nextOpen', 'nextClose'] as const) {
      let err: unknown;
      try {
        parseBacktestSpec({ ...longAbove0, execution: { at, lagBars: 0 } });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(BacktestError);
      expect((err as BacktestError).code).toBe('LOOKAHEAD');
      expect((err as BacktestError).message).toMatch(/same bar whose close produced the signal/);
    }
  });

  it('applies documented defaults', () => {
    const s = parseBacktestSpec({ rule: { type: 'topK', long: 1, short: 0 } });
    expect(s.execution).toEqual({ at: 'nextOpen', lagBars: 1 });
    expect(s.sizing).toEqual({ type: 'equal' });
    expect(s.rebalance).toBe('daily');
    expect(s.cash).toBe(1_000_000);
  });
});

describe('timing: fills only after the signal is known', () => {
  const open = [10, 11, 12, 13, 14];
  const close = [10.5, 11.5, 12.5, 13.5, 14.5];

  it('the signal of day d trades at the open of d + 1 (hand-computed equity)', () => {
    const r = runPortfolioBacktest(longAbove0, oneSymbol(open, close, [1, 1, 1, 1, 1]));
    const shares = 1000 / 11;
    expect(Array.from(r.equity.equity)).toEqual([1000, shares * 11.5, shares * 12.5, shares * 13.5, shares * 14.5]);
    expect(r.trades).toHaveLength(1);
    expect(r.trades[0]).toMatchObject({ entryTime: Date.UTC(2024, 0, 2), entryPrice: 11, open: true, exitPrice: 14.5 });
  });

  it('shifting the signal one bar later equals one more bar of lag, and moves the entry by one open', () => {
    const shifted = runPortfolioBacktest(longAbove0, oneSymbol(open, close, [Number.NaN, 1, 1, 1, 1]));
    const lagged = runPortfolioBacktest(
      { ...longAbove0, execution: { lagBars: 2 } },
      oneSymbol(open, close, [1, 1, 1, 1, 1]),
    );
    expect(Array.from(shifted.equity.equity)).toEqual(Array.from(lagged.equity.equity));
    expect(shifted.equity.equity[4]).toBe((1000 / 12) * 14.5);
    expect(shifted.trades[0]!.entryPrice).toBe(12);
  });

  it('nextClose fills at the close of the next session', () => {
    const r = runPortfolioBacktest(
      { ...longAbove0, execution: { at: 'nextClose' } },
      oneSymbol(open, close, [1, 1, 1, 1, 1]),
    );
    expect(r.trades[0]!.entryPrice).toBe(11.5);
    expect(r.equity.equity[1]).toBe(1000);
  });

  it('on random data: a change of the signal at day k never changes anything up to day k', () => {
    const m = randomMarket(60, 20, 7);
    const spec = { rule: { type: 'topK', long: 3, short: 3 }, cash: 1e6 } as const;
    const base = runPortfolioBacktest(spec, m);
    const k = 30;
    const signal = Float64Array.from(m.signal);
    for (let s = 0; s < 20; s++) signal[k * 20 + s] = -signal[k * 20 + s]!;
    const changed = runPortfolioBacktest(spec, { ...m, signal });
    expect(Array.from(changed.equity.equity.slice(0, k + 1))).toEqual(Array.from(base.equity.equity.slice(0, k + 1)));
    expect(changed.equity.equity[k + 1]).not.toBe(base.equity.equity[k + 1]);
  });

  it('on random data: every fill is at the open of a session after its signal date', () => {
    const m = randomMarket(40, 10, 3);
    const r = runPortfolioBacktest({ rule: { type: 'topK', long: 2, short: 2 }, cash: 1e6 }, m);
    const opens = new Map<string, number>();
    m.dates.forEach((d, t) => {
      m.symbols.forEach((s, j) => {
        opens.set(`${d}|${s}`, m.open[t * 10 + j]!);
      });
    });
    for (const t of r.trades) {
      expect(t.entryTime).toBeGreaterThan(m.dates[0]!);
      expect(t.entryPrice).toBe(opens.get(`${t.entryTime}|${t.symbol}`));
    }
  });

  it('shifting a multi-symbol signal by one bar equals lagBars + 1 exactly', () => {
    const m = randomMarket(50, 12, 11);
    const shifted = new Float64Array(m.signal.length).fill(Number.NaN);
    shifted.set(m.signal.subarray(0, m.signal.length - 12), 12);
    const spec = { rule: { type: 'topK', long: 2, short: 2 }, cash: 1e6 } as const;
    const a = runPortfolioBacktest(spec, { ...m, signal: shifted });
    const b = runPortfolioBacktest({ ...spec, execution: { lagBars: 2 } }, m);
    expect(Array.from(a.equity.equity)).toEqual(Array.from(b.equity.equity));
  });

  it('refuses a signal value that became available after its session close', () => {
    const m = oneSymbol(open, close, [1, 1, 1, 1, 1]);
    const closes = m.dates.map((d) => Date.parse(`${d}T21:00:00Z`));
    const availableAt = closes.map((c, i) => [i === 2 ? c + 60_000 : c]);
    expect(() =>
      runPortfolioBacktest(longAbove0, { ...m, sessionCloses: closes, signalAvailableAt: availableAt }),
    ).toThrow(/signal for A on 2024-01-03 became available at 2024-01-03T21:01:00.000Z, after that session's close/);
  });
});

describe('costs and corporate actions (hand-computed)', () => {
  it('commission, slippage and half the spread on a buy', () => {
    const flat = [100, 100, 100];
    const r = runPortfolioBacktest(
      { ...longAbove0, rebalance: { everySessions: 10 }, costs: { commissionBps: 10, slippageBps: 5, spreadBps: 10 } },
      oneSymbol(flat, flat, [1, 1, 1]),
    );
    // 10 shares at 100 × (1 + 0.0005 + 0.0005) = 100.1; commission 10 bp of 1001
    const cash = 1000 - 1001 - 1.001;
    expect(r.equity.cash[1]).toBeCloseTo(cash, 10);
    expect(r.equity.equity[2]).toBeCloseTo(cash + 1000, 10);
    expect(r.trades[0]).toMatchObject({ entryPrice: 100.1, size: 10 });
    expect(r.trades[0]!.costs).toBeCloseTo(1.001, 12);
  });

  it('a 2-for-1 split doubles shares without changing equity; a dividend is paid on shares held at the previous close', () => {
    const px = [100, 100, 50, 50];
    const market = {
      ...oneSymbol(px, px, [1, 1, 1, 1]),
      splits: [{ date: '2024-01-03', symbol: 'A', ratio: 2 }],
      dividends: [{ date: '2024-01-04', symbol: 'A', amount: 1 }],
    };
    const r = runPortfolioBacktest({ ...longAbove0, rebalance: { everySessions: 10 } }, market);
    expect(Array.from(r.equity.equity)).toEqual([1000, 1000, 1000, 1020]);
    expect(r.positions.shares[r.positions.shares.length - 1]).toBe(20);
    expect(r.trades[0]).toMatchObject({ size: 20, entryPrice: 50, dividends: 20, pnl: 20, open: true });
  });

  it('a short pays the dividend', () => {
    const px = [100, 100, 50, 50];
    const market = {
      ...oneSymbol(px, px, [-1, -1, -1, -1]),
      splits: [{ date: '2024-01-03', symbol: 'A', ratio: 2 }],
      dividends: [{ date: '2024-01-04', symbol: 'A', amount: 1 }],
    };
    const r = runPortfolioBacktest(
      { rule: { type: 'threshold', short: 0 }, cash: 1000, rebalance: { everySessions: 10 } },
      market,
    );
    expect(Array.from(r.equity.equity)).toEqual([1000, 1000, 1000, 980]);
    expect(r.trades[0]).toMatchObject({ size: -20, dividends: -20, pnl: -20 });
  });

  it('positions report shares, price, value and weight at each close', () => {
    const r = runPortfolioBacktest(
      longAbove0,
      oneSymbol([10, 11, 12, 13, 14], [10.5, 11.5, 12.5, 13.5, 14.5], [1, 1, 1, 1, 1]),
    );
    expect(Array.from(r.positions.dateIndex)).toEqual([1, 2, 3, 4]);
    expect(r.positions.price[0]).toBe(11.5);
    expect(r.positions.weight[0]).toBeCloseTo(1, 14);
    expect(r.equity.gross[1]).toBeCloseTo(1, 14);
  });
});

describe('rules, sizing and limits', () => {
  const ctxFor = (spec: unknown, signal: number[][], close?: number[][]) => {
    const s = parseBacktestSpec(spec);
    const D = signal.length;
    const S = signal[0]!.length;
    const c = close ?? signal.map((row) => row.map(() => 1));
    return createTargetContext(s, Float64Array.from(signal.flat()), Float64Array.from(c.flat()), D, S);
  };

  it('topK: longs the highest, shorts the lowest, equal weights', () => {
    const w = new Float64Array(4);
    targetWeights(ctxFor({ rule: { type: 'topK', long: 1, short: 1 } }, [[3, 1, 4, 2]]), 0, w);
    expect(Array.from(w)).toEqual([0, -0.5, 0.5, 0]);
  });

  it('threshold with signal-proportional sizing; NaN signals are flat', () => {
    const w = new Float64Array(4);
    targetWeights(
      ctxFor({ rule: { type: 'threshold', long: 0.2, short: -0.2 }, sizing: { type: 'signal' } }, [
        [3, -1, 0.1, Number.NaN],
      ]),
      0,
      w,
    );
    expect(Array.from(w)).toEqual([0.75, -0.25, 0, 0]);
  });

  it('longOnly drops shorts before sizing', () => {
    const w = new Float64Array(4);
    targetWeights(
      ctxFor({ rule: { type: 'topK', long: 1, short: 1 }, limits: { longOnly: true } }, [[3, 1, 4, 2]]),
      0,
      w,
    );
    expect(Array.from(w)).toEqual([0, 0, 1, 0]);
  });

  it('crossover enters above the threshold, exits (or shorts) below, holds in between', () => {
    const sig = Float64Array.from([-1, 1, 2, -1, 0.5]);
    expect(Array.from(crossoverStates(sig, 5, 1, 0, false))).toEqual([0, 1, 1, 0, 1]);
    expect(Array.from(crossoverStates(sig, 5, 1, 0, true))).toEqual([0, 1, 1, -1, 1]);
  });

  it('volatility target per name uses past close-to-close returns only', () => {
    const close = [[100], [110], [99], [108.9]];
    const w = new Float64Array(1);
    const ctx = ctxFor(
      {
        rule: { type: 'threshold', long: 0 },
        sizing: { type: 'volatilityTarget', target: 0.2, lookback: 3, method: 'perName' },
      },
      [[1], [1], [1], [1]],
      close,
    );
    targetWeights(ctx, 3, w);
    const r = [0.1, -0.1, 0.1];
    const mean = 0.1 / 3;
    const vol = Math.sqrt((r.reduce((s, v) => s + (v - mean) ** 2, 0) / 2) * 252);
    expect(w[0]).toBeCloseTo(0.2 / vol, 12);
    // a later close does not change the weight of date 3
    const later = ctxFor(
      {
        rule: { type: 'threshold', long: 0 },
        sizing: { type: 'volatilityTarget', target: 0.2, lookback: 3, method: 'perName' },
      },
      [[1], [1], [1], [1], [1]],
      [...close, [500]],
    );
    const w2 = new Float64Array(1);
    targetWeights(later, 3, w2);
    expect(w2[0]).toBe(w[0]);
  });

  it('volatility target of the equal-weight portfolio scales both names alike', () => {
    const close = [
      [100, 100],
      [110, 100],
      [99, 100],
      [108.9, 100],
    ];
    const ctx = ctxFor(
      { rule: { type: 'threshold', long: 0 }, sizing: { type: 'volatilityTarget', target: 0.2, lookback: 3 } },
      close.map(() => [1, 1]),
      close,
    );
    const w = new Float64Array(2);
    targetWeights(ctx, 3, w);
    const p = [0.05, -0.05, 0.05];
    const mean = 0.05 / 3;
    const vol = Math.sqrt((p.reduce((s, v) => s + (v - mean) ** 2, 0) / 2) * 252);
    expect(w[0]).toBeCloseTo((0.5 * 0.2) / vol, 12);
    expect(w[1]).toBe(w[0]);
  });

  it('rebalance sessions: first session of each ISO week and month, every n sessions', () => {
    // Fri 2024-01-26 .. Fri 2024-02-09, business days only
    const days = [
      '2024-01-26',
      '2024-01-29',
      '2024-01-30',
      '2024-01-31',
      '2024-02-01',
      '2024-02-02',
      '2024-02-05',
      '2024-02-06',
    ];
    const dates = Float64Array.from(days, (d) => Date.parse(`${d}T00:00:00Z`));
    expect(Array.from(rebalanceSessions(dates, 'weekly', 1))).toEqual([0, 1, 0, 0, 0, 0, 1, 0]);
    expect(Array.from(rebalanceSessions(dates, 'monthly', 1))).toEqual([0, 0, 0, 0, 1, 0, 0, 0]);
    expect(Array.from(rebalanceSessions(dates, { everySessions: 3 }, 1))).toEqual([0, 1, 0, 0, 1, 0, 0, 1]);
    expect(Array.from(rebalanceSessions(dates, 'daily', 2))).toEqual([0, 0, 1, 1, 1, 1, 1, 1]);
  });

  it('limits: clip weight, scale gross, then scale the larger side to the net cap', () => {
    const w = Float64Array.from([0.6, 0.3, -0.1]);
    applyLimits(w, { maxWeight: 0.5, maxGross: 0.6, maxNet: 0.2, longOnly: false });
    expect(w[0]).toBeCloseTo(1 / 6, 14);
    expect(w[1]).toBeCloseTo(0.1, 14);
    expect(w[2]).toBeCloseTo(-1 / 15, 14);
  });
});

describe('FIFO trade ledger', () => {
  it('closes the oldest lots first and splits a lot pro rata', () => {
    const l = new FifoLedger(['A']);
    l.fill(0, 10, 100, 1, 1);
    l.fill(0, 10, 110, 2, 2);
    l.fill(0, -15, 120, 3, 3);
    expect(l.closed).toHaveLength(2);
    expect(l.closed[0]).toMatchObject({ size: 10, entryPrice: 100, exitPrice: 120, entryTime: 1, exitTime: 3 });
    expect(l.closed[0]!.costs).toBeCloseTo(1 + 2, 12); // whole entry commission + 10/15 of the exit one
    expect(l.closed[0]!.pnl).toBeCloseTo(200 - 3, 12);
    expect(l.closed[1]).toMatchObject({ size: 5, entryPrice: 110 });
    expect(l.closed[1]!.costs).toBeCloseTo(1 + 1, 12); // half of 2, plus 5/15 of 3
    expect(l.closed[1]!.return).toBeCloseTo((50 - 2) / 550, 12);
    const open = l.openTrades(Float64Array.from([130]), 4);
    expect(open).toHaveLength(1);
    expect(open[0]).toMatchObject({ size: 5, entryPrice: 110, exitPrice: 130, open: true });
    expect(open[0]!.pnl).toBeCloseTo(100 - 1, 12);
  });

  it('a fill larger than the position flips it', () => {
    const l = new FifoLedger(['A']);
    l.fill(0, 10, 100, 0, 1);
    l.fill(0, -15, 90, 0, 2);
    expect(l.closed).toHaveLength(1);
    expect(l.closed[0]!.pnl).toBe(-100);
    const open = l.openTrades(Float64Array.from([80]), 3);
    expect(open[0]).toMatchObject({ size: -5, entryPrice: 90, pnl: 50 });
  });
});

describe('non-finite signals and sizes', () => {
  // Each case is built so that the code before the fix fails fast instead of hanging the suite:
  // a NaN fill into an empty ledger only opened a NaN lot (the hang came from a later fill
  // closing it), and the infinite signal appears on the last traded session only.
  it('the ledger refuses a NaN or infinite fill instead of looping on it', () => {
    const l = new FifoLedger(['A']);
    const refused = (qty: number, price: number, commission: number) => {
      let err: unknown;
      try {
        l.fill(0, qty, price, commission, 1);
      } catch (e) {
        err = e;
      }
      expect(err, `fill(${qty}, ${price}, ${commission})`).toBeInstanceOf(BacktestError);
      expect((err as BacktestError).code).toBe('INVALID_INPUT');
      expect((err as BacktestError).message).toMatch(/refused a fill of .* units of A/);
    };
    refused(Number.NaN, 100, 0);
    refused(Number.POSITIVE_INFINITY, 100, 0);
    refused(10, Number.NaN, 0);
    refused(10, 100, Number.NaN);
    // Nothing was booked: a later fill opens and closes lots normally.
    l.fill(0, 10, 100, 0, 2);
    l.fill(0, -10, 110, 0, 3);
    expect(l.closed).toHaveLength(1);
    expect(l.closed[0]).toMatchObject({ size: 10, entryPrice: 100, exitPrice: 110, pnl: 100 });
  });

  it('an infinite signal is no signal: signal-weighted sizing trades as if it were missing', () => {
    const spec = { rule: { type: 'threshold', long: 0.5 }, sizing: { type: 'signal' }, cash: 1000 };
    const base = {
      dates: dates5,
      symbols: ['A', 'B'],
      open: dates5.map((_, d) => [10 + d, 20 + d]),
      close: dates5.map((_, d) => [10.5 + d, 20.5 + d]),
    };
    // B's signal is infinite on the session whose signal is traded last (day 3, filled at day 4's open).
    const nan = Number.NaN;
    const infinite = [
      [1, nan],
      [1, nan],
      [2, nan],
      [3, Number.POSITIVE_INFINITY],
      [1, nan],
    ];
    const missing = infinite.map((row) => row.map((v) => (Number.isFinite(v) ? v : nan)));
    for (const ledgers of [true, false]) {
      const withInfinity = runPortfolioBacktest(spec, { ...base, signal: infinite }, { ledgers });
      const withNaN = runPortfolioBacktest(spec, { ...base, signal: missing }, { ledgers });
      expect(Array.from(withInfinity.equity.equity).every(Number.isFinite)).toBe(true);
      expect(Array.from(withInfinity.equity.equity)).toEqual(Array.from(withNaN.equity.equity));
      expect(withInfinity.trades).toEqual(withNaN.trades);
    }
    // Hand check: A alone is held, all in, from the open of day 1.
    const r = runPortfolioBacktest(spec, { ...base, signal: infinite });
    expect(r.equity.equity[4]).toBeCloseTo((1000 / 11) * 14.5, 9);
    // The same for a ranking rule and the crossover.
    for (const rule of [
      { type: 'topK', long: 1, short: 0 },
      { type: 'crossover', threshold: 0.5 },
    ]) {
      const a = runPortfolioBacktest({ ...spec, rule }, { ...base, signal: infinite });
      const b = runPortfolioBacktest({ ...spec, rule }, { ...base, signal: missing });
      expect(Array.from(a.equity.equity), rule.type).toEqual(Array.from(b.equity.equity));
    }
  });

  it('refuses a position it cannot size instead of trading a NaN quantity', () => {
    // A close of Infinity marks A, which has no open the next session, at Infinity: the account
    // value the next rebalance sizes B from is not finite. (The last session: the code before the
    // fix booked an infinite lot of B and ended, rather than looping on a later fill.)
    const nan = Number.NaN;
    const m = {
      dates: dates5.slice(0, 3),
      symbols: ['A', 'B'],
      open: [
        [10, 20],
        [11, 21],
        [nan, 22],
      ],
      close: [
        [10.5, 20.5],
        [Number.POSITIVE_INFINITY, 21.5],
        [12.5, 22.5],
      ],
      signal: [
        [1, nan],
        [1, 1],
        [1, 1],
      ],
    };
    let err: unknown;
    try {
      runPortfolioBacktest({ rule: { type: 'threshold', long: 0 }, cash: 1000 }, m);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BacktestError);
    expect((err as BacktestError).message).toMatch(/cannot size B on 2024-01-03: .* no finite quantity/);
  });
});

describe('equity only (sweep configurations)', () => {
  it('gives the same equity without the trade ledger and positions', () => {
    const m = randomMarket(120, 30, 5);
    const spec = { rule: { type: 'topK', long: 5, short: 5 }, costs: { commissionBps: 5, spreadBps: 2 } } as const;
    const full = runPortfolioBacktest(spec, m);
    const lean = runPortfolioBacktest(spec, m, { ledgers: false });
    expect(Array.from(lean.equity.equity)).toEqual(Array.from(full.equity.equity));
    expect(Array.from(lean.equity.traded)).toEqual(Array.from(full.equity.traded));
    expect(full.trades.length).toBeGreaterThan(0);
    expect(lean.trades).toEqual([]);
    expect(lean.positions.shares.length).toBe(0);
  });

  it('a signal ranked once gives every top-k configuration the same result as its own selection', () => {
    // Ties (signals on a coarse grid), missing signals and closes, and (equal sizing only: signal
    // sizing has no meaning for them) infinite signals: the ranking must order them exactly as
    // each session's own selection does.
    const S = 40;
    const marketOf = (infinite: boolean) => {
      const m = randomMarket(90, S, 9);
      for (let k = 0; k < m.signal.length; k++) {
        m.signal[k] = Math.round(m.signal[k]! * 8) / 8;
        if (k % 17 === 0) m.signal[k] = Number.NaN;
        if (k % 29 === 0) m.close[k] = Number.NaN;
        if (infinite && k % 31 === 0) m.signal[k] = k % 2 === 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
      }
      return m;
    };
    const ks = [
      { long: 5, short: 5 },
      { long: 1, short: 0 },
      { long: 0, short: 3 },
      { long: 20, short: 20 },
      { long: 39, short: 39 },
      { long: 50, short: 10 },
    ];
    const runs = [
      {
        m: marketOf(true),
        specs: ks.map((k) => ({ rule: { type: 'topK', ...k }, costs: { commissionBps: 5, spreadBps: 2 } })),
      },
      {
        m: marketOf(false),
        specs: ks.map((k) => ({
          rule: { type: 'topK', ...k },
          sizing: { type: 'signal' },
          rebalance: 'weekly',
          limits: { longOnly: true },
        })),
      },
    ];
    let trading = 0;
    for (const { m, specs } of runs) {
      const ranking = rankSignal(m);
      expect(ranking.count[0]).toBeLessThan(S);
      for (const spec of specs) {
        const own = runPortfolioBacktest(spec, m);
        const shared = runPortfolioBacktest(spec, m, { ranking });
        expect(Array.from(shared.equity.equity), JSON.stringify(spec)).toEqual(Array.from(own.equity.equity));
        expect(Array.from(shared.equity.traded)).toEqual(Array.from(own.equity.traded));
        expect(shared.trades).toEqual(own.trades);
        expect(Array.from(shared.positions.symbolIndex)).toEqual(Array.from(own.positions.symbolIndex));
        expect(Array.from(shared.positions.shares)).toEqual(Array.from(own.positions.shares));
        if (own.trades.length > 0) trading++;
      }
    }
    expect(trading).toBeGreaterThan(8);
    // A ranking of another signal is refused rather than trading on it.
    const { m, specs } = runs[0]!;
    const other = { ...m, signal: Float64Array.from(m.signal) };
    expect(() => runPortfolioBacktest(specs[0]!, other, { ranking: rankSignal(m) })).toThrow(
      /not of this market's signal/,
    );
  });
});
