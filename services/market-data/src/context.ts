import type { Db } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';
import type { Downloads, RequestScope, ServiceContext } from '@alphagraph/service';
import { oneByKey as byKey } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { BarQuery, BarRecord, BarStore } from './modules/bars/store.ts';
import type { CorporateActionRecord, CorporateActionStore } from './modules/corporate-actions/store.ts';
import type { IngestModule } from './modules/ingest/module.ts';
import type { BatchRecord } from './modules/ingest/report-store.ts';
import type { InstrumentRecord, InstrumentStore } from './modules/instruments/store.ts';

export interface Stores {
  readonly corporateActions: CorporateActionStore;
  readonly instruments: InstrumentStore;
  readonly bars: BarStore;
  readonly lake: Lake;
  readonly db: Db;
  readonly downloads: Downloads;
  readonly ingest: IngestModule;
}

export interface Context extends ServiceContext {
  readonly stores: Stores;
  readonly instrumentById: DataLoader<string, InstrumentRecord | null>;
  readonly instrumentBySymbol: DataLoader<string, InstrumentRecord | null>;
  readonly bars: DataLoader<{ symbol: string; query: BarQuery }, BarRecord[], string>;
  readonly corporateActions: DataLoader<{ symbol: string; asOf: Date | null }, CorporateActionRecord[], string>;
  readonly ingestBatchById: DataLoader<string, BatchRecord | null>;
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
    ingestBatchById: new DataLoader(async (ids) => byKey(ids, await stores.ingest.reports.batches(ids), (r) => r.id)),
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
    // Corporate actions of many instruments as of the same time: one DuckDB query.
    corporateActions: new DataLoader(
      async (keys) => {
        const byAsOf = new Map<string, { asOf: Date | null; symbols: string[] }>();
        for (const k of keys) {
          const sig = k.asOf?.toISOString() ?? 'now';
          const g = byAsOf.get(sig) ?? { asOf: k.asOf, symbols: [] };
          g.symbols.push(k.symbol);
          byAsOf.set(sig, g);
        }
        const found = new Map<string, Map<string, CorporateActionRecord[]>>();
        for (const [sig, g] of byAsOf) found.set(sig, await stores.corporateActions.forSymbols(g.symbols, g.asOf));
        return keys.map((k) => found.get(k.asOf?.toISOString() ?? 'now')?.get(k.symbol) ?? []);
      },
      { cacheKeyFn: (k) => `${k.symbol}|${k.asOf?.toISOString() ?? 'now'}` },
    ),
  };
}

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
