import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { scalarArgumentsRule } from './scalars.ts';

const schema = buildSchema(`
  scalar DateTime
  scalar Date
  input Period { from: DateTime!, to: DateTime! }
  type Query {
    bars(from: DateTime, at: [DateTime!]): Int
    quality(reference: Period): Int
    session(day: Date): Int
  }
`);

const errorsOf = (query: string) => validate(schema, parse(query), [scalarArgumentsRule]).map((e) => e.message);

describe('scalarArgumentsRule', () => {
  it('names the argument, the input field and list items hold', () => {
    expect(
      errorsOf(`{
        bars(from: "2016-04-01T00:00:00", at: ["2016-04-01T00:00:00Z", "2016-02-30T00:00:00Z"])
        quality(reference: { from: "2016-01-01T00:00:00Z", to: "04-01-2016" })
        session(day: "2016-02-30")
      }`),
    ).toEqual([
      'Argument "from" has invalid value "2016-04-01T00:00:00": DateTime "2016-04-01T00:00:00" has no time zone: add Z for UTC or an offset like +01:00',
      'Argument "at" has invalid value "2016-02-30T00:00:00Z": DateTime "2016-02-30T00:00:00Z" is not a calendar date: 2016-02 has no day 30',
      'Argument "reference.to" has invalid value "04-01-2016": DateTime "04-01-2016" is not ISO-8601: write YYYY-MM-DDTHH:MM:SS with Z or an offset, e.g. "2016-04-01T00:00:00Z"',
      'Argument "day" has invalid value "2016-02-30": Date "2016-02-30" is not a calendar date: 2016-02 has no day 30',
    ]);
  });

  it('refuses a number where a DateTime is due, and leaves variables and valid values alone', () => {
    expect(errorsOf('{ bars(from: 5) }')).toEqual([
      'Argument "from" has invalid value "5": DateTime must be a string literal, got IntValue',
    ]);
    expect(errorsOf('query($f: DateTime) { bars(from: $f) session(day: "2016-02-29") }')).toEqual([]);
  });
});
