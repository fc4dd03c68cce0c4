import type { Db } from '@alphagraph/db';
import { featureSetMembers, featureSets, features } from '@alphagraph/db/schema/features';
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { FeatureRecord } from '../features/store.ts';

export type FeatureSetRecord = typeof featureSets.$inferSelect;

/**
 * Feature sets: a name for an ordered list of feature versions. A set pins versions; redefining
 * it replaces the list (a training set records the refs it resolved, not the set's name alone).
 */
export function createFeatureSetStore(db: Db) {
  return {
    async list(): Promise<FeatureSetRecord[]> {
      return db.select().from(featureSets).orderBy(asc(featureSets.name));
    },
    async byNames(names: readonly string[]): Promise<FeatureSetRecord[]> {
      if (names.length === 0) return [];
      return db
        .select()
        .from(featureSets)
        .where(inArray(featureSets.name, [...names]));
    },
    /** Members of each set, in order. */
    async membersOf(names: readonly string[]): Promise<{ setName: string; feature: FeatureRecord }[]> {
      if (names.length === 0) return [];
      return db
        .select({ setName: featureSetMembers.setName, feature: features })
        .from(featureSetMembers)
        .innerJoin(features, eq(features.id, featureSetMembers.featureId))
        .where(inArray(featureSetMembers.setName, [...names]))
        .orderBy(asc(featureSetMembers.setName), asc(featureSetMembers.position));
    },
    /** Creates or replaces a set (one transaction; the members must be distinct versions). */
    async define(input: {
      name: string;
      description: string;
      owner: string;
      featureIds: readonly string[];
    }): Promise<FeatureSetRecord> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`feature-set:${input.name}`}))`);
        const [row] = await tx
          .insert(featureSets)
          .values({ name: input.name, description: input.description, owner: input.owner })
          .onConflictDoUpdate({
            target: featureSets.name,
            set: { description: input.description, owner: input.owner, updatedAt: new Date() },
          })
          .returning();
        await tx.delete(featureSetMembers).where(eq(featureSetMembers.setName, input.name));
        for (let i = 0; i < input.featureIds.length; i += 500) {
          await tx
            .insert(featureSetMembers)
            .values(
              input.featureIds
                .slice(i, i + 500)
                .map((featureId, j) => ({ setName: input.name, position: i + j, featureId })),
            );
        }
        return row!;
      });
    },
  };
}
export type FeatureSetStore = ReturnType<typeof createFeatureSetStore>;

/**
 * The refs (`name@version`) of a set's members, in order, or null when no set has that name. For
 * other modules of this service (the training-set builder resolves `set` specs with it).
 */
export async function featureSetRefs(db: Db, name: string): Promise<string[] | null> {
  const store = createFeatureSetStore(db);
  const [set] = await store.byNames([name]);
  if (!set) return null;
  return (await store.membersOf([name])).map((m) => `${m.feature.name}@${m.feature.version}`);
}
