import { BARS_DATASET } from '@alphagraph/datasets';
import { type Lake, LakeError, latestAsOf } from '@alphagraph/lake';
import { z } from 'zod';
import type { BarInterval } from './mappings.ts';

/**
 * The lake dataset where corporate actions live (owned by the corporate-actions module). Until it
 * exists, no action is on record and every split-like jump is reported.
 */
export const CORPORATE_ACTIONS_DATASET = 'corporate_actions';

/** Which (symbol, session date) pairs have a corporate action on record: `SYMBOL|YYYY-MM-DD` keys. */
export type CorporateActionLookup = (symbols: readonly string[], from: string, to: string) => Promise<Set<string>>;

const actionRow = z.object({ symbol: z.string(), day: z.string() });

/** Reads corporate actions (any kind) from the lake's `corporate_actions` dataset, by symbol and ex-date. */
export function lakeCorporateActions(
  lake: Lake,
  columns: { symbol: string; date: string } = { symbol: 'symbol', date: 'ex_date' },
): CorporateActionLookup {
  return async (symbols, from, to) => {
    const out = new Set<string>();
    if (symbols.length === 0) return out;
    let snapshot: Awaited<ReturnType<Lake['currentSnapshot']>>;
    try {
      snapshot = await lake.currentSnapshot(CORPORATE_ACTIONS_DATASET);
    } catch (error) {
      if (error instanceof LakeError && error.code === 'DATASET_NOT_FOUND') return out;
      throw error;
    }
    if (!snapshot) return out;
    const rows = await lake.query(
      `SELECT DISTINCT CAST(${columns.symbol} AS VARCHAR) AS symbol, strftime(CAST(${columns.date} AS DATE), '%Y-%m-%d') AS day
       FROM ${lake.scan(snapshot)}
       WHERE ${columns.symbol} IN (SELECT unnest($1::VARCHAR[]))
         AND CAST(${columns.date} AS DATE) BETWEEN CAST($2 AS DATE) AND CAST($3 AS DATE)`,
      [symbols, from, to],
    );
    for (const r of rows) {
      const { symbol, day } = actionRow.parse(r);
      out.add(`${symbol}|${day}`);
    }
    return out;
  };
}

const closeRow = z.object({ symbol: z.string(), close: z.number().nullable() });

/**
 * The newest stored close of each symbol strictly before its first bar in the batch (latest
 * version), so forward-fill and the jump check continue across batches.
 */
export async function priorCloses(
  lake: Lake,
  interval: BarInterval,
  firstTimes: ReadonlyMap<string, number>,
): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  const snapshot = await lake.currentSnapshot(BARS_DATASET.name);
  if (!snapshot || snapshot.files.length === 0 || firstTimes.size === 0) return out;
  const symbols = [...firstTimes.keys()];
  const rows = await lake.query(
    `WITH firsts AS (
       SELECT unnest($1::VARCHAR[]) AS symbol, timezone('UTC', epoch_ms(unnest($2::BIGINT[]))) AS first_time
     ), versions AS (
       SELECT b.symbol, b.time, b.close
       FROM ${latestAsOf(snapshot, {
         dataset: BARS_DATASET,
         where: ['interval = $3', 'symbol IN (SELECT symbol FROM firsts)'],
         columns: ['symbol', 'time', 'close'],
       })} b JOIN firsts f ON f.symbol = b.symbol AND b.time < f.first_time
     )
     SELECT symbol, close FROM versions
     QUALIFY row_number() OVER (PARTITION BY symbol ORDER BY time DESC) = 1`,
    [symbols, symbols.map((s) => firstTimes.get(s)!), interval],
  );
  for (const r of rows) {
    const { symbol, close } = closeRow.parse(r);
    out.set(symbol, close);
  }
  return out;
}
