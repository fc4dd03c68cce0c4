import { defineModule, manyByKey, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { Sweeps } from '../sweeps/service.ts';
import type { SweepRecord } from '../sweeps/store.ts';
import { backtestResolvers } from './resolvers.ts';
import type { Backtests } from './service.ts';
import type { BacktestRecord } from './store.ts';

/** Every by-key read of backtests and sweeps, batched per request. */
function createBacktestLoaders(backtests: Backtests, sweeps: Sweeps) {
  const store = backtests.store;
  return {
    backtestById: new DataLoader<string, BacktestRecord | null>(async (ids) =>
      oneByKey(ids, await store.byIds(ids), (r) => r.id),
    ),
    sweepById: new DataLoader<string, SweepRecord | null>(async (ids) =>
      oneByKey(ids, await sweeps.store.byIds(ids), (r) => r.id),
    ),
    instrumentsOf: new DataLoader<string, string[]>(async (ids) =>
      manyByKey(
        ids,
        await store.instrumentsOf(ids),
        (r) => r.backtestId,
        (r) => r.symbol,
      ),
    ),
    backtestsOfSymbol: new DataLoader<string, BacktestRecord[]>(async (symbols) =>
      manyByKey(
        symbols,
        await store.forSymbols(symbols),
        (r) => r.symbol,
        (r) => r.backtest,
      ),
    ),
    backtestsOfModel: new DataLoader<string, BacktestRecord[]>(async (names) =>
      manyByKey(names, await store.forModels(names), (r) => r.modelName ?? ''),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type BacktestsModule = ServiceModule<'backtests', Backtests, ReturnType<typeof createBacktestLoaders>>;

/** Backtest runs and their outputs, and the backtests of an instrument or a model. */
export function createBacktestsModule(backtests: Backtests, sweeps: Sweeps): BacktestsModule {
  return defineModule({
    name: 'backtests',
    provider: backtests,
    loaders: () => createBacktestLoaders(backtests, sweeps),
    resolvers: backtestResolvers,
  });
}
