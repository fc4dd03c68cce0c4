import type { ModuleContext } from '@alphagraph/service';
import type { FeaturesModules } from './service.ts';

/** A request's context: every module's provider (`stores`) and loaders. */
export type Context = ModuleContext<FeaturesModules>;
export type Stores = Context['stores'];
