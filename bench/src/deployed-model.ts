// A classification model deployed to PRODUCTION through the gateway, as the monitoring benchmarks
// need one: a researcher builds a point-in-time training set (schedule spine, 5-session forward
// return label), registers the model over the universe and trains a logistic regression; a second
// user, a validator, approves it; an admin promotes it CANARY -> PRODUCTION. The same flow as the
// models demo (@alphagraph/cli runModelsDemo) with the benchmark's universe and features.
import type { BenchPlatform } from './platform.ts';

export interface DeployRequest {
  /** lower_snake_case model (and training set) name. */
  readonly name: string;
  /** Instrument symbols: the training set's entities and the model's universe. */
  readonly universe: readonly string[];
  /** Feature refs (materialized over `period`). */
  readonly features: readonly string[];
  /** The schedule spine's session dates. */
  readonly period: { from: string; to: string };
  /** The problem statement's maxScoringLatencyMs (per 1,000 rows). */
  readonly maxScoringLatencyMs?: number;
  /** How long to wait for the training set and training (default 15 minutes). */
  readonly timeoutMs?: number;
}

export interface DeployedModel {
  readonly model: string;
  readonly trainingSet: { id: string; rowCount: number; seconds: number };
  readonly version: {
    id: string;
    number: number;
    trainingSeconds: number | null;
    rowCounts: { train: number; validation: number; test: number; embargo: number; droppedUnlabeled: number };
    testRocAuc: number | null;
    /** True when the success criteria held on TEST (otherwise approved with an override). */
    criteriaMet: boolean;
    /** Wall time from trainModelVersion until READY. */
    seconds: number;
  };
}

export const LABEL = 'fwd_5';

export async function deployClassificationModel(bench: BenchPlatform, request: DeployRequest): Promise<DeployedModel> {
  const deadline = Date.now() + (request.timeoutMs ?? 900_000);
  const [researcher, validator, admin] = await Promise.all([
    bench.token(['researcher'], 'bench-researcher'),
    bench.token(['validator'], 'bench-validator'),
    bench.token(['admin'], 'bench-admin'),
  ]);
  const until = async <T>(what: string, poll: () => Promise<T | null>): Promise<T> => {
    for (;;) {
      const done = await poll();
      if (done !== null) return done;
      if (Date.now() > deadline) throw new Error(`deploy ${request.name}: ${what} did not finish in time`);
      await new Promise((r) => setTimeout(r, 500));
    }
  };

  let started = performance.now();
  const created = (
    await bench.post(
      `mutation($i: CreateTrainingSetInput!) { createTrainingSet(input: $i) { ok error { message } trainingSet { id status rowCount error } } }`,
      {
        i: {
          name: request.name,
          entities: request.universe,
          spine: { schedule: { calendar: 'XNYS', times: ['16:30'] } },
          period: request.period,
          features: request.features,
          labels: [{ name: LABEL, forwardReturn: { horizon: 5 } }],
          split: { train: 0.6, validation: 0.2, embargoSeconds: 7 * 86_400 },
        },
      },
      { token: researcher },
    )
  ).createTrainingSet;
  if (!created.ok) throw new Error(`createTrainingSet: ${created.error.message}`);
  const built = await until('the training set', async () => {
    const ts =
      created.trainingSet.status === 'BUILDING'
        ? (
            await bench.post(
              'query($id: ID!) { trainingSet(id: $id) { id status rowCount error } }',
              { id: created.trainingSet.id },
              { token: researcher },
            )
          ).trainingSet
        : created.trainingSet;
    if (ts.status === 'FAILED') throw new Error(`training set ${ts.id} failed: ${ts.error}`);
    return ts.status === 'READY' ? (ts as { id: string; rowCount: number }) : null;
  });
  const trainingSet = { id: built.id, rowCount: built.rowCount, seconds: (performance.now() - started) / 1000 };

  await bench.post(
    'mutation($i: RegisterModelInput!) { registerModel(input: $i) { id } }',
    {
      i: {
        name: request.name,
        task: 'CLASSIFICATION',
        description: `Benchmark: direction of the 5-session forward return over ${request.universe.length} instruments.`,
        owner: 'bench',
        universe: request.universe,
        label: LABEL,
        problem: {
          objective: 'ALPHA',
          statement: 'Rank the universe daily by the probability that the next 5 sessions return more than zero.',
          successCriteria: [{ metric: 'roc_auc', op: 'GTE', threshold: 0.5 }],
          maxScoringLatencyMs: request.maxScoringLatencyMs ?? 1000,
          maxFeatures: 200,
        },
      },
    },
    { token: researcher },
  );

  started = performance.now();
  const queued = (
    await bench.post(
      'mutation($i: TrainModelVersionInput!) { trainModelVersion(input: $i) { id number } }',
      {
        i: {
          model: request.name,
          trainingSet: trainingSet.id,
          algorithm: 'logistic_regression',
          hyperparameters: { C: 1 },
          seed: 1,
          crossValidation: { folds: 0 },
        },
      },
      { token: researcher },
    )
  ).trainModelVersion as { id: string; number: number };
  const ready = await until('training', async () => {
    const v = (
      await bench.post(
        `query($id: ID!) { modelVersion(id: $id) { status error trainingSeconds metrics { rocAuc }
          rowCounts { train validation test embargo droppedUnlabeled } } }`,
        { id: queued.id },
        { token: researcher },
      )
    ).modelVersion;
    if (v.status === 'FAILED') throw new Error(`version ${queued.number} failed: ${v.error}`);
    return v.status === 'READY' ? v : null;
  });
  const seconds = (performance.now() - started) / 1000;

  await bench.post(
    'mutation($v: ID!) { submitForValidation(version: $v, note: "benchmark model") { id } }',
    { v: queued.id },
    { token: researcher },
  );
  const criteria = (
    await bench.post(
      'query($v: ID!) { modelVersion(id: $v) { criteria { met } } }',
      { v: queued.id },
      { token: validator },
    )
  ).modelVersion.criteria as { met: boolean }[];
  const criteriaMet = criteria.every((c) => c.met);
  await bench.post(
    'mutation($v: ID!, $o: String) { approveVersion(version: $v, findings: "benchmark review", overrideJustification: $o) { id } }',
    { v: queued.id, o: criteriaMet ? null : 'benchmark: deployed to measure signals, not to trade' },
    { token: validator },
  );
  for (const [to, fraction] of [
    ['CANARY', 0.1],
    ['PRODUCTION', null],
  ] as const) {
    await bench.post(
      'mutation($v: ID!, $to: PromotionTarget!, $f: Float) { promoteVersion(version: $v, to: $to, reason: "benchmark rollout", capitalFraction: $f) { stage } }',
      { v: queued.id, to, f: fraction },
      { token: admin },
    );
  }
  return {
    model: request.name,
    trainingSet,
    version: {
      id: queued.id,
      number: queued.number,
      trainingSeconds: ready.trainingSeconds ?? null,
      rowCounts: ready.rowCounts,
      testRocAuc: ready.metrics?.rocAuc ?? null,
      criteriaMet,
      seconds,
    },
  };
}
