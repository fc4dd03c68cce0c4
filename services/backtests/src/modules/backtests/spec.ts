import { type BacktestSpec, BacktestError as EngineError, parseBacktestSpec } from '@alphagraph/backtest';
import { BAR_FIELDS, BARS_DATASET } from '@alphagraph/datasets';
import { type CheckedExpression, checkExpression, DslError, type FieldInfo, parseExpression } from '@alphagraph/dsl';
import { z } from 'zod';
import { BacktestServiceError } from './errors.ts';

/**
 * A backtest's spec as validated and stored (defaults applied). A rerun and every replica's worker
 * rebuild the run from this alone, plus the pinned snapshots.
 */
export interface RunSpec {
  readonly name: string;
  readonly mode: 'portfolio' | 'backtesting_py';
  readonly universe: readonly string[];
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly signal: SignalSpec | null;
  /** The portfolio engine's strategy (PORTFOLIO). */
  readonly strategy: BacktestSpec | null;
  /** The compatible mode's strategy and broker (BACKTESTING_PY). */
  readonly compat: CompatSpec | null;
  readonly conventions: Conventions;
  /** Walk-forward of a model signal: retrain on rolling windows, trade out-of-sample predictions. */
  readonly walkForward?: WalkForwardSpec | null;
}

/**
 * Rolling windows over the distinct instants `t` of the version's training set: train on
 * `trainWindow` instants, predict the next `testWindow`, move on by `step` (>= testWindow, so
 * out-of-sample periods never overlap).
 */
export interface WalkForwardSpec {
  readonly trainWindow: number;
  readonly testWindow: number;
  readonly step: number;
}

export type SignalSpec =
  | { readonly kind: 'expression'; readonly expression: string }
  | {
      readonly kind: 'model';
      readonly model: string;
      readonly version: number;
      readonly field: 'prediction' | 'probability';
    };

export interface CompatSpec {
  readonly fast: number;
  readonly slow: number;
  readonly cash: number;
  readonly commission: number;
  readonly commissionFixed: number;
  readonly spread: number;
  readonly finalizeTrades: boolean;
  readonly version: '0.6.5' | '0.6.6';
}

export interface Conventions {
  /** Periods per year A (default 252). */
  readonly annualization: number;
  /** Annual risk-free rate (default 0). */
  readonly riskFreeRate: number;
  readonly returns: 'simple' | 'log';
}

export const DEFAULT_CONVENTIONS: Conventions = { annualization: 252, riskFreeRate: 0, returns: 'simple' };

/** The fields a signal expression may read: daily bars (DESIGN section 5), as features read them. */
export const SIGNAL_FIELDS: Readonly<Record<string, FieldInfo>> = Object.fromEntries(
  BAR_FIELDS.map((f) => [f, { dataset: BARS_DATASET.name }]),
);

const DATE = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD');
const SYMBOL = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$/, 'is not an instrument symbol');

const signalSchema = z.strictObject({
  expression: z.string().min(1).max(4000).nullish(),
  model: z.string().min(1).max(63).nullish(),
  modelVersion: z.number().int().min(1).nullish(),
  modelField: z.enum(['prediction', 'probability']).nullish(),
});

const compatSchema = z
  .strictObject({
    fast: z.number().int().min(1).max(1000).default(10),
    slow: z.number().int().min(2).max(1000).default(30),
    cash: z.number().finite().positive('must be positive').default(10_000),
    commission: z.number().finite().min(0).max(0.5).default(0),
    commissionFixed: z.number().finite().min(0).default(0),
    spread: z.number().finite().min(0).max(0.5).default(0),
    finalizeTrades: z.boolean().default(true),
    version: z.enum(['0.6.5', '0.6.6']).default('0.6.6'),
  })
  .refine((c) => c.slow > c.fast, { message: 'slow must be longer than fast', path: ['slow'] });

const conventionsSchema = z
  .strictObject({
    annualization: z.number().finite().positive().max(100_000).default(252),
    riskFreeRate: z.number().finite().gt(-1).lt(1).default(0),
    returns: z.enum(['simple', 'log']).default('simple'),
  })
  .default(DEFAULT_CONVENTIONS);

/** The spec as the mutation (or a service caller) gives it. */
export const specInputSchema = z.strictObject({
  name: z.string().trim().min(1, 'must not be empty').max(200),
  mode: z.enum(['portfolio', 'backtesting_py']).default('portfolio'),
  universe: z
    .array(SYMBOL)
    .min(1, 'is empty: a backtest trades at least one instrument')
    .max(5000)
    .refine((u) => new Set(u).size === u.length, 'lists a symbol twice'),
  periodStart: DATE,
  periodEnd: DATE,
  signal: signalSchema.nullish(),
  strategy: z.unknown().optional(),
  compat: compatSchema.nullish(),
  conventions: conventionsSchema.nullish(),
  walkForward: z
    .strictObject({
      trainWindow: z.number().int().min(2).max(100_000),
      testWindow: z.number().int().min(1).max(100_000),
      step: z.number().int().min(1).max(100_000).nullish(),
    })
    .nullish(),
});
export type SpecInput = z.input<typeof specInputSchema>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = issue.path.length ? issue.path.join('.') : 'spec';
      if (issue.code === 'unrecognized_keys')
        return `${where}: unknown field(s) ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${where}: ${issue.message}`;
    })
    .join('; ');
}

/** Checks a signal expression as a feature (no lookahead, known fields) and returns what it reads. */
export function checkSignalExpression(expression: string): CheckedExpression {
  try {
    return checkExpression(parseExpression(expression), { fields: SIGNAL_FIELDS, mode: 'feature' });
  } catch (error) {
    if (error instanceof DslError) {
      throw new BacktestServiceError(
        error.code === 'LOOKAHEAD' ? 'LOOKAHEAD' : 'INVALID_SPEC',
        `signal.expression does not compile: ${error.message}`,
        { cause: error },
      );
    }
    throw error;
  }
}

/**
 * Validates a spec strictly (an unknown field anywhere is refused by name) and applies defaults.
 * Throws BacktestServiceError naming every problem; data-dependent checks (bars in the period, a
 * readable model) happen when the snapshots are pinned.
 */
export function parseRunSpec(input: unknown): RunSpec {
  const parsed = specInputSchema.safeParse(input);
  if (!parsed.success)
    throw new BacktestServiceError('INVALID_SPEC', `Invalid backtest spec: ${describeIssues(parsed.error)}`);
  const s = parsed.data;
  const problems: string[] = [];
  if (s.periodStart > s.periodEnd) problems.push(`periodStart ${s.periodStart} is after periodEnd ${s.periodEnd}`);
  for (const [k, v] of [
    ['periodStart', s.periodStart],
    ['periodEnd', s.periodEnd],
  ] as const) {
    if (Number.isNaN(Date.parse(`${v}T00:00:00Z`))) problems.push(`${k}: ${v} is not a calendar date`);
  }
  let signal: SignalSpec | null = null;
  let strategy: BacktestSpec | null = null;
  let compat: CompatSpec | null = null;
  if (s.mode === 'portfolio') {
    if (s.compat) problems.push('compat: only for mode BACKTESTING_PY');
    const sig = s.signal;
    const hasExpression = !!sig?.expression;
    const hasModel = !!sig?.model;
    if (!sig || hasExpression === hasModel) {
      problems.push('signal: give exactly one of expression, or model with modelVersion');
    } else if (hasModel && !sig.modelVersion) {
      problems.push(`signal.modelVersion: which version of model ${sig.model} to trade (its batch predictions)`);
    } else {
      signal = hasExpression
        ? { kind: 'expression', expression: sig.expression! }
        : { kind: 'model', model: sig.model!, version: sig.modelVersion!, field: sig.modelField ?? 'prediction' };
    }
    if (s.strategy === undefined || s.strategy === null) problems.push('strategy: missing (at least a rule)');
    if (s.walkForward) {
      if (!hasModel) problems.push('walkForward: only for a model signal (it retrains the model version)');
      const step = s.walkForward.step ?? s.walkForward.testWindow;
      if (step < s.walkForward.testWindow) {
        problems.push(
          `walkForward.step: ${step} is shorter than testWindow ${s.walkForward.testWindow}: out-of-sample windows would overlap`,
        );
      }
    }
  } else {
    if (s.walkForward) problems.push('walkForward: only for mode PORTFOLIO with a model signal');
    if (s.signal) problems.push('signal: mode BACKTESTING_PY trades its own SmaCross(fast, slow); give compat instead');
    if (s.strategy !== undefined && s.strategy !== null)
      problems.push('strategy: only for mode PORTFOLIO; give compat');
    if (s.universe.length !== 1)
      problems.push(`universe: mode BACKTESTING_PY trades exactly one instrument, got ${s.universe.length}`);
    compat = compatSchema.parse(s.compat ?? {});
  }
  if (problems.length > 0)
    throw new BacktestServiceError('INVALID_SPEC', `Invalid backtest spec: ${problems.join('; ')}`);
  if (s.mode === 'portfolio') {
    try {
      strategy = parseBacktestSpec(s.strategy);
    } catch (error) {
      if (error instanceof EngineError) {
        const message = error.message.replace(/^Invalid backtest spec: /, '');
        throw new BacktestServiceError(
          error.code === 'LOOKAHEAD' ? 'LOOKAHEAD' : 'INVALID_SPEC',
          `Invalid backtest spec: ${message
            .split('; ')
            .map((problem) => `strategy${problem.startsWith('spec:') ? problem.slice(4) : `.${problem}`}`)
            .join('; ')}`,
          { cause: error },
        );
      }
      throw error;
    }
    if (signal?.kind === 'expression') checkSignalExpression(signal.expression);
  }
  return {
    name: s.name,
    mode: s.mode,
    universe: [...s.universe],
    periodStart: s.periodStart,
    periodEnd: s.periodEnd,
    signal,
    strategy,
    compat,
    conventions: s.conventions ?? DEFAULT_CONVENTIONS,
    walkForward: s.walkForward
      ? {
          trainWindow: s.walkForward.trainWindow,
          testWindow: s.walkForward.testWindow,
          step: s.walkForward.step ?? s.walkForward.testWindow,
        }
      : null,
  };
}

/** The stored spec's display form of the signal. */
export function signalLabel(spec: RunSpec): string {
  if (spec.mode === 'backtesting_py') return `SmaCross(${spec.compat!.fast}, ${spec.compat!.slow})`;
  const s = spec.signal!;
  if (s.kind === 'expression') return s.expression;
  const wf = spec.walkForward;
  return wf
    ? `model:${s.model}@${s.version} walk-forward(train ${wf.trainWindow}, test ${wf.testWindow}, step ${wf.step})`
    : `model:${s.model}@${s.version}`;
}
