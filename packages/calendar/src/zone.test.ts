import { describe, expect, it } from 'vitest';
import { CalendarError, utcToZoned, zonedToUtc } from './index.ts';

const NY = 'America/New_York';

describe('zonedToUtc', () => {
  it('converts ordinary wall times in winter and summer', () => {
    expect(zonedToUtc('2016-01-04', '16:00', NY).toISOString()).toBe('2016-01-04T21:00:00.000Z');
    expect(zonedToUtc('2016-07-01', '09:30', NY).toISOString()).toBe('2016-07-01T13:30:00.000Z');
    expect(zonedToUtc('2016-07-01', '09:30:15.250', NY).toISOString()).toBe('2016-07-01T13:30:15.250Z');
    expect(zonedToUtc('2024-06-01', '00:00', 'Asia/Kolkata').toISOString()).toBe('2024-05-31T18:30:00.000Z');
    expect(zonedToUtc('2024-06-01', '12:00', 'UTC').toISOString()).toBe('2024-06-01T12:00:00.000Z');
  });

  it('moves a time in the spring-forward gap forward, or rejects it', () => {
    // 2016-03-13 02:00 EST → 03:00 EDT: 02:30 does not exist.
    expect(zonedToUtc('2016-03-13', '02:30', NY).toISOString()).toBe('2016-03-13T07:30:00.000Z'); // 03:30 EDT
    expect(zonedToUtc('2016-03-13', '02:30', NY, { disambiguation: 'earlier' }).toISOString()).toBe(
      '2016-03-13T06:30:00.000Z',
    );
    expect(() => zonedToUtc('2016-03-13', '02:30', NY, { disambiguation: 'reject' })).toThrow(CalendarError);
    expect(zonedToUtc('2016-03-13', '03:00', NY).toISOString()).toBe('2016-03-13T07:00:00.000Z');
  });

  it('takes the earlier of the two fall-back readings unless told otherwise', () => {
    // 2016-11-06 02:00 EDT → 01:00 EST: 01:30 happens at 05:30Z and again at 06:30Z.
    expect(zonedToUtc('2016-11-06', '01:30', NY).toISOString()).toBe('2016-11-06T05:30:00.000Z');
    expect(zonedToUtc('2016-11-06', '01:30', NY, { disambiguation: 'later' }).toISOString()).toBe(
      '2016-11-06T06:30:00.000Z',
    );
    expect(() => zonedToUtc('2016-11-06', '01:30', NY, { disambiguation: 'reject' })).toThrow(/twice/);
  });

  it('rejects bad input with a code', () => {
    const code = (fn: () => unknown) => {
      try {
        fn();
      } catch (e) {
        return (e as CalendarError).code;
      }
    };
    expect(code(() => zonedToUtc('2016-01-04', '24:00', NY))).toBe('INVALID_TIME');
    expect(code(() => zonedToUtc('2016-01-04', '9:30', NY))).toBe('INVALID_TIME');
    expect(code(() => zonedToUtc('2016-13-04', '09:30', NY))).toBe('INVALID_DATE');
    expect(code(() => zonedToUtc('2016-01-04', '09:30', 'Mars/Olympus'))).toBe('INVALID_TIME_ZONE');
  });
});

describe('utcToZoned', () => {
  it('reads instants on a zone wall clock with the offset in force', () => {
    expect(utcToZoned(new Date('2016-01-04T21:00:00Z'), NY)).toEqual({
      timeZone: NY,
      date: '2016-01-04',
      time: '16:00:00',
      offsetMinutes: -300,
    });
    expect(utcToZoned(new Date('2016-07-01T03:59:59Z'), NY)).toMatchObject({
      date: '2016-06-30',
      time: '23:59:59',
      offsetMinutes: -240,
    });
    expect(utcToZoned(new Date('2024-11-03T06:30:00.123Z'), NY)).toMatchObject({
      date: '2024-11-03',
      time: '01:30:00.123',
      offsetMinutes: -300,
    });
    expect(utcToZoned(new Date('2024-06-01T00:00:00Z'), 'Asia/Kolkata')).toMatchObject({
      time: '05:30:00',
      offsetMinutes: 330,
    });
    expect(utcToZoned(new Date('1969-12-31T23:00:00Z'), 'UTC')).toMatchObject({ date: '1969-12-31', time: '23:00:00' });
  });
});
