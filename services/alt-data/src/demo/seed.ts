import { readDemoSeed } from '@alphagraph/service';
import { z } from 'zod';
import type { Stores } from '../context.ts';

const seedSchema = z.object({
  altData: z.object({
    vendors: z.array(z.object({ name: z.string(), website: z.string().nullable(), licence: z.string() })),
    datasets: z.array(
      z.object({
        name: z.string(),
        vendor: z.string(),
        description: z.string(),
        licence: z.string(),
        latencySeconds: z.number().int(),
        entityKind: z.enum(['instrument', 'market']),
        coverage: z.array(z.string()),
      }),
    ),
  }),
});

/** Registers the demo vendors and datasets (idempotent). */
export async function seedDemoCatalog(stores: Stores, dir?: string): Promise<void> {
  const { altData } = readDemoSeed(seedSchema, dir);
  const vendorIds = new Map<string, string>();
  for (const v of altData.vendors) vendorIds.set(v.name, (await stores.vendors.ensure(v)).id);
  for (const { vendor, coverage, ...d } of altData.datasets) {
    const vendorId = vendorIds.get(vendor);
    if (!vendorId) throw new Error(`demo dataset ${d.name} names unknown vendor ${vendor}`);
    await stores.datasets.ensure({ ...d, vendorId }, coverage);
  }
  console.log(`[alt-data] demo catalog: ${altData.vendors.length} vendors, ${altData.datasets.length} datasets`);
}
