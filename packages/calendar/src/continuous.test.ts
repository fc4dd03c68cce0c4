import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  getCalendar,
  isOpenAt,
  isSessionDay,
  nextSessionDay,
  previousSessionDay,
  sessionAt,
  sessionClose,
  sessionDays,
  sessionOn,
  sessionOpen,
} from './index.ts';

const at = (iso: string) => new Date(iso);

describe('24x5 (spot FX)', () => {
  it('opens Sunday 17:00 New York and closes Friday 17:00 New York', () => {
    // January: New York is UTC-5, so 17:00 is 22:00Z.
    expect(sessionOpen('24x5', '2024-01-08').toISOString()).toBe('2024-01-07T22:00:00.000Z');
    expect(sessionClose('24x5', '2024-01-12').toISOString()).toBe('2024-01-12T22:00:00.000Z');
    expect(isOpenAt('24x5', at('2024-01-07T21:59:59Z'))).toBe(false);
    expect(isOpenAt('24x5', at('2024-01-07T22:00:00Z'))).toBe(true);
    expect(isOpenAt('24x5', at('2024-01-10T03:00:00Z'))).toBe(true);
    expect(isOpenAt('24x5', at('2024-01-12T21:59:59Z'))).toBe(true);
    expect(isOpenAt('24x5', at('2024-01-12T22:00:00Z'))).toBe(false);
    expect(isOpenAt('24x5', at('2024-01-13T12:00:00Z'))).toBe(false);
  });

  it('labels each session with the trade date that starts at 17:00 the evening before', () => {
    expect(sessionAt('24x5', at('2024-01-09T23:00:00Z'))?.date).toBe('2024-01-10'); // Tue 18:00 NY
    expect(sessionAt('24x5', at('2024-01-09T21:00:00Z'))?.date).toBe('2024-01-09'); // Tue 16:00 NY
    expect(isSessionDay('24x5', '2024-01-13')).toBe(false);
    expect(isSessionDay('24x5', '2024-01-14')).toBe(false);
    expect(sessionDays('24x5', '2024-01-05', '2024-01-09')).toEqual(['2024-01-05', '2024-01-08', '2024-01-09']);
    expect(nextSessionDay('24x5', '2024-01-12')).toBe('2024-01-15');
    expect(previousSessionDay('24x5', '2024-01-15')).toBe('2024-01-12');
  });

  it('follows New York DST: the week after the March and November changes', () => {
    // 2024-03-10 clocks went forward at 02:00, so that Sunday's 17:00 is EDT (UTC-4).
    expect(sessionOpen('24x5', '2024-03-11').toISOString()).toBe('2024-03-10T21:00:00.000Z');
    expect(sessionClose('24x5', '2024-03-08').toISOString()).toBe('2024-03-08T22:00:00.000Z');
    // 2024-11-03 clocks went back at 02:00, so that Sunday's 17:00 is EST (UTC-5).
    expect(sessionOpen('24x5', '2024-11-04').toISOString()).toBe('2024-11-03T22:00:00.000Z');
    expect(sessionClose('24x5', '2024-11-01').toISOString()).toBe('2024-11-01T21:00:00.000Z');
  });

  const eurusd = fileURLToPath(new URL('../../../data/demo/EURUSD.csv.gz', import.meta.url));
  it('holds the EUR/USD hourly bars, whose labels are UTC hour starts', () => {
    const starts = gunzipSync(readFileSync(eurusd))
      .toString('utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => `${line.slice(0, 10)}T${line.slice(11, 19)}Z`);
    expect(starts).toHaveLength(5000);
    // Sunday bars start at 21:00Z in summer and 22:00Z in winter: 17:00 New York. Only two bars
    // start exactly at a Friday 17:00 New York close.
    expect(starts.filter((s) => !isOpenAt('24x5', at(s)))).toEqual(['2017-10-06T21:00:00Z', '2017-10-20T21:00:00Z']);
  });
});

describe('24x7 (crypto)', () => {
  it('has a session every UTC day, open at every instant', () => {
    expect(getCalendar('24x7').timeZone).toBe('UTC');
    expect(isSessionDay('24x7', '2024-01-06')).toBe(true); // Saturday
    expect(isSessionDay('24x7', '2024-12-25')).toBe(true);
    expect(sessionOn('24x7', '2024-02-29')).toEqual({
      calendar: '24x7',
      date: '2024-02-29',
      open: at('2024-02-29T00:00:00Z'),
      close: at('2024-03-01T00:00:00Z'),
      earlyClose: null,
    });
    expect(sessionDays('24x7', '2024-01-01', '2024-12-31')).toHaveLength(366);
    expect(isOpenAt('24x7', at('2024-03-10T07:30:00Z'))).toBe(true);
    expect(sessionAt('24x7', at('2023-12-31T23:00:00Z'))?.date).toBe('2023-12-31');
    expect(nextSessionDay('24x7', '2023-12-31')).toBe('2024-01-01');
  });
});
