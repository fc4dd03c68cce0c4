import { defineModule, type ServiceModule } from '@alphagraph/service';
import type { OnlineCache } from './cache.ts';
import { onlineResolvers } from './resolvers.ts';

export type OnlineModule = ServiceModule<'online', OnlineCache>;

/** Online feature values, checked against Postgres on every read. */
export function createOnlineModule(online: OnlineCache): OnlineModule {
  return defineModule({ name: 'online', provider: online, resolvers: onlineResolvers });
}
