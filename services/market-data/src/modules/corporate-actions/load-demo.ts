import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { demoDataDir } from '@alphagraph/config';
import { CORPORATE_ACTIONS_DATASET } from '@alphagraph/datasets';
import { type Lake, quoteLiteral } from '@alphagraph/lake';

export const CORPORATE_ACTIONS_SOURCE = 'demo:stocknet_corporate_actions';

/**
 * Loads the corporate actions derived from stocknet_prices (data/demo/SOURCES.md) once. An
 * action is taken as known from its ex-date's 09:30 New York open: it is announced before it
 * goes ex, so this never uses it early.
 */
export async function loadDemoCorporateActions(lake: Lake, dir = demoDataDir()): Promise<number> {
  const file = join(dir, 'stocknet_corporate_actions.csv');
  if (!existsSync(file)) throw new Error(`demo data file is missing: ${file}`);
  if (
    (await lake.history(CORPORATE_ACTIONS_DATASET.name, 1000)).some(
      (s) => s.summary.source === CORPORATE_ACTIONS_SOURCE,
    )
  ) {
    return 0;
  }
  const snapshot = await lake.commit(
    CORPORATE_ACTIONS_DATASET.name,
    { mode: 'append', summary: { source: CORPORATE_ACTIONS_SOURCE } },
    async (w) => {
      await w.writeQuery(
        `SELECT ticker AS symbol, CAST(ex_date AS DATE) AS ex_date, kind,
                CAST(NULLIF(ratio, '') AS DOUBLE) AS ratio, CAST(NULLIF(amount, '') AS DOUBLE) AS amount,
                timezone('America/New_York', CAST(ex_date AS DATE) + TIME '09:30') AS available_at,
                $1 AS batch_id
         FROM read_csv(${quoteLiteral(file)}, header = true, all_varchar = true)
         WHERE kind IN ('split', 'dividend')
         ORDER BY symbol, ex_date`,
        [CORPORATE_ACTIONS_SOURCE],
      );
    },
  );
  return snapshot.addedRows;
}
