import { type Algorithm, resolveTrainingSpec, type Task } from './algorithms.ts';
import { ARTIFACT_FORMAT, ARTIFACT_FORMAT_VERSION, type ModelArtifact, type ModelParameters } from './artifact.ts';
import { MlError } from './errors.ts';
import { fitForest } from './internal/forest.ts';
import { applyImputation, fitImputation } from './internal/impute.ts';
import { fitLinear } from './internal/linear.ts';
import { fitLogistic, sigmoid } from './internal/logistic.ts';
import { addTreePredictions } from './internal/tree.ts';
import { assertMatrix, type Matrix } from './matrix.ts';

export interface TrainInput {
  task: Task;
  algorithm: Algorithm;
  hyperparameters: Record<string, unknown>;
  /** Integer seed; the same input and seed give a byte-identical artifact. */
  seed: number;
  featureNames: readonly string[];
  X: Matrix;
  /** One label per row: 0/1 for classification, finite for regression. Drop unlabeled rows first. */
  y: Float64Array;
}

/**
 * Trains one model and returns its artifact. Steps: validates the spec (resolveTrainingSpec) and
 * the input; applies the missing-value rule (non-finite feature values -> the column's training
 * median, recorded per column); fits. Labels are the caller's job: rows whose label is null or
 * non-finite must be dropped before, and `train` throws BAD_LABEL on a non-finite label, on a
 * classification label other than 0/1, or when a classification set holds a single class.
 */
export function train(input: TrainInput): ModelArtifact {
  const spec = resolveTrainingSpec(input);
  const { X, y, featureNames, seed, task } = input;
  assertMatrix(X, 'X');
  if (!Number.isSafeInteger(seed)) throw new MlError('BAD_INPUT', `seed must be a safe integer (got ${seed})`);
  if (featureNames.length !== X.cols) {
    throw new MlError('BAD_INPUT', `${featureNames.length} feature names for ${X.cols} columns of X`);
  }
  const seen = new Set<string>();
  for (const name of featureNames) {
    if (seen.has(name)) throw new MlError('BAD_INPUT', `feature name '${name}' appears twice`);
    seen.add(name);
  }
  if (X.rows === 0) throw new MlError('BAD_INPUT', 'X has no rows');
  if (!(y instanceof Float64Array) || y.length !== X.rows) {
    throw new MlError(
      'BAD_INPUT',
      `y must be a Float64Array with one label per row of X (${X.rows}, got ${y?.length})`,
    );
  }
  assertLabels(task, y);

  const { columns, clean } = fitImputation(X);
  const { rows, cols } = X;
  let model: ModelParameters;
  switch (spec.algorithm) {
    case 'linear_regression': {
      const hp = spec.hyperparameters;
      model = { kind: 'linear', ...fitLinear(clean, rows, cols, y, hp.alpha, hp.fitIntercept) };
      break;
    }
    case 'logistic_regression':
      model = { kind: 'logistic', ...fitLogistic(clean, rows, cols, y, spec.hyperparameters) };
      break;
    case 'decision_tree': {
      const hp = spec.hyperparameters;
      const fit = fitForest(clean, rows, cols, y, {
        ...hp,
        classification: task === 'classification',
        nTrees: 1,
        maxFeatures: 1,
        bootstrap: false,
        seed,
      });
      model = { kind: 'trees', ...fit };
      break;
    }
    case 'random_forest': {
      const hp = spec.hyperparameters;
      const fit = fitForest(clean, rows, cols, y, {
        ...hp,
        maxFeatures: hp.maxFeatures ?? (task === 'classification' ? 'sqrt' : 1),
        classification: task === 'classification',
        seed,
      });
      model = { kind: 'trees', ...fit };
      break;
    }
  }
  return {
    format: ARTIFACT_FORMAT,
    formatVersion: ARTIFACT_FORMAT_VERSION,
    task,
    algorithm: spec.algorithm,
    tier: spec.tier,
    hyperparameters: spec.hyperparameters,
    seed,
    trainingRows: rows,
    featureNames: [...featureNames],
    imputation: { rule: 'median', columns: columns.map((c, j) => ({ name: featureNames[j]!, ...c })) },
    model,
  };
}

function assertLabels(task: Task, y: Float64Array) {
  let positives = 0;
  for (let i = 0; i < y.length; i++) {
    const v = y[i]!;
    if (!Number.isFinite(v)) {
      throw new MlError('BAD_LABEL', `label at row ${i} is ${v}; drop rows without a finite label before training`);
    }
    if (task === 'classification') {
      if (v !== 0 && v !== 1)
        throw new MlError('BAD_LABEL', `classification label at row ${i} is ${v}; expected 0 or 1`);
      positives += v;
    }
  }
  if (task === 'classification' && (positives === 0 || positives === y.length)) {
    throw new MlError('BAD_LABEL', `classification needs both classes; every label is ${positives === 0 ? 0 : 1}`);
  }
}

/**
 * Predicts every row of X (same columns, same order as the artifact's featureNames). Non-finite
 * values are replaced by the training medians recorded in the artifact first. Regression: the
 * prediction. Classification: `probability` = P(y = 1) (logistic: sigmoid of the margin; trees:
 * mean of the trees' leaf class frequencies) and `prediction` = 1 when probability > 0.5, else 0
 * (scikit-learn's tie rule). Throws FEATURE_MISMATCH on a column count that differs.
 */
export function predict(artifact: ModelArtifact, X: Matrix): { prediction: Float64Array; probability?: Float64Array } {
  assertMatrix(X, 'X');
  const p = artifact.featureNames.length;
  if (X.cols !== p) {
    throw new MlError(
      'FEATURE_MISMATCH',
      `X has ${X.cols} columns; the model was trained on ${p} (${artifact.featureNames.join(', ')})`,
    );
  }
  const x = applyImputation(
    X,
    artifact.imputation.columns.map((c) => c.median),
  );
  const { rows } = X;
  const out = new Float64Array(rows);
  const m = artifact.model;
  if (m.kind === 'trees') {
    for (const tree of m.trees) addTreePredictions(tree, x, rows, p, out);
    for (let i = 0; i < rows; i++) out[i]! /= m.trees.length;
  } else {
    for (let i = 0; i < rows; i++) {
      let s = m.intercept;
      for (let j = 0; j < p; j++) s += m.coefficients[j]! * x[i * p + j]!;
      out[i] = m.kind === 'logistic' ? sigmoid(s) : s;
    }
  }
  if (artifact.task === 'regression') return { prediction: out };
  return { prediction: out.map((q) => (q > 0.5 ? 1 : 0)), probability: out };
}

/**
 * The model's own view of feature importance, one entry per feature in featureNames order:
 * linear and logistic models give their raw coefficient (kind 'coefficient', in the feature's own
 * units: not comparable across features of different scale); trees give the normalized mean
 * impurity decrease (kind 'impurity', non-negative, summing to 1), as scikit-learn's feature_importances_.
 */
export function intrinsicImportance(
  a: ModelArtifact,
): { feature: string; value: number; kind: 'coefficient' | 'impurity' }[] {
  const m = a.model;
  if (m.kind === 'trees')
    return a.featureNames.map((feature, j) => ({ feature, value: m.importance[j]!, kind: 'impurity' }));
  return a.featureNames.map((feature, j) => ({ feature, value: m.coefficients[j]!, kind: 'coefficient' }));
}
