/** Quotes a DuckDB identifier (doubling embedded quotes), as `@alphagraph/lake` does. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A qualified relation name (`schema.table`) from its parts, each quoted. */
export function quoteRelation(relation: string | readonly string[]): string {
  const parts = typeof relation === 'string' ? [relation] : relation;
  return parts.map(quoteIdent).join('.');
}

/**
 * Renders a parsed number as a DuckDB DOUBLE literal. The shortest round-trip exponent form
 * (`8e-1`, `2e0`) is always typed DOUBLE (a plain `0.8` would be a DECIMAL) and parses back to the
 * same double, so constants are exact and no user text is copied into SQL.
 */
export function sqlNumber(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot render ${value} as a SQL number`);
  const text = Math.abs(value).toExponential().replace('e+', 'e');
  return value < 0 || Object.is(value, -0) ? `(-${text})` : text;
}
