import type { Db } from '@alphagraph/db';
import { defineModule, type ServiceModule } from '@alphagraph/service';
import type { FeatureStoreServices } from '../../feature-store.ts';
import type { FeatureRecord } from '../features/store.ts';
import { readOnlineAsOf } from './as-of.ts';
import type { OnlineCache, OnlineRead } from './cache.ts';
import { onlineResolvers } from './resolvers.ts';

export interface OnlineProvider {
  readonly db: Db;
  /** The current values, from the online store (this process's checked copy). */
  readonly current: OnlineCache;
  /** The values as they were at a past instant, from the materialized history in the lake. */
  asOf(request: { entities: readonly string[]; features: readonly FeatureRecord[]; asOf: Date }): Promise<OnlineRead>;
}

export type OnlineModule = ServiceModule<'online', OnlineProvider>;

/** Online feature values: current ones checked against Postgres on every read, past ones from the lake. */
export function createOnlineModule(fs: FeatureStoreServices): OnlineModule {
  const provider: OnlineProvider = {
    db: fs.db,
    current: fs.online,
    asOf: (request) => readOnlineAsOf(fs, request),
  };
  return defineModule({ name: 'online', provider, resolvers: onlineResolvers });
}
