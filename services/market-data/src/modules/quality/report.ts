import { type CalendarCode, isCalendarCode, isOpenAt, sessionDays } from '@alphagraph/calendar';
import { BARS_DATASET } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { ingestBatches } from '@alphagraph/db/schema/market';
import { type Lake, latestAsOf } from '@alphagraph/lake';
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { BarInterval } from '../bars/query.ts';
import type { InstrumentStore } from '../instruments/store.ts';

export interface DataQualityReport {
  readonly dataset: string;
  readonly interval: BarInterval;
  readonly snapshotId: number | null;
  /** Bars (latest version of each). */
  readonly rows: number;
  /** Stored rows including superseded versions. */
  readonly versions: number;
  readonly instruments: number;
  readonly firstTime: Date | null;
  readonly lastTime: Date | null;
  readonly nullRates: { column: string; rate: number }[];
  readonly violations: { rule: string; count: number }[];
  /** Sessions (daily) or open hours (hourly) of each instrument's calendar with no bar, between its first and last bar. */
  readonly gaps: number;
  readonly worstGaps: { symbol: string; missing: number; expected: number }[];
  readonly newestAvailableAt: Date | null;
  readonly stalenessSeconds: number | null;
  /** What ingestion found, by rule and the action taken (rejected and quarantined rows never reach storage). */
  readonly ingestionFindings: { rule: string; action: string; rows: number }[];
}

/** Findings of every committed ingestion batch of an interval, summed by rule and action. */
export async function ingestionFindings(db: Db, interval: BarInterval) {
  const batches = await db
    .select({ ruleCounts: ingestBatches.ruleCounts })
    .from(ingestBatches)
    .where(and(eq(ingestBatches.interval, interval), eq(ingestBatches.status, 'committed')));
  const sums = new Map<string, { rule: string; action: string; rows: number }>();
  for (const b of batches) {
    for (const [rule, c] of Object.entries(b.ruleCounts)) {
      const key = `${rule}|${c.action}`;
      const prev = sums.get(key) ?? { rule, action: c.action, rows: 0 };
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
  open_outside_range: z.coerce.number(),
  close_outside_range: z.coerce.number(),
  negative_volume: z.coerce.number(),
});
const perSymbol = z.object({ symbol: z.string(), first_time: z.date(), last_time: z.date(), n: z.coerce.number() });

const HOUR = 3_600_000;
const isoDate = (d: Date) => d.toISOString().slice(0, 10);

/** Expected bars of an instrument between its first and last bar, by its trading calendar. */
export function expectedBars(calendar: CalendarCode, interval: BarInterval, first: Date, last: Date): number {
  if (interval === '1d') return sessionDays(calendar, isoDate(first), isoDate(last)).length;
  let n = 0;
  for (let t = first.getTime(); t <= last.getTime(); t += HOUR) if (isOpenAt(calendar, new Date(t))) n++;
  return n;
}

/**
 * Data quality of the stored bars of one interval, computed in DuckDB on the current snapshot:
 * counts, null rates, price-rule violations that made it into storage, gaps against each
 * instrument's trading calendar, and staleness of the newest row.
 */
export async function dataQualityReport(options: {
  db: Db;
  lake: Lake;
  instruments: InstrumentStore;
  interval: BarInterval;
  now?: Date;
}): Promise<DataQualityReport> {
  const snapshot = await options.lake.currentSnapshot(BARS_DATASET.name);
  const base = { dataset: BARS_DATASET.name, interval: options.interval, snapshotId: snapshot?.id ?? null };
  if (!snapshot) {
    return {
      ...base,
      ingestionFindings: await ingestionFindings(options.db, options.interval),
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
  const latest = latestAsOf(snapshot, { dataset: BARS_DATASET, where: ['interval = $1'] });
  const [raw] = await options.lake.query(
    `SELECT count(*) AS rows,
       (SELECT count(*) FROM ${options.lake.scan(snapshot)} WHERE interval = $1) AS versions,
       count(DISTINCT symbol) AS instruments, min(time) AS first_time, max(time) AS last_time, max(available_at) AS newest,
       count(*) FILTER (WHERE open IS NULL) AS null_open, count(*) FILTER (WHERE high IS NULL) AS null_high,
       count(*) FILTER (WHERE low IS NULL) AS null_low, count(*) FILTER (WHERE close IS NULL) AS null_close,
       count(*) FILTER (WHERE volume IS NULL) AS null_volume,
       count(*) FILTER (WHERE least(open, high, low, close) <= 0) AS non_positive_price,
       count(*) FILTER (WHERE high < low) AS high_below_low,
       count(*) FILTER (WHERE open < low OR open > high) AS open_outside_range,
       count(*) FILTER (WHERE close < low OR close > high) AS close_outside_range,
       count(*) FILTER (WHERE volume < 0) AS negative_volume
     FROM ${latest}`,
    [options.interval],
  );
  const s = summary.parse(raw);
  const spans = z
    .array(perSymbol)
    .parse(
      await options.lake.query(
        `SELECT symbol, min(time) AS first_time, max(time) AS last_time, count(*) AS n FROM ${latest} GROUP BY symbol`,
        [options.interval],
      ),
    );
  const calendars = new Map(
    (await options.instruments.bySymbols(spans.map((x) => x.symbol))).map((i) => [i.symbol, i.calendar]),
  );
  const gapsBySymbol = spans.map((x) => {
    const code = calendars.get(x.symbol);
    const expected =
      code && isCalendarCode(code) ? expectedBars(code, options.interval, x.first_time, x.last_time) : x.n;
    return { symbol: x.symbol, expected, missing: Math.max(0, expected - x.n) };
  });
  const rate = (n: number) => (s.rows === 0 ? 0 : n / s.rows);
  const now = options.now ?? new Date();
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
      { rule: 'open_outside_range', count: s.open_outside_range },
      { rule: 'close_outside_range', count: s.close_outside_range },
      { rule: 'negative_volume', count: s.negative_volume },
    ],
    gaps: gapsBySymbol.reduce((n, g) => n + g.missing, 0),
    worstGaps: gapsBySymbol
      .filter((g) => g.missing > 0)
      .sort((a, b) => b.missing - a.missing || (a.symbol < b.symbol ? -1 : 1))
      .slice(0, 10),
    newestAvailableAt: s.newest,
    stalenessSeconds: s.newest ? (now.getTime() - s.newest.getTime()) / 1000 : null,
    ingestionFindings: await ingestionFindings(options.db, options.interval),
  };
}
