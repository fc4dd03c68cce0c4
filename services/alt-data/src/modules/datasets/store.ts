import type { Db } from '@alphagraph/db';
import { altDatasets, datasetCoverage } from '@alphagraph/db/schema/alt';
import { asc, eq, inArray } from 'drizzle-orm';
import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { datasetFieldsSchema, publicationRuleSchema } from './spec.ts';

export type DatasetRecord = typeof altDatasets.$inferSelect;
/** An instrument as alt-data knows it: by symbol (market-data owns the rest). */
export interface InstrumentRef {
  readonly symbol: string;
}

export const datasetInsertSchema = createInsertSchema(altDatasets, {
  name: (s) => s.regex(/^[a-z][a-z0-9_]{0,62}$/, 'dataset names are lower_snake_case'),
  latencySeconds: (s) => s.int().min(0),
  fields: datasetFieldsSchema,
  publication: publicationRuleSchema,
}).omit({ id: true, createdAt: true });

export const coverageSchema = z.array(z.string().regex(/^[A-Z0-9][A-Z0-9.\-/^]{0,23}$/));

export function createDatasetStore(db: Db) {
  return {
    list: (): Promise<DatasetRecord[]> => db.select().from(altDatasets).orderBy(asc(altDatasets.name)),
    async byIds(ids: readonly string[]): Promise<DatasetRecord[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(altDatasets)
        .where(inArray(altDatasets.id, [...ids]));
    },
    async byNames(names: readonly string[]): Promise<DatasetRecord[]> {
      if (names.length === 0) return [];
      return db
        .select()
        .from(altDatasets)
        .where(inArray(altDatasets.name, [...names]));
    },
    async byVendorIds(vendorIds: readonly string[]): Promise<DatasetRecord[]> {
      if (vendorIds.length === 0) return [];
      return db
        .select()
        .from(altDatasets)
        .where(inArray(altDatasets.vendorId, [...vendorIds]));
    },
    /** Coverage (symbols) of many datasets in one query. */
    async coverageOf(datasetIds: readonly string[]): Promise<{ datasetId: string; symbol: string }[]> {
      if (datasetIds.length === 0) return [];
      return db
        .select()
        .from(datasetCoverage)
        .where(inArray(datasetCoverage.datasetId, [...datasetIds]))
        .orderBy(asc(datasetCoverage.symbol));
    },
    /** Datasets covering each of many symbols, in one query. */
    async coveringSymbols(symbols: readonly string[]): Promise<{ symbol: string; dataset: DatasetRecord }[]> {
      if (symbols.length === 0) return [];
      return db
        .select({ symbol: datasetCoverage.symbol, dataset: altDatasets })
        .from(datasetCoverage)
        .innerJoin(altDatasets, eq(altDatasets.id, datasetCoverage.datasetId))
        .where(inArray(datasetCoverage.symbol, [...symbols]))
        .orderBy(asc(altDatasets.name));
    },
    /**
     * Registers a dataset by name, or brings a registered one's declared metadata (description,
     * licence, schema, availability) up to date, and adds coverage, in one transaction. The id
     * stays; a changed field list is refused later by the lake (a new schema is a new dataset).
     */
    async ensure(input: z.input<typeof datasetInsertSchema>, coverage: readonly string[]): Promise<DatasetRecord> {
      const { name, ...declared } = datasetInsertSchema.parse(input);
      const symbols = coverageSchema.parse([...coverage]);
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(altDatasets)
          .values({ name, ...declared })
          .onConflictDoUpdate({ target: altDatasets.name, set: declared })
          .returning();
        if (symbols.length > 0) {
          await tx
            .insert(datasetCoverage)
            .values(symbols.map((symbol) => ({ datasetId: row!.id, symbol })))
            .onConflictDoNothing();
        }
        return row!;
      });
    },
  };
}
export type DatasetStore = ReturnType<typeof createDatasetStore>;
