import type { Db } from '@alphagraph/db';
import { vendors } from '@alphagraph/db/schema/alt';
import { asc, inArray } from 'drizzle-orm';
import { createInsertSchema } from 'drizzle-zod';
import type { z } from 'zod';

export type VendorRecord = typeof vendors.$inferSelect;
export const vendorInsertSchema = createInsertSchema(vendors, { name: (s) => s.min(1).max(200) }).omit({
  id: true,
  createdAt: true,
});
export type VendorInput = z.input<typeof vendorInsertSchema>;

export function createVendorStore(db: Db) {
  return {
    list: (): Promise<VendorRecord[]> => db.select().from(vendors).orderBy(asc(vendors.name)),
    async byIds(ids: readonly string[]): Promise<VendorRecord[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(vendors)
        .where(inArray(vendors.id, [...ids]));
    },
    /** Registers a vendor by name, or returns the one already registered. */
    async ensure(input: VendorInput): Promise<VendorRecord> {
      const row = vendorInsertSchema.parse(input);
      await db.insert(vendors).values(row).onConflictDoNothing({ target: vendors.name });
      const [found] = await db
        .select()
        .from(vendors)
        .where(inArray(vendors.name, [row.name]));
      return found!;
    },
  };
}
export type VendorStore = ReturnType<typeof createVendorStore>;
