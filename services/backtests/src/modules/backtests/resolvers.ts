import type { Resolvers } from '../../generated/resolvers.ts';
import { backtestEnums } from './enums.ts';

export const backtestResolvers: Resolvers = {
  ...backtestEnums,
  Query: {
    backtests: (_r, _a, ctx) => ctx.stores.backtests.list(),
    backtest: (_r, args, ctx) => ctx.backtestById.load(args.id),
  },
  Backtest: {
    __resolveReference: (ref, ctx) => ctx.backtestById.load(String(ref.id)),
    model: (b) => (b.modelName ? { name: b.modelName } : null),
    instruments: async (b, _a, ctx) => (await ctx.instrumentsOf.load(b.id)).map((symbol) => ({ symbol })),
    metrics: (b) =>
      b.status === 'succeeded' && b.metrics
        ? {
            totalReturn: b.metrics.totalReturn ?? null,
            annualizedReturn: b.metrics.annualizedReturn ?? null,
            annualizedVolatility: b.metrics.annualizedVolatility ?? null,
            sharpe: b.metrics.sharpe ?? null,
            maxDrawdown: b.metrics.maxDrawdown ?? null,
            tradeCount: b.metrics.tradeCount ?? null,
          }
        : null,
  },
  Instrument: {
    __resolveReference: (ref) => ({ symbol: String(ref.symbol) }),
    backtests: (instrument, _a, ctx) => ctx.backtestsOfSymbol.load(instrument.symbol),
  },
  Model: {
    __resolveReference: (ref) => ({ name: String(ref.name) }),
    backtests: (model, _a, ctx) => ctx.backtestsOfModel.load(model.name),
  },
};
