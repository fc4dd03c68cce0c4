import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDemoAltDatasets, TWEETS } from '../../test-support/alt.ts';
import { daysAgo, sessions } from '../../test-support/dates.ts';
import { syntheticBars, writeBars, writeObservations } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';

const ONLINE = `query($f: [String!]!) { onlineFeatures(entities: ["AAA"], features: $f) {
  rows { values { feature value status } } } }`;
const QUALITY = `query($ref: String!, $from: DateTime!, $to: DateTime!) {
  featureQuality(ref: $ref, from: $from, to: $to) { feature rows nulls } }`;

describe.each(testDatabaseKinds())('licensed lineage on %s', (kind) => {
  let h: Harness;
  const period = { from: `${daysAgo(40)}T00:00:00Z`, to: `${daysAgo(0)}T00:00:00Z` };

  beforeAll(async () => {
    h = await createHarness(kind);
    const days = sessions(daysAgo(40), daysAgo(2));
    await writeBars(h.t.lake, syntheticBars(['AAA'], days[0]!, days.at(-1)!));
    await registerDemoAltDatasets(h.t.handle.db, h.t.lake);
    await writeObservations(
      h.t.lake,
      TWEETS,
      days.map((d) => ({
        entity: 'AAA',
        eventTime: new Date(`${d}T15:00:00Z`),
        availableAt: new Date(`${d}T15:01:00Z`),
        values: [0.25, 3],
      })),
    );
    for (const [name, expression] of [
      ['tweets_3d', 'Sum($stocknet_tweets.count, 3)'],
      ['close_only', '$close'],
    ] as const) {
      const r = await h.gql(['researcher'], DEFINE, {
        i: { name, expression, ttlSeconds: 30 * 86_400, description: name },
      });
      expect(r.data.defineFeature.ok).toBe(true);
    }
    // One tweet per session: tweets_3d is 3 once three sessions are in. Materializing writes
    // values without revealing them: it needs no entitlement.
    const run = await h.gql(['service'], MATERIALIZE, {
      i: { features: ['tweets_3d', 'close_only'], universe: ['AAA'], waitSeconds: 60 },
    });
    expect(run.data.materializeFeatures.run.status).toBe('SUCCEEDED');
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('reveals no values of a feature over licensed tweets without an entitlement, and audits the refusal', async () => {
    const online = await h.gql(['researcher'], ONLINE, { f: ['close_only', 'tweets_3d'] }, 'rex');
    expect(online.data).toEqual({ onlineFeatures: null });
    expect(online.errors?.[0]).toMatchObject({
      message:
        'Query.onlineFeatures: the feature reads dataset stocknet_tweets, licensed from StockNet; reading its values needs ' +
        'an entitlement to dataset:stocknet_tweets or vendor:StockNet, and user rex (roles researcher) holds none. ' +
        'An admin can grant one with grantEntitlement.',
      extensions: { code: 'FORBIDDEN' },
    });
    const quality = await h.gql(['analyst'], QUALITY, { ref: 'tweets_3d', ...period }, 'ana');
    expect(quality.data).toEqual({ featureQuality: null });
    expect(quality.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // A feature over bars only needs no entitlement.
    const bars = await h.gql(['researcher'], ONLINE, { f: ['close_only'] }, 'rex');
    expect(bars.errors).toBeUndefined();
    expect(bars.data.onlineFeatures.rows[0].values[0].status).toBe('CURRENT');

    const denials = await h.t.audit.query({ actor: 'rex', limit: 10 });
    expect(denials.map((e) => [e.action, e.resource, e.details.field])).toEqual([
      ['denied:licensed-data', 'dataset:stocknet_tweets', 'Query.onlineFeatures'],
    ]);
  });

  it('serves an entitled caller and records the licensed read', async () => {
    await h.t.entitlements.grant({
      subject: 'user:rex',
      resource: 'vendor:StockNet',
      grantedBy: 'ada',
      reason: 'test',
    });
    const online = await h.gql(['researcher'], ONLINE, { f: ['tweets_3d'] }, 'rex');
    expect(online.errors).toBeUndefined();
    expect(online.data.onlineFeatures.rows[0].values[0]).toEqual({
      feature: 'tweets_3d@1',
      value: 3,
      status: 'CURRENT',
    });
    const reads = (await h.t.audit.query({ actor: 'rex', limit: 10 })).filter((e) => e.action === 'read:licensed-data');
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({
      resource: 'dataset:stocknet_tweets',
      details: {
        dataset: 'stocknet_tweets',
        vendor: 'StockNet',
        view: 'Query.onlineFeatures',
        features: ['tweets_3d@1'],
        entities: 1,
      },
    });
    const quality = await h.gql(['researcher'], QUALITY, { ref: 'tweets_3d', ...period }, 'rex');
    expect(quality.errors).toBeUndefined();
    expect(quality.data.featureQuality).toMatchObject({ feature: 'tweets_3d@1', nulls: 0 });
  });
});
