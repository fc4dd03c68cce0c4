import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Platform, startPlatform } from '@alphagraph/cli';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';

export interface TestPlatform extends Platform {
  /** POSTs a GraphQL operation to the gateway (or to `url`) and returns the parsed body. */
  query<T = any>(query: string, variables?: Record<string, unknown>, url?: string): Promise<GraphQLBody<T>>;
  dispose(): Promise<void>;
}

export interface GraphQLBody<T> {
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Starts the real platform (five subgraph processes and the gateway) on free ports with the demo
 * data: on a fresh Postgres database when TEST_DATABASE_URL is set, else on embedded PGlite.
 */
export async function startTestPlatform(
  options: { demo?: boolean; env?: Record<string, string> } = {},
): Promise<TestPlatform> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ag-e2e-'));
  let database: TestDatabase | undefined;
  if (process.env.TEST_DATABASE_URL) database = await createTestDatabase('postgres');
  const lines: string[] = [];
  let platform: Platform;
  try {
    platform = await startPlatform({
      databaseUrl: database?.url,
      dataDir,
      demo: options.demo ?? true,
      ports: 'free',
      env: options.env ?? {},
      log: (line) => lines.push(line),
    });
  } catch (error) {
    await database?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`platform failed to start: ${String(error)}\n${lines.slice(-40).join('\n')}`);
  }
  return {
    ...platform,
    async query(query, variables, url = platform.gatewayUrl) {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as GraphQLBody<any>;
    },
    async dispose() {
      await platform.stop();
      await database?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
