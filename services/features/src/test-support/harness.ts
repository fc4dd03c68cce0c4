import { randomUUID } from 'node:crypto';
import type { Role } from '@alphagraph/auth';
import { seedInstruments } from '@alphagraph/datasets/testing';
import type { DatabaseKind } from '@alphagraph/db/testing';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { createFeatures } from '../service.ts';
import { SYNTHETIC_SYMBOLS } from './fixtures.ts';

export interface Harness {
  readonly t: TestRuntime;
  readonly service: Awaited<ReturnType<typeof createFeatures>>;
  /** Executes an operation against the features subgraph (its SDL, resolvers and policies) as `roles`. */
  gql<T = any>(
    roles: Role[],
    query: string,
    variables?: Record<string, unknown>,
    user?: string,
  ): Promise<{ data: T; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;
  dispose(): Promise<void>;
}

export async function createHarness(kind: DatabaseKind): Promise<Harness> {
  const t = await createTestRuntime(kind);
  // The instruments `syntheticBars` writes bars for, registered as ingestion registers them:
  // materialization refuses symbols no instrument has.
  await seedInstruments(t.handle.db, SYNTHETIC_SYMBOLS);
  const service = await createFeatures(t);
  return {
    t,
    service,
    async gql(roles, query, variables, user = `test-${roles[0]}`) {
      const result = await executeSubgraph({
        name: 'features',
        resolvers: service.resolvers,
        context: await service.context({ ...scopeFor(roles, user), requestId: randomUUID() }),
        decidePolicy: service.decidePolicy,
        query,
        variables,
      });
      return result as any;
    },
    async dispose() {
      await service.featureStore.scheduler.idle();
      await service.stop();
      await t.dispose();
    },
  };
}

export const MATERIALIZE = `mutation($i: MaterializeFeaturesInput!) {
  materializeFeatures(input: $i) {
    ok error { code message field }
    run { id status mode rowsWritten eventTimeFrom eventTimeTo snapshotId universe error
          view { name lakeDataset features columns } inputSnapshots { dataset snapshotId } timings { step milliseconds } }
  }
}`;

export const DEFINE = `mutation($i: DefineFeatureInput!) {
  defineFeature(input: $i) {
    ok created error { code message reason line column field }
    feature { id name version ref owner expression ttlSeconds entity status tags inputs lookback }
  }
}`;
