import { assembleService, DateScalar, DateTimeScalar, type ServiceRuntime } from '@alphagraph/service';
import { createBacktestsModule } from './modules/backtests/module.ts';

const modulesOf = (runtime: ServiceRuntime) => [createBacktestsModule(runtime.handle.db)] as const;
export type BacktestsModules = ReturnType<typeof modulesOf>;

export async function createBacktests(runtime: ServiceRuntime) {
  return assembleService({ modules: modulesOf(runtime), scalars: { DateTime: DateTimeScalar, Date: DateScalar } });
}
