import { readDemoSeed } from '@alphagraph/service';
import { z } from 'zod';
import type { Stores } from '../context.ts';

const seedSchema = z.object({
  universe: z.array(z.string()),
  models: z.array(
    z.object({
      name: z.string(),
      description: z.string(),
      task: z.enum(['classification', 'regression']),
      owner: z.string(),
      features: z.array(z.object({ name: z.string(), version: z.number().int() })),
    }),
  ),
});

/** Registers the demo models (idempotent by name). */
export async function seedDemoModels(stores: Stores, dir?: string): Promise<void> {
  const seed = readDemoSeed(seedSchema, dir);
  for (const m of seed.models) await stores.models.register({ ...m, universe: seed.universe });
  console.log(`[models] demo catalog: ${seed.models.length} models`);
}
