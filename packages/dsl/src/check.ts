import type { CallExpr, Expr, SourcePosition } from './ast.ts';
import { EXPRESSION_BUDGET, formatCount } from './budget.ts';
import { DslError } from './errors.ts';
import { closestName } from './internal/closest.ts';
import { emaTruncation } from './internal/ops/smoothing.ts';
import { OPERATORS, type OperatorParam, type OperatorSpec } from './operators.ts';

/** The fields without a dataset prefix: one bar's prices and volume. */
export const MARKET_FIELDS: readonly string[] = ['open', 'high', 'low', 'close', 'volume', 'vwap'];

/** Where a field comes from; the compiler reports the datasets an expression reads (its lineage). */
export interface FieldInfo {
  readonly dataset: string;
  /**
   * Whether the field can be read as an as-of series on its dataset's own event times (`AsOf`,
   * time windows): a declared field of an alternative dataset, not a market field or a session
   * aggregate.
   */
  readonly eventTime?: boolean;
}

/** The fields that exist, keyed as written after `$`: `close`, `tweets.sentiment_mean`. */
export type FieldCatalog = ReadonlyMap<string, FieldInfo> | Readonly<Record<string, FieldInfo>>;

/** A feature may only look back; a label may also look forward (`Ref(x, -n)`). */
export type ExpressionMode = 'feature' | 'label';

export interface CheckOptions {
  readonly fields: FieldCatalog;
  readonly mode?: ExpressionMode;
}

export type ValueType = 'number' | 'condition';

/** An expression that passed every check, with what it reads. */
export interface CheckedExpression {
  readonly ast: Expr;
  readonly type: ValueType;
  /** Field names read, sorted (`close`, `tweets.sentiment_mean`). */
  readonly fields: readonly string[];
  /** Datasets read, sorted: the lineage. */
  readonly datasets: readonly string[];
  /** Rows before the current one a value can depend on (the warm-up an incremental run re-reads). */
  readonly lookback: number;
  /** Rows after the current one a value can depend on (0 for every feature). */
  readonly lookahead: number;
  /**
   * The clock the expression runs on: null for the session clock (one row per daily bar or NYSE
   * session); a dataset name for an as-of series on that dataset's event times (`AsOf`, `5d`).
   */
  readonly eventClock: string | null;
}

/** Time windows longer than this (ten years) are refused as typos. */
export const MAX_TIME_WINDOW_SECONDS = 3660 * 86_400;

/** The operators whose window may be a duration, for messages. */
const TIMED = () =>
  [...OPERATORS.values()]
    .filter((o) => o.timeWindow)
    .map((o) => o.name)
    .join(', ');

/**
 * Whether the expression is an as-of series (it calls AsOf or has a time window), after refusing
 * durations anywhere but in the window of an operator that takes one.
 */
function usesEventClock(e: Expr): boolean {
  switch (e.kind) {
    case 'duration':
      throw new DslError(
        'ARGUMENT',
        `a duration (${e.text}) can only be the window of ${TIMED()} over an as-of series, e.g. Mean($vendor.sentiment, 5d)`,
        e.pos,
      );
    case 'number':
    case 'field':
      return false;
    case 'negate':
      return usesEventClock(e.operand);
    case 'binary':
      return [usesEventClock(e.left), usesEventClock(e.right)].some(Boolean);
    case 'call': {
      const spec = OPERATORS.get(e.name);
      let found = e.name === 'AsOf';
      e.args.forEach((a, i) => {
        if (a.kind === 'negate' && a.operand.kind === 'duration' && spec?.params[i]?.kind === 'window') {
          throw new DslError('ARGUMENT', `${e.name} expects a positive time window, got -${a.operand.text}`, a.pos);
        }
        if (a.kind === 'duration' && spec?.params[i]?.kind === 'window') {
          if (!spec.timeWindow) {
            throw new DslError(
              'ARGUMENT',
              `${e.name} takes a window of N observations, not a duration (${a.text}); time windows are supported by ${TIMED()}`,
              a.pos,
            );
          }
          found = true;
        } else if (usesEventClock(a)) found = true;
      });
      return found;
    }
  }
}

/** Windows larger than this are refused as typos (a million rows is years of minute bars). */
export const MAX_WINDOW = 1_000_000;

interface Info {
  type: ValueType;
  readsField: boolean;
  lookback: number;
  lookahead: number;
  /** Window operators stacked on one another below (and including) this node. */
  windowDepth: number;
  /** Size of the SQL the compiler inlines for this node into the layer that reads it. */
  sqlWeight: number;
}

/** Operators whose SQL mentions each argument twice (see internal/ops/scalar.ts). */
const TWICE = new Set(['Greater', 'Less', 'Power']);
/** Window operators the compiler lowers to two stacked windows (a value rank, then the position). */
const TWO_LAYERS = new Set(['IdxMax', 'IdxMin']);

export function lookupField(fields: FieldCatalog, name: string): FieldInfo | undefined {
  if (fields instanceof Map) return fields.get(name);
  const record = fields as Readonly<Record<string, FieldInfo>>;
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/** A literal argument: a number, possibly negated. */
export function literalValue(e: Expr): number | undefined {
  if (e.kind === 'number') return e.value;
  if (e.kind === 'negate' && e.operand.kind === 'number') return -e.operand.value;
  return undefined;
}

function describe(e: Expr, value: number | undefined): string {
  if (e.kind === 'duration') return e.text;
  if (e.kind === 'negate' && e.operand.kind === 'duration') return `-${e.operand.text}`;
  return value === undefined ? (e.kind === 'field' ? `$${e.name}` : 'an expression') : String(value);
}

const ordinals = ['first', 'second', 'third'];

/** ` (did you mean $close?)` for a misspelt field. */
function fieldSuggestion(name: string, known: Iterable<string>): string {
  const closest = closestName(name, known);
  return closest && closest !== name ? ` (did you mean $${closest}?)` : '';
}

class Checker {
  readonly fields = new Set<string>();
  readonly datasets = new Set<string>();
  /** SQL the compiler renders into window-argument layers, summed over the whole tree. */
  sqlTotal = 0;
  private nodes = 0;
  /** The dataset whose event times an as-of expression follows (set by its first field). */
  eventClock: string | null = null;

  constructor(
    private readonly options: CheckOptions,
    /** Whether the expression is an as-of series (AsOf or a time window somewhere in it). */
    private readonly asOf: boolean,
  ) {}

  visit(e: Expr): Info {
    if (++this.nodes > EXPRESSION_BUDGET.maxNodes) {
      throw new DslError(
        'LIMIT',
        `expression has more than ${EXPRESSION_BUDGET.maxNodes} numbers, fields and operators (the complexity budget); split it into several features`,
        e.pos,
      );
    }
    const info = this.node(e);
    this.weigh(info.sqlWeight, e.pos);
    return info;
  }

  weigh(weight: number, pos: SourcePosition): void {
    if (weight > EXPRESSION_BUDGET.maxSqlWeight || this.sqlTotal > EXPRESSION_BUDGET.maxSqlWeight) {
      throw new DslError(
        'LIMIT',
        `expression compiles to more than ${formatCount(EXPRESSION_BUDGET.maxSqlWeight)} SQL terms (the complexity budget; Greater, Less and Power repeat their arguments, so nesting them doubles the size)`,
        pos,
      );
    }
  }

  private node(e: Expr): Info {
    switch (e.kind) {
      case 'number':
        this.literal(e.value, e.pos);
        return { type: 'number', readsField: false, lookback: 0, lookahead: 0, windowDepth: 0, sqlWeight: 1 };
      case 'duration':
        // usesEventClock refused durations outside windows before the visit.
        throw new DslError('ARGUMENT', `a duration (${e.text}) can only be a window`, e.pos);
      case 'field':
        this.field(e.name, e.pos);
        return { type: 'number', readsField: true, lookback: 0, lookahead: 0, windowDepth: 0, sqlWeight: 1 };
      case 'negate': {
        const inner = this.visit(e.operand);
        return { ...inner, type: 'number', sqlWeight: inner.sqlWeight + 1 };
      }
      case 'binary': {
        const logical = e.op === '&' || e.op === '|';
        const left = logical ? this.condition(e.left, e.op) : this.visit(e.left);
        const right = logical ? this.condition(e.right, e.op) : this.visit(e.right);
        const type: ValueType = e.op === '+' || e.op === '-' || e.op === '*' || e.op === '/' ? 'number' : 'condition';
        return { ...merge([left, right]), type, sqlWeight: left.sqlWeight + right.sqlWeight + 1 };
      }
      case 'call':
        return this.call(e);
    }
  }

  /** A numeric literal must render as a DuckDB DOUBLE that reads back as itself (EXPRESSION_BUDGET). */
  literal(value: number, pos: SourcePosition): void {
    const { min, max } = EXPRESSION_BUDGET.literalMagnitude;
    const size = Math.abs(value);
    if (!Number.isFinite(value) || (size !== 0 && (size < min || size > max))) {
      throw new DslError(
        'LIMIT',
        `number ${value} is outside the range of literals (0, or between ${min} and ${max} in magnitude)`,
        pos,
      );
    }
  }

  private field(name: string, pos: SourcePosition): void {
    if (!name.includes('.') && !MARKET_FIELDS.includes(name)) {
      const market = MARKET_FIELDS.map((f) => `$${f}`).join(' ');
      throw new DslError(
        'UNKNOWN_FIELD',
        `unknown field $${name}${fieldSuggestion(name, MARKET_FIELDS)}: market fields are ${market}, alternative data is $dataset.field`,
        pos,
      );
    }
    const info = lookupField(this.options.fields, name);
    if (!info) {
      const known = this.options.fields instanceof Map ? this.options.fields.keys() : Object.keys(this.options.fields);
      throw new DslError(
        'UNKNOWN_FIELD',
        `unknown field $${name}${fieldSuggestion(name, known)}: no dataset provides it`,
        pos,
      );
    }
    if (this.asOf) this.eventField(name, info, pos);
    this.fields.add(name);
    this.datasets.add(info.dataset);
  }

  /** In an as-of expression every field is a declared field of one alternative dataset. */
  private eventField(name: string, info: FieldInfo, pos: SourcePosition): void {
    const why = 'an expression with AsOf or a time window (5d) is an as-of series on one dataset’s own event times';
    if (!name.includes('.')) {
      throw new DslError(
        'CLOCK',
        `$${name} is a market field on the session clock, and ${why}: time windows and AsOf apply to alternative fields ($dataset.field) only`,
        pos,
      );
    }
    if (!info.eventTime) {
      throw new DslError(
        'CLOCK',
        `$${name} is a session aggregate (one value per NYSE session), and ${why}: read a declared field of the dataset instead`,
        pos,
      );
    }
    if (this.eventClock !== null && this.eventClock !== info.dataset) {
      throw new DslError(
        'CLOCK',
        `$${name} is from ${info.dataset}, but this as-of series runs on ${this.eventClock}'s event times: ${why}; compute each dataset in its own feature`,
        pos,
      );
    }
    this.eventClock = info.dataset;
  }

  private condition(e: Expr, op: string): Info {
    const info = this.visit(e);
    if (info.type !== 'condition') {
      throw new DslError(
        'TYPE',
        `${op} expects a condition on each side (a comparison, & or |), e.g. ($close > $open) ${op} ($volume > 0)`,
        e.pos,
      );
    }
    return info;
  }

  private call(e: CallExpr): Info {
    const spec = OPERATORS.get(e.name)!;
    if (e.args.length !== spec.params.length) {
      const names = spec.params.map((p) => p.name).join(', ');
      const count = spec.params.length === 1 ? '1 argument' : `${spec.params.length} arguments`;
      throw new DslError('ARITY', `${e.name} expects ${count} (${names}), got ${e.args.length}`, e.pos);
    }
    if (spec.name === 'AsOf' && e.args[0]!.kind !== 'field') {
      throw new DslError(
        'ARGUMENT',
        `AsOf expects an alternative field such as $vendor.sentiment, got ${describe(e.args[0]!, literalValue(e.args[0]!))}`,
        e.args[0]!.pos,
      );
    }
    if (spec.kind === 'cross-sectional' && this.asOf) {
      throw new DslError(
        'CLOCK',
        `${spec.name} compares entities at one time, but an as-of series has its own event times per entity: compute ${spec.name} over session-clock fields`,
        e.pos,
      );
    }
    const infos: Info[] = [];
    let lookback = 0;
    let lookahead = 0;
    e.args.forEach((arg, i) => {
      const param = spec.params[i]!;
      const shift = this.argument(spec, param, arg);
      if (shift) {
        lookback = Math.max(lookback, shift.lookback);
        lookahead = Math.max(lookahead, shift.lookahead);
      } else {
        infos.push(this.seriesArgument(spec, param, arg, i));
      }
    });
    const inner = merge(infos);
    const result: Info = {
      type: 'number',
      readsField: inner.readsField,
      lookback: inner.lookback + lookback,
      lookahead: inner.lookahead + lookahead,
      windowDepth: inner.windowDepth,
      sqlWeight: infos.reduce((sum, i) => sum + i.sqlWeight, 1),
    };
    if (spec.kind === 'elementwise') {
      if (TWICE.has(spec.name)) result.sqlWeight = 2 * result.sqlWeight - 1;
    } else {
      // A window operator's arguments are rendered once into the layer below it; it is then a column.
      this.sqlTotal += result.sqlWeight;
      result.sqlWeight = 1;
      result.windowDepth += TWO_LAYERS.has(spec.name) ? 2 : 1;
      if (result.windowDepth > EXPRESSION_BUDGET.maxWindowDepth) {
        throw new DslError(
          'LIMIT',
          `expression stacks more than ${EXPRESSION_BUDGET.maxWindowDepth} window operators (${spec.name} over ${spec.name}, ...) on one another: the complexity budget`,
          e.pos,
        );
      }
    }
    const reach = Math.max(result.lookback, result.lookahead);
    if (reach > EXPRESSION_BUDGET.maxLookback) {
      throw new DslError(
        'LIMIT',
        `expression reads ${formatCount(reach)} rows of history around a value, more than the complexity budget of ${formatCount(EXPRESSION_BUDGET.maxLookback)}`,
        e.pos,
      );
    }
    return result;
  }

  private seriesArgument(spec: OperatorSpec, param: OperatorParam, arg: Expr, i: number): Info {
    const info = this.visit(arg);
    const nth = spec.params.length === 1 ? '' : ` as its ${ordinals[i]} argument`;
    if (param.kind === 'series' && !info.readsField) {
      throw new DslError('ARGUMENT', `${spec.name} expects a series${nth}, got a constant`, arg.pos);
    }
    if (param.kind === 'condition' && info.type !== 'condition') {
      throw new DslError('TYPE', `${spec.name} expects a condition (a comparison, & or |)${nth}`, arg.pos);
    }
    return info;
  }

  /** Checks a literal parameter; returns the rows it makes the operator look back or ahead. */
  private argument(
    spec: OperatorSpec,
    param: OperatorParam,
    arg: Expr,
  ): { lookback: number; lookahead: number } | undefined {
    const value = literalValue(arg);
    const got = describe(arg, value);
    const fail = (what: string): never => {
      throw new DslError('ARGUMENT', `${spec.name} expects ${what}, got ${got}`, arg.pos);
    };
    const isInt = value !== undefined && Number.isSafeInteger(value);
    if (value !== undefined && param.kind !== 'series' && param.kind !== 'value' && param.kind !== 'condition') {
      this.literal(value, arg.pos);
    }
    switch (param.kind) {
      case 'series':
      case 'value':
      case 'condition':
        return undefined;
      case 'window': {
        if (arg.kind === 'duration') {
          // usesEventClock allowed durations only where spec.timeWindow holds.
          if (arg.seconds <= 0) fail('a positive time window');
          if (arg.seconds > MAX_TIME_WINDOW_SECONDS)
            fail(`a time window of at most ${MAX_TIME_WINDOW_SECONDS / 86_400}d`);
          return { lookback: 0, lookahead: 0 };
        }
        if (arg.kind === 'negate' && arg.operand.kind === 'duration') fail('a positive time window');
        if (!isInt || value <= 0) fail('a positive integer window');
        if (value! > MAX_WINDOW) fail(`a window of at most ${MAX_WINDOW}`);
        if (spec.minWindow && value! < spec.minWindow) fail(`a window of at least ${spec.minWindow}`);
        // Delta reads exactly N rows back; every other window spans N rows including the current one.
        return { lookback: spec.name === 'Delta' ? value! : value! - 1, lookahead: 0 };
      }
      case 'offset': {
        if (!isInt || value === 0) fail('a non-zero integer offset (Ref(x, 0) would just be x)');
        if (Math.abs(value!) > MAX_WINDOW) fail(`an offset of at most ${MAX_WINDOW} rows`);
        if (value! < 0 && this.options.mode !== 'label') {
          throw new DslError(
            'LOOKAHEAD',
            `Ref with a negative offset (${value}) reads the future; only labels may do that`,
            arg.pos,
          );
        }
        return value! > 0 ? { lookback: value!, lookahead: 0 } : { lookback: 0, lookahead: -value! };
      }
      case 'exponent':
        if (value === undefined) fail('a numeric literal exponent');
        return { lookback: 0, lookahead: 0 };
      case 'quantile':
        if (value === undefined || !(value > 0 && value < 1))
          fail('a quantile strictly between 0 and 1 (use Min or Max for 0 or 1)');
        return { lookback: 0, lookahead: 0 };
      case 'span': {
        const ok = value !== undefined && ((isInt && value > 0 && value <= MAX_WINDOW) || (value > 0 && value < 1));
        if (!ok) fail('a positive integer span or a smoothing factor strictly between 0 and 1');
        const { decay, rows } = emaTruncation(value!);
        if (!(decay < 1) || !Number.isFinite(rows) || rows > EXPRESSION_BUDGET.maxLookback) {
          const need = Number.isFinite(rows) && decay < 1 ? `${formatCount(rows)} rows` : 'unbounded history';
          fail(
            `a span of at most ${formatCount(EMA_MAX_SPAN)} or a smoothing factor of at least ${EMA_MIN_ALPHA} ` +
              `(its weights must fall below 1e-16 within the complexity budget of ${formatCount(EXPRESSION_BUDGET.maxLookback)} rows; this one needs ${need})`,
          );
        }
        return { lookback: rows - 1, lookahead: 0 };
      }
    }
  }
}

function merge(infos: readonly Info[]): Info {
  return {
    type: 'number',
    readsField: infos.some((i) => i.readsField),
    lookback: Math.max(0, ...infos.map((i) => i.lookback)),
    lookahead: Math.max(0, ...infos.map((i) => i.lookahead)),
    windowDepth: Math.max(0, ...infos.map((i) => i.windowDepth)),
    sqlWeight: infos.reduce((sum, i) => sum + i.sqlWeight, 0),
  };
}

/** The largest EMA span whose truncated window fits the lookback budget. */
export const EMA_MAX_SPAN: number = (() => {
  let lo = 1;
  let hi = MAX_WINDOW;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (emaTruncation(mid).rows <= EXPRESSION_BUDGET.maxLookback) lo = mid;
    else hi = mid - 1;
  }
  return lo;
})();

/** The smallest smoothing factor accepted, to 3 significant digits rounded up (3.69e-5). */
export const EMA_MIN_ALPHA: number = (() => {
  const alpha = 2 / (EMA_MAX_SPAN + 1);
  const scale = 10 ** (Math.floor(Math.log10(alpha)) - 2);
  return Number((Math.ceil(alpha / scale) * scale).toPrecision(3));
})();

/**
 * Checks a parsed expression against the operator signatures and the field catalog: arity,
 * literal windows and constants, conditions where conditions belong, fields that exist, and no
 * look into the future unless `mode` is `label`. Throws the first problem as a positioned `DslError`.
 */
export function checkExpression(ast: Expr, options: CheckOptions): CheckedExpression {
  const checker = new Checker(options, usesEventClock(ast));
  const info = checker.visit(ast);
  checker.sqlTotal += info.sqlWeight;
  checker.weigh(0, ast.pos);
  if (!info.readsField) {
    throw new DslError('ARGUMENT', 'the expression reads no field: a feature needs at least one $field', ast.pos);
  }
  return {
    ast,
    type: info.type,
    fields: [...checker.fields].sort(),
    datasets: [...checker.datasets].sort(),
    lookback: info.lookback,
    lookahead: info.lookahead,
    eventClock: checker.eventClock,
  };
}
