import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { checkSymbol, checkText, isInstrumentId, symbolProblem } from '../input.ts';
import { instrumentEnums } from './enums.ts';
import { knownSymbol } from './known.ts';

const MAX_PAGE = 500;

const encodeCursor = (symbol: string) => Buffer.from(`instrument:${symbol}`).toString('base64url');
function decodeCursor(cursor: string): string {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith('instrument:') || symbolProblem(text.slice('instrument:'.length)))
    throw new DomainError('BAD_USER_INPUT', `after: ${cursor.slice(0, 80)} is not a cursor from this list`);
  return text.slice('instrument:'.length);
}

export const instrumentResolvers: Resolvers = {
  ...instrumentEnums,
  Query: {
    instrument: async (_root, args, ctx) => {
      if ((args.id == null) === (args.symbol == null)) {
        throw new DomainError('BAD_USER_INPUT', 'instrument: pass exactly one of id or symbol');
      }
      if (args.id != null) return isInstrumentId(args.id) ? ctx.instrumentById.load(args.id) : null;
      const symbol = await knownSymbol(ctx.stores.instruments, 'instrument', checkSymbol('instrument', args.symbol!));
      return ctx.instrumentBySymbol.load(symbol);
    },
    instruments: async (_root, args, ctx) => {
      const first = args.first ?? 50;
      if (first < 1 || first > MAX_PAGE) {
        throw new DomainError('BAD_USER_INPUT', `instruments: first must be between 1 and ${MAX_PAGE}, got ${first}`);
      }
      const page = await ctx.stores.instruments.page({
        search: args.search == null ? null : checkText('instruments: search', args.search),
        assetClass: args.assetClass ?? null,
        first,
        afterSymbol: args.after ? decodeCursor(args.after) : null,
      });
      for (const i of page.items) ctx.instrumentById.prime(i.id, i);
      const edges = page.items.map((node) => ({ cursor: encodeCursor(node.symbol), node }));
      return {
        edges,
        totalCount: page.totalCount,
        pageInfo: { hasNextPage: page.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
      };
    },
  },
  Instrument: {
    __resolveReference: (ref, ctx) => {
      if ('id' in ref && ref.id) return isInstrumentId(String(ref.id)) ? ctx.instrumentById.load(String(ref.id)) : null;
      if ('symbol' in ref && ref.symbol && !symbolProblem(String(ref.symbol)))
        return ctx.instrumentBySymbol.load(String(ref.symbol));
      return null;
    },
  },
};
