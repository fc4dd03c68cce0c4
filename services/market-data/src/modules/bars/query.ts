import { BARS_DATASET, CORPORATE_ACTIONS_DATASET } from '@alphagraph/datasets';
import { type LakeParam, latestAsOf } from '@alphagraph/lake';

export type BarInterval = '1d' | '1h';
export type ResamplePeriod = 'day' | 'week' | 'month';
export type ReturnKind = 'simple' | 'log';
export type PriceAdjustment = 'none' | 'total_return';

/** What to read: the shaping every bar read shares (one instrument or many, page or download). */
export interface BarSelection {
  readonly symbols: readonly string[];
  readonly interval: BarInterval;
  /** Inclusive lower bound on the bar's start. */
  readonly from?: Date | null;
  /** Exclusive upper bound on the bar's start. */
  readonly to?: Date | null;
  /** Only versions available at or before this instant (default: now). */
  readonly asOf?: Date | null;
  /** Aggregate to a coarser period (daily to weekly/monthly, hourly to daily). */
  readonly resample?: ResamplePeriod | null;
  /** Add the return over the previous bar of the same instrument in this selection. */
  readonly returns?: ReturnKind | null;
  /** `total_return`: back-adjust prices for the cash dividends known at `asOf`. */
  readonly adjustment?: PriceAdjustment | null;
  /** The corporate-actions relation (required for an adjustment). */
  readonly actionsScan?: string | null;
}

const RESAMPLE_TRUNC: Record<ResamplePeriod, string> = { day: 'day', week: 'week', month: 'month' };

/**
 * Builds the DuckDB query for a bar selection over a lake scan. Steps, each a CTE:
 * 1. known: per bar, the latest version available at `asOf` (corrections made later are
 *    invisible);
 * 2. shaped: optionally resampled: open = first open, high = max, low = min, close = last close,
 *    volume = sum, available_at = the latest constituent's (a period's bar is known only as far as
 *    its constituents are; a partial period read as of mid-period is that partial bar), with the
 *    count of its constituents (`sessions`: 1 when not resampled);
 * 3. returned: optionally the simple (close/prev - 1) or log (ln(close/prev)) return, computed
 *    over the whole selection before any paging, so a page boundary never loses a return.
 * Symbols are bound one placeholder each so DuckDB can prune Parquet row groups.
 */
export function barSelectionSql(scan: string, sel: BarSelection): { sql: string; params: LakeParam[] } {
  const params: LakeParam[] = [...sel.symbols];
  const symbolList = sel.symbols.map((_, i) => `$${i + 1}`).join(', ');
  const where = [`symbol IN (${symbolList})`, `interval = $${params.push(sel.interval)}`];
  if (sel.from) where.push(`time >= $${params.push(sel.from)}::TIMESTAMPTZ`);
  if (sel.to) where.push(`time < $${params.push(sel.to)}::TIMESTAMPTZ`);
  const asOf = `$${params.push(sel.asOf ?? new Date())}`;
  const adjusted = sel.adjustment === 'total_return' && sel.actionsScan;
  const shaped = sel.resample
    ? `SELECT symbol, date_trunc('${RESAMPLE_TRUNC[sel.resample]}', time) AS time,
         arg_min(open, time) AS open, max(high) AS high, min(low) AS low, arg_max(close, time) AS close,
         sum(volume) AS volume, max(available_at) AS available_at, count(*) AS sessions
       FROM known GROUP BY symbol, date_trunc('${RESAMPLE_TRUNC[sel.resample]}', time)`
    : 'SELECT *, 1 AS sessions FROM known';
  const ret =
    sel.returns === 'log'
      ? 'ln(close / lag(close) OVER w)'
      : sel.returns === 'simple'
        ? 'close / lag(close) OVER w - 1'
        : 'CAST(NULL AS DOUBLE)';
  const raw = latestAsOf(scan, {
    dataset: BARS_DATASET,
    asOf: `${asOf}::TIMESTAMPTZ`,
    where,
    columns: ['symbol', 'time', 'open', 'high', 'low', 'close', 'volume', 'available_at'],
  });
  const sql = `
    WITH raw AS ${raw},
    ${adjusted ? totalReturnCtes(scan, sel.actionsScan!, symbolList, `$${sel.symbols.length + 1}`, asOf) : 'known AS (SELECT * FROM raw)'},
    shaped AS (${shaped}),
    returned AS (
      SELECT symbol, time, open, high, low, close, volume, available_at, sessions, ${ret} AS return
      FROM shaped WINDOW w AS (PARTITION BY symbol ORDER BY time)
    )
    SELECT * FROM returned`;
  return { sql, params };
}

/**
 * Total-return (dividend) back-adjustment as of a time, the CRSP/Yahoo multiplicative method: a bar
 * on date d is multiplied by the product, over cash dividends with ex-date > d known at `asOf`, of
 * (1 - amount / close before the ex-date). The shipped price sources deliver split-adjusted prices,
 * so splits after a dividend convert its amount (cash per share as traded then) into the stored
 * price units: amount / product of those split ratios. Volumes are left as stored.
 */
function totalReturnCtes(
  scan: string,
  actionsScan: string,
  symbolList: string,
  intervalParam: string,
  asOf: string,
): string {
  const history = latestAsOf(scan, {
    dataset: BARS_DATASET,
    asOf: `${asOf}::TIMESTAMPTZ`,
    where: [`symbol IN (${symbolList})`, `interval = ${intervalParam}`],
    columns: ['symbol', 'time', 'close'],
  });
  const actions = latestAsOf(actionsScan, {
    dataset: CORPORATE_ACTIONS_DATASET,
    asOf: `${asOf}::TIMESTAMPTZ`,
    where: [`symbol IN (${symbolList})`],
    columns: ['symbol', 'ex_date', 'kind', 'ratio', 'amount'],
  });
  return `history AS ${history},
    actions AS ${actions},
    dividends AS (
      SELECT d.symbol, d.ex_date,
        1 - d.amount / exp(coalesce((SELECT sum(ln(s.ratio)) FROM actions s
                                      WHERE s.symbol = d.symbol AND s.kind = 'split' AND s.ex_date > d.ex_date), 0))
              / (SELECT h.close FROM history h WHERE h.symbol = d.symbol AND CAST(h.time AS DATE) < d.ex_date
                 ORDER BY h.time DESC LIMIT 1) AS factor
      FROM actions d WHERE d.kind = 'dividend' AND d.amount > 0
    ),
    known AS (
      SELECT r.symbol, r.time, r.open * m.f AS open, r.high * m.f AS high, r.low * m.f AS low, r.close * m.f AS close,
             r.volume, r.available_at
      FROM raw r, LATERAL (
        SELECT exp(coalesce(sum(ln(d.factor)), 0)) AS f FROM dividends d
        WHERE d.symbol = r.symbol AND d.ex_date > CAST(r.time AS DATE) AND d.factor > 0
      ) m
    )`;
}
