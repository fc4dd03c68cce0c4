import { CORPORATE_ACTIONS_DATASET } from '@alphagraph/datasets';
import { type Lake, latestAsOf } from '@alphagraph/lake';
import { z } from 'zod';

export interface CorporateActionRecord {
  readonly symbol: string;
  readonly exDate: string;
  readonly kind: 'split' | 'dividend';
  readonly ratio: number | null;
  readonly amount: number | null;
  readonly availableAt: Date;
}

const row = z.object({
  symbol: z.string(),
  ex_date: z.string(),
  kind: z.enum(['split', 'dividend']),
  ratio: z.number().nullable(),
  amount: z.number().nullable(),
  available_at: z.date(),
});

export function createCorporateActionStore(lake: Lake) {
  return {
    /** A relation of the actions known at a time, or null when none were ever stored. */
    async scan(): Promise<string | null> {
      const snapshot = await lake.currentSnapshot(CORPORATE_ACTIONS_DATASET.name);
      return snapshot ? lake.scan(snapshot) : null;
    },
    /** Actions of many symbols known at `asOf`, by ex-date. */
    async forSymbols(symbols: readonly string[], asOf: Date | null): Promise<Map<string, CorporateActionRecord[]>> {
      const out = new Map<string, CorporateActionRecord[]>(symbols.map((s) => [s, []]));
      const scan = await this.scan();
      if (!scan || symbols.length === 0) return out;
      const list = symbols.map((_, i) => `$${i + 1}`).join(', ');
      const rows = await lake.query(
        `SELECT symbol, CAST(ex_date AS VARCHAR) AS ex_date, kind, ratio, amount, available_at
         FROM ${latestAsOf(scan, { dataset: CORPORATE_ACTIONS_DATASET, asOf: `$${symbols.length + 1}::TIMESTAMPTZ` })} WHERE symbol IN (${list}) ORDER BY symbol, ex_date, kind`,
        [...symbols, asOf ?? new Date()],
      );
      for (const raw of rows) {
        const r = row.parse(raw);
        out.get(r.symbol)?.push({ ...r, exDate: r.ex_date, availableAt: r.available_at });
      }
      return out;
    },
  };
}
export type CorporateActionStore = ReturnType<typeof createCorporateActionStore>;
