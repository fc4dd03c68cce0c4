import { sessionDays } from '@alphagraph/calendar';

const DAY_MS = 86_400_000;

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);
export const daysAgo = (n: number, now = new Date()): string => isoDate(new Date(now.getTime() - n * DAY_MS));

/** The XNYS sessions from `from` to `to`, both inclusive. */
export const sessions = (from: string, to: string): string[] => sessionDays('XNYS', from, to);

/** The session date at 00:00 UTC: a daily bar's event time. */
export const barTime = (date: string): Date => new Date(`${date}T00:00:00Z`);
