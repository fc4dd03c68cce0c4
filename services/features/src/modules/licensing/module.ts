import { defineModule, type RequestScope, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { FeatureStoreServices } from '../../feature-store.ts';
import type { FeatureRecord } from '../features/store.ts';
import { createRequestLicensing } from './policy.ts';

const settled = (results: (FeatureRecord | null | Error)[]): (FeatureRecord | null)[] =>
  results.map((r) => {
    if (r instanceof Error) throw r;
    return r;
  });

function createLicensingLoaders(fs: FeatureStoreServices, scope: RequestScope) {
  /** A ref (`name@3`, or `name` for the newest version) to its version, once per request. */
  const featureByRef = new DataLoader<string, FeatureRecord | null>(async (refs) => {
    const resolved = await fs.features.resolveRefs(refs);
    return refs.map((r) => resolved.get(r) ?? null);
  });
  return {
    featureByRef,
    /** This request's licence decisions over the features' lineage (see ./policy.ts). */
    licensing: createRequestLicensing(fs, scope, async (refs) => featureByRef.loadMany([...refs]).then(settled)),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type LicensingModule = ServiceModule<'licensing', null, ReturnType<typeof createLicensingLoaders>>;

/**
 * Licence decisions and audited licensed reads over each feature's lineage. It resolves no field
 * itself: the `entitled` policy (./policy.ts) guards the fields of the other modules.
 */
export function createLicensingModule(fs: FeatureStoreServices): LicensingModule {
  return defineModule({
    name: 'licensing',
    provider: null,
    loaders: (scope) => createLicensingLoaders(fs, scope),
    resolvers: {},
  });
}
