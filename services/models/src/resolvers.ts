import { DateTimeScalar, DomainError } from '@alphagraph/service';
import type { Resolvers } from './generated/resolvers.ts';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
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
    task: (m) => (m.task === 'classification' ? 'CLASSIFICATION' : 'REGRESSION'),
    universe: async (m, _a, ctx) => (await ctx.universeOf.load(m.id)).map((symbol) => ({ symbol })),
    features: (m, _a, ctx) => ctx.featuresOf.load(m.id),
  },
  Instrument: {
    __resolveReference: (ref) => ({ symbol: String(ref.symbol) }),
    models: (instrument, _a, ctx) => ctx.modelsOfSymbol.load(instrument.symbol),
  },
};
