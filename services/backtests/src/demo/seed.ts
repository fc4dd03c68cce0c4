import { readDemoSeed } from '@alphagraph/service';
import { z } from 'zod';
import type { Stores } from '../context.ts';

const seedSchema = z.object({
  universe: z.array(z.string()),
  backtests: z.array(
    z.object({
      name: z.string(),
      signal: z.string(),
      model: z.string().optional(),
      periodStart: z.string(),
      periodEnd: z.string(),
      createdBy: z.string(),
    }),
  ),
});

/** Queues the demo backtest specs (idempotent). They run once the backtest engine lands. */
export async function seedDemoBacktests(stores: Stores, dir?: string): Promise<void> {
  const seed = readDemoSeed(seedSchema, dir);
  for (const { model, ...b } of seed.backtests) {
    await stores.backtests.queue({ ...b, modelName: model ?? null }, seed.universe);
  }
  console.log(`[backtests] demo catalog: ${seed.backtests.length} backtest specs`);
}
