import { isCalendarCode } from '@alphagraph/calendar';
import { BARS_DATASET } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { ingestBatches } from '@alphagraph/db/schema/market';
import { type Lake, type LakeParam, latestAsOf } from '@alphagraph/lake';
import { and, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { BarInterval } from '../bars/query.ts';
import { expectedBars } from '../bars/sessions.ts';
import type { RuleAction, RuleName } from '../ingest/rules.ts';
import type { InstrumentStore } from '../instruments/store.ts';

/** What a report covers: canonical symbols (empty: all), the period [from, to) and the as-of instant. */
export interface QualityScope {
  readonly interval: BarInterval;
  readonly symbols: readonly string[];
  readonly from: Date | null;
  readonly to: Date | null;
  readonly asOf: Date;
}

export interface DataQualityReport extends QualityScope {
  readonly dataset: string;
  readonly snapshotId: number | null;
  /** Bars (latest version of each). */
  readonly rows: number;
  /** Stored rows including superseded versions. */
  readonly versions: number;
  readonly instruments: number;
  readonly firstTime: Date | null;
  readonly lastTime: Date | null;
  readonly nullRates: { column: string; rate: number }[];
  /** Stored bars breaking a rule, named as ingestion names it. */
  readonly violations: { rule: RuleName; count: number }[];
  /** Sessions (daily) or open hours (hourly) of each instrument's calendar with no bar, between its first and last bar. */
  readonly gaps: number;
  readonly worstGaps: { symbol: string; missing: number; expected: number }[];
  readonly newestAvailableAt: Date | null;
  readonly stalenessSeconds: number | null;
  /** What ingestion found, by rule and the action taken (rejected and quarantined rows never reach storage). */
  readonly ingestionFindings: IngestionFinding[];
}

type IngestionFinding = { rule: RuleName; action: RuleAction; rows: number };

/** Findings of every ingestion batch of an interval committed by `asOf`, summed by rule and action. */
export async function ingestionFindings(db: Db, interval: BarInterval, asOf: Date): Promise<IngestionFinding[]> {
  const batches = await db
    .select({ ruleCounts: ingestBatches.ruleCounts })
    .from(ingestBatches)
    .where(
      and(
        eq(ingestBatches.interval, interval),
        eq(ingestBatches.status, 'committed'),
        lte(ingestBatches.finishedAt, asOf),
      ),
    );
  const sums = new Map<string, IngestionFinding>();
  for (const b of batches) {
    for (const [rule, c] of Object.entries(b.ruleCounts)) {
      const key = `${rule}|${c.action}`;
      const prev = sums.get(key) ?? { rule: rule as RuleName, action: c.action as RuleAction, rows: 0 };
      sums.set(key, { ...prev, rows: prev.rows + c.rows });
    }
  }
  return [...sums.values()].filter((f) => f.rows > 0).sort((a, b) => (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0));
}

const summary = z.object({
  rows: z.coerce.number(),
  versions: z.coerce.number(),
  instruments: z.coerce.number(),
  first_time: z.date().nullable(),
  last_time: z.date().nullable(),
  newest: z.date().nullable(),
  null_open: z.coerce.number(),
  null_high: z.coerce.number(),
  null_low: z.coerce.number(),
  null_close: z.coerce.number(),
  null_volume: z.coerce.number(),
  non_positive_price: z.coerce.number(),
  high_below_low: z.coerce.number(),
  open_close_outside_range: z.coerce.number(),
  negative_volume: z.coerce.number(),
});
const perSymbol = z.object({ symbol: z.string(), first_time: z.date(), last_time: z.date(), n: z.coerce.number() });

/** The bound conditions of a scope on the bars relation (version-key columns only, as latestAsOf needs). */
function scopeConditions(scope: QualityScope): { where: string[]; params: LakeParam[] } {
  const params: LakeParam[] = [scope.interval];
  const where = ['interval = $1'];
  if (scope.symbols.length > 0) {
    where.push(`symbol IN (${scope.symbols.map((s) => `$${params.push(s)}`).join(', ')})`);
  }
  if (scope.from) where.push(`time >= $${params.push(scope.from)}::TIMESTAMPTZ`);
  if (scope.to) where.push(`time < $${params.push(scope.to)}::TIMESTAMPTZ`);
  return { where, params };
}

/**
 * Data quality of the stored bars of one interval, computed in DuckDB on the current snapshot, each
 * bar in its latest version known at `scope.asOf` (the lake's one as-of rule), for the scope's
 * symbols and period: counts, null rates, rule violations that made it into storage, gaps against
 * each instrument's trading calendar, and staleness of the newest row at `asOf`.
 */
export async function dataQualityReport(options: {
  db: Db;
  lake: Lake;
  instruments: InstrumentStore;
  scope: QualityScope;
}): Promise<DataQualityReport> {
  const { scope } = options;
  const snapshot = await options.lake.currentSnapshot(BARS_DATASET.name);
  const base = { ...scope, dataset: BARS_DATASET.name, snapshotId: snapshot?.id ?? null };
  const findings = () => ingestionFindings(options.db, scope.interval, scope.asOf);
  if (!snapshot) {
    return {
      ...base,
      ingestionFindings: await findings(),
      rows: 0,
      versions: 0,
      instruments: 0,
      firstTime: null,
      lastTime: null,
      nullRates: [],
      violations: [],
      gaps: 0,
      worstGaps: [],
      newestAvailableAt: null,
      stalenessSeconds: null,
    };
  }
  const { where, params } = scopeConditions(scope);
  const asOf = `$${params.push(scope.asOf)}::TIMESTAMPTZ`;
  const latest = latestAsOf(snapshot, { dataset: BARS_DATASET, asOf, where });
  const stored = `available_at <= ${asOf} AND ${where.map((w) => `(${w})`).join(' AND ')}`;
  const [raw] = await options.lake.query(
    `SELECT count(*) AS rows,
       (SELECT count(*) FROM ${options.lake.scan(snapshot)} WHERE ${stored}) AS versions,
       count(DISTINCT symbol) AS instruments, min(time) AS first_time, max(time) AS last_time, max(available_at) AS newest,
       count(*) FILTER (WHERE open IS NULL) AS null_open, count(*) FILTER (WHERE high IS NULL) AS null_high,
       count(*) FILTER (WHERE low IS NULL) AS null_low, count(*) FILTER (WHERE close IS NULL) AS null_close,
       count(*) FILTER (WHERE volume IS NULL) AS null_volume,
       count(*) FILTER (WHERE least(open, high, low, close) <= 0) AS non_positive_price,
       count(*) FILTER (WHERE high < low) AS high_below_low,
       count(*) FILTER (WHERE open < low OR open > high OR close < low OR close > high) AS open_close_outside_range,
       count(*) FILTER (WHERE volume < 0) AS negative_volume
     FROM ${latest}`,
    params,
  );
  const s = summary.parse(raw);
  const spans = z
    .array(perSymbol)
    .parse(
      await options.lake.query(
        `SELECT symbol, min(time) AS first_time, max(time) AS last_time, count(*) AS n FROM ${latest} GROUP BY symbol`,
        params,
      ),
    );
  const calendars = new Map(
    (await options.instruments.bySymbols(spans.map((x) => x.symbol))).map((i) => [i.symbol, i.calendar]),
  );
  const gapsBySymbol = spans.map((x) => {
    const code = calendars.get(x.symbol);
    const expected = code && isCalendarCode(code) ? expectedBars(code, scope.interval, x.first_time, x.last_time) : x.n;
    return { symbol: x.symbol, expected, missing: Math.max(0, expected - x.n) };
  });
  const rate = (n: number) => (s.rows === 0 ? 0 : n / s.rows);
  return {
    ...base,
    rows: s.rows,
    versions: s.versions,
    instruments: s.instruments,
    firstTime: s.first_time,
    lastTime: s.last_time,
    nullRates: (['open', 'high', 'low', 'close', 'volume'] as const).map((c) => ({
      column: c,
      rate: rate(s[`null_${c}`]),
    })),
    violations: [
      { rule: 'non_positive_price', count: s.non_positive_price },
      { rule: 'high_below_low', count: s.high_below_low },
      { rule: 'open_close_outside_range', count: s.open_close_outside_range },
      { rule: 'negative_volume', count: s.negative_volume },
    ],
    gaps: gapsBySymbol.reduce((n, g) => n + g.missing, 0),
    worstGaps: gapsBySymbol
      .filter((g) => g.missing > 0)
      .sort((a, b) => b.missing - a.missing || (a.symbol < b.symbol ? -1 : 1))
      .slice(0, 10),
    newestAvailableAt: s.newest,
    stalenessSeconds: s.newest ? (scope.asOf.getTime() - s.newest.getTime()) / 1000 : null,
    ingestionFindings: await findings(),
  };
}
