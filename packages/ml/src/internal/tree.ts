import { type BinnedFeatures, midpoint } from './binning.ts';
import type { Rng } from './prng.ts';

/**
 * One fitted CART tree as parallel arrays over nodes in pre-order (a child's index is always
 * greater than its parent's). Internal node i sends a row left when `x[feature[i]] <= threshold[i]`;
 * a leaf has feature -1 and left = right = -1. `value` is the leaf prediction (P(y = 1) for
 * classification, the mean for regression; kept on internal nodes too), `weight` the weighted
 * number of training rows that reached the node (bootstrap counts in a forest).
 */
export interface TreeArrays {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  value: number[];
  weight: number[];
}

export interface TreeParams {
  /** Infinity for unlimited. */
  maxDepth: number;
  minSamplesSplit: number;
  minSamplesLeaf: number;
  /** Non-constant features examined per split (>= cols: all, no sampling). */
  maxFeatures: number;
  classification: boolean;
}

const STRIDE = 256;
const EPSILON = 2.220446049250313e-16;

interface Pending {
  start: number;
  end: number;
  depth: number;
  parent: number;
  isLeft: boolean;
  /** Full-feature mode: this node's histograms of weight and weighted label sums. */
  hist: Histogram | null;
}

interface Histogram {
  w: Float64Array;
  s: Float64Array;
}

/**
 * Grows one tree depth-first on binned features by histogram split search. Split quality is the
 * weighted impurity decrease with gini (classification; for labels 0/1 it ranks splits exactly as
 * squared error does) or squared error (regression); among the candidates the first best in
 * (feature, bin) order wins, and like scikit-learn a valid split is taken even with zero gain.
 * A node is a leaf when depth >= maxDepth, weight < minSamplesSplit, weight < 2 minSamplesLeaf,
 * impurity <= machine epsilon, or no split leaves >= minSamplesLeaf weight on both sides.
 * With all features examined, one child's histograms are built and the sibling's are the parent's
 * minus them. Returns the tree and per-feature unnormalized impurity decreases.
 */
export function growTree(input: {
  binned: BinnedFeatures;
  y: Float64Array;
  /** Per training row weight (bootstrap count); rows with weight 0 are not listed in `rows`. */
  weight: Float64Array;
  rows: Uint32Array;
  params: TreeParams;
  rng: Rng | null;
  /** rowMajor(binned), shared by the trees of a forest (built here when absent and needed). */
  rowMajorBins?: Uint8Array;
}): { tree: TreeArrays; importance: Float64Array } {
  const { binned, y, weight, params, rng } = input;
  const { bins, nBins, edges, values } = binned;
  const p = binned.cols;
  const idx = input.rows.slice();
  // Per position in idx (permuted along with it): weight, weight * label, label. Reading these
  // sequentially instead of by row number keeps histogram building out of cache misses.
  const m = idx.length;
  const aw = new Float64Array(m);
  const ay = new Float64Array(m);
  const yy = new Float64Array(m);
  for (let k = 0; k < m; k++) {
    const r = idx[k]!;
    aw[k] = weight[r]!;
    ay[k] = weight[r]! * y[r]!;
    yy[k] = y[r]!;
  }
  const fullFeatures = params.maxFeatures >= p;
  const rowBins = fullFeatures ? (input.rowMajorBins ?? rowMajor(binned)) : null;
  const pool: Histogram[] = [];
  const take = (): Histogram => {
    const h = pool.pop() ?? { w: new Float64Array(p * STRIDE), s: new Float64Array(p * STRIDE) };
    h.w.fill(0);
    h.s.fill(0);
    return h;
  };
  const release = (h: Histogram | null) => {
    if (h !== null) pool.push(h);
  };
  /** One feature's histogram over positions [start, end) into h at offset. */
  const buildInto = (h: Histogram, f: number, offset: number, start: number, end: number) => {
    const col = bins[f]!;
    const hw = h.w;
    const hs = h.s;
    for (let k = start; k < end; k++) {
      const b = offset + col[idx[k]!]!;
      hw[b]! += aw[k]!;
      hs[b]! += ay[k]!;
    }
  };
  /** All features' histograms, row by row over the row-major bins (one cache line per row). */
  const buildAll = (start: number, end: number): Histogram => {
    const h = take();
    const hw = h.w;
    const hs = h.s;
    const rb = rowBins!;
    for (let k = start; k < end; k++) {
      const base = idx[k]! * p;
      const w = aw[k]!;
      const s = ay[k]!;
      for (let f = 0; f < p; f++) {
        const b = f * STRIDE + rb[base + f]!;
        hw[b]! += w;
        hs[b]! += s;
      }
    }
    return h;
  };
  const scratch: Histogram = { w: new Float64Array(STRIDE), s: new Float64Array(STRIDE) };
  const featureOrder = new Int32Array(p);
  for (let f = 0; f < p; f++) featureOrder[f] = f;

  const tree: TreeArrays = { feature: [], threshold: [], left: [], right: [], value: [], weight: [] };
  const impurity: number[] = [];
  const { maxDepth, minSamplesSplit, minSamplesLeaf } = params;
  const mayBeSplit = (w: number, depth: number) => depth < maxDepth && w >= minSamplesSplit && w >= 2 * minSamplesLeaf;

  const stack: Pending[] = [
    {
      start: 0,
      end: idx.length,
      depth: 0,
      parent: -1,
      isLeft: false,
      hist: fullFeatures ? buildAll(0, idx.length) : null,
    },
  ];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const { start, end, depth } = node;
    const id = tree.feature.length;
    if (node.parent >= 0) (node.isLeft ? tree.left : tree.right)[node.parent] = id;
    let w = 0;
    let s = 0;
    for (let k = start; k < end; k++) {
      w += aw[k]!;
      s += ay[k]!;
    }
    const mean = s / w;
    let imp: number;
    if (params.classification) imp = 2 * mean * (1 - mean);
    else {
      let ss = 0;
      for (let k = start; k < end; k++) {
        const d = yy[k]! - mean;
        ss += aw[k]! * d * d;
      }
      imp = ss / w;
    }
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    tree.value.push(mean);
    tree.weight.push(w);
    impurity.push(imp);
    if (!mayBeSplit(w, depth) || imp <= EPSILON) {
      release(node.hist);
      continue;
    }

    // Best split: maximize sum_L^2 / w_L + sum_R^2 / w_R (the weighted impurity decrease up to constants).
    let best = Number.NEGATIVE_INFINITY;
    let bestFeature = -1;
    let bestLow = 0;
    let bestHigh = 0;
    let bestLeftWeight = 0;
    let drawn = 0;
    let visited = 0;
    while (drawn < p && visited < params.maxFeatures) {
      let f: number;
      if (fullFeatures) f = drawn++;
      else {
        // Partial Fisher-Yates: features drawn without replacement; constant ones do not count.
        const pick = drawn + rng!.nextInt(p - drawn);
        f = featureOrder[pick]!;
        featureOrder[pick] = featureOrder[drawn]!;
        featureOrder[drawn++] = f;
      }
      let hw: Float64Array;
      let hs: Float64Array;
      let offset: number;
      if (node.hist !== null) {
        hw = node.hist.w;
        hs = node.hist.s;
        offset = f * STRIDE;
      } else {
        scratch.w.fill(0, 0, nBins[f]!);
        scratch.s.fill(0, 0, nBins[f]!);
        buildInto(scratch, f, 0, start, end);
        hw = scratch.w;
        hs = scratch.s;
        offset = 0;
      }
      const nb = nBins[f]!;
      let wl = 0;
      let sl = 0;
      let previous = -1;
      let nonEmpty = 0;
      for (let b = 0; b < nb; b++) {
        const wb = hw[offset + b]!;
        if (wb === 0) continue;
        nonEmpty++;
        if (previous >= 0) {
          const wr = w - wl;
          if (wl >= minSamplesLeaf && wr >= minSamplesLeaf) {
            const sr = s - sl;
            const proxy = (sl * sl) / wl + (sr * sr) / wr;
            if (proxy > best) {
              best = proxy;
              bestFeature = f;
              bestLow = previous;
              bestHigh = b;
              bestLeftWeight = wl;
            }
          }
        }
        wl += wb;
        sl += hs[offset + b]!;
        previous = b;
      }
      if (nonEmpty > 1) visited++;
    }
    if (bestFeature < 0) {
      release(node.hist);
      continue;
    }
    const exact = values[bestFeature];
    tree.feature[id] = bestFeature;
    tree.threshold[id] = exact != null ? midpoint(exact[bestLow]!, exact[bestHigh]!) : edges[bestFeature]![bestLow]!;

    // Partition rows: bin <= bestLow goes left.
    const col = bins[bestFeature]!;
    let i = start;
    let j = end - 1;
    while (i <= j) {
      if (col[idx[i]!]! <= bestLow) i++;
      else {
        swap(idx, i, j);
        swap(aw, i, j);
        swap(ay, i, j);
        swap(yy, i, j--);
      }
    }
    const mid = i;
    let leftHist: Histogram | null = null;
    let rightHist: Histogram | null = null;
    if (node.hist !== null) {
      const leftSplits = mayBeSplit(bestLeftWeight, depth + 1);
      const rightSplits = mayBeSplit(w - bestLeftWeight, depth + 1);
      if (leftSplits || rightSplits) {
        // Build the child with fewer rows; the other is parent minus it (in the parent's buffer).
        const leftSmaller = mid - start <= end - mid;
        const small = leftSmaller ? buildAll(start, mid) : buildAll(mid, end);
        const parent = node.hist;
        for (let f = 0; f < p; f++) {
          const o = f * STRIDE;
          const nb = nBins[f]!;
          for (let b = 0; b < nb; b++) {
            parent.w[o + b]! -= small.w[o + b]!;
            parent.s[o + b]! -= small.s[o + b]!;
          }
        }
        leftHist = leftSmaller ? small : parent;
        rightHist = leftSmaller ? parent : small;
      } else release(node.hist);
    }
    stack.push({ start: mid, end, depth: depth + 1, parent: id, isLeft: false, hist: rightHist });
    stack.push({ start, end: mid, depth: depth + 1, parent: id, isLeft: true, hist: leftHist });
  }

  const importance = new Float64Array(p);
  for (let n = 0; n < tree.feature.length; n++) {
    const f = tree.feature[n]!;
    if (f < 0) continue;
    const l = tree.left[n]!;
    const r = tree.right[n]!;
    importance[f]! += tree.weight[n]! * impurity[n]! - tree.weight[l]! * impurity[l]! - tree.weight[r]! * impurity[r]!;
  }
  return { tree, importance };
}

/** The bins row-major (row r's bins at r * cols ..), for row-wise histogram building. */
export function rowMajor(binned: BinnedFeatures): Uint8Array {
  const { rows, cols, bins } = binned;
  const out = new Uint8Array(rows * cols);
  for (let f = 0; f < cols; f++) {
    const col = bins[f]!;
    for (let r = 0; r < rows; r++) out[r * cols + f] = col[r]!;
  }
  return out;
}

function swap(a: Float64Array | Uint32Array, i: number, j: number) {
  const t = a[i]!;
  a[i] = a[j]!;
  a[j] = t;
}

/** Per row of a cleaned row-major matrix, the value of the leaf it reaches (added into `out`). */
export function addTreePredictions(tree: TreeArrays, x: Float64Array, rows: number, cols: number, out: Float64Array) {
  const feature = Int32Array.from(tree.feature);
  const threshold = Float64Array.from(tree.threshold);
  const left = Int32Array.from(tree.left);
  const right = Int32Array.from(tree.right);
  const value = Float64Array.from(tree.value);
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    let n = 0;
    let f = feature[0]!;
    while (f >= 0) {
      n = x[base + f]! <= threshold[n]! ? left[n]! : right[n]!;
      f = feature[n]!;
    }
    out[i]! += value[n]!;
  }
}
