import { EvaluationError } from './errors.ts';
import { assertBinaryLabels, assertSameLength } from './internal/checks.ts';
import { averageRanks } from './internal/ranks.ts';

/** Counts of the 2x2 confusion matrix, positive class = 1. */
export interface ConfusionCounts {
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
}

export interface ClassificationMetrics {
  readonly accuracy: number;
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  /** Null when y holds one class only (the ROC curve is undefined). */
  readonly rocAuc: number | null;
  readonly logLoss: number;
  readonly confusion: ConfusionCounts;
  readonly n: number;
}

/** Probabilities are clipped to [LOG_LOSS_EPS, 1 - LOG_LOSS_EPS] before the log (scikit-learn's historical eps). */
export const LOG_LOSS_EPS = 1e-15;

/**
 * Binary classification metrics of probabilities P(y = 1) against labels 0/1.
 *
 * - The predicted label is 1 when `probability >= threshold` (default 0.5), else 0.
 * - accuracy = (tp + tn) / n; precision = tp / (tp + fp); recall = tp / (tp + fn); F1 = 2 tp / (2 tp + fp + fn).
 *   A ratio whose denominator is 0 is 0 (scikit-learn's `zero_division=0`).
 * - ROC AUC is the Mann-Whitney statistic: (R1 - n1 (n1 + 1) / 2) / (n1 n0), with R1 the sum of the average ranks of
 *   the positives' scores, so tied scores count one half; it equals the trapezoidal area under the ROC curve
 *   (scikit-learn's `roc_auc_score`). Null when only one class is present.
 * - Log loss = -mean(y ln p + (1 - y) ln(1 - p)) with p clipped to [1e-15, 1 - 1e-15].
 *
 * Throws EvaluationError for mismatched lengths, an empty input, labels other than 0/1 and probabilities outside [0, 1].
 */
export function classificationMetrics(
  y: ArrayLike<number>,
  probability: ArrayLike<number>,
  threshold = 0.5,
): ClassificationMetrics {
  const what = 'classificationMetrics';
  const n = assertSameLength(what, y, probability, ['y', 'probability']);
  assertBinaryLabels(what, y);
  for (let i = 0; i < n; i++) {
    const p = probability[i] as number;
    if (!(p >= 0 && p <= 1)) {
      throw new EvaluationError(
        'INVALID_PROBABILITY',
        `${what}: probability[${i}] is ${p}; probabilities must lie in [0, 1]`,
      );
    }
  }
  if (!(threshold >= 0 && threshold <= 1)) {
    throw new EvaluationError('INVALID_ARGUMENT', `${what}: threshold is ${threshold}; it must lie in [0, 1]`);
  }

  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  let lossSum = 0;
  for (let i = 0; i < n; i++) {
    const label = y[i] as number;
    const p = probability[i] as number;
    const predicted = p >= threshold ? 1 : 0;
    if (predicted === 1) {
      if (label === 1) tp++;
      else fp++;
    } else if (label === 1) fn++;
    else tn++;
    const clipped = Math.min(Math.max(p, LOG_LOSS_EPS), 1 - LOG_LOSS_EPS);
    lossSum -= label === 1 ? Math.log(clipped) : Math.log(1 - clipped);
  }

  return {
    accuracy: (tp + tn) / n,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    rocAuc: rocAuc(y, probability),
    logLoss: lossSum / n,
    confusion: { tp, fp, tn, fn },
    n,
  };
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Mann-Whitney AUC with average ranks for ties; null with a single class. */
function rocAuc(y: ArrayLike<number>, score: ArrayLike<number>): number | null {
  const ranks = averageRanks(score);
  let positives = 0;
  let rankSum = 0;
  for (let i = 0; i < y.length; i++) {
    if (y[i] === 1) {
      positives++;
      rankSum += ranks[i] as number;
    }
  }
  const negatives = y.length - positives;
  if (positives === 0 || negatives === 0) return null;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}
