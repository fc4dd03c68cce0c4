import { z } from 'zod';
import { symbolProblem } from '../input.ts';
import { IngestError } from './errors.ts';
import type { ColumnMapping } from './mappings.ts';
import { type BarTime, parseBarTime } from './time.ts';

/** One row as a source gives it: text from a CSV, numbers or text from Parquet or GraphQL. */
export interface RawBar {
  /** CSV line (header = 1), or row number from 1 in a Parquet file or a GraphQL batch. */
  readonly line: number;
  readonly symbol: string | null;
  readonly time: string | number | null;
  readonly open: string | number | null;
  readonly high: string | number | null;
  readonly low: string | number | null;
  readonly close: string | number | null;
  readonly volume: string | number | null;
}

/** A row whose shape and types are right; values may still break a data rule. */
export interface CandidateBar extends BarTime {
  readonly line: number;
  readonly symbol: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
  /** Set by validation: when the bar could first have been known. */
  availableAt: number;
}

export const PRICE_FIELDS = ['open', 'high', 'low', 'close'] as const;
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

// Text first: most rows come from CSV, and a union stops at the first option that fits.
const cell = z.union([z.string(), z.number(), z.null()]);
/** The shape every source's row must have: values are numbers, text or null, nothing else. */
export const rawBarSchema = z.object({
  line: z.number().int().positive(),
  symbol: z.string().nullable(),
  time: cell,
  open: cell,
  high: cell,
  low: cell,
  close: cell,
  volume: cell,
});

/**
 * Parses raw rows under `mapping`: the shape is checked with zod, then each value against its
 * type (symbol and time must be there and parse; prices and volume are numbers or missing, i.e.
 * empty or one of the mapping's null tokens). A value of the wrong type means the mapping does
 * not describe the file, so it refuses the whole batch, naming the line and column.
 */
export function createRowParser(mapping: ColumnMapping, where: string) {
  const nulls = new Set(['', ...mapping.nullTokens]);
  const fixedSymbol = 'fixed' in mapping.symbol ? mapping.symbol.fixed : null;
  const columns: Record<string, string | undefined> = {
    ...mapping.columns,
    symbol: 'column' in mapping.symbol ? mapping.symbol.column : undefined,
    time: mapping.time.column,
  };
  const fail = (line: number, field: string, problem: string): never => {
    throw new IngestError(
      'WRONG_TYPE',
      `${where} line ${line}: column ${JSON.stringify(columns[field])} (${field}) ${problem} (mapping ${mapping.name})`,
    );
  };
  const numeric = (line: number, field: string, v: string | number | null): number | null => {
    if (v === null) return null;
    if (typeof v === 'number') return Number.isNaN(v) ? null : v;
    const s = v.trim();
    if (nulls.has(s)) return null;
    if (!NUMBER.test(s)) fail(line, field, `holds ${JSON.stringify(v)}, not a number`);
    return Number(s);
  };
  // Daily files repeat a few thousand dates for every symbol: parse each text once.
  const times = new Map<string | number, BarTime | null>();
  const timeOf = (v: string | number): BarTime | null => {
    let t = times.get(v);
    if (t === undefined) {
      t = parseBarTime(typeof v === 'string' ? v.trim() : v, {
        format: mapping.time.format,
        timeZone: mapping.time.timeZone,
        interval: mapping.interval,
      });
      if (times.size < 100_000) times.set(v, t);
    }
    return t;
  };
  const volumeMapped = mapping.columns.volume !== undefined;

  return (raw: RawBar): CandidateBar => {
    const shape = rawBarSchema.safeParse(raw);
    if (!shape.success) {
      throw new IngestError('WRONG_TYPE', `${where} line ${raw.line}: ${shape.error.issues[0]?.message}`);
    }
    const r = shape.data;
    const symbol = fixedSymbol ?? r.symbol?.trim() ?? '';
    const symbolInvalid = symbolProblem(symbol);
    if (symbolInvalid) fail(r.line, 'symbol', `${JSON.stringify(symbol.slice(0, 40))} ${symbolInvalid}`);
    const time = r.time === null ? null : timeOf(r.time);
    if (!time) fail(r.line, 'time', `holds ${JSON.stringify(r.time)}, not a ${mapping.time.format} timestamp`);
    return {
      line: r.line,
      symbol,
      time: time!.time,
      day: time!.day,
      open: numeric(r.line, 'open', r.open),
      high: numeric(r.line, 'high', r.high),
      low: numeric(r.line, 'low', r.low),
      close: numeric(r.line, 'close', r.close),
      volume: volumeMapped ? numeric(r.line, 'volume', r.volume) : null,
      availableAt: 0,
    };
  };
}
