import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Bar, syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';

const QUALITY = `query($ref: String!, $from: DateTime!, $to: DateTime!) {
  featureQuality(ref: $ref, from: $from, to: $to) {
    feature rows nulls nullRate distribution { count mean std min max quantiles { q value } } } }`;
const DRIFT = `query($ref: String!, $r: PeriodInput!, $c: PeriodInput!, $bins: Int) {
  featureDrift(ref: $ref, reference: $r, current: $c, bins: $bins) {
    feature psi epsilon binning reference { rows nulls } current { rows nulls }
    bins { lower upper referenceCount currentCount } } }`;

/** Linear interpolation between closest ranks, h = (n - 1) q (pandas' and DuckDB's quantile_cont). */
function quantile(sorted: readonly number[], q: number): number {
  const h = (sorted.length - 1) * q;
  const lo = Math.floor(h);
  return sorted[lo]! + (sorted[Math.min(lo + 1, sorted.length - 1)]! - sorted[lo]!) * (h - lo);
}

describe.each(testDatabaseKinds())('feature quality on %s', (kind) => {
  let h: Harness;
  let bars: Bar[];
  const closes = (from: string, to: string) => bars.filter((b) => b.date >= from && b.date < to).map((b) => b.close);

  beforeAll(async () => {
    h = await createHarness(kind);
    bars = syntheticBars(['AAA', 'BBB'], '2023-01-03', '2023-12-29', 3);
    await writeBars(h.t.lake, bars);
    for (const [name, expression] of [
      ['level', '$close'],
      ['change', '$close / Ref($close, 1) - 1'],
    ] as const) {
      const r = await h.gql(['researcher'], DEFINE, { i: { name, expression, ttlSeconds: 86_400, description: name } });
      expect(r.data.defineFeature.ok).toBe(true);
    }
    const run = await h.gql(['researcher'], MATERIALIZE, { i: { features: ['level', 'change'], waitSeconds: 60 } });
    expect(run.data.materializeFeatures.run.status).toBe('SUCCEEDED');
    // A second run of the same period: every value twice in the view, counted once.
    const again = await h.gql(['researcher'], MATERIALIZE, {
      i: { features: ['level', 'change'], mode: 'BACKFILL', from: '2023-01-01T00:00:00Z', waitSeconds: 60 },
    });
    expect(again.data.materializeFeatures.run.status).toBe('SUCCEEDED');
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('reports null rate and distribution as an independent computation does', async () => {
    const result = await h.gql(['analyst'], QUALITY, {
      ref: 'change@1',
      from: '2023-01-01T00:00:00Z',
      to: '2023-07-01T00:00:00Z',
    });
    expect(result.errors).toBeUndefined();
    const changes = ['AAA', 'BBB'].flatMap((s) => {
      const own = bars.filter((b) => b.symbol === s && b.date < '2023-07-01');
      return own.slice(1).map((b, i) => b.close / own[i]!.close - 1);
    });
    const sorted = [...changes].sort((a, b) => a - b);
    const mean = changes.reduce((a, b) => a + b, 0) / changes.length;
    const std = Math.sqrt(changes.reduce((a, b) => a + (b - mean) ** 2, 0) / (changes.length - 1));
    const q = result.data.featureQuality;
    expect(q).toMatchObject({ feature: 'change@1', rows: changes.length + 2, nulls: 2 });
    expect(q.nullRate).toBeCloseTo(2 / (changes.length + 2), 12);
    expect(q.distribution.count).toBe(changes.length);
    expect(q.distribution.mean).toBeCloseTo(mean, 12);
    expect(q.distribution.std).toBeCloseTo(std, 12);
    expect(q.distribution.min).toBe(sorted[0]);
    expect(q.distribution.max).toBe(sorted.at(-1));
    for (const { q: p, value } of q.distribution.quantiles) expect(value).toBeCloseTo(quantile(sorted, p), 12);
  });

  it('computes the PSI between two periods over quantile bins of the reference', async () => {
    const reference = { from: '2023-01-01T00:00:00Z', to: '2023-07-01T00:00:00Z' };
    const current = { from: '2023-07-01T00:00:00Z', to: '2024-01-01T00:00:00Z' };
    const result = await h.gql(['analyst'], DRIFT, { ref: 'level', r: reference, c: current, bins: 4 });
    expect(result.errors).toBeUndefined();
    const d = result.data.featureDrift;

    // Independently: edges at the reference's quartiles, a value in the bin of the edges below it.
    const ref = closes('2023-01-01', '2023-07-01').sort((a, b) => a - b);
    const cur = closes('2023-07-01', '2024-01-01');
    const edges = [0.25, 0.5, 0.75].map((p) => quantile(ref, p));
    const count = (xs: number[]) => {
      const out = [0, 0, 0, 0];
      for (const x of xs) out[edges.filter((e) => e < x).length]!++;
      return out;
    };
    const [rc, cc] = [count(ref), count(cur)];
    const share = (c: number, n: number) => (c === 0 ? 1e-4 : c / n);
    const psi = rc.reduce((sum, _, j) => {
      const [r, c] = [share(rc[j]!, ref.length), share(cc[j]!, cur.length)];
      return sum + (c - r) * Math.log(c / r);
    }, 0);

    expect(d.bins.map((b: { referenceCount: number }) => b.referenceCount)).toEqual(rc);
    expect(d.bins.map((b: { currentCount: number }) => b.currentCount)).toEqual(cc);
    for (const [j, b] of (d.bins as { lower: number }[]).slice(1).entries()) expect(b.lower).toBeCloseTo(edges[j]!, 10);
    expect(d.psi).toBeCloseTo(psi, 10);
    expect(d.psi).toBeGreaterThan(0);
    expect(d).toMatchObject({ feature: 'level@1', epsilon: 1e-4, reference: { rows: ref.length, nulls: 0 } });
    expect(d.binning).toMatch(/^4 bins cut at the reference period's quantiles 0.25, 0.50, 0.75/);
  });

  it('answers null for a feature no view holds, and needs the analyst role', async () => {
    await h.gql(['researcher'], DEFINE, {
      i: { name: 'unmaterialized', expression: '$open', ttlSeconds: 1, description: 'u' },
    });
    const none = await h.gql(['analyst'], QUALITY, {
      ref: 'unmaterialized',
      from: '2023-01-01T00:00:00Z',
      to: '2024-01-01T00:00:00Z',
    });
    expect(none).toEqual({ data: { featureQuality: null } });
    const viewer = await h.gql(['viewer'], QUALITY, {
      ref: 'level',
      from: '2023-01-01T00:00:00Z',
      to: '2024-01-01T00:00:00Z',
    });
    expect(viewer.errors?.[0]?.message).toBe('Query.featureQuality requires role analyst; you have viewer');
  });
});
