import { describe, expect, it } from 'vitest';
import { arrivingBars, barsFromCsv } from './bars.ts';

const CSV = [
  'date,open,high,low,close,volume,Name',
  '2017-10-02,10,11,9,10.5,1000,AAA',
  '2017-10-02,20,21,19,20.5,2000,BBB',
  '2017-10-02,1,1,1,1,5,ZZZ',
  '2017-09-29,9,10,8,9.5,900,AAA',
  '2017-10-03,,,,10.7,1100,AAA',
  '2017-10-04,10.7,11,10,10.9,,BBB',
  '',
].join('\n');

describe('replay bars', () => {
  it('slices the CSV per session, for the universe and from the first session on', () => {
    const bySession = barsFromCsv(CSV, ['AAA', 'BBB'], '2017-10-02');
    expect([...bySession.keys()]).toEqual(['2017-10-02', '2017-10-03', '2017-10-04']);
    expect(bySession.get('2017-10-02')).toEqual([
      { symbol: 'AAA', time: '2017-10-02', open: 10, high: 11, low: 9, close: 10.5, volume: 1000 },
      { symbol: 'BBB', time: '2017-10-02', open: 20, high: 21, low: 19, close: 20.5, volume: 2000 },
    ]);
    // Empty cells are missing values, not zeros.
    expect(bySession.get('2017-10-03')).toEqual([
      { symbol: 'AAA', time: '2017-10-03', open: null, high: null, low: null, close: 10.7, volume: 1100 },
    ]);
  });

  it('refuses a file with another header', () => {
    expect(() => barsFromCsv('Date,Open\n', ['AAA'], '2017-01-01')).toThrow(/header/);
  });

  it('multiplies volume by 10 from the shift session on, and only volume', () => {
    const bySession = barsFromCsv(CSV, ['AAA', 'BBB'], '2017-10-02');
    const day = (d: string) => bySession.get(d)!;
    expect(arrivingBars(day('2017-10-02'), '2017-10-02', '2017-10-03')).toEqual(day('2017-10-02'));
    expect(arrivingBars(day('2017-10-03'), '2017-10-03', '2017-10-03')).toEqual([
      { symbol: 'AAA', time: '2017-10-03', open: null, high: null, low: null, close: 10.7, volume: 11_000 },
    ]);
    // A missing volume stays missing.
    expect(arrivingBars(day('2017-10-04'), '2017-10-04', '2017-10-03')[0]!.volume).toBeNull();
    // The source rows are not changed.
    expect(day('2017-10-03')[0]!.volume).toBe(1100);
  });
});
