import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { asDate, checkRange, checkSymbol, checkTime, isSupportedTime, symbolProblem } from '../input.ts';
import { knownSymbols } from '../instruments/known.ts';
import type { InstrumentStore } from '../instruments/store.ts';
import { barEnums } from './enums.ts';
import type { BarInterval, BarSelection, PriceAdjustment, ResamplePeriod, ReturnKind } from './query.ts';
import { isCompletePeriod } from './sessions.ts';
import { MAX_BARS_PER_REQUEST } from './store.ts';

const MAX_SYMBOLS = 500;
const MAX_PAGE = 10_000;

async function selectionOf(
  instruments: InstrumentStore,
  args: {
    symbols: readonly string[];
    from?: unknown;
    to?: unknown;
    interval?: BarInterval | null;
    asOf?: unknown;
    resample?: ResamplePeriod | null;
    returns?: ReturnKind | null;
    adjust?: PriceAdjustment | null;
  },
): Promise<BarSelection> {
  const given = [...new Set(args.symbols)].map((s) => checkSymbol('bars', s));
  if (given.length === 0 || given.length > MAX_SYMBOLS) {
    throw new DomainError('BAD_USER_INPUT', `bars: pass between 1 and ${MAX_SYMBOLS} symbols, got ${given.length}`);
  }
  const symbols = await knownSymbols(instruments, 'bars', given);
  return {
    symbols,
    interval: args.interval ?? '1d',
    ...checkRange('bars', args),
    asOf: checkTime('bars: asOf', asDate(args.asOf)),
    resample: args.resample ?? null,
    returns: args.returns ?? null,
    adjustment: args.adjust ?? 'none',
  };
}

const encodeCursor = (symbol: string, time: Date) =>
  Buffer.from(`bar:${symbol}|${time.toISOString()}`).toString('base64url');
function decodeCursor(cursor: string) {
  const m = /^bar:(.+)\|(.+)$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  const time = m ? new Date(m[2]!) : null;
  // A cursor is opaque to callers but not to attackers: its symbol and time are checked like arguments.
  if (!m || !time || !isSupportedTime(time) || symbolProblem(m[1]!)) {
    throw new DomainError('BAD_USER_INPUT', `after: ${cursor.slice(0, 80)} is not a cursor from this list`);
  }
  return { symbol: m[1]!, time };
}

export const barResolvers: Resolvers = {
  ...barEnums,
  Query: {
    bars: async (_r, args, ctx) => {
      const first = args.first ?? 1000;
      if (first < 1 || first > MAX_PAGE)
        throw new DomainError('BAD_USER_INPUT', `bars: first must be between 1 and ${MAX_PAGE}`);
      const page = await ctx.stores.bars.page(
        await selectionOf(ctx.stores.instruments, args),
        first,
        args.after ? decodeCursor(args.after) : null,
      );
      const edges = page.items.map((node) => ({ cursor: encodeCursor(node.symbol, node.time), node }));
      return { edges, pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null } };
    },
    barsDownload: async (_r, args, ctx) =>
      ctx.stores.bars.download(ctx, await selectionOf(ctx.stores.instruments, args)),
  },
  Instrument: {
    bars: async (instrument, args, ctx) => {
      if (args.last != null && (args.last < 1 || args.last > MAX_BARS_PER_REQUEST)) {
        throw new DomainError('BAD_USER_INPUT', `bars: last must be between 1 and ${MAX_BARS_PER_REQUEST}`);
      }
      const { from, to } = checkRange('bars', args);
      const bars = await ctx.bars.load({
        symbol: instrument.symbol,
        query: {
          from,
          to,
          last: args.last ?? null,
          interval: args.interval ?? '1d',
          asOf: checkTime('bars: asOf', asDate(args.asOf)),
          resample: args.resample ?? null,
          returns: args.returns ?? null,
          adjustment: args.adjust ?? 'none',
        },
      });
      if (bars.length > MAX_BARS_PER_REQUEST) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `bars: more than ${MAX_BARS_PER_REQUEST} bars match; narrow from/to, pass last, or use barsDownload`,
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
      if (!isSupportedTime(time) || symbolProblem(String(ref.symbol))) return null;
      const bars = await ctx.bars.load({
        symbol: String(ref.symbol),
        query: { from: time, to: new Date(time.getTime() + 1) },
      });
      return bars[0] ?? null;
    },
    complete: async (bar, _args, ctx) => {
      if (!bar.resample) return true;
      const instrument = await ctx.instrumentBySymbol.load(bar.symbol);
      if (!instrument) throw new Error(`bar of unknown instrument ${bar.symbol}`);
      return isCompletePeriod({ ...bar, calendar: instrument.calendar, period: bar.resample, start: bar.time });
    },
    instrument: async (bar, _args, ctx) => {
      const instrument = await ctx.instrumentBySymbol.load(bar.symbol);
      if (!instrument) throw new Error(`bar of unknown instrument ${bar.symbol}`);
      return instrument;
    },
  },
};
