import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import {
  CalendarError,
  holidays,
  isOpenAt,
  isSessionDay,
  nextSessionDay,
  previousSessionDay,
  sessionClose,
  sessionDays,
  sessionOn,
  sessionOpen,
} from './index.ts';

// Every expected value below is a published NYSE fact checked by hand, not output of this code.

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof CalendarError ? e.code : `not a CalendarError: ${String(e)}`;
  }
  return undefined;
}

describe('XNYS holidays', () => {
  it('lists the 2016 NYSE holidays', () => {
    expect(holidays('XNYS', '2016-01-01', '2016-12-31')).toEqual([
      { date: '2016-01-01', name: "New Year's Day" },
      { date: '2016-01-18', name: 'Martin Luther King Jr. Day' },
      { date: '2016-02-15', name: "Washington's Birthday" },
      { date: '2016-03-25', name: 'Good Friday' },
      { date: '2016-05-30', name: 'Memorial Day' },
      { date: '2016-07-04', name: 'Independence Day' },
      { date: '2016-09-05', name: 'Labor Day' },
      { date: '2016-11-24', name: 'Thanksgiving Day' },
      { date: '2016-12-26', name: 'Christmas Day' }, // Dec 25 was a Sunday
    ]);
  });

  it('closes on Good Friday (Easter computed)', () => {
    for (const d of ['2015-04-03', '2019-04-19', '2024-03-29', '1981-04-17', '2035-03-23']) {
      expect(isSessionDay('XNYS', d), d).toBe(false);
      expect(holidays('XNYS', d, d)).toEqual([{ date: d, name: 'Good Friday' }]);
    }
    // The Thursdays before trade.
    expect(isSessionDay('XNYS', '2015-04-02')).toBe(true);
    expect(isSessionDay('XNYS', '2019-04-18')).toBe(true);
  });

  it('observes Saturday holidays on Friday and Sunday holidays on Monday, except New Year', () => {
    expect(isSessionDay('XNYS', '2015-07-03')).toBe(false); // July 4 2015 was a Saturday
    expect(isSessionDay('XNYS', '2021-07-05')).toBe(false); // Sunday July 4
    expect(isSessionDay('XNYS', '2021-12-24')).toBe(false); // Saturday Christmas
    expect(isSessionDay('XNYS', '2022-12-26')).toBe(false); // Sunday Christmas
    expect(isSessionDay('XNYS', '2017-01-02')).toBe(false); // Sunday New Year
    // New Year's Day on a Saturday is not observed (NYSE rule 7.2): the Fridays before trade.
    expect(isSessionDay('XNYS', '2010-12-31')).toBe(true);
    expect(isSessionDay('XNYS', '2021-12-31')).toBe(true);
    expect(isSessionDay('XNYS', '1999-12-31')).toBe(true);
  });

  it('adds MLK Day from 1998 and Juneteenth from 2022', () => {
    expect(isSessionDay('XNYS', '1997-01-20')).toBe(true);
    expect(isSessionDay('XNYS', '1998-01-19')).toBe(false);
    expect(isSessionDay('XNYS', '2021-06-18')).toBe(true);
    expect(isSessionDay('XNYS', '2022-06-20')).toBe(false); // June 19 2022 was a Sunday
    expect(isSessionDay('XNYS', '2023-06-19')).toBe(false);
    expect(isSessionDay('XNYS', '2027-06-18')).toBe(false); // Saturday June 19 2027
  });

  it('knows the special closures', () => {
    const closed = [
      '1980-11-04', // presidential election day
      '1985-09-27',
      '1994-04-27',
      '2001-09-11',
      '2001-09-12',
      '2001-09-13',
      '2001-09-14',
      '2004-06-11',
      '2007-01-02',
      '2012-10-29',
      '2012-10-30',
      '2018-12-05',
      '2025-01-09',
    ];
    for (const d of closed) expect(isSessionDay('XNYS', d), d).toBe(false);
    expect(isSessionDay('XNYS', '2001-09-17')).toBe(true);
    expect(isSessionDay('XNYS', '2012-10-31')).toBe(true);
    expect(isSessionDay('XNYS', '1984-11-06')).toBe(true); // no election-day closure after 1980
    expect(holidays('XNYS', '2012-10-29', '2012-10-30').map((h) => h.name)).toEqual([
      'Hurricane Sandy',
      'Hurricane Sandy',
    ]);
  });

  it('counts sessions per year as published', () => {
    const count = (y: number) => sessionDays('XNYS', `${y}-01-01`, `${y}-12-31`).length;
    expect(count(2012)).toBe(250);
    expect(count(2016)).toBe(252);
    expect(count(2017)).toBe(251);
    expect(count(2018)).toBe(251);
    expect(count(2020)).toBe(253);
  });
});

describe('XNYS session times', () => {
  it('closes at 16:00 New York: 21:00Z in winter, 20:00Z in summer', () => {
    expect(sessionClose('XNYS', '2016-01-04').toISOString()).toBe('2016-01-04T21:00:00.000Z');
    expect(sessionOpen('XNYS', '2016-01-04').toISOString()).toBe('2016-01-04T14:30:00.000Z');
    expect(sessionClose('XNYS', '2016-03-14').toISOString()).toBe('2016-03-14T20:00:00.000Z');
  });

  it('follows the DST changes (2016-03-13 and 2016-11-06)', () => {
    expect(sessionClose('XNYS', '2016-03-11').toISOString()).toBe('2016-03-11T21:00:00.000Z');
    expect(sessionOpen('XNYS', '2016-03-14').toISOString()).toBe('2016-03-14T13:30:00.000Z');
    expect(sessionClose('XNYS', '2016-11-04').toISOString()).toBe('2016-11-04T20:00:00.000Z');
    expect(sessionOpen('XNYS', '2016-11-07').toISOString()).toBe('2016-11-07T14:30:00.000Z');
    expect(sessionClose('XNYS', '2016-11-07').toISOString()).toBe('2016-11-07T21:00:00.000Z');
  });

  it('closes early at 13:00 on the standard days', () => {
    expect(sessionClose('XNYS', '2017-11-24').toISOString()).toBe('2017-11-24T18:00:00.000Z');
    expect(sessionOn('XNYS', '2017-11-24')?.earlyClose).toBe('Day after Thanksgiving');
    expect(sessionClose('XNYS', '2018-12-24').toISOString()).toBe('2018-12-24T18:00:00.000Z');
    expect(sessionClose('XNYS', '2015-12-24').toISOString()).toBe('2015-12-24T18:00:00.000Z');
    expect(sessionClose('XNYS', '2012-07-03').toISOString()).toBe('2012-07-03T17:00:00.000Z'); // EDT
    expect(sessionClose('XNYS', '2019-07-03').toISOString()).toBe('2019-07-03T17:00:00.000Z');
    expect(sessionClose('XNYS', '2002-07-05').toISOString()).toBe('2002-07-05T17:00:00.000Z');
    expect(sessionOn('XNYS', '2013-07-05')?.earlyClose).toBeNull(); // since 2013 the Wednesday before instead
    expect(sessionOn('XNYS', '2013-07-03')?.earlyClose).toBe('Day before Independence Day');
    expect(sessionOn('XNYS', '2016-12-23')?.earlyClose).toBeNull(); // Christmas Eve was a Saturday
    expect(sessionOn('XNYS', '1992-11-27')?.earlyClose).toBeNull(); // before 1993 not modelled
  });

  it('opened at 10:00 before 1985-09-30', () => {
    expect(sessionOpen('XNYS', '1985-09-26').toISOString()).toBe('1985-09-26T14:00:00.000Z');
    expect(sessionOpen('XNYS', '1985-09-30').toISOString()).toBe('1985-09-30T13:30:00.000Z');
  });

  it('answers isOpenAt on [open, close)', () => {
    expect(isOpenAt('XNYS', new Date('2016-01-04T14:29:59Z'))).toBe(false);
    expect(isOpenAt('XNYS', new Date('2016-01-04T14:30:00Z'))).toBe(true);
    expect(isOpenAt('XNYS', new Date('2016-01-04T20:59:59Z'))).toBe(true);
    expect(isOpenAt('XNYS', new Date('2016-01-04T21:00:00Z'))).toBe(false);
    expect(isOpenAt('XNYS', new Date('2017-11-24T18:30:00Z'))).toBe(false);
    expect(isOpenAt('XNYS', new Date('2016-12-26T15:00:00Z'))).toBe(false);
    expect(isOpenAt('XNYS', new Date('2016-01-09T15:00:00Z'))).toBe(false); // Saturday
  });

  it('steps to the next and previous session', () => {
    expect(nextSessionDay('XNYS', '2016-11-23')).toBe('2016-11-25');
    expect(nextSessionDay('XNYS', '2016-12-23')).toBe('2016-12-27');
    expect(previousSessionDay('XNYS', '2016-12-27')).toBe('2016-12-23');
    expect(previousSessionDay('XNYS', '2012-10-31')).toBe('2012-10-26');
    expect(nextSessionDay('XNYS', '2016-12-24')).toBe('2016-12-27'); // from a closed day
  });

  it('refuses what it cannot answer', () => {
    expect(codeOf(() => sessionClose('XNYS', '2016-12-26'))).toBe('NOT_A_SESSION_DAY');
    expect(codeOf(() => isSessionDay('XNYS', '1979-12-31'))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => nextSessionDay('XNYS', '2035-12-31'))).toBe('OUT_OF_RANGE');
    expect(codeOf(() => isSessionDay('XNYS', '2016-02-30'))).toBe('INVALID_DATE');
    expect(codeOf(() => isSessionDay('XNYS', '2016-2-3'))).toBe('INVALID_DATE');
    expect(codeOf(() => isSessionDay('XLON' as 'XNYS', '2016-02-03'))).toBe('UNKNOWN_CALENDAR');
  });
});

describe('XNYS against real daily bars', () => {
  // all_stocks_5yr has exactly one bar per NYSE session for AAPL. Read the shared original when it
  // is there, else the byte-identical copy shipped in data/demo.
  const shared = fileURLToPath(new URL('../../../../shared/data/all_stocks_5yr.csv', import.meta.url));
  const shipped = fileURLToPath(new URL('../../../data/demo/all_stocks_5yr.csv.gz', import.meta.url));

  it('has the sessions of all_stocks_5yr for AAPL, 2013-02-08..2018-02-07', () => {
    const text = existsSync(shared) ? readFileSync(shared, 'utf8') : gunzipSync(readFileSync(shipped)).toString('utf8');
    const aapl = text
      .split('\n')
      .filter((line) => line.endsWith(',AAPL'))
      .map((line) => line.slice(0, 10));
    expect(aapl).toHaveLength(1259);
    expect(sessionDays('XNYS', '2013-02-08', '2018-02-07')).toEqual(aapl);
  });
});
