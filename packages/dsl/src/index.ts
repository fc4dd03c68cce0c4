export { ALPHA158, ALPHA158_QLIB_VWAP0, ALPHA158_WINDOWS } from './alpha158.ts';
export type {
  ArithmeticOperator,
  BinaryExpr,
  BinaryOperator,
  CallExpr,
  ComparisonOperator,
  DurationLiteral,
  Expr,
  FieldRef,
  LogicalOperator,
  NumberLiteral,
  SourcePosition,
  UnaryMinus,
} from './ast.ts';
export { EXPRESSION_BUDGET, type ExpressionBudget } from './budget.ts';
export {
  type CheckedExpression,
  type CheckOptions,
  checkExpression,
  EMA_MAX_SPAN,
  EMA_MIN_ALPHA,
  type ExpressionMode,
  type FieldCatalog,
  type FieldInfo,
  MARKET_FIELDS,
  MAX_TIME_WINDOW_SECONDS,
  MAX_WINDOW,
  type ValueType,
} from './check.ts';
export {
  type CompiledQuery,
  type CompileOptions,
  compileExpression,
  compileFeatureSet,
  type SourceRelation,
} from './compile.ts';
export { DslError, type DslErrorCode } from './errors.ts';
export { formatExpression } from './format.ts';
export {
  isOperatorName,
  OPERATORS,
  type OperatorDoc,
  type OperatorEntry,
  type OperatorKind,
  type OperatorParam,
  type OperatorSpec,
  operatorCatalogue,
  operatorTableMarkdown,
  type ParamKind,
} from './operators.ts';
export { parseExpression } from './parse.ts';
