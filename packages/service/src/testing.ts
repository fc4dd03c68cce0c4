import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Identity, PolicyDecider, Role } from '@alphagraph/auth';
import { scopesForRoles } from '@alphagraph/auth';
import { TEST_AUTH } from '@alphagraph/auth/testing';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '@alphagraph/db/testing';
import { Lake } from '@alphagraph/lake';
import { type ExecutionResult, graphql } from 'graphql';
import { type ServiceRuntime, serviceRuntime } from './boot.ts';
import { buildServiceSchema, type RequestScope, type SubgraphResolvers } from './server.ts';

export interface TestRuntime extends ServiceRuntime {
  readonly database: TestDatabase;
  /** Every SQL statement sent since the last reset (to count storage round trips). */
  readonly queries: string[];
  dispose(): Promise<void>;
}

/** A fresh database (of the given kind) and an empty lake in a temporary directory. */
export async function createTestRuntime(kind: DatabaseKind): Promise<TestRuntime> {
  const queries: string[] = [];
  const database = await createTestDatabase(kind, { onQuery: (q) => queries.push(q) });
  const root = mkdtempSync(join(tmpdir(), 'ag-service-'));
  const lake = await Lake.open({ root, db: database.db, threads: 2 });
  return {
    ...serviceRuntime({
      service: 'test',
      handle: database,
      lake,
      auth: TEST_AUTH,
      platform: { publicUrl: 'http://127.0.0.1:4000', downloadSecret: undefined, downloadTtlSeconds: 900 },
    }),
    database,
    queries,
    dispose: async () => {
      await lake.close();
      await database.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A request scope for `roles` without a token round trip (service unit tests). */
export function scopeFor(roles: readonly Role[], userId = `test-${roles[0] ?? 'anon'}`): RequestScope {
  const identity: Identity = { userId, roles, scopes: scopesForRoles(roles), tokenId: undefined };
  return { identity, requestId: `test-${userId}` };
}

/**
 * Executes an operation against a subgraph's schema (SDL, resolvers and its authorization
 * enforcement), without HTTP.
 */
export async function executeSubgraph(options: {
  name: string;
  resolvers: SubgraphResolvers;
  context: unknown;
  query: string;
  variables?: Record<string, unknown>;
  decidePolicy?: PolicyDecider;
}): Promise<ExecutionResult> {
  const schema = buildServiceSchema(options.name, options.resolvers, options.decidePolicy);
  return graphql({
    schema,
    source: options.query,
    contextValue: options.context,
    variableValues: options.variables ?? null,
  });
}

/** One Server-Sent Event: its `event:` name and `data:` parsed as JSON (null when empty). */
export interface SseEvent {
  event: string;
  data: unknown;
}

/**
 * The events of an SSE response as they arrive; comments (keep-alives) are yielded as
 * `{ event: 'comment' }`. Ends when the server ends the response.
 */
export async function* readSseEvents(response: Response): AsyncGenerator<SseEvent> {
  if (!response.body) return;
  const decoder = new TextDecoder();
  let buffer = '';
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end !== -1; end = buffer.indexOf('\n\n')) {
      const message = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = message.split('\n');
      if (lines.every((l) => l.startsWith(':'))) {
        yield { event: 'comment', data: null };
        continue;
      }
      const event =
        lines
          .find((l) => l.startsWith('event:'))
          ?.slice(6)
          .trim() ?? 'message';
      const data = lines
        .filter((l) => l.startsWith('data:'))
        .map((l) => l.slice(5).trim())
        .join('\n');
      yield { event, data: data ? JSON.parse(data) : null };
    }
  }
}
