import { z } from 'zod';
import { MlError } from './errors.ts';

/** `classification` is binary with labels 0/1; `regression` predicts a real number. */
export type Task = 'classification' | 'regression';
export type Algorithm = 'linear_regression' | 'logistic_regression' | 'decision_tree' | 'random_forest';
/**
 * The complexity ladder a model version climbs: LOW (linear models), MEDIUM (a single tree),
 * HIGH (tree ensembles). VERY_HIGH is reserved for models trained outside (deep nets, boosting)
 * and registered as ONNX; no in-platform trainer has it.
 */
export type ComplexityTier = 'LOW' | 'MEDIUM' | 'HIGH' | 'VERY_HIGH';

export const TASKS: readonly Task[] = ['classification', 'regression'];

const maxDepth = z.int().min(1).max(64).nullable().default(null);
const minSamplesSplit = z.int().min(2).default(2);
const minSamplesLeaf = z.int().min(1).default(1);
const maxBins = z.int().min(2).max(255).default(255);

const linearRegressionHyperparameters = z.strictObject({
  /** L2 penalty on the coefficients (not the intercept); 0 is ordinary least squares. */
  alpha: z.number().min(0).default(0),
  fitIntercept: z.boolean().default(true),
});
const logisticRegressionHyperparameters = z.strictObject({
  /** Inverse L2 strength as scikit-learn: minimize 0.5 ||w||^2 + C * sum(log loss). */
  C: z.number().positive().default(1),
  maxIter: z.int().min(1).max(10_000).default(100),
  /**
   * Converged when max |gradient| of the objective / (C n) <= tol (scikit-learn's scale). Default 1e-8, not
   * sklearn's 1e-4: Newton gets there in one or two more steps, and 1e-4 leaves coefficients ~1e-5 off.
   */
  tol: z.number().positive().default(1e-8),
  fitIntercept: z.boolean().default(true),
});
const decisionTreeHyperparameters = z.strictObject({ maxDepth, minSamplesSplit, minSamplesLeaf, maxBins });
const randomForestHyperparameters = z.strictObject({
  nTrees: z.int().min(1).max(10_000).default(100),
  maxDepth,
  minSamplesSplit,
  minSamplesLeaf,
  /** Features drawn per split: 'sqrt', 'log2', or a fraction in (0, 1]; null = 'sqrt' (classification) / 1 (regression). */
  maxFeatures: z
    .union([z.enum(['sqrt', 'log2']), z.number().gt(0).max(1)])
    .nullable()
    .default(null),
  bootstrap: z.boolean().default(true),
  maxBins,
});

export type LinearRegressionHyperparameters = z.output<typeof linearRegressionHyperparameters>;
export type LogisticRegressionHyperparameters = z.output<typeof logisticRegressionHyperparameters>;
export type DecisionTreeHyperparameters = z.output<typeof decisionTreeHyperparameters>;
export type RandomForestHyperparameters = z.output<typeof randomForestHyperparameters>;

/** Every in-platform trainer: the tasks it supports, its tier, and its hyperparameters (strict zod, defaults). */
export const ALGORITHMS = {
  linear_regression: {
    tasks: ['regression'],
    tier: 'LOW',
    description: 'Ordinary least squares, or ridge with alpha > 0 (intercept not penalized); closed form.',
    hyperparameters: linearRegressionHyperparameters,
  },
  logistic_regression: {
    tasks: ['classification'],
    tier: 'LOW',
    description: 'Binary logistic regression with an L2 penalty (scikit-learn C convention), fitted by Newton/IRLS.',
    hyperparameters: logisticRegressionHyperparameters,
  },
  decision_tree: {
    tasks: ['classification', 'regression'],
    tier: 'MEDIUM',
    description: 'CART (gini / squared error) grown on quantile-binned features with histogram split search.',
    hyperparameters: decisionTreeHyperparameters,
  },
  random_forest: {
    tasks: ['classification', 'regression'],
    tier: 'HIGH',
    description: 'Bagged CART trees with per-split feature sampling (seeded xoshiro128**), averaged.',
    hyperparameters: randomForestHyperparameters,
  },
} as const satisfies {
  readonly [A in Algorithm]: {
    tasks: readonly Task[];
    tier: ComplexityTier;
    description: string;
    hyperparameters: z.ZodObject;
  };
};

/** Hyperparameters after validation, defaults and task-dependent defaults filled. */
export type ResolvedTrainingSpec =
  | {
      task: Task;
      algorithm: 'linear_regression';
      tier: ComplexityTier;
      hyperparameters: LinearRegressionHyperparameters;
    }
  | {
      task: Task;
      algorithm: 'logistic_regression';
      tier: ComplexityTier;
      hyperparameters: LogisticRegressionHyperparameters;
    }
  | { task: Task; algorithm: 'decision_tree'; tier: ComplexityTier; hyperparameters: DecisionTreeHyperparameters }
  | { task: Task; algorithm: 'random_forest'; tier: ComplexityTier; hyperparameters: RandomForestHyperparameters };

/** Returns true when `name` is one of the in-platform algorithms. */
export function isAlgorithm(name: string): name is Algorithm {
  return Object.hasOwn(ALGORITHMS, name);
}

/**
 * Validates a training request before anything is stored or trained, and fills defaults.
 * Throws MlError: UNKNOWN_ALGORITHM (lists the known ones), TASK_MISMATCH, UNKNOWN_HYPERPARAMETER
 * (names it and lists the allowed ones), BAD_HYPERPARAMETER (names it, says the domain), BAD_INPUT
 * for an unknown task. The random forest's `maxFeatures: null` becomes 'sqrt' for classification
 * and 1 for regression (scikit-learn's defaults), so the stored hyperparameters say what ran.
 */
export function resolveTrainingSpec(spec: {
  task: Task;
  algorithm: string;
  hyperparameters: Record<string, unknown>;
}): ResolvedTrainingSpec {
  if (!TASKS.includes(spec.task)) {
    throw new MlError('BAD_INPUT', `unknown task '${String(spec.task)}'; expected one of ${TASKS.join(', ')}`);
  }
  const algorithm = spec.algorithm;
  if (!isAlgorithm(algorithm)) {
    throw new MlError(
      'UNKNOWN_ALGORITHM',
      `unknown algorithm '${algorithm}'; expected one of ${Object.keys(ALGORITHMS).join(', ')}`,
    );
  }
  const entry = ALGORITHMS[algorithm];
  if (!(entry.tasks as readonly Task[]).includes(spec.task)) {
    throw new MlError(
      'TASK_MISMATCH',
      `${algorithm} does not support ${spec.task}; it supports ${entry.tasks.join(', ')}. Algorithms for ${spec.task}: ${algorithmsFor(spec.task).join(', ')}`,
    );
  }
  const given = spec.hyperparameters ?? {};
  if (typeof given !== 'object' || Array.isArray(given)) {
    throw new MlError('BAD_HYPERPARAMETER', `hyperparameters must be an object of name -> value`);
  }
  const allowed = Object.keys(entry.hyperparameters.shape);
  for (const name of Object.keys(given)) {
    if (!allowed.includes(name)) {
      throw new MlError(
        'UNKNOWN_HYPERPARAMETER',
        `unknown hyperparameter '${name}' for ${algorithm}; allowed: ${allowed.join(', ')}`,
      );
    }
  }
  const parsed = entry.hyperparameters.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? '');
    throw new MlError(
      'BAD_HYPERPARAMETER',
      `hyperparameter '${name}' of ${algorithm} = ${JSON.stringify(given[name]) ?? String(given[name])}: ${issue.message}`,
      { cause: parsed.error },
    );
  }
  const hyperparameters = parsed.data;
  if (algorithm === 'random_forest' && 'maxFeatures' in hyperparameters && hyperparameters.maxFeatures === null) {
    hyperparameters.maxFeatures = spec.task === 'classification' ? 'sqrt' : 1;
  }
  return { task: spec.task, algorithm, tier: entry.tier, hyperparameters } as ResolvedTrainingSpec;
}

/** The algorithms that support `task`, in ladder order. */
export function algorithmsFor(task: Task): Algorithm[] {
  return (Object.keys(ALGORITHMS) as Algorithm[]).filter((a) =>
    (ALGORITHMS[a].tasks as readonly Task[]).includes(task),
  );
}
