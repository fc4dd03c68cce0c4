import { describe, expect, it } from 'vitest';
import { replayCommand, summary } from './command.ts';

const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (s: string) => out.push(s), err: (s: string) => err.push(s) }, out, err };
};

describe('alphagraph replay arguments', () => {
  it('refuses a missing --from or a bad --speed before starting anything', async () => {
    const a = capture();
    expect(await replayCommand([], {}, a.io, undefined)).toBe(2);
    expect(a.err.join('')).toMatch(/--from DATE is required/);
    const b = capture();
    expect(await replayCommand(['--from', '2017-10-02', '--speed', '0'], {}, b.io, undefined)).toBe(2);
    expect(b.err.join('')).toMatch(/--speed is a positive number of sessions per second \(got 0\)/);
    expect(a.out).toEqual([]);
  });
});

describe('the replay summary', () => {
  it('gives sessions, elapsed time, throughput, alerts by rule with their first session, and the scratch directory', () => {
    const text = summary(
      {
        sessions: Array.from({ length: 4 }, () => ({}) as never),
        shiftAt: '2017-10-25',
        elapsedMs: 8_000,
        sessionsPerSecond: 0.5,
        alertsByRule: { FEATURE_DRIFT: { count: 2, firstSession: '2017-10-27' } },
      },
      '/tmp/x',
    );
    expect(text).toContain('Replay done: 4 sessions in 8.0 s (0.500 sessions/s), volumes x10 from 2017-10-25.');
    expect(text).toContain('  FEATURE_DRIFT: 2, first 2017-10-27');
    expect(text).toContain('Scratch directory (database and lake): /tmp/x');
  });
});
