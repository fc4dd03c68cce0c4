import type { Expr } from './ast.ts';
import { parseTokens } from './internal/parser.ts';

/**
 * Parses an expression into its typed syntax tree. Anything outside the grammar (strings, comments,
 * `;`, names that are not operators) is a `DslError` pointing at the offending token.
 */
export function parseExpression(source: string): Expr {
  return parseTokens(source);
}
