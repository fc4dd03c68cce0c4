import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';
import { compileExpression } from '@alphagraph/dsl';
import { Lake, type LakeSession, type StagedValue } from '@alphagraph/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LabelSpec, labelSpecSchema } from './spec.ts';
import { labelBarsSql, labelValuesSql } from './sql.ts';

const DAY_MS = 86_400_000;
const day = (i: number) => new Date(Date.UTC(2016, 0, 4) + i * DAY_MS);
const close = (i: number) => new Date(day(i).getTime() + 21 * 3_600_000);

// Ten daily bars of A; bar 3 is corrected (102 -> 103) before the build, bar 5 after it.
const CLOSES = [100, 101, 99, 102, 105, 103, 98, 100, 104, 106];
const AS_OF = new Date(Date.UTC(2016, 1, 1));
const CORRECTED = CLOSES.map((c, i) => (i === 3 ? 103 : c));

/** pandas ewm(span, adjust=True).var(bias=True) of the returns up to bar i, written out. */
function ewmVar(closes: number[], i: number, span: number): number {
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

/** The triple barrier by hand: walk closes i+1..i+n against the barriers. */
function tripleBarrier(closes: number[], i: number, l: Extract<LabelSpec, { kind: 'triple_barrier' }>) {
  const returns = Math.min(i, l.volatilitySpan);
  const sigma = Math.sqrt(ewmVar(closes, i, l.volatilitySpan));
  if (returns < l.volatilityMinPeriods || !(sigma > 0)) return { label: null, touch: null };
  const p0 = closes[i]!;
  for (let k = 1; k <= l.horizon && i + k < closes.length; k++) {
    const c = closes[i + k]!;
    if (l.profitTake !== null && c >= p0 * (1 + l.profitTake * sigma)) return { label: 1, touch: close(i + k) };
    if (l.stopLoss !== null && c <= p0 * (1 - l.stopLoss * sigma)) return { label: -1, touch: close(i + k) };
  }
  if (i + l.horizon < closes.length) return { label: 0, touch: close(i + l.horizon) };
  return { label: null, touch: null };
}

describe('labels', () => {
  let db: TestDatabase;
  let lake: Lake;
  let root: string;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    root = mkdtempSync(join(tmpdir(), 'ag-labels-'));
    lake = await Lake.open({ root, db: db.db, threads: 1 });
  });
  afterAll(async () => {
    await lake?.close();
    await db?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  async function labelsFor(labels: LabelSpec[]) {
    return lake.withSession(async (s: LakeSession) => {
      await s.run(`CREATE TEMP TABLE bars (symbol VARCHAR, interval VARCHAR, time TIMESTAMPTZ, open DOUBLE, high DOUBLE,
        low DOUBLE, close DOUBLE, volume DOUBLE, available_at TIMESTAMPTZ, batch_id VARCHAR)`);
      const rows: StagedValue[][] = CLOSES.map((c, i) => ['A', '1d', day(i), c, c, c, c, 1e6, close(i), 'b0']);
      rows.push(['A', '1d', day(3), 103, 103, 103, 103, 1e6, new Date(close(3).getTime() + 3 * DAY_MS), 'b1']);
      rows.push(['A', '1d', day(5), 1, 1, 1, 1, 1e6, new Date(AS_OF.getTime() + 1), 'b2']);
      rows.push(['B', '1d', day(0), 50, 50, 50, 50, 1e6, close(0), 'b0']);
      await s.append('bars', rows);
      await s.run(`CREATE TEMP TABLE entities AS SELECT 'A' AS entity`);
      const lb = labelBarsSql({ bars: 'bars', entities: 'entities', interval: '1d', asOf: AS_OF });
      await s.run(`CREATE TEMP TABLE label_bars AS ${lb.sql}`, lb.params);
      return s.all<Record<string, unknown>>(`${labelValuesSql(labels, 'label_bars')} ORDER BY event_time`);
    });
  }

  it('forward returns use the latest version known at build time and the first availability as anchor time', async () => {
    const rows = await labelsFor([{ kind: 'forward_return', name: 'fwd_2', horizon: 2 }]);
    expect(rows.map((r) => r.entity)).toEqual(CLOSES.map(() => 'A'));
    expect(rows.map((r) => (r.available_at as Date).toISOString())).toEqual(
      CLOSES.map((_, i) => close(i).toISOString()),
    );
    const expected = CORRECTED.map((c, i) => (i + 2 < CORRECTED.length ? CORRECTED[i + 2]! / c - 1 : null));
    rows.forEach((r, i) => {
      if (expected[i] === null) expect(r.label_fwd_2).toBeNull();
      else expect(r.label_fwd_2).toBeCloseTo(expected[i]!, 12);
    });
  });

  it('triple barrier: +1/-1 at the first close beyond a barrier, 0 at the vertical barrier, null when unknown', async () => {
    const specs = [
      {
        kind: 'triple_barrier',
        name: 'tb',
        horizon: 3,
        profitTake: 1,
        stopLoss: 1,
        volatilitySpan: 3,
        volatilityMinPeriods: 2,
      },
      {
        kind: 'triple_barrier',
        name: 'wide',
        horizon: 2,
        profitTake: 50,
        stopLoss: 50,
        volatilitySpan: 3,
        volatilityMinPeriods: 1,
      },
      {
        kind: 'triple_barrier',
        name: 'up_only',
        horizon: 4,
        profitTake: 0.5,
        stopLoss: null,
        volatilitySpan: 5,
        volatilityMinPeriods: 1,
      },
    ] as const satisfies LabelSpec[];
    const rows = await labelsFor([...specs]);
    const seen = new Set<unknown>();
    for (const spec of specs) {
      rows.forEach((r, i) => {
        const want = tripleBarrier(CORRECTED, i, spec);
        seen.add(want.label);
        expect({ i, label: r[`label_${spec.name}`] }).toEqual({ i, label: want.label });
        expect({ i, touch: (r[`label_${spec.name}_touch`] as Date | null)?.toISOString() ?? null }).toEqual({
          i,
          touch: want.touch?.toISOString() ?? null,
        });
      });
    }
    // The fixture exercises every outcome.
    expect([...seen].sort()).toEqual([-1, 0, 1, null]);
  });

  it('a vertical-barrier touch is labelled 0 and stamped with the horizon bar', async () => {
    const rows = await labelsFor([
      {
        kind: 'triple_barrier',
        name: 'v',
        horizon: 2,
        profitTake: 1000,
        stopLoss: 1000,
        volatilitySpan: 2,
        volatilityMinPeriods: 1,
      },
    ]);
    // Bar 1 has one return: its EWM variance is 0, so no barrier can be placed.
    expect(rows[1]).toMatchObject({ label_v: null, label_v_touch: null });
    expect(rows[2]).toMatchObject({ label_v: 0, label_v_touch: close(4) });
    expect(rows[8]).toMatchObject({ label_v: null, label_v_touch: null });
  });

  it('label expressions may look forward; the same text is refused where a feature is expected', async () => {
    const text = 'Ref($close, -1) / $close - 1';
    const rows = await labelsFor([{ kind: 'expression', name: 'next', expression: text }]);
    expect(rows[0]!.label_next).toBeCloseTo(101 / 100 - 1, 12);
    expect(rows[9]!.label_next).toBeNull();
    const fields = { close: { dataset: 'bars' } };
    const source = {
      relation: 'b',
      entityColumn: 'e',
      timeColumn: 't',
      availableAtColumn: 'a',
      columns: { close: 'c' },
    };
    expect(() => compileExpression(text, { source, fields })).toThrow(/reads the future; only labels may do that/);
  });

  it('validates label specs', () => {
    const tb = { kind: 'triple_barrier', name: 'x', horizon: 5, volatilitySpan: 20, volatilityMinPeriods: 20 };
    expect(labelSpecSchema.safeParse({ ...tb, profitTake: null, stopLoss: null }).success).toBe(false);
    expect(labelSpecSchema.safeParse({ ...tb, profitTake: -1, stopLoss: 1 }).success).toBe(false);
    expect(labelSpecSchema.safeParse({ kind: 'forward_return', name: 'Bad Name', horizon: 1 }).success).toBe(false);
    expect(labelSpecSchema.safeParse({ kind: 'forward_return', name: 'f', horizon: 0 }).success).toBe(false);
  });
});
