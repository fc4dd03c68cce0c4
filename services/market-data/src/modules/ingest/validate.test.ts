import { describe, expect, it } from 'vitest';
import { allowedActions, parseRuleList, type RuleAction, type RuleName, resolveRules } from './rules.ts';
import type { CandidateBar } from './shape.ts';
import { createBarClock } from './time.ts';
import { type ValidationContext, validateBars } from './validate.ts';

const NOW = Date.parse('2018-03-01T00:00:00Z');
let line = 1;
function bar(day: string, values: Partial<CandidateBar> = {}, symbol = 'AAA'): CandidateBar {
  line += 1;
  return {
    line,
    symbol,
    time: Date.parse(`${day}T00:00:00Z`),
    day,
    open: 10,
    high: 11,
    low: 9,
    close: 10.5,
    volume: 1000,
    availableAt: 0,
    ...values,
  };
}

function run(rows: CandidateBar[], rules: Record<string, unknown> = {}, ctx: Partial<ValidationContext> = {}) {
  return validateBars(rows, {
    interval: '1d',
    rules: resolveRules(rules),
    now: NOW,
    calendarOf: (s) => (s === 'UNKNOWN' ? undefined : 'XNYS'),
    unknownReason: (s) => (s === 'UNKNOWN' ? 'UNKNOWN is not in the instrument master' : null),
    priorClose: () => null,
    hasCorporateAction: () => false,
    clock: createBarClock(),
    ...ctx,
  });
}
const outcome = (v: ReturnType<typeof run>) => ({
  accepted: v.accepted.length,
  quarantined: v.quarantined.length,
  rejected: v.rejected.length,
  fixed: v.fixed,
  dropped: v.dropped,
  warnings: v.warnings,
});

/** One crafted bad row per rule, after a good one (2016-03-14 is a Monday, 2016-03-15 a Tuesday). */
const BAD: Record<RuleName, () => CandidateBar[]> = {
  unknown_instrument: () => [bar('2016-03-14'), bar('2016-03-15', {}, 'UNKNOWN')],
  missing_value: () => [bar('2016-03-14'), bar('2016-03-15', { open: null, volume: null })],
  non_positive_price: () => [bar('2016-03-14'), bar('2016-03-15', { low: 0 })],
  negative_volume: () => [bar('2016-03-14'), bar('2016-03-15', { volume: -5 })],
  high_below_low: () => [bar('2016-03-14'), bar('2016-03-15', { high: 9, low: 11, open: 10, close: 10 })],
  open_close_outside_range: () => [bar('2016-03-14'), bar('2016-03-15', { open: 12 })],
  off_calendar: () => [bar('2016-03-14'), bar('2016-03-12')],
  future_timestamp: () => [bar('2016-03-14'), bar('2018-03-01')],
  duplicate: () => [bar('2016-03-14'), bar('2016-03-15'), bar('2016-03-15', { close: 10.6 })],
  out_of_order: () => [bar('2016-03-15'), bar('2016-03-14')],
  split_like_jump: () => [bar('2016-03-14'), bar('2016-03-15', { open: 5, high: 5.5, low: 4.5, close: 5.25 })],
};

describe('data rules', () => {
  it('pass clean rows untouched', () => {
    expect(outcome(run([bar('2016-03-14'), bar('2016-03-15')]))).toEqual({
      accepted: 2,
      quarantined: 0,
      rejected: 0,
      fixed: 0,
      dropped: 0,
      warnings: 0,
    });
  });

  for (const [rule, rows] of Object.entries(BAD) as [RuleName, () => CandidateBar[]][]) {
    for (const action of allowedActions(rule)) {
      it(`${rule} set to ${action}`, () => {
        const v = run(rows(), { [rule]: action });
        expect(v.ruleCounts[rule]).toBe(1);
        const flagged = v.issues.filter((i) => i.rule === rule);
        expect(flagged).toHaveLength(1);
        expect(flagged[0]!.message.length).toBeGreaterThan(10);
        const total = rows().length;
        if (action === 'reject') expect(outcome(v)).toMatchObject({ rejected: 1, accepted: total - 1 });
        if (action === 'quarantine') {
          expect(outcome(v)).toMatchObject({ quarantined: 1, accepted: total - 1 });
          expect(v.quarantined[0]!.reason).toContain(`${rule}: `);
        }
        if (action === 'warn') expect(outcome(v)).toMatchObject({ warnings: 1, accepted: total });
        if (action === 'fix') expect(v.fixed).toBe(1);
      });
    }
  }
});

describe('fixes', () => {
  const fixed = (rule: RuleName, rows: CandidateBar[], ctx: Partial<ValidationContext> = {}) =>
    run(rows, { [rule]: 'fix' as RuleAction }, ctx);

  it('missing_value forward-fills prices from the previous close and sets a missing volume to 0', () => {
    const v = fixed('missing_value', BAD.missing_value());
    expect(v.accepted[1]).toMatchObject({ open: 10.5, volume: 0, close: 10.5 });
    // Nothing before the row to fill from: dropped, unless a stored close precedes the batch.
    const alone = [bar('2016-03-15', { close: null })];
    expect(outcome(fixed('missing_value', alone))).toMatchObject({ dropped: 1, accepted: 0 });
    const withPrior = fixed('missing_value', [bar('2016-03-15', { close: null })], { priorClose: () => 10.25 });
    expect(withPrior.accepted[0]).toMatchObject({ close: 10.25 });
  });

  it('high_below_low swaps; open_close_outside_range widens the range', () => {
    expect(fixed('high_below_low', BAD.high_below_low()).accepted[1]).toMatchObject({ high: 11, low: 9 });
    expect(fixed('open_close_outside_range', BAD.open_close_outside_range()).accepted[1]).toMatchObject({
      open: 12,
      high: 12,
      low: 9,
    });
  });

  it('negative_volume sets the volume to null; dropping fixes remove the row', () => {
    expect(fixed('negative_volume', BAD.negative_volume()).accepted[1]).toMatchObject({ volume: null });
    for (const rule of ['non_positive_price', 'off_calendar', 'future_timestamp', 'unknown_instrument'] as const) {
      expect(outcome(fixed(rule, BAD[rule]()))).toMatchObject({ dropped: 1, accepted: 1 });
    }
  });

  it('duplicate keeps the last occurrence; out_of_order sorts', () => {
    const dup = fixed('duplicate', BAD.duplicate());
    expect(dup.accepted.map((a) => a.close)).toEqual([10.5, 10.6]);
    const sorted = fixed('out_of_order', BAD.out_of_order());
    expect(sorted.accepted.map((a) => a.day)).toEqual(['2016-03-14', '2016-03-15']);
  });

  it('a quarantined row is reported as it was read, not as another rule fixed it', () => {
    const rows = [bar('2016-03-14'), bar('2016-03-15', { high: 9, low: 11, volume: -1 })];
    const v = run(rows, { negative_volume: 'fix', high_below_low: 'quarantine' });
    expect(v.quarantined[0]!.bar).toMatchObject({ high: 9, low: 11, volume: -1 });
    expect(v.quarantined[0]!.rules).toEqual(['negative_volume', 'high_below_low']);
  });
});

describe('split-like jumps', () => {
  it('are warnings by default, silent when a corporate action is on record', () => {
    expect(outcome(run(BAD.split_like_jump()))).toMatchObject({ warnings: 1, accepted: 2 });
    const recorded = run(
      BAD.split_like_jump(),
      {},
      { hasCorporateAction: (s, d) => s === 'AAA' && d === '2016-03-15' },
    );
    expect(recorded.warnings).toBe(0);
  });

  it('respect the threshold and compare with the stored close before the batch', () => {
    expect(run(BAD.split_like_jump(), { jump_threshold: 1.5 }).warnings).toBe(0);
    const first = [bar('2016-03-15', { open: 5, high: 5.5, low: 4.5, close: 5.25 })];
    expect(run(first).warnings).toBe(0);
    expect(run(first, {}, { priorClose: () => 10.5 }).warnings).toBe(1);
  });
});

describe('rule configuration', () => {
  it('has defaults and refuses actions a rule does not have', () => {
    expect(resolveRules({}).actions).toMatchObject({ missing_value: 'quarantine', split_like_jump: 'warn' });
    expect(() => resolveRules({ split_like_jump: 'fix' })).toThrow(/split_like_jump cannot be set to fix/);
    expect(() => resolveRules({ duplicate: 'warn' })).toThrow(/allowed: reject, quarantine, fix/);
    expect(() => resolveRules({ no_such_rule: 'warn' })).toThrow();
  });

  it('parses the CLI form', () => {
    expect(parseRuleList('missing_value=fix, duplicate=reject,jump_threshold=0.5')).toEqual({
      missing_value: 'fix',
      duplicate: 'reject',
      jump_threshold: 0.5,
    });
    expect(() => parseRuleList('missing_value')).toThrow(/expected rule=action/);
  });
});
