import type { Violation } from './violation.ts';

export interface KnownViolation {
  rule: string;
  from: string;
  to: string;
  /** Which part of issue 9 removes it; the entry goes when that part is merged. */
  removedBy: string;
}

/*
 * Violations the tree had when the checks arrived, each being removed in parallel under issue 9.
 * Each entry tolerates exactly one rule from one file to one target; nothing else is let through.
 * An entry that no longer matches fails the check too, so the list shrinks as the fixes merge:
 * it should be empty once issue 9 is done.
 */
export const KNOWN_VIOLATIONS: KnownViolation[] = [
  // The launcher and the ingest command start services by joining `services/<name>/src/main.ts`.
  {
    rule: 'no-service-file-path',
    from: 'packages/cli/src/platform.ts',
    to: "'services'",
    removedBy: 'issue 9 item 4 (subgraph roster, declared entries)',
  },
  {
    rule: 'no-service-file-path',
    from: 'packages/cli/src/ingest.ts',
    to: "'services'",
    removedBy: 'issue 9 item 4 (subgraph roster, declared entries)',
  },
];

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
