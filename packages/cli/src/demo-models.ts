import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Role } from '@alphagraph/auth';
import { demoDataDir } from '@alphagraph/config';
import { z } from 'zod';
import { createGatewayClient } from './gateway-client.ts';

/**
 * The models part of the demo (issue 10 item 10), run through the gateway as real users would: a
 * researcher materializes Alpha158 for the demo universe, builds a point-in-time training set with
 * a 5-session forward-return direction label, registers the problem, trains a logistic regression
 * and a random forest, and submits both; a second demo user, a validator, reviews them and
 * validates one. Idempotent: a model already registered is left as it is.
 */
export const DEMO_MODEL = 'demo_alpha158_direction';

/** The demo universe (data/demo/seed.json), the instruments every demo catalog entry covers. */
export function demoUniverse(dir: string = demoDataDir()): string[] {
  return z
    .object({ universe: z.array(z.string()).min(1) })
    .parse(JSON.parse(readFileSync(join(dir, 'seed.json'), 'utf8'))).universe;
}
const RESEARCHER = 'demo-researcher';
const VALIDATOR = 'demo-validator';
const PERIOD = { from: '2014-01-02', to: '2017-12-29' };

export interface ModelsDemoOptions {
  readonly gatewayUrl: string;
  readonly token: (roles: Role[], userId: string) => Promise<string>;
  readonly universe: readonly string[];
  readonly log?: (line: string) => void;
  /** How long to wait for materialization, the training set and training (default 10 minutes). */
  readonly timeoutMs?: number;
}

export interface ModelsDemoResult {
  readonly model: string;
  readonly created: boolean;
  readonly trainingSet: string | null;
  readonly versions: readonly { id: string; number: number; algorithm: string; stage: string; rocAuc: number | null }[];
}

export async function runModelsDemo(options: ModelsDemoOptions): Promise<ModelsDemoResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const deadline = Date.now() + (options.timeoutMs ?? 600_000);
  const researcher = await options.token(['researcher'], RESEARCHER);
  const validator = await options.token(['validator'], VALIDATOR);
  const client = createGatewayClient({ gatewayUrl: options.gatewayUrl, prefix: 'models demo' });
  const gql = client.gql;
  const until = <T>(what: string, poll: () => Promise<T | null>) => client.until(what, poll, deadline);
  const versionsOf = async () =>
    (
      await gql(
        `query($n: String!) { model(name: $n) { versions { id number algorithm stage status error metrics { rocAuc } } } }`,
        { n: DEMO_MODEL },
        validator,
      )
    ).model?.versions as
      | {
          id: string;
          number: number;
          algorithm: string;
          stage: string;
          status: string;
          error: string | null;
          metrics: { rocAuc: number | null } | null;
        }[]
      | undefined;

  const existing = await versionsOf();
  if (existing) {
    log(`[demo] model ${DEMO_MODEL} is present (${existing.length} versions)`);
    return {
      model: DEMO_MODEL,
      created: false,
      trainingSet: null,
      versions: existing.map((v) => ({ ...v, rocAuc: v.metrics?.rocAuc ?? null })),
    };
  }

  log('[demo] materializing Alpha158 for the demo universe…');
  const started = await gql(
    `mutation($i: MaterializeFeaturesInput!) { materializeFeatures(input: $i) { ok error { message } run { id } } }`,
    {
      i: {
        set: 'alpha158',
        universe: options.universe,
        mode: 'BACKFILL',
        from: '2013-01-01T00:00:00Z',
        waitSeconds: 0,
      },
    },
    researcher,
  );
  if (!started.materializeFeatures.ok) throw new Error(`models demo: ${started.materializeFeatures.error.message}`);
  await until('materialization', async () => {
    const run = (
      await gql(
        `query($id: ID!) { materializationRun(id: $id) { status error } }`,
        { id: started.materializeFeatures.run.id },
        researcher,
      )
    ).materializationRun;
    if (run.status === 'FAILED') throw new Error(`models demo: materialization failed: ${run.error}`);
    return run.status === 'SUCCEEDED' ? true : null;
  });

  log('[demo] building a point-in-time training set (Alpha158, 5-session forward return)…');
  const created = (
    await gql(
      `mutation($i: CreateTrainingSetInput!) { createTrainingSet(input: $i) { ok error { message } trainingSet { id rowCount } } }`,
      {
        i: {
          name: DEMO_MODEL,
          entities: options.universe,
          spine: { schedule: { calendar: 'XNYS', times: ['16:30'] } },
          period: PERIOD,
          featureSets: ['alpha158'],
          labels: [{ name: 'fwd_5', forwardReturn: { horizon: 5 } }],
          split: { train: 0.6, validation: 0.2, embargoSeconds: 7 * 86_400 },
        },
      },
      researcher,
    )
  ).createTrainingSet;
  if (!created.ok) throw new Error(`models demo: ${created.error.message}`);
  const trainingSet = created.trainingSet.id as string;

  await gql(
    `mutation($input: RegisterModelInput!) { registerModel(input: $input) { id } }`,
    {
      input: {
        name: DEMO_MODEL,
        task: 'CLASSIFICATION',
        description: 'Direction of the 5-session forward return of large US stocks from Alpha158 features.',
        owner: 'demo-alpha-team',
        universe: options.universe,
        label: 'fwd_5',
        problem: {
          objective: 'ALPHA',
          statement: 'Rank the demo universe daily by the probability that the next 5 sessions return more than zero.',
          successCriteria: [
            { metric: 'roc_auc', op: 'GTE', threshold: 0.5 },
            { metric: 'accuracy', op: 'GTE', threshold: null },
          ],
          maxScoringLatencyMs: 1000,
          maxFeatures: 200,
        },
      },
    },
    researcher,
  );
  const train = async (algorithm: string, hyperparameters: Record<string, unknown>) =>
    (
      await gql(
        `mutation($input: TrainModelVersionInput!) { trainModelVersion(input: $input) { id } }`,
        {
          input: {
            model: DEMO_MODEL,
            trainingSet,
            algorithm,
            hyperparameters,
            seed: 7,
            crossValidation: { folds: 5, embargoSessions: 5 },
          },
        },
        researcher,
      )
    ).trainModelVersion.id as string;
  log('[demo] training a logistic regression and a random forest…');
  const ids = [
    await train('logistic_regression', { C: 0.05 }),
    await train('random_forest', { nTrees: 50, maxDepth: 6, minSamplesLeaf: 20 }),
  ];
  const trained = await until('training', async () => {
    const versions = (await versionsOf()) ?? [];
    const failed = versions.find((v) => v.status === 'FAILED');
    if (failed) throw new Error(`models demo: version ${failed.number} failed: ${failed.error}`);
    return versions.filter((v) => ids.includes(v.id)).every((v) => v.status === 'READY') ? versions : null;
  });
  for (const id of ids) {
    await gql(
      `mutation($v: ID!) { submitForValidation(version: $v, note: "demo: trained on the Alpha158 demo set") { id } }`,
      { v: id },
      researcher,
    );
  }
  // The validator validates the better of the two on TEST, and rejects the other with findings.
  const ranked = [...trained]
    .filter((v) => ids.includes(v.id))
    .sort((a, b) => (b.metrics?.rocAuc ?? 0) - (a.metrics?.rocAuc ?? 0));
  const [best, other] = ranked as [(typeof ranked)[number], (typeof ranked)[number]];
  const criteria = (
    await gql(`query($v: ID!) { modelVersion(id: $v) { criteria { met } } }`, { v: best.id }, validator)
  ).modelVersion.criteria as { met: boolean }[];
  const met = criteria.every((c) => c.met);
  await gql(
    `mutation($v: ID!, $f: String!, $o: String) { approveVersion(version: $v, findings: $f, overrideJustification: $o) { id } }`,
    {
      v: best.id,
      f: `demo review: ${best.algorithm} has the higher TEST ROC AUC (${best.metrics?.rocAuc?.toFixed(4)}); cross-validation spread reviewed`,
      o: met
        ? null
        : 'demo: daily Alpha158 direction is barely predictable; validated for paper trading only, to show the workflow',
    },
    validator,
  );
  await gql(
    `mutation($v: ID!, $f: String!) { rejectVersion(version: $v, findings: $f) { id } }`,
    {
      v: other.id,
      f: `demo review: lower TEST ROC AUC (${other.metrics?.rocAuc?.toFixed(4)}) than version ${best.number}`,
    },
    validator,
  );
  const versions = (await versionsOf()) ?? [];
  for (const v of versions)
    log(`[demo] ${DEMO_MODEL} v${v.number} ${v.algorithm}: ${v.stage}, TEST ROC AUC ${v.metrics?.rocAuc?.toFixed(4)}`);
  return {
    model: DEMO_MODEL,
    created: true,
    trainingSet,
    versions: versions.map((v) => ({ ...v, rocAuc: v.metrics?.rocAuc ?? null })),
  };
}
