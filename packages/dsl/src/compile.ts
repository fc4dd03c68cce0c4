import type { Expr, FieldRef } from './ast.ts';
import { type CheckedExpression, type CheckOptions, checkExpression } from './check.ts';
import { DslError } from './errors.ts';
import { latestAvailable, mergeReads, readsOf } from './internal/availability.ts';
import { BASE, emitQuery } from './internal/emit.ts';
import { IrBuilder, type IrNode } from './internal/ir.ts';
import { lowerExpression } from './internal/lower.ts';
import { quoteIdent, quoteRelation } from './internal/sql.ts';
import { parseExpression } from './parse.ts';

/** The relation the compiled query reads: one row per (entity, time), the latest version of each. */
export interface SourceRelation {
  /** A table, view or CTE name, quoted by the compiler; `['schema', 'table']` for a qualified name. */
  readonly relation: string | readonly string[];
  readonly entityColumn: string;
  /** Orders an entity's rows; must be unique per entity. */
  readonly timeColumn: string;
  readonly availableAtColumn: string;
  /**
   * The event time time windows (`Mean(x, 5d)`) range over, when `timeColumn` is not it (an as-of
   * series orders observations at one event time by an ordinal). Default: `timeColumn`.
   */
  readonly eventTimeColumn?: string | undefined;
  /** Field name as written after `$` (`close`, `tweets.sentiment_mean`) -> column of the relation. */
  readonly columns: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
  /**
   * The row's 1-based position in the entity's whole history, when the relation holds only a
   * suffix of it (an incremental run's warm-up rows and new rows). Positional operators (Slope,
   * Rsquare, Resi, IdxMax, IdxMin, EMA) then see the same positions, and so compute the same
   * floating-point values, as over the whole history. Default: the row number within the relation.
   */
  readonly rowNumberColumn?: string | undefined;
}

export interface CompileOptions extends CheckOptions {
  readonly source: SourceRelation;
}

export interface CompiledQuery {
  /**
   * One SELECT returning `entity`, `time`, `available_at`, then one DOUBLE column per expression, one
   * row per source row (unordered). `available_at` is the latest `available_at` among the rows any
   * of the values could have read (for a set, across all of its expressions).
   */
  readonly sql: string;
  /** The value columns, in order. */
  readonly columns: readonly string[];
  /** Each expression as checked, by column name: its fields, datasets, lookback and lookahead. */
  readonly expressions: Readonly<Record<string, CheckedExpression>>;
  /** Datasets read by any of the expressions: the lineage. */
  readonly datasets: readonly string[];
  /** The clock of every expression (they share one): null for sessions, else the as-of series' dataset. */
  readonly eventClock: string | null;
  /** Rows of warm-up history the query needs before the first row whose values are exact. */
  readonly lookback: number;
  readonly lookahead: number;
}

const OUTPUT_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;
const RESERVED = new Set(['entity', 'time', 'available_at']);

function columnOf(columns: SourceRelation['columns'], field: string): string | undefined {
  if (columns instanceof Map) return columns.get(field);
  const record = columns as Readonly<Record<string, string>>;
  return Object.hasOwn(record, field) ? record[field] : undefined;
}

function firstUse(e: Expr, field: string): FieldRef | undefined {
  switch (e.kind) {
    case 'field':
      return e.name === field ? e : undefined;
    case 'number':
    case 'duration':
      return undefined;
    case 'negate':
      return firstUse(e.operand, field);
    case 'binary':
      return firstUse(e.left, field) ?? firstUse(e.right, field);
    case 'call':
      for (const a of e.args) {
        const found = firstUse(a, field);
        if (found) return found;
      }
      return undefined;
  }
}

/** Compiles one expression; the value column is `value`. */
export function compileExpression(expression: string, options: CompileOptions): CompiledQuery {
  return compileFeatureSet({ value: expression }, options);
}

/**
 * Compiles named expressions into ONE query with a column each. Identical subexpressions are
 * computed once and window functions of the same depth share a layer, so a whole feature set
 * (Alpha158) costs a few sorts rather than one query per feature.
 */
export function compileFeatureSet(
  expressions: ReadonlyMap<string, string> | Readonly<Record<string, string>>,
  options: CompileOptions,
): CompiledQuery {
  const entries = expressions instanceof Map ? [...expressions] : Object.entries(expressions);
  if (entries.length === 0) throw new DslError('INVALID_NAME', 'a feature set needs at least one expression');
  const seen = new Set<string>();
  const checked: [string, CheckedExpression][] = [];
  for (const [name, text] of entries) {
    if (!OUTPUT_NAME.test(name) || RESERVED.has(name.toLowerCase())) {
      throw new DslError(
        'INVALID_NAME',
        `'${name}' is not a usable column name (letters, digits and _; not entity, time or available_at)`,
      );
    }
    if (seen.has(name.toLowerCase())) throw new DslError('INVALID_NAME', `'${name}' appears twice (names ignore case)`);
    seen.add(name.toLowerCase());
    try {
      checked.push([name, checkExpression(parseExpression(text), options)]);
    } catch (error) {
      throw error instanceof DslError && entries.length > 1 ? error.withFeature(name) : error;
    }
  }

  const clocks = new Set(checked.map(([, c]) => c.eventClock));
  if (clocks.size > 1) {
    const show = (clock: string | null) => (clock === null ? 'the session clock' : `${clock}'s event times`);
    const [first, second] = [...clocks];
    const name = checked.find(([, c]) => c.eventClock === second)![0];
    throw new DslError(
      'CLOCK',
      `'${name}' runs on ${show(second!)} and another expression on ${show(first!)}: one query computes expressions of one clock`,
    );
  }
  const { source } = options;
  const fields = [...new Set(checked.flatMap(([, c]) => c.fields))].sort();
  const baseColumn = new Map(fields.map((f, i) => [f, `f${i}`]));
  const quotedColumns = new Map<string, string>();
  for (const [name, c] of checked) {
    for (const field of c.fields) {
      const column = columnOf(source.columns, field);
      if (column === undefined) {
        const error = new DslError(
          'UNMAPPED_FIELD',
          `field $${field} has no column in the source relation`,
          firstUse(c.ast, field)?.pos,
        );
        throw entries.length > 1 ? error.withFeature(name) : error;
      }
      quotedColumns.set(baseColumn.get(field)!, quoteIdent(column));
    }
  }

  const ir = new IrBuilder();
  const ctx = {
    ir,
    field: (name: string) => ir.column(baseColumn.get(name)!, 'double'),
    rowNumber: () => ir.column(BASE.rowNumber, 'int'),
  };
  const outputs = checked.map(([name, c]) => {
    const node: IrNode = lowerExpression(c.ast, ctx);
    return { name, node: node.type === 'bool' ? ir.scalar('toDouble', 'double', [node]) : node };
  });
  const reads = mergeReads(checked.map(([, c]) => readsOf(c.ast)));
  const availability = latestAvailable(ir, ir.column(BASE.availableAt, 'time'), reads);

  const sql = emitQuery({
    source: {
      relation: quoteRelation(source.relation),
      entity: quoteIdent(source.entityColumn),
      time: quoteIdent(source.timeColumn),
      availableAt: quoteIdent(source.availableAtColumn),
      eventTime: source.eventTimeColumn === undefined ? undefined : quoteIdent(source.eventTimeColumn),
      rowNumber: source.rowNumberColumn === undefined ? undefined : quoteIdent(source.rowNumberColumn),
      fields: quotedColumns,
    },
    outputs,
    availability,
  });
  return {
    sql,
    columns: checked.map(([name]) => name),
    expressions: Object.fromEntries(checked),
    datasets: [...new Set(checked.flatMap(([, c]) => c.datasets))].sort(),
    eventClock: checked[0]![1].eventClock,
    lookback: Math.max(...checked.map(([, c]) => c.lookback)),
    lookahead: Math.max(...checked.map(([, c]) => c.lookahead)),
  };
}
