import { createHash } from 'node:crypto';
import { predictionLogDataset } from '@alphagraph/datasets';
import { type Db, rowsOf } from '@alphagraph/db';
import { predictionRequests } from '@alphagraph/db/schema/models';
import type { Lake } from '@alphagraph/lake';
import { DomainError } from '@alphagraph/service';
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import { columnarFromJson, decodeSets, encodeSets } from './log-codec.ts';

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
 * models.prediction_requests (one statement: all or nothing; the rows in the compact encoded form of
 * log-codec.ts), and only then does the caller get
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
      const encoded = encodeSets(request.sets);
      const contentHash = createHash('sha256').update(encoded).digest('hex');
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
          encoded,
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
    async flush(model: { id: string; name: string }, limit = 200): Promise<number> {
      const contract = predictionLogDataset(model.name);
      await deps.lake.registerDataset(contract);
      let flushed = 0;
      for (;;) {
        const queued = await deps.db
          .select({
            seq: predictionRequests.seq,
            requestId: predictionRequests.requestId,
            source: predictionRequests.source,
            rows: predictionRequests.rows,
            scoringMs: predictionRequests.scoringMs,
            createdAt: predictionRequests.createdAt,
            encoded: predictionRequests.encoded,
            payload: predictionRequests.payload,
          })
          .from(predictionRequests)
          .where(and(eq(predictionRequests.modelId, model.id), isNull(predictionRequests.snapshotId)))
          .orderBy(asc(predictionRequests.seq))
          .limit(limit);
        if (queued.length === 0) return flushed;
        const seqs = queued.map((q) => q.seq);
        const staged = stageColumns(queued);
        const raced = await deps.lake
          .commit(
            contract.name,
            {
              mode: 'append',
              summary: { requests: queued.length },
              onPublish: async (tx, snapshot) => {
                const marked = await tx
                  .update(predictionRequests)
                  .set({ snapshotId: snapshot.id, payload: null, encoded: null })
                  .where(and(inArray(predictionRequests.seq, seqs), isNull(predictionRequests.snapshotId)))
                  .returning({ seq: predictionRequests.seq });
                if (marked.length !== seqs.length) {
                  throw new FlushRace();
                }
              },
            },
            async (w) => {
              await w.session.run(
                `CREATE OR REPLACE TEMP TABLE logged_rows (request_id VARCHAR, source VARCHAR, entity VARCHAR,
                 t TIMESTAMPTZ, version INTEGER, stage VARCHAR, prediction DOUBLE, probability DOUBLE, status VARCHAR,
                 scoring_ms DOUBLE, available_at TIMESTAMPTZ, r INTEGER, s INTEGER)`,
              );
              await w.session.run('CREATE OR REPLACE TEMP TABLE logged_values (r INTEGER, j INTEGER, v DOUBLE)');
              await w.session.run('CREATE OR REPLACE TEMP TABLE logged_refs (s INTEGER, j INTEGER, ref VARCHAR)');
              await w.session.appendColumns('logged_rows', staged.rows);
              await w.session.appendColumns('logged_values', staged.values);
              await w.session.appendColumns('logged_refs', staged.refs);
              // Each vector as a list in feature order: two list aggregates of one group see its rows
              // in the same order, so sorting the values by their positions needs no ORDER BY
              // aggregate (which sorts every group, several times slower).
              await w.writeQuery(
                `WITH vectors AS (
                   SELECT r, list_select(list(v), list_grade_up(list(j))) AS features FROM logged_values GROUP BY r),
                 refs AS (
                   SELECT s, list_select(list(ref), list_grade_up(list(j))) AS feature_refs FROM logged_refs GROUP BY s)
                 SELECT l.request_id, l.source, l.entity, l.t, l.version, l.stage, l.prediction, l.probability,
                        l.status, vectors.features,
                        CASE WHEN vectors.features IS NULL THEN NULL ELSE refs.feature_refs END AS feature_refs, l.scoring_ms, l.available_at
                 FROM logged_rows l LEFT JOIN vectors ON vectors.r = l.r LEFT JOIN refs ON refs.s = l.s
                 ORDER BY l.r`,
              );
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

interface QueuedRequest {
  readonly requestId: string;
  readonly source: string;
  readonly scoringMs: number | null;
  readonly createdAt: Date;
  readonly encoded: Buffer | null;
  readonly payload: Record<string, unknown> | null;
}

/**
 * Queued requests as the columns the flush appends: one row per (request, version, entity)
 * numbered `r`, with its set `s`; each row's feature values as (r, position, value); each set's
 * feature refs as (s, position, ref).
 */
function stageColumns(queued: readonly QueuedRequest[]) {
  const sets = queued.map((q) =>
    q.encoded ? decodeSets(q.encoded) : columnarFromJson((q.payload as { sets?: LoggedSet[] } | null)?.sets ?? []),
  );
  let n = 0;
  let cells = 0;
  let refCount = 0;
  for (const request of sets) {
    for (const s of request) {
      n += s.entities.length;
      refCount += s.features.length;
      for (let i = 0; i < s.entities.length; i++) if (s.hasVector[i]) cells += s.features.length;
    }
  }
  const requestId: string[] = new Array(n);
  const source: string[] = new Array(n);
  const entity: string[] = new Array(n);
  const t = new Float64Array(n);
  const version = new Int32Array(n);
  const stage: string[] = new Array(n);
  const prediction = new Float64Array(n);
  const probability = new Float64Array(n);
  const status: string[] = new Array(n);
  const scoring = new Float64Array(n);
  const availableAt = new Float64Array(n);
  const r = new Int32Array(n);
  const valueRow = new Int32Array(cells);
  const rowSet = new Int32Array(n);
  const valueAt = new Int32Array(cells);
  const value = new Float64Array(cells);
  const refSet = new Int32Array(refCount);
  const refAt = new Int32Array(refCount);
  const ref: string[] = new Array(refCount);
  let row = 0;
  let cell = 0;
  let setNo = 0;
  let refNo = 0;
  queued.forEach((q, k) => {
    const logged = q.createdAt.getTime();
    for (const s of sets[k]!) {
      const f = s.features.length;
      for (let j = 0; j < f; j++, refNo++) {
        refSet[refNo] = setNo;
        refAt[refNo] = j;
        ref[refNo] = s.features[j]!;
      }
      let instant = '';
      let instantMs = 0;
      for (let i = 0; i < s.entities.length; i++, row++) {
        requestId[row] = q.requestId;
        source[row] = q.source;
        entity[row] = s.entities[i]!;
        if (s.t[i] !== instant) {
          instant = s.t[i]!;
          instantMs = Date.parse(instant);
        }
        t[row] = instantMs;
        version[row] = s.version;
        stage[row] = s.stage;
        prediction[row] = s.predictions[i]!;
        probability[row] = s.probabilities[i]!;
        status[row] = s.statuses[i] ?? 'OK';
        scoring[row] = q.scoringMs ?? Number.NaN;
        availableAt[row] = logged;
        r[row] = row;
        rowSet[row] = setNo;
        if (!s.hasVector[i]) continue;
        valueRow.fill(row, cell, cell + f);
        for (let j = 0; j < f; j++) valueAt[cell + j] = j;
        value.set(s.vectors.subarray(i * f, (i + 1) * f), cell);
        cell += f;
      }
      setNo++;
    }
  });
  return {
    rows: [
      requestId,
      source,
      entity,
      t,
      version,
      stage,
      prediction,
      probability,
      status,
      scoring,
      availableAt,
      r,
      rowSet,
    ],
    values: [valueRow, valueAt, value],
    refs: [refSet, refAt, ref],
  };
}
export type PredictionLog = ReturnType<typeof createPredictionLog>;
