import type { MarketData } from '@alphagraph/backtest';
import { isSessionDay, sessionClose } from '@alphagraph/calendar';
import {
  BARS_DATASET,
  CORPORATE_ACTIONS_DATASET,
  predictionsDataset,
  predictionsDatasetName,
} from '@alphagraph/datasets';
import { compileExpression } from '@alphagraph/dsl';
import { type Lake, LakeError, type LakeSession, latestAsOf, quoteIdent, type Snapshot } from '@alphagraph/lake';
import { z } from 'zod';
import { BacktestServiceError } from './errors.ts';
import { type RunSpec, SIGNAL_FIELDS } from './spec.ts';
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

/**
 * The close of session `day`: the NYSE close for an XNYS session (16:00 New York, earlier on half
 * days), the end of the UTC day otherwise. A daily bar is known at its session's close (DESIGN
 * section 4), and so is a signal computed from it.
 */
export function closeOfDay(day: string): Date {
  return isSessionDay('XNYS', day) ? sessionClose('XNYS', day) : new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS);
}

const countRow = z.object({ symbol: z.string(), n: z.union([z.bigint(), z.number()]).transform(Number) });

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
  const counts = (
    await lake.query(
      `SELECT symbol, count(*) AS n FROM ${latestAsOf(bars, {
        dataset: BARS_DATASET,
        asOf: '$1::TIMESTAMPTZ',
        where: [
          "interval = '1d'",
          'symbol IN (SELECT unnest($2::VARCHAR[]))',
          'time >= $3::TIMESTAMPTZ',
          'time < $4::TIMESTAMPTZ',
        ],
        columns: ['symbol', 'time'],
      })} GROUP BY symbol`,
      [asOf, [...spec.universe], from, to],
    )
  ).map((r) => countRow.parse(r));
  const found = new Set(counts.filter((c) => c.n > 0).map((c) => c.symbol));
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

const dayRow = z.object({ time: z.date() });
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
 * - signal from a feature expression: compiled exactly as features compile it, over the daily bars
 *   of the universe as each was known at its own session's close (a correction published later is
 *   not used for that session's signal), so a value is known at its session's close; its
 *   `available_at` goes to the engine, which refuses any value not known by its session's close.
 * - signal from a model: the version's predictions (latest batch known at as-of), each placed on
 *   the first session whose close is at or after its `available_at`.
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

/**
 * Reads the prices, sessions and corporate actions of `spec` once, in one DuckDB session, and runs
 * `fn` with a MarketSession computing each spec's signal over them (a sweep reads the market once
 * and compiles only each configuration's signal). Everything `fn` reads shares the pins.
 */
export async function withMarket<T>(
  lake: Lake,
  spec: RunSpec,
  pinned: PinnedInputs,
  fn: (market: MarketSession) => Promise<T>,
): Promise<T> {
  const bars = await lake.snapshot(BARS_DATASET.name, pinned.inputSnapshots[BARS_DATASET.name]!);
  const from = new Date(`${spec.periodStart}T00:00:00Z`);
  const to = new Date(Date.parse(`${spec.periodEnd}T00:00:00Z`) + DAY_MS);
  return lake.withSession(async (session) => {
    await session.run('CREATE OR REPLACE TEMP TABLE bt_symbols (j INTEGER, symbol VARCHAR)');
    await session.append(
      'bt_symbols',
      spec.universe.map((s, j) => [j, s]),
    );
    const latestBars = latestAsOf(bars, {
      dataset: BARS_DATASET,
      asOf: '$1::TIMESTAMPTZ',
      where: ["interval = '1d'", 'symbol IN (SELECT symbol FROM bt_symbols)', 'time < $2::TIMESTAMPTZ'],
      columns: ['symbol', 'time', 'open', 'high', 'low', 'close', 'volume', 'available_at'],
    });
    await session.run(`CREATE OR REPLACE TEMP TABLE bt_prices AS SELECT * FROM ${latestBars}`, [pinned.asOf, to]);
    const days = (
      await session.all('SELECT DISTINCT time FROM bt_prices WHERE time >= $1::TIMESTAMPTZ ORDER BY time', [from])
    ).map((r) => isoDay(dayRow.parse(r).time));
    if (days.length === 0) {
      throw new BacktestServiceError('NO_DATA', `no daily bars between ${spec.periodStart} and ${spec.periodEnd}`);
    }
    const closes = days.map((d) => closeOfDay(d));
    await session.run('CREATE OR REPLACE TEMP TABLE bt_days (d INTEGER, time TIMESTAMPTZ, session_close TIMESTAMPTZ)');
    await session.append(
      'bt_days',
      days.map((d, i) => [i, new Date(`${d}T00:00:00Z`), closes[i]!]),
    );

    // Dense (session × symbol) columns from one row of flat lists, placed by their index k = d·S + j.
    const D = days.length;
    const S = spec.universe.length;
    const open = new Float64Array(D * S).fill(Number.NaN);
    const high = new Float64Array(S === 1 ? D : 0).fill(Number.NaN);
    const low = new Float64Array(S === 1 ? D : 0).fill(Number.NaN);
    const close = new Float64Array(D * S).fill(Number.NaN);
    // High and low only for the compatible mode's single instrument (the portfolio engine reads
    // opens and closes): a list fewer per column is a good part of the read.
    const single = S === 1;
    const [grid] = await session.all<Record<string, unknown>>(
      `SELECT list(d.d * ${S} + s.j) AS k, list(p.open) AS open, list(p.close) AS close
              ${single ? ', list(p.high) AS high, list(p.low) AS low' : ''}
       FROM bt_prices p JOIN bt_days d ON p.time = d.time JOIN bt_symbols s ON s.symbol = p.symbol`,
    );
    scatter(grid, 'k', [
      ['open', open],
      ['close', close],
      ...(single
        ? ([
            ['high', high],
            ['low', low],
          ] as const)
        : []),
    ]);

    const splits: { date: string; symbol: string; ratio: number }[] = [];
    const dividends: { date: string; symbol: string; amount: number }[] = [];
    const actionsId = pinned.inputSnapshots[CORPORATE_ACTIONS_DATASET.name];
    if (actionsId !== undefined) {
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
    }

    const staged = { signalBars: false };
    return fn({
      async load(run: RunSpec, predictions?: PredictionColumns): Promise<LoadedMarket> {
        await stageSignal(lake, session, run, pinned, bars, predictions, staged);
        const signal = new Float64Array(D * S).fill(Number.NaN);
        const avail = new Float64Array(D * S).fill(Number.NaN);
        const [row] = await session.all<Record<string, unknown>>(
          `SELECT list(g.d * ${S} + s.j) AS k, list(g.value) AS signal,
                  list(CAST(epoch_ms(g.available_at) AS DOUBLE)) AS avail
           FROM bt_signal g JOIN bt_symbols s ON s.symbol = g.entity`,
        );
        scatter(row, 'k', [
          ['signal', signal],
          ['avail', avail],
        ]);
        const market: MarketData = {
          dates: days,
          symbols: spec.universe,
          open,
          close,
          signal,
          splits,
          dividends,
          signalAvailableAt: avail,
          sessionCloses: closes.map((c) => c.getTime()),
        };
        return { market, days, single: S === 1 ? { open, high, low, close } : null };
      },
    });
  });
}

/** Writes each list column of `row` into its target at the positions listed in `row[key]`. */
function scatter(
  row: Record<string, unknown> | undefined,
  key: string,
  targets: readonly (readonly [string, Float64Array])[],
): void {
  const k = row?.[key] as ArrayLike<number | bigint> | null | undefined;
  if (!k) return;
  const n = k.length;
  const at = new Int32Array(n);
  for (let i = 0; i < n; i++) at[i] = Number(k[i]);
  for (const [name, target] of targets) {
    const values = row![name] as ArrayLike<number | null>;
    if (!values || values.length !== n) throw new Error(`the market read returned a malformed ${name} column`);
    for (let i = 0; i < n; i++) {
      const v = values[i];
      target[at[i]!] = v === null || v === undefined ? Number.NaN : v;
    }
  }
}

/** `bt_signal(entity, d, value, available_at)`: the signal of each (symbol, session) of the run. */
async function stageSignal(
  lake: Lake,
  session: LakeSession,
  spec: RunSpec,
  pinned: PinnedInputs,
  bars: Snapshot,
  predictions: PredictionColumns | undefined,
  staged: { signalBars: boolean },
): Promise<void> {
  const empty =
    'CREATE OR REPLACE TEMP TABLE bt_signal (entity VARCHAR, d INTEGER, value DOUBLE, available_at TIMESTAMPTZ)';
  const signal = spec.signal;
  if (!signal) {
    await session.run(empty);
    return;
  }
  if (signal.kind === 'model' && predictions) {
    await session.run('CREATE OR REPLACE TEMP TABLE bt_wf (entity VARCHAR, t TIMESTAMPTZ, value DOUBLE)');
    await session.append(
      'bt_wf',
      predictions.entity.map((e, i) => [e, new Date(predictions.t[i]!), predictions.value[i]!]),
    );
    await session.run(
      `CREATE OR REPLACE TEMP TABLE bt_signal AS
       SELECT p.entity, d.d, p.value, p.t AS available_at
       FROM (SELECT * FROM bt_wf WHERE entity IN (SELECT symbol FROM bt_symbols)) p
       ASOF JOIN bt_days d ON p.t <= d.session_close
       QUALIFY row_number() OVER (PARTITION BY p.entity, d.d ORDER BY p.t DESC) = 1`,
    );
    return;
  }
  if (signal.kind === 'model') {
    const name = predictionsDatasetName(signal.model);
    const predictions = await lake.snapshot(name, pinned.inputSnapshots[name]!);
    const known = latestAsOf(predictions, {
      dataset: predictionsDataset(signal.model),
      asOf: '$1::TIMESTAMPTZ',
      where: ['version = $2', 'entity IN (SELECT symbol FROM bt_symbols)'],
    });
    await session.run(
      `CREATE OR REPLACE TEMP TABLE bt_signal AS
       SELECT p.entity, d.d, CAST(p.${quoteIdent(signal.field)} AS DOUBLE) AS value, p.available_at
       FROM ${known} p ASOF JOIN bt_days d ON p.available_at <= d.session_close
       QUALIFY row_number() OVER (PARTITION BY p.entity, d.d ORDER BY p.t DESC, p.available_at DESC) = 1`,
      [pinned.asOf, signal.version],
    );
    return;
  }
  // Bars as known at their own session's close: the version each session's signal could have read
  // (staged once per market session: every configuration of a sweep reads the same).
  if (!staged.signalBars) {
    await stageSignalBars(lake, session, pinned, bars);
    staged.signalBars = true;
  }
  const compiled = compileExpression(signal.expression, {
    fields: SIGNAL_FIELDS,
    mode: 'feature',
    source: {
      relation: 'bt_signal_bars',
      entityColumn: 'symbol',
      timeColumn: 'time',
      availableAtColumn: 'available_at',
      columns: { open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
    },
  });
  await session.run(
    `CREATE OR REPLACE TEMP TABLE bt_signal AS
     SELECT c.entity, d.d, c.value, c.available_at
     FROM (${compiled.sql}) c JOIN bt_days d ON d.time = c.time
     WHERE c.value IS NOT NULL AND isfinite(c.value)`,
  );
}

/** `bt_signal_bars`: the universe's daily bars as known at their own session's close. */
async function stageSignalBars(lake: Lake, session: LakeSession, pinned: PinnedInputs, bars: Snapshot): Promise<void> {
  await session.run(
    `CREATE OR REPLACE TEMP TABLE bt_day_closes AS
     SELECT DISTINCT time FROM bt_prices`,
  );
  const times = (await session.all('SELECT time FROM bt_day_closes ORDER BY time')).map((r) => dayRow.parse(r).time);
  await session.run('CREATE OR REPLACE TEMP TABLE bt_bar_closes (time TIMESTAMPTZ, session_close TIMESTAMPTZ)');
  await session.append(
    'bt_bar_closes',
    times.map((t) => [t, closeOfDay(isoDay(t))]),
  );
  const asKnown = latestAsOf(
    `(SELECT b.*, c.session_close FROM ${lake.scan(bars)} b JOIN bt_bar_closes c USING (time)
      WHERE b.interval = '1d' AND b.symbol IN (SELECT symbol FROM bt_symbols))`,
    {
      dataset: BARS_DATASET,
      asOf: 'least(session_close, $1::TIMESTAMPTZ)',
      columns: ['symbol', 'time', 'open', 'high', 'low', 'close', 'volume', 'available_at'],
    },
  );
  await session.run(`CREATE OR REPLACE TEMP TABLE bt_signal_bars AS SELECT * FROM ${asKnown}`, [pinned.asOf]);
}
