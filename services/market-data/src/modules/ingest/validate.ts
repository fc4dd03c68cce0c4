import type { CalendarCode } from '@alphagraph/calendar';
import type { BarInterval } from './mappings.ts';
import { RULES, type RuleAction, type RuleName, type RuleSet } from './rules.ts';
import { type CandidateBar, PRICE_FIELDS } from './shape.ts';
import type { BarClock } from './time.ts';

export interface ValidationContext {
  readonly interval: BarInterval;
  readonly rules: RuleSet;
  /** Ingestion time, epoch ms: bars that end after it are in the future. */
  readonly now: number;
  /** The trading calendar of a symbol the master knows (or will register), else undefined. */
  calendarOf(symbol: string): CalendarCode | undefined;
  /** Why a symbol is not usable, when it is not (unknown to the master, invalid). */
  unknownReason(symbol: string): string | null;
  /** The newest stored close before `time` (forward-fill and jump checks across batches). */
  priorClose(symbol: string): number | null;
  /** Whether a corporate action is on record for the symbol on that session date. */
  hasCorporateAction(symbol: string, day: string): boolean;
  readonly clock: BarClock;
  /** How many issues of fixed and warned rows to keep (rejected and quarantined ones are all kept). */
  readonly issueCap?: number;
}

/** A row that passed (possibly fixed), with its first-seen `availableAt` set. */
export type AcceptedBar = Readonly<CandidateBar>;

export type IssueOutcome = 'rejected' | 'quarantined' | 'fixed' | 'dropped' | 'warned';
export interface Issue {
  readonly line: number;
  readonly symbol: string;
  readonly time: number;
  readonly rule: RuleName;
  readonly outcome: IssueOutcome;
  readonly message: string;
}

/** A row held back or refused: as it was read, with every rule it broke. */
export interface FlaggedBar {
  readonly bar: CandidateBar;
  readonly rules: RuleName[];
  readonly reason: string;
}

export interface Validation {
  readonly accepted: AcceptedBar[];
  readonly quarantined: FlaggedBar[];
  readonly rejected: FlaggedBar[];
  readonly issues: Issue[];
  readonly issuesTruncated: boolean;
  readonly fixed: number;
  readonly dropped: number;
  readonly warnings: number;
  /** Rows each rule flagged. */
  readonly ruleCounts: Record<RuleName, number>;
}

interface Finding {
  rule: RuleName;
  message: string;
  /** A `fix` that removes the row rather than repairing it. */
  drops?: boolean;
}

const SEVERITY: Record<RuleAction, number> = { reject: 3, quarantine: 2, fix: 1, warn: 0 };

/**
 * Applies the data rules to rows whose shape is already checked. Rows of one symbol are taken in
 * time order, so forward-fill and the jump check see the previous accepted bar. Takes ownership of
 * `rows`: fixes repair them in place and accepted rows are returned as they are, not copied.
 */
export function validateBars(rows: CandidateBar[], ctx: ValidationContext): Validation {
  const action = ctx.rules.actions;
  const cap = ctx.issueCap ?? 1000;
  const bySymbol = new Map<string, number[]>();
  rows.forEach((r, i) => {
    const list = bySymbol.get(r.symbol);
    if (list) list.push(i);
    else bySymbol.set(r.symbol, [i]);
  });

  const out = {
    accepted: [] as AcceptedBar[],
    quarantined: [] as FlaggedBar[],
    rejected: [] as FlaggedBar[],
    issues: [] as Issue[],
    issuesTruncated: false,
    fixed: 0,
    dropped: 0,
    warnings: 0,
    ruleCounts: Object.fromEntries(RULES.map((r) => [r, 0])) as Record<RuleName, number>,
  };
  let minorIssues = 0;

  // One mutable cursor per batch: the rule checks run for every row, so they allocate nothing
  // unless a rule fires.
  const row = {
    bar: null as unknown as CandidateBar,
    original: null as CandidateBar | null,
    findings: [] as Finding[],
  };
  const flag: Flag = (rule, message, fix) => {
    const f: Finding = { rule, message };
    if (action[rule] === 'fix' && fix) {
      // Fixes repair the row in place; a row that ends up held or refused is reported as it was read.
      row.original ??= { ...row.bar };
      f.drops = fix() === false;
    }
    if (row.findings === NO_FINDINGS) row.findings = [];
    row.findings.push(f);
  };
  const t = ctx.rules.jumpThreshold;

  for (const [symbol, indices] of bySymbol) {
    const sequence = sequenceFindings(rows, indices, action.duplicate === 'fix');
    const calendar = ctx.calendarOf(symbol);
    const unknown = ctx.unknownReason(symbol);
    let prevClose = ctx.priorClose(symbol);
    let prevSeenClose = prevClose;
    for (const i of indices) {
      const bar = rows[i]!;
      row.bar = bar;
      row.original = null;
      row.findings = sequence.get(i) ?? (NO_FINDINGS as Finding[]);
      if (unknown) flag('unknown_instrument', unknown, () => false);
      checkValues(bar, prevClose, flag);
      if (calendar) {
        const off = ctx.clock.offCalendarReason(calendar, ctx.interval, bar);
        if (off) flag('off_calendar', off, () => false);
        bar.availableAt = ctx.clock.availableAt(calendar, ctx.interval, bar);
      } else {
        bar.availableAt = bar.time;
      }
      if (bar.availableAt > ctx.now) {
        const at = bar.availableAt;
        flag('future_timestamp', `the bar ends at ${iso(at)}, after the ingestion time ${iso(ctx.now)}`, () => false);
      }
      const dataOk = row.findings.every((f) => f.rule === 'duplicate' || f.rule === 'out_of_order');
      if (ctx.interval === '1d' && bar.day && bar.close !== null && prevSeenClose) {
        const ratio = bar.close / prevSeenClose;
        if ((ratio > 1 + t || ratio < 1 / (1 + t)) && !ctx.hasCorporateAction(symbol, bar.day)) {
          flag(
            'split_like_jump',
            `close ${bar.close} is ${ratio.toFixed(4)}x the previous close ${prevSeenClose} ` +
              `(threshold ${t}) and no corporate action is on record for ${bar.day}`,
          );
        }
      }
      if (dataOk && bar.close !== null) prevSeenClose = bar.close;

      const findings = row.findings;
      const read = row.original ?? bar;
      if (findings.length === 0) {
        out.accepted.push(bar);
        if (bar.close !== null) prevClose = bar.close;
        continue;
      }
      let worst: RuleAction | null = null;
      for (const f of findings) {
        out.ruleCounts[f.rule] += 1;
        if (worst === null || SEVERITY[action[f.rule]] > SEVERITY[worst]) worst = action[f.rule];
      }
      if (worst === 'reject' || worst === 'quarantine') {
        const outcome = worst === 'reject' ? 'rejected' : 'quarantined';
        for (const f of findings) out.issues.push(issue(read, f, outcome));
        const flagged = { bar: read, rules: findings.map((f) => f.rule), reason: findings.map(describe).join('; ') };
        (worst === 'reject' ? out.rejected : out.quarantined).push(flagged);
        continue;
      }
      if (findings.some((f) => action[f.rule] === 'fix')) out.fixed += 1;
      if (findings.some((f) => action[f.rule] === 'warn')) out.warnings += 1;
      for (const f of findings) {
        const outcome: IssueOutcome = action[f.rule] === 'warn' ? 'warned' : f.drops ? 'dropped' : 'fixed';
        if (minorIssues < cap) out.issues.push(issue(read, f, outcome));
        else out.issuesTruncated = true;
        minorIssues += 1;
      }
      if (findings.some((f) => f.drops)) {
        out.dropped += 1;
        continue;
      }
      out.accepted.push(bar);
      if (bar.close !== null) prevClose = bar.close;
    }
  }
  return out;
}

const NO_FINDINGS: readonly Finding[] = Object.freeze([]) as readonly Finding[];

type Flag = (rule: RuleName, message: string, fix?: () => boolean | undefined) => void;

/** The per-row value rules, in order; a fix repairs `bar` in place (or returns false to drop it). */
function checkValues(bar: CandidateBar, prevClose: number | null, flag: Flag): void {
  const { open, high: h, low: l, close, volume } = bar;
  const complete = open !== null && h !== null && l !== null && close !== null && volume !== null;
  // The common case: every value there, positive, high >= low and open, close inside the range.
  if (complete && l > 0 && volume >= 0 && h >= l && open >= l && open <= h && close >= l && close <= h) return;
  const missing = [...PRICE_FIELDS, 'volume' as const].filter((f) => bar[f] === null);
  if (missing.length > 0) {
    flag('missing_value', `missing ${missing.join(', ')}`, () => {
      for (const f of missing) {
        if (f === 'volume') bar.volume = 0;
        else if (prevClose === null) return false;
        else bar[f] = prevClose;
      }
      return true;
    });
  }
  const nonPositive = PRICE_FIELDS.filter((f) => bar[f] !== null && bar[f]! <= 0);
  if (nonPositive.length > 0) {
    flag('non_positive_price', nonPositive.map((f) => `${f} ${bar[f]}`).join(', ') + ' is not positive', () => false);
  }
  if (bar.volume !== null && bar.volume < 0) {
    flag('negative_volume', `volume ${bar.volume} is negative`, () => {
      bar.volume = null;
      return true;
    });
  }
  if (bar.high !== null && bar.low !== null && bar.high < bar.low) {
    flag('high_below_low', `high ${bar.high} is below low ${bar.low}`, () => {
      [bar.high, bar.low] = [bar.low, bar.high];
      return true;
    });
  }
  const { high, low } = bar;
  // With high below low (and not swapped), "inside the range" has no meaning: that rule covers it.
  if (high !== null && low !== null && high >= low) {
    const outside = (['open', 'close'] as const).filter((f) => bar[f] !== null && (bar[f]! > high || bar[f]! < low));
    if (outside.length > 0) {
      flag(
        'open_close_outside_range',
        `${outside.map((f) => `${f} ${bar[f]}`).join(' and ')} outside [low ${low}, high ${high}]`,
        () => {
          const inside = [high, low, ...outside.map((f) => bar[f]!)];
          bar.high = Math.max(...inside);
          bar.low = Math.min(...inside);
          return true;
        },
      );
    }
  }
}

/**
 * Out-of-order and duplicate findings of one symbol's rows, then sorts `indices` by time (file
 * order among equal times). Out of order: a time before one seen earlier in the file. Duplicate:
 * every occurrence of a time after the first or, when the fix keeps the last, every one before it.
 */
function sequenceFindings(rows: readonly CandidateBar[], indices: number[], keepLast: boolean): Map<number, Finding[]> {
  const out = new Map<number, Finding[]>();
  const add = (i: number, f: Finding) => {
    const list = out.get(i);
    if (list) list.push(f);
    else out.set(i, [f]);
  };
  let newest = Number.NEGATIVE_INFINITY;
  for (const i of indices) {
    const t = rows[i]!.time;
    if (t < newest) add(i, { rule: 'out_of_order', message: `${iso(t)} comes after ${iso(newest)} in the file` });
    else newest = t;
  }
  // Files are usually in time order already: sort only when the out-of-order scan found otherwise.
  if (out.size > 0 || !isSorted(rows, indices)) indices.sort((a, b) => rows[a]!.time - rows[b]!.time || a - b);
  for (let start = 0; start < indices.length; ) {
    let end = start + 1;
    while (end < indices.length && rows[indices[end]!]!.time === rows[indices[start]!]!.time) end += 1;
    if (end - start > 1) {
      const group = indices.slice(start, end);
      const first = rows[group[0]!]!;
      const lines = group.map((i) => rows[i]!.line).join(', ');
      for (const i of keepLast ? group.slice(0, -1) : group.slice(1)) {
        add(i, {
          rule: 'duplicate',
          message: `${first.symbol} ${iso(first.time)} appears ${group.length} times (lines ${lines})`,
          drops: keepLast,
        });
      }
    }
    start = end;
  }
  return out;
}

function isSorted(rows: readonly CandidateBar[], indices: readonly number[]): boolean {
  for (let k = 1; k < indices.length; k++) if (rows[indices[k]!]!.time < rows[indices[k - 1]!]!.time) return false;
  return true;
}

function issue(bar: CandidateBar, f: Finding, outcome: IssueOutcome): Issue {
  return { line: bar.line, symbol: bar.symbol, time: bar.time, rule: f.rule, outcome, message: f.message };
}

const describe = (f: Finding) => `${f.rule}: ${f.message}`;
const iso = (ms: number) => new Date(ms).toISOString();
