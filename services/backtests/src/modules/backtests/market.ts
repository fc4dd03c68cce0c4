import type { MarketData } from '@alphagraph/backtest';
import { isSessionDay, sessionClose } from '@alphagraph/calendar';
import { BARS_DATASET, CORPORATE_ACTIONS_DATASET, predictionsDatasetName } from '@alphagraph/datasets';
import { type Lake, LakeError, type LakeSession, latestAsOf, type Snapshot } from '@alphagraph/lake';
import { z } from 'zod';
import { BacktestServiceError } from './errors.ts';
import { readSignal } from './signal.ts';
import type { RunSpec } from './spec.ts';
import type { PredictionColumns } from './walk-forward.ts';

/** What a run reads, pinned when it is requested: lake dataset -> snapshot id, and the as-of instant. */
export interface PinnedInputs {
  readonly inputSnapshots: Record<string, number>;
  readonly asOf: Date;
}

/** The market a run simulates, dense (dates × symbols), with what the report needs besides. */
export interface LoadedMarket {
  readonly market: MarketData;
  /** Session dates, YYYY-MM-DD. */
  readonly days: readonly string[];
  /** Raw OHLC of the first symbol (the compatible mode trades one instrument). */
  readonly single: { open: Float64Array; high: Float64Array; low: Float64Array; close: Float64Array } | null;
}

const DAY_MS = 86_400_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function currentOrNull(lake: Lake, dataset: string): Promise<Snapshot | null> {
  try {
    return await lake.currentSnapshot(dataset);
  } catch (error) {
    if (error instanceof LakeError && error.code === 'DATASET_NOT_FOUND') return null;
    throw error;
  }
}

const closes = new Map<string, number>();

/**
 * The close of session `day`: the NYSE close for an XNYS session (16:00 New York, earlier on half
 * days), the end of the UTC day otherwise. A daily bar is known at its session's close (DESIGN
 * section 4), and so is a signal computed from it. Remembered per day: a run asks for every day of
 * its history, and the calendar's time-zone arithmetic costs a fraction of a millisecond each.
 */
export function closeOfDay(day: string): Date {
  let ms = closes.get(day);
  if (ms === undefined) {
    ms = isSessionDay('XNYS', day) ? sessionClose('XNYS', day).getTime() : Date.parse(`${day}T00:00:00Z`) + DAY_MS;
    closes.set(day, ms);
  }
  return new Date(ms);
}

const symbolRow = z.object({ symbol: z.string() });
const lateFlag = z.object({ late: z.boolean().nullable() });

/**
 * Pins the snapshots a run reads (bars, corporate actions when there are any, a model's predictions)
 * and the as-of instant, and refuses a spec the data cannot serve: no bars at all, symbols with no
 * daily bar in the period, a model without predictions of that version in the period.
 */
export async function pinInputs(lake: Lake, spec: RunSpec, now = new Date()): Promise<PinnedInputs> {
  const bars = await currentOrNull(lake, BARS_DATASET.name);
  if (!bars) throw new BacktestServiceError('NO_DATA', 'the lake holds no bars yet: load market data first');
  const inputSnapshots: Record<string, number> = { [BARS_DATASET.name]: bars.id };
  const actions = await currentOrNull(lake, CORPORATE_ACTIONS_DATASET.name);
  if (actions) inputSnapshots[CORPORATE_ACTIONS_DATASET.name] = actions.id;
  const asOf = now;
  const from = new Date(`${spec.periodStart}T00:00:00Z`);
  const to = new Date(Date.parse(`${spec.periodEnd}T00:00:00Z`) + DAY_MS);
  // A symbol has a latest version known at as-of of some bar in the period exactly when it has any
  // version known at as-of there: which symbols have bars needs no ranking of versions (the
  // window over every version of every bar was most of the cost of a request).
  const found = new Set(
    (
      await lake.query(
        `SELECT DISTINCT symbol FROM ${lake.scan(bars)}
         WHERE available_at <= $1::TIMESTAMPTZ AND interval = '1d' AND symbol IN (SELECT unnest($2::VARCHAR[]))
           AND time >= $3::TIMESTAMPTZ AND time < $4::TIMESTAMPTZ`,
        [asOf, [...spec.universe], from, to],
      )
    ).map((r) => symbolRow.parse(r).symbol),
  );
  if (found.size === 0) {
    throw new BacktestServiceError(
      'NO_DATA',
      `no daily bars for ${describeList(spec.universe)} between ${spec.periodStart} and ${spec.periodEnd}`,
    );
  }
  const missing = spec.universe.filter((s) => !found.has(s));
  if (missing.length > 0) {
    throw new BacktestServiceError(
      'NO_DATA',
      `universe: no daily bars between ${spec.periodStart} and ${spec.periodEnd} for ${describeList(missing)}`,
    );
  }
  if (spec.signal?.kind === 'model' && !spec.walkForward) {
    const { model, version } = spec.signal;
    const name = predictionsDatasetName(model);
    const predictions = await currentOrNull(lake, name);
    if (!predictions)
      throw new BacktestServiceError('NOT_FOUND', `model ${model} has no batch predictions in the lake`);
    const [row] = await lake.query(
      `SELECT count(*) AS n FROM ${lake.scan(predictions)}
       WHERE version = $1 AND t >= $2::TIMESTAMPTZ AND t < $3::TIMESTAMPTZ AND available_at <= $4::TIMESTAMPTZ`,
      [version, from, to, asOf],
    );
    if (Number((row as { n: bigint | number }).n) === 0) {
      throw new BacktestServiceError(
        'NO_DATA',
        `model ${model} has no batch predictions of version ${version} between ${spec.periodStart} and ${spec.periodEnd}`,
      );
    }
    inputSnapshots[name] = predictions.id;
  }
  return { inputSnapshots, asOf };
}

function describeList(items: readonly string[]): string {
  return items.length <= 10 ? items.join(', ') : `${items.slice(0, 10).join(', ')} and ${items.length - 10} more`;
}

const actionRow = z.object({
  symbol: z.string(),
  d: z.union([z.bigint(), z.number()]).transform(Number),
  kind: z.string(),
  ratio: z.number().nullable(),
  amount: z.number().nullable(),
});

/**
 * Reads the market of a run from its pinned snapshots, in one DuckDB session:
 *
 * - prices: per (symbol, session) the latest version of the daily bar known at the run's as-of
 *   (raw prices, as market-data stores them); sessions are the dates with a bar of any symbol.
 * - the signal (see `readSignal`): from a feature expression over the bars as each was known at
 *   its own session's close, or from a model's predictions.
 * - corporate actions: splits and dividends known at as-of, each on the first session on or after
 *   its ex-date.
 */
export async function loadMarket(
  lake: Lake,
  spec: RunSpec,
  pinned: PinnedInputs,
  /** Predictions computed by the run itself (walk-forward), placed as a model's batch predictions. */
  predictions?: PredictionColumns,
): Promise<LoadedMarket> {
  return withMarket(lake, spec, pinned, (market) => market.load(spec, predictions));
}

/** A market read once (prices, sessions, corporate actions) that serves the signal of many specs. */
export interface MarketSession {
  /** The market with `spec`'s signal (same universe, period and pins as the session's spec). */
  load(spec: RunSpec, predictions?: PredictionColumns): Promise<LoadedMarket>;
}

/** A version key of the staged bars (`bt_versions`: symbol index j instead of the symbol). */
const STAGED_BARS = { ...BARS_DATASET, versionKey: ['j', 'time'], entity: 'j' };

/**
 * Reads the prices, sessions and corporate actions of `spec` once, in one DuckDB session, and runs
 * `fn` with a MarketSession computing each spec's signal over them (a sweep reads the market once
 * and compiles only each configuration's signal). Everything `fn` reads shares the pins.
 *
 * The universe's daily bars known at as-of are staged once (`bt_versions`, every version) and read
 * column by column into the dense (session × symbol) grid, each row with its cell. When no bar has two versions, which is
 * the usual case, the latest version known at as-of is the one row, and the bars as known at their
 * own session's close are those rows published by that close; otherwise both are ranked by
 * `latestAsOf` (latest availability, then greatest batch id), as the lake reads every dataset.
 */
export async function withMarket<T>(
  lake: Lake,
  spec: RunSpec,
  pinned: PinnedInputs,
  fn: (market: MarketSession) => Promise<T>,
): Promise<T> {
  const bars = await lake.snapshot(BARS_DATASET.name, pinned.inputSnapshots[BARS_DATASET.name]!);
  const from = Date.parse(`${spec.periodStart}T00:00:00Z`);
  const to = new Date(Date.parse(`${spec.periodEnd}T00:00:00Z`) + DAY_MS);
  return lake.withSession(async (session) => {
    const S = spec.universe.length;
    await session.run('CREATE OR REPLACE TEMP TABLE bt_symbols (j INTEGER, symbol VARCHAR)');
    await session.appendColumns('bt_symbols', [Int32Array.from(spec.universe, (_, j) => j), [...spec.universe]]);
    await session.run(
      `CREATE OR REPLACE TEMP TABLE bt_versions AS
       SELECT s.j, b.time, b.open, b.high, b.low, b.close, b.volume, b.available_at, b.batch_id
       FROM ${lake.scan(bars)} b JOIN bt_symbols s ON s.symbol = b.symbol
       WHERE b.interval = '1d' AND b.available_at <= $1::TIMESTAMPTZ AND b.time < $2::TIMESTAMPTZ`,
      [pinned.asOf, to],
    );
    // The bar times first (the signal's history; a few thousand at most), then the bars read once
    // as columns, each row's cell in the dense grid computed by DuckDB (no timestamps crossing into
    // JS, no lookup per row). High and low only for the compatible mode's single instrument (the
    // portfolio engine reads opens and closes).
    const single = S === 1;
    const times = (await session.columns('SELECT DISTINCT time FROM bt_versions ORDER BY time')).columns
      .time as Float64Array;
    const first = times.findIndex((t) => t >= from);
    if (first < 0) {
      throw new BacktestServiceError('NO_DATA', `no daily bars between ${spec.periodStart} and ${spec.periodEnd}`);
    }
    const T = times.length;
    const D = T - first;
    const days = Array.from(times.subarray(first), (t) => isoDay(new Date(t)));
    const timeCloses = Float64Array.from(times, (t) => closeOfDay(isoDay(new Date(t))).getTime());
    const closes = Array.from(timeCloses.subarray(first), (c) => new Date(c));
    await session.run(
      'CREATE OR REPLACE TEMP TABLE bt_times (ti INTEGER, time TIMESTAMPTZ, session_close TIMESTAMPTZ)',
    );
    await session.appendColumns('bt_times', [Int32Array.from(times, (_, i) => i), times, timeCloses]);
    await session.run(
      `CREATE OR REPLACE TEMP TABLE bt_days AS
       SELECT CAST(ti - ${first} AS INTEGER) AS d, time, session_close FROM bt_times WHERE ti >= ${first}`,
    );

    const shape = { first, T, S, single };
    // Some row published after its session's close: the bars as known at each close must be ranked.
    const [lateRow] = await session.all(
      'SELECT bool_or(v.available_at > t.session_close) AS late FROM bt_versions v JOIN bt_times t USING (time)',
    );
    const late = lateFlag.parse(lateRow).late === true;
    const grid = priceGrid(await readBars(session, 'bt_versions', shape), shape);
    let barsRelation = 'bt_versions';
    if (grid.repeated || late) {
      barsRelation = 'bt_signal_bars';
      await session.run(
        `CREATE OR REPLACE TEMP TABLE bt_signal_bars AS SELECT * FROM ${latestAsOf(
          '(SELECT v.*, t.session_close FROM bt_versions v JOIN bt_times t USING (time))',
          { dataset: STAGED_BARS, asOf: 'session_close' },
        )}`,
      );
    }
    const { open, close, high, low } = grid.repeated
      ? priceGrid(await readBars(session, latestAsOf('bt_versions', { dataset: STAGED_BARS }), shape), shape)
      : grid;

    const { splits, dividends } = await readCorporateActions(lake, session, pinned, days);
    return fn({
      async load(run: RunSpec, predictions?: PredictionColumns): Promise<LoadedMarket> {
        const sig = await readSignal(lake, { session, barsRelation, first, D, S }, run, pinned, predictions);
        const market: MarketData = {
          dates: days,
          symbols: spec.universe,
          open,
          close,
          signal: sig.signal,
          splits,
          dividends,
          signalAvailableAt: sig.availableAt,
          sessionCloses: closes.map((c) => c.getTime()),
        };
        return { market, days, single: single ? { open, high, low, close } : null };
      },
    });
  });
}

interface PriceGrid {
  readonly open: Float64Array;
  readonly close: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  /** Some (symbol, time) has more than one row: versions must be ranked. */
  readonly repeated: boolean;
}

interface GridShape {
  /** The index in `bt_times` of the first session of the period. */
  readonly first: number;
  readonly T: number;
  readonly S: number;
  readonly single: boolean;
}

/** The staged bars (or a relation over them) as columns, each row placed by its cell `ti * S + j`. */
interface BarColumns {
  readonly rowCount: number;
  readonly cell: Int32Array;
  readonly open: Float64Array;
  readonly close: Float64Array;
  readonly high: Float64Array | undefined;
  readonly low: Float64Array | undefined;
}

async function readBars(session: LakeSession, relation: string, shape: GridShape): Promise<BarColumns> {
  const { columns, rowCount } = await session.columns(
    `SELECT CAST(t.ti * ${shape.S} + v.j AS INTEGER) AS cell, v.open, v.close ${shape.single ? ', v.high, v.low' : ''}
     FROM ${relation} v JOIN bt_times t USING (time)`,
  );
  return {
    rowCount,
    cell: columns.cell as Int32Array,
    open: columns.open as Float64Array,
    close: columns.close as Float64Array,
    high: columns.high as Float64Array | undefined,
    low: columns.low as Float64Array | undefined,
  };
}

/**
 * Places bars into the dense price grid (session × symbol), and flags a (symbol, time) with more
 * than one row (`repeated`: versions must be ranked).
 */
function priceGrid(bars: BarColumns, shape: GridShape): PriceGrid {
  const { first, T, S, single } = shape;
  const D = T - first;
  const grid = {
    open: new Float64Array(D * S).fill(Number.NaN),
    close: new Float64Array(D * S).fill(Number.NaN),
    high: new Float64Array(single ? D : 0).fill(Number.NaN),
    low: new Float64Array(single ? D : 0).fill(Number.NaN),
  };
  const seen = new Uint8Array(T * S);
  let repeated = false;
  const { cell, open, close, high, low } = bars;
  const offset = first * S;
  for (let i = 0; i < bars.rowCount; i++) {
    const c = cell[i]!;
    if (seen[c] === 1) repeated = true;
    seen[c] = 1;
    if (c < offset) continue;
    const k = c - offset;
    grid.open[k] = open[i]!;
    grid.close[k] = close[i]!;
    // One symbol: the cell of a session is its row in the grid.
    if (single) {
      grid.high[k] = high![i]!;
      grid.low[k] = low![i]!;
    }
  }
  return { ...grid, repeated };
}

/** Splits and dividends known at as-of, each on the first session on or after its ex-date. */
async function readCorporateActions(
  lake: Lake,
  session: LakeSession,
  pinned: PinnedInputs,
  days: readonly string[],
): Promise<Pick<MarketData, 'splits' | 'dividends'>> {
  const splits: { date: string; symbol: string; ratio: number }[] = [];
  const dividends: { date: string; symbol: string; amount: number }[] = [];
  const actionsId = pinned.inputSnapshots[CORPORATE_ACTIONS_DATASET.name];
  if (actionsId === undefined) return { splits, dividends };
  const actions = await lake.snapshot(CORPORATE_ACTIONS_DATASET.name, actionsId);
  const known = latestAsOf(actions, {
    dataset: CORPORATE_ACTIONS_DATASET,
    asOf: '$1::TIMESTAMPTZ',
    where: ['symbol IN (SELECT symbol FROM bt_symbols)'],
  });
  // The first session on or after the ex-date (none before the first session: it is before the run).
  const found = await session.all(
    `SELECT a.symbol, a.kind, a.ratio, a.amount, min(d.d) AS d
     FROM ${known} a JOIN bt_days d ON d.time >= CAST(a.ex_date AS TIMESTAMPTZ)
     WHERE CAST(a.ex_date AS TIMESTAMPTZ) > (SELECT min(time) FROM bt_days)
     GROUP BY a.symbol, a.kind, a.ratio, a.amount, a.ex_date`,
    [pinned.asOf],
  );
  for (const raw of found) {
    const a = actionRow.parse(raw);
    const date = days[a.d]!;
    if (a.kind === 'split' && a.ratio && a.ratio > 0) splits.push({ date, symbol: a.symbol, ratio: a.ratio });
    if (a.kind === 'dividend' && a.amount) dividends.push({ date, symbol: a.symbol, amount: a.amount });
  }
  return { splits, dividends };
}
