import type { RequestScope, ServiceContext } from '@alphagraph/service';
import { manyByKey, oneByKey } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { BacktestRecord, BacktestStore } from './modules/backtests/store.ts';

export interface Stores {
  readonly backtests: BacktestStore;
}

export interface Context extends ServiceContext {
  readonly stores: Stores;
  readonly backtestById: DataLoader<string, BacktestRecord | null>;
  readonly instrumentsOf: DataLoader<string, string[]>;
  readonly backtestsOfSymbol: DataLoader<string, BacktestRecord[]>;
  readonly backtestsOfModel: DataLoader<string, BacktestRecord[]>;
}

export function createContext(stores: Stores, scope: RequestScope): Context {
  const s = stores.backtests;
  return {
    ...scope,
    stores,
    backtestById: new DataLoader(async (ids) => oneByKey(ids, await s.byIds(ids), (r) => r.id)),
    instrumentsOf: new DataLoader(async (ids) =>
      manyByKey(
        ids,
        await s.instrumentsOf(ids),
        (r) => r.backtestId,
        (r) => r.symbol,
      ),
    ),
    backtestsOfSymbol: new DataLoader(async (symbols) =>
      manyByKey(
        symbols,
        await s.forSymbols(symbols),
        (r) => r.symbol,
        (r) => r.backtest,
      ),
    ),
    backtestsOfModel: new DataLoader(async (names) =>
      manyByKey(names, await s.forModels(names), (r) => r.modelName ?? ''),
    ),
  };
}
