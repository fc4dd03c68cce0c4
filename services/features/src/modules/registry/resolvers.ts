import { DomainError } from '@alphagraph/service';
import type { Context } from '../../context.ts';
import type { FeatureEntity, FeatureStatus, Resolvers } from '../../generated/resolvers.ts';
import { defineFeatureSet } from '../sets/define.ts';
import { refOf } from '../views/naming.ts';
import { checkStoredExpression } from './expression.ts';

/** A dataset, as the root of what depends on it. */
export interface DatasetLineageModel {
  readonly dataset: string;
}

const entityIn = (e: FeatureEntity | null | undefined) => (e === 'MARKET' ? 'market' : 'instrument');
const statusIn = (s: FeatureStatus | null | undefined) =>
  s === 'DRAFT' ? 'draft' : s === 'DEPRECATED' ? 'deprecated' : 'active';

function callerOf(ctx: Context): string {
  if (!ctx.identity) throw new DomainError('UNAUTHENTICATED', 'a verified caller is required');
  return ctx.identity.userId;
}

/** Appends a state change to the audit log (who, roles, what, the result). */
async function audit(ctx: Context, action: string, resource: string, details: Record<string, unknown>) {
  await ctx.stores.featureStore.audit.append({
    actor: callerOf(ctx),
    roles: ctx.identity?.roles ?? [],
    action,
    resource,
    details,
    requestId: ctx.requestId,
  });
}

export const registryResolvers: Resolvers = {
  Query: {
    featureSets: (_r, _a, ctx) => ctx.stores.featureStore.sets.list(),
    featureSet: (_r, args, ctx) => ctx.featureStore.setByName.load(args.name),
    datasetLineage: (_r, args) => ({ dataset: args.dataset }),
  },
  Mutation: {
    defineFeature: async (_r, { input }, ctx) => {
      const outcome = await ctx.stores.featureStore.registry.defineFeature(
        {
          name: input.name,
          description: input.description,
          expression: input.expression,
          entity: entityIn(input.entity),
          ttlSeconds: input.ttlSeconds,
          tags: input.tags ?? [],
          status: statusIn(input.status),
          universe: input.universe ?? [],
        },
        callerOf(ctx),
      );
      if (!outcome.ok) return { ok: false, created: false, feature: null, error: outcome.error };
      await audit(ctx, 'mutation:defineFeature', `feature:${refOf(outcome.feature)}`, {
        ref: refOf(outcome.feature),
        created: outcome.created,
        expression: outcome.feature.expression,
      });
      return { ok: true, created: outcome.created, feature: outcome.feature, error: null };
    },
    defineFeatureSet: async (_r, { input }, ctx) => {
      const fs = ctx.stores.featureStore;
      const outcome = await defineFeatureSet(fs, input, callerOf(ctx));
      if (!outcome.ok) return { ok: false, featureSet: null, error: outcome.error };
      await audit(ctx, 'mutation:defineFeatureSet', `feature-set:${outcome.featureSet.name}`, {
        features: input.features,
      });
      return { ok: true, featureSet: outcome.featureSet, error: null };
    },
  },
  Feature: {
    lookback: (f) => checkStoredExpression(f.expression).lookback,
  },
  FeatureSet: {
    features: (s, _a, ctx) => ctx.featureStore.setMembers.load(s.name),
    refs: async (s, _a, ctx) => (await ctx.featureStore.setMembers.load(s.name)).map(refOf),
    size: async (s, _a, ctx) => (await ctx.featureStore.setMembers.load(s.name)).length,
  },
  DatasetLineage: {
    __resolveReference: (ref) => ({ dataset: String(ref.dataset) }),
    features: (l, _a, ctx) => ctx.stores.featureStore.features.readersOf(l.dataset),
    featureViews: async (l, _a, ctx) => {
      const readers = await ctx.stores.featureStore.features.readersOf(l.dataset);
      const views = await ctx.stores.featureStore.views.containing(readers.map(refOf));
      return views.map((v) => v.view);
    },
  },
};
