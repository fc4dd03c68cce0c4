import type { Db } from '@alphagraph/db';
import { modelFeatures, models, modelUniverse } from '@alphagraph/db/schema/models';
import { asc, eq, inArray } from 'drizzle-orm';
import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';

export type ModelRecord = typeof models.$inferSelect;
export interface InstrumentRef {
  readonly symbol: string;
}

export const modelInsertSchema = createInsertSchema(models, {
  name: (s) => s.regex(/^[a-z][a-z0-9_]{0,62}$/, 'model names are lower_snake_case'),
  owner: (s) => s.min(1),
}).omit({ id: true, createdAt: true });

export interface ModelRegistration extends z.input<typeof modelInsertSchema> {
  universe: readonly string[];
  features: readonly { name: string; version: number }[];
}

export function createModelStore(db: Db) {
  return {
    list: (): Promise<ModelRecord[]> => db.select().from(models).orderBy(asc(models.name)),
    async byIds(ids: readonly string[]): Promise<ModelRecord[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(models)
        .where(inArray(models.id, [...ids]));
    },
    async byNames(names: readonly string[]): Promise<ModelRecord[]> {
      if (names.length === 0) return [];
      return db
        .select()
        .from(models)
        .where(inArray(models.name, [...names]));
    },
    async universeOf(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(modelUniverse)
        .where(inArray(modelUniverse.modelId, [...ids]))
        .orderBy(asc(modelUniverse.symbol));
    },
    async featuresOf(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(modelFeatures)
        .where(inArray(modelFeatures.modelId, [...ids]))
        .orderBy(asc(modelFeatures.featureName), asc(modelFeatures.featureVersion));
    },
    async forSymbols(symbols: readonly string[]): Promise<{ symbol: string; model: ModelRecord }[]> {
      if (symbols.length === 0) return [];
      return db
        .select({ symbol: modelUniverse.symbol, model: models })
        .from(modelUniverse)
        .innerJoin(models, eq(models.id, modelUniverse.modelId))
        .where(inArray(modelUniverse.symbol, [...symbols]))
        .orderBy(asc(models.name));
    },
    /** Registers a model by name (idempotent), with its universe and features, in one transaction. */
    async register(input: ModelRegistration): Promise<ModelRecord> {
      const { universe, features, ...rest } = input;
      const row = modelInsertSchema.parse(rest);
      const featureRefs = z
        .array(z.object({ name: z.string().min(1), version: z.number().int().positive() }))
        .parse(features);
      return db.transaction(async (tx) => {
        const [created] = await tx.insert(models).values(row).onConflictDoNothing({ target: models.name }).returning();
        if (!created) {
          const [existing] = await tx.select().from(models).where(eq(models.name, row.name));
          return existing!;
        }
        if (universe.length > 0) {
          await tx.insert(modelUniverse).values(universe.map((symbol) => ({ modelId: created.id, symbol })));
        }
        if (featureRefs.length > 0) {
          await tx
            .insert(modelFeatures)
            .values(featureRefs.map((f) => ({ modelId: created.id, featureName: f.name, featureVersion: f.version })));
        }
        return created;
      });
    },
  };
}
export type ModelStore = ReturnType<typeof createModelStore>;
