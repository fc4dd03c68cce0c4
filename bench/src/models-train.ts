// Our side of models.bench.ts, run as a child process so its peak memory is its own: reads the
// training set's rows exported by the parent (raw little-endian float64, the same bytes the
// scikit-learn side reads), trains ONE model on TRAIN with @alphagraph/ml `train`, scores the test
// split with `predict`, and writes a JSON result, the test probabilities (raw float64) and the
// artifact next to the data.
//   node --import tsx src/models-train.ts --data DIR --model lr|rf [--trees 100] [--depth 8] [--seed 1]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { classificationMetrics, type Matrix, predict, serializeArtifact, train } from '@alphagraph/ml';

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    model: { type: 'string', default: 'lr' },
    trees: { type: 'string', default: '100' },
    depth: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
  },
});
const dir = values.data!;
const model = values.model as 'lr' | 'rf';
const MB = 1024 * 1024;
const rssMB = () => process.memoryUsage().rss / MB;
/**
 * The kernel's high-water mark of this process's RSS (VmHWM in /proc/self/status), as the Python
 * side reads it. Not getrusage's ru_maxrss: Linux folds the pre-exec image into it, so a child
 * forked from a large parent would report at least the parent's RSS.
 */
const peakMB = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))![1]) / 1024;

interface Meta {
  cols: number;
  featureNames: string[];
  rows: Record<'train' | 'validation' | 'test', number>;
}
const meta = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Meta;
const f64 = (file: string) => {
  const b = readFileSync(join(dir, file));
  return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
};

const t0 = performance.now();
const splits = ['train', 'test'] as const;
const data = Object.fromEntries(
  splits.map((s) => [
    s,
    {
      X: { rows: meta.rows[s], cols: meta.cols, data: f64(`${s}.X.f64`) } as Matrix,
      y: f64(`${s}.y.f64`),
    },
  ]),
) as Record<(typeof splits)[number], { X: Matrix; y: Float64Array }>;
const readSeconds = (performance.now() - t0) / 1000;
const rssBeforeTrainMB = rssMB();

const spec =
  model === 'lr'
    ? { algorithm: 'logistic_regression' as const, hyperparameters: {} }
    : {
        algorithm: 'random_forest' as const,
        hyperparameters: { nTrees: Number(values.trees), maxDepth: Number(values.depth) },
      };
const seed = Number(values.seed);
const result: Record<string, unknown> = { side: 'alphagraph', model, readSeconds };

const started = performance.now();
const artifact = train({
  task: 'classification',
  ...spec,
  seed,
  featureNames: meta.featureNames,
  X: data.train.X,
  y: data.train.y,
});
const trainSeconds = (performance.now() - started) / 1000;
const p0 = performance.now();
const out = predict(artifact, data.test.X);
const predictSeconds = (performance.now() - p0) / 1000;
const probability = out.probability!;
const m = classificationMetrics(data.test.y, probability, 0.5);
const parameters = artifact.model;
Object.assign(result, {
  trainSeconds,
  predictSeconds,
  rocAuc: m.rocAuc,
  accuracy: m.accuracy,
  logLoss: m.logLoss,
  detail:
    parameters.kind === 'logistic'
      ? {
          iterations: parameters.iterations,
          converged: parameters.converged,
          gradientMaxAbs: parameters.gradientMaxAbs,
        }
      : parameters.kind === 'trees'
        ? { trees: parameters.trees.length, nodes: parameters.trees.reduce((n, t) => n + t.feature.length, 0) }
        : {},
  imputedColumns: artifact.imputation.columns.filter((c) => c.imputed).length,
});
writeFileSync(join(dir, `proba.alphagraph.${model}.f64`), new Uint8Array(probability.buffer));
writeFileSync(join(dir, `artifact.${model}.json`), serializeArtifact(artifact));

Object.assign(result, { rssBeforeTrainMB, peakRssMB: peakMB() });
writeFileSync(join(dir, `result.alphagraph.${model}.json`), JSON.stringify(result));
