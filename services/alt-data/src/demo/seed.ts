import { readDemoSeed } from '@alphagraph/service';
import { z } from 'zod';
import type { Stores } from '../context.ts';
import { datasetFieldsSchema, publicationRuleSchema } from '../modules/datasets/spec.ts';
import type { DatasetRecord } from '../modules/datasets/store.ts';

const seedSchema = z.object({
  altData: z.object({
    vendors: z.array(z.object({ name: z.string(), website: z.string().nullable(), licence: z.string() })),
    datasets: z.array(
      z.object({
        name: z.string(),
        vendor: z.string(),
        description: z.string(),
        licence: z.string(),
        licensed: z.boolean(),
        latencySeconds: z.number().int(),
        publication: publicationRuleSchema,
        entityKind: z.enum(['instrument', 'market']),
        fields: datasetFieldsSchema,
        coverage: z.array(z.string()),
      }),
    ),
  }),
});

/** Registers the demo vendors and datasets (idempotent) and returns the datasets by name. */
export async function seedDemoCatalog(stores: Stores, dir?: string): Promise<Map<string, DatasetRecord>> {
  const { altData } = readDemoSeed(seedSchema, dir);
  const vendorIds = new Map<string, string>();
  for (const v of altData.vendors) vendorIds.set(v.name, (await stores.vendors.ensure(v)).id);
  const datasets = new Map<string, DatasetRecord>();
  for (const { vendor, coverage, ...d } of altData.datasets) {
    const vendorId = vendorIds.get(vendor);
    if (!vendorId) throw new Error(`demo dataset ${d.name} names unknown vendor ${vendor}`);
    datasets.set(d.name, await stores.datasets.ensure({ ...d, vendorId }, coverage));
  }
  console.log(`[alt-data] demo catalog: ${altData.vendors.length} vendors, ${altData.datasets.length} datasets`);
  return datasets;
}
