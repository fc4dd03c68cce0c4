import type { Db } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';
import { defineModule, type ServiceModule } from '@alphagraph/service';
import type { InstrumentStore } from '../instruments/store.ts';
import { type DataQualityReport, dataQualityReport, type QualityScope } from './report.ts';
import { qualityResolvers } from './resolvers.ts';

export interface QualityProvider {
  report(scope: QualityScope): Promise<DataQualityReport>;
}

export type QualityModule = ServiceModule<'quality', QualityProvider>;

/** The data-quality report of stored bars. */
export function createQualityModule(deps: { db: Db; lake: Lake; instruments: InstrumentStore }): QualityModule {
  return defineModule({
    name: 'quality',
    provider: { report: (scope) => dataQualityReport({ ...deps, scope }) },
    resolvers: qualityResolvers,
  });
}
