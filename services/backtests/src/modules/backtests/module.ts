import type { Db } from '@alphagraph/db';
import { defineModule, manyByKey, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import { backtestResolvers } from './resolvers.ts';
import { type BacktestRecord, type BacktestStore, createBacktestStore } from './store.ts';

/** Every by-key read of backtests, batched per request. */
function createBacktestLoaders(backtests: BacktestStore) {
  return {
    backtestById: new DataLoader<string, BacktestRecord | null>(async (ids) =>
      oneByKey(ids, await backtests.byIds(ids), (r) => r.id),
    ),
    instrumentsOf: new DataLoader<string, string[]>(async (ids) =>
      manyByKey(
        ids,
        await backtests.instrumentsOf(ids),
        (r) => r.backtestId,
        (r) => r.symbol,
      ),
    ),
    backtestsOfSymbol: new DataLoader<string, BacktestRecord[]>(async (symbols) =>
      manyByKey(
        symbols,
        await backtests.forSymbols(symbols),
        (r) => r.symbol,
        (r) => r.backtest,
      ),
    ),
    backtestsOfModel: new DataLoader<string, BacktestRecord[]>(async (names) =>
      manyByKey(names, await backtests.forModels(names), (r) => r.modelName ?? ''),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type BacktestsModule = ServiceModule<'backtests', BacktestStore, ReturnType<typeof createBacktestLoaders>>;

/** Backtest specs and results, and the backtests of an instrument or a model. */
export function createBacktestsModule(db: Db): BacktestsModule {
  const backtests = createBacktestStore(db);
  return defineModule({
    name: 'backtests',
    provider: backtests,
    loaders: () => createBacktestLoaders(backtests),
    resolvers: backtestResolvers,
  });
}
