import { describe, expect, it } from 'vitest';
import { demoEnv } from './env.ts';

describe('the demo data settings', () => {
  it('load every bar unless DEMO_BARS_UNTIL cuts the load at a date', () => {
    expect(demoEnv.parse({ DEMO_DATA: 'true' })).toEqual({ load: true, dir: undefined, barsUntil: undefined });
    expect(demoEnv.parse({ DEMO_DATA: 'true', DEMO_BARS_UNTIL: '2017-06-01' }).barsUntil).toBe('2017-06-01');
  });
  it('refuse a DEMO_BARS_UNTIL that is not a date', () => {
    expect(demoEnv.safeParse({ DEMO_BARS_UNTIL: '2017-13-01' }).success).toBe(false);
    expect(demoEnv.safeParse({ DEMO_BARS_UNTIL: 'June 2017' }).success).toBe(false);
  });
});
