import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function toDate(value: unknown): Date {
  const d = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(d.getTime())) throw new GraphQLError(`not a valid timestamp: ${JSON.stringify(value)}`);
  return d;
}

/** ISO-8601 UTC timestamps in and out. */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  serialize: (v) => toDate(v).toISOString(),
  parseValue: (v) => {
    if (typeof v !== 'string') throw new GraphQLError('DateTime must be an ISO-8601 string');
    return toDate(v);
  },
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be an ISO-8601 string');
    return toDate(ast.value);
  },
});

/** Calendar dates as YYYY-MM-DD strings. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (v) => {
    if (v instanceof Date) return v.toISOString().slice(0, 10);
    const s = String(v);
    if (!DATE.test(s)) throw new GraphQLError(`not a valid date: ${s}`);
    return s;
  },
  parseValue: (v) => parseDate(v),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('Date must be a YYYY-MM-DD string');
    return parseDate(ast.value);
  },
});

function parseDate(v: unknown): string {
  if (typeof v !== 'string' || !DATE.test(v) || Number.isNaN(Date.parse(`${v}T00:00:00Z`))) {
    throw new GraphQLError(`Date must be a YYYY-MM-DD string, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** Any JSON value, passed through as is. */
export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  serialize: (v) => v,
  parseValue: (v) => v,
  parseLiteral: () => {
    throw new GraphQLError('JSON values must be passed as variables');
  },
});
