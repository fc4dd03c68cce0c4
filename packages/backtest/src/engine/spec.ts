import { z } from 'zod';
import { BacktestError } from '../errors.ts';

const nonNegative = z.number().finite().min(0);
const positive = z.number().finite().positive();

/** Rule turning the signal of one date into a direction per symbol (+1 long, -1 short, 0 flat). */
export const RuleSchema = z.discriminatedUnion('type', [
  /** Long when signal > `long`, short when signal < `short`, flat otherwise (either bound optional). */
  z.strictObject({
    type: z.literal('threshold'),
    long: z.number().finite().optional(),
    short: z.number().finite().optional(),
  }),
  /** Long the `long` highest and short the `short` lowest signals across the universe (ties: symbol order). */
  z.strictObject({ type: z.literal('topK'), long: z.number().int().min(0), short: z.number().int().min(0) }),
  /**
   * Enter long when the signal crosses above `threshold` (previous <= threshold < current); when it
   * crosses below (previous >= threshold > current) go flat, or short with `below: 'short'`.
   */
  z.strictObject({
    type: z.literal('crossover'),
    threshold: z.number().finite().default(0),
    below: z.enum(['flat', 'short']).default('flat'),
  }),
]);

/** When targets are recomputed: every session, the first session of each ISO week / month, or every n sessions. */
export const RebalanceSchema = z
  .union([z.enum(['daily', 'weekly', 'monthly']), z.strictObject({ everySessions: z.number().int().min(1) })])
  .default('daily');

export const SizingSchema = z
  .discriminatedUnion('type', [
    /** Equal weight 1/N per active name (gross 1). */
    z.strictObject({ type: z.literal('equal') }),
    /** Weights proportional to |signal| among active names (gross 1). */
    z.strictObject({ type: z.literal('signal') }),
    /**
     * Volatility target (annual, e.g. 0.1). `portfolio`: equal weights scaled by target / realized
     * volatility of that equal-weight portfolio; `perName`: each name gets target / (N * its own
     * volatility). Realized volatility: sample std of close-to-close returns over the `lookback`
     * sessions ending at the signal date (past closes only) × sqrt(252).
     */
    z.strictObject({
      type: z.literal('volatilityTarget'),
      target: positive,
      lookback: z.number().int().min(2),
      method: z.enum(['portfolio', 'perName']).default('portfolio'),
    }),
  ])
  .default({ type: 'equal' });

/** Applied in this order: longOnly, maxWeight (clip), maxGross (scale all), maxNet (scale the larger side). */
export const LimitsSchema = z
  .strictObject({
    maxWeight: positive.optional(),
    maxGross: positive.optional(),
    maxNet: nonNegative.optional(),
    longOnly: z.boolean().default(false),
  })
  .default({ longOnly: false });

/**
 * Costs per fill. commissionBps: of traded value; commissionFixed: cash per order (per symbol and
 * rebalance with a non-zero quantity); slippageBps: the fill price moves against the order by this
 * much; spreadBps: full quoted spread, half of it paid on each side (so it adds spreadBps/2 to the
 * slippage of every fill).
 */
export const CostsSchema = z
  .strictObject({
    commissionBps: nonNegative.default(0),
    commissionFixed: nonNegative.default(0),
    slippageBps: nonNegative.default(0),
    spreadBps: nonNegative.default(0),
  })
  .default({ commissionBps: 0, commissionFixed: 0, slippageBps: 0, spreadBps: 0 });

/**
 * Fill timing. A signal of date d is known at d's close; its orders fill `lagBars` sessions later
 * (>= 1), at that session's open (`nextOpen`, default) or close (`nextClose`).
 */
export const ExecutionSchema = z
  .strictObject({
    at: z.enum(['nextOpen', 'nextClose']).default('nextOpen'),
    lagBars: z.number().int().min(0).default(1),
  })
  .default({ at: 'nextOpen', lagBars: 1 });

export const BacktestSpecSchema = z.strictObject({
  rule: RuleSchema,
  rebalance: RebalanceSchema,
  sizing: SizingSchema,
  limits: LimitsSchema,
  costs: CostsSchema,
  /** Starting cash (> 0). */
  cash: positive.default(1_000_000),
  execution: ExecutionSchema,
});

/** A strategy spec as written by a user (defaults not yet applied). */
export type BacktestSpecInput = z.input<typeof BacktestSpecSchema>;
/** A validated strategy spec with defaults applied. */
export type BacktestSpec = z.output<typeof BacktestSpecSchema>;

/**
 * Validates a spec (strict: an unknown field is an error naming it) and refuses timing with
 * lookahead: `lagBars: 0` would fill on the bar whose close produced the signal.
 */
export function parseBacktestSpec(input: unknown): BacktestSpec {
  const parsed = BacktestSpecSchema.safeParse(input);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'spec';
      if (issue.code === 'unrecognized_keys')
        return `${where}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${where}: ${issue.message}`;
    });
    throw new BacktestError('INVALID_SPEC', `Invalid backtest spec: ${problems.join('; ')}`, { cause: parsed.error });
  }
  const spec = parsed.data;
  if (spec.execution.lagBars === 0) {
    const at = spec.execution.at === 'nextOpen' ? 'open' : 'close';
    throw new BacktestError(
      'LOOKAHEAD',
      `execution.lagBars 0 would trade at the ${at} of the same bar whose close produced the signal (lookahead); use lagBars >= 1`,
    );
  }
  if (spec.rule.type === 'topK' && spec.rule.long + spec.rule.short === 0) {
    throw new BacktestError('INVALID_SPEC', 'Invalid backtest spec: rule: topK needs long or short > 0');
  }
  return spec;
}
