import type { Lake } from '@alphagraph/lake';
import {
  DomainError,
  type DownloadLink,
  type Downloads,
  defineModule,
  type RequestScope,
  type ServiceModule,
} from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { BarSelection } from './query.ts';
import { barResolvers } from './resolvers.ts';
import { type BarQuery, type BarRecord, createBarStore } from './store.ts';

/** Bar reads, and a selection as a Parquet download. */
export function createBarsProvider(lake: Lake, downloads: Downloads) {
  const store = createBarStore(lake);
  return {
    ...store,
    async download(scope: RequestScope, sel: BarSelection): Promise<DownloadLink> {
      const query = await store.exportSql(sel);
      if (!query) throw new DomainError('FAILED_PRECONDITION', 'no bars have been stored yet');
      return downloads.create(scope, {
        ...query,
        requires: [['analyst']],
        name: `bars_${sel.interval}_${sel.symbols.length === 1 ? sel.symbols[0] : `${sel.symbols.length}_symbols`}`,
      });
    },
  };
}
export type BarsProvider = ReturnType<typeof createBarsProvider>;

function querySignature(q: BarQuery): string {
  return JSON.stringify([
    q.from?.toISOString(),
    q.to?.toISOString(),
    q.last,
    q.interval,
    q.asOf?.toISOString(),
    q.resample,
    q.returns,
    q.adjustment,
  ]);
}

function createBarLoaders(bars: BarsProvider) {
  return {
    // Bar requests with the same range arguments share one DuckDB query across symbols.
    bars: new DataLoader<{ symbol: string; query: BarQuery }, BarRecord[], string>(
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
          [...groups].map(async ([sig, g]) => results.set(sig, await bars.forSymbols(g.symbols, g.query))),
        );
        return keys.map((k) => results.get(querySignature(k.query))?.get(k.symbol) ?? []);
      },
      { cacheKeyFn: (k) => `${k.symbol}|${querySignature(k.query)}` },
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type BarsModule = ServiceModule<'bars', BarsProvider, ReturnType<typeof createBarLoaders>>;

/** Daily and hourly bars, point in time, paged or downloaded. */
export function createBarsModule(lake: Lake, downloads: Downloads): BarsModule {
  const bars = createBarsProvider(lake, downloads);
  return defineModule({ name: 'bars', provider: bars, loaders: () => createBarLoaders(bars), resolvers: barResolvers });
}
