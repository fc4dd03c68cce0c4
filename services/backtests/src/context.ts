import type { ModuleContext } from '@alphagraph/service';
import type { BacktestsModules } from './service.ts';

/** A request's context: every module's provider (`stores`) and loaders. */
export type Context = ModuleContext<BacktestsModules>;
export type Stores = Context['stores'];
