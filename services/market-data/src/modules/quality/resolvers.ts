import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { asDate, checkRange, checkSymbol, checkTime } from '../input.ts';
import { knownSymbols } from '../instruments/known.ts';

const MAX_SYMBOLS = 500;

export const qualityResolvers: Resolvers = {
  Query: {
    dataQuality: async (_r, args, ctx) => {
      const given = [...new Set(args.symbols ?? [])].map((s) => checkSymbol('dataQuality', s));
      if (given.length > MAX_SYMBOLS) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `dataQuality: pass at most ${MAX_SYMBOLS} symbols, got ${given.length}`,
        );
      }
      const { from, to } = checkRange('dataQuality', args);
      return ctx.stores.quality.report({
        interval: args.interval ?? '1d',
        symbols: given.length > 0 ? await knownSymbols(ctx.stores.instruments, 'dataQuality', given) : [],
        from,
        to,
        asOf: checkTime('dataQuality: asOf', asDate(args.asOf)) ?? new Date(),
      });
    },
  },
  DataQualityReport: {
    snapshotId: (r) => (r.snapshotId === null ? null : String(r.snapshotId)),
  },
};
