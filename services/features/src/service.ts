import { createWorkerLease, type WorkerLeaseOptions } from '@alphagraph/jobs';
import { assembleService, DateTimeScalar, JSONScalar, type ServiceRuntime } from '@alphagraph/service';
import type { FeaturesLimits } from './env.ts';
import { createFeatureStoreServices, type FeatureStoreServices } from './feature-store.ts';
import { createFeaturesModule } from './modules/features/module.ts';
import { createFeatureStore } from './modules/features/store.ts';
import { createLicensingModule } from './modules/licensing/module.ts';
import { decideFeaturePolicy } from './modules/licensing/policy.ts';
import { createMaterializeModule } from './modules/materialize/module.ts';
import { type MaterializeRequest, requestMaterialization } from './modules/materialize/request.ts';
import { runLifecycle } from './modules/materialize/runs.ts';
import { createOnlineModule } from './modules/online/module.ts';
import { createQualityModule } from './modules/quality/module.ts';
import { createRegistryModule } from './modules/registry/module.ts';
import { registerBuiltinSets } from './modules/sets/register.ts';
import { createTrainingModule } from './modules/training/module.ts';
import { createTrainingSets, type TrainingSets } from './modules/training/service.ts';

function modulesOf(fs: FeatureStoreServices, trainingSets: TrainingSets) {
  return [
    createFeaturesModule(fs.features),
    createRegistryModule(fs),
    createMaterializeModule(fs),
    createOnlineModule(fs),
    createQualityModule(fs.quality),
    createTrainingModule(trainingSets),
    createLicensingModule(fs),
  ] as const;
}
export type FeaturesModules = ReturnType<typeof modulesOf>;

export async function createFeatures(
  runtime: ServiceRuntime,
  options: { lease?: WorkerLeaseOptions; limits?: Partial<FeaturesLimits> } = {},
) {
  const db = runtime.handle.db;
  const features = createFeatureStore(db);
  const lease = createWorkerLease(db, { ...options.lease, log: runtime.log });
  /** The feature store's long-lived parts, shared by the modules (and tools that drive them directly). */
  const featureStore = createFeatureStoreServices({
    db,
    lake: runtime.lake,
    features,
    entitlements: runtime.entitlements,
    audit: runtime.audit,
    lease,
    ...(options.limits?.runDeadlineMs === undefined ? {} : { runDeadlineMs: options.limits.runDeadlineMs }),
  });
  const trainingSets = createTrainingSets({
    ...runtime,
    db,
    lease,
    ...(options.limits?.spineMaxBytes === undefined ? {} : { spineMaxBytes: options.limits.spineMaxBytes }),
  });
  const service = assembleService({
    modules: modulesOf(featureStore, trainingSets),
    scalars: { DateTime: DateTimeScalar, JSON: JSONScalar },
  });

  /**
   * Fails the materialization runs and training-set builds whose process is gone (its worker's
   * heartbeat lapsed); work of live replicas is left alone, and queued runs wait for a worker.
   */
  async function sweepInterrupted(): Promise<{ runs: string[]; trainingSets: string[] }> {
    const failedRuns = await runLifecycle.sweep(db, lease);
    const failedSets = await trainingSets.store.failInterrupted(lease);
    await lease.forgetGone();
    for (const id of failedSets)
      runtime.log.warn({ trainingSet: id }, `training set ${id} was left building by a stopped process: failed`);
    return { runs: failedRuns.map((r) => r.id), trainingSets: failedSets };
  }
  await sweepInterrupted();
  let sweeper: NodeJS.Timeout | undefined;

  return {
    ...service,
    featureStore,
    /** Decides `@policy(entitled)`: licence entitlements over each feature's lineage. */
    decidePolicy: decideFeaturePolicy,
    /** Registers the built-in sets; `alt_demo` once alt-data has registered its datasets. */
    registerBuiltins: (options: { waitForAltMs: number; log?: (line: string) => void }) =>
      registerBuiltinSets({ featureStore }, options),
    /** Materializes programmatically (benchmarks, operators): as the mutation, without its audit entry. */
    materialize: (input: MaterializeRequest, caller: string) => requestMaterialization(featureStore, input, caller),
    sweepInterrupted,
    /**
     * Background work of a running service: claims queued materialization runs (whichever process
     * queued them) and sweeps work abandoned by stopped processes, every lease/2. Tests and tools
     * that never call it still run what they queue (the scheduler drains on submit and `idle`).
     */
    start(): void {
      featureStore.scheduler.start();
      if (sweeper) return;
      sweeper = setInterval(() => {
        sweepInterrupted().catch((err) => runtime.log.error({ err }, 'sweeping interrupted work failed'));
      }, lease.leaseMs / 2);
      sweeper.unref();
    },
    /**
     * Stops claiming work, waits for the run in progress here (with `graceMs`: that long, then gives
     * it back to the queue for another replica), and withdraws this worker.
     */
    async stop(options: { graceMs?: number } = {}): Promise<void> {
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
      await featureStore.scheduler.stop(options);
      await lease.stop();
    },
  };
}
