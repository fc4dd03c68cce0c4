import type { SourcePosition } from './ast.ts';

export type DslErrorCode =
  /** The text is not an expression of the language (a stray character, a missing parenthesis). */
  | 'SYNTAX'
  /** A name in call position that is not one of the operators. */
  | 'UNKNOWN_OPERATOR'
  /** A `$field` the catalog does not list. */
  | 'UNKNOWN_FIELD'
  /** An operator called with the wrong number of arguments. */
  | 'ARITY'
  /** An argument of the wrong kind or out of range (a window that is not a positive integer literal). */
  | 'ARGUMENT'
  /** A condition where a number is needed or the other way round. */
  | 'TYPE'
  /** A feature that reads the future (`Ref` with a negative offset). */
  | 'LOOKAHEAD'
  /** An expression past the size or nesting limits. */
  | 'LIMIT'
  /** An output name that is not a plain identifier, or a duplicate. */
  | 'INVALID_NAME'
  /** A field the checker accepted but the source relation has no column for. */
  | 'UNMAPPED_FIELD'
  /**
   * Clocks mixed: an as-of series (`AsOf`, a time window) beside a market field or a session
   * aggregate, or two datasets' event times in one expression or query.
   */
  | 'CLOCK';

/**
 * The expression language's error base: a code, a message a user can act on ending in the position
 * (`Mean expects a positive integer window, got -3 at 1:14`), and, for feature sets, the feature name.
 */
export class DslError extends Error {
  /** The feature (output name) the error belongs to, when compiling a feature set. */
  readonly feature: string | undefined;

  constructor(
    readonly code: DslErrorCode,
    /** The problem alone, without position or feature. */
    readonly detail: string,
    readonly position?: SourcePosition,
    options?: { cause?: unknown; feature?: string },
  ) {
    const where = position ? ` at ${position.line}:${position.column}` : '';
    const prefix = options?.feature ? `${options.feature}: ` : '';
    super(`${prefix}${detail}${where}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'DslError';
    this.feature = options?.feature;
  }

  /** The same error, attributed to a feature of a set. */
  withFeature(feature: string): DslError {
    return new DslError(this.code, this.detail, this.position, { cause: this, feature });
  }
}
