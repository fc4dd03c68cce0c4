/**
 * `db.execute` returns an array on postgres-js and `{ rows }` on PGlite; this reads either.
 * Callers parse the rows with zod before use.
 */
export function rowsOf<T = Record<string, unknown>>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  if (result && typeof result === 'object' && Array.isArray((result as { rows?: unknown }).rows)) {
    return (result as { rows: T[] }).rows;
  }
  throw new TypeError('unrecognised query result shape');
}
