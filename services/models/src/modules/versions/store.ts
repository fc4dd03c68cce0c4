import type { Db } from '@alphagraph/db';
import { modelEvents, models, modelVersions, predictionBatches } from '@alphagraph/db/schema/models';
import { defineLifecycle } from '@alphagraph/jobs';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { TrainingResult } from './result.ts';

type Row = typeof modelVersions.$inferSelect;
/** A version as stored; `result` is what training (or evaluation of an upload) produced. */
export type VersionRecord = Omit<Row, 'result'> & { readonly result: TrainingResult | null };
export type ModelEventRecord = typeof modelEvents.$inferSelect;
export type PredictionBatchRecord = typeof predictionBatches.$inferSelect;

/**
 * Training (and evaluating an upload) as a background job, declared once for the jobs kit:
 * queued -> training -> ready | failed; a failed job is not retried (train a new version). A job
 * held by a worker that stopped heartbeating is failed with a message naming the worker.
 */
export const trainingLifecycle = defineLifecycle({
  name: 'model version',
  table: modelVersions,
  columns: { id: 'id', status: 'status', holder: 'worker', error: 'error', createdAt: 'createdAt' },
  transitions: {
    queued: ['training', 'failed'],
    training: ['ready', 'failed', 'queued'],
    ready: [],
    failed: [],
  },
  initial: 'queued',
  // A shutting-down process gives back what it did not finish within the grace period.
  released: { to: 'queued', set: { startedAt: null, progress: 0 } },
  abandoned: {
    held: ['training'],
    to: 'failed',
    message: ({ worker }) =>
      `interrupted: training stopped when the models process running it (${worker}) went away; ` +
      'nothing was recorded; train the version again',
    set: { finishedAt: sql`now()` },
  },
});

const fromRow = (row: Row): VersionRecord => row as VersionRecord;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function createVersionStore(db: Db) {
  return {
    async byIds(ids: readonly string[]): Promise<VersionRecord[]> {
      const uuids = ids.filter((id) => UUID.test(id));
      if (uuids.length === 0) return [];
      return (await db.select().from(modelVersions).where(inArray(modelVersions.id, uuids))).map(fromRow);
    },
    async ofModels(modelIds: readonly string[]): Promise<VersionRecord[]> {
      if (modelIds.length === 0) return [];
      return (
        await db
          .select()
          .from(modelVersions)
          .where(inArray(modelVersions.modelId, [...modelIds]))
          .orderBy(desc(modelVersions.number))
      ).map(fromRow);
    },
    /** Records a new version (queued) with the next number of its model, in one transaction. */
    async create(input: Omit<typeof modelVersions.$inferInsert, 'id' | 'number' | 'status'>): Promise<VersionRecord> {
      return db.transaction(async (tx) => {
        // Serializes numbering per model: the model row is locked until the version is inserted.
        await tx.select({ id: models.id }).from(models).where(eq(models.id, input.modelId)).for('update');
        const [last] = await tx
          .select({ n: sql<number>`coalesce(max(${modelVersions.number}), 0)` })
          .from(modelVersions)
          .where(eq(modelVersions.modelId, input.modelId));
        const row = await trainingLifecycle.create(tx, { ...input, number: Number(last?.n ?? 0) + 1 });
        return fromRow(row);
      });
    },
    async eventsOf(modelIds: readonly string[]): Promise<ModelEventRecord[]> {
      if (modelIds.length === 0) return [];
      return db
        .select()
        .from(modelEvents)
        .where(inArray(modelEvents.modelId, [...modelIds]))
        .orderBy(asc(modelEvents.seq));
    },
    async batchesOf(versionIds: readonly string[]): Promise<PredictionBatchRecord[]> {
      if (versionIds.length === 0) return [];
      return db
        .select()
        .from(predictionBatches)
        .where(inArray(predictionBatches.versionId, [...versionIds]))
        .orderBy(desc(predictionBatches.createdAt));
    },
    /** Progress of a job its worker still holds (a swept job is not touched). */
    async progress(id: string, worker: string, progress: number): Promise<void> {
      await db
        .update(modelVersions)
        .set({ progress })
        .where(and(eq(modelVersions.id, id), eq(modelVersions.worker, worker), eq(modelVersions.status, 'training')));
    },
  };
}
export type VersionStore = ReturnType<typeof createVersionStore>;
