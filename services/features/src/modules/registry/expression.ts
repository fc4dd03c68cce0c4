import { BARS_DATASET } from '@alphagraph/datasets';
import {
  type CheckedExpression,
  checkExpression,
  DslError,
  type Expr,
  type FieldCatalog,
  type FieldInfo,
  formatExpression,
  OPERATORS,
  parseExpression,
} from '@alphagraph/dsl';

/** An expression that parsed and checked, in canonical text, with its lineage. */
export interface CanonicalExpression {
  readonly canonical: string;
  readonly checked: CheckedExpression;
  /** Datasets read (`bars`, alternative dataset names), sorted. */
  readonly datasets: readonly string[];
}

/** Why an expression was refused, with its 1-based position when the checker knows it. */
export interface ExpressionProblem {
  readonly message: string;
  readonly reason: string;
  readonly line: number | null;
  readonly column: number | null;
}

export type ExpressionResult =
  | { readonly ok: true; readonly value: CanonicalExpression }
  | { readonly ok: false; readonly problem: ExpressionProblem };

/** Parses and checks a feature expression against the catalog (features may not look ahead). */
export function canonicalExpression(text: string, fields: FieldCatalog): ExpressionResult {
  try {
    const checked = checkExpression(parseExpression(text), { fields, mode: 'feature' });
    return { ok: true, value: { canonical: formatExpression(checked.ast), checked, datasets: checked.datasets } };
  } catch (error) {
    if (!(error instanceof DslError)) throw error;
    return {
      ok: false,
      problem: {
        message: error.message,
        reason: error.code,
        line: error.position?.line ?? null,
        column: error.position?.column ?? null,
      },
    };
  }
}

function fieldsOf(e: Expr, out: Set<string>): Set<string> {
  switch (e.kind) {
    case 'field':
      out.add(e.name);
      break;
    case 'negate':
      fieldsOf(e.operand, out);
      break;
    case 'binary':
      fieldsOf(e.left, out);
      fieldsOf(e.right, out);
      break;
    case 'call':
      for (const a of e.args) fieldsOf(a, out);
      break;
    case 'number':
      break;
  }
  return out;
}

/**
 * Checks a stored expression for its shape alone (lookback, cross-sectional operators): every
 * field it names is taken as known. Stored expressions were checked against the catalog when
 * they were defined; this needs no database.
 */
export function checkStoredExpression(text: string): CheckedExpression {
  const ast = parseExpression(text);
  const fields = new Map<string, FieldInfo>(
    [...fieldsOf(ast, new Set())].map((f) =>
      f.includes('.') ? [f, { dataset: f.split('.')[0]!, eventTime: true }] : [f, { dataset: BARS_DATASET.name }],
    ),
  );
  return checkExpression(ast, { fields, mode: 'feature' });
}

/** Whether an expression ranks or scores across entities (CSRank, CSZScore). */
export function isCrossSectional(e: Expr): boolean {
  switch (e.kind) {
    case 'call':
      return OPERATORS.get(e.name)?.kind === 'cross-sectional' || e.args.some(isCrossSectional);
    case 'negate':
      return isCrossSectional(e.operand);
    case 'binary':
      return isCrossSectional(e.left) || isCrossSectional(e.right);
    default:
      return false;
  }
}

/** The canonical form of a stored expression (older rows may hold the text as typed). */
export function canonicalOfStored(text: string): string | null {
  try {
    return formatExpression(parseExpression(text));
  } catch {
    return null;
  }
}
