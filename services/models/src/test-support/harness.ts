import type { Role } from '@alphagraph/auth';
import { type SeededTrainingRow, seedAltCatalogEntry, seedTrainingSet } from '@alphagraph/datasets/testing';
import type { DatabaseKind } from '@alphagraph/db/testing';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { createModels, type ModelsOptions } from '../service.ts';

/** The models service over a fresh database and lake, driven through its schema as a gateway would. */
export async function startModelsHarness(
  kind: DatabaseKind,
  options: Pick<ModelsOptions, 'onlineReader' | 'natsUrl'> = {},
) {
  const runtime: TestRuntime = await createTestRuntime(kind);
  const service = await createModels(runtime, {
    lease: { heartbeatMs: 200, leaseMs: 1_000 },
    canaryMaxFraction: 0.1,
    ...options,
  });
  const exec = async (
    query: string,
    variables: Record<string, unknown> = {},
    roles: readonly Role[] = ['researcher'],
    userId?: string,
  ) => {
    const context = await service.context(scopeFor(roles, userId));
    return executeSubgraph({ name: 'models', resolvers: service.resolvers, context, query, variables });
  };
  /** As exec, failing the test on any error; returns data. */
  const ok = async (
    query: string,
    variables: Record<string, unknown> = {},
    roles: readonly Role[] = ['researcher'],
    userId?: string,
  ) => {
    const result = await exec(query, variables, roles, userId);
    if (result.errors?.length) throw new Error(result.errors.map((e) => e.message).join('; '));
    return result.data as Record<string, any>;
  };
  return {
    runtime,
    service,
    exec,
    ok,
    async dispose() {
      await service.stop();
      await runtime.dispose();
    },
  };
}
export type ModelsHarness = Awaited<ReturnType<typeof startModelsHarness>>;

/** Deterministic pseudo-random numbers (mulberry32) for synthetic data. */
export function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A synthetic daily panel: `entities` instruments over `dates` XNYS-like weekdays from 2016-01-04,
 * features `signal` (drives the label), `noise`, `gappy` (every 7th value missing); the label is
 * 0.02 * signal + noise. Splits by date: train, 2 embargo days, validation, 2 embargo days, test.
 */
export function syntheticRows(options: { entities: number; dates: number; seed?: number }): SeededTrainingRow[] {
  const random = rng(options.seed ?? 7);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const days: Date[] = [];
  for (let d = new Date('2016-01-04T21:00:00Z'); days.length < options.dates; d = new Date(d.getTime() + 86_400_000)) {
    if (d.getUTCDay() !== 0 && d.getUTCDay() !== 6) days.push(d);
  }
  const nTrain = Math.floor(options.dates * 0.6);
  const nValidation = Math.floor(options.dates * 0.15);
  const rows: SeededTrainingRow[] = [];
  days.forEach((t, k) => {
    const split =
      k < nTrain
        ? 'train'
        : k < nTrain + 2
          ? 'embargo'
          : k < nTrain + 2 + nValidation
            ? 'validation'
            : k < nTrain + 4 + nValidation
              ? 'embargo'
              : 'test';
    for (let e = 0; e < options.entities; e++) {
      const signal = gauss();
      const noise = gauss();
      const n = rows.length;
      rows.push({
        entity: `S${String(e).padStart(2, '0')}`,
        t,
        split,
        features: [signal, noise, n % 7 === 0 ? null : gauss()],
        label: k >= options.dates - 1 ? null : 0.02 * signal + 0.01 * gauss(),
      });
    }
  });
  return rows;
}

export async function seedSyntheticSet(
  h: ModelsHarness,
  options: { name: string; createdBy?: string; lineage?: readonly string[]; entities?: number; dates?: number },
) {
  return seedTrainingSet(
    { db: h.runtime.handle.db, lake: h.runtime.lake },
    {
      name: options.name,
      createdBy: options.createdBy ?? 'alice',
      features: [`${options.name}_signal`, `${options.name}_noise`, `${options.name}_gappy`],
      label: 'fwd_1',
      horizon: 1,
      rows: syntheticRows({ entities: options.entities ?? 8, dates: options.dates ?? 120 }),
      ...(options.lineage ? { lineage: options.lineage } : {}),
    },
  );
}

export { seedAltCatalogEntry };
