import { z } from 'zod';

/**
 * The data rules every pushed observation passes after its shape is checked, with the actions of
 * bar ingestion (market-data's rules.ts): `reject` drops and reports the row, `quarantine` holds it
 * in Postgres for review, `fix` applies the rule's fix, `warn` keeps it and reports the finding.
 */
export const OBSERVATION_RULES = [
  'invalid_entity',
  'wrong_type',
  'missing_value',
  'out_of_range',
  'available_before_event',
  'future_event',
  'duplicate',
] as const;
export type ObservationRule = (typeof OBSERVATION_RULES)[number];

export const ACTIONS = ['reject', 'quarantine', 'fix', 'warn'] as const;
export type RuleAction = (typeof ACTIONS)[number];

/** What `fix` does, for the rules that have a fix. */
export const FIXES: Partial<Record<ObservationRule, string>> = {
  out_of_range: 'clamp the value to the declared range',
  available_before_event:
    "set available_at to the event's end plus the declared latency (the earliest it could have been known)",
  duplicate: 'keep the last occurrence in the batch, drop the earlier ones',
};

/** Rules whose finding cannot be stored as it is. */
const NO_WARN: readonly ObservationRule[] = ['invalid_entity', 'wrong_type', 'available_before_event', 'duplicate'];

export const DEFAULT_RULES: Readonly<Record<ObservationRule, RuleAction>> = {
  invalid_entity: 'reject',
  wrong_type: 'reject',
  missing_value: 'reject',
  out_of_range: 'quarantine',
  available_before_event: 'reject',
  future_event: 'reject',
  duplicate: 'reject',
};

export function allowedActions(rule: ObservationRule): RuleAction[] {
  return ACTIONS.filter((a) => (a !== 'fix' || FIXES[rule] !== undefined) && (a !== 'warn' || !NO_WARN.includes(rule)));
}

/** A dataset's rule actions as declared: any subset of rules (the rest keep their defaults). */
export const ruleOverridesSchema = z
  .object(Object.fromEntries(OBSERVATION_RULES.map((r) => [r, z.enum(ACTIONS).optional()])))
  .strict()
  .superRefine((value, ctx) => {
    for (const rule of OBSERVATION_RULES) {
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
export type RuleOverrides = Partial<Record<ObservationRule, RuleAction>>;

/** The actions in force: defaults with the dataset's declared overrides on top. */
export function resolveRules(overrides: unknown = {}): Record<ObservationRule, RuleAction> {
  const parsed = ruleOverridesSchema.parse(overrides ?? {}) as RuleOverrides;
  return { ...DEFAULT_RULES, ...Object.fromEntries(Object.entries(parsed).filter(([, a]) => a)) };
}
