export {
  type CalendarCode,
  calendarCodes,
  getCalendar,
  type Holiday,
  holidays,
  isCalendarCode,
  isOpenAt,
  isSessionDay,
  nextSessionDay,
  previousSessionDay,
  type Session,
  sessionAt,
  sessionClose,
  sessionDays,
  sessionOn,
  sessionOpen,
  type TradingCalendar,
} from './calendar.ts';
export { CalendarError, type CalendarErrorCode } from './errors.ts';
export { type Disambiguation, utcToZoned, type ZonedDateTime, zonedToUtc } from './zone.ts';
