import {
  type DayNumber,
  dayNumber,
  easterSunday,
  lastWeekdayOfMonth,
  MONDAY,
  nthWeekdayOfMonth,
  SATURDAY,
  SUNDAY,
  THURSDAY,
  TUESDAY,
  WEDNESDAY,
  weekday,
} from './days.ts';

/**
 * NYSE (and Nasdaq) regular-session calendar, 1980–2035.
 *
 * Sources of the rules: NYSE Rule 7.2 (holidays; a holiday on a Saturday is observed the Friday
 * before, on a Sunday the Monday after, except that New Year's Day on a Saturday is not observed
 * because the Friday ends a yearly accounting period) and the NYSE's published closings and early
 * closes. Special closures after 2035 cannot be known, so the calendar refuses dates past it.
 */
export const XNYS_FIRST_YEAR = 1980;
export const XNYS_LAST_YEAR = 2035;
export const XNYS_TIME_ZONE = 'America/New_York';
export const XNYS_CLOSE = '16:00';
export const XNYS_EARLY_CLOSE = '13:00';

/** The regular open moved from 10:00 to 09:30 on 1985-09-30. */
const NINE_THIRTY_OPEN_FROM = dayNumber(1985, 9, 30);

/** Unscheduled full-day closures. */
const SPECIAL_CLOSURES: ReadonlyArray<readonly [string, string]> = [
  ['1985-09-27', 'Hurricane Gloria'],
  ['1994-04-27', 'Funeral of President Richard Nixon'],
  ['2001-09-11', 'September 11 attacks'],
  ['2001-09-12', 'September 11 attacks'],
  ['2001-09-13', 'September 11 attacks'],
  ['2001-09-14', 'September 11 attacks'],
  ['2004-06-11', 'Funeral of President Ronald Reagan'],
  ['2007-01-02', 'National day of mourning for President Gerald Ford'],
  ['2012-10-29', 'Hurricane Sandy'],
  ['2012-10-30', 'Hurricane Sandy'],
  ['2018-12-05', 'National day of mourning for President George H. W. Bush'],
  ['2025-01-09', 'National day of mourning for President Jimmy Carter'],
];

/** 13:00 closes that no yearly rule produces (the Fridays after Christmas 1997 and 2003). */
const SPECIAL_EARLY_CLOSES: ReadonlyArray<readonly [string, string]> = [
  ['1997-12-26', 'Day after Christmas'],
  ['2003-12-26', 'Day after Christmas'],
];

function isoToDay(iso: string): DayNumber {
  const [y, m, d] = iso.split('-').map(Number);
  return dayNumber(y!, m!, d!);
}

/** Saturday → Friday before, Sunday → Monday after. */
function observed(day: DayNumber): DayNumber {
  const wd = weekday(day);
  if (wd === SATURDAY) return day - 1;
  if (wd === SUNDAY) return day + 1;
  return day;
}

function holidaysOf(year: number): Map<DayNumber, string> {
  const out = new Map<DayNumber, string>();
  const add = (day: DayNumber | undefined, name: string) => {
    if (day !== undefined) out.set(day, name);
  };

  const newYear = dayNumber(year, 1, 1);
  const newYearWd = weekday(newYear);
  add(newYearWd === SATURDAY ? undefined : newYearWd === SUNDAY ? newYear + 1 : newYear, "New Year's Day");
  if (year >= 1998) add(nthWeekdayOfMonth(year, 1, MONDAY, 3), 'Martin Luther King Jr. Day');
  add(nthWeekdayOfMonth(year, 2, MONDAY, 3), "Washington's Birthday");
  add(easterSunday(year) - 2, 'Good Friday');
  add(lastWeekdayOfMonth(year, 5, MONDAY), 'Memorial Day');
  if (year >= 2022) add(observed(dayNumber(year, 6, 19)), 'Juneteenth National Independence Day');
  add(observed(dayNumber(year, 7, 4)), 'Independence Day');
  add(nthWeekdayOfMonth(year, 9, MONDAY, 1), 'Labor Day');
  // The NYSE closed on presidential election days through 1980.
  if (year <= 1980 && year % 4 === 0) add(nthWeekdayOfMonth(year, 11, MONDAY, 1) + 1, 'Presidential Election Day');
  add(nthWeekdayOfMonth(year, 11, THURSDAY, 4), 'Thanksgiving Day');
  add(observed(dayNumber(year, 12, 25)), 'Christmas Day');

  for (const [iso, name] of SPECIAL_CLOSURES) {
    if (iso.startsWith(`${year}-`)) add(isoToDay(iso), name);
  }
  return out;
}

/** The standard 13:00 closes, applied from 1993 (earlier early closes are not modelled). */
function earlyClosesOf(year: number): Map<DayNumber, string> {
  const out = new Map<DayNumber, string>();
  if (year < 1993) return out;

  out.set(nthWeekdayOfMonth(year, 11, THURSDAY, 4) + 1, 'Day after Thanksgiving');

  const christmasEve = dayNumber(year, 12, 24);
  const eveWd = weekday(christmasEve);
  if (eveWd >= MONDAY && eveWd <= THURSDAY) out.set(christmasEve, 'Christmas Eve');

  // Around Independence Day: July 3 when it is a Monday, Tuesday or Thursday; when July 4 is a
  // Thursday, the Friday after until 2012 and the Wednesday before (July 3) from 2013.
  const july3 = dayNumber(year, 7, 3);
  const july3Wd = weekday(july3);
  if (july3Wd === MONDAY || july3Wd === TUESDAY || july3Wd === THURSDAY) out.set(july3, 'Day before Independence Day');
  if (july3Wd === WEDNESDAY) {
    if (year >= 2013) out.set(july3, 'Day before Independence Day');
    else if (year >= 1996) out.set(july3 + 2, 'Day after Independence Day');
  }

  for (const [iso, name] of SPECIAL_EARLY_CLOSES) {
    if (iso.startsWith(`${year}-`)) out.set(isoToDay(iso), name);
  }
  // A special closure wins over an early close on the same day.
  for (const day of holidaysOf(year).keys()) out.delete(day);
  return out;
}

const holidayCache = new Map<number, Map<DayNumber, string>>();
const earlyCloseCache = new Map<number, Map<DayNumber, string>>();

function cached(
  cache: Map<number, Map<DayNumber, string>>,
  year: number,
  build: (y: number) => Map<DayNumber, string>,
) {
  let m = cache.get(year);
  if (!m) cache.set(year, (m = build(year)));
  return m;
}

/** The name of the holiday or special closure on a weekday, or null when the exchange trades. */
export function xnysClosure(day: DayNumber, year: number): string | null {
  return cached(holidayCache, year, holidaysOf).get(day) ?? null;
}

/** The reason for a 13:00 close, or null for a full session. */
export function xnysEarlyClose(day: DayNumber, year: number): string | null {
  return cached(earlyCloseCache, year, earlyClosesOf).get(day) ?? null;
}

export function xnysOpenTime(day: DayNumber): string {
  return day >= NINE_THIRTY_OPEN_FROM ? '09:30' : '10:00';
}
