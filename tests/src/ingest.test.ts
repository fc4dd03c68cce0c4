import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const INGEST = /* GraphQL */ `
  mutation($input: IngestBarsInput!) {
    ingestBars(input: $input) {
      ok
      error { code message }
      report { id status inserted quarantined registeredInstruments issues { edges { node { file line rule outcome message } } } }
    }
  }
`;

const ROWS = [
  { symbol: 'ACME', time: '2016-03-11', open: 10, high: 11, low: 9, close: 10.5, volume: 1000 },
  { symbol: 'ACME', time: '2016-03-14', open: 10.5, high: 11.5, low: 10, close: 11, volume: 1200 },
  { symbol: 'ACME', time: '2016-03-15', open: 11, high: 12, low: 10.5, close: null, volume: 900 },
];

describe('ingestion through the gateway (real subgraph processes)', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform({ demo: false });
  });
  afterAll(async () => {
    await p?.dispose();
  });

  it('a service ingests a batch; analysts read the bars with their session-close availability', async () => {
    const denied = await p.query(INGEST, { input: { source: 'feed', mapping: 'all_stocks_5yr', rows: ROWS } });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const body = await p.query(
      INGEST,
      { input: { source: 'feed', mapping: 'all_stocks_5yr', rows: ROWS } },
      { token: await p.token(['service']) },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data.ingestBars).toMatchObject({
      ok: true,
      report: {
        status: 'COMMITTED',
        inserted: 2,
        quarantined: 1,
        registeredInstruments: ['ACME'],
        issues: {
          edges: [
            {
              node: {
                file: 'graphql:feed',
                line: 3,
                rule: 'MISSING_VALUE',
                outcome: 'QUARANTINED',
                message: 'missing close',
              },
            },
          ],
        },
      },
    });
    const bars = await p.query('{ instrument(symbol: "ACME") { bars { time close availableAt } } }');
    expect(bars.data.instrument.bars).toEqual([
      { time: '2016-03-11T00:00:00.000Z', close: 10.5, availableAt: '2016-03-11T21:00:00.000Z' },
      { time: '2016-03-14T00:00:00.000Z', close: 11, availableAt: '2016-03-14T20:00:00.000Z' },
    ]);
  });

  it('an admin reviews the quarantine and releases a row as a new batch', async () => {
    const held = await p.query('{ quarantinedBars { id symbol time reason batch { source } } }');
    expect(held.data.quarantinedBars).toMatchObject([
      {
        symbol: 'ACME',
        time: '2016-03-15T00:00:00.000Z',
        reason: 'missing_value: missing close',
        batch: { source: 'graphql:feed' },
      },
    ]);
    const release =
      'mutation($ids: [ID!]) { releaseQuarantinedBars(ids: $ids) { ok released report { inserted warnings } } }';
    const ids = [held.data.quarantinedBars[0].id];
    const refused = await p.query(release, { ids }, { token: await p.token(['service']) });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const released = await p.query(release, { ids }, { token: await p.token(['admin']) });
    expect(released.data.releaseQuarantinedBars).toEqual({
      ok: true,
      released: 1,
      report: { inserted: 1, warnings: 1 },
    });
    const bars = await p.query('{ instrument(symbol: "ACME") { bars(from: "2016-03-15T00:00:00Z") { time close } } }');
    expect(bars.data.instrument.bars).toEqual([{ time: '2016-03-15T00:00:00.000Z', close: null }]);
  });
});
