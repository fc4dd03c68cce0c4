import { DateTimeScalar, DomainError, JSONScalar } from '@alphagraph/service';
import { GraphQLScalarType } from 'graphql';
import type { Resolvers } from './generated/resolvers.ts';
import { parseFeatureRef } from './modules/features/store.ts';
import { materializeResolvers } from './modules/materialize/resolvers.ts';
import { onlineResolvers } from './modules/online/resolvers.ts';
import { qualityResolvers } from './modules/quality/resolvers.ts';
import { registryResolvers } from './modules/registry/resolvers.ts';
import { trainingResolvers } from './modules/training/resolvers.ts';

/** Resolver maps of several modules as one (fields of a type merged; a module never overrides another's). */
function mergeResolvers(...maps: Resolvers[]): Resolvers {
  const out: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [type, fields] of Object.entries(map)) {
      const prev = out[type];
      out[type] =
        prev && typeof prev === 'object' && !(prev instanceof GraphQLScalarType) ? { ...prev, ...fields } : fields;
    }
  }
  return out as Resolvers;
}

const featureResolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: {
    features: (_r, args, ctx) =>
      ctx.stores.features.list({
        name: args.name ?? null,
        tag: args.tag ?? null,
        allVersions: args.allVersions ?? false,
      }),
    feature: async (_r, args, ctx) => {
      if ((args.id == null) === (args.ref == null)) {
        throw new DomainError('BAD_USER_INPUT', 'feature: pass exactly one of id or ref');
      }
      if (args.id != null) return ctx.featureById.load(args.id);
      const ref = parseFeatureRef(args.ref!);
      if (!ref)
        throw new DomainError('BAD_USER_INPUT', `feature: ${JSON.stringify(args.ref)} is not name or name@version`);
      return ref.version === null
        ? ctx.stores.features.latestByName(ref.name)
        : ctx.featureByNameVersion.load({ name: ref.name, version: ref.version });
    },
  },
  Feature: {
    __resolveReference: (ref, ctx) => {
      if ('id' in ref) return ctx.featureById.load(String(ref.id));
      return ctx.featureByNameVersion.load({ name: ref.name, version: ref.version });
    },
    ref: (f) => `${f.name}@${f.version}`,
    entity: (f) => (f.entity === 'instrument' ? 'INSTRUMENT' : 'MARKET'),
    status: (f) => (f.status === 'draft' ? 'DRAFT' : f.status === 'active' ? 'ACTIVE' : 'DEPRECATED'),
    inputs: (f, _a, ctx) => ctx.inputsOf.load(f.id),
    universe: async (f, _a, ctx) => (await ctx.universeOf.load(f.id)).map((symbol) => ({ symbol })),
  },
  Instrument: {
    __resolveReference: (ref) => ({ symbol: String(ref.symbol) }),
    features: (instrument, _a, ctx) => ctx.featuresOfSymbol.load(instrument.symbol),
  },
};

export const resolvers: Resolvers = mergeResolvers(
  featureResolvers,
  registryResolvers,
  materializeResolvers,
  onlineResolvers,
  qualityResolvers,
  { JSON: JSONScalar },
  trainingResolvers,
);
