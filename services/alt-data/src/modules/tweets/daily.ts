import { sessionClose, sessionDays } from '@alphagraph/calendar';
import type { Lake, LakeParam, Snapshot } from '@alphagraph/lake';
import { DomainError } from '@alphagraph/service';
import { z } from 'zod';
import type { DatasetRecord } from '../datasets/store.ts';
import { entityInSql, LATEST_KNOWN_VERSION, type ObservationStore, remember } from '../observations/store.ts';

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

const DAY_MS = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** XNYS sessions are known for 1980–2035; tweets outside that range have no session. */
const clampDate = (d: string) => (d < '1980-01-01' ? '1980-01-01' : d > '2035-12-31' ? '2035-12-31' : d);

/** The daily per-ticker tweet series (count, mean sentiment), computed in DuckDB on read. */
export function createDailySentimentStore(lake: Lake, observations: ObservationStore) {
  // Sessions spanning a snapshot's event times; snapshots are immutable, so this is kept per id.
  const sessionsBySnapshot = new Map<number, Promise<{ dates: string[]; closes: string[] }>>();

  async function sessionsOf(snapshot: Snapshot) {
    let pending = sessionsBySnapshot.get(snapshot.id);
    if (!pending) {
      pending = (async () => {
        const [raw] = await lake.query(
          `SELECT min(event_time) AS first, max(event_time) AS last FROM ${lake.scan(snapshot)}`,
        );
        const { first, last } = span.parse(raw);
        if (!first || !last) return { dates: [], closes: [] };
        // A tweet belongs to the first session closing after it: start a week early, end two late.
        const dates = sessionDays(
          'XNYS',
          clampDate(isoDate(new Date(first.getTime() - 7 * DAY_MS))),
          clampDate(isoDate(new Date(last.getTime() + 14 * DAY_MS))),
        );
        return { dates, closes: dates.map((d) => sessionClose('XNYS', d).toISOString()) };
      })();
      pending.catch(() => sessionsBySnapshot.delete(snapshot.id));
      remember(sessionsBySnapshot, snapshot.id, pending);
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
      const { dates, closes } = await sessionsOf(snapshot);
      const params: LakeParam[] = [dates, closes, query.asOf];
      const known = ['available_at <= $3::TIMESTAMPTZ'];
      const daily = ['available_at <= $3::TIMESTAMPTZ'];
      if (query.entities) known.push(entityInSql(params, query.entities));
      if (query.from) {
        const p = `$${params.push(query.from)}::TIMESTAMPTZ`;
        // A session's tweets start at the previous close: never more than ten days before it.
        known.push(`event_time >= ${p} - INTERVAL 10 DAY`);
        daily.push(`event_time >= ${p}`);
      }
      if (query.to) {
        const p = `$${params.push(query.to)}::TIMESTAMPTZ`;
        known.push(`event_time < ${p} + INTERVAL 1 DAY`);
        daily.push(`event_time < ${p}`);
      }
      if (query.after) {
        const e = `$${params.push(query.after[0])}`;
        const t = `$${params.push(new Date(query.after[1]))}::TIMESTAMPTZ`;
        daily.push(`(entity > ${e} OR (entity = ${e} AND event_time > ${t}))`);
      }
      const latency = z.number().int().min(0).parse(dataset.latencySeconds);
      const rows = await lake.query(
        `WITH sessions AS (
           SELECT CAST(unnest($1) AS DATE) AS session, CAST(unnest($2) AS TIMESTAMPTZ) AS session_close
         ),
         known AS (
           SELECT entity, event_time, seq, available_at, sentiment FROM ${lake.scan(snapshot)}
           WHERE ${known.join(' AND ')}
           ${LATEST_KNOWN_VERSION}
         ),
         daily AS (
           SELECT k.entity, s.session, s.session_close,
                  timezone('UTC', CAST(s.session AS TIMESTAMP)) AS event_time,
                  count(*) AS tweet_count, avg(k.sentiment) AS mean_sentiment,
                  greatest(s.session_close + to_seconds(${latency}), max(k.available_at)) AS available_at
           FROM known k ASOF JOIN sessions s ON k.event_time < s.session_close
           GROUP BY k.entity, s.session, s.session_close
         )
         SELECT * FROM daily WHERE ${daily.join(' AND ')}
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
