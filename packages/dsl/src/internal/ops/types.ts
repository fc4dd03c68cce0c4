/** What a window operator's SQL is built from. All argument SQL is compiler-made (column names, literals). */
export interface WindowContext {
  /** The arguments, rendered (column references or literals). */
  readonly args: readonly string[];
  /** Numeric parameters fixed at compile time (windows, offsets, quantiles). */
  readonly params: readonly number[];
  /** Names a window of `rows` rows ending at the current row, over one entity ordered by time. */
  frame(rows: number): string;
  /**
   * Names a window over one entity's rows whose event times lie in (t - seconds, t], t the current
   * row's event time (rows at the same event time are all inside).
   */
  timeFrame(seconds: number): string;
  /** Names a window over one entity's rows from `preceding` rows back (Infinity: all) to `following` rows ahead. */
  span(preceding: number, following: number): string;
  /** The entity's rows ordered by the value `by` (ascending, nulls first or last). */
  sortedBy(by: string, nullsLast: boolean): string;
  /** The entity's rows ordered by time, unframed (for LAG / LEAD). */
  readonly ordered: string;
  /** All entities at the current row's time. */
  readonly byTime: string;
}

/**
 * A window operator: the window function calls DuckDB evaluates in one layer (`raws`), and, when
 * the value needs more than one of them, a scalar `finish` over their columns computed right after.
 */
export interface WindowOp {
  /** How the rows are partitioned: an entity by time (default), all entities at a time, an entity by value. */
  readonly group?: 'entity' | 'time' | 'value';
  raws(c: WindowContext): string[];
  finish?(raw: readonly string[], c: WindowContext): string;
}

export function arg(c: WindowContext, i: number): string {
  const a = c.args[i];
  if (a === undefined) throw new Error(`missing argument ${i}`);
  return a;
}

export function param(c: WindowContext, i: number): number {
  const p = c.params[i];
  if (p === undefined) throw new Error(`missing parameter ${i}`);
  return p;
}

export function rawAt(raw: readonly string[], i: number): string {
  const r = raw[i];
  if (r === undefined) throw new Error(`missing raw column ${i}`);
  return r;
}
