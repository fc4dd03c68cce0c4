import { MARKET_ENTITY, resolveSymbols } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { FeatureRecord } from '../features/store.ts';
import { refOf } from '../views/naming.ts';
import { isExpired, type OnlineCell, type OnlineRead, onlineValue } from './cache.ts';

export interface OnlineFeatureRowModel {
  readonly entity: string;
  readonly read: OnlineRead;
  /** Per requested feature, in request order; null when never materialized for the entity. */
  readonly cells: readonly (OnlineCell | null)[];
}

export interface OnlineFeaturesModel {
  readonly features: string[];
  readonly rows: OnlineFeatureRowModel[];
  readonly servedAt: Date;
  readonly asOf: Date;
  readonly unknownEntities: string[];
}

/**
 * The requested entities in canonical spelling (`aapl` -> `AAPL`, `market` -> `MARKET`), in
 * request order; symbols no instrument has stay as written and are listed as unknown.
 */
async function canonicalEntities(
  db: Db,
  entities: readonly string[],
): Promise<{ entities: string[]; unknown: string[] }> {
  const isMarket = (e: string) => e.toUpperCase() === MARKET_ENTITY;
  const { canonical, unknown } = await resolveSymbols(
    db,
    entities.filter((e) => !isMarket(e)),
  );
  return {
    entities: entities.map((e) => (isMarket(e) ? MARKET_ENTITY : (canonical.get(e) ?? e))),
    unknown: [...unknown],
  };
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
      const found = await ctx.featureByRef.loadMany([...args.features]);
      const resolved = new Map(
        args.features.map((r, i) => [r, found[i] instanceof Error ? null : (found[i] as FeatureRecord | null)]),
      );
      const unknown = args.features.filter((r) => !resolved.get(r));
      if (unknown.length > 0) {
        throw new DomainError('NOT_FOUND', `onlineFeatures: no feature version matches ${unknown.join(', ')}`);
      }
      const features: FeatureRecord[] = args.features.map((r) => resolved.get(r)!);
      const servedAt = new Date();
      const asOf = args.asOf == null ? servedAt : new Date(args.asOf);
      if (asOf.getTime() > servedAt.getTime()) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `onlineFeatures: asOf ${asOf.toISOString()} is in the future; give a past instant, or omit asOf for the current values`,
          { details: { argument: 'asOf' } },
        );
      }
      const { entities: canonical, unknown: unknownEntities } = await canonicalEntities(ctx.stores.online.db, entities);
      const read =
        args.asOf != null
          ? await ctx.stores.online.asOf({ entities: canonical, features, asOf })
          : await ctx.stores.online.current.read({ entities: canonical, features, now: servedAt });
      const rows = canonical.map((entity) => ({ entity, read, cells: read.cells.get(entity)! }));
      await ctx.licensing.recordRead('Query.onlineFeatures', features, () => ({
        entities: entities.length,
        values: rows.reduce(
          (n, r) => n + r.cells.filter((c, i) => c !== null && c.value !== null && !isExpired(read, c, i)).length,
          0,
        ),
      }));
      return { features: features.map(refOf), rows, servedAt, asOf, unknownEntities };
    },
  },
  // Built from the cells only for the fields asked for: the dense form never makes 2,000 objects.
  OnlineFeatureRow: {
    values: (row) => row.cells.map((c, i) => onlineValue(row.read, c, i)),
    vector: (row) => row.cells.map((c, i) => (c === null || isExpired(row.read, c, i) ? null : c.value)),
    statuses: (row) =>
      row.cells.map((c, i) => (c === null ? 'MISSING' : isExpired(row.read, c, i) ? 'EXPIRED' : 'CURRENT')),
    eventTimes: (row) => row.cells.map((c) => (c === null ? null : new Date(Math.floor(c.eventUs / 1000)))),
  },
};
