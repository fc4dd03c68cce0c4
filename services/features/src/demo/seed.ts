import { readDemoSeed } from '@alphagraph/service';
import { z } from 'zod';
import type { Stores } from '../context.ts';

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
      inputs: z.array(z.string()),
    }),
  ),
});

/** Registers the demo feature definitions (idempotent: an unchanged definition is not a new version). */
export async function seedDemoFeatures(stores: Stores, dir?: string): Promise<void> {
  const seed = readDemoSeed(seedSchema, dir);
  for (const f of seed.features) await stores.features.define({ ...f, universe: seed.universe });
  console.log(`[features] demo catalog: ${seed.features.length} feature definitions`);
}
