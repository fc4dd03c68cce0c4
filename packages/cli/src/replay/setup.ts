import type { Role } from '@alphagraph/auth';
import type { GatewayClient } from '../gateway-client.ts';

/** The replay's features: what both models read, and log volume, the one the vendor shift moves. */
export const REPLAY_FEATURES = [
  { name: 'replay_ret_5', description: '5-session return.', expression: '$close/Ref($close, 5) - 1' },
  {
    name: 'replay_vol_20',
    description: '20-session volatility (sample standard deviation) of daily returns.',
    expression: 'Std($close/Ref($close, 1) - 1, 20)',
  },
  { name: 'replay_log_volume', description: 'Natural log of the session volume.', expression: 'Log($volume)' },
] as const;

/** PAPER on return and volatility; CANARY (5% of capital) on those and log volume. */
export const REPLAY_MODELS = [
  { name: 'replay_momentum', features: ['replay_ret_5', 'replay_vol_20'], stage: 'PAPER', capitalFraction: null },
  {
    name: 'replay_volume',
    features: ['replay_ret_5', 'replay_vol_20', 'replay_log_volume'],
    stage: 'CANARY',
    capitalFraction: 0.05,
  },
] as const;
export type ReplayModelName = (typeof REPLAY_MODELS)[number]['name'];

export const REPLAY_USERS = {
  researcher: { roles: ['researcher'], id: 'replay-researcher' },
  validator: { roles: ['validator'], id: 'replay-validator' },
  admin: { roles: ['admin'], id: 'replay-admin' },
  service: { roles: ['service'], id: 'replay-feed' },
} as const satisfies Record<string, { roles: Role[]; id: string }>;
export type ReplayTokens = Record<keyof typeof REPLAY_USERS, string>;

/**
 * Monitoring settings of both models: 20-session windows, and drift when the current sample moved by
 * a whole reference standard deviation (normed Wasserstein >= 1; the default 0.1 fires on the first
 * evaluation: autumn 2017 was far calmer than the 2014-2017 training years, normed distances of
 * 0.4-0.7 on 5-session return, volatility and log volume alike). The vendor's x10 volume moves log
 * volume by ln 10, about 2 of its standard deviations. Other rules keep their defaults.
 */
export const REPLAY_MONITORING = { windowSessions: 20, wassersteinThreshold: 1 };

const TRAINING_FROM = '2014-01-02';

export interface SetupOptions {
  readonly client: GatewayClient;
  readonly tokens: ReplayTokens;
  readonly universe: readonly string[];
  /** The first replayed session: features are materialized and the training set ends before it. */
  readonly from: string;
  readonly deadline: number;
  readonly log: (line: string) => void;
}

/** Waits for a materialization run; throws naming it when it failed. */
export async function awaitMaterialization(options: SetupOptions, runId: string): Promise<void> {
  const { client, tokens } = options;
  await options.client.until(
    `materialization run ${runId}`,
    async () => {
      const run = (
        await client.gql(
          `query($id: ID!) { materializationRun(id: $id) { status error } }`,
          { id: runId },
          tokens.service,
        )
      ).materializationRun;
      if (run.status === 'FAILED') throw new Error(`materialization run ${runId} failed: ${run.error}`);
      return run.status === 'SUCCEEDED' ? true : null;
    },
    options.deadline,
  );
}

/** Starts materializing the replay features (BACKFILL from a date, or INCREMENTAL) and returns the run id. */
export async function materialize(
  options: SetupOptions,
  mode: { mode: 'BACKFILL'; from: string } | { mode: 'INCREMENTAL' },
  token: string,
): Promise<string> {
  const started = (
    await options.client.gql(
      `mutation($i: MaterializeFeaturesInput!) { materializeFeatures(input: $i) { ok error { message } run { id } } }`,
      {
        i: {
          features: REPLAY_FEATURES.map((f) => f.name),
          universe: options.universe,
          mode: mode.mode,
          ...(mode.mode === 'BACKFILL' ? { from: `${mode.from}T00:00:00Z` } : {}),
          waitSeconds: 0,
        },
      },
      token,
    )
  ).materializeFeatures;
  if (!started.ok) throw new Error(`materializeFeatures: ${started.error.message}`);
  return started.run.id as string;
}

/**
 * Sets the replay up as real users: the researcher defines and materializes the features, builds a
 * training set per model (sessions up to the day before `from`, 5-session forward-return label),
 * registers and trains a logistic regression each and submits it; the validator approves (with an
 * override when criteria fail); the admin promotes and configures monitoring.
 */
export async function setUpReplay(options: SetupOptions): Promise<void> {
  const { client, tokens, log } = options;
  const gql = client.gql;
  for (const f of REPLAY_FEATURES) {
    const defined = (
      await gql(
        `mutation($i: DefineFeatureInput!) { defineFeature(input: $i) { ok error { message } feature { ref } } }`,
        { i: { ...f, universe: options.universe } },
        tokens.researcher,
      )
    ).defineFeature;
    if (!defined.ok) throw new Error(`defineFeature ${f.name}: ${defined.error.message}`);
  }
  log(`[replay] materializing ${REPLAY_FEATURES.map((f) => f.name).join(', ')} up to ${options.from}…`);
  await awaitMaterialization(
    options,
    await materialize(options, { mode: 'BACKFILL', from: '2013-01-01' }, tokens.researcher),
  );
  const trainingTo = new Date(Date.parse(`${options.from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  for (const m of REPLAY_MODELS) await trainModel(options, m, trainingTo);
}

async function trainModel(options: SetupOptions, m: (typeof REPLAY_MODELS)[number], trainingTo: string) {
  const { client, tokens, log } = options;
  const gql = client.gql;
  log(`[replay] ${m.name}: training set ${TRAINING_FROM}..${trainingTo} on ${m.features.join(', ')}…`);
  const created = (
    await gql(
      `mutation($i: CreateTrainingSetInput!) { createTrainingSet(input: $i) { ok error { message } trainingSet { id } } }`,
      {
        i: {
          name: m.name,
          entities: options.universe,
          spine: { schedule: { calendar: 'XNYS', times: ['16:30'] } },
          period: { from: TRAINING_FROM, to: trainingTo },
          features: m.features,
          labels: [{ name: 'fwd_5', forwardReturn: { horizon: 5 } }],
          split: { train: 0.6, validation: 0.2, embargoSeconds: 7 * 86_400 },
        },
      },
      tokens.researcher,
    )
  ).createTrainingSet;
  if (!created.ok) throw new Error(`createTrainingSet ${m.name}: ${created.error.message}`);
  await gql(
    `mutation($input: RegisterModelInput!) { registerModel(input: $input) { id } }`,
    {
      input: {
        name: m.name,
        task: 'CLASSIFICATION',
        description: `Paper-trading replay: direction of the 5-session forward return from ${m.features.join(', ')}.`,
        owner: 'replay-desk',
        universe: options.universe,
        label: 'fwd_5',
        problem: {
          objective: 'ALPHA',
          statement: 'Probability that the next 5 sessions return more than zero, for the replay.',
          successCriteria: [{ metric: 'roc_auc', op: 'GTE', threshold: 0.5 }],
          maxScoringLatencyMs: 1000,
          maxFeatures: 10,
        },
      },
    },
    tokens.researcher,
  );
  const version = (
    await gql(
      `mutation($input: TrainModelVersionInput!) { trainModelVersion(input: $input) { id } }`,
      {
        input: {
          model: m.name,
          trainingSet: created.trainingSet.id,
          algorithm: 'logistic_regression',
          hyperparameters: { C: 1 },
          seed: 7,
          crossValidation: { folds: 0 },
        },
      },
      tokens.researcher,
    )
  ).trainModelVersion.id as string;
  const ready = await client.until(
    `training ${m.name}`,
    async () => {
      const v = (
        await gql(
          `query($id: ID!) { modelVersion(id: $id) { status error metrics { rocAuc } criteria { met } } }`,
          { id: version },
          tokens.validator,
        )
      ).modelVersion;
      if (v.status === 'FAILED') throw new Error(`training ${m.name} failed: ${v.error}`);
      return v.status === 'READY' ? v : null;
    },
    options.deadline,
  );
  await gql(
    `mutation($v: ID!) { submitForValidation(version: $v, note: "replay: logistic regression for paper trading") { id } }`,
    { v: version },
    tokens.researcher,
  );
  const met = (ready.criteria as { met: boolean }[]).every((c) => c.met);
  await gql(
    `mutation($v: ID!, $f: String!, $o: String) { approveVersion(version: $v, findings: $f, overrideJustification: $o) { id } }`,
    {
      v: version,
      f: `replay review: TEST ROC AUC ${ready.metrics?.rocAuc?.toFixed(4)}`,
      o: met ? null : 'replay: validated for paper trading and a 5% canary only, to watch it live',
    },
    tokens.validator,
  );
  await gql(
    `mutation($v: ID!, $to: PromotionTarget!, $f: Float) { promoteVersion(version: $v, to: $to, reason: "replay deployment", capitalFraction: $f) { stage } }`,
    { v: version, to: m.stage, f: m.capitalFraction },
    tokens.admin,
  );
  await gql(
    `mutation($m: String!, $i: MonitoringSettingsInput!) { configureMonitoring(model: $m, input: $i) { windowSessions } }`,
    { m: m.name, i: REPLAY_MONITORING },
    tokens.admin,
  );
  log(`[replay] ${m.name}: TEST ROC AUC ${ready.metrics?.rocAuc?.toFixed(4)}, ${m.stage}`);
}
