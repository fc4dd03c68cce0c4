import { defineDataset } from '@alphagraph/lake';

/** Owner of the datasets in this file. */
const OWNER = 'backtests';

/**
 * The outputs of backtests, one dataset per kind, every run appended with its `backtest_id`. A
 * run's rows are written once (a rerun is a new backtest id), so the version key is only there
 * to state what one row is; `available_at` is when the run published them.
 */
export const BACKTEST_EQUITY_DATASET = defineDataset({
  name: 'backtest_equity',
  owner: OWNER,
  description: 'daily account state of each backtest: equity, cash, gross and net exposure, return, traded value',
  columns: [
    { name: 'backtest_id', type: 'VARCHAR' },
    { name: 'date', type: 'DATE' },
    { name: 'equity', type: 'DOUBLE' },
    { name: 'cash', type: 'DOUBLE' },
    { name: 'gross', type: 'DOUBLE' },
    { name: 'net', type: 'DOUBLE' },
    { name: 'daily_return', type: 'DOUBLE' },
    { name: 'traded', type: 'DOUBLE' },
    { name: 'benchmark', type: 'DOUBLE' },
    { name: 'available_at', type: 'TIMESTAMPTZ' },
  ],
  versionKey: ['backtest_id', 'date'],
  availableAt: 'available_at',
  tiebreak: 'backtest_id',
  entity: 'backtest_id',
  eventTime: 'date',
});

export const BACKTEST_POSITIONS_DATASET = defineDataset({
  name: 'backtest_positions',
  owner: OWNER,
  description: 'holdings of each backtest at each session close: shares, mark, value, weight of equity',
  columns: [
    { name: 'backtest_id', type: 'VARCHAR' },
    { name: 'date', type: 'DATE' },
    { name: 'symbol', type: 'VARCHAR' },
    { name: 'shares', type: 'DOUBLE' },
    { name: 'price', type: 'DOUBLE' },
    { name: 'value', type: 'DOUBLE' },
    { name: 'weight', type: 'DOUBLE' },
    { name: 'available_at', type: 'TIMESTAMPTZ' },
  ],
  versionKey: ['backtest_id', 'date', 'symbol'],
  availableAt: 'available_at',
  tiebreak: 'backtest_id',
  entity: 'backtest_id',
  eventTime: 'date',
});

export const BACKTEST_TRADES_DATASET = defineDataset({
  name: 'backtest_trades',
  owner: OWNER,
  description: 'trades of each backtest (FIFO lots): entry and exit time and price, size, costs, P&L, return',
  columns: [
    { name: 'backtest_id', type: 'VARCHAR' },
    { name: 'trade_no', type: 'INTEGER' },
    { name: 'symbol', type: 'VARCHAR' },
    { name: 'size', type: 'DOUBLE' },
    { name: 'entry_time', type: 'TIMESTAMPTZ' },
    { name: 'entry_price', type: 'DOUBLE' },
    { name: 'exit_time', type: 'TIMESTAMPTZ' },
    { name: 'exit_price', type: 'DOUBLE' },
    { name: 'costs', type: 'DOUBLE' },
    { name: 'dividends', type: 'DOUBLE' },
    { name: 'pnl', type: 'DOUBLE' },
    { name: 'return', type: 'DOUBLE' },
    { name: 'open', type: 'BOOLEAN' },
    { name: 'available_at', type: 'TIMESTAMPTZ' },
  ],
  versionKey: ['backtest_id', 'trade_no'],
  availableAt: 'available_at',
  tiebreak: 'backtest_id',
  entity: 'backtest_id',
  eventTime: 'entry_time',
});
