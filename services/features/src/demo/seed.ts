import { readDemoSeed } from '@alphagraph/service';
import { z } from 'zod';
import type { Stores } from '../context.ts';
import { loadFeatureCatalog } from '../modules/registry/catalog.ts';

const seedSchema = z.object({
  universe: z.array(z.string()),
  features: z.array(
    z.object({
      name: z.string(),
      owner: z.string(),
      description: z.string(),
      entity: z.enum(['instrument', 'market']),
      expression: z.string(),
      ttlSeconds: z.number().int(),
      tags: z.array(z.string()),
      /** Ignored: the registry derives lineage from the expression. */
      inputs: z.array(z.string()).optional(),
    }),
  ),
});

/**
 * Registers the demo feature definitions through the registry (checked, canonical, lineage derived;
 * idempotent: an unchanged definition is not a new version).
 */
export async function seedDemoFeatures(stores: Stores, dir?: string): Promise<void> {
  const seed = readDemoSeed(seedSchema, dir);
  const { registry, db } = stores.registry;
  // One catalog read for the whole seed, not one per feature.
  const catalog = await loadFeatureCatalog(db);
  for (const { inputs: _declared, owner, ...f } of seed.features) {
    const result = await registry.defineFeature({ ...f, universe: seed.universe }, owner, catalog);
    if (!result.ok) throw new Error(`demo feature ${f.name}: ${result.error.message}`);
  }
  console.log(`[features] demo catalog: ${seed.features.length} feature definitions`);
}
