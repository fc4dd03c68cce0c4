import { defineModule, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import { instrumentResolvers } from './resolvers.ts';
import type { InstrumentRecord, InstrumentStore } from './store.ts';

function createInstrumentLoaders(instruments: InstrumentStore) {
  return {
    instrumentById: new DataLoader<string, InstrumentRecord | null>(async (ids) =>
      oneByKey(ids, await instruments.byIds(ids), (r) => r.id),
    ),
    instrumentBySymbol: new DataLoader<string, InstrumentRecord | null>(async (symbols) =>
      oneByKey(symbols, await instruments.bySymbols(symbols), (r) => r.symbol),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type InstrumentsModule = ServiceModule<
  'instruments',
  InstrumentStore,
  ReturnType<typeof createInstrumentLoaders>
>;

/** The instrument master. Its store is shared with ingestion, which registers instruments. */
export function createInstrumentsModule(instruments: InstrumentStore): InstrumentsModule {
  return defineModule({
    name: 'instruments',
    provider: instruments,
    loaders: () => createInstrumentLoaders(instruments),
    resolvers: instrumentResolvers,
  });
}
