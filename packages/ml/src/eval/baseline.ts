import { type ClassificationMetrics, classificationMetrics } from './classification.ts';
import { EvaluationError } from './errors.ts';
import { assertBinaryLabels, assertFinite } from './internal/checks.ts';
import { type RegressionMetrics, regressionMetrics } from './regression.ts';

export type EvalTask = 'classification' | 'regression';

/** A naive classifier: always the training base rate. */
export interface ClassificationBaseline {
  readonly task: 'classification';
  readonly name: 'majority';
  /** The predicted label of every test row: 1 when the base rate is >= threshold, else 0. */
  readonly prediction: Float64Array;
  /** P(y = 1) for every test row: the share of 1s in the training labels. */
  readonly probability: Float64Array;
  /** Metrics on yTest, computed by classificationMetrics; absent when yTest was not given. */
  readonly metrics?: ClassificationMetrics;
}

/** A naive regressor. */
export interface RegressionBaseline {
  readonly task: 'regression';
  /**
   * zero: predicts 0 (no return); train-mean: predicts the mean training label; last-value: predicts the entity's
   * previous label known before the row's time (given by the caller), 0 where the entity has none.
   */
  readonly name: 'zero' | 'train-mean' | 'last-value';
  readonly prediction: Float64Array;
  /** Metrics on yTest, computed by regressionMetrics; absent when yTest was not given. */
  readonly metrics?: RegressionMetrics;
  /** last-value only: test rows without a previous label (NaN in lastValue), predicted as 0. */
  readonly missing?: number;
}

export type Baseline = ClassificationBaseline | RegressionBaseline;

export interface BaselineOptions {
  /** Test labels; when given, each baseline carries its metrics on them. Length must be nTest. */
  readonly yTest?: ArrayLike<number>;
  /**
   * Regression only: for each test row, the previous label of the same entity that was known before the row's time
   * (its t1 < the row's t0); NaN when there is none. Adds the 'last-value' baseline. Length must be nTest.
   */
  readonly lastValue?: ArrayLike<number>;
  /** Classification only: threshold passed to classificationMetrics and used for the predicted label. Default 0.5. */
  readonly threshold?: number;
}

/**
 * Naive baselines on the same train/test split as a model, so that "better than naive" is visible.
 *
 * - classification: 'majority' — probability = base rate of the training labels (scikit-learn's DummyClassifier
 *   'prior'); its predicted label is the majority class (a 50/50 tie counts as class 1 at threshold 0.5). Its ROC AUC
 *   is 0.5 whenever yTest has both classes, since every score ties.
 * - regression: 'zero', 'train-mean' and, when `lastValue` is given, 'last-value'.
 *
 * Metrics use classificationMetrics / regressionMetrics, the same functions used for the model.
 */
export function baselinePredictions(
  task: EvalTask,
  yTrain: ArrayLike<number>,
  nTest: number,
  options: BaselineOptions = {},
): Baseline[] {
  const what = 'baselinePredictions';
  if (!Number.isInteger(nTest) || nTest < 0) {
    throw new EvaluationError('INVALID_ARGUMENT', `${what}: nTest is ${nTest}; it must be a non-negative integer`);
  }
  if (yTrain.length === 0)
    throw new EvaluationError('EMPTY_INPUT', `${what}: yTrain is empty; a baseline needs labels`);
  const { yTest, lastValue } = options;
  if (yTest !== undefined && yTest.length !== nTest) {
    throw new EvaluationError('LENGTH_MISMATCH', `${what}: yTest has ${yTest.length} values but nTest is ${nTest}`);
  }

  if (task === 'classification') {
    assertBinaryLabels(what, yTrain);
    if (lastValue !== undefined) {
      throw new EvaluationError('INVALID_ARGUMENT', `${what}: lastValue applies to regression only`);
    }
    const threshold = options.threshold ?? 0.5;
    let ones = 0;
    for (let i = 0; i < yTrain.length; i++) ones += yTrain[i] as number;
    const baseRate = ones / yTrain.length;
    const probability = new Float64Array(nTest).fill(baseRate);
    const prediction = new Float64Array(nTest).fill(baseRate >= threshold ? 1 : 0);
    const baseline: ClassificationBaseline = {
      task,
      name: 'majority',
      prediction,
      probability,
      ...(yTest !== undefined && nTest > 0 ? { metrics: classificationMetrics(yTest, probability, threshold) } : {}),
    };
    return [baseline];
  }

  assertFinite(what, 'yTrain', yTrain);
  let sum = 0;
  for (let i = 0; i < yTrain.length; i++) sum += yTrain[i] as number;
  const withMetrics = (name: RegressionBaseline['name'], prediction: Float64Array): RegressionBaseline => ({
    task,
    name,
    prediction,
    ...(yTest !== undefined && nTest > 0 ? { metrics: regressionMetrics(yTest, prediction) } : {}),
  });
  const baselines: RegressionBaseline[] = [
    withMetrics('zero', new Float64Array(nTest)),
    withMetrics('train-mean', new Float64Array(nTest).fill(sum / yTrain.length)),
  ];
  if (lastValue !== undefined) {
    if (lastValue.length !== nTest) {
      throw new EvaluationError(
        'LENGTH_MISMATCH',
        `${what}: lastValue has ${lastValue.length} values but nTest is ${nTest}`,
      );
    }
    const prediction = new Float64Array(nTest);
    let missing = 0;
    for (let i = 0; i < nTest; i++) {
      const v = lastValue[i] as number;
      if (Number.isNaN(v)) missing++;
      else if (!Number.isFinite(v)) {
        throw new EvaluationError('NON_FINITE', `${what}: lastValue[${i}] is ${v}; use NaN for "no previous label"`);
      } else prediction[i] = v;
    }
    baselines.push({ ...withMetrics('last-value', prediction), missing });
  }
  return baselines;
}
