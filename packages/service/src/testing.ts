import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '@alphagraph/db/testing';
import { Lake } from '@alphagraph/lake';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { type ExecutionResult, graphql, parse } from 'graphql';
import type { ServiceRuntime } from './boot.ts';
import { readSubgraphSdl, type SubgraphResolvers } from './server.ts';

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
    handle: database,
    lake,
    database,
    queries,
    dispose: async () => {
      await lake.close();
      await database.dispose();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Executes an operation against a subgraph's schema-first SDL and resolvers, without HTTP. */
export async function executeSubgraph(options: {
  name: string;
  resolvers: SubgraphResolvers;
  context: unknown;
  query: string;
  variables?: Record<string, unknown>;
}): Promise<ExecutionResult> {
  const schema = buildSubgraphSchema({ typeDefs: parse(readSubgraphSdl(options.name)), resolvers: options.resolvers });
  return graphql({
    schema,
    source: options.query,
    contextValue: options.context,
    variableValues: options.variables ?? null,
  });
}
