import { describe, expect, it } from 'vitest';
import { createBarClock, parseBarTime } from './time.ts';

const iso = (ms: number) => new Date(ms).toISOString();
const daily = (day: string) => parseBarTime(day, { format: 'date', timeZone: 'America/New_York', interval: '1d' })!;

describe('first-seen available_at (DESIGN section 4)', () => {
  const clock = createBarClock();
  const close = (calendar: 'XNYS' | '24x5' | '24x7', day: string) => iso(clock.availableAt(calendar, '1d', daily(day)));

  // Hand-checked: New York is UTC-5 (EST) before the second Sunday of March and from the first
  // Sunday of November, UTC-4 (EDT) between; the regular close is 16:00, early closes 13:00.
  it.each([
    ['2016-03-11', '2016-03-11T21:00:00.000Z', 'Friday before the March change: 16:00 EST'],
    ['2016-03-14', '2016-03-14T20:00:00.000Z', 'Monday after it (clocks sprang forward on Sunday 13th): 16:00 EDT'],
    ['2016-11-04', '2016-11-04T20:00:00.000Z', 'Friday before the November change: 16:00 EDT'],
    ['2016-11-07', '2016-11-07T21:00:00.000Z', 'Monday after it (clocks fell back on Sunday 6th): 16:00 EST'],
    ['2017-03-10', '2017-03-10T21:00:00.000Z', 'Friday before the 2017 March change'],
    ['2017-03-13', '2017-03-13T20:00:00.000Z', 'Monday after it'],
    ['2016-11-25', '2016-11-25T18:00:00.000Z', 'day after Thanksgiving: early close 13:00 EST'],
    ['2017-07-03', '2017-07-03T17:00:00.000Z', 'day before Independence Day: early close 13:00 EDT'],
    ['2015-12-24', '2015-12-24T18:00:00.000Z', 'Christmas Eve: early close 13:00 EST'],
  ])('a daily XNYS bar of %s becomes known at %s (%s)', (day, expected) => {
    expect(close('XNYS', day)).toBe(expected);
  });

  it('a crypto day becomes known at the end of its UTC day, an FX day at 17:00 New York', () => {
    expect(close('24x7', '2024-03-10')).toBe('2024-03-11T00:00:00.000Z');
    expect(close('24x5', '2017-03-10')).toBe('2017-03-10T22:00:00.000Z'); // 17:00 EST
    expect(close('24x5', '2017-03-13')).toBe('2017-03-13T21:00:00.000Z'); // 17:00 EDT
  });

  it('an intraday bar becomes known at its end, whatever the zone does', () => {
    const hour = parseBarTime('2017-03-12 06:00:00', { format: 'local', timeZone: 'UTC', interval: '1h' })!;
    expect(iso(clock.availableAt('24x5', '1h', hour))).toBe('2017-03-12T07:00:00.000Z');
  });

  it('a bar kept on a day without a session gets the nominal close of that day', () => {
    expect(close('XNYS', '2016-07-04')).toBe('2016-07-04T20:00:00.000Z');
  });
});

describe('calendar membership', () => {
  const clock = createBarClock();
  const hour = (text: string) => parseBarTime(text, { format: 'local', timeZone: 'UTC', interval: '1h' })!;

  it('knows weekends and holidays of XNYS', () => {
    expect(clock.offCalendarReason('XNYS', '1d', daily('2016-03-14'))).toBeNull();
    expect(clock.offCalendarReason('XNYS', '1d', daily('2016-03-12'))).toMatch(/not a XNYS session day/);
    expect(clock.offCalendarReason('XNYS', '1d', daily('2016-07-04'))).toMatch(/not a XNYS session day/);
    expect(clock.offCalendarReason('XNYS', '1d', daily('1970-01-02'))).toMatch(/XNYS covers 1980/);
  });

  it('opens FX on Sunday 17:00 New York: 21:00Z in summer, 22:00Z in winter', () => {
    expect(clock.offCalendarReason('24x5', '1h', hour('2017-06-04 21:00:00'))).toBeNull();
    expect(clock.offCalendarReason('24x5', '1h', hour('2017-11-05 21:00:00'))).toMatch(/outside every 24x5 session/);
    expect(clock.offCalendarReason('24x5', '1h', hour('2017-11-05 22:00:00'))).toBeNull();
    // Friday 17:00 New York is the close: a bar starting then is off the calendar.
    expect(clock.offCalendarReason('24x5', '1h', hour('2017-10-06 21:00:00'))).toMatch(/outside/);
  });
});

describe('timestamp formats', () => {
  it('reads local wall-clock time in a zone across a DST change', () => {
    const ny = (text: string) => parseBarTime(text, { format: 'local', timeZone: 'America/New_York', interval: '1h' })!;
    expect(iso(ny('2016-03-12 10:00').time)).toBe('2016-03-12T15:00:00.000Z');
    expect(iso(ny('2016-03-14 10:00').time)).toBe('2016-03-14T14:00:00.000Z');
  });

  it('reads ISO-8601 with an offset, epoch seconds, and refuses what is not a timestamp', () => {
    const opts = { timeZone: 'UTC', interval: '1h' } as const;
    expect(iso(parseBarTime('2023-12-31 23:00:00+00:00', { ...opts, format: 'iso' })!.time)).toBe(
      '2023-12-31T23:00:00.000Z',
    );
    expect(iso(parseBarTime('2024-01-01T01:00:00+02:00', { ...opts, format: 'iso' })!.time)).toBe(
      '2023-12-31T23:00:00.000Z',
    );
    expect(iso(parseBarTime('1704063600', { ...opts, format: 'unix_s' })!.time)).toBe('2023-12-31T23:00:00.000Z');
    expect(parseBarTime('2023-12-31 23:00:00', { ...opts, format: 'iso' })).toBeNull();
    expect(parseBarTime('2013-02-30', { ...opts, interval: '1d', format: 'date' })).toBeNull();
    expect(parseBarTime('yesterday', { ...opts, interval: '1d', format: 'date' })).toBeNull();
  });

  it('labels a daily bar by its session date at 00:00 UTC', () => {
    expect(daily('2016-03-14')).toEqual({ time: Date.parse('2016-03-14T00:00:00Z'), day: '2016-03-14' });
    expect(daily('2016-03-14 00:00:00')).toEqual({ time: Date.parse('2016-03-14T00:00:00Z'), day: '2016-03-14' });
  });
});
