import type { ModuleContext } from '@alphagraph/service';
import type { MarketDataModules } from './service.ts';

/** A request's context: every module's provider (`stores`) and loaders. */
export type Context = ModuleContext<MarketDataModules>;
export type Stores = Context['stores'];
