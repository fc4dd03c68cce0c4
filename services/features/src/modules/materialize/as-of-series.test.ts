import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AltDatasetFixture, registerAltDataset, writeObservations } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';
import { CREATE, ROWS } from '../training/test-support.ts';

/**
 * Features over raw event times (issue 16 item 3): observations with irregular event times,
 * publication lags, corrections and exact ties go through an as-of feature's materialization to a
 * point-in-time training set, and every row equals an independent computation written below in
 * plain loops over the observations (DESIGN section 4, rule 2).
 */

const NEWS: AltDatasetFixture = {
  name: 'vendor_news',
  vendor: 'NewsVendor',
  licensed: true,
  entityKind: 'instrument',
  latencySeconds: 60,
  fields: [
    { name: 'sentiment', type: 'float' },
    { name: 'volume', type: 'int' },
  ],
};

const HOUR_US = 3_600_000_000;
/** 2016-03-01T00:00:00Z in microseconds. */
const T0_US = Date.UTC(2016, 2, 1) * 1000;
const iso = (us: number): string => {
  const ms = Math.floor(us / 1000);
  const micros = String(us - ms * 1000).padStart(3, '0');
  return new Date(ms).toISOString().replace('Z', `${micros}Z`);
};

interface Obs {
  readonly entity: string;
  /** Hours after T0. */
  readonly event: number;
  readonly seq?: number;
  readonly available: number;
  readonly sentiment: number | null;
  readonly batch: string;
}

// Batch b1: irregular event times, lags from 0 to 50 hours (50h published after 60h), a tie of
// two observations at one event time (seq 0 and 1), a null.
const B1: Obs[] = [
  { entity: 'AAA', event: 0, available: 1, sentiment: 0.5, batch: 'b1' },
  { entity: 'AAA', event: 10, available: 12, sentiment: 1, batch: 'b1' },
  { entity: 'AAA', event: 30, seq: 0, available: 31, sentiment: -0.25, batch: 'b1' },
  { entity: 'AAA', event: 30, seq: 1, available: 31, sentiment: 0.75, batch: 'b1' },
  { entity: 'AAA', event: 50, available: 100, sentiment: 2, batch: 'b1' },
  { entity: 'AAA', event: 60, available: 61, sentiment: 1.5, batch: 'b1' },
  { entity: 'AAA', event: 130, available: 131, sentiment: null, batch: 'b1' },
  { entity: 'AAA', event: 140, available: 140, sentiment: 0.25, batch: 'b1' },
  { entity: 'AAA', event: 200, available: 202, sentiment: 3, batch: 'b1' },
  { entity: 'AAA', event: 320, available: 321, sentiment: -1, batch: 'b1' },
  { entity: 'BBB', event: 5, available: 6, sentiment: 1, batch: 'b1' },
  { entity: 'BBB', event: 100, available: 300, sentiment: 2, batch: 'b1' },
  { entity: 'BBB', event: 101, available: 102, sentiment: 3, batch: 'b1' },
];
// Batch b2: corrections (same entity, event time and seq, later available_at): of an old period
// after newer ones exist, of the latest one, of a tied observation at the instant a late one is published, of one
// published at the very instant of the original (batch b2 orders after b1), and a late one.
const B2: Obs[] = [
  { entity: 'AAA', event: 10, available: 70, sentiment: 1.25, batch: 'b2' },
  { entity: 'AAA', event: 30, seq: 1, available: 100, sentiment: -0.5, batch: 'b2' },
  { entity: 'AAA', event: 200, available: 202, sentiment: 3.5, batch: 'b2' },
  { entity: 'AAA', event: 140, available: 250, sentiment: 0.5, batch: 'b2' },
  { entity: 'BBB', event: 5, available: 150, sentiment: -1, batch: 'b2' },
  // Corrections of the latest observation.
  { entity: 'AAA', event: 320, available: 330, sentiment: -2, batch: 'b2' },
  { entity: 'BBB', event: 101, available: 120, sentiment: 3.25, batch: 'b2' },
];
// Batch b3: a third observation at an old event time, known long after.
const B3: Obs[] = [{ entity: 'AAA', event: 30, seq: 2, available: 150, sentiment: 4, batch: 'b3' }];
const ALL = [...B1, ...B2, ...B3];

const FEATURES = {
  news_asof: { expression: 'AsOf($vendor_news.sentiment)', ttlHours: 96 },
  news_mean_5d: { expression: 'Mean($vendor_news.sentiment, 5d)', ttlHours: 30 * 24 },
  news_sum_3: { expression: 'Sum(AsOf($vendor_news.sentiment), 3)', ttlHours: 30 * 24 },
  news_count_2d: { expression: 'Count($vendor_news.sentiment, 2d) - 1', ttlHours: 30 * 24 },
} as const;
type FeatureName = keyof typeof FEATURES;

/**
 * The reference: at (entity, t), the observations available at t, each (event time, seq) in its
 * latest version known at t (greatest available_at, then batch); the latest event time's row
 * (its greatest seq); null when that event time is older than t - TTL.
 */
function reference(entity: string, tUs: number): Record<FeatureName, number | null> {
  const latest = new Map<string, Obs>();
  for (const o of ALL) {
    if (o.entity !== entity || T0_US + o.available * HOUR_US > tUs) continue;
    const key = `${o.event}/${o.seq ?? 0}`;
    const prev = latest.get(key);
    if (!prev || o.available > prev.available || (o.available === prev.available && o.batch > prev.batch)) {
      latest.set(key, o);
    }
  }
  const series = [...latest.values()].sort((a, b) => a.event - b.event || (a.seq ?? 0) - (b.seq ?? 0));
  const none = { news_asof: null, news_mean_5d: null, news_sum_3: null, news_count_2d: null };
  const last = series.at(-1);
  if (!last) return none;
  const present = (os: Obs[]) => os.flatMap((o) => (o.sentiment === null ? [] : [o.sentiment]));
  const inDays = (days: number) => present(series.filter((o) => o.event > last.event - days * 24));
  const mean5 = inDays(5);
  const last3 = present(series.slice(-3));
  const values: Record<FeatureName, number | null> = {
    news_asof: last.sentiment,
    news_mean_5d: mean5.length ? mean5.reduce((a, b) => a + b, 0) / mean5.length : null,
    news_sum_3: last3.length ? last3.reduce((a, b) => a + b, 0) : null,
    news_count_2d: inDays(2).length - 1,
  };
  const age = tUs - (T0_US + last.event * HOUR_US);
  for (const name of Object.keys(FEATURES) as FeatureName[]) {
    if (age > FEATURES[name].ttlHours * HOUR_US) values[name] = null;
  }
  return values;
}

describe.each(testDatabaseKinds())('as-of series over raw event times on %s', (kind) => {
  let h: Harness;
  let refs: Record<FeatureName, string>;

  beforeAll(async () => {
    h = await createHarness(kind);
    const { db } = h.t.handle;
    await registerAltDataset(db, h.t.lake, NEWS);
    for (const batch of [B1, B2, B3]) {
      await writeObservations(
        h.t.lake,
        NEWS,
        batch.map((o) => ({
          entity: o.entity,
          eventTime: new Date((T0_US + o.event * HOUR_US) / 1000),
          seq: o.seq ?? 0,
          availableAt: new Date((T0_US + o.available * HOUR_US) / 1000),
          values: [o.sentiment, 1],
        })),
        batch[0]!.batch,
      );
    }
    const defined: Partial<Record<FeatureName, string>> = {};
    for (const [name, f] of Object.entries(FEATURES)) {
      const r = await h.gql(['researcher'], DEFINE, {
        i: { name, expression: f.expression, ttlSeconds: f.ttlHours * 3600, description: name },
      });
      expect(r.data.defineFeature, name).toMatchObject({ ok: true, feature: { inputs: ['vendor_news'] } });
      defined[name as FeatureName] = r.data.defineFeature.feature.ref;
    }
    refs = defined as Record<FeatureName, string>;
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('materializes every version of every row and matches an independent point-in-time computation at every t', async () => {
    const run = await h.gql(['service'], MATERIALIZE, {
      i: { features: Object.values(refs), universe: ['AAA', 'BBB'], waitSeconds: 60 },
    });
    expect(run.errors).toBeUndefined();
    expect(run.data.materializeFeatures.run).toMatchObject({ status: 'SUCCEEDED', error: null });
    expect(run.data.materializeFeatures.run.inputSnapshots.map((s: { dataset: string }) => s.dataset)).toEqual([
      'alt_vendor_news',
    ]);
    expect(run.data.materializeFeatures.run.rowsWritten).toBeGreaterThan(0);

    // Every 3 hours, and every publication instant exactly and 1 µs before.
    const instants = new Set<number>();
    for (let hour = -2; hour <= 420; hour += 3) instants.add(T0_US + hour * HOUR_US);
    for (const o of ALL) {
      instants.add(T0_US + o.available * HOUR_US);
      instants.add(T0_US + o.available * HOUR_US - 1);
    }
    const times = [...instants].sort((a, b) => a - b);
    const spine = ['AAA', 'BBB', 'CCC'].flatMap((entity) => times.map((t) => ({ entity, t: iso(t) })));
    await h.t.entitlements.grant({
      subject: 'user:rex',
      resource: 'vendor:NewsVendor',
      grantedBy: 'ada',
      reason: 'test',
    });
    const created = await h.gql(
      ['researcher'],
      CREATE,
      { i: { name: 'news_as_of', features: Object.values(refs), spine: { rows: spine } } },
      'rex',
    );
    expect(created.errors).toBeUndefined();
    expect(created.data.createTrainingSet.error).toBeNull();
    const id = created.data.createTrainingSet.trainingSet.id;
    const rows: { entity: string; t: string; values: Record<string, number | null> }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data: any; errors?: unknown } = await h.gql(
        ['researcher'],
        ROWS,
        { id, first: 1000, after },
        'rex',
      );
      expect(page.errors).toBeUndefined();
      const conn: { edges: { node: (typeof rows)[number] }[]; hasNextPage: boolean; endCursor: string } =
        page.data.trainingSet.rows;
      rows.push(...conn.edges.map((e) => e.node));
      if (!conn.hasNextPage) break;
      after = conn.endCursor;
    }
    expect(rows).toHaveLength(spine.length);
    let nonNull = 0;
    rows.forEach((row, i) => {
      const tUs = times[i % times.length]!;
      expect(row.entity).toBe(spine[i]!.entity);
      const expected = reference(row.entity, tUs);
      for (const name of Object.keys(FEATURES) as FeatureName[]) {
        const got = row.values[refs[name].replace('@', '__v')];
        const want = expected[name];
        const where = `${name} ${row.entity} ${iso(tUs)}`;
        if (want === null) expect(got, where).toBeNull();
        else {
          expect(got, where).toBeCloseTo(want, 12);
          nonNull++;
        }
      }
    });
    // Reading the licensed values is audited as for every alternative field.
    const audited = await h.t.audit.query({ actor: 'rex', limit: 20 });
    expect(audited.map((e) => [e.action, e.resource])).toContainEqual(['read:licensed-data', `training-set:${id}`]);
    // The data reaches the cases it was written for, not only nulls.
    expect(nonNull).toBeGreaterThan(1000);
    // Spot checks, by hand: at 100h the late 50h observation and the correction of the 30h tie
    // arrive together; at 97h the series still ends at 60h, whose 5-day window holds 0.5, 1.25
    // (corrected at 70h), -0.25, 0.75 and 1.5.
    const at = (entity: string, hour: number) =>
      rows[['AAA', 'BBB', 'CCC'].indexOf(entity) * times.length + times.indexOf(T0_US + hour * HOUR_US)]!.values;
    expect(at('AAA', 97)[refs.news_mean_5d.replace('@', '__v')]).toBeCloseTo((0.5 + 1.25 - 0.25 + 0.75 + 1.5) / 5, 12);
    // At 150h the last three observations are 60h, 130h (null, skipped) and 140h.
    expect(at('AAA', 150)[refs.news_sum_3.replace('@', '__v')]).toBe(1.5 + 0.25);
    expect(at('AAA', 150)[refs.news_asof.replace('@', '__v')]).toBe(0.25);
  });

  it('writes nothing when run again with nothing new', async () => {
    const run = await h.gql(['service'], MATERIALIZE, {
      i: { features: Object.values(refs), universe: ['AAA', 'BBB'], waitSeconds: 60 },
    });
    expect(run.data.materializeFeatures.run).toMatchObject({ status: 'SUCCEEDED', rowsWritten: 0 });
  });

  it('denies a training set over the licensed dataset without an entitlement', async () => {
    const created = await h.gql(
      ['researcher'],
      CREATE,
      { i: { name: 'denied', features: [refs.news_asof], spine: { rows: [{ entity: 'AAA', t: iso(T0_US) }] } } },
      'eve',
    );
    expect(created.data.createTrainingSet).toMatchObject({
      ok: false,
      error: { code: 'NOT_ENTITLED', message: expect.stringMatching(/needs an entitlement to dataset:vendor_news/) },
    });
    const audited = await h.t.audit.query({ actor: 'eve', limit: 10 });
    expect(audited.map((e) => [e.action, e.resource])).toContainEqual(['denied:licensed-data', 'dataset:vendor_news']);
  });

  it('refuses misuse with errors that name the problem', async () => {
    const define = async (expression: string) =>
      (await h.gql(['researcher'], DEFINE, { i: { name: 'bad', expression, description: 'bad' } })).data.defineFeature;
    expect(await define('Mean($close, 5d)')).toMatchObject({
      ok: false,
      error: { reason: 'CLOCK', message: expect.stringMatching(/\$close is a market field on the session clock/) },
    });
    expect(await define('Mean($vendor_news.sentiment, 0d)')).toMatchObject({
      ok: false,
      error: { reason: 'ARGUMENT', message: 'Mean expects a positive time window, got 0d at 1:30' },
    });
    expect(await define('Mean($vendor_news.sentiment_mean, 5d)')).toMatchObject({
      ok: false,
      error: { reason: 'CLOCK', message: expect.stringMatching(/session aggregate/) },
    });
    const session = await h.gql(['researcher'], DEFINE, {
      i: { name: 'news_session', expression: '$vendor_news.sentiment_mean', description: 'per session' },
    });
    expect(session.data.defineFeature.ok).toBe(true);
    const mixed = await h.gql(['service'], MATERIALIZE, {
      i: { features: [refs.news_asof, 'news_session'], universe: ['AAA'], waitSeconds: 0 },
    });
    expect(mixed.data.materializeFeatures.error).toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/features on different clocks cannot be materialized together/),
    });
  });
});
