import { altObservationDataset } from '@alphagraph/datasets';
import { type Lake, type LakeParam, type Snapshot, sessionAggregates } from '@alphagraph/lake';
import { DomainError } from '@alphagraph/service';
import { z } from 'zod';
import type { DatasetRecord } from '../datasets/store.ts';
import { entityInSql, type ObservationStore, remember } from '../observations/store.ts';

/** The per-tweet dataset the daily series is computed from. */
export const TWEETS_DATASET = 'stocknet_tweets';

/**
 * One NYSE session's tweets about one ticker.
 *
 * The clock: session D collects the tweets created in [close(D−1), close(D)), where close is the
 * XNYS close in New York time (16:00, or 13:00 on an early-close day). A tweet at 16:00:00 or later
 * counts towards the next session, and so do tweets on weekends and holidays. The value is known
 * once the session is over and the last of its tweets has been published: at close(D) + the
 * dataset's latency, or later when a late version (a correction or a late delivery) was used.
 */
export interface DailySentimentRecord {
  readonly datasetId: string;
  readonly entity: string;
  /** The session (trade) date, YYYY-MM-DD. */
  readonly session: string;
  /** The session date at 00:00 UTC, as a daily bar's time. */
  readonly eventTime: Date;
  readonly sessionClose: Date;
  readonly availableAt: Date;
  readonly tweetCount: number;
  /** Null when none of the session's tweets has a score. */
  readonly meanSentiment: number | null;
}

export interface DailySentimentQuery {
  readonly entities?: readonly string[] | null;
  /** Inclusive lower bound on eventTime (the session date at 00:00 UTC). */
  readonly from?: Date | null;
  /** Exclusive upper bound on eventTime. */
  readonly to?: Date | null;
  readonly asOf: Date;
  /** Rows strictly after [entity, eventTime ms]. */
  readonly after?: readonly [string, number] | null;
  readonly limit: number;
  readonly snapshotId?: number | null;
}

const row = z.object({
  entity: z.string(),
  session: z.date(),
  session_close: z.date(),
  event_time: z.date(),
  available_at: z.date(),
  tweet_count: z.union([z.bigint(), z.number()]).transform(Number),
  mean_sentiment: z.number().nullable(),
});
const span = z.object({ first: z.date().nullable(), last: z.date().nullable() });
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** The daily per-ticker tweet series (count, mean sentiment), computed in DuckDB on read. */
export function createDailySentimentStore(lake: Lake, observations: ObservationStore) {
  // The event times a snapshot spans; snapshots are immutable, so this is kept per id.
  const spanBySnapshot = new Map<number, Promise<z.infer<typeof span>>>();

  function spanOf(snapshot: Snapshot) {
    let pending = spanBySnapshot.get(snapshot.id);
    if (!pending) {
      pending = lake
        .query(`SELECT min(event_time) AS first, max(event_time) AS last FROM ${lake.scan(snapshot)}`)
        .then(([raw]) => span.parse(raw));
      pending.catch(() => spanBySnapshot.delete(snapshot.id));
      remember(spanBySnapshot, snapshot.id, pending);
    }
    return pending;
  }

  return {
    async page(dataset: DatasetRecord, query: DailySentimentQuery) {
      const sentiment = dataset.fields.find((f) => f.name === 'sentiment' && f.type === 'float');
      if (!sentiment) {
        throw new DomainError('FAILED_PRECONDITION', `dataset ${dataset.name} has no float field sentiment`);
      }
      const snapshot = await observations.snapshot(dataset, query.snapshotId);
      if (!snapshot || query.entities?.length === 0) {
        return { rows: [] as DailySentimentRecord[], hasNextPage: false, snapshotId: null };
      }
      const { first, last } = await spanOf(snapshot);
      if (!first || !last) return { rows: [] as DailySentimentRecord[], hasNextPage: false, snapshotId: snapshot.id };
      const params: LakeParam[] = [query.asOf];
      const daily = ['available_at <= $1::TIMESTAMPTZ'];
      const where = query.entities ? [entityInSql(params, query.entities)] : [];
      if (query.from) daily.push(`event_time >= $${params.push(query.from)}::TIMESTAMPTZ`);
      if (query.to) daily.push(`event_time < $${params.push(query.to)}::TIMESTAMPTZ`);
      if (query.after) {
        const e = `$${params.push(query.after[0])}`;
        const t = `$${params.push(new Date(query.after[1]))}::TIMESTAMPTZ`;
        daily.push(`(entity > ${e} OR (entity = ${e} AND event_time > ${t}))`);
      }
      const sessions = sessionAggregates(snapshot, {
        dataset: altObservationDataset(dataset),
        params,
        asOf: '$1::TIMESTAMPTZ',
        where,
        columns: ['sentiment'],
        aggregates: ['count(*) AS tweet_count', 'avg(k.sentiment) AS mean_sentiment'],
        calendar: 'XNYS',
        from: query.from && query.from > first ? query.from : first,
        to: query.to && query.to < last ? query.to : last,
        latencySeconds: dataset.latencySeconds,
      });
      const rows = await lake.query(
        `SELECT * FROM (
           SELECT entity, session, session_close, timezone('UTC', CAST(session AS TIMESTAMP)) AS event_time,
                  tweet_count, mean_sentiment, available_at
           FROM ${sessions}
         )
         WHERE ${daily.join(' AND ')}
         ORDER BY entity, event_time
         LIMIT ${z.number().int().min(1).parse(query.limit) + 1}`,
        params,
      );
      const records = rows.slice(0, query.limit).map((raw): DailySentimentRecord => {
        const r = row.parse(raw);
        return {
          datasetId: dataset.id,
          entity: r.entity,
          session: isoDate(r.session),
          eventTime: r.event_time,
          sessionClose: r.session_close,
          availableAt: r.available_at,
          tweetCount: r.tweet_count,
          meanSentiment: r.mean_sentiment,
        };
      });
      return { rows: records, hasNextPage: rows.length > query.limit, snapshotId: snapshot.id };
    },
  };
}
export type DailySentimentStore = ReturnType<typeof createDailySentimentStore>;
