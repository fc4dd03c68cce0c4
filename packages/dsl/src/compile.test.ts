import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileExpression, compileFeatureSet, DslError } from './index.ts';
import { evaluate, loadSeries, openTestDuck, type TestDuck, testOptions, valuesOf } from './test-support/duck.ts';

let duck: TestDuck;
beforeAll(async () => {
  duck = await openTestDuck();
});
afterAll(() => duck?.close());

const options = testOptions('bars', ['open', 'close', 'volume']);
const windowLayers = (sql: string) => [...sql.matchAll(/^ {2}(win\d+\w*) AS \(/gm)].map((m) => m[1]);

// A 40-row series with gaps, and a plain TypeScript reference for the nested cases.
const close = Array.from({ length: 40 }, (_, i) => (i % 11 === 7 ? null : 50 + 8 * Math.sin(i / 3) + (i % 4)));
const volume = Array.from({ length: 40 }, (_, i) => 1000 + ((i * 37) % 23) * 10);
type Num = number | null;
const windowOf = (s: readonly Num[], t: number, n: number) => s.slice(Math.max(0, t - n + 1), t + 1);
const present = (w: readonly Num[]) => w.filter((v): v is number => v !== null);
const mean = (w: readonly Num[]): Num =>
  present(w).length ? present(w).reduce((a, b) => a + b, 0) / present(w).length : null;
function std(w: readonly Num[]): Num {
  const v = present(w);
  if (v.length < 2) return null;
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / (v.length - 1));
}
function rank(w: readonly Num[]): Num {
  const x = w[w.length - 1];
  if (x === null || x === undefined) return null;
  const v = present(w);
  return (v.filter((u) => u < x).length + (v.filter((u) => u === x).length + 1) / 2) / v.length;
}
function corr(a: readonly Num[], b: readonly Num[]): Num {
  const pairs = a.flatMap((x, i) => (x === null || b[i] === null ? [] : [[x, b[i]!] as const]));
  if (pairs.length < 2 || (std(a) ?? 1) <= 2e-5 || (std(b) ?? 1) <= 2e-5) return null;
  const [mx, my] = [0, 1].map((k) => pairs.reduce((s, p) => s + p[k]!, 0) / pairs.length) as [number, number];
  const sxy = pairs.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0);
  const sxx = pairs.reduce((s, [x]) => s + (x - mx) ** 2, 0);
  const syy = pairs.reduce((s, [, y]) => s + (y - my) ** 2, 0);
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

function expectClose(actual: readonly Num[], expected: readonly Num[]) {
  expected.forEach((want, i) => {
    if (want === null) expect(actual[i], `row ${i}`).toBeNull();
    else expect(actual[i], `row ${i}`).toBeCloseTo(want, 10);
  });
}

describe('CTE layers for nested window operators', () => {
  it('computes Mean(Std($close, 5), 10) in two window layers', async () => {
    const sql = compileExpression('Mean(Std($close, 5), 10)', options).sql;
    expect(windowLayers(sql)).toEqual(['win1', 'win2']);
    const stds = close.map((_, t) => std(windowOf(close, t, 5)));
    const expected = close.map((_, t) => mean(windowOf(stds, t, 10)));
    expectClose(await valuesOf(duck, 'Mean(Std($close, 5), 10)', { close }), expected);
  });

  it('computes Corr(Rank($close, 5), $volume, 5) with the rank hoisted into a layer of its own', async () => {
    const ranks = close.map((_, t) => rank(windowOf(close, t, 5)));
    const expected = close.map((_, t) => corr(windowOf(ranks, t, 5), windowOf(volume, t, 5)));
    expect(expected.filter((v) => v !== null).length).toBeGreaterThan(30);
    expectClose(await valuesOf(duck, 'Corr(Rank($close, 5), $volume, 5)', { close, volume }), expected);
  });

  it('keeps elementwise work inside the layer that needs it and shares repeated subexpressions', () => {
    const { sql, columns } = compileFeatureSet(
      {
        a: 'Mean($close, 5) / $close',
        b: 'Mean($close, 5) - Ref($close, 1)',
        c: 'Std(Mean($close, 5), 3) + Std(Mean($close,5),3)',
        d: 'Sum(Greater($close - Ref($close, 1), 0), 5)',
      },
      options,
    );
    expect(columns).toEqual(['a', 'b', 'c', 'd']);
    expect(sql.match(/avg\(f\d+\) OVER r5/g)).toHaveLength(1);
    expect(sql.match(/lag\(f\d+, 1\)/g)).toHaveLength(1);
    expect(sql.match(/stddev_samp\(n\d+\) OVER r3/g)).toHaveLength(1);
    expect(windowLayers(sql)).toEqual(['win1', 'win2']);
  });
});

describe('lookahead', () => {
  it('rejects Ref($close, -1) as a feature and computes it as a label', async () => {
    expect(() => compileExpression('Ref($close, -1)', options)).toThrow(
      'Ref with a negative offset (-1) reads the future; only labels may do that at 1:13',
    );
    const label = compileExpression('Ref($close, -2) / $close - 1', { ...options, mode: 'label' });
    expect(label).toMatchObject({ lookahead: 2, lookback: 0 });
    expect(await valuesOf(duck, 'Ref($close, -2) / $close - 1', { close: [1, 2, 4, 8] }, 'label')).toEqual([
      3,
      3,
      null,
      null,
    ]);
  });

  it('stamps a label with the availability of the latest row it reads', async () => {
    const { availableAt } = await evaluate(
      duck,
      { v: 'Ref($close, -1)' },
      { A: { close: [1, 2, 3] } },
      { mode: 'label' },
    );
    expect(availableAt.A!.map((d) => d.toISOString())).toEqual([
      '2024-01-02T22:00:00.000Z',
      '2024-01-03T22:00:00.000Z',
      '2024-01-03T22:00:00.000Z',
    ]);
  });
});

describe('available_at', () => {
  it('is the latest availability among the rows a value read', async () => {
    // Row 2 is a late correction, known 50 hours after its day starts (day 4, 02:00).
    const late = { A: [22, 22, 50, 22, 22, 22] };
    const series = { A: { close: [1, 2, 3, 4, 5, 6] } };
    const own = await evaluate(duck, { v: '$close' }, series, { availableAt: late });
    const mean = await evaluate(duck, { v: 'Mean($close, 3)' }, series, { availableAt: late });
    const iso = (ds: Date[]) => ds.map((d) => d.toISOString().slice(5, 16));
    expect(iso(own.availableAt.A!)).toEqual([
      '01-01T22:00',
      '01-02T22:00',
      '01-05T02:00',
      '01-04T22:00',
      '01-05T22:00',
      '01-06T22:00',
    ]);
    // Rows 2..4 read row 2; row 4's own time (day 4, 22:00) is already later.
    expect(iso(mean.availableAt.A!)).toEqual([
      '01-01T22:00',
      '01-02T22:00',
      '01-05T02:00',
      '01-05T02:00',
      '01-05T22:00',
      '01-06T22:00',
    ]);
  });
});

describe('SQL generation', () => {
  it('quotes every identifier it takes from the catalog and never copies expression text', async () => {
    const column = 'we"ird col; DROP TABLE x --';
    const relation = 'my "bars"';
    await duck.all(
      `CREATE TABLE "my ""bars""" (e VARCHAR, t TIMESTAMP, a TIMESTAMP, "we""ird col; DROP TABLE x --" DOUBLE)`,
    );
    await duck.all(
      `INSERT INTO "my ""bars""" VALUES ('A', '2024-01-01', '2024-01-01 22:00', 2), ('A', '2024-01-02', '2024-01-02 22:00', 4)`,
    );
    const compiled = compileExpression('Mean($alt.weird, 2) * 1.50', {
      fields: { 'alt.weird': { dataset: 'alt' } },
      source: {
        relation,
        entityColumn: 'e',
        timeColumn: 't',
        availableAtColumn: 'a',
        columns: { 'alt.weird': column },
      },
    });
    expect(compiled.datasets).toEqual(['alt']);
    expect(compiled.sql).toContain('"we""ird col; DROP TABLE x --"');
    expect(compiled.sql).toContain('FROM "my ""bars"""');
    expect(compiled.sql).toContain('1.5e0');
    expect(compiled.sql).not.toContain('1.50');
    const rows = await duck.all(`SELECT value FROM (${compiled.sql}) ORDER BY time`);
    expect(rows.map((r) => r.value)).toEqual([3, 4.5]);
    const respelled = compileExpression('Mean( $alt.weird ,2)*1.5', {
      fields: { 'alt.weird': { dataset: 'alt' } },
      source: {
        relation,
        entityColumn: 'e',
        timeColumn: 't',
        availableAtColumn: 'a',
        columns: { 'alt.weird': column },
      },
    });
    expect(respelled.sql).toBe(compiled.sql);
  });

  it.each([['x y'], ['entity'], ['Available_At'], ['a"b'], [''], ['1abc']])('refuses %j as an output name', (name) => {
    expect(() => compileFeatureSet({ [name]: '$close' }, options)).toThrow(DslError);
  });

  it('refuses names that differ only in case, and names the feature an error belongs to', () => {
    expect(() => compileFeatureSet({ KMID: '$close', kmid: '$open' }, options)).toThrow("'kmid' appears twice");
    try {
      compileFeatureSet({ ok: 'Mean($close, 5)', bad: 'Mean($close, -3)' }, options);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DslError);
      expect((error as DslError).message).toBe('bad: Mean expects a positive integer window, got -3 at 1:14');
      expect((error as DslError).feature).toBe('bad');
      expect((error as DslError).position).toMatchObject({ line: 1, column: 14 });
    }
  });

  it('reports a catalog field the source relation has no column for', () => {
    const error = (() => {
      try {
        compileExpression('$close + $tweets.count', {
          fields: { close: { dataset: 'market' }, 'tweets.count': { dataset: 'tweets' } },
          source: {
            relation: 'bars',
            entityColumn: 'e',
            timeColumn: 't',
            availableAtColumn: 'a',
            columns: { close: 'close' },
          },
        });
      } catch (e) {
        return e as DslError;
      }
    })();
    expect(error?.code).toBe('UNMAPPED_FIELD');
    expect(error?.message).toBe('field $tweets.count has no column in the source relation at 1:10');
  });

  it('returns entity, time, available_at and one DOUBLE column per expression', async () => {
    const table = await loadSeries(duck, { A: { close: [1, 2], open: [1, 1] } });
    const { sql } = compileFeatureSet(
      { up: '$close > $open', ratio: '$close / $open' },
      testOptions(table, ['close', 'open']),
    );
    const rows = await duck.all(`DESCRIBE ${sql}`);
    expect(rows.map((r) => [r.column_name, r.column_type])).toEqual([
      ['entity', 'VARCHAR'],
      ['time', 'TIMESTAMP'],
      ['available_at', 'TIMESTAMP'],
      ['up', 'DOUBLE'],
      ['ratio', 'DOUBLE'],
    ]);
  });
});

describe('a relation holding only a suffix of the history', () => {
  it('computes positional operators as over the whole history when it gives each row its position', async () => {
    const series = Array.from({ length: 400 }, (_, i) => 40 + 5 * Math.sin(i / 5) + ((i * 7) % 3));
    const full = await loadSeries(duck, { A: { close: series } });
    // The suffix starts at row 129 (index 128, a multiple of 16 as DuckDB's aggregation trees
    // align), with each row's position in the whole history.
    await duck.all(
      `CREATE TABLE suffix AS SELECT *, row_number() OVER (ORDER BY ts) AS pos FROM ${full} QUALIFY pos > 128`,
    );
    const expressions = {
      slope: 'Slope($close, 10)',
      resi: 'Resi($close, 10)',
      imax: 'IdxMax($close, 10)',
      ema: 'EMA($close, 5)',
    };
    const run = async (relation: string, rowNumberColumn?: string) => {
      const o = testOptions(relation, ['close']);
      const compiled = compileFeatureSet(expressions, { ...o, source: { ...o.source, rowNumberColumn } });
      return duck.all(`SELECT * FROM (${compiled.sql}) ORDER BY time`);
    };
    const whole = await run(full);
    const part = await run('suffix', 'pos');
    const warm = compileFeatureSet(expressions, testOptions(full, ['close'])).lookback;
    const later = part.slice(warm);
    expect(later.length).toBe(400 - 128 - warm);
    for (const row of later) {
      const same = whole.find((w) => (w.time as Date).getTime() === (row.time as Date).getTime())!;
      for (const c of Object.keys(expressions)) expect(Object.is(row[c], same[c]), `${c} at ${row.time}`).toBe(true);
    }
  });
});
