import type { ModuleContext } from '@alphagraph/service';
import type { AltDataModules } from './service.ts';

/** A request's context: every module's provider (`stores`) and loaders. */
export type Context = ModuleContext<AltDataModules>;
export type Stores = Context['stores'];
