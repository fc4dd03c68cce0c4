import type { Role } from '@alphagraph/auth';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarketData } from '../../service.ts';

const INGEST = /* GraphQL */ `
  mutation($input: IngestBarsInput!) {
    ingestBars(input: $input) {
      ok
      error { code message }
      report {
        id status rowsRead accepted inserted quarantined rejected warnings registeredInstruments
        rules { rule action rows }
        issues(outcomes: [QUARANTINED, REJECTED]) { edges { node { file line symbol time rule outcome message } } }
      }
    }
  }
`;

const rows = [
  { symbol: 'ACME', time: '2016-03-14', open: 10, high: 11, low: 9, close: 10.5, volume: 1000 },
  { symbol: 'ACME', time: '2016-03-15', open: 10.5, high: 10, low: 11, close: 10.75, volume: 1000 },
  { symbol: 'NOPE', time: '2016-03-15', open: 1, high: 1, low: 1, close: 1, volume: 1 },
];

describe.each(testDatabaseKinds())('ingestion through GraphQL on %s', (kind) => {
  let t: TestRuntime;
  let service: Awaited<ReturnType<typeof createMarketData>>;
  const run = async (roles: Role[], query: string, variables?: Record<string, unknown>) =>
    executeSubgraph({
      name: 'market-data',
      resolvers: service.resolvers,
      context: await service.context(scopeFor(roles)),
      query,
      variables,
    });

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    service = await createMarketData(t);
    await service.stores.instruments.ensure([
      {
        symbol: 'ACME',
        name: 'Acme',
        exchange: 'US',
        assetClass: 'equity',
        currency: 'USD',
        timezone: 'America/New_York',
        calendar: 'XNYS',
      },
    ]);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('lists the rules with their defaults and fixes, and the declared mappings', async () => {
    const r = await run(
      ['viewer'],
      '{ ingestRules { rule defaultAction allowedActions fix } ingestMappings { name interval fixedSymbol timeFormat } }',
    );
    expect(r.errors).toBeUndefined();
    const data = r.data as any;
    expect(data.ingestRules).toContainEqual({
      rule: 'HIGH_BELOW_LOW',
      defaultAction: 'QUARANTINE',
      allowedActions: ['REJECT', 'QUARANTINE', 'FIX', 'WARN'],
      fix: 'swap high and low',
    });
    expect(data.ingestMappings.map((m: any) => m.name)).toEqual([
      'all_stocks_5yr',
      'stocknet_prices',
      'goog_daily',
      'eurusd_hourly',
      'btc_usd_hourly',
    ]);
  });

  it('refuses ingestion to an analyst and accepts it from a service, returning the report', async () => {
    const denied = await run(['analyst'], INGEST, { input: { source: 'feed', interval: 'DAY', rows } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const r = await run(['service'], INGEST, { input: { source: 'feed', interval: 'DAY', rows } });
    expect(r.errors).toBeUndefined();
    const { ok, report } = (r.data as any).ingestBars;
    expect(ok).toBe(true);
    expect(report).toMatchObject({
      status: 'COMMITTED',
      rowsRead: 3,
      accepted: 1,
      inserted: 1,
      quarantined: 1,
      rejected: 1,
    });
    expect(report.rules).toContainEqual({ rule: 'HIGH_BELOW_LOW', action: 'QUARANTINE', rows: 1 });
    expect(report.issues.edges.map((e: any) => e.node)).toEqual([
      {
        file: 'graphql:feed',
        line: 2,
        symbol: 'ACME',
        time: '2016-03-15T00:00:00.000Z',
        rule: 'HIGH_BELOW_LOW',
        outcome: 'QUARANTINED',
        message: 'high 10 is below low 11',
      },
      {
        file: 'graphql:feed',
        line: 3,
        symbol: 'NOPE',
        time: '2016-03-15T00:00:00.000Z',
        rule: 'UNKNOWN_INSTRUMENT',
        outcome: 'REJECTED',
        message: 'NOPE is not in the instrument master; register it or use a mapping that registers instruments',
      },
    ]);
  });

  it('returns a typed error for a batch it refuses as a whole', async () => {
    const r = await run(['admin'], INGEST, { input: { source: 'feed', mapping: 'no_such', rows } });
    expect((r.data as any).ingestBars).toMatchObject({ ok: false, report: null, error: { code: 'UNKNOWN_MAPPING' } });
    expect((r.data as any).ingestBars.error.message).toMatch(/declared mappings: all_stocks_5yr, stocknet_prices/);
    const bad = await run(['service'], INGEST, {
      input: { source: 'feed', interval: 'DAY', rows: [{ symbol: 'ACME', time: '14/03/2016', close: 1 }] },
    });
    expect((bad.data as any).ingestBars.error).toMatchObject({ code: 'WRONG_TYPE' });
  });

  it('registers instruments through a mapping that declares them', async () => {
    const r = await run(['service'], INGEST, {
      input: {
        source: 'coinbase',
        mapping: 'btc_usd_hourly',
        rows: [
          {
            time: '2024-01-01 00:00:00+00:00',
            open: 42288.58,
            high: 42543.64,
            low: 42261.58,
            close: 42452.66,
            volume: 379.2,
          },
        ],
      },
    });
    expect((r.data as any).ingestBars.report).toMatchObject({ inserted: 1, registeredInstruments: ['BTC-USD'] });
    const i = await run(
      ['analyst'],
      '{ instrument(symbol: "BTC-USD") { assetClass calendar bars(interval: HOUR, last: 1) { close availableAt } } }',
    );
    expect((i.data as any).instrument).toMatchObject({ assetClass: 'CRYPTO', calendar: '24x7' });
  });

  it('shows the quarantine to analysts; only an admin releases, as a new batch', async () => {
    const q = await run(
      ['analyst'],
      '{ quarantinedBars { id symbol time high low rules reason status batch { source } } }',
    );
    expect(q.errors).toBeUndefined();
    const held = (q.data as any).quarantinedBars;
    expect(held).toMatchObject([
      {
        symbol: 'ACME',
        high: 10,
        low: 11,
        rules: ['HIGH_BELOW_LOW'],
        status: 'HELD',
        batch: { source: 'graphql:feed' },
      },
    ]);
    const release = `mutation($ids: [ID!]) { releaseQuarantinedBars(ids: $ids) { ok released error { code } report { id inserted warnings source } } }`;
    const denied = await run(['service'], release, { ids: [held[0].id] });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const r = await run(['admin'], release, { ids: [held[0].id] });
    expect((r.data as any).releaseQuarantinedBars).toMatchObject({
      ok: true,
      released: 1,
      report: { inserted: 1, warnings: 1 },
    });
    const after = await run(
      ['admin'],
      '{ quarantinedBars(status: RELEASED) { status resolvedBy releaseBatch { id } } }',
    );
    expect((after.data as any).quarantinedBars).toEqual([
      {
        status: 'RELEASED',
        resolvedBy: 'test-admin',
        releaseBatch: { id: (r.data as any).releaseQuarantinedBars.report.id },
      },
    ]);
    const again = await run(['admin'], release, { ids: [held[0].id] });
    expect((again.data as any).releaseQuarantinedBars).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('lets an admin discard held rows, and lists reports newest first', async () => {
    await run(['service'], INGEST, {
      input: {
        source: 'feed2',
        interval: 'DAY',
        rows: [{ symbol: 'ACME', time: '2016-03-16', open: 1, high: 2, low: 1, close: -2, volume: 1 }],
      },
    });
    const held = (await run(['admin'], '{ quarantinedBars { id } }')).data as any;
    const d = await run(['admin'], 'mutation($ids: [ID!]!) { discardQuarantinedBars(ids: $ids) { ok discarded } }', {
      ids: held.quarantinedBars.map((h: any) => h.id),
    });
    expect((d.data as any).discardQuarantinedBars).toEqual({ ok: true, discarded: 1 });
    const reports = await run(['analyst'], '{ ingestReports(first: 10) { source status } }');
    expect((reports.data as any).ingestReports.map((r: any) => r.source)).toEqual([
      'graphql:feed2',
      expect.stringMatching(/^release:[0-9a-f-]{36}$/),
      'graphql:coinbase',
      'graphql:feed',
    ]);
  });
});
