import type { Db } from '@alphagraph/db';
import { featureInputs, features, featureUniverse } from '@alphagraph/db/schema';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';

export type FeatureRecord = typeof features.$inferSelect;
export interface InstrumentRef {
  readonly symbol: string;
}

export const featureDefinitionSchema = createInsertSchema(features, {
  name: (s) => s.regex(/^[a-z][a-z0-9_]{0,62}$/, 'feature names are lower_snake_case'),
  expression: (s) => s.min(1).max(4000),
  ttlSeconds: (s) => s.int().positive(),
  owner: (s) => s.min(1),
}).omit({ id: true, createdAt: true, version: true });
export type FeatureDefinition = z.input<typeof featureDefinitionSchema> & {
  universe: readonly string[];
  inputs: readonly string[];
};

const REF = /^([a-z][a-z0-9_]{0,62})(?:@(\d+))?$/;

/** Parses `name` or `name@3`. */
export function parseFeatureRef(ref: string): { name: string; version: number | null } | null {
  const m = REF.exec(ref);
  return m ? { name: m[1]!, version: m[2] ? Number(m[2]) : null } : null;
}

export function createFeatureStore(db: Db) {
  return {
    async list(options: { name?: string | null; tag?: string | null; allVersions: boolean }): Promise<FeatureRecord[]> {
      const filters = [];
      if (options.name) filters.push(eq(features.name, options.name));
      if (options.tag) filters.push(sql`${options.tag} = any(${features.tags})`);
      const rows = await db
        .select()
        .from(features)
        .where(filters.length ? and(...filters) : undefined)
        .orderBy(asc(features.name), desc(features.version));
      if (options.allVersions) return rows;
      return rows.filter((r, i) => i === 0 || rows[i - 1]!.name !== r.name);
    },
    async byIds(ids: readonly string[]): Promise<FeatureRecord[]> {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(features)
        .where(inArray(features.id, [...ids]));
    },
    /** Exact (name, version) pairs, in one query. */
    async byNameVersions(keys: readonly { name: string; version: number }[]): Promise<FeatureRecord[]> {
      if (keys.length === 0) return [];
      return db
        .select()
        .from(features)
        .where(or(...keys.map((k) => and(eq(features.name, k.name), eq(features.version, k.version)))));
    },
    async latestByName(name: string): Promise<FeatureRecord | null> {
      const [row] = await db
        .select()
        .from(features)
        .where(eq(features.name, name))
        .orderBy(desc(features.version))
        .limit(1);
      return row ?? null;
    },
    async universeOf(featureIds: readonly string[]) {
      if (featureIds.length === 0) return [];
      return db
        .select()
        .from(featureUniverse)
        .where(inArray(featureUniverse.featureId, [...featureIds]))
        .orderBy(asc(featureUniverse.symbol));
    },
    async inputsOf(featureIds: readonly string[]) {
      if (featureIds.length === 0) return [];
      return db
        .select()
        .from(featureInputs)
        .where(inArray(featureInputs.featureId, [...featureIds]))
        .orderBy(asc(featureInputs.dataset));
    },
    async forSymbols(symbols: readonly string[]): Promise<{ symbol: string; feature: FeatureRecord }[]> {
      if (symbols.length === 0) return [];
      return db
        .select({ symbol: featureUniverse.symbol, feature: features })
        .from(featureUniverse)
        .innerJoin(features, eq(features.id, featureUniverse.featureId))
        .where(inArray(featureUniverse.symbol, [...symbols]))
        .orderBy(asc(features.name), desc(features.version));
    },
    /**
     * Registers a definition. The same expression, entity and TTL as the newest version is that
     * version (idempotent); anything else becomes the next version. One transaction.
     */
    async define(definition: FeatureDefinition): Promise<FeatureRecord> {
      const { universe, inputs, ...rest } = definition;
      const row = featureDefinitionSchema.parse(rest);
      const symbols = z.array(z.string().min(1)).parse([...universe]);
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`feature:${row.name}`}))`);
        const [latest] = await tx
          .select()
          .from(features)
          .where(eq(features.name, row.name))
          .orderBy(desc(features.version))
          .limit(1);
        if (
          latest &&
          latest.expression === row.expression &&
          latest.entity === row.entity &&
          latest.ttlSeconds === row.ttlSeconds
        ) {
          return latest;
        }
        const [created] = await tx
          .insert(features)
          .values({ ...row, version: (latest?.version ?? 0) + 1 })
          .returning();
        if (symbols.length > 0) {
          await tx.insert(featureUniverse).values(symbols.map((symbol) => ({ featureId: created!.id, symbol })));
        }
        if (inputs.length > 0) {
          await tx.insert(featureInputs).values(inputs.map((dataset) => ({ featureId: created!.id, dataset })));
        }
        return created!;
      });
    },
  };
}
export type FeatureStore = ReturnType<typeof createFeatureStore>;
