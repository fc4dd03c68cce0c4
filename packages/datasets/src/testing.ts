import type { Db } from '@alphagraph/db';
import { altDatasets, vendors } from '@alphagraph/db/schema/alt';

/**
 * An entry in alt-data's catalog, written as alt-data registers one: for the tests of services
 * that read the catalog through `readAltCatalog` and may not write alt-data's tables themselves.
 */
export async function seedAltCatalogEntry(
  db: Db,
  entry: {
    readonly name: string;
    readonly vendor: string;
    /** The vendor's and the dataset's licence text. */
    readonly licence: string;
    readonly licensed: boolean;
    readonly description: string;
    readonly entityKind: 'instrument' | 'market';
    readonly latencySeconds?: number;
    readonly fields?: readonly { name: string; type: 'float' | 'int' }[];
  },
): Promise<void> {
  const [vendor] = await db
    .insert(vendors)
    .values({ name: entry.vendor, licence: entry.licence })
    .onConflictDoUpdate({ target: vendors.name, set: { licence: entry.licence } })
    .returning();
  await db
    .insert(altDatasets)
    .values({
      vendorId: vendor!.id,
      name: entry.name,
      description: entry.description,
      licence: entry.licence,
      licensed: entry.licensed,
      entityKind: entry.entityKind,
      ...(entry.latencySeconds === undefined ? {} : { latencySeconds: entry.latencySeconds }),
      ...(entry.fields === undefined ? {} : { fields: entry.fields.map((f) => ({ ...f, description: f.name })) }),
    })
    .onConflictDoNothing();
}
