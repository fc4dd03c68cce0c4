/** Thrown where a switch over a closed set of values meets one it does not know (Apollo's pattern). */
export class UnreachableCaseError extends Error {
  constructor(value: never, what = 'value') {
    super(`unexpected ${what}: ${JSON.stringify(value)}`);
    this.name = 'UnreachableCaseError';
  }
}

/**
 * Closes an exhaustive switch: a case added to the union fails to typecheck here, and a value the
 * types did not foresee (a row written by a newer version) fails loudly instead of mapping to a default.
 */
export function assertNever(value: never, what?: string): never {
  throw new UnreachableCaseError(value, what);
}
