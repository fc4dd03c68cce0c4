import { createWorkerLease, type WorkerLeaseOptions } from '@alphagraph/jobs';
import { createPageRoute } from '@alphagraph/pages';
import { assembleService, DateTimeScalar, JSONScalar, type ServiceRuntime } from '@alphagraph/service';
import { createDeploymentModule } from './modules/deployment/module.ts';
import { createDeployment, type Deployment } from './modules/deployment/service.ts';
import { createModelsModule } from './modules/models/module.ts';
import { createModelStore } from './modules/models/store.ts';
import { createMonitoringModule, type MonitoringProvider } from './modules/monitoring/module.ts';
import type { OnlineReader } from './modules/monitoring/online-client.ts';
import { createMonitoringProvider } from './modules/monitoring/provider.ts';
import { createPredictionsModule } from './modules/predictions/module.ts';
import { createPredictions, type Predictions } from './modules/predictions/service.ts';
import { createVersionsModule } from './modules/versions/module.ts';
import { createVersions, type Versions } from './modules/versions/service.ts';
import { createModelPages } from './pages/model-pages.ts';
import { PAGES_PREFIX } from './pages/version-page.ts';

function modulesOf(
  runtime: ServiceRuntime,
  versions: Versions,
  deployment: Deployment,
  predictions: Predictions,
  monitoring: MonitoringProvider,
) {
  return [
    createModelsModule(runtime.handle.db, runtime.audit),
    createVersionsModule(versions),
    createDeploymentModule(deployment),
    createPredictionsModule(predictions),
    createMonitoringModule(monitoring),
  ] as const;
}
export type ModelsModules = ReturnType<typeof modulesOf>;

export interface ModelsOptions {
  readonly lease?: WorkerLeaseOptions;
  readonly canaryMaxFraction?: number;
  /** How often a started worker looks for queued training jobs (default 2 s). */
  readonly pollMs?: number;
  /** The features subgraph signals read online values from (default: its default URL). */
  readonly featuresUrl?: string;
  /** How often the monitoring job runs over deployed models; 0 (the default here) never. */
  readonly monitorIntervalMs?: number;
  /** NATS server alerts are published to (null: none). */
  readonly natsUrl?: string | null;
  /** Reads online feature values (default: the features subgraph at featuresUrl); tests give their own. */
  readonly onlineReader?: OnlineReader;
}

export async function createModels(runtime: ServiceRuntime, options: ModelsOptions = {}) {
  const db = runtime.handle.db;
  const models = createModelStore(db);
  const lease = createWorkerLease(db, { ...options.lease, log: runtime.log });
  const versions = createVersions({
    db,
    lake: runtime.lake,
    audit: runtime.audit,
    entitlements: runtime.entitlements,
    models,
    lease,
    ...(options.pollMs === undefined ? {} : { pollMs: options.pollMs }),
  });
  const deployment = createDeployment({
    db,
    audit: runtime.audit,
    models,
    versions: versions.store,
    canaryMaxFraction: options.canaryMaxFraction ?? 0.1,
  });
  const predictions = createPredictions({ db, lake: runtime.lake, models, versions });
  const monitoring = createMonitoringProvider({
    db,
    lake: runtime.lake,
    models,
    versions,
    deployment,
    featuresUrl: options.featuresUrl,
    onlineReader: options.onlineReader,
    natsUrl: options.natsUrl ?? null,
    intervalMs: options.monitorIntervalMs ?? 0,
    log: runtime.log,
  });
  const service = assembleService({
    modules: modulesOf(runtime, versions, deployment, predictions, monitoring),
    scalars: { DateTime: DateTimeScalar, JSON: JSONScalar },
  });
  await versions.sweep();
  return {
    ...service,
    versions,
    deployment,
    predictions,
    monitoring,
    routes: [
      createPageRoute({
        prefix: PAGES_PREFIX,
        verifier: runtime.verifier,
        render: createModelPages({ db, models, versions: versions.store, monitoring }),
      }),
    ],
    /** Claims queued training jobs (whichever replica queued them) and fails abandoned ones. */
    start(): void {
      versions.worker.start();
      monitoring.scheduler.start();
    },
    /**
     * Stops claiming, waits for the job in progress here (with `graceMs`: that long, then gives it
     * back to the queue for another replica), and withdraws this worker.
     */
    async stop(options: { graceMs?: number } = {}): Promise<void> {
      await monitoring.scheduler.stop();
      await versions.worker.stop(options);
      await lease.stop();
      await monitoring.close();
    },
  };
}
