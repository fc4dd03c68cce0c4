import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CompatData } from './backtest.ts';

export interface GoogBars extends CompatData {
  readonly dates: number[];
  readonly open: number[];
  readonly high: number[];
  readonly low: number[];
  readonly close: number[];
}

/** GOOG daily bars of the library's test suite, dates as UTC midnight epoch ms. */
export function loadGoog(): GoogBars {
  const text = readFileSync(fileURLToPath(new URL('./fixtures/GOOG.csv', import.meta.url)), 'utf8');
  const rows = text.trim().split('\n').slice(1);
  const cols = {
    dates: [] as number[],
    open: [] as number[],
    high: [] as number[],
    low: [] as number[],
    close: [] as number[],
  };
  for (const row of rows) {
    const [d, o, h, l, c] = row.split(',');
    cols.dates.push(Date.parse(`${d}T00:00:00Z`));
    cols.open.push(Number(o));
    cols.high.push(Number(h));
    cols.low.push(Number(l));
    cols.close.push(Number(c));
  }
  return cols;
}
