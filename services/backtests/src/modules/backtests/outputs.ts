import { BACKTEST_EQUITY_DATASET, BACKTEST_POSITIONS_DATASET, BACKTEST_TRADES_DATASET } from '@alphagraph/datasets';
import type { JobsDb } from '@alphagraph/jobs';
import type { CatalogTransaction, Lake, LakeParam, Snapshot, StagedValue } from '@alphagraph/lake';
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

const nullable = (v: number) => (Number.isFinite(v) ? v : null);

async function append(
  lake: Lake,
  kind: OutputKind,
  rows: Iterable<readonly StagedValue[]>,
  summary: Record<string, unknown>,
  onPublish?: (tx: CatalogTransaction, snapshot: { id: number }) => Promise<void>,
  /**
   * A narrower staging (numbers only, no per-row strings or instants, which the appender converts
   * slowly): its table, the SELECT giving the dataset's columns from it, and lookups to stage first.
   */
  narrow?: {
    table: string;
    select: string;
    params: LakeParam[];
    lookups: { table: string; columns: string; rows: StagedValue[][] }[];
  },
): Promise<Snapshot> {
  const dataset = OUTPUT_DATASETS[kind];
  if (narrow) {
    return lake.commit(dataset.name, { mode: 'append', summary, ...(onPublish ? { onPublish } : {}) }, async (w) => {
      for (const l of narrow.lookups) {
        await w.session.run(`CREATE OR REPLACE TEMP TABLE ${l.table} (${l.columns})`);
        await w.session.append(l.table, l.rows);
      }
      await w.session.run(`CREATE OR REPLACE TEMP TABLE bt_out (${narrow.table})`);
      await w.session.append('bt_out', rows);
      await w.writeQuery(narrow.select, narrow.params);
    });
  }
  // Dates are staged as instants (the appender takes no DATE) and cast as the file is written.
  const columns = dataset.columns.map((c) => `"${c.name}" ${c.type === 'DATE' ? 'TIMESTAMPTZ' : c.type}`).join(', ');
  const select = dataset.columns
    .map((c) => (c.type === 'DATE' ? `CAST(timezone('UTC', "${c.name}") AS DATE) AS "${c.name}"` : `"${c.name}"`))
    .join(', ');
  return lake.commit(dataset.name, { mode: 'append', summary, ...(onPublish ? { onPublish } : {}) }, async (w) => {
    await w.session.run(`CREATE OR REPLACE TEMP TABLE bt_out (${columns})`);
    await w.session.append('bt_out', rows);
    await w.writeQuery(`SELECT ${select} FROM bt_out`);
  });
}

/**
 * Writes a run's daily equity, positions and trades, appended to the three output datasets with
 * its id; `finish` runs inside the catalog transaction publishing the last of them (the run moves
 * to succeeded there, so it is never succeeded without its outputs). Returns dataset -> snapshot.
 */
export async function writeOutputs(
  lake: Lake,
  id: string,
  out: SimulationOutput,
  finish: (tx: JobsDb, outputs: Record<string, number>) => Promise<void>,
): Promise<Record<string, number>> {
  const now = new Date();
  const summary = { backtest: id };
  const days = out.days.map((d) => new Date(`${d}T00:00:00Z`));
  const equity = await append(
    lake,
    'equity',
    days.map((date, t): StagedValue[] => [
      id,
      date,
      out.equity[t]!,
      out.cash[t]!,
      nullable(out.gross[t]!),
      nullable(out.net[t]!),
      out.dailyReturn[t]!,
      nullable(out.traded[t]!),
      nullable(out.benchmark[t]!),
      now,
    ]),
    summary,
  );
  const p = out.positions;
  const lookups = (session: 'positions' | 'trades') => [
    {
      table: `bt_out_days_${session}`,
      columns: 'd INTEGER, time TIMESTAMPTZ',
      rows: days.map((date, d): StagedValue[] => [d, date]),
    },
    {
      table: `bt_out_symbols_${session}`,
      columns: 'j INTEGER, symbol VARCHAR',
      rows: out.symbols.map((symbol, j): StagedValue[] => [j, symbol]),
    },
  ];
  const positions = await append(
    lake,
    'positions',
    (function* () {
      for (let i = 0; i < p.shares.length; i++) {
        yield [p.dateIndex[i]!, p.symbolIndex[i]!, p.shares[i]!, p.price[i]!, p.value[i]!, p.weight[i]!];
      }
    })(),
    summary,
    undefined,
    {
      table: 'd INTEGER, j INTEGER, shares DOUBLE, price DOUBLE, value DOUBLE, weight DOUBLE',
      select: `SELECT $1::VARCHAR AS backtest_id, CAST(timezone('UTC', dd.time) AS DATE) AS date, s.symbol,
                      o.shares, o.price, o.value, o.weight, $2::TIMESTAMPTZ AS available_at
               FROM bt_out o JOIN bt_out_days_positions dd ON dd.d = o.d JOIN bt_out_symbols_positions s ON s.j = o.j
               ORDER BY o.d, o.j`,
      params: [id, now],
      lookups: lookups('positions'),
    },
  );
  const outputs: Record<string, number> = {
    [OUTPUT_DATASETS.equity.name]: equity.id,
    [OUTPUT_DATASETS.positions.name]: positions.id,
  };
  const symbolIndex = new Map(out.symbols.map((symbol, j) => [symbol, j]));
  await append(
    lake,
    'trades',
    out.trades.map((t, i): StagedValue[] => [
      i + 1,
      symbolIndex.get(t.symbol) ?? -1,
      t.size,
      t.entryTime,
      t.entryPrice,
      t.exitTime,
      t.exitPrice,
      t.costs,
      t.dividends,
      t.pnl,
      nullable(t.return),
      t.open,
    ]),
    summary,
    async (tx, snapshot) => {
      outputs[OUTPUT_DATASETS.trades.name] = snapshot.id;
      await finish(tx as unknown as JobsDb, outputs);
    },
    {
      table: `trade_no INTEGER, j INTEGER, size DOUBLE, entry_ms DOUBLE, entry_price DOUBLE, exit_ms DOUBLE,
              exit_price DOUBLE, costs DOUBLE, dividends DOUBLE, pnl DOUBLE, "return" DOUBLE, open BOOLEAN`,
      select: `SELECT $1::VARCHAR AS backtest_id, o.trade_no, s.symbol, o.size,
                      to_timestamp(0) + to_microseconds(CAST(o.entry_ms AS BIGINT) * 1000) AS entry_time, o.entry_price,
                      to_timestamp(0) + to_microseconds(CAST(o.exit_ms AS BIGINT) * 1000) AS exit_time, o.exit_price, o.costs, o.dividends, o.pnl,
                      o."return", o.open, $2::TIMESTAMPTZ AS available_at
               FROM bt_out o JOIN bt_out_symbols_trades s ON s.j = o.j
               ORDER BY o.trade_no`,
      params: [id, now],
      lookups: lookups('trades').slice(1),
    },
  );
  return outputs;
}

/** The snapshot holding a run's rows of one output, or null while it has none. */
export async function outputSnapshot(lake: Lake, backtest: BacktestRecord, kind: OutputKind): Promise<Snapshot | null> {
  const name = OUTPUT_DATASETS[kind].name;
  const id = backtest.outputs?.[name];
  return id === undefined ? null : lake.snapshot(name, id);
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
