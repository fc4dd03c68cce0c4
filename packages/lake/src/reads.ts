import { type CalendarCode, sessionClose, sessionDays } from '@alphagraph/calendar';
import { z } from 'zod';
import type { DatasetContract } from './contract.ts';
import type { LakeParam } from './internal/duck.ts';
import { scanSql } from './scan.ts';
import type { Snapshot } from './snapshot.ts';
import { quoteIdent } from './sql.ts';

/** What a read runs over: a committed snapshot, or a relation with the dataset's columns. */
export type LakeSource = Snapshot | string;

export interface LatestAsOfOptions {
  readonly dataset: DatasetContract;
  /**
   * SQL of the as-of instant, usually a bound parameter (`$2::TIMESTAMPTZ`); versions available
   * later are invisible. Omitted: the latest version stored.
   */
  readonly asOf?: string;
  /**
   * Conditions applied before versions are ranked. They should name version-key columns (interval,
   * symbol, event-time ranges): a condition on a value column would pick among the versions that
   * pass it, not the version known at as-of.
   */
  readonly where?: readonly string[];
  /** The columns returned (default: every column of the source). */
  readonly columns?: readonly string[];
  /** Also return, under this name, when the observation's first version (known at as-of) became available. */
  readonly firstAvailableAs?: string;
  /** Also return, under this name, how many versions of the observation are known at as-of. */
  readonly versionsAs?: string;
}

const sourceSql = (source: LakeSource) => (typeof source === 'string' ? source : scanSql(source));

/**
 * The latest version known at as-of, as a relation: per version key, among the rows available at
 * or before `asOf`, the one with the latest availability, ties going to the greater tiebreak.
 */
export function latestAsOf(source: LakeSource, options: LatestAsOfOptions): string {
  const { dataset } = options;
  const key = dataset.versionKey.map(quoteIdent).join(', ');
  const available = quoteIdent(dataset.availableAt);
  const where = [...(options.asOf ? [`${available} <= ${options.asOf}`] : []), ...(options.where ?? [])];
  const columns = options.columns ? options.columns.map(quoteIdent) : ['*'];
  if (options.firstAvailableAs) {
    columns.push(`min(${available}) OVER (PARTITION BY ${key}) AS ${quoteIdent(options.firstAvailableAs)}`);
  }
  if (options.versionsAs) {
    columns.push(`CAST(count(*) OVER (PARTITION BY ${key}) AS INTEGER) AS ${quoteIdent(options.versionsAs)}`);
  }
  return `(SELECT ${columns.join(', ')} FROM ${sourceSql(source)}
    ${where.length > 0 ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : ''}
    QUALIFY row_number() OVER (PARTITION BY ${key} ORDER BY ${available} DESC, ${quoteIdent(dataset.tiebreak)} DESC) = 1)`;
}

export interface SessionAggregateOptions {
  readonly dataset: DatasetContract;
  /** The query's bound parameters: the session list is bound here. */
  readonly params: LakeParam[];
  /** SQL of the as-of instant (see `latestAsOf`). */
  readonly asOf: string;
  /** Conditions on the observations read (an entity filter), as in `latestAsOf`. */
  readonly where?: readonly string[];
  /** Columns the aggregates read, besides entity, event time and availability. */
  readonly columns?: readonly string[];
  /** Aggregate expressions over a session's observations, aliased `k` (`count(*) AS n`). */
  readonly aggregates: readonly string[];
  readonly calendar: CalendarCode;
  /** The event times whose sessions are wanted (inclusive); sessions outside may be partial. */
  readonly from: Date;
  readonly to: Date;
  /** The dataset's declared latency: a session's aggregate is known this long after its close at the earliest. */
  readonly latencySeconds: number;
}

const DAY_MS = 86_400_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);
/** The calendars are known for 1980–2035; observations outside that range have no session. */
const clampDate = (d: string) => (d < '1980-01-01' ? '1980-01-01' : d > '2035-12-31' ? '2035-12-31' : d);

/**
 * Observations aggregated per (entity, session), as a relation `(entity, session, session_close,
 * available_at, <aggregates>)`. Session D holds the latest versions known at as-of of the
 * observations with event times in [close(D-1), close(D)): an observation at a close, on a weekend
 * or on a holiday counts towards the next session. The aggregate is known once the session is over
 * and its last observation used is published: greatest(close(D) + latency, that observation's
 * availability). Sessions without an observation have no row.
 */
export function sessionAggregates(source: LakeSource, options: SessionAggregateOptions): string {
  const { dataset, params } = options;
  // Sessions from two weeks before the first event time (so earlier observations fall into earlier
  // sessions, never the first wanted one) to two weeks after the last; observations from ten days
  // before (a session starts at the previous close, never ten days earlier) to a day after.
  const dates = sessionDays(
    options.calendar,
    clampDate(isoDate(new Date(options.from.getTime() - 14 * DAY_MS))),
    clampDate(isoDate(new Date(options.to.getTime() + 14 * DAY_MS))),
  );
  const closes = dates.map((d) => sessionClose(options.calendar, d).toISOString());
  const datesParam = `$${params.push(dates)}`;
  const closesParam = `$${params.push(closes)}`;
  const eventTime = quoteIdent(dataset.eventTime);
  const from = `$${params.push(options.from)}::TIMESTAMPTZ`;
  const to = `$${params.push(options.to)}::TIMESTAMPTZ`;
  const known = latestAsOf(source, {
    dataset,
    asOf: options.asOf,
    where: [
      ...(options.where ?? []),
      `${eventTime} >= ${from} - INTERVAL 10 DAY`,
      `${eventTime} < ${to} + INTERVAL 1 DAY`,
    ],
    columns: [
      ...new Set([
        ...dataset.versionKey,
        dataset.entity,
        dataset.eventTime,
        dataset.availableAt,
        ...(options.columns ?? []),
      ]),
    ],
  });
  const latency = z.number().int().min(0).parse(options.latencySeconds);
  const entity = `k.${quoteIdent(dataset.entity)}`;
  return `(WITH sessions AS (
      SELECT CAST(unnest(${datesParam}) AS DATE) AS session, CAST(unnest(${closesParam}) AS TIMESTAMPTZ) AS session_close
    ),
    known AS ${known}
    SELECT ${entity} AS entity, s.session, s.session_close,
           greatest(s.session_close + to_seconds(${latency}), max(k.${quoteIdent(dataset.availableAt)})) AS available_at,
           ${options.aggregates.join(', ')}
    FROM known k ASOF JOIN sessions s ON k.${eventTime} < s.session_close
    GROUP BY ${entity}, s.session, s.session_close)`;
}
