import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTokenVerifier } from '@alphagraph/auth';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';
import { Lake, LakeError } from '@alphagraph/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dependencyErrorsPlugin } from './errors.ts';
import { type RunningSubgraph, startSubgraphServer } from './server.ts';

/** Summing 10^13 rows takes hours on one thread: only an interrupt ends it. */
const ENDLESS = 'SELECT sum(i) AS s FROM range(10000000000000) t(i)';
const ANALYST = await testToken(['analyst']);

/**
 * A subgraph (market-data's SDL) whose `dataQuality` runs a statement that never ends on its own,
 * recording how each one ended: the request's deadline and the client's departure must stop it.
 */
describe("a request's DuckDB work", () => {
  let t: TestDatabase;
  let root: string;
  let lake: Lake;
  const endings: string[] = [];
  const servers: RunningSubgraph[] = [];

  async function subgraph(requestDeadlineSeconds: number): Promise<string> {
    const server = await startSubgraphServer({
      name: 'market-data',
      resolvers: {
        Query: {
          dataQuality: async () => {
            try {
              await lake.query(ENDLESS);
            } catch (error) {
              endings.push(error instanceof LakeError ? error.code : String(error));
              throw error;
            }
          },
          instrument: async () => (await lake.query<{ symbol: string }>("SELECT 'AAPL' AS symbol"))[0],
        },
        Instrument: { id: () => '1' },
      } as never,
      context: async (scope) => scope,
      verifier: createTokenVerifier(TEST_AUTH),
      port: 0,
      host: '127.0.0.1',
      requestDeadlineSeconds,
      plugins: [dependencyErrorsPlugin()],
    });
    servers.push(server);
    return server.url;
  }

  const post = (url: string, query: string, signal?: AbortSignal) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ANALYST}` },
      body: JSON.stringify({ query }),
      ...(signal ? { signal } : {}),
    });

  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    root = mkdtempSync(join(tmpdir(), 'ag-service-deadline-'));
    lake = await Lake.open({ root, db: t.db, threads: 1 });
  });
  afterAll(async () => {
    for (const s of servers) await s.stop();
    await lake?.close();
    await t?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('is stopped at the request deadline with a DEADLINE_EXCEEDED error naming it', async () => {
    const url = await subgraph(1);
    const started = Date.now();
    const res = await post(url, '{ dataQuality { rows } }');
    const body = (await res.json()) as { data: unknown; errors: { message: string; extensions: { code: string } }[] };
    expect(Date.now() - started).toBeLessThan(20_000);
    // dataQuality is nullable (an analyst field): the refusal nulls only the field.
    expect(body.data).toEqual({ dataQuality: null });
    expect(body.errors).toEqual([
      {
        message:
          'the analytic query was stopped: it passed the request deadline of 1 s (DUCKDB_REQUEST_DEADLINE_SECONDS); ' +
          'ask for less (fewer symbols, a shorter period) or use a download',
        path: ['dataQuality'],
        locations: [{ line: 1, column: 3 }],
        extensions: { code: 'DEADLINE_EXCEEDED' },
      },
    ]);
    expect(endings).toEqual(['DEADLINE_EXCEEDED']);
    // The next request of the same subgraph is answered.
    const next = (await (await post(url, '{ instrument(symbol: "AAPL") { symbol } }')).json()) as { data: unknown };
    expect(next.data).toEqual({ instrument: { symbol: 'AAPL' } });
  });

  it('is stopped when the client goes away before the answer, long before any deadline', async () => {
    endings.length = 0;
    const url = await subgraph(3_600);
    const client = new AbortController();
    const request = post(url, '{ dataQuality { rows } }', client.signal).catch((e: unknown) => e);
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.abort();
    expect(await request).toMatchObject({ name: 'AbortError' });
    const waitUntil = Date.now() + 15_000;
    while (endings.length === 0 && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 50));
    expect(endings).toEqual(['CANCELLED']);
    const next = (await (await post(url, '{ instrument(symbol: "AAPL") { symbol } }')).json()) as { data: unknown };
    expect(next.data).toEqual({ instrument: { symbol: 'AAPL' } });
  });
});
