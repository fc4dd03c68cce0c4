import { describe, expect, it } from 'vitest';
import { clockOf, paceDelayMs, replaySchedule } from './schedule.ts';

describe('replay schedule', () => {
  it('walks XNYS sessions only, skipping weekends and holidays', () => {
    // 2017-11-23 is Thanksgiving; 2017-11-25/26 a weekend (hand-checked on the NYSE calendar).
    const { sessions } = replaySchedule({ from: '2017-11-21', to: '2017-11-28' });
    expect(sessions).toEqual(['2017-11-21', '2017-11-22', '2017-11-24', '2017-11-27', '2017-11-28']);
  });

  it('shifts from the midpoint session by default, or the first session on or after --shift-at', () => {
    expect(replaySchedule({ from: '2017-11-21', to: '2017-11-28' }).shiftAt).toBe('2017-11-24');
    expect(replaySchedule({ from: '2017-11-21', to: '2017-11-28', shiftAt: '2017-11-23' }).shiftAt).toBe('2017-11-24');
  });

  it('ends at the demo data by default and refuses bad ranges by name', () => {
    expect(replaySchedule({ from: '2018-02-05' }).sessions).toEqual(['2018-02-05', '2018-02-06', '2018-02-07']);
    expect(() => replaySchedule({ from: '2017-12-01', to: '2017-11-01' })).toThrow(/--to 2017-11-01 is before --from/);
    expect(() => replaySchedule({ from: '2017/12/01' })).toThrow(/--from must be a date YYYY-MM-DD/);
    expect(() => replaySchedule({ from: '2017-11-25', to: '2017-11-26' })).toThrow(/no XNYS session/);
    expect(() => replaySchedule({ from: '2017-11-21', to: '2017-11-22', shiftAt: '2017-12-01' })).toThrow(
      /--shift-at 2017-12-01 is after the last session/,
    );
  });

  it('sets the clock 30 minutes after the close, early closes included', () => {
    // 16:00 New York in November is 21:00 UTC; the day after Thanksgiving closes at 13:00 (18:00 UTC).
    expect(clockOf('2017-11-22').toISOString()).toBe('2017-11-22T21:30:00.000Z');
    expect(clockOf('2017-11-24').toISOString()).toBe('2017-11-24T18:30:00.000Z');
    expect(clockOf('2017-07-05').toISOString()).toBe('2017-07-05T20:30:00.000Z');
  });
});

describe('replay pacing', () => {
  it('does not wait without a speed cap', () => {
    expect(paceDelayMs({ index: 10, startedAt: 0, now: 0 })).toBe(0);
  });
  it('starts session i no earlier than i / speed seconds after the start', () => {
    // 4 sessions per second: session 3 is due at 750 ms.
    expect(paceDelayMs({ index: 3, speed: 4, startedAt: 1_000, now: 1_200 })).toBe(550);
    expect(paceDelayMs({ index: 3, speed: 4, startedAt: 1_000, now: 1_750 })).toBe(0);
    // Behind schedule: no wait, and no catching up by bursts beyond the due times.
    expect(paceDelayMs({ index: 3, speed: 4, startedAt: 1_000, now: 5_000 })).toBe(0);
    expect(paceDelayMs({ index: 1, speed: 0.5, startedAt: 0, now: 0 })).toBe(2_000);
  });
});
