import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { featureEnums } from './enums.ts';
import { parseFeatureRef } from './store.ts';

export const featureResolvers: Resolvers = {
  ...featureEnums,
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
    inputs: (f, _a, ctx) => ctx.inputsOf.load(f.id),
    universe: async (f, _a, ctx) => (await ctx.universeOf.load(f.id)).map((symbol) => ({ symbol })),
  },
  Instrument: {
    __resolveReference: (ref) => ({ symbol: String(ref.symbol) }),
    features: (instrument, _a, ctx) => ctx.featuresOfSymbol.load(instrument.symbol),
  },
};
