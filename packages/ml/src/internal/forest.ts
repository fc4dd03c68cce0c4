import { binFeatures } from './binning.ts';
import { createRng } from './prng.ts';
import { growTree, rowMajor, type TreeArrays } from './tree.ts';

export interface ForestFit {
  trees: TreeArrays[];
  /** Impurity importance per feature, summing to 1 (all 0 when no tree split), as scikit-learn. */
  importance: number[];
}

export interface ForestOptions {
  classification: boolean;
  nTrees: number;
  maxDepth: number | null;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** 'sqrt' | 'log2' | fraction of features in (0, 1]; 1 = all. */
  maxFeatures: 'sqrt' | 'log2' | number;
  bootstrap: boolean;
  maxBins: number;
  seed: number;
}

/**
 * Number of features examined per split, as scikit-learn: max(1, floor(sqrt p)), max(1, floor(log2 p)),
 * or max(1, floor(fraction * p)).
 */
export function featuresPerSplit(maxFeatures: ForestOptions['maxFeatures'], p: number): number {
  if (maxFeatures === 'sqrt') return Math.max(1, Math.floor(Math.sqrt(p)));
  if (maxFeatures === 'log2') return Math.max(1, Math.floor(Math.log2(p)));
  return Math.max(1, Math.floor(maxFeatures * p));
}

/**
 * Fits `nTrees` trees on one shared binning of the cleaned training matrix. Tree t draws its
 * bootstrap sample (n rows with replacement, as counts) and its per-split features from its own
 * xoshiro128** stream createRng(seed, t), so a tree does not depend on the others. A single
 * decision tree is the case nTrees = 1, bootstrap false, all features (no randomness used).
 * Importance: each tree's impurity decreases normalized to sum 1, averaged, normalized again.
 */
export function fitForest(
  x: Float64Array,
  rows: number,
  cols: number,
  y: Float64Array,
  opts: ForestOptions,
): ForestFit {
  const binned = binFeatures(x, rows, cols, opts.maxBins);
  const params = {
    maxDepth: opts.maxDepth ?? Number.POSITIVE_INFINITY,
    minSamplesSplit: opts.minSamplesSplit,
    minSamplesLeaf: opts.minSamplesLeaf,
    maxFeatures: featuresPerSplit(opts.maxFeatures, cols),
    classification: opts.classification,
  };
  const rowMajorBins = params.maxFeatures >= cols ? rowMajor(binned) : undefined;
  const trees: TreeArrays[] = [];
  const importance = new Float64Array(cols);
  const weight = new Float64Array(rows);
  for (let t = 0; t < opts.nTrees; t++) {
    const rng = createRng(opts.seed, t);
    let sample: Uint32Array;
    if (opts.bootstrap) {
      weight.fill(0);
      for (let k = 0; k < rows; k++) weight[rng.nextInt(rows)]!++;
      let m = 0;
      for (let i = 0; i < rows; i++) if (weight[i]! > 0) m++;
      sample = new Uint32Array(m);
      m = 0;
      for (let i = 0; i < rows; i++) if (weight[i]! > 0) sample[m++] = i;
    } else {
      weight.fill(1);
      sample = new Uint32Array(rows);
      for (let i = 0; i < rows; i++) sample[i] = i;
    }
    const grown = growTree({ binned, y, weight, rows: sample, params, rng, rowMajorBins });
    trees.push(grown.tree);
    addNormalized(importance, grown.importance);
  }
  const total = importance.reduce((a, b) => a + b, 0);
  return { trees, importance: Array.from(importance, (v) => (total > 0 ? v / total : 0)) };
}

function addNormalized(into: Float64Array, values: Float64Array) {
  const total = values.reduce((a, b) => a + b, 0);
  if (total > 0) for (let f = 0; f < values.length; f++) into[f]! += values[f]! / total;
}
