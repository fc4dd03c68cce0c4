import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../test-support/dates.ts';
import { syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';
import { createFeatureStore } from '../features/store.ts';

const define = (h: Harness, name: string, expression: string) =>
  h.gql(['researcher'], DEFINE, { i: { name, expression, ttlSeconds: 86_400, description: 'budget test' } }, 'rita');

const nested = (depth: number) => {
  let e = '$close';
  for (let i = 0; i < depth; i++) e = `Mean(${e}, 2)`;
  return e;
};

describe.each(testDatabaseKinds())('feature definitions within the complexity budget on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
    const days = sessions('2017-03-01', '2017-03-31');
    await writeBars(h.t.lake, syntheticBars(['AAA'], days[0]!, days.at(-1)!));
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it.each([
    ['nested_mean', nested(99), 'LIMIT', 'expression stacks more than 12 window operators'],
    ['ema_tiny_alpha', 'EMA($close, 1e-10)', 'ARGUMENT', 'this one needs 368,413,584,378 rows'],
    ['ema_unparsable', 'EMA($close, 1e-17)', 'LIMIT', 'number 1e-17 is outside the range of literals'],
    ['huge_window', 'Mean($close, 1e12)', 'ARGUMENT', 'Mean expects a window of at most 1000000'],
  ])(
    'refuses %s as BAD_EXPRESSION naming the problem and the limit; nothing is stored',
    async (name, expression, reason, message) => {
      const r = await define(h, name, expression);
      expect(r.errors).toBeUndefined();
      expect(r.data.defineFeature).toMatchObject({
        ok: false,
        feature: null,
        error: { code: 'BAD_EXPRESSION', reason, field: 'expression' },
      });
      expect(r.data.defineFeature.error.message).toContain(message);
      const read = await h.gql(['analyst'], `{ features(name: "${name}") { ref } }`);
      expect(read.data.features).toEqual([]);
    },
  );

  it('a version stored before the budget reads with a null lookback and never nulls the list for everyone', async () => {
    // As the issue found it: EMA($close, 1e-10) stored, which the registry now refuses.
    await createFeatureStore(h.t.handle.db).define({
      name: 'legacy_ema',
      owner: 'mallory',
      description: 'stored before the complexity budget',
      entity: 'instrument',
      expression: 'EMA($close, 1e-10)',
      ttlSeconds: 86_400,
      tags: [],
      status: 'active',
      universe: [],
      inputs: ['bars'],
    });
    expect((await define(h, 'fine_mean', 'Mean($close, 5)')).data.defineFeature.ok).toBe(true);

    const read = await h.gql(['analyst'], '{ features { ref lookback } }');
    expect(read.errors).toBeUndefined();
    const byRef = new Map(read.data.features.map((f: { ref: string; lookback: number | null }) => [f.ref, f.lookback]));
    expect(byRef.get('legacy_ema@1')).toBeNull();
    expect(byRef.get('fine_mean@1')).toBe(4);

    // Materializing it fails, naming the version and why; it does not reach DuckDB.
    const run = await h.gql(['researcher'], MATERIALIZE, {
      i: {
        features: ['legacy_ema@1'],
        universe: ['AAA'],
        mode: 'BACKFILL',
        from: '2017-03-01T00:00:00Z',
        waitSeconds: 30,
      },
    });
    expect(run.errors).toBeUndefined();
    expect(run.data.materializeFeatures.run).toMatchObject({ status: 'FAILED', snapshotId: null });
    expect(run.data.materializeFeatures.run.error).toMatch(
      /^legacy_ema@1 cannot be computed: EMA expects a span of at most 54,286 .*368,413,584,378 rows/,
    );
  });
});
