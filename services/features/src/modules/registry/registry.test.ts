import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerAltDataset } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness } from '../../test-support/harness.ts';

const define = (h: Harness, input: Record<string, unknown>, user = 'rita') =>
  h.gql(['researcher'], DEFINE, { i: { ttlSeconds: 86_400, description: 'test feature', ...input } }, user);

describe.each(testDatabaseKinds())('feature registry on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
    await registerAltDataset(h.t.handle.db, h.t.lake, {
      name: 'stocknet_tweets',
      vendor: 'StockNet',
      licensed: true,
      entityKind: 'instrument',
      latencySeconds: 60,
      fields: [
        { name: 'sentiment', type: 'float' },
        { name: 'tokens', type: 'int' },
      ],
    });
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('versions a changed expression, keeps a reformatted one, and pins old versions', async () => {
    const v1 = await define(h, { name: 'mom_5', expression: '$close/Ref($close,5)-1', tags: ['momentum'] });
    expect(v1.errors).toBeUndefined();
    expect(v1.data.defineFeature).toMatchObject({
      ok: true,
      created: true,
      feature: {
        ref: 'mom_5@1',
        owner: 'rita',
        expression: '$close / Ref($close, 5) - 1',
        inputs: ['bars'],
        lookback: 5,
        entity: 'INSTRUMENT',
        status: 'ACTIVE',
      },
    });
    // The same tree written differently is the same version; a new description is metadata.
    const same = await define(h, {
      name: 'mom_5',
      expression: '( $close / Ref( $close , 5 ) ) - 1',
      description: 'five-day momentum',
    });
    expect(same.data.defineFeature).toMatchObject({ ok: true, created: false, feature: { version: 1 } });
    const v2 = await define(h, { name: 'mom_5', expression: 'Mean($close, 5) / Ref($close, 5) - 1' });
    expect(v2.data.defineFeature).toMatchObject({ created: true, feature: { ref: 'mom_5@2', lookback: 5 } });
    const ttl = await define(h, { name: 'mom_5', expression: 'Mean($close, 5) / Ref($close, 5) - 1', ttlSeconds: 7 });
    expect(ttl.data.defineFeature.feature.ref).toBe('mom_5@3');

    const read = await h.gql(
      ['analyst'],
      '{ v1: feature(ref: "mom_5@1") { ref expression description } latest: feature(ref: "mom_5") { ref ttlSeconds } all: features(name: "mom_5", allVersions: true) { ref } }',
    );
    expect(read.data).toEqual({
      v1: { ref: 'mom_5@1', expression: '$close / Ref($close, 5) - 1', description: 'five-day momentum' },
      latest: { ref: 'mom_5@3', ttlSeconds: 7 },
      all: [{ ref: 'mom_5@3' }, { ref: 'mom_5@2' }, { ref: 'mom_5@1' }],
    });
  });

  it('refuses bad expressions with the position of the problem', async () => {
    const cases: [string, { reason: string; line: number; column: number; message: RegExp }][] = [
      [
        'Mean($close, -3)',
        { reason: 'ARGUMENT', line: 1, column: 14, message: /positive integer window, got -3 at 1:14/ },
      ],
      ['$close / Ref($close, -1)', { reason: 'LOOKAHEAD', line: 1, column: 22, message: /reads the future/ }],
      ['$close +\n  $vwap', { reason: 'UNKNOWN_FIELD', line: 2, column: 3, message: /\$vwap/ }],
      ['$stocknet_tweets.nope', { reason: 'UNKNOWN_FIELD', line: 1, column: 1, message: /no dataset provides it/ }],
      ["read_csv('/etc/passwd')", { reason: 'UNKNOWN_OPERATOR', line: 1, column: 1, message: /read_csv/ }],
      ['$close; DROP TABLE x', { reason: 'SYNTAX', line: 1, column: 7, message: /at 1:7/ }],
    ];
    for (const [expression, expected] of cases) {
      const result = await define(h, { name: 'broken', expression });
      expect(result.errors).toBeUndefined();
      expect(result.data.defineFeature, expression).toMatchObject({
        ok: false,
        feature: null,
        error: {
          code: 'BAD_EXPRESSION',
          field: 'expression',
          reason: expected.reason,
          line: expected.line,
          column: expected.column,
        },
      });
      expect(result.data.defineFeature.error.message, expression).toMatch(expected.message);
    }
    const badName = await define(h, { name: 'Bad-Name', expression: '$close' });
    expect(badName.data.defineFeature.error).toMatchObject({ code: 'BAD_INPUT', field: 'name' });
    const none = await h.gql(['analyst'], '{ features(name: "broken") { ref } }');
    expect(none.data.features).toEqual([]);
  });

  it('derives lineage from the expression and answers it both ways', async () => {
    const tweets = await define(h, {
      name: 'tweet_mood',
      expression: 'Mean($stocknet_tweets.sentiment_mean, 3) * $stocknet_tweets.count / $volume',
    });
    expect(tweets.data.defineFeature.feature.inputs).toEqual(['bars', 'stocknet_tweets']);
    const lineage = await h.gql(
      ['viewer'],
      '{ t: datasetLineage(dataset: "stocknet_tweets") { dataset features { ref } } b: datasetLineage(dataset: "bars") { features { ref } } }',
    );
    expect(lineage.data.t).toEqual({ dataset: 'stocknet_tweets', features: [{ ref: 'tweet_mood@1' }] });
    expect(lineage.data.b.features.map((f: { ref: string }) => f.ref)).toEqual([
      'mom_5@3',
      'mom_5@2',
      'mom_5@1',
      'tweet_mood@1',
    ]);
  });

  it('defines feature sets that pin versions', async () => {
    const set = await h.gql(
      ['researcher'],
      `mutation { defineFeatureSet(input: { name: "momentum", description: "m", features: ["mom_5@1", "tweet_mood"] }) {
         ok error { code message } featureSet { name refs size features { ref } } } }`,
    );
    expect(set.data.defineFeatureSet).toEqual({
      ok: true,
      error: null,
      featureSet: {
        name: 'momentum',
        refs: ['mom_5@1', 'tweet_mood@1'],
        size: 2,
        features: [{ ref: 'mom_5@1' }, { ref: 'tweet_mood@1' }],
      },
    });
    const dup = await h.gql(
      ['researcher'],
      'mutation { defineFeatureSet(input: { name: "dup", description: "d", features: ["mom_5@1", "mom_5@2"] }) { ok error { code } } }',
    );
    expect(dup.data.defineFeatureSet).toEqual({ ok: false, error: { code: 'BAD_INPUT' } });
    const denied = await h.gql(['analyst'], DEFINE, {
      i: { name: 'x', description: 'x', expression: '$close', ttlSeconds: 1 },
    });
    expect(denied.errors?.[0]?.message).toBe('Mutation.defineFeature requires role researcher; you have analyst');
  });

  it('TTL: none at all (noTtl), the longest storage holds, and nothing longer', async () => {
    const none = await define(h, { name: 'ttl_none', expression: '$close', ttlSeconds: undefined, noTtl: true });
    expect(none.data.defineFeature).toMatchObject({ ok: true, feature: { ref: 'ttl_none@1', ttlSeconds: null } });
    // The same definition is the same version; giving it a TTL is a new one.
    const again = await define(h, { name: 'ttl_none', expression: '$close', ttlSeconds: undefined, noTtl: true });
    expect(again.data.defineFeature).toMatchObject({ created: false, feature: { ref: 'ttl_none@1' } });
    const bounded = await define(h, { name: 'ttl_none', expression: '$close', ttlSeconds: 60 });
    expect(bounded.data.defineFeature).toMatchObject({ created: true, feature: { ref: 'ttl_none@2', ttlSeconds: 60 } });

    // 2^31 - 1 seconds (about 68 years) is what the column holds: accepted and read back exactly.
    const longest = await define(h, { name: 'ttl_max', expression: '$close', ttlSeconds: 2_147_483_647 });
    expect(longest.data.defineFeature).toMatchObject({ ok: true, feature: { ttlSeconds: 2_147_483_647 } });
    // One more does not fit the graph's Int either: refused before the resolver, naming the value.
    const over = await define(h, { name: 'ttl_over', expression: '$close', ttlSeconds: 2_147_483_648 });
    expect(over.errors?.[0]?.message).toMatch(/ttlSeconds.*2147483648|2147483648.*ttlSeconds|Int cannot represent/);
    const both = await define(h, { name: 'ttl_both', expression: '$close', ttlSeconds: 60, noTtl: true });
    expect(both.data.defineFeature).toMatchObject({
      ok: false,
      error: {
        code: 'BAD_INPUT',
        field: 'ttlSeconds',
        message: 'ttlSeconds: pass either ttlSeconds or noTtl: true, not both',
      },
    });
  });
});
