import { featureColumn, featureViewDataset, viewNameFor } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { featureViews, materializationRuns } from '@alphagraph/db/schema/features';
import type { Lake } from '@alphagraph/lake';
import { arrayOverlaps, asc, eq, inArray, sql } from 'drizzle-orm';
import type { FeatureRecord } from '../features/store.ts';
import { refOf } from './naming.ts';

export type FeatureViewRecord = typeof featureViews.$inferSelect;

/** Each member's column, in view order. */
export function viewColumns(view: Pick<FeatureViewRecord, 'features'>): { ref: string; column: string }[] {
  return view.features.map((ref) => {
    const [name, version] = ref.split('@') as [string, string];
    return { ref, column: featureColumn(name, Number(version)) };
  });
}

export function createViewStore(db: Db, lake: Lake) {
  return {
    /**
     * The view of exactly these feature versions, created (catalog row and lake dataset) on first
     * use. Column order is the order of the list that first created it.
     */
    async ensure(features: readonly FeatureRecord[], slug: string | null): Promise<FeatureViewRecord> {
      const refs = features.map(refOf);
      const name = viewNameFor(refs, slug);
      const kinds = new Set(features.map((f) => f.entity));
      if (kinds.size !== 1) throw new Error('a view holds features of one entity kind');
      await db
        .insert(featureViews)
        .values({ name, lakeDataset: name, features: refs, entityKind: features[0]!.entity })
        .onConflictDoNothing();
      const [view] = await db.select().from(featureViews).where(eq(featureViews.name, name));
      await lake.registerDataset(featureViewDataset(view!));
      return view!;
    },
    async list(): Promise<FeatureViewRecord[]> {
      return db.select().from(featureViews).orderBy(asc(featureViews.name));
    },
    async byNames(names: readonly string[]): Promise<FeatureViewRecord[]> {
      if (names.length === 0) return [];
      return db
        .select()
        .from(featureViews)
        .where(inArray(featureViews.name, [...names]));
    },
    containing: (refs: readonly string[]) => viewsContaining(db, refs),
  };
}
export type ViewStore = ReturnType<typeof createViewStore>;

/** Views holding any of `refs`, newest succeeded run first, with that run's snapshot (null when none succeeded). */
export async function viewsContaining(db: Db, refs: readonly string[]) {
  if (refs.length === 0) return [];
  const newest = db
    .select({
      view: materializationRuns.view,
      finishedAt: sql<string | Date | null>`max(${materializationRuns.finishedAt})`.as('finished_at'),
      snapshotId: sql<
        number | string | null
      >`(array_agg(${materializationRuns.snapshotId} order by ${materializationRuns.finishedAt} desc))[1]`.as(
        'snapshot_id',
      ),
    })
    .from(materializationRuns)
    .where(eq(materializationRuns.status, 'succeeded'))
    .groupBy(materializationRuns.view)
    .as('newest');
  const rows = await db
    .select({ view: featureViews, finishedAt: newest.finishedAt, snapshotId: newest.snapshotId })
    .from(featureViews)
    .leftJoin(newest, eq(newest.view, featureViews.name))
    .where(arrayOverlaps(featureViews.features, [...refs]))
    .orderBy(sql`${newest.finishedAt} desc nulls last`, asc(featureViews.name));
  return rows.map((r) => ({
    view: r.view,
    finishedAt: r.finishedAt === null ? null : new Date(r.finishedAt),
    snapshotId: r.snapshotId === null ? null : Number(r.snapshotId),
  }));
}
