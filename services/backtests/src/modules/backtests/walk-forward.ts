import {
  type PublishedModelVersion,
  type PublishedTrainingSet,
  readModelVersions,
  readTrainingSets,
} from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { type Lake, quoteIdent } from '@alphagraph/lake';
import { type Algorithm, MlError, predict, type Task, train } from '@alphagraph/ml';
import { BacktestServiceError } from './errors.ts';
import type { RunSpec, WalkForwardSpec } from './spec.ts';

/** A training set's rows as walk-forward reads them, sorted by t (columnar). */
export interface WalkForwardRows {
  readonly entity: readonly string[];
  /** Epoch ms. */
  readonly t: Float64Array;
  /** Row-major, `cols` feature values per row (NaN when missing). */
  readonly X: Float64Array;
  readonly cols: number;
  readonly label: Float64Array;
}

/** One window, as planned (indices into the sorted distinct instants) and as recorded. */
export interface WalkForwardWindow {
  readonly index: number;
  /** Epoch ms of the first and last training instants, and of the first and last test instants. */
  readonly trainStart: number;
  readonly trainEnd: number;
  readonly testStart: number;
  readonly testEnd: number;
  /** Labelled training rows the model was fitted on. */
  readonly trainRows: number;
  readonly testRows: number;
  /** Training rows dropped because their label was not known before the test window (purge). */
  readonly purgedRows: number;
}

/** Predictions as the engine trades them: each acted on from its t (its available_at). */
export interface PredictionColumns {
  readonly entity: string[];
  readonly t: Float64Array;
  readonly value: Float64Array;
}

export interface WalkForwardResult {
  readonly windows: WalkForwardWindow[];
  readonly outOfSample: PredictionColumns;
  readonly inSample: PredictionColumns;
}

/** The walk-forward plan: [trainFrom, trainTo) and [testFrom, testTo) as indices of the instants. */
export function planWindows(
  instants: number,
  wf: WalkForwardSpec,
): { trainFrom: number; trainTo: number; testFrom: number; testTo: number }[] {
  const out = [];
  for (let start = 0; start + wf.trainWindow < instants; start += wf.step) {
    const testFrom = start + wf.trainWindow;
    out.push({ trainFrom: start, trainTo: testFrom, testFrom, testTo: Math.min(testFrom + wf.testWindow, instants) });
  }
  return out;
}

/**
 * Retrains the version's algorithm (its hyperparameters and seed) on each window's training rows
 * and predicts:
 *
 * - out of sample: the rows of the window's test period only (never a row the model trained on);
 *   the windows' test periods do not overlap (step >= testWindow), so the stitched series is each
 *   test period's predictions in time order.
 * - in sample: the window's own training rows; where windows' training periods overlap, the latest
 *   window that trained on an instant gives its in-sample prediction.
 *
 * Purge: a label over `horizon` instants anchored at t is known `horizon` instants later; a
 * training row whose label is not known by the first test instant is dropped (it would read the
 * test period). `leak` (tests only) trains on the test rows too, to show a leak changes the result.
 */
export function walkForwardPredictions(
  rows: WalkForwardRows,
  model: { task: Task; algorithm: Algorithm; hyperparameters: Record<string, unknown>; seed: number; field: string },
  wf: WalkForwardSpec,
  horizon: number,
  options: { leak?: boolean } = {},
): WalkForwardResult {
  const n = rows.t.length;
  const instants: number[] = [];
  const instantOf = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    if (i === 0 || rows.t[i] !== rows.t[i - 1]) instants.push(rows.t[i]!);
    instantOf[i] = instants.length - 1;
  }
  const firstRow = new Int32Array(instants.length + 1);
  for (let i = n - 1; i >= 0; i--) firstRow[instantOf[i]!] = i;
  firstRow[instants.length] = n;
  const plan = planWindows(instants.length, wf);
  if (plan.length === 0) {
    throw new BacktestServiceError(
      'NO_DATA',
      `walkForward: the training set has ${instants.length} instants, not more than trainWindow ${wf.trainWindow}: no out-of-sample window`,
    );
  }
  const cols = rows.cols;
  const featureNames = Array.from({ length: cols }, (_, j) => `f${j}`);
  const windows: WalkForwardWindow[] = [];
  const oos = { entity: [] as string[], t: [] as number[], value: [] as number[] };
  const inSampleAt = new Map<number, { window: number; value: number }>();
  const probability = model.field === 'probability';
  const take = (idx: number[]) => {
    const X = new Float64Array(idx.length * cols);
    for (const [k, i] of idx.entries()) X.set(rows.X.subarray(i * cols, (i + 1) * cols), k * cols);
    return { rows: idx.length, cols, data: X };
  };
  for (const [w, p] of plan.entries()) {
    const trainIdx: number[] = [];
    let purged = 0;
    const trainTo = options.leak ? p.testTo : p.trainTo;
    for (let i = firstRow[p.trainFrom]!; i < firstRow[trainTo]!; i++) {
      if (!Number.isFinite(rows.label[i]!)) continue;
      if (!options.leak && instantOf[i]! + horizon >= p.testFrom) {
        purged++;
        continue;
      }
      trainIdx.push(i);
    }
    if (trainIdx.length === 0) {
      throw new BacktestServiceError(
        'NO_DATA',
        `walkForward: window ${w} has no labelled training row known before its test period (horizon ${horizon}): lengthen trainWindow`,
      );
    }
    let artifact: ReturnType<typeof train>;
    try {
      artifact = train({
        task: model.task,
        algorithm: model.algorithm,
        hyperparameters: model.hyperparameters,
        seed: model.seed,
        featureNames,
        X: take(trainIdx),
        y: Float64Array.from(trainIdx, (i) => rows.label[i]!),
      });
    } catch (error) {
      if (error instanceof MlError) {
        throw new BacktestServiceError('NO_DATA', `walkForward: window ${w} cannot be trained: ${error.message}`, {
          cause: error,
        });
      }
      throw error;
    }
    const chosen = (out: { prediction: Float64Array; probability?: Float64Array }) =>
      probability && out.probability ? out.probability : out.prediction;
    const testIdx: number[] = [];
    for (let i = firstRow[p.testFrom]!; i < firstRow[p.testTo]!; i++) testIdx.push(i);
    const testValues = chosen(predict(artifact, take(testIdx)));
    testIdx.forEach((i, k) => {
      oos.entity.push(rows.entity[i]!);
      oos.t.push(rows.t[i]!);
      oos.value.push(testValues[k]!);
    });
    const trainAll: number[] = [];
    for (let i = firstRow[p.trainFrom]!; i < firstRow[p.trainTo]!; i++) trainAll.push(i);
    const trainValues = chosen(predict(artifact, take(trainAll)));
    for (const [k, i] of trainAll.entries()) inSampleAt.set(i, { window: w, value: trainValues[k]! });
    windows.push({
      index: w,
      trainStart: instants[p.trainFrom]!,
      trainEnd: instants[trainTo - 1]!,
      testStart: instants[p.testFrom]!,
      testEnd: instants[p.testTo - 1]!,
      trainRows: trainIdx.length,
      testRows: testIdx.length,
      purgedRows: purged,
    });
  }
  const inSample = { entity: [] as string[], t: [] as number[], value: [] as number[] };
  for (const i of [...inSampleAt.keys()].sort((a, b) => a - b)) {
    inSample.entity.push(rows.entity[i]!);
    inSample.t.push(rows.t[i]!);
    inSample.value.push(inSampleAt.get(i)!.value);
  }
  const columns = (c: { entity: string[]; t: number[]; value: number[] }): PredictionColumns => ({
    entity: c.entity,
    t: Float64Array.from(c.t),
    value: Float64Array.from(c.value),
  });
  return { windows, outOfSample: columns(oos), inSample: columns(inSample) };
}

/** The version and its training set a walk-forward spec retrains, checked ready. */
export async function walkForwardSource(
  db: Db,
  spec: RunSpec,
): Promise<{ version: PublishedModelVersion; trainingSet: PublishedTrainingSet }> {
  const signal = spec.signal;
  if (signal?.kind !== 'model') throw new BacktestServiceError('INVALID_SPEC', 'walkForward: needs a model signal');
  const [version] = await readModelVersions(db, [{ model: signal.model, version: signal.version }]);
  if (!version) throw new BacktestServiceError('NOT_FOUND', `model ${signal.model} has no version ${signal.version}`);
  if (version.source !== 'platform') {
    throw new BacktestServiceError(
      'INVALID_SPEC',
      `walkForward: model ${signal.model} version ${signal.version} was trained elsewhere (ONNX): its algorithm cannot be retrained here`,
    );
  }
  const [trainingSet] = await readTrainingSets(db, [version.trainingSetId]);
  if (trainingSet?.status !== 'ready' || trainingSet.snapshotId === null) {
    throw new BacktestServiceError(
      'NO_DATA',
      `walkForward: the training set of model ${signal.model} version ${signal.version} is not built (ready)`,
    );
  }
  return { version, trainingSet };
}

/** Reads the version's feature columns and label of the training set's pinned build, sorted by t. */
export async function readWalkForwardRows(
  lake: Lake,
  trainingSet: PublishedTrainingSet,
  snapshotId: number,
  version: PublishedModelVersion,
): Promise<WalkForwardRows> {
  const snapshot = await lake.snapshot(trainingSet.lakeDataset, snapshotId);
  const columns = version.features.map((f) => f.column);
  const label = `label_${version.label}`;
  const rows = await lake.query<Record<string, unknown>>(
    `SELECT entity, CAST(epoch_ms(t) AS DOUBLE) AS t,
            ${[...columns.map((c) => `CAST(${quoteIdent(c)} AS DOUBLE)`), `CAST(${quoteIdent(label)} AS DOUBLE)`].join(', ')}
     FROM ${lake.scan(snapshot)} ORDER BY t, entity`,
  );
  const n = rows.length;
  const cols = columns.length;
  const X = new Float64Array(n * cols);
  const t = new Float64Array(n);
  const y = new Float64Array(n);
  const entity: string[] = new Array(n);
  const num = (v: unknown) => (v === null || v === undefined ? Number.NaN : Number(v));
  for (let i = 0; i < n; i++) {
    const values = Object.values(rows[i]!);
    entity[i] = String(values[0]);
    t[i] = num(values[1]);
    for (let j = 0; j < cols; j++) X[i * cols + j] = num(values[2 + j]);
    y[i] = num(values[2 + cols]);
  }
  return { entity, t, X, cols, label: y };
}

/** The label's horizon in instants (0 for an expression label, known at t). */
export function horizonOf(trainingSet: PublishedTrainingSet, label: string): number {
  const l = trainingSet.labels.find((x) => x.name === label);
  return l && l.kind !== 'expression' ? l.horizon : 0;
}

/** Runs the walk-forward of a spec from its pinned training-set snapshot. */
export async function computeWalkForward(
  db: Db,
  lake: Lake,
  spec: RunSpec,
  inputSnapshots: Record<string, number>,
): Promise<WalkForwardResult> {
  const { version, trainingSet } = await walkForwardSource(db, spec);
  const snapshotId = inputSnapshots[trainingSet.lakeDataset];
  if (snapshotId === undefined) throw new Error(`the run pinned no snapshot of ${trainingSet.lakeDataset}`);
  const rows = await readWalkForwardRows(lake, trainingSet, snapshotId, version);
  const signal = spec.signal as Extract<RunSpec['signal'], { kind: 'model' }>;
  return walkForwardPredictions(
    rows,
    {
      task: version.task,
      algorithm: version.algorithm as Algorithm,
      hyperparameters: version.hyperparameters,
      seed: version.seed,
      field: signal.field,
    },
    spec.walkForward!,
    horizonOf(trainingSet, version.label),
  );
}
