import type { BinaryOperator, Expr } from './ast.ts';

const PRECEDENCE: Record<BinaryOperator, number> = {
  '|': 1,
  '&': 2,
  '>': 3,
  '<': 3,
  '>=': 3,
  '<=': 3,
  '==': 3,
  '!=': 3,
  '+': 4,
  '-': 4,
  '*': 5,
  '/': 5,
};
const UNARY = 6;

function precedenceOf(e: Expr): number {
  if (e.kind === 'binary') return PRECEDENCE[e.op];
  if (e.kind === 'negate') return UNARY;
  return 7;
}

/**
 * The canonical text of an expression: single spaces around binary operators, `, ` between
 * arguments, parentheses only where needed (and always around a comparison next to `&` / `|`),
 * numbers in their shortest form. Two texts with the same tree format identically, so a registry
 * can tell a changed expression from a reformatted one.
 */
export function formatExpression(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return String(e.value);
    case 'duration':
      return e.text;
    case 'field':
      return `$${e.name}`;
    case 'negate': {
      const inner = formatExpression(e.operand);
      return precedenceOf(e.operand) < UNARY || e.operand.kind === 'negate' ? `-(${inner})` : `-${inner}`;
    }
    case 'call':
      return `${e.name}(${e.args.map(formatExpression).join(', ')})`;
    case 'binary': {
      const p = PRECEDENCE[e.op];
      const logical = p <= 2;
      const wrap = (side: Expr, right: boolean): string => {
        const q = precedenceOf(side);
        const needs = q < p || (right && q === p) || (logical && q === 3) || (p === 3 && q === 3);
        const text = formatExpression(side);
        return needs ? `(${text})` : text;
      };
      return `${wrap(e.left, false)} ${e.op} ${wrap(e.right, true)}`;
    }
  }
}
