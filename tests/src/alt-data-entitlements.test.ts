import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const META = `{ dataset(name: "stocknet_tweets") {
  name description licence licensed availability vendor { name } fields { name type }
  coverage { symbol name } entities } }`;
const VALUES = `{ dataset(name: "stocknet_tweets") {
  name licensed
  observations(entities: ["AAPL"], from: "2014-01-02T00:00:00Z", first: 2) {
    edges { node { entity eventTime availableAt values } } hasNextPage } } }`;
const DAILY = `{ tweetSentimentDaily(entities: ["AAPL"], first: 1) {
  edges { node { entity session tweetCount meanSentiment availableAt } } } }`;
const GRANT = `mutation($i: GrantEntitlementInput!) { grantEntitlement(input: $i) { ok error { message } } }`;
const REVOKE = `mutation($s: String!, $r: String!) { revokeEntitlement(subject: $s, resource: $r) { ok error { message } } }`;
const AUDIT = `query($f: AuditFilter) { auditLog(filter: $f) { actor roles action resource details requestId } }`;

describe('alternative-data entitlements through the platform', () => {
  let p: TestPlatform;
  let researcher: string;
  let admin: string;
  let compliance: string;

  beforeAll(async () => {
    p = await startTestPlatform();
    researcher = await p.token(['researcher'], 'rex');
    admin = await p.token(['admin'], 'ada');
    compliance = await p.token(['compliance'], 'cleo');
  });
  afterAll(async () => {
    await p?.dispose();
  });

  const denial = (body: { errors?: { message: string; extensions?: Record<string, unknown> }[] }) => {
    const e = body.errors?.find((x) => x.extensions?.code === 'FORBIDDEN');
    expect(e?.message).toMatch(
      /dataset stocknet_tweets is licensed from StockNet; reading its values needs an entitlement to dataset:stocknet_tweets or vendor:StockNet/,
    );
  };

  it('loaded the demo alternative data on first start', async () => {
    const body = await p.query('{ datasets { name licensed vendor { name } } }', {}, { token: researcher });
    expect(body.data.datasets).toEqual([
      { name: 'cboe_vix_daily', licensed: false, vendor: { name: 'CBOE' } },
      { name: 'eia_wti_spot_daily', licensed: false, vendor: { name: 'U.S. EIA' } },
      { name: 'stocknet_tweets', licensed: true, vendor: { name: 'StockNet' } },
    ]);
    const vix = await p.query(
      '{ dataset(name: "cboe_vix_daily") { observations(from: "2016-07-01T00:00:00Z", first: 1) { edges { node { availableAt values } } } } }',
      {},
      { token: researcher },
    );
    expect(vix.data.dataset.observations.edges[0].node).toEqual({
      availableAt: '2016-07-01T20:15:00.000Z',
      values: { open: 15.59, high: 15.86, low: 14.61, close: 14.77 },
    });
  });

  it('shows metadata to a researcher and a viewer without entitlement, but no values', async () => {
    for (const token of [researcher, await p.token(['viewer'], 'val')]) {
      const meta = await p.query(META, {}, { token });
      expect(meta.errors).toBeUndefined();
      expect(meta.data.dataset).toMatchObject({
        name: 'stocknet_tweets',
        licensed: true,
        vendor: { name: 'StockNet' },
      });
      expect(meta.data.dataset.fields).toEqual([
        { name: 'sentiment', type: 'FLOAT' },
        { name: 'tokens', type: 'INT' },
      ]);
      // Coverage resolves in market-data's instrument master; entities lists every ticker with data.
      expect(meta.data.dataset.coverage).toHaveLength(58);
      expect(meta.data.dataset.coverage).toContainEqual({ symbol: 'AAPL', name: expect.any(String) });
      expect(meta.data.dataset.entities).toHaveLength(87);
      expect(meta.data.dataset.entities).toContain('BABA');
    }
    const values = await p.query(VALUES, {}, { token: researcher });
    expect(values.data.dataset).toMatchObject({ name: 'stocknet_tweets', licensed: true, observations: null });
    denial(values);
    denial(await p.query(DAILY, {}, { token: researcher }));
  });

  it('after a grant values arrive and each read is audited; after a revoke they are denied again', async () => {
    const granted = await p.query(
      GRANT,
      { i: { subject: 'user:rex', resource: 'dataset:stocknet_tweets', reason: 'licence L-7' } },
      { token: admin },
    );
    expect(granted.data.grantEntitlement).toEqual({ ok: true, error: null });
    const requestId = randomUUID();
    const read = await p.query(VALUES, {}, { token: researcher, headers: { 'x-request-id': requestId } });
    expect(read.errors).toBeUndefined();
    expect(read.data.dataset.observations.edges.map((e: any) => e.node)).toEqual([
      {
        entity: 'AAPL',
        eventTime: '2014-01-02T04:31:32.000Z',
        availableAt: '2014-01-02T04:32:32.000Z',
        values: { sentiment: 0.090909, tokens: 11 },
      },
      expect.objectContaining({ entity: 'AAPL' }),
    ]);
    const daily = await p.query(DAILY, {}, { token: researcher });
    expect(daily.data.tweetSentimentDaily.edges[0].node).toMatchObject({ session: '2014-01-02', tweetCount: 37 });

    const reads = await p.query(AUDIT, { f: { actor: 'rex', action: 'read:licensed-data' } }, { token: compliance });
    expect(reads.errors).toBeUndefined();
    expect(reads.data.auditLog).toHaveLength(2);
    expect(reads.data.auditLog.find((e: any) => e.requestId === requestId)).toMatchObject({
      actor: 'rex',
      roles: ['researcher'],
      resource: 'dataset:stocknet_tweets',
      details: { dataset: 'stocknet_tweets', fields: ['sentiment', 'tokens'], rows: 2, view: 'Dataset.observations' },
    });

    const revoked = await p.query(REVOKE, { s: 'user:rex', r: 'dataset:stocknet_tweets' }, { token: admin });
    expect(revoked.data.revokeEntitlement.ok).toBe(true);
    denial(await p.query(VALUES, {}, { token: researcher }));
    const after = await p.query(AUDIT, { f: { actor: 'rex' } }, { token: compliance });
    // Denied reads are logged as denied (before the grant and after the revoke), never as reads.
    expect(after.data.auditLog.map((e: any) => e.action)).toEqual([
      'denied:licensed-data',
      'read:licensed-data',
      'read:licensed-data',
      'denied:licensed-data',
      'denied:licensed-data',
    ]);
  });

  it('lets compliance see entitlements but no licensed values unless entitled', async () => {
    const listed = await p.query(
      '{ entitlements(includeRevoked: true) { subject resource active } }',
      {},
      { token: compliance },
    );
    expect(listed.data.entitlements).toContainEqual({
      subject: 'user:rex',
      resource: 'dataset:stocknet_tweets',
      active: false,
    });
    denial(await p.query(VALUES, {}, { token: compliance }));
  });

  it('holds a direct call to the alt-data subgraph to the same rules', async () => {
    const url = p.subgraphUrls['alt-data'];
    const direct = await p.query(VALUES, {}, { url, token: researcher });
    expect(direct.data.dataset).toMatchObject({ name: 'stocknet_tweets', observations: null });
    denial(direct);
    const anonymous = await p.query(VALUES, {}, { url, token: null });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    await p.query(
      GRANT,
      { i: { subject: 'role:researcher', resource: 'vendor:StockNet', reason: 'desk licence' } },
      {
        token: admin,
      },
    );
    const entitled = await p.query(VALUES, {}, { url, token: researcher });
    expect(entitled.errors).toBeUndefined();
    expect(entitled.data.dataset.observations.edges).toHaveLength(2);
    await p.query(REVOKE, { s: 'role:researcher', r: 'vendor:StockNet' }, { token: admin });
    denial(await p.query(VALUES, {}, { url, token: researcher }));
  });
});
