import { calendarCodes, getCalendar } from '@alphagraph/calendar';
import { z } from 'zod';
import { instrumentInsertSchema } from '../instruments/store.ts';

/** The bar intervals the bars dataset holds (and its readers serve). */
export const INTERVALS = ['1d', '1h'] as const;
export type BarInterval = (typeof INTERVALS)[number];
export const INTERVAL_MS: Record<BarInterval, number> = { '1d': 86_400_000, '1h': 3_600_000 };

/**
 * How a timestamp is written. `date`: `YYYY-MM-DD`, a daily bar's session date. `local`:
 * `YYYY-MM-DD HH:MM[:SS]` on the wall clock of `timeZone`. `iso`: ISO-8601 with an offset or `Z`
 * (a space may stand for the `T`). `unix_s` / `unix_ms`: epoch seconds or milliseconds.
 */
export const TIME_FORMATS = ['date', 'local', 'iso', 'unix_s', 'unix_ms'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

const instrumentTemplate = instrumentInsertSchema
  .omit({ symbol: true, name: true })
  .extend({ calendar: z.enum(calendarCodes), name: z.string().min(1).optional() });
export type InstrumentTemplate = z.output<typeof instrumentTemplate>;

/** Where each field of a bar comes from in a source with named columns (CSV header, Parquet schema). */
export const columnMappingSchema = z
  .object({
    name: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/, 'a mapping name is lower_snake_case'),
    description: z.string().min(1),
    /** The column holding the symbol, or the one symbol every row of the file belongs to. */
    symbol: z.union([z.object({ column: z.string() }).strict(), z.object({ fixed: z.string().min(1) }).strict()]),
    time: z
      .object({
        /** May be the empty string: an unnamed first column (a pandas index written to CSV). */
        column: z.string(),
        format: z.enum(TIME_FORMATS),
        timeZone: z.string().default('UTC'),
      })
      .strict(),
    interval: z.enum(INTERVALS),
    columns: z
      .object({
        open: z.string(),
        high: z.string(),
        low: z.string(),
        close: z.string(),
        volume: z.string().optional(),
      })
      .strict(),
    /** Field values that mean "no value" (besides the empty field). */
    nullTokens: z.array(z.string()).default(['null', 'NULL', 'NaN', 'nan', 'NA', 'N/A']),
    /**
     * When present, symbols not yet in the instrument master are registered with these attributes
     * (the `unknown_instrument` rule then never fires for this mapping).
     */
    registerInstruments: instrumentTemplate.optional(),
  })
  .strict()
  .superRefine((m, ctx) => {
    if (m.interval === '1d' && !['date', 'iso', 'unix_s', 'unix_ms'].includes(m.time.format)) {
      ctx.addIssue({ code: 'custom', path: ['time', 'format'], message: 'a daily bar needs a date, iso or unix time' });
    }
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: m.time.timeZone });
    } catch {
      ctx.addIssue({
        code: 'custom',
        path: ['time', 'timeZone'],
        message: `${m.time.timeZone} is not an IANA time zone`,
      });
    }
    if (m.registerInstruments) getCalendar(m.registerInstruments.calendar);
  });
export type ColumnMapping = z.output<typeof columnMappingSchema>;
export type ColumnMappingInput = z.input<typeof columnMappingSchema>;

const US_EQUITY = {
  exchange: 'US',
  assetClass: 'equity',
  currency: 'USD',
  timezone: 'America/New_York',
  calendar: 'XNYS',
} as const;

/** The declared layouts of the price files in ../shared/data (and data/demo), each loadable unedited. */
const BUILT_IN: readonly ColumnMappingInput[] = [
  {
    name: 'all_stocks_5yr',
    description: 'S&P 500 daily bars (Kaggle camnugent/sandp500): date,open,high,low,close,volume,Name',
    symbol: { column: 'Name' },
    time: { column: 'date', format: 'date', timeZone: 'America/New_York' },
    interval: '1d',
    columns: { open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
    registerInstruments: US_EQUITY,
  },
  {
    name: 'stocknet_prices',
    description:
      'StockNet daily bars (Yahoo): date,open,high,low,close,adj_close,volume,ticker; adj_close is not a bar field',
    symbol: { column: 'ticker' },
    time: { column: 'date', format: 'date', timeZone: 'America/New_York' },
    interval: '1d',
    columns: { open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
    registerInstruments: US_EQUITY,
  },
  {
    name: 'goog_daily',
    description: 'NASDAQ:GOOG daily bars (backtesting.py GOOG.csv): unnamed date index, Open,High,Low,Close,Volume',
    symbol: { fixed: 'GOOG' },
    time: { column: '', format: 'date', timeZone: 'America/New_York' },
    interval: '1d',
    columns: { open: 'Open', high: 'High', low: 'Low', close: 'Close', volume: 'Volume' },
    registerInstruments: { ...US_EQUITY, exchange: 'NASDAQ', name: 'Alphabet Inc. (GOOG)' },
  },
  {
    name: 'eurusd_hourly',
    description: 'EUR/USD hourly bars (backtesting.py EURUSD.csv): unnamed UTC hour index, Open,High,Low,Close,Volume',
    symbol: { fixed: 'EURUSD' },
    time: { column: '', format: 'local', timeZone: 'UTC' },
    interval: '1h',
    columns: { open: 'Open', high: 'High', low: 'Low', close: 'Close', volume: 'Volume' },
    registerInstruments: {
      name: 'Euro / US dollar spot',
      exchange: 'OTC',
      assetClass: 'fx',
      currency: 'USD',
      timezone: 'America/New_York',
      calendar: '24x5',
    },
  },
  {
    name: 'btc_usd_hourly',
    description:
      'BTC/USD hourly bars (Coinbase): date (UTC hour start, +00:00),unix,low,high,open,close,volume,vol_fiat',
    symbol: { fixed: 'BTC-USD' },
    time: { column: 'date', format: 'iso', timeZone: 'UTC' },
    interval: '1h',
    columns: { open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
    registerInstruments: {
      name: 'Bitcoin / US dollar (Coinbase)',
      exchange: 'COINBASE',
      assetClass: 'crypto',
      currency: 'USD',
      timezone: 'UTC',
      calendar: '24x7',
    },
  },
];

export const BUILT_IN_MAPPINGS: ReadonlyMap<string, ColumnMapping> = new Map(
  BUILT_IN.map((m) => {
    const parsed = columnMappingSchema.parse(m);
    return [parsed.name, parsed];
  }),
);

/** A declared mapping by name; the error lists the names there are. */
export function mappingNamed(name: string): ColumnMapping | undefined {
  return BUILT_IN_MAPPINGS.get(name);
}

/** The columns a source must have for `mapping`. */
export function requiredColumns(mapping: ColumnMapping): string[] {
  const c = mapping.columns;
  return [
    ...('column' in mapping.symbol ? [mapping.symbol.column] : []),
    mapping.time.column,
    c.open,
    c.high,
    c.low,
    c.close,
    ...(c.volume !== undefined ? [c.volume] : []),
  ];
}
