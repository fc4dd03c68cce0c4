import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@alphagraph/auth';
import { TEST_AUTH_ENV, testToken } from '@alphagraph/auth/testing';
import { type Platform, startPlatform } from '@alphagraph/cli';
import type { SubgraphName } from '@alphagraph/config';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';

export interface TestPlatform extends Platform {
  /**
   * POSTs a GraphQL operation to the gateway (or to `url`) with a bearer token (an analyst's by
   * default; `token: null` sends none) and returns the parsed body and HTTP status.
   */
  query<T = any>(query: string, variables?: Record<string, unknown>, options?: QueryOptions): Promise<GraphQLBody<T>>;
  /** A valid token for `roles` (test secret). */
  token(roles: readonly Role[], userId?: string): Promise<string>;
  dispose(): Promise<void>;
}

export interface QueryOptions {
  url?: string;
  token?: string | null;
  headers?: Record<string, string>;
}

export interface GraphQLBody<T> {
  status?: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/**
 * Starts the real platform (five subgraph processes and the gateway) on free ports with the demo
 * data: on a fresh Postgres database when TEST_DATABASE_URL is set, else on embedded PGlite. The
 * scheduled monitoring job is off (MODELS_MONITOR_INTERVAL_SECONDS=0).
 */
export async function startTestPlatform(
  options: {
    demo?: boolean;
    env?: Record<string, string>;
    subgraphs?: readonly SubgraphName[];
    readyTimeoutMs?: number;
  } = {},
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
      subgraphs: options.subgraphs,
      ports: 'free',
      // Tests run the monitoring job themselves (runMonitoring), at the instants they assert on.
      env: { ...TEST_AUTH_ENV, MODELS_MONITOR_INTERVAL_SECONDS: '0', ...(options.env ?? {}) },
      log: (line) => lines.push(line),
      // How long each process's first start may take (supervision's readyTimeoutMs, default 120 s).
      ...(options.readyTimeoutMs ? { supervision: { readyTimeoutMs: options.readyTimeoutMs } } : {}),
    });
  } catch (error) {
    await database?.dispose();
    rmSync(dataDir, { recursive: true, force: true });
    throw new Error(`platform failed to start: ${String(error)}\n${lines.slice(-40).join('\n')}`);
  }
  const analyst = testToken(['analyst']);
  return {
    ...platform,
    async query(query, variables, q = {}) {
      const token = q.token === undefined ? await analyst : q.token;
      const response = await fetch(q.url ?? platform.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(q.headers ?? {}),
        },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as GraphQLBody<any>) };
    },
    token: (roles, userId) => testToken(roles, userId),
    async dispose() {
      await platform.stop();
      await database?.dispose();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
