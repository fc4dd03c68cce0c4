import { BacktestError } from '../errors.ts';

/** A dates × symbols matrix: row-major Float64Array (`[d * symbols + s]`) or rows of numbers. */
export type Matrix = Float64Array | readonly (readonly number[])[];

/** A date as epoch ms (UTC) or an ISO date/time string. */
export type DateInput = number | string;

/**
 * Dense market inputs, as the service builds them from the lake. Prices are raw (not adjusted);
 * NaN means no bar. `signal[d][s]` is the value known at the close of session d; NaN means none.
 */
export interface MarketData {
  /** Session dates, strictly ascending. */
  readonly dates: readonly DateInput[];
  readonly symbols: readonly string[];
  readonly open: Matrix;
  readonly close: Matrix;
  readonly signal: Matrix;
  /** Share-count ratio new/old effective at the open of `date` (2 for a 2-for-1 split). */
  readonly splits?: readonly { readonly date: DateInput; readonly symbol: string; readonly ratio: number }[];
  /** Cash per share paid to holders at the previous close of ex-date `date` (shorts pay it). */
  readonly dividends?: readonly { readonly date: DateInput; readonly symbol: string; readonly amount: number }[];
  /**
   * Optional: when each signal value became available (epoch ms, NaN where no value), with
   * `sessionCloses` (epoch ms of each session's close). When given, the engine refuses any value with
   * `available_at > close(d)`: it was not known when the row says it was.
   */
  readonly signalAvailableAt?: Matrix;
  readonly sessionCloses?: readonly number[];
}

/** Corporate actions of one session, by symbol index. */
export interface SessionActions {
  readonly symbol: number;
  readonly value: number;
}

export interface NormalizedMarket {
  readonly dates: Float64Array;
  readonly symbols: readonly string[];
  readonly open: Float64Array;
  readonly close: Float64Array;
  readonly signal: Float64Array;
  readonly splits: readonly (readonly SessionActions[] | undefined)[];
  readonly dividends: readonly (readonly SessionActions[] | undefined)[];
}

/** Epoch ms of a date input; throws on an unparsable one. */
export function dateMs(value: DateInput, what: string): number {
  const ms =
    typeof value === 'number' ? value : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (!Number.isFinite(ms)) throw new BacktestError('INVALID_INPUT', `${what}: not a date: ${String(value)}`);
  return ms;
}

/** Checks shapes, dates, availability and corporate actions, and returns flat typed arrays. */
export function normalizeMarket(m: MarketData): NormalizedMarket {
  const D = m.dates.length;
  const S = m.symbols.length;
  if (D === 0 || S === 0)
    throw new BacktestError('INSUFFICIENT_DATA', `need at least one date and one symbol (got ${D} x ${S})`);
  const dates = Float64Array.from(m.dates, (d, i) => dateMs(d, `dates[${i}]`));
  for (let i = 1; i < D; i++) {
    if (!(dates[i]! > dates[i - 1]!))
      throw new BacktestError('INVALID_INPUT', `dates must be strictly ascending: dates[${i}] <= dates[${i - 1}]`);
  }
  const symbolIndex = new Map(m.symbols.map((s, i) => [s, i]));
  if (symbolIndex.size !== S) throw new BacktestError('INVALID_INPUT', 'symbols must be unique');
  const open = flatten(m.open, D, S, 'open');
  const close = flatten(m.close, D, S, 'close');
  const signal = flatten(m.signal, D, S, 'signal');
  if (m.signalAvailableAt) {
    if (!m.sessionCloses || m.sessionCloses.length !== D) {
      throw new BacktestError('INVALID_INPUT', 'signalAvailableAt needs sessionCloses with one close time per date');
    }
    const avail = flatten(m.signalAvailableAt, D, S, 'signalAvailableAt');
    for (let d = 0; d < D; d++) {
      const closeMs = m.sessionCloses[d]!;
      for (let s = 0; s < S; s++) {
        const k = d * S + s;
        if (Number.isNaN(signal[k]!)) continue;
        if (!(avail[k]! <= closeMs)) {
          throw new BacktestError(
            'LOOKAHEAD',
            `signal for ${m.symbols[s]} on ${new Date(dates[d]!).toISOString().slice(0, 10)} became available at ` +
              `${new Date(avail[k]!).toISOString()}, after that session's close ${new Date(closeMs).toISOString()}`,
          );
        }
      }
    }
  }
  const dateIndex = new Map(Array.from(dates, (d, i) => [d, i]));
  const byDate = (
    events: readonly { date: DateInput; symbol: string }[] | undefined,
    value: (e: never) => number,
    what: string,
    valid: (v: number) => boolean,
  ): (SessionActions[] | undefined)[] => {
    const out: (SessionActions[] | undefined)[] = new Array(D);
    for (const [i, e] of (events ?? []).entries()) {
      const d = dateIndex.get(dateMs(e.date, `${what}[${i}].date`));
      const s = symbolIndex.get(e.symbol);
      if (d === undefined)
        throw new BacktestError('INVALID_INPUT', `${what}[${i}]: date ${String(e.date)} is not a session of dates`);
      if (s === undefined) throw new BacktestError('INVALID_INPUT', `${what}[${i}]: unknown symbol ${e.symbol}`);
      const v = value(e as never);
      if (!valid(v)) throw new BacktestError('INVALID_INPUT', `${what}[${i}]: invalid value ${v}`);
      (out[d] ??= []).push({ symbol: s, value: v });
    }
    return out;
  };
  return {
    dates,
    symbols: m.symbols,
    open,
    close,
    signal,
    splits: byDate(
      m.splits,
      (e: { ratio: number }) => e.ratio,
      'splits',
      (v) => Number.isFinite(v) && v > 0,
    ),
    dividends: byDate(m.dividends, (e: { amount: number }) => e.amount, 'dividends', Number.isFinite),
  };
}

export function flatten(x: Matrix, D: number, S: number, name: string): Float64Array {
  if (x instanceof Float64Array) {
    if (x.length !== D * S)
      throw new BacktestError('INVALID_INPUT', `${name} has ${x.length} cells, expected ${D} x ${S}`);
    return x;
  }
  if (x.length !== D) throw new BacktestError('INVALID_INPUT', `${name} has ${x.length} rows, expected ${D}`);
  const out = new Float64Array(D * S);
  for (let d = 0; d < D; d++) {
    const row = x[d]!;
    if (row.length !== S)
      throw new BacktestError('INVALID_INPUT', `${name}[${d}] has ${row.length} columns, expected ${S}`);
    for (let s = 0; s < S; s++) out[d * S + s] = row[s]!;
  }
  return out;
}
