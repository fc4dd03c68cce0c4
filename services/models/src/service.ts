import { assembleService, DateTimeScalar, type ServiceRuntime } from '@alphagraph/service';
import { createModelsModule } from './modules/models/module.ts';

const modulesOf = (runtime: ServiceRuntime) => [createModelsModule(runtime.handle.db)] as const;
export type ModelsModules = ReturnType<typeof modulesOf>;

export async function createModels(runtime: ServiceRuntime) {
  return assembleService({ modules: modulesOf(runtime), scalars: { DateTime: DateTimeScalar } });
}
