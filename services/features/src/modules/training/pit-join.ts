import { quoteIdent } from '@alphagraph/lake';

/** One source of feature values joined onto the spine (a materialized feature view). */
export interface FeatureSource {
  /**
   * A DuckDB relation with columns entity, event_time, available_at, tiebreak (a deterministic
   * order for exact ties, e.g. the materialization run id) and one column per feature.
   */
  readonly relation: string;
  readonly features: readonly {
    /** Column in `relation`. */
    readonly column: string;
    /** Column in the output. */
    readonly as: string;
    /** A value older than `t - ttl` is null; exactly `t - ttl` is still valid. */
    readonly ttlSeconds: number;
  }[];
}

/**
 * The point-in-time join (DESIGN section 4, rule 2). For a spine row (e, t) and a source:
 * 1. only rows with available_at <= t exist (inclusive);
 * 2. among them the one with the latest event_time wins, and of that period the version that
 *    became available last; exact ties are broken by `tiebreak` (greatest wins);
 * 3. a value whose event_time is older than t - TTL is null (t - TTL itself is valid);
 * 4. an entity with nothing known yet gets nulls; output rows are the spine rows one for one
 *    (duplicates kept), in spine order.
 *
 * A plain ASOF JOIN on available_at would let a late correction of an old period replace a newer
 * period's value. Instead each source becomes a "best known" timeline, a step function of
 * availability time on which an ASOF JOIN is exact: per entity, at every availability instant,
 * the greatest (event_time, available_at, tiebreak) available so far (a running max over a RANGE
 * frame, so rows published at the same instant count together), joined back to its values.
 *
 * Most entities need no folding: when an entity's rows, ordered by available_at, have strictly
 * increasing available_at and non-decreasing event_time (no late correction of an older period, no
 * period published out of order, no two rows at one instant), each row IS a step of the timeline.
 * A narrow pass over the keys finds the other entities; only they are folded and joined back, so
 * the usual case costs one ASOF JOIN, as a hand-written one would, and corrections stay exact.
 *
 * `spine` must have columns row_no (order), entity, t, and any `carry` columns (copied through).
 */
export function pointInTimeJoinSql(
  spine: string,
  sources: readonly FeatureSource[],
  options: { carry?: readonly string[] } = {},
): string {
  const ctes: string[] = [];
  const joins: string[] = [];
  const selects: string[] = [];
  sources.forEach((src, i) => {
    const v = `v${i}`;
    const values = [...new Set(src.features.map((f) => quoteIdent(f.column)))];
    const carried = ['entity', 'event_time', ...values].join(', ');
    ctes.push(`${v}_src AS (SELECT * FROM ${src.relation})`);
    // Entities whose availability order disagrees with (event_time, available_at, tiebreak).
    ctes.push(`${v}_folded AS (
      SELECT DISTINCT entity FROM (
        SELECT entity, available_at, event_time,
          lag(available_at) OVER w AS prev_a, lag(event_time) OVER w AS prev_e
        FROM (SELECT entity, event_time, available_at, tiebreak FROM ${v}_src)
        WINDOW w AS (PARTITION BY entity ORDER BY available_at, event_time, tiebreak))
      WHERE entity IS NOT NULL AND (available_at = prev_a OR event_time < prev_e))`);
    ctes.push(`${v}_steps AS (
      SELECT DISTINCT entity, available_at,
        max({'e': event_time, 'a': available_at, 'k': tiebreak}) OVER (
          PARTITION BY entity ORDER BY available_at
          RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS best
      FROM ${v}_src WHERE entity IN (SELECT entity FROM ${v}_folded))`);
    // Exact duplicates (same entity, event_time, available_at and tiebreak) count once.
    ctes.push(`${v}_line AS (
      SELECT available_at AS step_at, ${carried} FROM ${v}_src WHERE entity NOT IN (SELECT entity FROM ${v}_folded)
      UNION ALL
      SELECT st.available_at AS step_at, ${['entity', 'event_time', ...values].map((c) => `r.${c}`).join(', ')}
      FROM ${v}_steps st JOIN (
        SELECT * FROM ${v}_src WHERE entity IN (SELECT entity FROM ${v}_folded)
        QUALIFY row_number() OVER (PARTITION BY entity, event_time, available_at, tiebreak) = 1) r
      ON r.entity = st.entity AND r.event_time = st.best.e AND r.available_at = st.best.a AND r.tiebreak = st.best.k)`);
    joins.push(`ASOF LEFT JOIN ${v}_line ${v} ON s.entity = ${v}.entity AND s.t >= ${v}.step_at`);
    for (const f of src.features) {
      const ttl = Math.round(f.ttlSeconds * 1_000_000);
      if (!Number.isSafeInteger(ttl) || ttl < 0) throw new Error(`feature ${f.as} has an invalid TTL`);
      selects.push(
        `CASE WHEN ${v}.event_time >= s.t - to_microseconds(${ttl}) THEN ${v}.${quoteIdent(f.column)} END AS ${quoteIdent(f.as)}`,
      );
    }
  });
  return `WITH ${ctes.join(',\n')}
    SELECT s.row_no, s.entity, s.t${(options.carry ?? []).map((c) => `, s.${quoteIdent(c)}`).join('')}${selects.length ? `, ${selects.join(', ')}` : ''}
    FROM ${spine} s
    ${joins.join('\n')}
    ORDER BY s.row_no`;
}
