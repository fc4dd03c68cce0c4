import { DslError, operatorCatalogue } from '@alphagraph/dsl';
import { changeOf } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { refOf } from '../views/naming.ts';
import { checkStoredExpression } from './expression.ts';

/** A dataset, as the root of what depends on it. */
export interface DatasetLineageModel {
  readonly dataset: string;
}

export const registryResolvers: Resolvers = {
  Query: {
    featureSets: (_r, _a, ctx) => ctx.stores.registry.sets.list(),
    featureSet: (_r, args, ctx) => ctx.setByName.load(args.name),
    datasetLineage: (_r, args) => ({ dataset: args.dataset }),
    featureOperators: () => operatorCatalogue(),
    previewFeature: async (_r, args, ctx) => {
      const preview = await ctx.stores.registry.preview({
        expression: args.expression,
        symbols: args.symbols,
        period: { from: new Date(args.period.from), to: new Date(args.period.to) },
      });
      if (preview.ok) {
        await ctx.licensing.recordDatasetsRead('Query.previewFeature', preview.inputs, {
          expression: preview.expression,
          symbols: [...new Set(preview.rows.map((r) => r.symbol))],
          rows: preview.rows.length,
        });
      }
      return preview;
    },
  },
  Mutation: {
    defineFeature: async (_r, { input }, ctx) => {
      const outcome = await ctx.stores.registry.defineFeature(
        {
          name: input.name,
          description: input.description,
          expression: input.expression,
          entity: input.entity ?? 'instrument',
          ttlSeconds: input.ttlSeconds,
          noTtl: input.noTtl ?? false,
          tags: input.tags ?? [],
          status: input.status ?? 'active',
          universe: input.universe ?? [],
        },
        changeOf(ctx),
      );
      if (!outcome.ok) return { ok: false, created: false, feature: null, error: outcome.error };
      return { ok: true, created: outcome.created, feature: outcome.feature, error: null };
    },
    defineFeatureSet: async (_r, { input }, ctx) => {
      const outcome = await ctx.stores.registry.defineFeatureSet(input, changeOf(ctx));
      if (!outcome.ok) return { ok: false, featureSet: null, error: outcome.error };
      return { ok: true, featureSet: outcome.featureSet, error: null };
    },
  },
  Feature: {
    // One stored row must never null out a list every user reads: a version defined before the
    // complexity budget that the checker now refuses (EMA($close, 1e-10)) reads as null here.
    lookback: (f) => {
      try {
        return checkStoredExpression(f.expression).lookback;
      } catch (error) {
        if (error instanceof DslError) return null;
        throw error;
      }
    },
  },
  FeatureSet: {
    features: (s, _a, ctx) => ctx.setMembers.load(s.name),
    refs: async (s, _a, ctx) => (await ctx.setMembers.load(s.name)).map(refOf),
    size: async (s, _a, ctx) => (await ctx.setMembers.load(s.name)).length,
  },
  DatasetLineage: {
    __resolveReference: (ref) => ({ dataset: String(ref.dataset) }),
    features: (l, _a, ctx) => ctx.stores.registry.features.readersOf(l.dataset),
    featureViews: async (l, _a, ctx) => {
      const readers = await ctx.stores.registry.features.readersOf(l.dataset);
      const views = await ctx.stores.registry.views.containing(readers.map(refOf));
      return views.map((v) => v.view);
    },
  },
};
