import { defineModule, manyByKey, oneByKey, type ServiceModule } from '@alphagraph/service';
import DataLoader from 'dataloader';
import type { FeatureStoreServices } from '../../feature-store.ts';
import type { FeatureRecord } from '../features/store.ts';
import type { FeatureSetRecord } from '../sets/store.ts';
import { createRegistryProvider, type RegistryProvider } from './provider.ts';
import { registryResolvers } from './resolvers.ts';

function createRegistryLoaders(registry: RegistryProvider) {
  return {
    setByName: new DataLoader<string, FeatureSetRecord | null>(async (names) =>
      oneByKey(names, await registry.sets.byNames(names), (r) => r.name),
    ),
    setMembers: new DataLoader<string, FeatureRecord[]>(async (names) =>
      manyByKey(
        names,
        await registry.sets.membersOf(names),
        (r) => r.setName,
        (r) => r.feature,
      ),
    ),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type RegistryModule = ServiceModule<'registry', RegistryProvider, ReturnType<typeof createRegistryLoaders>>;

/** Defining features and feature sets, and the lineage of a dataset. */
export function createRegistryModule(fs: FeatureStoreServices): RegistryModule {
  const registry = createRegistryProvider(fs);
  return defineModule({
    name: 'registry',
    provider: registry,
    loaders: () => createRegistryLoaders(registry),
    resolvers: registryResolvers,
  });
}
