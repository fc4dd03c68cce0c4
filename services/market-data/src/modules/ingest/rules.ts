import { z } from 'zod';

/**
 * The data rules every bar passes after its shape and types are checked, in the order they run.
 * Each rule's action is configurable; `FIXES` says what `fix` does for the rules that have one.
 */
export const RULES = [
  'unknown_instrument',
  'missing_value',
  'non_positive_price',
  'negative_volume',
  'high_below_low',
  'open_close_outside_range',
  'off_calendar',
  'future_timestamp',
  'duplicate',
  'out_of_order',
  'split_like_jump',
] as const;
export type RuleName = (typeof RULES)[number];

/**
 * `reject`: the row is dropped and reported. `quarantine`: the row is held in Postgres for review and
 * can be released later. `fix`: the rule's fix is applied and the row goes on. `warn`: the row is kept
 * as it is and the finding reported.
 */
export const ACTIONS = ['reject', 'quarantine', 'fix', 'warn'] as const;
export type RuleAction = (typeof ACTIONS)[number];

/** What `fix` does, for the rules that have a fix. */
export const FIXES: Partial<Record<RuleName, string>> = {
  unknown_instrument: 'drop the row',
  missing_value:
    "forward-fill: a missing price takes the previous bar's close (in the batch, else as stored); " +
    'a missing volume becomes 0; a row with nothing before it to fill from is dropped',
  non_positive_price: 'drop the row',
  negative_volume: 'set the volume to null (unknown)',
  high_below_low: 'swap high and low',
  open_close_outside_range: 'widen high and low to take in open and close',
  off_calendar: 'drop the row',
  future_timestamp: 'drop the row',
  duplicate: 'keep the last occurrence in the batch, drop the earlier ones',
  out_of_order: 'sort the rows by time (order in a file carries no meaning once rows are keyed by time)',
};

/** Rules whose finding must not be kept as it is (`warn` would store a row that cannot be stored). */
const NO_WARN: readonly RuleName[] = ['unknown_instrument', 'duplicate'];

export const DEFAULT_RULES: Readonly<Record<RuleName, RuleAction>> = {
  unknown_instrument: 'reject',
  missing_value: 'quarantine',
  non_positive_price: 'quarantine',
  negative_volume: 'quarantine',
  high_below_low: 'quarantine',
  open_close_outside_range: 'quarantine',
  off_calendar: 'quarantine',
  future_timestamp: 'reject',
  duplicate: 'quarantine',
  out_of_order: 'fix',
  split_like_jump: 'warn',
};

/** Default split-like jump threshold: close / previous close above 1.35 or below 1/1.35 (a 3:2 split or more). */
export const DEFAULT_JUMP_THRESHOLD = 0.35;

export interface RuleSet {
  readonly actions: Readonly<Record<RuleName, RuleAction>>;
  /** A one-day move is split-like when close/previous close leaves [1/(1+t), 1+t]. */
  readonly jumpThreshold: number;
}

export function allowedActions(rule: RuleName): RuleAction[] {
  return ACTIONS.filter((a) => (a !== 'fix' || FIXES[rule] !== undefined) && (a !== 'warn' || !NO_WARN.includes(rule)));
}

/** Rule overrides as a caller gives them: any subset of rules, plus the jump threshold. */
export const ruleOverridesSchema = z
  .object({
    ...Object.fromEntries(RULES.map((r) => [r, z.enum(ACTIONS).optional()])),
    jump_threshold: z.number().positive().max(100).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    for (const rule of RULES) {
      const action = (value as Record<string, RuleAction | undefined>)[rule];
      if (action && !allowedActions(rule).includes(action)) {
        ctx.addIssue({
          code: 'custom',
          path: [rule],
          message: `rule ${rule} cannot be set to ${action}; allowed: ${allowedActions(rule).join(', ')}`,
        });
      }
    }
  });
export type RuleOverrides = Partial<Record<RuleName, RuleAction>> & { jump_threshold?: number };

/** The rules in force: defaults with the caller's overrides on top (validated). */
export function resolveRules(overrides: unknown = {}): RuleSet {
  const parsed = ruleOverridesSchema.parse(overrides ?? {}) as RuleOverrides;
  const actions = { ...DEFAULT_RULES };
  for (const rule of RULES) {
    const a = parsed[rule];
    if (a) actions[rule] = a;
  }
  return { actions, jumpThreshold: parsed.jump_threshold ?? DEFAULT_JUMP_THRESHOLD };
}

/** Parses `rule=action,rule=action,jump_threshold=0.5` (the CLI's --rules) into overrides. */
export function parseRuleList(text: string): RuleOverrides {
  const out: Record<string, unknown> = {};
  for (const part of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!key || !value)
      throw new z.ZodError([{ code: 'custom', path: [part], message: `expected rule=action, got ${part}` }]);
    out[key] = key === 'jump_threshold' ? Number(value) : value;
  }
  return ruleOverridesSchema.parse(out) as RuleOverrides;
}

/** Rules as stored with a report (and hashed into its fingerprint). */
export function rulesRecord(rules: RuleSet): Record<string, unknown> {
  return { ...rules.actions, jump_threshold: rules.jumpThreshold };
}
