import { MARKET_ENTITY } from '@alphagraph/datasets';
import { quoteIdent, quoteLiteral } from '@alphagraph/lake';

/** One source of feature values joined onto the spine (a materialized feature view). */
export interface FeatureSource {
  /**
   * A DuckDB relation with columns entity, event_time, available_at, tiebreak (a deterministic
   * order for exact ties, e.g. the materialization run id), row_id and one column per feature.
   *
   * row_id names a row: unique within the relation, and the same for the same row every time the
   * relation is read, because the join reads the keys first and fetches the values later by row_id
   * (a lake scan's row_id, `lake.scan(snapshot, { rowId: true })`; a temporary table's rowid). It also breaks ties
   * between rows whose keys are all equal, so it must not depend on scheduling.
   */
  readonly relation: string;
  /**
   * `market`: a market-wide series; only its rows with entity MARKET count, and every spine row
   * (whatever its entity) takes the MARKET value by the same point-in-time rules. Default
   * `instrument`: spine row (e, t) takes entity e's value.
   */
  readonly entityKind?: 'instrument' | 'market';
  readonly features: readonly {
    /** Column in `relation`. */
    readonly column: string;
    /** Column in the output. */
    readonly as: string;
    /** A value older than `t - ttl` is null; exactly `t - ttl` is still valid. Null: no TTL. */
    readonly ttlSeconds: number | null;
  }[];
}

/**
 * The point-in-time join (DESIGN section 4, rule 2). For a spine row (e, t) and a source:
 * 1. only rows with available_at <= t exist (inclusive);
 * 2. among them the one with the latest event_time wins, and of that period the version that
 *    became available last; exact ties are broken by `tiebreak` (greatest wins), and rows equal on
 *    all of these (exact duplicates) count once (the greatest row_id is taken);
 * 3. a value whose event_time is older than t - TTL is null (t - TTL itself is valid);
 * 4. an entity with nothing known yet gets nulls; output rows are the spine rows one for one
 *    (duplicates kept), in spine order (ORDER BY row_no, so the order never depends on how DuckDB
 *    schedules the joins).
 *
 * A plain ASOF JOIN on available_at would let a late correction of an old period replace a newer
 * period's value. Instead each source becomes a "best known" timeline, a step function of
 * availability time on which an ASOF JOIN is exact: per entity, at every availability instant,
 * the greatest (event_time, available_at, tiebreak, row_id) available so far (a running max over a
 * RANGE frame, so rows published at the same instant count together).
 *
 * Most entities need no folding: when an entity's rows, ordered by available_at, have strictly
 * increasing available_at and non-decreasing event_time (no late correction of an older period, no
 * period published out of order, no two rows at one instant), each row IS a step of the timeline.
 * A pass over the keys finds the other entities; only they are folded.
 *
 * Late materialization: the timeline, the ASOF JOIN and the TTL check run on narrow keys only
 * (entity, times, tiebreak, row_id), never dragging the feature columns through their sorts. Each
 * spine row ends up with, per source, the row_id of its chosen row (null when there is none or it
 * is older than the source's longest TTL); the values are then fetched by row_id (a hash join
 * against the source read a second time), and only that result is sorted by row_no. The sort is
 * needed: DuckDB's hash join does not keep its probe side's order (measured: a gather probed with
 * rows already in row_no order wrote blocks of them out of order, differently on every run).
 * A MARKET source is joined by time alone: on the spine's distinct instants, then back onto the
 * spine rows by t.
 *
 * `spine` must have columns row_no (order), entity and t. The output: row_no, entity, t, then the
 * features in the order given.
 */
export function pointInTimeJoinSql(spine: string, sources: readonly FeatureSource[]): string {
  const ctes: string[] = [`pit_spine AS (SELECT * FROM ${spine})`];
  // Spine rows with, per source i, the chosen row's r<i> (row_id, null when none is fresh) and,
  // when some of its features have a shorter TTL than others, e<i> (its event_time).
  let keyed = 'SELECT s.row_no, s.entity, s.t';
  let keyedFrom = 'pit_spine s';
  const gathers: string[] = [];
  const selects: string[] = [];
  sources.forEach((src, i) => {
    const v = `pit${i}`;
    const market = src.entityKind === 'market';
    const filter = market ? ` WHERE entity = ${quoteLiteral(MARKET_ENTITY)}` : '';
    ctes.push(`${v}_keys AS (SELECT entity, event_time, available_at, tiebreak, row_id FROM ${src.relation}${filter})`);
    // Entities whose availability order disagrees with (event_time, available_at, tiebreak). Ordering
    // by available_at alone is enough: rows sharing an instant are flagged whatever their order.
    ctes.push(`${v}_folded AS (
      SELECT DISTINCT entity FROM (
        SELECT entity, available_at, event_time,
          lag(available_at) OVER w AS prev_a, lag(event_time) OVER w AS prev_e
        FROM ${v}_keys
        WINDOW w AS (PARTITION BY entity ORDER BY available_at))
      WHERE entity IS NOT NULL AND (available_at = prev_a OR event_time < prev_e))`);
    // The timeline: clean entities' rows as they are, folded entities' best-so-far per instant.
    ctes.push(`${v}_line AS (
      SELECT entity, available_at AS step_at, event_time, row_id
      FROM ${v}_keys WHERE entity NOT IN (SELECT entity FROM ${v}_folded)
      UNION ALL
      SELECT entity, step_at, best.e AS event_time, best.r AS row_id FROM (
        SELECT DISTINCT entity, available_at AS step_at,
          max({'e': event_time, 'a': available_at, 'k': tiebreak, 'r': row_id}) OVER (
            PARTITION BY entity ORDER BY available_at
            RANGE BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS best
        FROM ${v}_keys WHERE entity IN (SELECT entity FROM ${v}_folded)))`);
    if (market) {
      // One ASOF JOIN over the distinct instants instead of an unpartitioned one over every row.
      ctes.push(`${v}_at AS (
        SELECT q.t, ${v}.row_id, ${v}.event_time FROM (SELECT DISTINCT t FROM pit_spine) q
        ASOF LEFT JOIN ${v}_line ${v} ON q.t >= ${v}.step_at)`);
      keyedFrom += `\n      LEFT JOIN ${v}_at ${v} ON ${v}.t = s.t`;
    } else {
      keyedFrom += `\n      ASOF LEFT JOIN ${v}_line ${v} ON s.entity = ${v}.entity AND s.t >= ${v}.step_at`;
    }

    // The TTL check on keys: r<i> is null when the chosen row is older than the source's longest
    // TTL, so its values are never fetched; only features with a shorter TTL check again, on e<i>.
    // No TTL is an infinite one: nothing is ever too old.
    const ttls = src.features.map((f) => {
      if (f.ttlSeconds === null) return Number.POSITIVE_INFINITY;
      const ttl = Math.round(f.ttlSeconds * 1_000_000);
      if (!Number.isSafeInteger(ttl) || ttl < 0) throw new Error(`feature ${f.as} has an invalid TTL`);
      return ttl;
    });
    const longest = Math.max(0, ...ttls);
    keyed +=
      longest === Number.POSITIVE_INFINITY
        ? `, ${v}.row_id AS r${i}`
        : `, CASE WHEN ${v}.event_time >= s.t - to_microseconds(${longest}) THEN ${v}.row_id END AS r${i}`;
    if (ttls.some((ttl) => ttl < longest)) keyed += `, ${v}.event_time AS e${i}`;

    const values = [...new Set(src.features.map((f) => quoteIdent(f.column)))];
    gathers.push(`LEFT JOIN (SELECT row_id, ${values.join(', ')} FROM ${src.relation}) ${v} ON ${v}.row_id = k.r${i}`);
    src.features.forEach((f, j) => {
      const ttl = ttls[j]!;
      const value = `${v}.${quoteIdent(f.column)}`;
      selects.push(
        `${ttl < longest ? `CASE WHEN k.e${i} >= k.t - to_microseconds(${ttl}) THEN ${value} END` : value} AS ${quoteIdent(f.as)}`,
      );
    });
  });
  ctes.push(`pit_keyed AS (${keyed}\n      FROM ${keyedFrom})`);
  return `WITH ${ctes.join(',\n')}
    SELECT k.row_no, k.entity, k.t${selects.length ? `, ${selects.join(', ')}` : ''}
    FROM pit_keyed k
    ${gathers.join('\n    ')}
    ORDER BY k.row_no`;
}
