import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  checkExpression,
  compileFeatureSet,
  DslError,
  type FieldInfo,
  formatExpression,
  parseExpression,
} from './index.ts';
import { openTestDuck, type TestDuck } from './test-support/duck.ts';

// As-of series: AsOf($dataset.field), windows over observations and durations (5d) over event times.

const fields: Record<string, FieldInfo> = {
  close: { dataset: 'bars' },
  'news.sentiment': { dataset: 'news', eventTime: true },
  'news.score': { dataset: 'news', eventTime: true },
  'news.sentiment_mean': { dataset: 'news' },
  'other.level': { dataset: 'other', eventTime: true },
};
const check = (text: string) => checkExpression(parseExpression(text), { fields, mode: 'feature' });
const refusal = (text: string) => {
  try {
    check(text);
  } catch (error) {
    if (error instanceof DslError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`${text} was accepted`);
};

describe('parsing durations', () => {
  it('reads a whole count and a unit as a duration in seconds, and formats it back', () => {
    const ast = parseExpression('Mean($news.sentiment, 5d)');
    expect(ast.kind === 'call' && ast.args[1]).toMatchObject({ kind: 'duration', seconds: 5 * 86_400, text: '5d' });
    for (const [text, seconds] of [
      ['30s', 30],
      ['15m', 900],
      ['12h', 43_200],
      ['2w', 1_209_600],
    ] as const) {
      const e = parseExpression(`Sum($news.score, ${text})`);
      expect(e.kind === 'call' && e.args[1]).toMatchObject({ kind: 'duration', seconds });
    }
    expect(formatExpression(parseExpression('Mean( $news.sentiment ,005d )'))).toBe('Mean($news.sentiment, 5d)');
  });

  it('refuses a fractional or unknown unit with a hint', () => {
    expect(() => parseExpression('Mean($news.sentiment, 1.5d)')).toThrow(/invalid number '1.5d…'.*durations/);
    expect(() => parseExpression('Mean($news.sentiment, 5y)')).toThrow(/invalid number '5y…'.*s m h d w/);
  });
});

describe('checking as-of series', () => {
  it('puts AsOf and time-window expressions on the dataset clock, with their lineage', () => {
    expect(check('AsOf($news.sentiment)')).toMatchObject({ eventClock: 'news', datasets: ['news'] });
    expect(check('Mean($news.sentiment, 5d) - AsOf($news.score)')).toMatchObject({
      eventClock: 'news',
      fields: ['news.score', 'news.sentiment'],
    });
    // A count window inside an as-of expression counts observations.
    expect(check('Mean(AsOf($news.sentiment), 3)')).toMatchObject({ eventClock: 'news', lookback: 2 });
    expect(check('Mean($news.sentiment_mean, 3)').eventClock).toBeNull();
    expect(check('$close').eventClock).toBeNull();
  });

  it('refuses a time window on a market field or a session aggregate', () => {
    expect(refusal('Mean($close, 5d)')).toMatchObject({
      code: 'CLOCK',
      message: expect.stringMatching(/\$close is a market field/),
    });
    expect(refusal('AsOf($close)')).toMatchObject({ code: 'CLOCK' });
    expect(refusal('Mean($news.sentiment_mean, 5d)').message).toMatch(/\$news.sentiment_mean is a session aggregate/);
    expect(refusal('Mean($news.sentiment, 5d) / $close').message).toMatch(/\$close is a market field/);
  });

  it('refuses zero, negative and oversized windows', () => {
    expect(refusal('Mean($news.sentiment, 0d)')).toEqual({
      code: 'ARGUMENT',
      message: 'Mean expects a positive time window, got 0d at 1:23',
    });
    expect(refusal('Mean($news.sentiment, -5d)').message).toBe('Mean expects a positive time window, got -5d at 1:23');
    expect(refusal('Mean(AsOf($news.sentiment), 0)').message).toMatch(/positive integer window, got 0/);
    expect(refusal('Mean($news.sentiment, 4000d)').message).toMatch(/at most 3660d/);
  });

  it('refuses durations outside the window of an operator that takes one', () => {
    expect(refusal('Slope($news.sentiment, 5d)').message).toMatch(
      /Slope takes a window of N observations, not a duration \(5d\); time windows are supported by Mean, Sum/,
    );
    expect(refusal('Ref($news.sentiment, 1d)').message).toMatch(/a duration \(1d\) can only be the window/);
    expect(refusal('$news.sentiment + 5d').message).toMatch(/a duration \(5d\) can only be the window/);
  });

  it('refuses mixed clocks and cross-sectional operators', () => {
    expect(refusal('AsOf($news.sentiment) - AsOf($other.level)')).toMatchObject({
      code: 'CLOCK',
      message: expect.stringMatching(/\$other.level is from other, but this as-of series runs on news/),
    });
    expect(refusal('CSRank(AsOf($news.sentiment))')).toMatchObject({ code: 'CLOCK' });
    expect(refusal('AsOf(Mean($news.sentiment, 2))').message).toMatch(/AsOf expects an alternative field/);
    expect(() =>
      compileFeatureSet(
        { a: 'AsOf($news.sentiment)', b: '$close' },
        { fields, source: { relation: 't', entityColumn: 'e', timeColumn: 't', availableAtColumn: 'a', columns: {} } },
      ),
    ).toThrow(/one query computes expressions of one clock/);
  });
});

describe('compiled as-of series in DuckDB', () => {
  let duck: TestDuck;
  beforeAll(async () => {
    duck = await openTestDuck();
  });
  afterAll(() => duck?.close());

  // Irregular event times, two observations at one instant (ordered by ord), a null.
  const HOUR = 3_600_000;
  const T0 = Date.UTC(2024, 0, 1);
  const obs = [
    { et: 0, s: 1 },
    { et: 12, s: 3 },
    { et: 72, s: -2 },
    { et: 125, s: null },
    { et: 125, s: 4 },
    { et: 192, s: 10 },
    { et: 245, s: 6 },
    { et: 312, s: 2 },
  ];

  it('time windows span (t - d, t] of event times; count windows count observations', async () => {
    await duck.all('CREATE TABLE series (entity VARCHAR, ord BIGINT, et TIMESTAMPTZ, avail TIMESTAMPTZ, s DOUBLE)');
    const values = obs.map((o, i) => {
      const et = new Date(T0 + o.et * HOUR).toISOString();
      return `('A', ${i + 1}, TIMESTAMPTZ '${et}', TIMESTAMPTZ '${et}', ${o.s ?? 'NULL'})`;
    });
    await duck.all(`INSERT INTO series VALUES ${values.join(', ')}`);
    const compiled = compileFeatureSet(
      {
        m5: 'Mean($news.sentiment, 5d)',
        c5: 'Count($news.sentiment, 5d)',
        x3: 'Max(AsOf($news.sentiment), 3)',
        v: 'AsOf($news.sentiment)',
        // Nested: the event time travels through the window layers.
        prev_m5: 'Ref(Mean($news.sentiment, 5d), 1)',
        m5_prev: 'Mean(Ref($news.sentiment, 1), 5d)',
      },
      {
        fields,
        source: {
          relation: 'series',
          entityColumn: 'entity',
          timeColumn: 'ord',
          eventTimeColumn: 'et',
          availableAtColumn: 'avail',
          columns: { 'news.sentiment': 's' },
        },
      },
    );
    expect(compiled.eventClock).toBe('news');
    const rows = await duck.all(`SELECT * FROM (${compiled.sql}) ORDER BY time`);
    // Reference: plain loops over the observations.
    obs.forEach((o, i) => {
      const meanOver = (at: number, values: (number | null)[]) => {
        const v = values.filter((x, j) => x !== null && obs[j]!.et > at - 120 && obs[j]!.et <= at) as number[];
        return v.length ? v.reduce((a, b) => a + b, 0) / v.length : null;
      };
      const inWindow = obs.filter((p) => p.et > o.et - 120 && p.et <= o.et && p.s !== null).map((p) => p.s!);
      const last3 = obs.slice(Math.max(0, i - 2), i + 1).flatMap((p) => (p.s === null ? [] : [p.s]));
      const row = rows[i]!;
      expect(row.m5, `m5 at ${o.et}`).toBeCloseTo(inWindow.reduce((a, b) => a + b, 0) / inWindow.length, 12);
      expect(row.c5, `c5 at ${o.et}`).toBe(inWindow.length);
      expect(row.x3, `x3 at ${o.et}`).toBe(last3.length ? Math.max(...last3) : null);
      expect(row.v, `v at ${o.et}`).toBe(o.s);
      const m5 = obs.map((p) =>
        meanOver(
          p.et,
          obs.map((q) => q.s),
        ),
      );
      const prev = (row.prev_m5 as number | null) ?? null;
      if (i === 0 || m5[i - 1] === null) expect(prev, `prev_m5 at ${o.et}`).toBeNull();
      else expect(prev, `prev_m5 at ${o.et}`).toBeCloseTo(m5[i - 1]!, 12);
      const shifted = obs.map((_, j) => (j === 0 ? null : obs[j - 1]!.s));
      const want = meanOver(o.et, shifted);
      if (want === null) expect(row.m5_prev, `m5_prev at ${o.et}`).toBeNull();
      else expect(row.m5_prev, `m5_prev at ${o.et}`).toBeCloseTo(want, 12);
      // A time window spans an unknown number of rows: the stamp is the latest availability so far.
      const stamp = Math.max(...obs.slice(0, i + 1).map((p) => T0 + p.et * HOUR));
      expect((row.available_at as Date).getTime(), `available_at at ${o.et}`).toBe(stamp);
    });
    // Exactly 5 days back is outside (half-open window): at 312h the window starts after 192h.
    expect(rows[7]!.c5).toBe(2);
  });
});
