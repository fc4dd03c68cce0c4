import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  corporateActionsCsv,
  deriveCorporateActions,
  type PriceBar,
  parsePriceFile,
} from './stocknet-corporate-actions.ts';

const demo = (name: string) => fileURLToPath(new URL(`../../../../data/demo/${name}`, import.meta.url));
const pricesPath = demo('stocknet_prices.csv.gz');
const actionsPath = demo('stocknet_corporate_actions.csv');

/** Plain reading of the shipped files, independent of the derivation's parser. */
function shippedFiles() {
  const prices = new Map<string, string[][]>();
  for (const line of gunzipSync(readFileSync(pricesPath)).toString('utf8').split(/\r?\n/).slice(1)) {
    const cells = line.split(',');
    if (cells.length !== 8 || cells[4] === 'null') continue;
    const ticker = cells[7]!;
    if (!prices.has(ticker)) prices.set(ticker, []);
    prices.get(ticker)!.push(cells);
  }
  const actions = readFileSync(actionsPath, 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [ticker, exDate, kind, ratio, amount] = line.split(',');
      return {
        ticker: ticker!,
        exDate: exDate!,
        kind: kind!,
        ratio: ratio ? Number(ratio) : null,
        amount: amount ? Number(amount) : null,
      };
    });
  return { prices, actions };
}

describe('stocknet_corporate_actions.csv', () => {
  // Relative tolerance when re-applying the events: adj_close is stored in single precision with 6
  // decimals (about 1e-6 relative on an $8 stock), and each derived dividend carries about 1e-7 of
  // relative noise into its multiplier. Observed worst case over all 108,589 bars: 1.6e-6 (BAC).
  const TOLERANCE = 5e-6;

  it('re-applied to close, reproduces adj_close for every ticker', () => {
    const { prices, actions } = shippedFiles();
    expect(prices.size).toBe(88);
    let checked = 0;
    for (const [ticker, rows] of prices) {
      const mine = actions.filter((a) => a.ticker === ticker);
      const splitFactorAfter = (date: string) =>
        mine.filter((a) => a.kind === 'split' && a.exDate > date).reduce((k, a) => k * a.ratio!, 1);
      // Yahoo's multiplier for a dividend: 1 - d / close of the session before the ex-date, with d
      // expressed in the same (split-adjusted) units as that close.
      const multipliers = mine
        .filter((a) => a.kind === 'dividend')
        .map((a) => {
          const i = rows.findIndex((r) => r[0] === a.exDate);
          expect(i, `${ticker} ${a.exDate}`).toBeGreaterThan(0);
          const previousClose = Number(rows[i - 1]![4]);
          return { exDate: a.exDate, m: 1 - a.amount! / splitFactorAfter(a.exDate) / previousClose };
        });
      for (const [date, , , , close, adjClose] of rows) {
        const factor = multipliers.filter((x) => x.exDate > date!).reduce((f, x) => f * x.m, 1);
        const error = Math.abs((Number(close) * factor) / Number(adjClose) - 1);
        if (error > TOLERANCE) expect.fail(`${ticker} ${date}: relative error ${error}`);
        checked++;
      }
    }
    expect(checked).toBe(108_589);
  });

  it('has the AAPL 7:1 split and the published AAPL dividends', () => {
    const aapl = shippedFiles().actions.filter((a) => a.ticker === 'AAPL');
    expect(aapl.filter((a) => a.kind === 'split')).toEqual([
      { ticker: 'AAPL', exDate: '2014-06-09', kind: 'split', ratio: 7, amount: null },
    ]);
    // Apple's declared dividends per share as paid on each ex-date (press releases, 2012-2017).
    const published: Array<[string, number]> = [
      ['2012-11-07', 2.65],
      ['2013-02-07', 2.65],
      ['2013-05-09', 3.05],
      ['2013-08-08', 3.05],
      ['2013-11-06', 3.05],
      ['2014-02-06', 3.05],
      ['2014-05-08', 3.29],
      ['2014-08-07', 0.47],
      ['2014-11-06', 0.47],
      ['2015-02-05', 0.47],
      ['2015-05-07', 0.52],
      ['2015-08-06', 0.52],
      ['2015-11-05', 0.52],
      ['2016-02-04', 0.52],
      ['2016-05-05', 0.57],
      ['2016-08-04', 0.57],
      ['2016-11-03', 0.57],
      ['2017-02-09', 0.57],
      ['2017-05-11', 0.63],
      ['2017-08-10', 0.63],
    ];
    const dividends = aapl.filter((a) => a.kind === 'dividend');
    expect(dividends.map((d) => d.exDate)).toEqual(published.map(([d]) => d));
    dividends.forEach((d, i) => {
      expect(Math.abs(d.amount! - published[i]![1]), d.exDate).toBeLessThan(2e-4);
    });
  });

  it('places whole-number splits where the split-adjusted volume says', () => {
    // Yahoo multiplies pre-split volume (a multiple of 100 shares) by the ratio as well, so every
    // volume before a k:1 split is a multiple of 100·k; the derivation never looks at volume.
    const { prices, actions } = shippedFiles();
    const splits = actions.filter((a) => a.kind === 'split' && Number.isInteger(a.ratio));
    expect(splits.map((s) => `${s.ticker} ${s.exDate} ${s.ratio}`)).toEqual([
      'AAPL 2014-06-09 7',
      'CELG 2014-06-26 2',
      'CMCSA 2017-02-17 2',
      'MA 2014-01-22 10',
      'V 2015-03-19 4',
    ]);
    for (const s of splits) {
      const before = prices.get(s.ticker)!.filter((r) => r[0]! < s.exDate);
      expect(before.length).toBeGreaterThan(300);
      expect(before.every((r) => Number(r[6]) % (100 * s.ratio!) === 0)).toBe(true);
    }
    // CELG: the ex-date row itself is not a multiple of 200, so Yahoo booked the split on
    // 2014-06-26 (the distribution date), a session before the exchange's ex-date 2014-06-27.
    expect(Number(prices.get('CELG')!.find((r) => r[0] === '2014-06-26')![6]) % 200).not.toBe(0);
  });
});

describe('deriveCorporateActions on a hand-built history', () => {
  // 120 sessions of prices as traded, in cents: a 1:10 reverse split on day 30, a $0.50 dividend
  // going ex on day 60, and a 3:2 split on day 80; then stored the way Yahoo stores them.
  const tradedCents = (i: number) => {
    const base = 2000 + ((i * 7919) % 997); // $20.00–$29.96
    if (i < 30) return Math.round(base / 10); // before the reverse split: about $2.50
    if (i < 80) return Math.round(base * 1.5); // before the 3:2 split: about $37
    return base;
  };
  const factorAfter = (i: number) => (i < 30 ? 0.1 * 1.5 : i < 80 ? 1.5 : 1);
  const bars: PriceBar[] = Array.from({ length: 120 }, (_, i) => {
    const close = tradedCents(i) / 100;
    const open = (tradedCents(i) + 3) / 100;
    const stored = (p: number) => p / factorAfter(i);
    const dividendFactor = i < 60 ? 1 - 0.5 / (tradedCents(59) / 100) : 1;
    return {
      date: new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10),
      open: stored(open),
      high: stored(Math.max(open, close) + 0.07),
      low: stored(Math.min(open, close) - 0.05),
      close: stored(close),
      adjClose: stored(close) * dividendFactor,
    };
  });

  it('finds the reverse split, the 3:2 split and the dividend', () => {
    const actions = deriveCorporateActions('TEST', bars);
    expect(actions.map((a) => (a.kind === 'split' ? [a.exDate, a.ratio] : [a.exDate, a.amount]))).toEqual([
      ['2020-01-31', 0.1],
      ['2020-03-01', expect.closeTo(0.5, 9)],
      ['2020-03-21', 1.5],
    ]);
    expect(corporateActionsCsv(actions).split('\n')[0]).toBe('ticker,ex_date,kind,ratio,amount');
  });

  it('leaves out rows of literal nulls', () => {
    const csv = [
      'date,open,high,low,close,adj_close,volume,ticker',
      '2016-06-28,1.000000,1.100000,0.900000,1.000000,1.000000,100,PTR',
      '2016-06-29,null,null,null,null,null,null,PTR',
      '2016-06-30,1.010000,1.100000,0.900000,1.010000,1.010000,100,PTR',
    ].join('\r\n');
    const file = parsePriceFile(csv);
    expect(file.skipped).toEqual([{ ticker: 'PTR', date: '2016-06-29' }]);
    expect(file.byTicker.get('PTR')?.map((b) => b.date)).toEqual(['2016-06-28', '2016-06-30']);
    expect(deriveCorporateActions('PTR', file.byTicker.get('PTR')!)).toEqual([]);
  });
});
