import type { AccessDenial, AuditLog, Entitlements } from '@alphagraph/auth';
import type { RequestScope, ServiceContext } from '@alphagraph/service';
import { manyByKey as many, oneByKey as one } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { DatasetRecord, DatasetStore } from './modules/datasets/store.ts';
import type { ObservationStore } from './modules/observations/store.ts';
import type { DailySentimentStore } from './modules/tweets/daily.ts';
import type { VendorRecord, VendorStore } from './modules/vendors/store.ts';

export interface Stores {
  readonly vendors: VendorStore;
  readonly datasets: DatasetStore;
  readonly observations: ObservationStore;
  readonly dailySentiment: DailySentimentStore;
  readonly entitlements: Entitlements;
  readonly audit: AuditLog;
}

export interface Context extends ServiceContext {
  readonly stores: Stores;
  readonly vendorById: DataLoader<string, VendorRecord | null>;
  readonly datasetById: DataLoader<string, DatasetRecord | null>;
  readonly datasetByName: DataLoader<string, DatasetRecord | null>;
  readonly datasetsOfVendor: DataLoader<string, DatasetRecord[]>;
  readonly coverageOfDataset: DataLoader<string, string[]>;
  readonly datasetsCoveringSymbol: DataLoader<string, DatasetRecord[]>;
  /** This request's licence decisions by dataset id (see modules/licensing/policy.ts). */
  readonly licenceDecisions: Map<string, Promise<AccessDenial | null>>;
}

export function createContext(stores: Stores, scope: RequestScope): Context {
  return {
    ...scope,
    stores,
    licenceDecisions: new Map(),
    vendorById: new DataLoader(async (ids) => one(ids, await stores.vendors.byIds(ids), (r) => r.id)),
    datasetById: new DataLoader(async (ids) => one(ids, await stores.datasets.byIds(ids), (r) => r.id)),
    datasetByName: new DataLoader(async (names) => one(names, await stores.datasets.byNames(names), (r) => r.name)),
    datasetsOfVendor: new DataLoader(async (ids) =>
      many(ids, await stores.datasets.byVendorIds(ids), (r) => r.vendorId),
    ),
    coverageOfDataset: new DataLoader(async (ids) =>
      many(
        ids,
        await stores.datasets.coverageOf(ids),
        (r) => r.datasetId,
        (r) => r.symbol,
      ),
    ),
    datasetsCoveringSymbol: new DataLoader(async (symbols) =>
      many(
        symbols,
        await stores.datasets.coveringSymbols(symbols),
        (r) => r.symbol,
        (r) => r.dataset,
      ),
    ),
  };
}
