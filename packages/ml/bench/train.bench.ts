/**
 * Training-time benchmark beside scikit-learn (sklearn_bench.py makes the same data and fits the
 * same models). Prints figures; asserts nothing. Run from the repository root:
 *   npx tsx packages/ml/bench/train.bench.ts [rows=250000] [cols=50] [name filter] [trees=100]
 * Data: x ~ U(0,1) from a fixed LCG, y from the first 5 features (so both scripts agree on it).
 */
import { predict, train } from '../src/index.ts';

const rows = Number(process.argv[2] ?? 250_000);
const cols = Number(process.argv[3] ?? 50);
const only = process.argv[4] || undefined;
const nTrees = Number(process.argv[5] ?? 100);

function data() {
  const x = new Float64Array(rows * cols);
  let state = 12345;
  for (let i = 0; i < x.length; i++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    x[i] = state / 4294967296;
  }
  const score = new Float64Array(rows);
  const yCls = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const r = x.subarray(i * cols, i * cols + 5);
    score[i] = 2 * r[0]! - r[1]! + (r[2]! > 0.5 ? 1 : 0) + r[3]! * r[4]! - 1;
    yCls[i] = score[i]! + Math.sin(97 * (i % 1013)) * 0.5 > 0 ? 1 : 0;
  }
  return { X: { rows, cols, data: x }, yCls, yReg: score };
}

const { X, yCls, yReg } = data();
const featureNames = Array.from({ length: cols }, (_, j) => `f${j}`);
for (const [label, task, algorithm, hyperparameters, y] of [
  ['logistic regression', 'classification', 'logistic_regression', {}, yCls],
  ['linear regression', 'regression', 'linear_regression', {}, yReg],
  ['decision tree depth 8', 'classification', 'decision_tree', { maxDepth: 8 }, yCls],
  [`random forest ${nTrees} x depth 8 (cls, sqrt)`, 'classification', 'random_forest', { nTrees, maxDepth: 8 }, yCls],
  [`random forest ${nTrees} x depth 8 (reg, all)`, 'regression', 'random_forest', { nTrees, maxDepth: 8 }, yReg],
] as const) {
  if (only !== undefined && !label.includes(only)) continue;
  const t0 = performance.now();
  const artifact = train({ task, algorithm, hyperparameters, seed: 1, featureNames, X, y });
  const t1 = performance.now();
  predict(artifact, X);
  const t2 = performance.now();
  console.log(`${label}: train ${((t1 - t0) / 1000).toFixed(2)} s, predict ${((t2 - t1) / 1000).toFixed(2)} s`);
}
