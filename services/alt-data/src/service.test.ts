import { randomUUID } from 'node:crypto';
import type { Role } from '@alphagraph/auth';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoObservations } from './demo/load-observations.ts';
import { seedDemoCatalog } from './demo/seed.ts';
import { createAltData } from './service.ts';

const TWEETS = `query($first: Int, $after: String, $asOf: DateTime) {
  dataset(name: "stocknet_tweets") {
    name
    observations(entities: ["AAPL"], fields: ["sentiment"], first: $first, after: $after, asOf: $asOf) {
      edges { cursor node { entity eventTime seq availableAt values } }
      hasNextPage endCursor asOf
    }
  }
}`;
const DAILY = `{ tweetSentimentDaily(entities: ["AAPL"], first: 2) {
  edges { node { entity session tweetCount meanSentiment availableAt } } } }`;

describe.each(testDatabaseKinds())('alt-data licensed values on %s', (kind) => {
  let t: TestRuntime;
  let service: Awaited<ReturnType<typeof createAltData>>;
  const run = async (roles: Role[], user: string, query: string, variables?: Record<string, unknown>) => {
    const requestId = randomUUID();
    const result = await executeSubgraph({
      name: 'alt-data',
      resolvers: service.resolvers,
      context: await service.context({ ...scopeFor(roles, user), requestId }),
      decidePolicy: service.decidePolicy,
      query,
      variables,
    });
    return { ...result, requestId };
  };
  const auditOf = (actor: string) => t.audit.query({ actor, limit: 100 });
  const grant = (subject: string, resource: string) =>
    service.stores.licensing.entitlements.grant({ subject, resource, grantedBy: 'test-admin', reason: 'test' });

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    service = await createAltData(t);
    const datasets = await seedDemoCatalog(service.stores);
    await loadDemoObservations({ stores: service.stores, datasets, log: () => {} });
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('shows a viewer every dataset’s metadata and schema, but no values', async () => {
    const meta = await run(
      ['viewer'],
      'vera',
      '{ datasets { name licence licensed latencySeconds availability entityKind vendor { name } fields { name type unit } } }',
    );
    expect(meta.errors).toBeUndefined();
    const byName = Object.fromEntries((meta.data as any).datasets.map((d: any) => [d.name, d]));
    expect(Object.keys(byName)).toEqual(['cboe_vix_daily', 'eia_wti_spot_daily', 'stocknet_tweets']);
    expect(byName.stocknet_tweets).toMatchObject({
      licensed: true,
      availability: 'available_at = event time + 60 s',
      entityKind: 'INSTRUMENT',
      vendor: { name: 'StockNet' },
      fields: [
        { name: 'sentiment', type: 'FLOAT', unit: null },
        { name: 'tokens', type: 'INT', unit: 'tokens' },
      ],
    });
    expect(byName.cboe_vix_daily).toMatchObject({
      licensed: false,
      availability: 'available_at = 16:15 America/New_York on the event date + 0 s',
      vendor: { name: 'CBOE' },
    });
    expect(byName.eia_wti_spot_daily).toMatchObject({ licensed: false, latencySeconds: 864_000 });
    const values = await run(['viewer'], 'vera', TWEETS);
    expect((values.data as any).dataset).toEqual({ name: 'stocknet_tweets', observations: null });
    expect(values.errors?.[0]?.message).toBe(
      'Dataset.observations requires role researcher or trader or compliance or service; you have viewer',
    );
  });

  it('refuses a researcher without an entitlement, naming the dataset, and audits the denial, not a read', async () => {
    for (const query of [TWEETS, DAILY]) {
      const denied = await run(['researcher'], 'rita', query);
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(denied.errors?.[0]?.message).toMatch(
        /dataset stocknet_tweets is licensed from StockNet; reading its values needs an entitlement to dataset:stocknet_tweets or vendor:StockNet/,
      );
    }
    const audit = await auditOf('rita');
    expect(audit.map((e) => [e.action, e.resource])).toEqual([
      ['denied:licensed-data', 'dataset:stocknet_tweets'],
      ['denied:licensed-data', 'dataset:stocknet_tweets'],
    ]);
  });

  it('admits an entitled researcher and writes one audit row per read with who, fields, rows and request id', async () => {
    await grant('user:rita', 'dataset:stocknet_tweets');
    const read = await run(['researcher'], 'rita', TWEETS, { first: 3 });
    expect(read.errors).toBeUndefined();
    const page = (read.data as any).dataset.observations;
    expect(page.edges.map((e: any) => [e.node.entity, e.node.eventTime, e.node.availableAt, e.node.values])).toEqual([
      ['AAPL', '2013-12-31T23:10:08.000Z', '2013-12-31T23:11:08.000Z', { sentiment: 0 }],
      ['AAPL', '2014-01-01T01:18:36.000Z', '2014-01-01T01:19:36.000Z', { sentiment: 0 }],
      ['AAPL', '2014-01-01T01:52:31.000Z', '2014-01-01T01:53:31.000Z', { sentiment: 0.181818 }],
    ]);
    const [row, ...older] = await auditOf('rita');
    expect(older.every((e) => e.action === 'denied:licensed-data')).toBe(true);
    expect(row).toMatchObject({
      action: 'read:licensed-data',
      resource: 'dataset:stocknet_tweets',
      roles: ['researcher'],
      requestId: read.requestId,
      details: { dataset: 'stocknet_tweets', vendor: 'StockNet', fields: ['sentiment'], rows: 3 },
    });
    const daily = await run(['researcher'], 'rita', DAILY);
    expect((daily.data as any).tweetSentimentDaily.edges.map((e: any) => e.node)).toEqual([
      // The first tweet (2013-12-31 18:10 New York) is after that day's close: it counts for 2014-01-02.
      expect.objectContaining({
        entity: 'AAPL',
        session: '2014-01-02',
        tweetCount: 37,
        availableAt: '2014-01-02T21:01:00.000Z',
      }),
      expect.objectContaining({ entity: 'AAPL', session: '2014-01-03', availableAt: '2014-01-03T21:01:00.000Z' }),
    ]);
    expect((await auditOf('rita'))[0]).toMatchObject({
      requestId: daily.requestId,
      details: { view: 'Query.tweetSentimentDaily', fields: ['sentiment'], rows: 2 },
    });
  });

  it('admits grants to a role or to the vendor, and denies again after a revoke', async () => {
    await grant('role:trader', 'vendor:StockNet');
    expect((await run(['trader'], 'tom', DAILY)).errors).toBeUndefined();
    expect((await run(['researcher'], 'rob', DAILY)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await service.stores.licensing.entitlements.revoke({
      subject: 'role:trader',
      resource: 'vendor:StockNet',
      revokedBy: 'x',
    });
    expect((await run(['trader'], 'tom', DAILY)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('lets compliance see entitlements but no licensed values unless entitled', async () => {
    const listed = await run(['compliance'], 'carol', '{ entitlements { subject resource } }');
    expect((listed.data as any).entitlements).toContainEqual({
      subject: 'user:rita',
      resource: 'dataset:stocknet_tweets',
    });
    expect((await run(['compliance'], 'carol', TWEETS)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await grant('user:carol', 'dataset:stocknet_tweets');
    expect((await run(['compliance'], 'carol', TWEETS)).errors).toBeUndefined();
  });

  it('serves public datasets to every role the field admits, without entitlement or audit', async () => {
    const vix = await run(
      ['researcher'],
      'pia',
      `{ dataset(name: "cboe_vix_daily") { observations(from: "2016-01-04T00:00:00Z", first: 1) {
          edges { node { entity eventTime availableAt values } } } } }`,
    );
    expect((vix.data as any).dataset.observations.edges[0].node).toEqual({
      entity: 'MARKET',
      eventTime: '2016-01-04T00:00:00.000Z',
      availableAt: '2016-01-04T21:15:00.000Z',
      values: { open: 22.48, high: 23.36, low: 20.67, close: 20.7 },
    });
    expect(await auditOf('pia')).toEqual([]);
    const analyst = await run(
      ['analyst'],
      'ann',
      '{ dataset(name: "cboe_vix_daily") { observations { hasNextPage } } }',
    );
    expect(analyst.errors?.[0]?.message).toMatch(/^Dataset.observations requires role researcher/);
  });

  it('pages with cursors pinned to the first page, and refuses a cursor of another listing', async () => {
    const first = await run(['researcher'], 'rita', TWEETS, { first: 2, asOf: '2014-01-02T00:00:00Z' });
    const p1 = (first.data as any).dataset.observations;
    expect(p1.asOf).toBe('2014-01-02T00:00:00.000Z');
    const next = await run(['researcher'], 'rita', TWEETS, { first: 2, after: p1.endCursor });
    const p2 = (next.data as any).dataset.observations;
    expect(p2.asOf).toBe(p1.asOf);
    const all = await run(['researcher'], 'rita', TWEETS, { first: 4, asOf: '2014-01-02T00:00:00Z' });
    const ids = (p: any) => p.edges.map((e: any) => `${e.node.eventTime}/${e.node.seq}`);
    expect([...ids(p1), ...ids(p2)]).toEqual(ids((all.data as any).dataset.observations));
    const moved = await run(['researcher'], 'rita', TWEETS, { after: p1.endCursor, asOf: '2015-01-01T00:00:00Z' });
    expect(moved.errors?.[0]?.message).toMatch(/the cursor reads as of 2014-01-02T00:00:00.000Z/);
    const foreign = await run(
      ['researcher'],
      'rita',
      `{ tweetSentimentDaily(after: "${p1.endCursor}") { hasNextPage } }`,
    );
    expect(foreign.errors?.[0]?.message).toMatch(/is not a cursor from this list/);
    const fields = await run(
      ['researcher'],
      'rita',
      '{ dataset(name: "stocknet_tweets") { observations(fields: ["text"]) { hasNextPage } } }',
    );
    expect(fields.errors?.[0]?.message).toBe(
      'observations: stocknet_tweets has no field text; its fields are sentiment, tokens',
    );
  });

  it('holds an entity reference (_entities) to the same rule', async () => {
    const [tweets] = await service.stores.datasets.byNames(['stocknet_tweets']);
    const result = await run(
      ['researcher'],
      'rob',
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on Dataset { name observations { hasNextPage } } } }',
      { r: [{ __typename: 'Dataset', id: tweets!.id }] },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.errors?.[0]?.path).toEqual(['_entities', 0, 'observations']);
  });
});
