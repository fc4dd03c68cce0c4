/**
 * stocknet_prices.csv → stocknet_corporate_actions.csv: the splits and cash dividends implied by
 * Yahoo's adjusted prices, one row per event: `ticker,ex_date,kind,ratio,amount`.
 *
 *   npx tsx packages/cli/src/derive/stocknet-corporate-actions.ts \
 *     --from ../shared/data/stocknet_prices.csv --to data/demo/stocknet_corporate_actions.csv
 *
 * Yahoo's convention, as this file shows it (checked on AAPL, whose events are public):
 * - open/high/low/close are split-adjusted (AAPL's 2012 closes are the traded price / 7), so the
 *   ratio adj_close/close carries dividends only and splits are recovered from the cent grid of
 *   the prices (see price-grid.ts).
 * - adj_close = close × f_t, where f_t is the product, over every dividend with ex-date E after t,
 *   of m_E = 1 − d_E / close_{E−1}: d_E the dividend (split-adjusted) and close_{E−1} the close of
 *   the session before the ex-date (the CRSP multiplicative method). f is 1 on the last row.
 * - Hence between consecutive rows f_{t−1} / f_t = m_t, and a change of the ratio on row t means a
 *   dividend going ex on t with d_t = close_{t−1} × (1 − f_{t−1} / f_t).
 *
 * Tolerance: prices are stored in single precision and printed with 6 decimals, so f carries a
 * relative error of about 1e-7 (never above 8.4e-7 in this file) while the smallest real dividend
 * (Citigroup's $0.01 on $52) moves it by 1.9e-4. A relative change of f above 1e-5 is an event;
 * nothing in the file falls between 8.4e-7 and 1.9e-4.
 */
import { parse } from 'csv-parse/sync';
import {
  csvRecord,
  DeriveError,
  decimal,
  parseDeriveArgs,
  readSource,
  report,
  runIfMain,
  writeOutput,
} from './common.ts';
import { type GridDay, splitFactorSegments } from './price-grid.ts';

export const DIVIDEND_TOLERANCE = 1e-5;
export const CORPORATE_ACTION_COLUMNS = ['ticker', 'ex_date', 'kind', 'ratio', 'amount'] as const;

export interface PriceBar {
  date: string;
  open: number;
  high: number;
  low: number;
  close: number;
  adjClose: number;
}

export type CorporateAction =
  | {
      ticker: string;
      exDate: string;
      kind: 'split';
      /** New shares per old share: 7 for 7:1, 0.1 for 1:10. */
      ratio: number;
    }
  | {
      ticker: string;
      exDate: string;
      kind: 'dividend';
      /** Cash per share as traded on the ex-date (not adjusted for later splits). */
      amount: number;
    };

export interface PriceFile {
  byTicker: Map<string, PriceBar[]>;
  /** Rows whose values are the literal `null` (no bar that day); left out. */
  skipped: Array<{ ticker: string; date: string }>;
}

export function parsePriceFile(csvText: string): PriceFile {
  const records = parse(csvText, { columns: true, skip_empty_lines: true, bom: true, trim: true }) as Array<
    Record<string, string>
  >;
  const byTicker = new Map<string, PriceBar[]>();
  const skipped: PriceFile['skipped'] = [];
  for (const r of records) {
    const ticker = r.ticker ?? '';
    const date = r.date ?? '';
    const fields = ['open', 'high', 'low', 'close', 'adj_close'].map((k) => r[k] ?? '');
    if (fields.every((v) => v === 'null')) {
      skipped.push({ ticker, date });
      continue;
    }
    const [open, high, low, close, adjClose] = fields.map(Number) as [number, number, number, number, number];
    if (![open, high, low, close, adjClose].every((v) => Number.isFinite(v) && v > 0)) {
      throw new DeriveError(`${ticker} ${date}: expected positive prices, got ${fields.join(',')}`);
    }
    let bars = byTicker.get(ticker);
    if (!bars) byTicker.set(ticker, (bars = []));
    bars.push({ date, open, high, low, close, adjClose });
  }
  for (const bars of byTicker.values()) bars.sort((a, b) => a.date.localeCompare(b.date));
  return { byTicker, skipped };
}

/**
 * Ratios within 1e-6 of a fraction with small terms are that fraction (6.999999 → 7); others keep
 * 7 decimals, about the precision of the estimate (Yahoo books some as 1.0027455 or 1.319).
 */
function cleanRatio(ratio: number): number {
  for (let b = 1; b <= 20; b++) {
    const a = Math.round(ratio * b);
    if (a > 0 && Math.abs(a / b / ratio - 1) < 1e-6) return a / b;
  }
  return Number(ratio.toFixed(7));
}

export function deriveCorporateActions(ticker: string, bars: readonly PriceBar[]): CorporateAction[] {
  const days: GridDay[] = bars.map((b) => ({ date: b.date, prices: [b.open, b.high, b.low, b.close] }));
  const { segments } = splitFactorSegments(days);
  const splits: CorporateAction[] = [];
  // factorAt[i]: product of the ratios of splits after row i, from the ratios as written.
  const factorAt = new Array<number>(bars.length).fill(1);
  for (let s = segments.length - 1; s > 0; s--) {
    const later = segments[s]!;
    const earlier = segments[s - 1]!;
    const ratio = cleanRatio(earlier.factor / later.factor);
    splits.unshift({ ticker, exDate: bars[later.start]!.date, kind: 'split', ratio });
    for (let i = 0; i < later.start; i++) factorAt[i] = factorAt[i]! * ratio;
  }

  const dividends: CorporateAction[] = [];
  for (let i = 1; i < bars.length; i++) {
    const prev = bars[i - 1]!;
    const cur = bars[i]!;
    const multiplier = prev.adjClose / prev.close / (cur.adjClose / cur.close);
    if (Math.abs(multiplier - 1) <= DIVIDEND_TOLERANCE) continue;
    if (multiplier > 1) {
      throw new DeriveError(`${ticker} ${cur.date}: adj_close/close fell going back in time; not a dividend`);
    }
    const amount = prev.close * (1 - multiplier) * factorAt[i]!;
    dividends.push({ ticker, exDate: cur.date, kind: 'dividend', amount });
  }
  return [...splits, ...dividends].sort((a, b) => a.exDate.localeCompare(b.exDate));
}

export function corporateActionsCsv(actions: readonly CorporateAction[]): string {
  const lines = [CORPORATE_ACTION_COLUMNS.join(',')];
  for (const a of actions) {
    lines.push(
      a.kind === 'split'
        ? csvRecord([a.ticker, a.exDate, a.kind, decimal(a.ratio, 7), null])
        : csvRecord([a.ticker, a.exDate, a.kind, null, decimal(a.amount, 6)]),
    );
  }
  return `${lines.join('\n')}\n`;
}

runIfMain(import.meta.url, (argv) => {
  const { from, to } = parseDeriveArgs(argv, 'stocknet-corporate-actions.ts --from stocknet_prices.csv --to out.csv');
  const source = readSource(from);
  const prices = parsePriceFile(source.text);
  const actions = [...prices.byTicker.keys()]
    .sort()
    .flatMap((ticker) => deriveCorporateActions(ticker, prices.byTicker.get(ticker)!));
  const written = writeOutput(to, Buffer.from(corporateActionsCsv(actions), 'utf8'));
  const splits = actions.filter((a) => a.kind === 'split');
  report({
    source: from,
    'source sha256': source.sha256,
    tickers: prices.byTicker.size,
    'null rows': prices.skipped.map((s) => `${s.ticker} ${s.date}`).join(', '),
    splits: splits.map((s) => `${s.ticker} ${s.exDate} ${s.ratio}`).join('; '),
    dividends: actions.length - splits.length,
    written: written.path,
    bytes: written.bytes,
    sha256: written.sha256,
  });
});
