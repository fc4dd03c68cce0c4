import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { modelEnums } from './enums.ts';

export const modelResolvers: Resolvers = {
  ...modelEnums,
  Query: {
    models: (_r, _a, ctx) => ctx.stores.models.list(),
    model: (_r, args, ctx) => {
      if ((args.id == null) === (args.name == null)) {
        throw new DomainError('BAD_USER_INPUT', 'model: pass exactly one of id or name');
      }
      return args.id != null ? ctx.modelById.load(args.id) : ctx.modelByName.load(args.name!);
    },
  },
  Model: {
    __resolveReference: (ref, ctx) =>
      'id' in ref ? ctx.modelById.load(String(ref.id)) : ctx.modelByName.load(String(ref.name)),
    universe: async (m, _a, ctx) => (await ctx.universeOf.load(m.id)).map((symbol) => ({ symbol })),
    features: (m, _a, ctx) => ctx.featuresOf.load(m.id),
  },
  Instrument: {
    __resolveReference: (ref) => ({ symbol: String(ref.symbol) }),
    models: (instrument, _a, ctx) => ctx.modelsOfSymbol.load(instrument.symbol),
  },
};
