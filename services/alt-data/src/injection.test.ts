import { createTokenVerifier } from '@alphagraph/auth';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { dependencyErrorsPlugin, type RunningSubgraph, startSubgraphServer } from '@alphagraph/service';
import { createTestRuntime, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoObservations } from './demo/load-observations.ts';
import { seedDemoCatalog } from './demo/seed.ts';
import { createAltData } from './service.ts';

/** Strings a hostile caller sends where alt-data takes names, entities, fields, filters and cursors. */
const HOSTILE = [
  "stocknet_tweets'; DROP TABLE alt.datasets; --",
  'stocknet_tweets" OR 1=1 --',
  "x' UNION SELECT * FROM read_csv('/etc/passwd') --",
  "'); COPY (SELECT 1) TO '/tmp/pwned.csv'; --",
  "'; ATTACH '/tmp/evil.db' AS evil; --",
  "'; INSTALL httpfs; LOAD httpfs; --",
  "getenv('HOME')",
  'AAPL\u0000',
  'ＡＡＰＬ', // full-width look-alikes
  'AAPL/*comment*/',
  '$$; SELECT 1; $$',
  '('.repeat(10_000),
  'x'.repeat(100_000),
];
const cursorOf = (text: string) => Buffer.from(text).toString('base64url');

describe.each(testDatabaseKinds())(
  'alt-data refuses hostile names, entities, fields, filters and cursors on %s',
  (kind) => {
    let t: TestRuntime;
    let service: Awaited<ReturnType<typeof createAltData>>;
    let server: RunningSubgraph;
    let token: string;
    /** Through the subgraph's HTTP server: its plugins (limits, NUL refusal, masking) apply as in production. */
    const run = async (query: string, variables: Record<string, unknown>) => {
      const res = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as {
        data?: unknown;
        errors?: { message: string; extensions?: Record<string, unknown> }[];
      };
    };

    beforeAll(async () => {
      t = await createTestRuntime(kind);
      service = await createAltData(t);
      const datasets = await seedDemoCatalog(service.stores);
      await loadDemoObservations({ stores: service.stores, datasets, log: () => {} });
      token = await testToken(['researcher', 'compliance', 'admin'], 'rita');
      server = await startSubgraphServer({
        name: 'alt-data',
        resolvers: service.resolvers,
        context: service.context,
        decidePolicy: service.decidePolicy,
        verifier: createTokenVerifier(TEST_AUTH),
        port: 0,
        host: '127.0.0.1',
        plugins: [dependencyErrorsPlugin()],
      });
      await service.stores.licensing.entitlements.grant({
        subject: 'user:rita',
        resource: 'dataset:stocknet_tweets',
        grantedBy: 'test-admin',
        reason: 'test',
      });
    });
    afterAll(async () => {
      await server?.stop();
      await t?.dispose();
    });

    const QUERIES: [string, string, (h: string) => Record<string, unknown>][] = [
      ['dataset(name:)', 'query($v: String) { dataset(name: $v) { name } }', (v) => ({ v })],
      ['dataset(id:)', 'query($v: ID) { dataset(id: $v) { name } }', (v) => ({ v })],
      [
        'observations(entities:)',
        'query($v: [String!]) { dataset(name: "stocknet_tweets") { observations(entities: $v, first: 5) { edges { node { entity } } } } }',
        (v) => ({ v: [v] }),
      ],
      [
        'observations(fields:)',
        'query($v: [String!]) { dataset(name: "cboe_vix_daily") { observations(fields: $v, first: 5) { edges { node { entity } } } } }',
        (v) => ({ v: [v] }),
      ],
      [
        'observations(after:)',
        'query($v: String) { dataset(name: "cboe_vix_daily") { observations(after: $v, first: 5) { edges { node { entity } } } } }',
        (v) => ({ v: cursorOf(v) }),
      ],
      [
        'tweetSentimentDaily(entities:)',
        'query($v: [String!]) { tweetSentimentDaily(entities: $v, first: 5) { edges { node { entity } } } }',
        (v) => ({ v: [v] }),
      ],
      [
        'tweetSentimentDaily(after:)',
        'query($v: String) { tweetSentimentDaily(after: $v, first: 5) { edges { node { entity } } } }',
        (v) => ({ v: cursorOf(v) }),
      ],
      ['entitlements(subject:)', 'query($v: String) { entitlements(subject: $v) { subject } }', (v) => ({ v })],
      ['entitlements(resource:)', 'query($v: String) { entitlements(resource: $v) { subject } }', (v) => ({ v })],
      ['auditLog(filter: actor)', 'query($v: String) { auditLog(filter: { actor: $v }) { actor } }', (v) => ({ v })],
      ['auditLog(filter: action)', 'query($v: String) { auditLog(filter: { action: $v }) { actor } }', (v) => ({ v })],
      ['auditLog(before:)', 'query($v: ID) { auditLog(before: $v) { actor } }', (v) => ({ v })],
    ];

    it('answers each with a clear refusal or an empty result: no internal error, nothing read that was not asked, nothing changed', async () => {
      const outcomes = new Map<string, number>();
      for (const [where, query, variables] of QUERIES) {
        for (const hostile of HOSTILE) {
          const result = await run(query, variables(hostile));
          const codes = (result.errors ?? []).map((e) => String(e.extensions?.code));
          for (const e of result.errors ?? []) {
            expect({
              where,
              hostile: hostile.slice(0, 40),
              code: e.extensions?.code,
              message: e.message,
            }).toMatchObject({
              code: expect.stringMatching(/^(BAD_USER_INPUT|NOT_FOUND)$/),
            });
          }
          for (const e of result.errors ?? []) expect(e.message.length).toBeGreaterThan(10);
          // What comes back is empty or null: a hostile string matches nothing.
          const text = JSON.stringify(result.data ?? null);
          expect(text, `${where} with ${hostile.slice(0, 40)}`).not.toMatch(
            /"entity":"|"name":"|"subject":"|"actor":"/,
          );
          const outcome = codes[0] ?? 'empty';
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        }
      }
      expect([...outcomes.values()].reduce((a, b) => a + b, 0)).toBe(QUERIES.length * HOSTILE.length);
      // Nothing was dropped, attached or written: the catalog and the values read as before.
      const after = await run(
        '{ datasets { name } dataset(name: "cboe_vix_daily") { observations(first: 1) { edges { node { entity } } } } }',
        {},
      );
      expect(after.errors).toBeUndefined();
      expect(after.data).toEqual({
        datasets: [{ name: 'cboe_vix_daily' }, { name: 'eia_wti_spot_daily' }, { name: 'stocknet_tweets' }],
        dataset: { observations: { edges: [{ node: { entity: expect.any(String) } }] } },
      });
    });
  },
);
