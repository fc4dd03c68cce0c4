// Models (issue 10): logistic regression and a random forest (100 trees, depth 8) trained by
// @alphagraph/ml next to scikit-learn (Debian's python3-sklearn) on the same rows of a REAL
// point-in-time training set, in the same run: seconds, peak memory and their ratios, and the
// test-split ROC AUC of both; then scoring from the online store: predictions per second for the
// 505 instruments x 50 features.
//
// Setup (not timed): the demo bars (all_stocks_5yr), the first 50 Alpha158 factors materialized by
// the features service (backfill; the online store gets each entity's latest values), and a
// training set built by the platform's builder: 505 symbols, XNYS sessions at 16:30 New York over
// 2014-2017, label fwd_5 (5-session forward return), split train 0.6 / validation 0.2 / test 0.2
// by time with a 7-day embargo, as the models demo builds it. The classification target is
// label > 0 (the models service's targetOf); rows without a label, and embargo rows, are dropped.
//
// The build's Parquet is read ONCE, by DuckDB in this process (timed, printed). Python here has no
// pyarrow, so its rows are written as raw little-endian float64 files, and BOTH sides read those
// same bytes in their own child process (our side: node, scikit-learn: /usr/bin/python3), one
// process per model, so each peak memory (VmHWM, the kernel's high-water mark of the process's
// RSS, read the same way on both sides) is that model's. Reading the files is
// excluded from training time on both sides and printed. Our timed part calls @alphagraph/ml
// `train`/`predict` directly (what the models service's fitAndEvaluate calls for the final fit on
// TRAIN, on its worker thread; its evaluation, permutation importance and artifact are not timed
// here). Both sides run single-threaded.
//
// Run: pnpm --filter @alphagraph/bench run bench:models [--rows N] [--trees 100] [--depth 8]
//   [--reps 200]. --rows caps the TRAIN rows (the first N in spine order) for a
//   smaller run. Prints figures; asserts nothing about time.
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { quoteIdent } from '@alphagraph/lake';
import { classificationMetrics, type Matrix, parseArtifact, predict } from '@alphagraph/ml';
import { sql } from 'drizzle-orm';
import { BENCH_SCOPE, fmt, median, openFeatureLake } from './feature-lake.ts';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    rows: { type: 'string', default: '' },
    trees: { type: 'string', default: '100' },
    depth: { type: 'string', default: '8' },
    seed: { type: 'string', default: '1' },
    reps: { type: 'string', default: '200' },
  },
});
const maxTrainRows = values.rows ? Number(values.rows) : null;
const trees = Number(values.trees);
const depth = Number(values.depth);
const seed = Number(values.seed);
const reps = Number(values.reps);
const benchDir = fileURLToPath(new URL('..', import.meta.url));
const LABEL = 'fwd_5';
const SPLITS = ['train', 'validation', 'test'] as const;
type Split = (typeof SPLITS)[number];
const s2 = (x: number) => x.toFixed(2);

/** Runs a child to completion, its output shown; fails the bench when it fails. */
function runChild(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: benchDir, stdio: 'inherit', env });
    child.on('error', reject);
    child.on('exit', (code, signal) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? signal}`)),
    );
  });
}

interface Result {
  side: string;
  model: string;
  readSeconds: number;
  trainSeconds: number;
  predictSeconds?: number;
  rocAuc: number;
  accuracy?: number;
  logLoss?: number;
  rssBeforeTrainMB: number;
  peakRssMB: number;
  detail?: Record<string, unknown>;
  sklearn?: string;
}

const fl = await openFeatureLake({ prefix: 'ag-bench-models-', features: 50 });
const { lake } = fl;
const data = join(fl.dir, 'export');
mkdirSync(data, { recursive: true });

try {
  // The training set, built by the platform (the models demo's spec over 2014-2017, 50 features).
  let started = performance.now();
  const ts = await fl.service.stores.trainingSets.create(BENCH_SCOPE, {
    name: 'bench-models',
    universe: 'bars',
    spine: { kind: 'schedule', calendar: 'XNYS', times: ['16:30'] },
    period: { from: '2014-01-01', to: '2017-12-31' },
    features: fl.refs,
    labels: [{ kind: 'forward_return', name: LABEL, horizon: 5 }],
    split: { train: 0.6, validation: 0.2, embargoSeconds: 7 * 86_400 },
  });
  const plan = ts.resolution.spine;
  if (plan.kind !== 'schedule') throw new Error('expected a schedule spine');
  fl.step(
    `training set ${ts.id}: ${fmt(ts.rowCount!)} spine rows (${plan.entities.length} entities x ${plan.instants.length} sessions) x ${fl.columns.length} features + label_${LABEL}, built in ${s2((performance.now() - started) / 1000)} s`,
  );

  // Read the build's Parquet once (DuckDB), as the models service does (readVersionRows: one
  // query, rows in spine order, null -> NaN); write each split's rows as raw float64 files.
  const snapshot = await lake.snapshot(ts.lakeDataset, ts.snapshotId!);
  const labelColumn = quoteIdent(`label_${LABEL}`);
  const counts = {} as Record<Split, number>;
  let readSeconds = 0;
  let writeSeconds = 0;
  let nonFinite = 0;
  let positives = { train: 0, test: 0 };
  for (const split of SPLITS) {
    started = performance.now();
    const rows = await lake.query<Record<string, unknown>>(
      `SELECT ${fl.columns.map((c) => `CAST(${quoteIdent(c)} AS DOUBLE) AS ${quoteIdent(c)}`).join(', ')},
         CAST(${labelColumn} AS DOUBLE) AS __label
       FROM ${lake.scan(snapshot)}
       WHERE lower(split) = '${split}' AND isfinite(${labelColumn})
       ORDER BY row_no${split === 'train' && maxTrainRows !== null ? ` LIMIT ${maxTrainRows}` : ''}`,
    );
    const n = rows.length;
    const p = fl.columns.length;
    const X = new Float64Array(n * p);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      for (let j = 0; j < p; j++) {
        const v = r[fl.columns[j]!];
        const x = v === null || v === undefined ? Number.NaN : Number(v);
        if (!Number.isFinite(x)) nonFinite++;
        X[i * p + j] = x;
      }
      y[i] = Number(r.__label) > 0 ? 1 : 0; // the models service's targetOf('classification')
    }
    readSeconds += (performance.now() - started) / 1000;
    started = performance.now();
    writeFileSync(join(data, `${split}.X.f64`), new Uint8Array(X.buffer));
    writeFileSync(join(data, `${split}.y.f64`), new Uint8Array(y.buffer));
    writeSeconds += (performance.now() - started) / 1000;
    counts[split] = n;
    if (split !== 'validation') positives = { ...positives, [split]: y.reduce((a, b) => a + b, 0) / n };
  }
  writeFileSync(
    join(data, 'meta.json'),
    JSON.stringify({ cols: fl.columns.length, featureNames: fl.columns, rows: counts }),
  );
  const bytes = (counts.train + counts.validation + counts.test) * (fl.columns.length + 1) * 8;
  console.log(
    `read the build's Parquet (DuckDB, ${snapshot.files.length} file) into columns: ${s2(readSeconds)} s; ` +
      `wrote it as raw little-endian float64 (${(bytes / 1e6).toFixed(0)} MB) for both sides: ${s2(writeSeconds)} s`,
  );
  console.log(
    `rows (labelled, not embargo): train ${fmt(counts.train)}${maxTrainRows !== null ? ` (capped by --rows)` : ''}, ` +
      `validation ${fmt(counts.validation)}, test ${fmt(counts.test)}; target = ${LABEL} > 0, ` +
      `positive rate train ${positives.train.toFixed(3)}, test ${positives.test.toFixed(3)}; ` +
      `${fmt(nonFinite)} non-finite feature values (both sides: the column's TRAIN median)`,
  );

  // One child per (side, model), one after the other (the machine's cores are shared).
  const single = { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' };
  const ours = (model: 'lr' | 'rf') =>
    runChild(process.execPath, [
      '--import',
      'tsx',
      join(benchDir, 'src/models-train.ts'),
      '--data',
      data,
      '--model',
      model,
      '--trees',
      String(trees),
      '--depth',
      String(depth),
      '--seed',
      String(seed),
    ]);
  const sklearn = (model: string) =>
    runChild(
      '/usr/bin/python3',
      [join(benchDir, 'python/models_sklearn.py'), data, model, String(trees), String(depth), String(seed)],
      single,
    );
  const result = (side: string, model: string) =>
    JSON.parse(readFileSync(join(data, `result.${side}.${model}.json`), 'utf8')) as Result;
  const proba = (side: string, model: string) => {
    const b = readFileSync(join(data, `proba.${side}.${model}.f64`));
    return new Float64Array(b.buffer, b.byteOffset, b.byteLength / 8);
  };

  console.log(`\ntraining (${fmt(counts.train)} rows x ${fl.columns.length} features, test ${fmt(counts.test)} rows)…`);
  await ours('lr');
  await sklearn('lr-lbfgs');
  await sklearn('lr-newton');
  await ours('rf');
  await sklearn('rf');

  const yTest = new Float64Array(
    (() => {
      const b = readFileSync(join(data, 'test.y.f64'));
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
    })(),
  );
  const line = (label: string, r: Result) =>
    `  ${label.padEnd(44)} train ${s2(r.trainSeconds).padStart(7)} s   predict test ${s2(r.predictSeconds ?? Number.NaN).padStart(5)} s   ` +
    `peak RSS ${fmt(r.peakRssMB).padStart(5)} MB (before training ${fmt(r.rssBeforeTrainMB)} MB)   ` +
    `test ROC AUC ${r.rocAuc.toFixed(4)}   accuracy ${r.accuracy?.toFixed(4)}   log loss ${r.logLoss?.toFixed(4)}` +
    (r.detail ? `   ${JSON.stringify(r.detail)}` : '');
  const ratio = (label: string, a: Result, b: Result) =>
    `  ${label}: time ${(a.trainSeconds / b.trainSeconds).toFixed(2)}x, peak memory ${(a.peakRssMB / b.peakRssMB).toFixed(2)}x, ` +
    `peak memory above the loaded data ${((a.peakRssMB - a.rssBeforeTrainMB) / Math.max(1, b.peakRssMB - b.rssBeforeTrainMB)).toFixed(2)}x`;
  const agreement = (a: Float64Array, b: Float64Array) => {
    let max = 0;
    let sa = 0;
    let sb = 0;
    for (let i = 0; i < a.length; i++) {
      max = Math.max(max, Math.abs(a[i]! - b[i]!));
      sa += a[i]!;
      sb += b[i]!;
    }
    const [ma, mb] = [sa / a.length, sb / b.length];
    let [cov, va, vb] = [0, 0, 0];
    for (let i = 0; i < a.length; i++) {
      cov += (a[i]! - ma) * (b[i]! - mb);
      va += (a[i]! - ma) ** 2;
      vb += (b[i]! - mb) ** 2;
    }
    return `max |p - p'| ${max.toExponential(2)}, correlation ${(cov / Math.sqrt(va * vb)).toFixed(4)}`;
  };
  const auc = (p: Float64Array) => classificationMetrics(yTest, p, 0.5).rocAuc!.toFixed(4);

  const [lr, rf] = [result('alphagraph', 'lr'), result('alphagraph', 'rf')];
  const [skLbfgs, skNewton, skRf] = [
    result('sklearn', 'lr-lbfgs'),
    result('sklearn', 'lr-newton'),
    result('sklearn', 'rf'),
  ];
  console.log(
    `\nresults (each model in its own process; time excludes reading the files; peak RSS = VmHWM of that process)`,
  );
  console.log(
    `reading the raw files: ours ${s2(lr.readSeconds)} s (lr) / ${s2(rf.readSeconds)} s (rf); scikit-learn ${s2(skLbfgs.readSeconds)} s / ${s2(skRf.readSeconds)} s (numpy.fromfile); scikit-learn ${skRf.sklearn}`,
  );
  console.log('logistic regression (L2, C = 1):');
  console.log(line('ours (Newton/IRLS, tol 1e-8)', lr));
  console.log(line('scikit-learn lbfgs (its default)', skLbfgs));
  console.log(line('scikit-learn newton-cholesky', skNewton));
  console.log(ratio('scikit-learn lbfgs / ours', skLbfgs, lr));
  console.log(ratio('scikit-learn newton-cholesky / ours', skNewton, lr));
  console.log(
    `  test probabilities, ours vs newton-cholesky: ${agreement(proba('alphagraph', 'lr'), proba('sklearn', 'lr-newton'))}; vs lbfgs: ${agreement(proba('alphagraph', 'lr'), proba('sklearn', 'lr-lbfgs'))}`,
  );
  console.log(`random forest (${trees} trees, max depth ${depth}, sqrt features, bootstrap):`);
  console.log(line('ours (histogram CART, 255 bins)', rf));
  console.log(line('scikit-learn (exact CART, n_jobs=1)', skRf));
  console.log(ratio('scikit-learn / ours', skRf, rf));
  console.log(
    `  test probabilities, ours vs scikit-learn: ${agreement(proba('alphagraph', 'rf'), proba('sklearn', 'rf'))}`,
  );
  console.log(
    `ROC AUC of scikit-learn's probabilities recomputed by @alphagraph/ml classificationMetrics: lbfgs ${auc(proba('sklearn', 'lr-lbfgs'))}, newton ${auc(proba('sklearn', 'lr-newton'))}, rf ${auc(proba('sklearn', 'rf'))} (roc_auc_score: ${skLbfgs.rocAuc.toFixed(4)}, ${skNewton.rocAuc.toFixed(4)}, ${skRf.rocAuc.toFixed(4)})`,
  );
  // Scoring from the online store: the features service's online provider (the cache the
  // onlineFeatures resolver reads: one generation query, then memory; a cold read loads every
  // entity of the 50 features from Postgres), then predict on the 505 x 50 matrix.
  const records = await fl.service.featureStore.features.resolveRefs(fl.refs);
  const features = fl.refs.map((r) => records.get(r)!);
  const entities = [...plan.entities].sort();
  const now = new Date('2018-02-08T12:00:00Z'); // the day after the data's last session
  const online = fl.service.featureStore.online;
  type OnlineRead = Awaited<ReturnType<typeof online.read>>;
  /** A publish of new values, as a materialization commits it: the readers' copies are now stale. */
  const bumpGenerations = () =>
    fl.handle.db.execute(sql`update features.online_generations set generation = generation + 1`);
  const toMatrix = (read: OnlineRead) => {
    const p = features.length;
    const m = new Float64Array(entities.length * p);
    let current = 0;
    entities.forEach((e, i) => {
      read.cells.get(e)!.forEach((c, j) => {
        const ttl = features[j]!.ttlSeconds;
        const fresh = c !== null && c.value !== null && (ttl === null || c.eventUs >= read.nowUs - ttl * 1_000_000);
        if (fresh) current++;
        m[i * p + j] = fresh ? c.value! : Number.NaN;
      });
    });
    return { matrix: { rows: entities.length, cols: p, data: m }, current };
  };
  const first = toMatrix(await online.read({ entities, features, now }));
  console.log(
    `\nscoring from the online store (${process.env.DATABASE_URL ? 'Postgres' : 'embedded PGlite'}): ${entities.length} entities x ${features.length} features, ` +
      `${fmt(first.current)} CURRENT values at ${now.toISOString()} (the rest NaN -> the training medians)`,
  );
  /** Medians over `n` repetitions (after a warm-up) of a read, a predict, and the two in a row. */
  const readThenPredict = async (
    read: () => Promise<OnlineRead>,
    score: (m: Matrix) => unknown,
    n: number,
    before: () => unknown = () => {},
  ) => {
    const ms = { read: [] as number[], predict: [] as number[], both: [] as number[] };
    for (let i = -Math.min(20, n); i < n; i++) {
      await before();
      const t0 = performance.now();
      const { matrix } = toMatrix(await read());
      const t1 = performance.now();
      score(matrix);
      const t2 = performance.now();
      if (i < 0) continue;
      ms.read.push(t1 - t0);
      ms.predict.push(t2 - t1);
      ms.both.push(t2 - t0);
    }
    return { read: median(ms.read), predict: median(ms.predict), both: median(ms.both) };
  };
  const perSecond = (ms: number) => fmt((entities.length / ms) * 1000).padStart(9);
  for (const [label, model] of [
    ['logistic regression', 'lr'],
    [`random forest ${trees} x depth ${depth}`, 'rf'],
  ] as const) {
    const artifact = parseArtifact(readFileSync(join(data, `artifact.${model}.json`)));
    const score = (m: Matrix) => predict(artifact, m);
    const cached = await readThenPredict(() => online.read({ entities, features, now }), score, reps);
    const coldReps = Math.max(5, Math.floor(reps / 10));
    const cold = await readThenPredict(
      () => online.read({ entities, features, now }),
      score,
      coldReps,
      bumpGenerations,
    );
    console.log(
      `  ${label}: predict ${cached.predict.toFixed(3)} ms = ${perSecond(cached.predict)} predictions/s; ` +
        `read ${cached.read.toFixed(2)} ms + predict = ${cached.both.toFixed(2)} ms = ${perSecond(cached.both)} predictions/s (medians of ${reps}); ` +
        `cold read ${cold.read.toFixed(1)} ms + predict = ${perSecond(cold.both)} predictions/s (median of ${coldReps})`,
    );
  }
  console.log(
    '  (read = the provider: one generation query to Postgres, then the values from its in-process copy; cold read = right after a publish (generations bumped): the copy reloads the 50 features for every entity from Postgres)',
  );
  console.log(
    `(the onlineFeatures query caps a request at 20,000 values, so 505 x 50 takes two requests through the gateway; this reads the provider directly)`,
  );
} finally {
  rmSync(data, { recursive: true, force: true });
  await fl.close();
}
