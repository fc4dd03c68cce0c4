import { Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { DateScalar, DateTimeScalar, parseDate, parseDateTime } from './scalars.ts';

describe('DateTime', () => {
  it('reads an instant with Z or an offset, and answers it in UTC', () => {
    expect(parseDateTime('2016-04-01T00:00:00Z').toISOString()).toBe('2016-04-01T00:00:00.000Z');
    expect(parseDateTime('2016-04-01T09:30:00-04:00').toISOString()).toBe('2016-04-01T13:30:00.000Z');
    expect(parseDateTime('2016-04-01T09:30+01:00').toISOString()).toBe('2016-04-01T08:30:00.000Z');
    expect(parseDateTime('2016-02-29T23:59:59.123456Z').toISOString()).toBe('2016-02-29T23:59:59.123Z');
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2017, 8, 1, 20)))).toBe('2017-09-01T20:00:00.000Z');
  });

  it.each([
    ['2016-04-01T00:00:00', 'DateTime "2016-04-01T00:00:00" has no time zone: add Z for UTC or an offset like +01:00'],
    ['2016-02-30T00:00:00Z', 'DateTime "2016-02-30T00:00:00Z" is not a calendar date: 2016-02 has no day 30'],
    ['2015-02-29T00:00:00Z', 'DateTime "2015-02-29T00:00:00Z" is not a calendar date: 2015-02 has no day 29'],
    [
      '2016-04-01T24:00:00Z',
      'DateTime "2016-04-01T24:00:00Z" is not a time of day: hours run 00-23, minutes and seconds 00-59',
    ],
    [
      '04-01-2016',
      'DateTime "04-01-2016" is not ISO-8601: write YYYY-MM-DDTHH:MM:SS with Z or an offset, e.g. "2016-04-01T00:00:00Z"',
    ],
    [
      '2016-04-01',
      'DateTime "2016-04-01" is a date without a time: write "2016-04-01T00:00:00Z" for the start of that UTC day (or use the argument\'s Date form where there is one)',
    ],
    ['2016-04-01T00:00:00+25:00', 'DateTime "2016-04-01T00:00:00+25:00" has an offset out of range: +25:00'],
    [1459468800000, 'DateTime must be an ISO-8601 string such as "2016-04-01T00:00:00Z", got 1459468800000'],
  ])('refuses %j', (value, message) => {
    expect(() => parseDateTime(value)).toThrow(message);
  });

  it('refuses a literal that is not a string', () => {
    expect(() => DateTimeScalar.parseLiteral({ kind: Kind.INT, value: '5' }, {})).toThrow(
      'DateTime must be a string literal, got IntValue',
    );
  });
});

describe('Date', () => {
  it('reads YYYY-MM-DD, leap days included', () => {
    expect(parseDate('2016-02-29')).toBe('2016-02-29');
    expect(DateScalar.parseLiteral({ kind: Kind.STRING, value: '2016-04-01' }, {})).toBe('2016-04-01');
  });

  it.each([
    ['2016-02-30', 'Date "2016-02-30" is not a calendar date: 2016-02 has no day 30'],
    ['2015-02-29', 'Date "2015-02-29" is not a calendar date: 2015-02 has no day 29'],
    ['2016-13-01', 'Date "2016-13-01" is not a calendar date: 2016-13 has no day 01'],
    ['04-01-2016', 'Date "04-01-2016" is not YYYY-MM-DD (e.g. "2016-04-01")'],
    ['2016-04-01T00:00:00Z', 'Date "2016-04-01T00:00:00Z" is not YYYY-MM-DD (e.g. "2016-04-01")'],
    [20160401, 'Date must be a YYYY-MM-DD string, got 20160401'],
  ])('refuses %j', (value, message) => {
    expect(() => parseDate(value)).toThrow(message);
  });
});
