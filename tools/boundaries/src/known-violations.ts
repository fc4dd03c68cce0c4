import type { Violation } from './violation.ts';

export interface KnownViolation {
  rule: string;
  from: string;
  to: string;
  /** Which part of issue 9 removes it; the entry goes when that part is merged. */
  removedBy: string;
}

/*
 * Violations tolerated while a fix is under way: each entry tolerates exactly one rule from one file
 * to one target, and an entry that no longer matches fails the check too. Issue 9 emptied it; an
 * entry added here names the issue that removes it.
 */
export const KNOWN_VIOLATIONS: KnownViolation[] = [];

export interface Verdict {
  /** Violations no entry tolerates: these fail the check. */
  unexpected: Violation[];
  tolerated: Violation[];
  /** Entries that matched nothing: the fix landed, so the entry must go. */
  stale: KnownViolation[];
}

export function judge(violations: Violation[], known: KnownViolation[] = KNOWN_VIOLATIONS): Verdict {
  const matches = (entry: KnownViolation, v: Violation) =>
    entry.rule === v.rule && entry.from === v.from && entry.to === v.to;
  return {
    unexpected: violations.filter((v) => !known.some((entry) => matches(entry, v))),
    tolerated: violations.filter((v) => known.some((entry) => matches(entry, v))),
    stale: known.filter((entry) => !violations.some((v) => matches(entry, v))),
  };
}
