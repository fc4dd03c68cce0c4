import { type LabelSpec, predictionLogDataset, readTrainingSets } from '@alphagraph/datasets';
import { type Db, rowsOf } from '@alphagraph/db';
import { predictionOutcomes } from '@alphagraph/db/schema/models';
import type { Lake } from '@alphagraph/lake';
import { sql } from 'drizzle-orm';
import type { ModelRecord } from '../models/store.ts';
import type { VersionRecord } from '../versions/store.ts';

/** Labels of (entity, t) pairs as knowable at `asOf`: only those whose knownAt <= asOf come back. */
export type LabelReader = (request: {
  label: LabelSpec;
  /** The bar interval the training set's labels were computed on. */
  interval: string;
  rows: readonly { entity: string; t: Date }[];
  asOf: Date;
}) => Promise<{ entity: string; t: Date; value: number; knownAt: Date }[]>;

/**
 * How long a logged prediction waits for its label: one not labelled within 90 days of its time
 * (an instrument that stopped trading, a label that never resolves) is no longer joined.
 */
export const OUTCOME_WAIT_DAYS = 90;

interface Logged {
  version: number;
  stage: string;
  entity: string;
  session: string;
  t: Date;
  prediction: number;
  probability: number | null;
  request_id: string;
}

/**
 * Realized outcomes (issue 14 item 3): each logged prediction with a prediction (one per version,
 * entity and session: the last one logged in the session, what a trader would have acted on) is
 * joined to its label once the label is knowable at `asOf`, by the label definition the version
 * was trained on (the training set's), read point in time by `labels`. Joined outcomes are stored
 * once (primary key); a prediction whose label is not knowable yet waits for a later run (for
 * OUTCOME_WAIT_DAYS at most).
 */
export async function joinOutcomes(
  deps: { db: Db; lake: Lake; labels: LabelReader },
  model: ModelRecord,
  versions: readonly VersionRecord[],
  asOf: Date,
): Promise<number> {
  const contract = predictionLogDataset(model.name);
  const snapshot = await deps.lake.currentSnapshot(contract.name).catch(() => null);
  if (!snapshot) return 0;
  const logged = await deps.lake.query<Logged>(
    `SELECT version, stage, entity, strftime(timezone('UTC', t), '%Y-%m-%d') AS session, t, prediction, probability, request_id
     FROM ${deps.lake.scan(snapshot)}
     WHERE prediction IS NOT NULL AND t <= $1::TIMESTAMPTZ AND t > $1::TIMESTAMPTZ - to_days(CAST($2 AS INTEGER))
     QUALIFY row_number() OVER (PARTITION BY version, entity, session ORDER BY available_at DESC, request_id DESC) = 1`,
    [asOf, OUTCOME_WAIT_DAYS],
  );
  const since = new Date(asOf.getTime() - OUTCOME_WAIT_DAYS * 86_400_000);
  const existing = new Set(
    rowsOf<{ k: string }>(
      await deps.db.execute(
        sql`select version || '|' || entity || '|' || session as k from ${predictionOutcomes}
            where model_id = ${model.id} and t > ${since.toISOString()}::timestamptz`,
      ),
    ).map((r) => r.k),
  );
  const waiting = logged.filter((l) => !existing.has(`${l.version}|${l.entity}|${l.session}`));
  if (waiting.length === 0) return 0;
  const byNumber = new Map(versions.map((v) => [v.number, v]));
  let joined = 0;
  for (const number of new Set(waiting.map((w) => Number(w.version)))) {
    const version = byNumber.get(number);
    if (!version) continue;
    const [ts] = await readTrainingSets(deps.db, [version.trainingSetId]);
    const label = ts?.labels.find((l) => l.name === version.label);
    if (!label) continue;
    const rows = waiting.filter((w) => Number(w.version) === number);
    const known = await deps.labels({
      label,
      interval: ts?.labelInterval ?? '1d',
      rows: rows.map((r) => ({ entity: r.entity, t: new Date(r.t) })),
      asOf,
    });
    const value = new Map(known.map((k) => [`${k.entity}|${k.t.getTime()}`, k]));
    const values = rows.flatMap((r) => {
      const k = value.get(`${r.entity}|${new Date(r.t).getTime()}`);
      if (!k || !Number.isFinite(k.value) || k.knownAt.getTime() > asOf.getTime()) return [];
      return [
        {
          modelId: model.id,
          version: number,
          stage: r.stage,
          entity: r.entity,
          session: r.session,
          t: new Date(r.t),
          prediction: Number(r.prediction),
          probability: r.probability === null ? null : Number(r.probability),
          label: k.value,
          knownAt: k.knownAt,
          requestId: r.request_id,
        },
      ];
    });
    for (let i = 0; i < values.length; i += 1_000) {
      const inserted = await deps.db
        .insert(predictionOutcomes)
        .values(values.slice(i, i + 1_000))
        .onConflictDoNothing()
        .returning({ entity: predictionOutcomes.entity });
      joined += inserted.length;
    }
  }
  return joined;
}
