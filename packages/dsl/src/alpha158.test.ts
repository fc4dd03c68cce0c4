import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ALPHA158,
  ALPHA158_QLIB_VWAP0,
  checkExpression,
  compileFeatureSet,
  formatExpression,
  MARKET_FIELDS,
  parseExpression,
} from './index.ts';
import { alpha158At, type Bars, type Num, readBars } from './test-support/alpha158-reference.ts';
import { openTestDuck, type TestDuck } from './test-support/duck.ts';

const CSV = fileURLToPath(new URL('../../../data/demo/all_stocks_5yr.csv.gz', import.meta.url));
/** AAPL: five clean years. DHR: a bar without open, and a bar without open/high/low and zero volume.
 * BHF: 143 bars (listed mid-2017), a bar without prices and one with high == low. */
const SYMBOLS = ['AAPL', 'DHR', 'BHF'];
const fields = Object.fromEntries(['open', 'high', 'low', 'close', 'volume'].map((f) => [f, { dataset: 'market' }]));
const source = {
  relation: 'bars',
  entityColumn: 'symbol',
  timeColumn: 'ts',
  availableAtColumn: 'available_at',
  columns: Object.fromEntries(Object.keys(fields).map((f) => [f, f])),
};

describe('ALPHA158', () => {
  it("lists Qlib's 158 factors in Qlib's order", () => {
    const names = Object.keys(ALPHA158);
    expect(names).toHaveLength(158);
    expect(names.slice(0, 13)).toEqual([
      'KMID',
      'KLEN',
      'KMID2',
      'KUP',
      'KUP2',
      'KLOW',
      'KLOW2',
      'KSFT',
      'KSFT2',
      'OPEN0',
      'HIGH0',
      'LOW0',
      'VWAP0',
    ]);
    const families = [...new Set(names.slice(13).map((n) => n.replace(/\d+$/, '')))];
    expect(families).toEqual([
      'ROC',
      'MA',
      'STD',
      'BETA',
      'RSQR',
      'RESI',
      'MAX',
      'MIN',
      'QTLU',
      'QTLD',
      'RANK',
      'RSV',
      'IMAX',
      'IMIN',
      'IMXD',
      'CORR',
      'CORD',
      'CNTP',
      'CNTN',
      'CNTD',
      'SUMP',
      'SUMN',
      'SUMD',
      'VMA',
      'VSTD',
      'WVMA',
      'VSUMP',
      'VSUMN',
      'VSUMD',
    ]);
    expect(names.slice(13, 18)).toEqual(['ROC5', 'ROC10', 'ROC20', 'ROC30', 'ROC60']);
    expect(ALPHA158.CORD20).toBe('Corr($close/Ref($close,1), Log($volume/Ref($volume, 1)+1), 20)');
    // The documented VWAP proxy (daily bars carry no VWAP) and Qlib's own form for sources that do.
    expect(ALPHA158.VWAP0).toBe('($high+$low+$close)/3/$close');
    expect(ALPHA158_QLIB_VWAP0).toBe('$vwap/$close');
  });

  it('parses and checks every factor as a feature over market fields only', () => {
    for (const [name, text] of Object.entries(ALPHA158)) {
      const checked = checkExpression(parseExpression(text), { fields });
      expect(checked.datasets, name).toEqual(['market']);
      expect(checked.lookahead, name).toBe(0);
      expect(
        checked.fields.every((f) => MARKET_FIELDS.includes(f)),
        name,
      ).toBe(true);
      expect(formatExpression(parseExpression(formatExpression(checked.ast))), name).toBe(
        formatExpression(checked.ast),
      );
    }
  });

  it('compiles to one query of two window depths needing 60 rows of warm-up', () => {
    const compiled = compileFeatureSet(ALPHA158, { fields, source });
    expect(compiled.columns).toEqual(Object.keys(ALPHA158));
    expect(compiled.lookback).toBe(60);
    const layers = [...compiled.sql.matchAll(/^ {2}(win\d+\w*) AS \(/gm)].map((m) => m[1]);
    expect(layers).toEqual(['win1_value', 'win1', 'win2']);
  });
});

describe('ALPHA158 on all_stocks_5yr against an independent TypeScript computation', () => {
  let duck: TestDuck;
  let bars: Map<string, Bars>;
  const computed = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    bars = readBars(CSV, SYMBOLS);
    duck = await openTestDuck();
    const list = SYMBOLS.map((s) => `'${s}'`).join(', ');
    await duck.all(
      `CREATE TABLE bars AS SELECT Name AS symbol, CAST(date AS TIMESTAMP) AS ts,
         CAST(date AS TIMESTAMP) + INTERVAL 21 HOUR AS available_at, open, high, low, close, volume
       FROM read_csv('${CSV.replaceAll("'", "''")}') WHERE Name IN (${list})`,
    );
    const { sql } = compileFeatureSet(ALPHA158, { fields, source });
    for (const row of await duck.all(sql)) {
      computed.set(`${row.entity} ${(row.time as Date).toISOString().slice(0, 10)}`, row);
    }
  });
  afterAll(() => duck?.close());

  /** Rows to compare: the start of history, every window edge, the end, and around each gap. */
  function sampleRows(b: Bars): number[] {
    const n = b.close.length;
    const rows = new Set([0, 1, 2, 4, 5, 9, 10, 19, 20, 29, 30, 59, 60, 61, 100, 250, n - 1]);
    b.close.forEach((_, t) => {
      const gap = [b.open, b.high, b.low, b.close, b.volume].some((s) => s[t] === null) || b.volume[t] === 0;
      if (gap) for (const k of [0, 1, 2, 5, 20, 59, 60]) rows.add(t + k);
    });
    return [...rows].filter((t) => t < n).sort((a, b) => a - b);
  }

  it.each(SYMBOLS)('matches for %s within a relative 1e-9', (symbol) => {
    const b = bars.get(symbol)!;
    let numbers = 0;
    const mismatches: string[] = [];
    for (const t of sampleRows(b)) {
      const date = b.dates[t]!;
      const row = computed.get(`${symbol} ${date}`);
      expect(row, `${symbol} ${date} computed`).toBeDefined();
      const expected = alpha158At(b, t);
      for (const name of Object.keys(ALPHA158)) {
        const want = expected[name] as Num;
        const got = row![name] as Num;
        if (want === null || got === null) {
          if (want !== got) mismatches.push(`${name} ${date}: expected ${want}, got ${got}`);
          continue;
        }
        numbers++;
        if (Math.abs(got - want) > 1e-9 * Math.max(Math.abs(want), Math.abs(got)) + 1e-12) {
          mismatches.push(`${name} ${date}: expected ${want}, got ${got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    expect(numbers).toBeGreaterThan(2000);
  });
});
