import type { Db } from '@alphagraph/db';
import {
  featureInputs,
  type TrainingSetStatus,
  trainingSetFeatures,
  trainingSetInputs,
  trainingSets,
} from '@alphagraph/db/schema/features';
import { defineLifecycle, type WorkerLease } from '@alphagraph/jobs';
import { currentRequestId } from '@alphagraph/service';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { resolutionSchema, type TrainingSetResolution } from './build.ts';
import { SPLIT_NAMES, type SplitRows, type TrainingSetWarning, warningSchema } from './warnings.ts';

type Row = typeof trainingSets.$inferSelect;
export type TrainingSetRecord = Omit<Row, 'resolution' | 'warnings' | 'splitRows'> & {
  readonly resolution: TrainingSetResolution;
  readonly warnings: readonly TrainingSetWarning[];
  readonly splitRows: SplitRows | null;
};

/**
 * The build lifecycle, declared once for the jobs kit: building -> ready | failed; a rebuild goes
 * back to building from either. A transition not in this table is refused (two rebuilds at once:
 * the second finds `building`). The worker building a set is its `builder`.
 */
export const trainingSetLifecycle = defineLifecycle({
  name: 'training set',
  table: trainingSets,
  columns: { id: 'id', status: 'status', holder: 'builder', error: 'error', createdAt: 'createdAt' },
  transitions: {
    building: ['ready', 'failed'],
    ready: ['building'],
    failed: ['building'],
  },
  initial: 'building',
  abandoned: {
    held: ['building'],
    to: 'failed',
    message: ({ worker }) =>
      `interrupted: the build stopped when the features process running it (${worker}) went away; ` +
      'nothing was published; rebuildTrainingSet builds it again',
  },
});

const splitRowsSchema = z.record(z.enum(SPLIT_NAMES), z.number().int()).nullable();

const fromRow = (row: Row): TrainingSetRecord => ({
  ...row,
  resolution: resolutionSchema.parse(row.resolution),
  warnings: z.array(warningSchema).parse(row.warnings),
  splitRows: splitRowsSchema.parse(row.splitRows) as SplitRows | null,
});

export function createTrainingSetStore(db: Db) {
  return {
    /** Records a new training set (status building) with its inputs and feature versions, in one transaction. */
    async insert(input: {
      id: string;
      name: string;
      createdBy: string;
      spec: Record<string, unknown>;
      resolution: TrainingSetResolution;
      lakeDataset: string;
      /** The worker building it (its heartbeat tells live replicas the build is not abandoned). */
      builder: string;
      inputs: readonly { lakeDataset: string; snapshotId: number; role: 'feature_view' | 'bars' | 'spine' }[];
    }): Promise<TrainingSetRecord> {
      return db.transaction(async (tx) => {
        const row = await trainingSetLifecycle.create(
          tx,
          {
            id: input.id,
            name: input.name,
            createdBy: input.createdBy,
            requestId: currentRequestId(),
            spec: input.spec,
            resolution: input.resolution as unknown as Record<string, unknown>,
            lakeDataset: input.lakeDataset,
          },
          { holder: input.builder },
        );
        if (input.inputs.length > 0) {
          await tx.insert(trainingSetInputs).values(input.inputs.map((i) => ({ ...i, trainingSetId: input.id })));
        }
        const features = input.resolution.features;
        for (let i = 0; i < features.length; i += 500) {
          await tx.insert(trainingSetFeatures).values(
            features.slice(i, i + 500).map((f, j) => ({
              trainingSetId: input.id,
              featureId: f.featureId,
              position: i + j,
              column: f.column,
            })),
          );
        }
        return fromRow(row);
      });
    },

    /**
     * Moves to `to` when the lifecycle allows it from the current status (and, with `builder`,
     * while that worker still holds the build: one swept as abandoned cannot finish it); null when
     * it does not.
     */
    async transition(
      id: string,
      to: TrainingSetStatus,
      patch: Partial<Pick<Row, 'error' | 'snapshotId' | 'rowCount' | 'builtAt'>> & {
        warnings?: readonly TrainingSetWarning[];
        splitRows?: SplitRows | null;
      } = {},
      builder?: string,
    ): Promise<TrainingSetRecord | null> {
      const { warnings, splitRows, ...rest } = patch;
      const built = to === 'ready' ? { builds: sql`${trainingSets.builds} + 1`, statistics: {} } : {};
      const row = await trainingSetLifecycle.tryTransition(db, {
        id,
        to,
        set: {
          ...rest,
          ...built,
          ...(warnings ? { warnings: warnings.map((w) => ({ ...w })) } : {}),
          ...(splitRows === undefined ? {} : { splitRows: splitRows ? { ...splitRows } : null }),
        },
        heldBy: builder,
      });
      return row ? fromRow(row) : null;
    },

    /** Takes set `id` back to building for `builder` (a rebuild); null when it is building already. */
    async claim(id: string, builder: string): Promise<TrainingSetRecord | null> {
      const row = await trainingSetLifecycle.claim(db, { id, to: 'building', worker: builder });
      return row ? fromRow(row) : null;
    },

    /**
     * Fails the training sets left building by workers that are gone (no heartbeat within the
     * lease, or no builder recorded): a crash mid-build. The output of a build is published with
     * its own lake snapshot and only recorded by the move to ready, so nothing half-built is ever
     * read; a rebuild starts over from the pinned resolution. Sets another live replica is
     * building are left alone. Returns the ids failed.
     */
    async failInterrupted(lease: Pick<WorkerLease, 'abandoned' | 'leaseMs'>): Promise<string[]> {
      return (await trainingSetLifecycle.sweep(db, lease)).map((r) => r.id);
    },

    async byIds(ids: readonly string[]): Promise<TrainingSetRecord[]> {
      const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      if (uuids.length === 0) return [];
      return (await db.select().from(trainingSets).where(inArray(trainingSets.id, uuids))).map(fromRow);
    },

    async list(filter: { createdBy?: string | null; first: number }): Promise<TrainingSetRecord[]> {
      const rows = await db
        .select()
        .from(trainingSets)
        .where(filter.createdBy ? eq(trainingSets.createdBy, filter.createdBy) : undefined)
        .orderBy(desc(trainingSets.createdAt), desc(trainingSets.id))
        .limit(filter.first);
      return rows.map(fromRow);
    },

    /** Caches statistics of the build `snapshotId` under `key` (dropped if a newer build landed meanwhile). */
    async saveStatistics(id: string, snapshotId: number, key: string, value: unknown): Promise<void> {
      await db
        .update(trainingSets)
        .set({ statistics: sql`${trainingSets.statistics} || ${JSON.stringify({ [key]: value })}::jsonb` })
        .where(and(eq(trainingSets.id, id), eq(trainingSets.snapshotId, snapshotId)));
    },

    /**
     * Training sets depending on each dataset: through a feature whose lineage reads it, or by
     * reading its lake dataset directly (`bars` for labels). For lineage queries.
     */
    async dependingOn(datasets: readonly string[]): Promise<{ dataset: string; trainingSet: TrainingSetRecord }[]> {
      if (datasets.length === 0) return [];
      const viaFeatures = await db
        .selectDistinct({ dataset: featureInputs.dataset, trainingSet: trainingSets })
        .from(featureInputs)
        .innerJoin(trainingSetFeatures, eq(trainingSetFeatures.featureId, featureInputs.featureId))
        .innerJoin(trainingSets, eq(trainingSets.id, trainingSetFeatures.trainingSetId))
        .where(inArray(featureInputs.dataset, [...datasets]));
      const direct = await db
        .selectDistinct({ dataset: trainingSetInputs.lakeDataset, trainingSet: trainingSets })
        .from(trainingSetInputs)
        .innerJoin(trainingSets, eq(trainingSets.id, trainingSetInputs.trainingSetId))
        .where(and(inArray(trainingSetInputs.lakeDataset, [...datasets]), eq(trainingSetInputs.role, 'bars')));
      const seen = new Set<string>();
      return [...viaFeatures, ...direct]
        .filter((r) => !seen.has(`${r.dataset}/${r.trainingSet.id}`) && seen.add(`${r.dataset}/${r.trainingSet.id}`))
        .map((r) => ({ dataset: r.dataset, trainingSet: fromRow(r.trainingSet) }));
    },
  };
}
export type TrainingSetStore = ReturnType<typeof createTrainingSetStore>;
