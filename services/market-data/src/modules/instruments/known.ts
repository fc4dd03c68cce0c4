import { DomainError } from '@alphagraph/service';
import type { InstrumentStore } from './store.ts';

const listed = (symbols: readonly string[]) => symbols.map((s) => JSON.stringify(s)).join(', ');

/**
 * The canonical spelling of each symbol a caller sent (`aapl` → `AAPL`), without repeats, in the
 * order sent. An unknown symbol is never silently an empty answer: the request is refused with
 * BAD_USER_INPUT naming every unknown symbol (also in `extensions.unknownSymbols`).
 */
export async function knownSymbols(
  instruments: InstrumentStore,
  argument: string,
  symbols: readonly string[],
): Promise<string[]> {
  const { canonical, unknown } = await instruments.resolveSymbols(symbols);
  if (unknown.length > 0) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${argument}: no instrument has the symbol${unknown.length > 1 ? 's' : ''} ${listed(unknown)} (symbols match case-insensitively; see instruments(search:))`,
      { details: { unknownSymbols: unknown } },
    );
  }
  return [...new Set(symbols.map((s) => canonical.get(s)!))];
}

/** The canonical symbol of one instrument, or NOT_FOUND naming it (an answer would be meaningless). */
export async function knownSymbol(instruments: InstrumentStore, argument: string, symbol: string): Promise<string> {
  const { canonical } = await instruments.resolveSymbols([symbol]);
  const found = canonical.get(symbol);
  if (!found) {
    throw new DomainError('NOT_FOUND', `${argument}: no instrument has the symbol ${JSON.stringify(symbol)}`, {
      details: { unknownSymbols: [symbol] },
    });
  }
  return found;
}
