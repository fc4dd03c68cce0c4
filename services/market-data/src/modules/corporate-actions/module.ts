import type { Lake } from '@alphagraph/lake';
import { defineModule, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import { corporateActionResolvers } from './resolvers.ts';
import { type CorporateActionRecord, type CorporateActionStore, createCorporateActionStore } from './store.ts';

type ActionsKey = { symbol: string; asOf: Date | null };
const asOfKey = (asOf: Date | null) => asOf?.toISOString() ?? 'now';

function createCorporateActionLoaders(actions: CorporateActionStore) {
  return {
    // Corporate actions of many instruments as of the same time: one DuckDB query.
    corporateActions: new DataLoader<ActionsKey, CorporateActionRecord[], string>(
      async (keys) => {
        const byAsOf = new Map<string, { asOf: Date | null; symbols: string[] }>();
        for (const k of keys) {
          const g = byAsOf.get(asOfKey(k.asOf)) ?? { asOf: k.asOf, symbols: [] };
          g.symbols.push(k.symbol);
          byAsOf.set(asOfKey(k.asOf), g);
        }
        const found = new Map<string, Map<string, CorporateActionRecord[]>>();
        for (const [sig, g] of byAsOf) found.set(sig, await actions.forSymbols(g.symbols, g.asOf));
        return keys.map((k) => found.get(asOfKey(k.asOf))?.get(k.symbol) ?? []);
      },
      { cacheKeyFn: (k) => `${k.symbol}|${asOfKey(k.asOf)}` },
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type CorporateActionsModule = ServiceModule<
  'corporateActions',
  CorporateActionStore,
  ReturnType<typeof createCorporateActionLoaders>
>;

/** Splits and dividends as known at a time. */
export function createCorporateActionsModule(lake: Lake): CorporateActionsModule {
  const actions = createCorporateActionStore(lake);
  return defineModule({
    name: 'corporateActions',
    provider: actions,
    loaders: () => createCorporateActionLoaders(actions),
    resolvers: corporateActionResolvers,
  });
}
