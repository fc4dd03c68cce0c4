import type { DatasetSpec } from '@alphagraph/lake';

/**
 * Splits and cash dividends, every version: a correction is a new row with the same
 * (symbol, ex_date, kind) and a later available_at. `ratio` is new shares per old share for a
 * split; `amount` is the cash per share as traded on the ex-date for a dividend.
 */
export const CORPORATE_ACTIONS_DATASET: DatasetSpec = {
  name: 'corporate_actions',
  owner: 'market-data',
  description: 'Splits and cash dividends per instrument, every version',
  columns: [
    { name: 'symbol', type: 'VARCHAR' },
    { name: 'ex_date', type: 'DATE' },
    { name: 'kind', type: 'VARCHAR' },
    { name: 'ratio', type: 'DOUBLE' },
    { name: 'amount', type: 'DOUBLE' },
    { name: 'available_at', type: 'TIMESTAMPTZ' },
    { name: 'batch_id', type: 'VARCHAR' },
  ],
};
