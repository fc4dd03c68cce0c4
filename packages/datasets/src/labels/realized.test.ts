import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';
import { Lake, type StagedValue } from '@alphagraph/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BARS_DATASET } from '../market-data.ts';
import { LabelError } from './errors.ts';
import { type PredictionKey, type RealizedLabelsOptions, realizedLabels } from './realized.ts';
import type { LabelSpec } from './spec.ts';

// The first 30 daily bars of GOOG from the repository's demo data (real closes, 2004-08-19 on).
const GOOG = gunzipSync(readFileSync(new URL('../../../../data/demo/GOOG.csv.gz', import.meta.url)))
  .toString('utf8')
  .split('\n')
  .slice(1, 31)
  .map((line) => {
    const [date, , , , close] = line.split(',');
    return { date: date!, close: Number(close) };
  });
const N = GOOG.length;
const CLOSES = GOOG.map((b) => b.close);
const barTime = (i: number) => new Date(`${GOOG[i]!.date}T00:00:00Z`);
/** Each bar is first published at its session's close (16:00 New York, 20:00Z in summer). */
const published = (i: number) => new Date(`${GOOG[i]!.date}T20:00:00Z`);
const HOUR = 3_600_000;
const LATER = new Date('2020-01-01T00:00:00Z');
/** One microsecond before an instant, as an ISO string (a Date has milliseconds only). */
const justBefore = (d: Date) => `${new Date(d.getTime() - 1).toISOString().slice(0, -1)}999Z`;

/** Predictions an hour after each close (anchor: that bar) and an hour before (anchor: the previous bar). */
const KEYS: PredictionKey[] = GOOG.flatMap((_, i) => [
  { entity: 'GOOG', t: new Date(published(i).getTime() + HOUR) },
  { entity: 'GOOG', t: new Date(published(i).getTime() - HOUR) },
]);
const anchorOf = (k: PredictionKey) => {
  let a = -1;
  for (let i = 0; i < N; i++) if (published(i) <= k.t) a = i;
  return a;
};

/** pandas ewm(span, adjust=True).var(bias=True) of the simple returns up to bar i, written out. */
function ewmVar(closes: readonly number[], i: number, span: number): number {
  const q = 1 - 2 / (span + 1);
  let [w, s1, s2] = [0, 0, 0];
  for (let j = i; j >= 1; j--) {
    const r = closes[j]! / closes[j - 1]! - 1;
    const wj = q ** (i - j);
    w += wj;
    s1 += wj * r;
    s2 += wj * r * r;
  }
  return s2 / w - (s1 / w) ** 2;
}

type TripleBarrier = Extract<LabelSpec, { kind: 'triple_barrier' }>;

/** The triple barrier by hand (AFML ch. 3): walk closes a+1..a+n against the barriers. */
function tripleBarrier(closes: readonly number[], a: number, l: TripleBarrier) {
  const sigma = Math.sqrt(ewmVar(closes, a, l.volatilitySpan));
  if (Math.min(a, l.volatilitySpan) < l.volatilityMinPeriods || !(sigma > 0)) return null;
  const p0 = closes[a]!;
  for (let k = 1; k <= l.horizon && a + k < closes.length; k++) {
    const c = closes[a + k]!;
    if (l.profitTake !== null && c >= p0 * (1 + l.profitTake * sigma)) return { value: 1, known: a + k };
    if (l.stopLoss !== null && c <= p0 * (1 - l.stopLoss * sigma)) return { value: -1, known: a + k };
  }
  return a + l.horizon < closes.length ? { value: 0, known: a + l.horizon } : null;
}

const FWD: LabelSpec = { kind: 'forward_return', name: 'fwd_5', horizon: 5 };
const TB: TripleBarrier = {
  kind: 'triple_barrier',
  name: 'tb',
  horizon: 5,
  profitTake: 1,
  stopLoss: 1,
  volatilitySpan: 5,
  volatilityMinPeriods: 3,
};
/** The return from the next bar to the one after: reads two bars ahead. */
const NEXT: LabelSpec = { kind: 'expression', name: 'next', expression: 'Ref($close, -2) / Ref($close, -1) - 1' };

describe('realizedLabels', () => {
  let db: TestDatabase;
  let lake: Lake;
  let root: string;

  async function appendBars(rows: readonly StagedValue[][]) {
    await lake.commit(BARS_DATASET.name, { mode: 'append' }, async (w) => {
      await w.session.run(
        `CREATE TEMP TABLE fb (${BARS_DATASET.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`,
      );
      await w.session.append('fb', rows);
      await w.writeQuery('SELECT * FROM fb');
    });
  }
  const bar = (i: number, close: number, availableAt: Date, batch: string): StagedValue[] => [
    'GOOG',
    '1d',
    barTime(i),
    close,
    close,
    close,
    close,
    1e6,
    availableAt,
    batch,
  ];

  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    root = mkdtempSync(join(tmpdir(), 'ag-realized-'));
    lake = await Lake.open({ root, db: db.db, threads: 1 });
    await lake.registerDataset(BARS_DATASET);
    // Another symbol and another interval that must not leak into GOOG's labels.
    await appendBars([
      ...GOOG.map((b, i) => bar(i, b.close, published(i), 'b0')),
      ['MSFT', '1d', barTime(0), 27, 27, 27, 27, 1e6, published(0), 'b0'],
      ['GOOG', '1h', barTime(3), 1, 1, 1, 1, 1e6, published(3), 'b0'],
    ]);
  });
  afterAll(async () => {
    await lake?.close();
    await db?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  const realized = (options: Partial<RealizedLabelsOptions> & { label: LabelSpec }) =>
    lake.withSession((s) => realizedLabels(s, lake, { interval: '1d', predictions: KEYS, asOf: LATER, ...options }));
  const key = (r: { entity: string; t: Date }) => `${r.entity}@${r.t.toISOString()}`;

  it('forward return: close[anchor+n] / close[anchor] - 1, known at bar anchor+n first publication', async () => {
    const rows = await realized({ label: FWD });
    const expected = KEYS.map((k) => ({ k, a: anchorOf(k) }))
      .filter(({ a }) => a >= 0 && a + 5 < N)
      .sort((x, y) => x.k.t.getTime() - y.k.t.getTime());
    expect(rows.map(key)).toEqual(expected.map(({ k }) => key(k)));
    rows.forEach((r, j) => {
      const a = expected[j]!.a;
      expect(r.anchor).toEqual(barTime(a));
      expect(r.value).toBeCloseTo(CLOSES[a + 5]! / CLOSES[a]! - 1, 12);
      expect(r.knownAt).toEqual(published(a + 5));
    });
  });

  it('triple barrier: the label and touch time of a hand-walked barrier, known at the touch', async () => {
    const rows = await realized({ label: TB });
    const expected = KEYS.map((k) => ({ k, a: anchorOf(k) }))
      .map(({ k, a }) => ({ k, a, want: a >= 0 ? tripleBarrier(CLOSES, a, TB) : null }))
      .filter((e) => e.want !== null)
      .sort((x, y) => x.k.t.getTime() - y.k.t.getTime());
    expect(rows.map(key)).toEqual(expected.map(({ k }) => key(k)));
    rows.forEach((r, j) => {
      const { a, want } = expected[j]!;
      expect({ j, anchor: r.anchor, value: r.value, knownAt: r.knownAt }).toEqual({
        j,
        anchor: barTime(a),
        value: want!.value,
        knownAt: published(want!.known),
      });
    });
    // The real closes exercise every outcome, an early touch among them.
    expect(new Set(rows.map((r) => r.value))).toEqual(new Set([-1, 0, 1]));
    expect(expected.some(({ a, want }) => want!.known < a + TB.horizon)).toBe(true);
  });

  it('expression: known once every bar it reads is published', async () => {
    const rows = await realized({ label: NEXT });
    const expected = KEYS.map((k) => ({ k, a: anchorOf(k) }))
      .filter(({ a }) => a >= 0 && a + 2 < N)
      .sort((x, y) => x.k.t.getTime() - y.k.t.getTime());
    expect(rows.map(key)).toEqual(expected.map(({ k }) => key(k)));
    rows.forEach((r, j) => {
      const a = expected[j]!.a;
      expect(r.value).toBeCloseTo(CLOSES[a + 2]! / CLOSES[a + 1]! - 1, 12);
      expect(r.knownAt).toEqual(published(a + 2));
    });
  });

  it('a label is not returned one microsecond before it is knowable, and is at that instant', async () => {
    const t = new Date(published(10).getTime() + HOUR); // anchor: bar 10
    for (const label of [FWD, TB, NEXT]) {
      const [full] = await realized({ label, predictions: [{ entity: 'GOOG', t }] });
      expect(full).toBeDefined();
      const knownAt = full!.knownAt;
      const before = await realized({ label, predictions: [{ entity: 'GOOG', t }], asOf: justBefore(knownAt) });
      expect({ label: label.name, before }).toEqual({ label: label.name, before: [] });
      const at = await realized({ label, predictions: [{ entity: 'GOOG', t }], asOf: knownAt });
      expect({ label: label.name, at }).toEqual({ label: label.name, at: [full] });
    }
  });

  it('reads a relation of the session, answering repeated keys once and keys after as-of never', async () => {
    const t = new Date(published(4).getTime() + HOUR);
    const rows = await lake.withSession(async (s) => {
      await s.run('CREATE TEMP TABLE served (model VARCHAR, entity VARCHAR, t TIMESTAMPTZ)');
      await s.append('served', [
        ['m1', 'GOOG', t],
        ['m2', 'GOOG', t],
        ['m1', 'GOOG', new Date(LATER.getTime() + HOUR)],
        ['m1', 'MSFT', t],
      ]);
      return realizedLabels(s, lake, { label: FWD, interval: '1d', predictions: 'served', asOf: LATER });
    });
    expect(rows.map((r) => [r.entity, r.t, r.value])).toEqual([['GOOG', t, CLOSES[9]! / CLOSES[4]! - 1]]);
  });

  it('a bar correction published after as-of does not change the label at that as-of', async () => {
    const t = new Date(published(12).getTime() + HOUR); // anchor 12; forward return reads bars 12 and 17
    const asOf = new Date(published(20).getTime());
    const before = await realized({ label: FWD, predictions: [{ entity: 'GOOG', t }], asOf });
    expect(before.map((r) => r.value)).toEqual([CLOSES[17]! / CLOSES[12]! - 1]);
    // Bar 17's close doubled, published a millisecond after as-of.
    const correctedAt = new Date(asOf.getTime() + 1);
    await appendBars([bar(17, 2 * CLOSES[17]!, correctedAt, 'b1')]);
    const after = await realized({ label: FWD, predictions: [{ entity: 'GOOG', t }], asOf });
    expect(after).toEqual(before);
    // At the correction's publication it counts (labels are ground truth), still known at the first version.
    const corrected = await realized({ label: FWD, predictions: [{ entity: 'GOOG', t }], asOf: correctedAt });
    expect(corrected.map((r) => [r.value, r.knownAt])).toEqual([[(2 * CLOSES[17]!) / CLOSES[12]! - 1, published(17)]]);
  });

  it('refuses a label that does not compile, naming it', async () => {
    const bad: LabelSpec = { kind: 'expression', name: 'bad', expression: 'Ref($nope, -1)' };
    const error = await realized({ label: bad }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LabelError);
    expect(error).toMatchObject({ code: 'INVALID_LABEL', message: expect.stringMatching(/^label bad: .*nope/) });
  });
});
