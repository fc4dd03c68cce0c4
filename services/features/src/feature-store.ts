import type { AuditLog, Entitlements } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import type { WorkerLease } from '@alphagraph/jobs';
import type { Lake } from '@alphagraph/lake';
import type { RequestScope } from '@alphagraph/service';
import { manyByKey, oneByKey } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { FeatureRecord, FeatureStore } from './modules/features/store.ts';
import { createRequestLicensing, type RequestLicensing } from './modules/licensing/policy.ts';
import { createRunStore, type RunRecord, type RunStore } from './modules/materialize/runs.ts';
import { createScheduler, type Scheduler } from './modules/materialize/scheduler.ts';
import { OnlineCache } from './modules/online/cache.ts';
import { createQualityStore, type QualityStore } from './modules/quality/store.ts';
import { createRegistry, type Registry } from './modules/registry/define.ts';
import { createFeatureSetStore, type FeatureSetRecord, type FeatureSetStore } from './modules/sets/store.ts';
import { createViewStore, type FeatureViewRecord, type ViewStore } from './modules/views/store.ts';

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
}): FeatureStoreServices {
  const { db, lake } = deps;
  return {
    ...deps,
    registry: createRegistry(db, deps.features),
    sets: createFeatureSetStore(db),
    views: createViewStore(db, lake),
    runs: createRunStore(db),
    scheduler: createScheduler({ db, lake, lease: deps.lease }),
    quality: createQualityStore(db, lake),
    online: new OnlineCache(db),
    lineage: lineageCache(deps.features),
  };
}

const settled = (results: (FeatureRecord | null | Error)[]): (FeatureRecord | null)[] =>
  results.map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });

/** Per-request loaders and licence decisions of the feature store. */
export interface FeatureStoreRequest {
  readonly licensing: RequestLicensing;
  /** A ref (`name@3`, or `name` for the newest version) to its version, once per request. */
  readonly featureByRef: DataLoader<string, FeatureRecord | null>;
  readonly setByName: DataLoader<string, FeatureSetRecord | null>;
  readonly setMembers: DataLoader<string, FeatureRecord[]>;
  readonly viewByName: DataLoader<string, FeatureViewRecord | null>;
  readonly runById: DataLoader<string, RunRecord | null>;
}

export function createFeatureStoreRequest(s: FeatureStoreServices, scope: RequestScope): FeatureStoreRequest {
  const featureByRef = new DataLoader<string, FeatureRecord | null>(async (refs) => {
    const resolved = await s.features.resolveRefs(refs);
    return refs.map((r) => resolved.get(r) ?? null);
  });
  return {
    featureByRef,
    licensing: createRequestLicensing(s, scope, async (refs) => featureByRef.loadMany([...refs]).then(settled)),
    setByName: new DataLoader(async (names) => oneByKey(names, await s.sets.byNames(names), (r) => r.name)),
    setMembers: new DataLoader(async (names) =>
      manyByKey(
        names,
        await s.sets.membersOf(names),
        (r) => r.setName,
        (r) => r.feature,
      ),
    ),
    viewByName: new DataLoader(async (names) => oneByKey(names, await s.views.byNames(names), (r) => r.name)),
    runById: new DataLoader(async (ids) => oneByKey(ids, await s.runs.byIds(ids), (r) => r.id)),
  };
}
