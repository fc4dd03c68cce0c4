import type { DatasetSpec } from '@alphagraph/lake';

/**
 * Every version of every bar. A correction is a new row with the same (symbol, interval, time)
 * and a later `available_at`; reads take the latest version known at the read's as-of time.
 */
export const BARS_DATASET: DatasetSpec = {
  name: 'bars',
  owner: 'market-data',
  description: 'OHLCV bars, daily and intraday, every version (corrections are new rows)',
  columns: [
    { name: 'symbol', type: 'VARCHAR' },
    { name: 'interval', type: 'VARCHAR' },
    { name: 'time', type: 'TIMESTAMPTZ' },
    { name: 'open', type: 'DOUBLE' },
    { name: 'high', type: 'DOUBLE' },
    { name: 'low', type: 'DOUBLE' },
    { name: 'close', type: 'DOUBLE' },
    { name: 'volume', type: 'DOUBLE' },
    { name: 'available_at', type: 'TIMESTAMPTZ' },
    { name: 'batch_id', type: 'VARCHAR' },
  ],
};
