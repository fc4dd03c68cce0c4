import type { Db } from '@alphagraph/db';
import { defineModule, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import { vendorResolvers } from './resolvers.ts';
import { createVendorStore, type VendorRecord, type VendorStore } from './store.ts';

function createVendorLoaders(vendors: VendorStore) {
  return {
    vendorById: new DataLoader<string, VendorRecord | null>(async (ids) =>
      oneByKey(ids, await vendors.byIds(ids), (r) => r.id),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type VendorsModule = ServiceModule<'vendors', VendorStore, ReturnType<typeof createVendorLoaders>>;

/** Data vendors and their licences. */
export function createVendorsModule(db: Db): VendorsModule {
  const vendors = createVendorStore(db);
  return defineModule({
    name: 'vendors',
    provider: vendors,
    loaders: () => createVendorLoaders(vendors),
    resolvers: vendorResolvers,
  });
}
