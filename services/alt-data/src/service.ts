import { assembleService, DateScalar, DateTimeScalar, JSONScalar, type ServiceRuntime } from '@alphagraph/service';
import { createDatasetsModule } from './modules/datasets/module.ts';
import { createGovernanceModule } from './modules/governance/module.ts';
import { createIngestModule } from './modules/ingest/module.ts';
import { createLicensingModule } from './modules/licensing/module.ts';
import { decideLicencePolicy } from './modules/licensing/policy.ts';
import { createObservationsModule } from './modules/observations/module.ts';
import { createObservationStore } from './modules/observations/store.ts';
import { createDailySentimentStore } from './modules/tweets/daily.ts';
import { createTweetsModule } from './modules/tweets/module.ts';
import { createVendorsModule } from './modules/vendors/module.ts';

function modulesOf(runtime: ServiceRuntime) {
  const { handle, lake, entitlements, audit } = runtime;
  const observations = createObservationStore(lake);
  return [
    createVendorsModule(handle.db),
    createDatasetsModule(handle.db),
    createObservationsModule(observations),
    createTweetsModule(createDailySentimentStore(lake, observations)),
    createGovernanceModule({ entitlements, audit }),
    createIngestModule({ db: handle.db, lake, observations, audit }),
    createLicensingModule({ entitlements, audit }),
  ] as const;
}
export type AltDataModules = ReturnType<typeof modulesOf>;

export async function createAltData(runtime: ServiceRuntime) {
  const service = assembleService({
    modules: modulesOf(runtime),
    scalars: { Date: DateScalar, DateTime: DateTimeScalar, JSON: JSONScalar },
  });
  /** Decides `@policy(entitled)`: licence entitlements per dataset. */
  return { ...service, decidePolicy: decideLicencePolicy };
}
