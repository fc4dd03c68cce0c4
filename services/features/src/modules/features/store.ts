import type { Db } from '@alphagraph/db';
import { featureInputs, features, featureUniverse, MAX_TTL_SECONDS } from '@alphagraph/db/schema/features';
import { and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';
import { canonicalOfStored } from '../registry/expression.ts';

export type FeatureRecord = typeof features.$inferSelect;
export interface InstrumentRef {
  readonly symbol: string;
}

export const featureDefinitionSchema = createInsertSchema(features, {
  // At most 50 characters, so `<name>__v<version>` stays a valid 63-character column name.
  name: (s) => s.regex(/^[a-z][a-z0-9_]{0,49}$/, 'feature names are lower_snake_case, at most 50 characters'),
  expression: (s) => s.min(1).max(4000),
  // Null: no TTL.
  ttlSeconds: (s) => s.int().positive().max(MAX_TTL_SECONDS),
  owner: (s) => s.min(1),
}).omit({ id: true, createdAt: true, version: true });
export type FeatureDefinition = z.input<typeof featureDefinitionSchema> & {
  universe: readonly string[];
  inputs: readonly string[];
};

const REF = /^([a-z][a-z0-9_]{0,62})(?:@(\d+))?$/;

/** Versions are Postgres `integer`s: a larger number names no version (and must not reach the query). */
const MAX_VERSION = 2_147_483_647;

/** Parses `name` or `name@3`; null for anything else, a version past Postgres' integer included. */
export function parseFeatureRef(ref: string): { name: string; version: number | null } | null {
  const m = REF.exec(ref);
  if (!m) return null;
  const version = m[2] ? Number(m[2]) : null;
  if (version !== null && !(Number.isSafeInteger(version) && version <= MAX_VERSION)) return null;
  return { name: m[1]!, version };
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
     * Registers a definition whose expression is already canonical (see registry/expression.ts).
     * The same canonical expression, entity and TTL as the newest version is that version: its
     * description, tags and status are updated in place (metadata, not semantics); anything else
     * becomes the next version. One transaction, serialised per name.
     */
    async define(definition: FeatureDefinition): Promise<{ feature: FeatureRecord; created: boolean }> {
      const { universe, inputs, ...rest } = definition;
      const row = featureDefinitionSchema.parse(rest);
      const symbols = z.array(z.string().min(1)).parse([...new Set(universe)]);
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
          (canonicalOfStored(latest.expression) ?? latest.expression) === row.expression &&
          latest.entity === row.entity &&
          latest.ttlSeconds === row.ttlSeconds
        ) {
          const same =
            latest.description === row.description &&
            latest.status === (row.status ?? latest.status) &&
            JSON.stringify(latest.tags) === JSON.stringify(row.tags ?? latest.tags);
          if (same) return { feature: latest, created: false };
          const [updated] = await tx
            .update(features)
            .set({ description: row.description, status: row.status ?? latest.status, tags: row.tags ?? latest.tags })
            .where(eq(features.id, latest.id))
            .returning();
          return { feature: updated!, created: false };
        }
        const [created] = await tx
          .insert(features)
          .values({ ...row, version: (latest?.version ?? 0) + 1 })
          .returning();
        if (symbols.length > 0) {
          await tx.insert(featureUniverse).values(symbols.map((symbol) => ({ featureId: created!.id, symbol })));
        }
        if (inputs.length > 0) {
          await tx
            .insert(featureInputs)
            .values([...new Set(inputs)].map((dataset) => ({ featureId: created!.id, dataset })));
        }
        return { feature: created!, created: true };
      });
    },
    /**
     * Resolves refs (`name@3`, or `name` for the newest version) in two queries at most. The
     * answer is keyed by the ref as given; an unknown ref maps to null.
     */
    async resolveRefs(refs: readonly string[]): Promise<Map<string, FeatureRecord | null>> {
      const out = new Map<string, FeatureRecord | null>();
      const pinned: { ref: string; name: string; version: number }[] = [];
      const latest: { ref: string; name: string }[] = [];
      for (const ref of refs) {
        const parsed = parseFeatureRef(ref);
        out.set(ref, null);
        if (!parsed) continue;
        if (parsed.version === null) latest.push({ ref, name: parsed.name });
        else pinned.push({ ref, name: parsed.name, version: parsed.version });
      }
      if (pinned.length > 0) {
        const rows = await db
          .select()
          .from(features)
          .where(or(...pinned.map((k) => and(eq(features.name, k.name), eq(features.version, k.version)))));
        const byKey = new Map(rows.map((r) => [`${r.name}@${r.version}`, r]));
        for (const p of pinned) out.set(p.ref, byKey.get(`${p.name}@${p.version}`) ?? null);
      }
      if (latest.length > 0) {
        const rows = await db
          .selectDistinctOn([features.name])
          .from(features)
          .where(inArray(features.name, [...new Set(latest.map((l) => l.name))]))
          .orderBy(asc(features.name), desc(features.version));
        const byName = new Map(rows.map((r) => [r.name, r]));
        for (const l of latest) out.set(l.ref, byName.get(l.name) ?? null);
      }
      return out;
    },
    /** Every feature version whose lineage includes `dataset`, by name then newest version. */
    async readersOf(dataset: string): Promise<FeatureRecord[]> {
      return db
        .select({ feature: features })
        .from(featureInputs)
        .innerJoin(features, eq(features.id, featureInputs.featureId))
        .where(eq(featureInputs.dataset, dataset))
        .orderBy(asc(features.name), desc(features.version))
        .then((rows) => rows.map((r) => r.feature));
    },
  };
}
export type FeatureStore = ReturnType<typeof createFeatureStore>;
