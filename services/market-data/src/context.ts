import type { RequestScope, ServiceContext } from '@alphagraph/service';
import { oneByKey as byKey } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { BarQuery, BarRecord, BarStore } from './modules/bars/store.ts';
import type { InstrumentRecord, InstrumentStore } from './modules/instruments/store.ts';

export interface Stores {
  readonly instruments: InstrumentStore;
  readonly bars: BarStore;
}

export interface Context extends ServiceContext {
  readonly stores: Stores;
  readonly instrumentById: DataLoader<string, InstrumentRecord | null>;
  readonly instrumentBySymbol: DataLoader<string, InstrumentRecord | null>;
  readonly bars: DataLoader<{ symbol: string; query: BarQuery }, BarRecord[], string>;
}

/** A fresh context per request: every by-key read goes through a request-scoped DataLoader. */
export function createContext(stores: Stores, scope: RequestScope): Context {
  return {
    ...scope,
    stores,
    instrumentById: new DataLoader(async (ids) => byKey(ids, await stores.instruments.byIds(ids), (r) => r.id)),
    instrumentBySymbol: new DataLoader(async (symbols) =>
      byKey(symbols, await stores.instruments.bySymbols(symbols), (r) => r.symbol),
    ),
    // Bar requests with the same range arguments share one DuckDB query across symbols.
    bars: new DataLoader(
      async (keys) => {
        const groups = new Map<string, { query: BarQuery; symbols: string[] }>();
        for (const k of keys) {
          const sig = querySignature(k.query);
          const g = groups.get(sig) ?? { query: k.query, symbols: [] };
          g.symbols.push(k.symbol);
          groups.set(sig, g);
        }
        const results = new Map<string, Map<string, BarRecord[]>>();
        await Promise.all(
          [...groups].map(async ([sig, g]) => results.set(sig, await stores.bars.forSymbols(g.symbols, g.query))),
        );
        return keys.map((k) => results.get(querySignature(k.query))?.get(k.symbol) ?? []);
      },
      { cacheKeyFn: (k) => `${k.symbol}|${querySignature(k.query)}` },
    ),
  };
}

function querySignature(q: BarQuery): string {
  return JSON.stringify([q.from?.toISOString(), q.to?.toISOString(), q.last, q.interval, q.asOf?.toISOString()]);
}
