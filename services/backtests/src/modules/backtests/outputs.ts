import { BACKTEST_EQUITY_DATASET, BACKTEST_POSITIONS_DATASET, BACKTEST_TRADES_DATASET } from '@alphagraph/datasets';
import type { JobsDb } from '@alphagraph/jobs';
import type {
  CatalogTransaction,
  ColumnValues,
  Lake,
  LakeParam,
  ParquetWriteOptions,
  Snapshot,
} from '@alphagraph/lake';
import { z } from 'zod';
import type { SimulationOutput } from './simulate.ts';
import type { BacktestRecord } from './store.ts';

export type OutputKind = 'equity' | 'positions' | 'trades';

export const OUTPUT_DATASETS = {
  equity: BACKTEST_EQUITY_DATASET,
  positions: BACKTEST_POSITIONS_DATASET,
  trades: BACKTEST_TRADES_DATASET,
} as const;

/** Declares the output datasets (idempotent; at start). */
export async function registerOutputs(lake: Lake): Promise<void> {
  for (const d of Object.values(OUTPUT_DATASETS)) await lake.registerDataset(d);
}

/** Non-finite values (a ratio over zero equity) are stored as NULL: NaN appends NULL. */
const finiteOrNaN = (values: ArrayLike<number>) =>
  Float64Array.from(values as ArrayLike<number>, (v) => (Number.isFinite(v) ? v : Number.NaN));

/**
 * Outputs are written once and read a page at a time: zstd at level 1 compresses them nearly as
 * well as DuckDB's default level at a fraction of the time (the trades of a 505-name daily book
 * are 10^5 rows of mostly distinct doubles), and trying a dictionary on those doubles only costs.
 */
const OUTPUT_PARQUET: ParquetWriteOptions = { compression: 'zstd', compressionLevel: 1, dictionary: false };

/**
 * Appends one output of a run: its numbers are staged column by column (`bt_out`, typed arrays,
 * no value per row crossing into DuckDB), with the session and symbol lookups, and `select` gives
 * the dataset's columns from them as the file is written.
 */
async function append(
  lake: Lake,
  kind: OutputKind,
  staged: { table: string; columns: ColumnValues[]; select: string; params: LakeParam[] },
  lookups: { days: Float64Array; symbols: readonly string[] },
  summary: Record<string, unknown>,
  onPublish?: (tx: CatalogTransaction, snapshot: { id: number }) => Promise<void>,
): Promise<Snapshot> {
  const dataset = OUTPUT_DATASETS[kind];
  return lake.commit(dataset.name, { mode: 'append', summary, ...(onPublish ? { onPublish } : {}) }, async (w) => {
    await w.session.run('CREATE OR REPLACE TEMP TABLE bt_out_days (d INTEGER, time TIMESTAMPTZ)');
    await w.session.appendColumns('bt_out_days', [Int32Array.from(lookups.days, (_, d) => d), lookups.days]);
    await w.session.run('CREATE OR REPLACE TEMP TABLE bt_out_symbols (j INTEGER, symbol VARCHAR)');
    await w.session.appendColumns('bt_out_symbols', [
      Int32Array.from(lookups.symbols, (_, j) => j),
      [...lookups.symbols],
    ]);
    await w.session.run(`CREATE OR REPLACE TEMP TABLE bt_out (${staged.table})`);
    await w.session.appendColumns('bt_out', staged.columns);
    await w.writeQuery(staged.select, staged.params, OUTPUT_PARQUET);
  });
}

/**
 * Writes a run's daily equity, positions and trades, appended to the three output datasets with
 * its id. `held` runs inside each publishing transaction and throws when the run is no longer this
 * worker's (given back by a stopping process, or swept), so that publish rolls back; `finish` runs
 * inside the transaction publishing the last of them, the equity curve (the run moves to succeeded
 * there, so it is never succeeded without its outputs). Returns dataset -> snapshot.
 */
export async function writeOutputs(
  lake: Lake,
  id: string,
  out: SimulationOutput,
  publish: {
    held: (tx: JobsDb) => Promise<void>;
    finish: (tx: JobsDb, outputs: Record<string, number>) => Promise<void>;
  },
): Promise<Record<string, number>> {
  const held = (tx: CatalogTransaction) => publish.held(tx as unknown as JobsDb);
  const now = new Date();
  const summary = { backtest: id };
  const lookups = { days: Float64Array.from(out.days, (d) => Date.parse(`${d}T00:00:00Z`)), symbols: out.symbols };
  const date = "CAST(timezone('UTC', dd.time) AS DATE) AS date";
  // Positions and trades (the large ones) are written concurrently, each on its own DuckDB
  // connection; the small equity curve is published last, with the run's transition. They are
  // staged in (session, symbol) and trade order and not sorted again: every read orders its rows.
  const p = out.positions;
  const positions = append(
    lake,
    'positions',
    {
      table: 'd INTEGER, j INTEGER, shares DOUBLE, price DOUBLE, value DOUBLE, weight DOUBLE',
      columns: [p.dateIndex, p.symbolIndex, p.shares, p.price, p.value, p.weight],
      select: `SELECT $1::VARCHAR AS backtest_id, ${date}, s.symbol,
                      o.shares, o.price, o.value, o.weight, $2::TIMESTAMPTZ AS available_at
               FROM bt_out o JOIN bt_out_days dd ON dd.d = o.d JOIN bt_out_symbols s ON s.j = o.j`,
      params: [id, now],
    },
    lookups,
    summary,
    held,
  );
  const t = tradeColumns(out);
  const trades = append(
    lake,
    'trades',
    {
      table: `trade_no INTEGER, j INTEGER, size DOUBLE, entry_time TIMESTAMPTZ, entry_price DOUBLE,
              exit_time TIMESTAMPTZ, exit_price DOUBLE, costs DOUBLE, dividends DOUBLE, pnl DOUBLE, "return" DOUBLE,
              open BOOLEAN`,
      columns: [
        t.tradeNo,
        t.j,
        t.size,
        t.entryTime,
        t.entryPrice,
        t.exitTime,
        t.exitPrice,
        t.costs,
        t.dividends,
        t.pnl,
        t.return,
        t.open,
      ],
      select: `SELECT $1::VARCHAR AS backtest_id, o.trade_no, s.symbol, o.size, o.entry_time, o.entry_price,
                      o.exit_time, o.exit_price, o.costs, o.dividends, o.pnl, o."return", o.open,
                      $2::TIMESTAMPTZ AS available_at
               FROM bt_out o JOIN bt_out_symbols s ON s.j = o.j`,
      params: [id, now],
    },
    lookups,
    summary,
    held,
  );

  // Both settle before a failure is reported: nothing of this run is still being written after it.
  const [wrotePositions, wroteTrades] = await Promise.allSettled([positions, trades]);
  if (wrotePositions.status === 'rejected') throw wrotePositions.reason;
  if (wroteTrades.status === 'rejected') throw wroteTrades.reason;
  const outputs: Record<string, number> = {
    [OUTPUT_DATASETS.positions.name]: wrotePositions.value.id,
    [OUTPUT_DATASETS.trades.name]: wroteTrades.value.id,
  };
  await append(
    lake,
    'equity',
    {
      table: `d INTEGER, equity DOUBLE, cash DOUBLE, gross DOUBLE, net DOUBLE, daily_return DOUBLE, traded DOUBLE,
              benchmark DOUBLE`,
      columns: [
        Int32Array.from(out.days, (_, d) => d),
        Float64Array.from(out.equity),
        Float64Array.from(out.cash),
        finiteOrNaN(out.gross),
        finiteOrNaN(out.net),
        Float64Array.from(out.dailyReturn),
        finiteOrNaN(out.traded),
        out.benchmark ? finiteOrNaN(out.benchmark) : new Float64Array(out.days.length).fill(Number.NaN),
      ],
      select: `SELECT $1::VARCHAR AS backtest_id, ${date}, o.equity, o.cash, o.gross, o.net, o.daily_return,
                      o.traded, o.benchmark, $2::TIMESTAMPTZ AS available_at
               FROM bt_out o JOIN bt_out_days dd ON dd.d = o.d
               ORDER BY o.d`,
      params: [id, now],
    },
    lookups,
    summary,
    async (tx, snapshot) => {
      await held(tx);
      outputs[OUTPUT_DATASETS.equity.name] = snapshot.id;
      await publish.finish(tx as unknown as JobsDb, outputs);
    },
  );
  return outputs;
}

/** The trades as staged columns, built in one pass over the trades (times as epoch ms). */
function tradeColumns(out: SimulationOutput) {
  const symbolIndex = new Map(out.symbols.map((symbol, j) => [symbol, j]));
  const trades = out.trades;
  const n = trades.length;
  const c = {
    tradeNo: new Int32Array(n),
    j: new Int32Array(n),
    size: new Float64Array(n),
    entryTime: new Float64Array(n),
    entryPrice: new Float64Array(n),
    exitTime: new Float64Array(n),
    exitPrice: new Float64Array(n),
    costs: new Float64Array(n),
    dividends: new Float64Array(n),
    pnl: new Float64Array(n),
    return: new Float64Array(n),
    open: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const trade = trades[i]!;
    c.tradeNo[i] = i + 1;
    c.j[i] = symbolIndex.get(trade.symbol) ?? -1;
    c.size[i] = trade.size;
    c.entryTime[i] = trade.entryTime;
    c.entryPrice[i] = trade.entryPrice;
    c.exitTime[i] = trade.exitTime;
    c.exitPrice[i] = trade.exitPrice;
    c.costs[i] = trade.costs;
    c.dividends[i] = trade.dividends;
    c.pnl[i] = trade.pnl;
    c.return[i] = Number.isFinite(trade.return) ? trade.return : Number.NaN;
    c.open[i] = trade.open ? 1 : 0;
  }
  return c;
}

/**
 * The files holding a run's rows of one output (what the snapshot it recorded added to the shared
 * dataset), or null while it has none. Reading only these, a run never sees rows that an earlier
 * attempt of it, given back before it finished, appended under the same id.
 */
export async function outputSnapshot(lake: Lake, backtest: BacktestRecord, kind: OutputKind): Promise<Snapshot | null> {
  const name = OUTPUT_DATASETS[kind].name;
  const id = backtest.outputs?.[name];
  return id === undefined ? null : lake.added(await lake.snapshot(name, id));
}

const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));
const day = (d: unknown) => iso(d).slice(0, 10);
const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

export interface Page<T> {
  readonly nodes: T[];
  readonly hasNextPage: boolean;
  readonly endCursor: string | null;
}

const cursorOf = (offset: number) => Buffer.from(`off:${offset}`).toString('base64url');

/** The row offset a cursor stands for (0 without one). */
export function offsetOf(cursor: string | null | undefined): number | null {
  if (!cursor) return 0;
  const m = /^off:(\d{1,9})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'));
  return m ? Number(m[1]) : null;
}

async function page<T>(
  lake: Lake,
  snapshot: Snapshot | null,
  options: {
    id: string;
    select: string;
    order: string;
    where?: string;
    params?: LakeParam[];
    first: number;
    offset: number;
  },
  map: (row: Record<string, unknown>) => T,
): Promise<Page<T>> {
  if (!snapshot) return { nodes: [], hasNextPage: false, endCursor: null };
  const params: LakeParam[] = [options.id, ...(options.params ?? [])];
  const rows = await lake.query(
    `SELECT ${options.select} FROM ${lake.scan(snapshot)} WHERE backtest_id = $1 ${options.where ?? ''}
     ORDER BY ${options.order} LIMIT ${options.first + 1} OFFSET ${options.offset}`,
    params,
  );
  const nodes = rows.slice(0, options.first).map(map);
  const hasNextPage = rows.length > options.first;
  return { nodes, hasNextPage, endCursor: nodes.length > 0 ? cursorOf(options.offset + nodes.length) : null };
}

export interface EquityPoint {
  date: string;
  equity: number;
  cash: number;
  gross: number | null;
  net: number | null;
  dailyReturn: number;
  traded: number | null;
  benchmark: number | null;
}

const equityRow = z.object({ date: z.unknown(), equity: z.number(), cash: z.number() }).passthrough();

export function readEquity(lake: Lake, b: BacktestRecord, first: number, offset: number): Promise<Page<EquityPoint>> {
  return outputSnapshot(lake, b, 'equity').then((snap) =>
    page(lake, snap, { id: b.id, select: '*', order: 'date', first, offset }, (raw) => {
      const r = equityRow.parse(raw);
      return {
        date: day(r.date),
        equity: r.equity,
        cash: r.cash,
        gross: num(raw.gross),
        net: num(raw.net),
        dailyReturn: Number(raw.daily_return),
        traded: num(raw.traded),
        benchmark: num(raw.benchmark),
      };
    }),
  );
}

export interface PositionRow {
  date: string;
  symbol: string;
  shares: number;
  price: number;
  value: number;
  weight: number;
}

export function readPositions(
  lake: Lake,
  b: BacktestRecord,
  first: number,
  offset: number,
  date: string | null,
): Promise<Page<PositionRow>> {
  return outputSnapshot(lake, b, 'positions').then((snap) =>
    page(
      lake,
      snap,
      {
        id: b.id,
        select: '*',
        order: 'date, symbol',
        first,
        offset,
        ...(date ? { where: 'AND date = CAST($2 AS DATE)', params: [date] } : {}),
      },
      (r) => ({
        date: day(r.date),
        symbol: String(r.symbol),
        shares: Number(r.shares),
        price: Number(r.price),
        value: Number(r.value),
        weight: Number(r.weight),
      }),
    ),
  );
}

export interface TradeOut {
  tradeNo: number;
  symbol: string;
  size: number;
  entryTime: string;
  entryPrice: number;
  exitTime: string;
  exitPrice: number;
  costs: number;
  dividends: number;
  pnl: number;
  return: number;
  open: boolean;
}

export function readTrades(lake: Lake, b: BacktestRecord, first: number, offset: number): Promise<Page<TradeOut>> {
  return outputSnapshot(lake, b, 'trades').then((snap) =>
    page(lake, snap, { id: b.id, select: '*', order: 'trade_no', first, offset }, (r) => ({
      tradeNo: Number(r.trade_no),
      symbol: String(r.symbol),
      size: Number(r.size),
      entryTime: iso(r.entry_time),
      entryPrice: Number(r.entry_price),
      exitTime: iso(r.exit_time),
      exitPrice: Number(r.exit_price),
      costs: Number(r.costs),
      dividends: Number(r.dividends),
      pnl: Number(r.pnl),
      return: Number(r.return),
      open: Boolean(r.open),
    })),
  );
}

/** The SQL and parameters of one output of a run, for a Parquet download. */
export async function downloadQuery(
  lake: Lake,
  b: BacktestRecord,
  kind: OutputKind,
): Promise<{ sql: string; params: LakeParam[] } | null> {
  const snap = await outputSnapshot(lake, b, kind);
  if (!snap) return null;
  const columns = OUTPUT_DATASETS[kind].columns
    .map((c) => c.name)
    .filter((c) => c !== 'available_at')
    .map((c) => `"${c}"`)
    .join(', ');
  const order = kind === 'equity' ? 'date' : kind === 'positions' ? 'date, symbol' : 'trade_no';
  return { sql: `SELECT ${columns} FROM ${lake.scan(snap)} WHERE backtest_id = $1 ORDER BY ${order}`, params: [b.id] };
}
