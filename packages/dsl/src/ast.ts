/** A place in the expression text, 1-based, as shown in error messages (`line:column`). */
export interface SourcePosition {
  readonly line: number;
  readonly column: number;
  /** 0-based offset into the text. */
  readonly offset: number;
}

export type ArithmeticOperator = '+' | '-' | '*' | '/';
export type ComparisonOperator = '>' | '<' | '>=' | '<=' | '==' | '!=';
/** `&` and `|`: Qlib's `And` / `Or` over conditions. */
export type LogicalOperator = '&' | '|';
export type BinaryOperator = ArithmeticOperator | ComparisonOperator | LogicalOperator;

/** A numeric literal, kept as its parsed value: the compiler re-renders it, never the user's text. */
export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
  readonly pos: SourcePosition;
}

/** `$close` (name `close`) or an alternative field `$tweets.sentiment` (name `tweets.sentiment`). */
export interface FieldRef {
  readonly kind: 'field';
  readonly name: string;
  readonly pos: SourcePosition;
}

/**
 * A duration literal, `5d` (units s, m, h, d, w): a time window over an as-of series' own event
 * times (`Mean($vendor.sentiment, 5d)`), kept in seconds.
 */
export interface DurationLiteral {
  readonly kind: 'duration';
  readonly seconds: number;
  /** As written, normalised to its count and unit (`5d`). */
  readonly text: string;
  readonly pos: SourcePosition;
}

export interface UnaryMinus {
  readonly kind: 'negate';
  readonly operand: Expr;
  readonly pos: SourcePosition;
}

export interface BinaryExpr {
  readonly kind: 'binary';
  readonly op: BinaryOperator;
  readonly left: Expr;
  readonly right: Expr;
  /** Where the left operand starts. */
  readonly pos: SourcePosition;
  /** Where the operator is. */
  readonly opPos: SourcePosition;
}

export interface CallExpr {
  readonly kind: 'call';
  /** One of the operator names (checked by the parser). */
  readonly name: string;
  readonly args: readonly Expr[];
  readonly pos: SourcePosition;
}

/** The typed syntax tree of one expression. */
export type Expr = NumberLiteral | DurationLiteral | FieldRef | UnaryMinus | BinaryExpr | CallExpr;
