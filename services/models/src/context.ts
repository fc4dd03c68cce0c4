import type { ModuleContext } from '@alphagraph/service';
import type { ModelsModules } from './service.ts';

/** A request's context: every module's provider (`stores`) and loaders. */
export type Context = ModuleContext<ModelsModules>;
export type Stores = Context['stores'];
