import { createHash } from 'node:crypto';
import { predictionLogDataset } from '@alphagraph/datasets';
import { type Db, rowsOf } from '@alphagraph/db';
import { predictionRequests } from '@alphagraph/db/schema/models';
import type { Lake, StagedValue } from '@alphagraph/lake';
import { DomainError } from '@alphagraph/service';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';

/** The predictions of one version in one logged request, column-wise. */
export interface LoggedSet {
  readonly version: number;
  readonly stage: string;
  /** Feature refs (`name@version`), the order of each vector. */
  readonly features: readonly string[];
  readonly entities: readonly string[];
  /** Per entity: the instant the prediction speaks for, ISO-8601. */
  readonly t: readonly string[];
  readonly predictions: readonly (number | null)[];
  readonly probabilities: readonly (number | null)[];
  readonly statuses: readonly string[];
  readonly vectors: readonly (readonly (number | null)[] | null)[];
}

export interface LogRequest {
  readonly modelId: string;
  readonly requestId: string;
  readonly source: 'signals' | 'external';
  readonly actor: string;
  readonly scoringMs: number | null;
  readonly sets: readonly LoggedSet[];
}

/** Another flush (another replica, or the schedule) published some of the same rows first. */
class FlushRace extends Error {
  constructor() {
    super('prediction log: another flush published these requests meanwhile');
  }
}

const rowsIn = (sets: readonly LoggedSet[]) => sets.reduce((n, s) => n + s.entities.length, 0);

/**
 * The prediction log (issue 14 item 2). Durability comes from a queue in Postgres, written before
 * the caller is answered: `append` commits the request's rows as one row of
 * models.prediction_requests (one statement: all or nothing), and only then does the caller get
 * its signals or receipt. A process that dies after answering has lost nothing: the rows wait in
 * the queue, and any replica's `flush` appends them to the model's `prediction_log_<model>` lake
 * dataset, marking them flushed in the very transaction that publishes the snapshot, so each row
 * reaches the lake exactly once. The unique (model, request id) makes a retried request a no-op.
 */
export function createPredictionLog(deps: { db: Db; lake: Lake }) {
  return {
    /**
     * Appends a request's predictions durably. Returns `duplicate: true` when the request id was
     * logged before with the same content; other content under a used id is refused.
     */
    async append(request: LogRequest): Promise<{ rows: number; duplicate: boolean }> {
      const payload = { sets: request.sets };
      const contentHash = createHash('sha256').update(JSON.stringify(payload)).digest('hex');
      const rows = rowsIn(request.sets);
      const inserted = await deps.db
        .insert(predictionRequests)
        .values({
          modelId: request.modelId,
          requestId: request.requestId,
          source: request.source,
          contentHash,
          rows,
          scoringMs: request.scoringMs,
          payload,
          actor: request.actor,
        })
        .onConflictDoNothing()
        .returning({ seq: predictionRequests.seq });
      if (inserted.length > 0) return { rows, duplicate: false };
      const [earlier] = await deps.db
        .select({ contentHash: predictionRequests.contentHash, rows: predictionRequests.rows })
        .from(predictionRequests)
        .where(
          and(eq(predictionRequests.modelId, request.modelId), eq(predictionRequests.requestId, request.requestId)),
        );
      if (earlier?.contentHash !== contentHash) {
        throw new DomainError(
          'CONFLICT',
          `request id ${request.requestId} was already logged with other predictions; use a new request id`,
        );
      }
      return { rows: earlier.rows, duplicate: true };
    },

    /** Requests of a model not yet in the lake. */
    async pending(modelId: string): Promise<number> {
      const result = await deps.db.execute(
        sql`select count(*)::int as n from ${predictionRequests} where model_id = ${modelId} and snapshot_id is null`,
      );
      return Number(rowsOf<{ n: number }>(result)[0]?.n ?? 0);
    },

    /**
     * Appends a model's queued requests to its lake dataset (oldest first, up to `limit` requests
     * per snapshot) and marks them flushed in the publishing transaction. Two replicas flushing the
     * same rows: the second publish finds them flushed and is rolled back (nothing is doubled), and
     * it goes on with whatever is still queued.
     */
    async flush(model: { id: string; name: string }, limit = 2_000): Promise<number> {
      const contract = predictionLogDataset(model.name);
      await deps.lake.registerDataset(contract);
      let flushed = 0;
      for (;;) {
        const queued = await deps.db
          .select()
          .from(predictionRequests)
          .where(and(eq(predictionRequests.modelId, model.id), isNull(predictionRequests.snapshotId)))
          .orderBy(asc(predictionRequests.seq))
          .limit(limit);
        if (queued.length === 0) return flushed;
        const seqs = queued.map((q) => q.seq);
        const raced = await deps.lake
          .commit(
            contract.name,
            {
              mode: 'append',
              summary: { requests: queued.length },
              onPublish: async (tx, snapshot) => {
                const marked = await tx
                  .update(predictionRequests)
                  .set({ snapshotId: snapshot.id, payload: null })
                  .where(and(inArray(predictionRequests.seq, seqs), isNull(predictionRequests.snapshotId)))
                  .returning({ seq: predictionRequests.seq });
                if (marked.length !== seqs.length) {
                  throw new FlushRace();
                }
              },
            },
            async (w) => {
              await w.session.run(
                `CREATE OR REPLACE TEMP TABLE logged (request_id VARCHAR, source VARCHAR, entity VARCHAR, t TIMESTAMPTZ,
                 version INTEGER, stage VARCHAR, prediction DOUBLE, probability DOUBLE, status VARCHAR, features VARCHAR,
                 scoring_ms DOUBLE, available_at TIMESTAMPTZ)`,
              );
              const staged = function* (): Generator<StagedValue[]> {
                for (const q of queued) {
                  const sets = (q.payload as { sets: LoggedSet[] } | null)?.sets ?? [];
                  for (const s of sets) {
                    for (let i = 0; i < s.entities.length; i++) {
                      const vector = s.vectors[i];
                      yield [
                        q.requestId,
                        q.source,
                        s.entities[i]!,
                        new Date(s.t[i]!),
                        s.version,
                        s.stage,
                        s.predictions[i] ?? null,
                        s.probabilities[i] ?? null,
                        s.statuses[i] ?? 'OK',
                        vector
                          ? JSON.stringify(Object.fromEntries(s.features.map((f, j) => [f, vector[j] ?? null])))
                          : null,
                        q.scoringMs,
                        q.createdAt,
                      ];
                    }
                  }
                }
              };
              await w.session.append('logged', staged());
              await w.writeQuery('SELECT * FROM logged');
            },
          )
          .then(
            () => false,
            (error: unknown) => {
              // The lake discards the write and wraps what onPublish threw.
              if (error instanceof FlushRace || (error as Error).cause instanceof FlushRace) return true;
              throw error;
            },
          );
        // Another replica published these rows first: nothing was written here; take the rest.
        if (raced) continue;
        flushed += queued.reduce((n, q) => n + q.rows, 0);
        if (queued.length < limit) return flushed;
      }
    },
  };
}
export type PredictionLog = ReturnType<typeof createPredictionLog>;
