import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { FeatureRecord } from '../features/store.ts';
import { refOf } from '../views/naming.ts';
import { type OnlineValue, readOnlineValues } from './store.ts';

export interface OnlineFeaturesModel {
  readonly features: string[];
  readonly rows: { entity: string; values: OnlineValue[] }[];
  readonly servedAt: Date;
}

/** One request's bound: 100 entities × 20 features is the served case; ten times that is refused. */
const MAX_CELLS = 20_000;

export const onlineResolvers: Resolvers = {
  Query: {
    onlineFeatures: async (_r, args, ctx) => {
      const entities = [...args.entities];
      if (entities.length * args.features.length > MAX_CELLS) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `onlineFeatures: ${entities.length} entities × ${args.features.length} features is more than ${MAX_CELLS} values; split the request`,
        );
      }
      const fs = ctx.stores.featureStore;
      const found = await ctx.featureStore.featureByRef.loadMany([...args.features]);
      const resolved = new Map(
        args.features.map((r, i) => [r, found[i] instanceof Error ? null : (found[i] as FeatureRecord | null)]),
      );
      const unknown = args.features.filter((r) => !resolved.get(r));
      if (unknown.length > 0) {
        throw new DomainError('NOT_FOUND', `onlineFeatures: no feature version matches ${unknown.join(', ')}`);
      }
      const features: FeatureRecord[] = args.features.map((r) => resolved.get(r)!);
      const servedAt = new Date();
      const values = await readOnlineValues(fs.db, { entities, features, now: servedAt });
      const rows = entities.map((entity) => ({ entity, values: values.get(entity)! }));
      await ctx.featureStore.licensing.recordRead('Query.onlineFeatures', features, {
        entities: entities.length,
        values: rows.reduce((n, r) => n + r.values.filter((v) => v.value !== null).length, 0),
      });
      return { features: features.map(refOf), rows, servedAt };
    },
  },
};
