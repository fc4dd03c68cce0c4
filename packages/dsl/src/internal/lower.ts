import type { BinaryOperator, CallExpr, Expr } from '../ast.ts';
import { literalValue } from '../check.ts';
import type { IrBuilder, IrNode } from './ir.ts';
import { emaTruncation } from './ops/smoothing.ts';

const BINARY: Record<BinaryOperator, string> = {
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  '>': 'gt',
  '<': 'lt',
  '>=': 'ge',
  '<=': 'le',
  '==': 'eq',
  '!=': 'ne',
  '&': 'and',
  '|': 'or',
};

/** Rolling operators whose SQL takes just (x) and the window. */
const SIMPLE_ROLLING = new Set([
  'Mean',
  'Sum',
  'Std',
  'Var',
  'Skew',
  'Kurt',
  'Min',
  'Max',
  'Med',
  'Mad',
  'Count',
  'Delta',
  'Rank',
]);
/** Rolling operators that also need the row's position (the entity's row number). */
const POSITIONAL = new Set(['Slope', 'Rsquare', 'Resi', 'WMA']);

export interface LowerContext {
  readonly ir: IrBuilder;
  /** The base column holding a field's values. */
  field(name: string): IrNode;
  /** The base column holding the entity's 1-based row number. */
  rowNumber(): IrNode;
}

/** Translates a checked expression into IR nodes (shared with everything else built on `ctx.ir`). */
export function lowerExpression(e: Expr, ctx: LowerContext): IrNode {
  const { ir } = ctx;
  const num = (node: IrNode): IrNode => (node.type === 'bool' ? ir.scalar('toDouble', 'double', [node]) : node);
  const lit = (arg: Expr | undefined): number => {
    const value = arg ? literalValue(arg) : undefined;
    if (value === undefined) throw new Error('checked expression lacks a literal');
    return value;
  };
  const series = (arg: Expr | undefined): IrNode => {
    if (!arg) throw new Error('checked expression lacks an argument');
    return num(lowerExpression(arg, ctx));
  };

  switch (e.kind) {
    case 'number':
      return ir.constant(e.value);
    case 'duration':
      throw new Error('checked expression has a duration outside a window');
    case 'field':
      return ctx.field(e.name);
    case 'negate':
      return e.operand.kind === 'number'
        ? ir.constant(-e.operand.value)
        : ir.scalar('neg', 'double', [series(e.operand)]);
    case 'binary': {
      const op = BINARY[e.op];
      if (op === 'and' || op === 'or') {
        return ir.scalar(op, 'bool', [lowerExpression(e.left, ctx), lowerExpression(e.right, ctx)]);
      }
      const type = op === 'add' || op === 'sub' || op === 'mul' || op === 'div' ? 'double' : 'bool';
      return ir.scalar(op, type, [series(e.left), series(e.right)]);
    }
    case 'call':
      return lowerCall(e, ctx, { series, lit });
  }
}

function lowerCall(
  e: CallExpr,
  ctx: LowerContext,
  h: { series: (a: Expr | undefined) => IrNode; lit: (a: Expr | undefined) => number },
): IrNode {
  const { ir } = ctx;
  const [a0, a1, a2] = e.args;
  // A time window: the checker allowed it for these operators only (spec.timeWindow).
  if (a1?.kind === 'duration') return ir.window(`${e.name.toLowerCase()}_time`, 'double', [h.series(a0)], [a1.seconds]);
  // The as-of series is the field itself: the source relation holds one row per event time.
  if (e.name === 'AsOf') return h.series(a0);
  if (SIMPLE_ROLLING.has(e.name)) return ir.window(e.name.toLowerCase(), 'double', [h.series(a0)], [h.lit(a1)]);
  if (POSITIONAL.has(e.name)) {
    return ir.window(e.name.toLowerCase(), 'double', [h.series(a0), ctx.rowNumber()], [h.lit(a1)]);
  }
  switch (e.name) {
    case 'Ref': {
      const offset = h.lit(a1);
      return offset > 0
        ? ir.window('ref', 'double', [h.series(a0)], [offset])
        : ir.window('lead', 'double', [h.series(a0)], [-offset]);
    }
    case 'IdxMax':
    case 'IdxMin': {
      const x = h.series(a0);
      const rank = ir.window('valueRank', 'int', [x], [e.name === 'IdxMax' ? 1 : 0]);
      return ir.window(e.name.toLowerCase(), 'double', [rank, x, ctx.rowNumber()], [h.lit(a1)]);
    }
    case 'Quantile':
      return ir.window('quantile', 'double', [h.series(a0)], [h.lit(a1), h.lit(a2)]);
    case 'EMA': {
      const { decay, rows } = emaTruncation(h.lit(a1));
      // alpha = 1 keeps only the current row.
      if (rows === 1) return h.series(a0);
      return ir.window('ema', 'double', [h.series(a0), ctx.rowNumber()], [decay, rows]);
    }
    case 'Corr':
    case 'Cov':
      return ir.window(e.name.toLowerCase(), 'double', [h.series(a0), h.series(a1)], [h.lit(a2)]);
    case 'Abs':
    case 'Sign':
    case 'Log':
      return ir.scalar(e.name.toLowerCase(), 'double', [h.series(a0)]);
    case 'Power':
      return ir.scalar('power', 'double', [h.series(a0), ir.constant(h.lit(a1))]);
    case 'Greater':
    case 'Less':
      return ir.scalar(e.name.toLowerCase(), 'double', [h.series(a0), h.series(a1)]);
    case 'If': {
      if (!a0) throw new Error('checked If lacks a condition');
      return ir.scalar('if', 'double', [lowerExpression(a0, ctx), h.series(a1), h.series(a2)]);
    }
    case 'CSRank':
    case 'CSZScore':
      return ir.window(e.name.toLowerCase(), 'double', [h.series(a0)]);
    default:
      throw new Error(`no lowering for operator ${e.name}`);
  }
}
