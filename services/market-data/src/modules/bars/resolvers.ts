import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { MAX_BARS_PER_REQUEST } from './store.ts';

const dayStart = (d: string) => new Date(`${d}T00:00:00.000Z`);
const nextDayStart = (d: string) => new Date(dayStart(d).getTime() + 86_400_000);

export const barResolvers: Resolvers = {
  Instrument: {
    bars: async (instrument, args, ctx) => {
      if (args.last != null && (args.last < 1 || args.last > MAX_BARS_PER_REQUEST)) {
        throw new DomainError('BAD_USER_INPUT', `bars: last must be between 1 and ${MAX_BARS_PER_REQUEST}`);
      }
      if (args.from && args.to && args.from > args.to) {
        throw new DomainError('BAD_USER_INPUT', `bars: from (${args.from}) is after to (${args.to})`);
      }
      const bars = await ctx.bars.load({
        symbol: instrument.symbol,
        query: {
          from: args.from ? dayStart(args.from) : null,
          to: args.to ? nextDayStart(args.to) : null,
          last: args.last ?? null,
        },
      });
      if (bars.length > MAX_BARS_PER_REQUEST) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `bars: more than ${MAX_BARS_PER_REQUEST} bars match; narrow from/to or pass last`,
        );
      }
      return bars;
    },
    latestBar: async (instrument, _args, ctx) => {
      const [bar] = await ctx.bars.load({ symbol: instrument.symbol, query: { last: 1 } });
      return bar ?? null;
    },
  },
  Bar: {
    __resolveReference: async (ref, ctx) => {
      const time = new Date(String(ref.time));
      if (Number.isNaN(time.getTime())) return null;
      const bars = await ctx.bars.load({
        symbol: String(ref.symbol),
        query: { from: time, to: new Date(time.getTime() + 1) },
      });
      return bars[0] ?? null;
    },
    instrument: async (bar, _args, ctx) => {
      const instrument = await ctx.instrumentBySymbol.load(bar.symbol);
      if (!instrument) throw new Error(`bar of unknown instrument ${bar.symbol}`);
      return instrument;
    },
  },
};
