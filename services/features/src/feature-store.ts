import type { AuditLog, Entitlements } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import type { WorkerLease } from '@alphagraph/jobs';
import type { Lake } from '@alphagraph/lake';
import { manyByKey } from '@alphagraph/service';
import type { FeatureRecord, FeatureStore } from './modules/features/store.ts';
import { createRunStore, type RunStore } from './modules/materialize/runs.ts';
import { createScheduler, type Scheduler } from './modules/materialize/scheduler.ts';
import { OnlineCache } from './modules/online/cache.ts';
import { createQualityStore, type QualityStore } from './modules/quality/store.ts';
import { createRegistry, type Registry } from './modules/registry/define.ts';
import { createFeatureSetStore, type FeatureSetStore } from './modules/sets/store.ts';
import { createViewStore, type ViewStore } from './modules/views/store.ts';

/**
 * The feature store's long-lived parts (registry, sets, views, materialization, online values,
 * quality), created once per process.
 */
export interface FeatureStoreServices {
  readonly db: Db;
  readonly lake: Lake;
  readonly features: FeatureStore;
  readonly registry: Registry;
  readonly sets: FeatureSetStore;
  readonly views: ViewStore;
  readonly runs: RunStore;
  readonly scheduler: Scheduler;
  /** This process as a worker (materialization runs, training-set builds). */
  readonly lease: WorkerLease;
  readonly quality: QualityStore;
  /** The online values this process serves, checked against Postgres on every read. */
  readonly online: OnlineCache;
  readonly entitlements: Entitlements;
  readonly audit: AuditLog;
  /** Datasets each feature version reads, cached for the process: a version's lineage never changes. */
  readonly lineage: (features: readonly FeatureRecord[]) => Promise<Map<string, readonly string[]>>;
}

/** A per-process cache of lineage by feature version id (versions are immutable). */
function lineageCache(features: FeatureStore) {
  const known = new Map<string, readonly string[]>();
  return async (records: readonly FeatureRecord[]): Promise<Map<string, readonly string[]>> => {
    const missing = [...new Set(records.map((f) => f.id).filter((id) => !known.has(id)))];
    if (missing.length > 0) {
      const datasets = manyByKey(
        missing,
        await features.inputsOf(missing),
        (r) => r.featureId,
        (r) => r.dataset,
      );
      for (const [i, id] of missing.entries()) known.set(id, datasets[i]!);
    }
    return new Map(records.map((f) => [f.id, known.get(f.id)!]));
  };
}

export function createFeatureStoreServices(deps: {
  db: Db;
  lake: Lake;
  features: FeatureStore;
  entitlements: Entitlements;
  audit: AuditLog;
  lease: WorkerLease;
  /** A materialization run's deadline (FEATURES_RUN_DEADLINE_SECONDS; default 15 minutes). */
  runDeadlineMs?: number;
}): FeatureStoreServices {
  const { db, lake } = deps;
  return {
    db,
    lake,
    features: deps.features,
    entitlements: deps.entitlements,
    audit: deps.audit,
    lease: deps.lease,
    registry: createRegistry(db, deps.features),
    sets: createFeatureSetStore(db),
    views: createViewStore(db, lake),
    runs: createRunStore(db),
    scheduler: createScheduler({
      db,
      lake,
      lease: deps.lease,
      ...(deps.runDeadlineMs === undefined ? {} : { deadlineMs: deps.runDeadlineMs }),
    }),
    quality: createQualityStore(db, lake),
    online: new OnlineCache(db),
    lineage: lineageCache(deps.features),
  };
}
