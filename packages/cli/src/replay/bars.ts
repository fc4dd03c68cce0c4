import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/** One bar as `ingestBars` takes it (mapping all_stocks_5yr: time is the session date). */
export interface ReplayBar {
  readonly symbol: string;
  readonly time: string;
  readonly open: number | null;
  readonly high: number | null;
  readonly low: number | null;
  readonly close: number | null;
  readonly volume: number | null;
}

/** The deliberate shift: from the shift session on, the vendor reports volume in other units. */
export const VOLUME_SHIFT_FACTOR = 10;

const HEADER = 'date,open,high,low,close,volume,Name';

/**
 * Reads all_stocks_5yr (gzip CSV: date,open,high,low,close,volume,Name) once and groups the rows of
 * `symbols` by session date, for sessions on or after `from`. Empty cells are null, as ingestion reads them.
 */
export function barsBySession(options: {
  path: string;
  symbols: readonly string[];
  from: string;
}): Map<string, ReplayBar[]> {
  const text = gunzipSync(readFileSync(options.path)).toString('utf8');
  return barsFromCsv(text, options.symbols, options.from);
}

export function barsFromCsv(text: string, symbols: readonly string[], from: string): Map<string, ReplayBar[]> {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== HEADER) {
    throw new Error(`replay: the bars file's header is ${JSON.stringify(lines[0])}, expected ${HEADER}`);
  }
  const wanted = new Set(symbols);
  const out = new Map<string, ReplayBar[]>();
  const num = (cell: string | undefined) => (cell === undefined || cell.trim() === '' ? null : Number(cell));
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const [date, open, high, low, close, volume, name] = line.split(',');
    if (!date || !name || !wanted.has(name) || date < from) continue;
    const bar = {
      symbol: name,
      time: date,
      open: num(open),
      high: num(high),
      low: num(low),
      close: num(close),
      volume: num(volume),
    };
    const day = out.get(date) ?? [];
    day.push(bar);
    out.set(date, day);
  }
  return out;
}

/** A session's bars as they arrive: volumes multiplied by VOLUME_SHIFT_FACTOR from `shiftAt` on. */
export function arrivingBars(bars: readonly ReplayBar[], session: string, shiftAt: string): ReplayBar[] {
  if (session < shiftAt) return [...bars];
  return bars.map((b) => ({ ...b, volume: b.volume === null ? null : b.volume * VOLUME_SHIFT_FACTOR }));
}
