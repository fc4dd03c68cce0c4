import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { ModelRecord as ModelRecordModel, InstrumentRef as InstrumentRefModel } from '../modules/models/store.ts';
import type { VersionRecord as VersionRecordModel, PredictionBatchRecord as PredictionBatchRecordModel } from '../modules/versions/store.ts';
import type { SignalsModel as SignalsModelModel, SignalSetModel as SignalSetModelModel, SignalRow as SignalRowModel } from '../modules/monitoring/signals.ts';
import type { LiveMetricsModel as LiveMetricsModelModel, MonitorReportModel as MonitorReportModelModel, DriftRow as DriftRowModel, MonitoringRunModel as MonitoringRunModelModel } from '../modules/monitoring/job.ts';
import type { MonitorSettings as MonitorSettingsModel } from '../modules/monitoring/settings.ts';
import type { AlertRecord as AlertRecordModel } from '../modules/monitoring/alerts.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Omit<T, K extends keyof T> = Pick<T, Exclude<keyof T, K>>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /**
   * An instant, ISO-8601 with an explicit zone: `Z` or an offset, e.g. 2016-04-01T00:00:00Z or
   * 2016-04-01T09:30:00-04:00; answers are in UTC (`Z`). Refused: a value without a zone (add `Z`), a
   * date alone (write its T00:00:00Z, or use a Date argument where one exists) and a day or time the
   * calendar does not have (2016-02-30T00:00:00Z). Ranges everywhere: `from` inclusive, `to` exclusive.
   */
  DateTime: { input: Date | string; output: Date | string; }
  /** Arbitrary JSON: hyperparameters, a confusion matrix. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

export type Alert = {
  __typename?: 'Alert';
  acknowledgedAt: Maybe<Scalars['DateTime']['output']>;
  acknowledgedBy: Maybe<Scalars['String']['output']>;
  acknowledgement: Maybe<Scalars['String']['output']>;
  /** The monitored instant the rule judged (the replay's clock, or now). */
  asOf: Scalars['DateTime']['output'];
  /** The metric, window, value and threshold that raised it. */
  evidence: Scalars['JSON']['output'];
  id: Scalars['ID']['output'];
  /** True when this alert pulled the kill switch. */
  killSwitchPulled: Scalars['Boolean']['output'];
  message: Scalars['String']['output'];
  model: Scalars['String']['output'];
  raisedAt: Scalars['DateTime']['output'];
  rule: AlertRule;
  severity: AlertSeverity;
  version: Maybe<Scalars['Int']['output']>;
};

export type AlertRule =
  /** A feature's PSI above psiThreshold, or its KS / Wasserstein test says drifted. */
  | 'feature_drift'
  /** Live IC (regression) below validation by more than icMargin. */
  | 'ic_drop'
  /** losingStreak sessions in a row with a negative signal P&L. */
  | 'losing_streak'
  /** Live accuracy or ROC AUC (classification) below validation by more than metricMargin. */
  | 'metric_drop'
  /** The prediction's own distribution drifted. */
  | 'prediction_drift'
  /** The session's prediction volume is outside its normal band. */
  | 'prediction_volume'
  /** Scoring took longer per 1,000 rows than the problem statement's maxScoringLatencyMs. */
  | 'scoring_latency'
  /** More than staleFraction of the session's signal rows had EXPIRED or MISSING features. */
  | 'stale_features';

export type AlertSeverity =
  | 'critical'
  | 'info'
  | 'warning';

/** An algorithm the platform trains, with its tier and hyperparameters (defaults). */
export type Algorithm = {
  __typename?: 'Algorithm';
  defaults: Scalars['JSON']['output'];
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
  tasks: Array<ModelTask>;
  tier: ComplexityTier;
};

export type ComparisonOp =
  /** metric >= threshold */
  | 'gte'
  /** metric <= threshold */
  | 'lte';

/** The seed's complexity ladder: linear LOW, trees MEDIUM, forests HIGH, deep nets and boosting (external) VERY_HIGH. */
export type ComplexityTier =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM'
  | 'VERY_HIGH';

export type CriterionResult = {
  __typename?: 'CriterionResult';
  againstBaseline: Scalars['Boolean']['output'];
  met: Scalars['Boolean']['output'];
  metric: Scalars['String']['output'];
  op: ComparisonOp;
  /** The threshold used (the baseline's value when the criterion compares with the baseline). */
  threshold: Maybe<Scalars['Float']['output']>;
  value: Maybe<Scalars['Float']['output']>;
};

export type CrossValidationInput = {
  /** Sessions after each test fold whose rows are dropped from training. */
  embargoSessions?: InputMaybe<Scalars['Int']['input']>;
  /** Folds of purged k-fold CV over TRAIN and VALIDATION rows; 0 skips cross-validation. */
  folds?: InputMaybe<Scalars['Int']['input']>;
};

export type CrossValidationReport = {
  __typename?: 'CrossValidationReport';
  /** Training rows starting within this many sessions after a test fold are dropped. */
  embargoSessions: Scalars['Int']['output'];
  folds: Scalars['Int']['output'];
  mean: Maybe<Scalars['Float']['output']>;
  /** Mean and sample standard deviation across folds of the headline metric (ROC AUC or IC-free R²). */
  metric: Scalars['String']['output'];
  perFold: Array<FoldResult>;
  /** Training rows whose label span [t, known] overlaps a test fold's span are purged. */
  purged: Scalars['Boolean']['output'];
  std: Maybe<Scalars['Float']['output']>;
};

export type EvaluationSplit =
  | 'test'
  | 'train'
  | 'validation';

export type Feature = {
  __typename?: 'Feature';
  name: Scalars['String']['output'];
  version: Scalars['Int']['output'];
};

export type FeatureImportance = {
  __typename?: 'FeatureImportance';
  feature: Scalars['String']['output'];
  /**
   * permutation (drop of the score on TEST when the column is shuffled; on a seeded sample of 20,000 TEST rows when TEST
   * is larger), coefficient, or impurity.
   */
  kind: Scalars['String']['output'];
  /** Standard deviation over permutation repeats. */
  std: Maybe<Scalars['Float']['output']>;
  value: Scalars['Float']['output'];
};

/** An online feature value's state when it was read (as onlineFeatures reports it). */
export type FeatureValueStatus =
  | 'CURRENT'
  | 'EXPIRED'
  | 'MISSING';

export type FoldResult = {
  __typename?: 'FoldResult';
  embargoedRows: Scalars['Int']['output'];
  fold: Scalars['Int']['output'];
  metrics: VersionMetrics;
  purgedRows: Scalars['Int']['output'];
  testRows: Scalars['Int']['output'];
  trainRows: Scalars['Int']['output'];
};

export type Instrument = {
  __typename?: 'Instrument';
  /** Models whose universe includes this instrument (null when models is unavailable). */
  models: Maybe<Array<Model>>;
  symbol: Scalars['String']['output'];
};

export type KillSwitch = {
  __typename?: 'KillSwitch';
  killedAt: Scalars['DateTime']['output'];
  killedBy: Scalars['String']['output'];
  reason: Scalars['String']['output'];
};

/** Live metrics, on the outcomes (logged predictions joined to realized labels) of a window. */
export type LiveMetrics = {
  __typename?: 'LiveMetrics';
  /** The sessions (UTC dates) the window covers. */
  from: Maybe<Scalars['String']['output']>;
  /**
   * Classification (target = label > 0, class = probability >= 0.5): accuracy, precision, ROC AUC, log loss.
   * Regression: RMSE and IC (mean over sessions of the Spearman correlation of prediction and label across
   * instruments, sessions with fewer than 3 skipped). Both: hit rate (sign of the position = sign of the label).
   */
  live: MetricValues;
  /** Consecutive sessions ending at the window's last with a negative session P&L. */
  losingStreak: Scalars['Int']['output'];
  /** Outcomes in the window; predictions whose labels are not knowable yet are not counted. */
  outcomes: Scalars['Int']['output'];
  /**
   * The P&L of following the signal in the window: per session, the mean over instruments of position x label
   * value (position = +1 long when the prediction says up, -1 short otherwise; for forward-return labels the label
   * value is the return), summed over sessions.
   */
  pnl: Maybe<Scalars['Float']['output']>;
  to: Maybe<Scalars['String']['output']>;
  /** The version's metrics on its VALIDATION split, the same formulas. */
  validation: MetricValues;
  version: Scalars['Int']['output'];
  windowSessions: Scalars['Int']['output'];
};

export type LogPredictionsInput = {
  model: Scalars['String']['input'];
  predictions: Array<LoggedPredictionInput>;
  /** Idempotency key: the same id with the same rows is a no-op; with other rows it is refused. */
  requestId: Scalars['String']['input'];
  version: Scalars['Int']['input'];
};

export type LoggedPredictionInput = {
  /** The feature vector used, in the version's feature order (null for a missing value). */
  features?: InputMaybe<Array<InputMaybe<Scalars['Float']['input']>>>;
  prediction: Scalars['Float']['input'];
  probability?: InputMaybe<Scalars['Float']['input']>;
  symbol: Scalars['String']['input'];
  /** The instant the prediction speaks for. */
  t: Scalars['DateTime']['input'];
};

export type MetricValues = {
  __typename?: 'MetricValues';
  accuracy: Maybe<Scalars['Float']['output']>;
  hitRate: Maybe<Scalars['Float']['output']>;
  ic: Maybe<Scalars['Float']['output']>;
  logLoss: Maybe<Scalars['Float']['output']>;
  precision: Maybe<Scalars['Float']['output']>;
  rmse: Maybe<Scalars['Float']['output']>;
  rocAuc: Maybe<Scalars['Float']['output']>;
};

export type MissingValueReport = {
  __typename?: 'MissingValueReport';
  column: Scalars['String']['output'];
  /** The value imputed (the column's median over training rows; 0 when every value is missing; null for ONNX models, which receive values as stored). */
  fill: Maybe<Scalars['Float']['output']>;
  /** Training rows whose value was missing or non-finite, replaced by the training median. */
  imputedInTrain: Scalars['Int']['output'];
};

/** A registered model: a problem definition first; versions, validation and deployment hang off it. */
export type Model = {
  __typename?: 'Model';
  /** Raised alerts, newest first. */
  alerts: Maybe<Array<Alert>>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  /** Feature versions the model reads (of its latest trained version). */
  features: Array<Feature>;
  /** Every stage change and kill-switch action, oldest first: who, when, why, from which stage. */
  history: Maybe<Array<ModelEvent>>;
  id: Scalars['ID']['output'];
  /** The kill switch: when set, the model's signals are stopped until an explicit resume. */
  killSwitch: Maybe<KillSwitch>;
  /** The training-set label the model predicts (label name; column `label_<name>`). */
  label: Maybe<Scalars['String']['output']>;
  /** Live monitoring of the deployed versions: settings, evaluations over time, drift, volume, P&L. */
  monitoring: Maybe<ModelMonitoring>;
  name: Scalars['String']['output'];
  owner: Scalars['String']['output'];
  /** What it predicts and how success is judged (null for models registered before problem statements existed). */
  problem: Maybe<ProblemStatement>;
  /** The version in PRODUCTION, if any (same visibility as versions). */
  productionVersion: Maybe<ModelVersion>;
  registeredBy: Maybe<Scalars['String']['output']>;
  task: ModelTask;
  /** Instruments the model scores. */
  universe: Array<Instrument>;
  /**
   * Versions, newest first. Researchers, validators, admins and compliance see every version; other roles see
   * only versions deployed to CANARY or PRODUCTION.
   */
  versions: Maybe<Array<ModelVersion>>;
};


/** A registered model: a problem definition first; versions, validation and deployment hang off it. */
export type ModelAlertsArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
  unacknowledgedOnly?: InputMaybe<Scalars['Boolean']['input']>;
};

/** A stage change or kill-switch action of a model. */
export type ModelEvent = {
  __typename?: 'ModelEvent';
  /** submit, approve, reject, promote, replace, rollback, kill, resume. */
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  /** Findings, overrides, capital fraction: what the action recorded. */
  details: Scalars['JSON']['output'];
  fromStage: Maybe<ModelStage>;
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  toStage: Maybe<ModelStage>;
  /** The version it moved (null for the kill switch). */
  version: Maybe<Scalars['Int']['output']>;
};

export type ModelMonitoring = {
  __typename?: 'ModelMonitoring';
  /** Evaluations, oldest first (the last `last`). */
  reports: Array<MonitorReport>;
  settings: MonitoringSettings;
};


export type ModelMonitoringReportsArgs = {
  last?: InputMaybe<Scalars['Int']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};

export type ModelObjective =
  | 'alpha'
  | 'execution'
  | 'risk';

/**
 * Deployment stages. Allowed moves (every other pair is refused): REGISTERED -> VALIDATED (approveVersion) or
 * REJECTED (rejectVersion); VALIDATED -> PAPER, CANARY or RETIRED; PAPER -> CANARY or RETIRED; CANARY -> PRODUCTION,
 * PAPER or RETIRED; PRODUCTION -> RETIRED (replaced by another version, or retired); RETIRED -> PRODUCTION only by
 * rollback, for the version the current production version replaced.
 */
export type ModelStage =
  | 'canary'
  | 'paper'
  | 'production'
  | 'registered'
  | 'rejected'
  | 'retired'
  | 'validated';

export type ModelTask =
  /** Binary: the target is 1 when the label is greater than 0, else 0 (a direction label). */
  | 'classification'
  /** The label's value. */
  | 'regression';

/**
 * A model version: trained in the platform on a point-in-time training set, or uploaded as ONNX, then validated
 * (four eyes) and deployed through its stages.
 */
export type ModelVersion = {
  __typename?: 'ModelVersion';
  /** linear_regression, logistic_regression, decision_tree, random_forest, or onnx. */
  algorithm: Scalars['String']['output'];
  artifact: Maybe<VersionArtifact>;
  /** The naive baseline's metrics on the same split: majority class, or zero for regression. */
  baseline: Maybe<VersionMetrics>;
  /** CANARY's share of capital, in (0, MODELS_CANARY_MAX_FRACTION]. */
  capitalFraction: Maybe<Scalars['Float']['output']>;
  /** The model card as Markdown (also served as a page at /models/<name>/versions/<number>). */
  card: Maybe<Scalars['String']['output']>;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  /**
   * The success criteria evaluated on the TEST split, and the scoring-latency constraint when the problem sets one
   * (metric scoring_ms_per_1000: milliseconds to score 1,000 TEST rows, LTE maxScoringLatencyMs).
   */
  criteria: Maybe<Array<CriterionResult>>;
  /** Purged k-fold cross-validation with an embargo over the TRAIN and VALIDATION rows. */
  crossValidation: Maybe<CrossValidationReport>;
  /** Why training or evaluation failed. */
  error: Maybe<Scalars['String']['output']>;
  /** Training-set columns it reads, in input order. */
  featureColumns: Maybe<Array<Scalars['String']['output']>>;
  /** Feature versions it reads, in input order. */
  features: Maybe<Array<Feature>>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  hyperparameters: Maybe<Scalars['JSON']['output']>;
  id: Scalars['ID']['output'];
  /** Permutation importance on the TEST split for every algorithm; coefficients or impurity importance as the algorithm has them. */
  importances: Maybe<Array<FeatureImportance>>;
  /** The lake snapshots the training set's build read, and the build's own snapshot. */
  inputs: Maybe<Array<VersionInput>>;
  /** The label it predicts (label name). */
  label: Maybe<Scalars['String']['output']>;
  /**
   * Live metrics of the version's logged predictions joined to their realized labels, over the last
   * `windowSessions` sessions with outcomes up to `asOf` (default now), beside its validation metrics.
   */
  liveMetrics: Maybe<LiveMetrics>;
  /** Metrics on a split of the training set (default TEST). */
  metrics: Maybe<VersionMetrics>;
  /** How missing and non-finite feature values were handled, per column. */
  missingValues: Maybe<Array<MissingValueReport>>;
  model: Maybe<Model>;
  /** 1, 2, … per model. */
  number: Scalars['Int']['output'];
  /** Batch predictions written to the lake, newest first. */
  predictionBatches: Maybe<Array<PredictionBatch>>;
  /** 0..1 while training. */
  progress: Scalars['Float']['output'];
  /** Rows per split used for fitting and evaluation, and rows dropped (label unknown). */
  rowCounts: Maybe<RowCounts>;
  seed: Maybe<Scalars['Int']['output']>;
  source: ModelVersionSource;
  stage: ModelStage;
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: ModelVersionStatus;
  tier: ComplexityTier;
  /** Seconds spent training (fitting only; evaluation excluded). */
  trainingSeconds: Maybe<Scalars['Float']['output']>;
  /** The training set it was trained and evaluated on (features subgraph). */
  trainingSet: Maybe<TrainingSet>;
  /** The validation record: submission, decision, findings, override. */
  validation: Maybe<ValidationRecord>;
};


/**
 * A model version: trained in the platform on a point-in-time training set, or uploaded as ONNX, then validated
 * (four eyes) and deployed through its stages.
 */
export type ModelVersionBaselineArgs = {
  split?: InputMaybe<EvaluationSplit>;
};


/**
 * A model version: trained in the platform on a point-in-time training set, or uploaded as ONNX, then validated
 * (four eyes) and deployed through its stages.
 */
export type ModelVersionLiveMetricsArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  windowSessions?: InputMaybe<Scalars['Int']['input']>;
};


/**
 * A model version: trained in the platform on a point-in-time training set, or uploaded as ONNX, then validated
 * (four eyes) and deployed through its stages.
 */
export type ModelVersionMetricsArgs = {
  split?: InputMaybe<EvaluationSplit>;
};

export type ModelVersionSource =
  /** An ONNX file trained elsewhere (registerExternalVersion), scored with onnxruntime. */
  | 'external'
  /** Trained in the platform by trainModelVersion. */
  | 'platform';

export type ModelVersionStatus =
  | 'failed'
  /** Waiting for a models replica's worker. */
  | 'queued'
  /** Trained (or uploaded) and evaluated: metrics, importances and card are available. */
  | 'ready'
  | 'training';

/** One monitoring evaluation of a deployed version at an instant. */
export type MonitorReport = {
  __typename?: 'MonitorReport';
  asOf: Scalars['DateTime']['output'];
  /** Cumulative P&L of following the signal over every outcome so far. */
  cumulativePnl: Maybe<Scalars['Float']['output']>;
  drift: Array<VersionFeatureDrift>;
  live: LiveMetrics;
  stage: ModelStage;
  /** Share of the session's signal rows without a prediction because a feature was EXPIRED or MISSING. */
  staleFraction: Maybe<Scalars['Float']['output']>;
  version: Scalars['Int']['output'];
  /** Predictions logged in the session of asOf. */
  volume: Scalars['Int']['output'];
  /** The normal band of the volume: [lower, upper] x the median of the previous sessions' volumes. */
  volumeBand: Maybe<Array<Scalars['Float']['output']>>;
};

/** One evaluation of a model's monitoring at an instant. */
export type MonitoringRun = {
  __typename?: 'MonitoringRun';
  alerts: Maybe<Array<Alert>>;
  asOf: Scalars['DateTime']['output'];
  /** Prediction-log rows flushed to the lake by this run. */
  flushed: Scalars['Int']['output'];
  /** Outcomes joined by this run (labels that became knowable). */
  joined: Scalars['Int']['output'];
  model: Scalars['String']['output'];
  reports: Maybe<Array<MonitorReport>>;
};

/**
 * Alert rules of a model, with their defaults. Drift thresholds follow Evidently's defaults for numerical
 * columns (KS p <= 0.05 for at most 1,000 reference values, normed Wasserstein >= 0.1 above); PSI above 0.2
 * (Evidently's own PSI threshold is 0.1).
 */
export type MonitoringSettings = {
  __typename?: 'MonitoringSettings';
  /** Alert when live IC is below validation IC by more than this (default 0.05). */
  icMargin: Scalars['Float']['output'];
  /** A CRITICAL alert pulls the kill switch (recorded like a manual one, actor alphagraph-monitor). Default false. */
  killOnCritical: Scalars['Boolean']['output'];
  /** KS p-value at or below which a feature drifted (default 0.05). */
  ksPValue: Scalars['Float']['output'];
  /** Alert after this many losing sessions in a row (default 5). */
  losingStreak: Scalars['Int']['output'];
  /** Alert when live accuracy (or ROC AUC) is below validation by more than this (default 0.05). */
  metricMargin: Scalars['Float']['output'];
  /** Predictions a drift test needs (default 100). */
  minDriftSamples: Scalars['Int']['output'];
  /** Outcomes a window needs before live metrics are judged (default 30). */
  minOutcomes: Scalars['Int']['output'];
  /** Alerts are published to this NATS subject when set (and NATS_URL is configured). */
  natsSubject: Maybe<Scalars['String']['output']>;
  /**
   * Alert when a feature's PSI is above this (default 0.2), judged once the current sample has 20 values per bin
   * (PSI is biased upward on small samples: about (bins - 1) / n without any drift).
   */
  psiThreshold: Scalars['Float']['output'];
  /** Alert when more than this share of a session's signal rows had EXPIRED or MISSING features (default 0.2). */
  staleFraction: Scalars['Float']['output'];
  volumeLookbackSessions: Scalars['Int']['output'];
  /** The volume band as multiples of the median of the last volumeLookbackSessions sessions (defaults 0.5 and 2). */
  volumeLower: Scalars['Float']['output'];
  volumeUpper: Scalars['Float']['output'];
  /** Normed Wasserstein distance at or above which a feature drifted (default 0.1). */
  wassersteinThreshold: Scalars['Float']['output'];
  /** Alerts are POSTed here as JSON when set. */
  webhookUrl: Maybe<Scalars['String']['output']>;
  /** Sessions per live-metrics window (default 20). */
  windowSessions: Scalars['Int']['output'];
};

export type MonitoringSettingsInput = {
  icMargin?: InputMaybe<Scalars['Float']['input']>;
  killOnCritical?: InputMaybe<Scalars['Boolean']['input']>;
  ksPValue?: InputMaybe<Scalars['Float']['input']>;
  losingStreak?: InputMaybe<Scalars['Int']['input']>;
  metricMargin?: InputMaybe<Scalars['Float']['input']>;
  minDriftSamples?: InputMaybe<Scalars['Int']['input']>;
  minOutcomes?: InputMaybe<Scalars['Int']['input']>;
  natsSubject?: InputMaybe<Scalars['String']['input']>;
  psiThreshold?: InputMaybe<Scalars['Float']['input']>;
  staleFraction?: InputMaybe<Scalars['Float']['input']>;
  volumeLookbackSessions?: InputMaybe<Scalars['Int']['input']>;
  volumeLower?: InputMaybe<Scalars['Float']['input']>;
  volumeUpper?: InputMaybe<Scalars['Float']['input']>;
  wassersteinThreshold?: InputMaybe<Scalars['Float']['input']>;
  webhookUrl?: InputMaybe<Scalars['String']['input']>;
  windowSessions?: InputMaybe<Scalars['Int']['input']>;
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Acknowledges an alert, with a note. Traders, validators and admins. */
  acknowledgeAlert: Alert;
  /**
   * Approves a submitted version: REGISTERED -> VALIDATED. The validator must not have registered the model nor
   * trained the version; every success criterion must hold on TEST, or overrideJustification says why not.
   */
  approveVersion: ModelVersion;
  /** Changes a model's alert rules (unset fields keep their value). Admins. */
  configureMonitoring: MonitoringSettings;
  /** Stops the model's signals at once; only resume lifts it. Traders and admins. */
  killSwitch: Model;
  /** Appends an external model's predictions to the prediction log; idempotent by requestId. Services. */
  logPredictions: PredictionLogReceipt;
  /**
   * Moves a version to PAPER, CANARY (with capitalFraction), PRODUCTION (the previous production version is
   * RETIRED and stays one rollback away) or RETIRED. Admins.
   */
  promoteVersion: ModelVersion;
  /** Registers an ONNX model trained elsewhere; checked on upload, then evaluated like a trained version. Researchers. */
  registerExternalVersion: ModelVersion;
  /** Registers a model with its problem statement (audited). Researchers. */
  registerModel: Model;
  /** Rejects a submitted version: REGISTERED -> REJECTED, with findings. Same independence rule. */
  rejectVersion: ModelVersion;
  /** Lifts the kill switch. Traders and admins. */
  resume: Model;
  /** Puts back the production version the current one replaced; the current one is RETIRED. Admins. */
  rollback: ModelVersion;
  /**
   * Runs the monitoring job for a model now (or at asOf, for a replay): flushes the prediction log, joins outcomes
   * whose labels became knowable, evaluates live metrics and drift, raises alerts. The scheduler runs the same.
   */
  runMonitoring: MonitoringRun;
  /**
   * Scores a READY version over a training set's rows and appends the predictions to the model's lake dataset
   * `predictions_<model>` (available_at = t). Build a training set over a universe and period to score it.
   */
  scoreVersion: PredictionBatch;
  /** Asks for independent validation of a READY version. Researchers. */
  submitForValidation: ModelVersion;
  /** Queues training of a new version on a training set the caller may read (audited). Researchers. */
  trainModelVersion: ModelVersion;
};


export type MutationAcknowledgeAlertArgs = {
  id: Scalars['ID']['input'];
  note: Scalars['String']['input'];
};


export type MutationApproveVersionArgs = {
  findings: Scalars['String']['input'];
  overrideJustification?: InputMaybe<Scalars['String']['input']>;
  version: Scalars['ID']['input'];
};


export type MutationConfigureMonitoringArgs = {
  input: MonitoringSettingsInput;
  model: Scalars['String']['input'];
};


export type MutationKillSwitchArgs = {
  model: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationLogPredictionsArgs = {
  input: LogPredictionsInput;
};


export type MutationPromoteVersionArgs = {
  capitalFraction?: InputMaybe<Scalars['Float']['input']>;
  reason: Scalars['String']['input'];
  to: PromotionTarget;
  version: Scalars['ID']['input'];
};


export type MutationRegisterExternalVersionArgs = {
  input: RegisterExternalVersionInput;
};


export type MutationRegisterModelArgs = {
  input: RegisterModelInput;
};


export type MutationRejectVersionArgs = {
  findings: Scalars['String']['input'];
  version: Scalars['ID']['input'];
};


export type MutationResumeArgs = {
  model: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRollbackArgs = {
  model: Scalars['String']['input'];
  reason: Scalars['String']['input'];
};


export type MutationRunMonitoringArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  model: Scalars['String']['input'];
};


export type MutationScoreVersionArgs = {
  trainingSet: Scalars['ID']['input'];
  version: Scalars['ID']['input'];
};


export type MutationSubmitForValidationArgs = {
  note: Scalars['String']['input'];
  version: Scalars['ID']['input'];
};


export type MutationTrainModelVersionArgs = {
  input: TrainModelVersionInput;
};

export type PredictionBatch = {
  __typename?: 'PredictionBatch';
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The lake dataset holding every batch of the model: entity, t, prediction, probability, version, available_at. */
  lakeDataset: Scalars['String']['output'];
  rows: Scalars['Int']['output'];
  snapshotId: Scalars['Int']['output'];
  trainingSetId: Scalars['ID']['output'];
};

export type PredictionLogReceipt = {
  __typename?: 'PredictionLogReceipt';
  /** True when this request id was logged before (nothing was written again). */
  duplicate: Scalars['Boolean']['output'];
  requestId: Scalars['String']['output'];
  rows: Scalars['Int']['output'];
};

export type ProblemStatement = {
  __typename?: 'ProblemStatement';
  /** The most features a version may read. */
  maxFeatures: Maybe<Scalars['Int']['output']>;
  /** The largest scoring latency allowed per batch of 1,000 rows, in milliseconds. */
  maxScoringLatencyMs: Maybe<Scalars['Float']['output']>;
  objective: ModelObjective;
  statement: Scalars['String']['output'];
  /** The validation gate: every criterion must hold on the TEST split (or be overridden with a written justification). */
  successCriteria: Array<SuccessCriterion>;
};

export type ProblemStatementInput = {
  maxFeatures?: InputMaybe<Scalars['Int']['input']>;
  maxScoringLatencyMs?: InputMaybe<Scalars['Float']['input']>;
  objective: ModelObjective;
  statement: Scalars['String']['input'];
  successCriteria: Array<SuccessCriterionInput>;
};

/** The stages an admin promotes to with promoteVersion. */
export type PromotionTarget =
  | 'canary'
  | 'paper'
  | 'production'
  | 'retired';

export type Query = {
  __typename?: 'Query';
  /** The algorithms the platform trains. */
  algorithms: Maybe<Array<Algorithm>>;
  /** One model by id or by name (exactly one of the two). */
  model: Maybe<Model>;
  /** A version by id (same visibility as Model.versions). */
  modelVersion: Maybe<ModelVersion>;
  models: Maybe<Array<Model>>;
  /** Metrics of a ready version per named scenario (market regimes), with the baseline's. */
  scenarioMetrics: Maybe<Array<ScenarioResult>>;
  /**
   * The model's signals now (or at asOf, for replays and audits: values as the online store held them then).
   * Traders and services. Every answer is logged to the prediction log before it is returned.
   */
  signals: Maybe<Signals>;
};


export type QueryModelArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};


export type QueryModelVersionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryScenarioMetricsArgs = {
  scenarios: Array<ScenarioInput>;
  version: Scalars['ID']['input'];
};


export type QuerySignalsArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  model: Scalars['String']['input'];
};

export type RegisterExternalVersionInput = {
  /** Feature refs (name@version) the model expects, in input order. */
  features: Array<Scalars['String']['input']>;
  /** Where it came from, e.g. sklearn 1.4 via skl2onnx, LightGBM 4.3. */
  framework: Scalars['String']['input'];
  model: Scalars['String']['input'];
  /** Recorded with the version (e.g. how it was trained). */
  notes?: InputMaybe<Scalars['String']['input']>;
  /** The ONNX file, base64. */
  onnxBase64: Scalars['String']['input'];
  /** The training set it is evaluated on (its features must include every feature listed). */
  trainingSet: Scalars['ID']['input'];
};

export type RegisterModelInput = {
  description: Scalars['String']['input'];
  /** The training-set label it predicts (label name, e.g. fwd_5 for column label_fwd_5). */
  label: Scalars['String']['input'];
  /** lower_snake_case, unique. */
  name: Scalars['String']['input'];
  owner: Scalars['String']['input'];
  problem: ProblemStatementInput;
  task: ModelTask;
  universe: Array<Scalars['String']['input']>;
};

export type RowCounts = {
  __typename?: 'RowCounts';
  /** Rows without a known label (never used). */
  droppedUnlabeled: Scalars['Int']['output'];
  /** Rows in the training set's embargo between splits (never used). */
  embargo: Scalars['Int']['output'];
  test: Scalars['Int']['output'];
  train: Scalars['Int']['output'];
  validation: Scalars['Int']['output'];
};

/** A named regime: a period, or a condition on a MARKET feature column of the training set (or both). */
export type ScenarioInput = {
  /** A training-set feature column (e.g. vix_close__v1) or ref (vix_close@1). */
  feature?: InputMaybe<Scalars['String']['input']>;
  /** Inclusive lower bound on the training-set row's time. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  name: Scalars['String']['input'];
  op?: InputMaybe<ComparisonOp>;
  threshold?: InputMaybe<Scalars['Float']['input']>;
  /** Exclusive upper bound on the training-set row's time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A scenario's metrics (validators test versions under market regimes). */
export type ScenarioResult = {
  __typename?: 'ScenarioResult';
  baseline: Maybe<VersionMetrics>;
  metrics: Maybe<VersionMetrics>;
  name: Scalars['String']['output'];
  /** Rows of the training set in the scenario (every split). */
  rows: Scalars['Int']['output'];
};

export type Signal = {
  __typename?: 'Signal';
  /** Per feature (SignalSet.features order): the event time of the value read. */
  featureEventTimes: Array<Maybe<Scalars['DateTime']['output']>>;
  featureStatuses: Array<FeatureValueStatus>;
  instrument: Maybe<Instrument>;
  /** The predicted label value (regression) or class 0/1 (classification); null unless status is OK. */
  prediction: Maybe<Scalars['Float']['output']>;
  /** P(class 1) for classifiers. */
  probability: Maybe<Scalars['Float']['output']>;
  status: SignalStatus;
  symbol: Scalars['String']['output'];
};

/** The signals of one deployed version. */
export type SignalSet = {
  __typename?: 'SignalSet';
  /** The share of capital the version trades: CANARY's fraction, 1 for PRODUCTION, 0 for PAPER. */
  capitalFraction: Scalars['Float']['output'];
  /** Feature versions read, in the order of each row's featureStatuses and featureEventTimes. */
  features: Array<Scalars['String']['output']>;
  rows: Array<Signal>;
  stage: ModelStage;
  version: Scalars['Int']['output'];
};

/** Why a signal row (or a whole answer) has no prediction. */
export type SignalStatus =
  /** A feature the version reads is older than its TTL at the as-of instant. */
  | 'FEATURE_EXPIRED'
  /** A feature the version reads was never materialized for the instrument. */
  | 'FEATURE_MISSING'
  /** The kill switch is set: no version is scored. */
  | 'MODEL_KILLED'
  /** No version is in PRODUCTION (PAPER and CANARY versions are still scored). */
  | 'NO_PRODUCTION_VERSION'
  /** Scored: prediction (and probability for classifiers) set. */
  | 'OK';

/**
 * A model's signals at one instant: its PRODUCTION, CANARY (with its capital fraction) and PAPER versions scored
 * on the latest online feature values of its universe, by the code that scores batch predictions. Logged to the
 * prediction log before it is answered.
 */
export type Signals = {
  __typename?: 'Signals';
  /** The instant the feature values are read at and their TTLs judged against (servedAt unless asOf was given). */
  asOf: Scalars['DateTime']['output'];
  killSwitch: Maybe<KillSwitch>;
  /** scoringMsPer1000 > maxScoringLatencyMs: a SCORING_LATENCY alert was raised. */
  latencyBreached: Scalars['Boolean']['output'];
  maxScoringLatencyMs: Maybe<Scalars['Float']['output']>;
  model: Scalars['String']['output'];
  /** The request id the signals are logged under (the prediction log's request_id). */
  requestId: Scalars['ID']['output'];
  /** Milliseconds spent scoring every set (model inference only). */
  scoringMs: Scalars['Float']['output'];
  /** scoringMs per 1,000 scored rows: what the problem statement's maxScoringLatencyMs limits. */
  scoringMsPer1000: Maybe<Scalars['Float']['output']>;
  servedAt: Scalars['DateTime']['output'];
  sets: Array<SignalSet>;
  /** OK, MODEL_KILLED (no set is scored) or NO_PRODUCTION_VERSION. */
  status: SignalStatus;
};

export type Subscription = {
  __typename?: 'Subscription';
  /** Alerts as they are raised (of one model, or of every model). */
  alertRaised: Alert;
};


export type SubscriptionAlertRaisedArgs = {
  model?: InputMaybe<Scalars['String']['input']>;
};

export type SuccessCriterion = {
  __typename?: 'SuccessCriterion';
  /** A metric name of VersionMetrics in snake_case: accuracy, precision, recall, f1, roc_auc, log_loss, rmse, mae, r2, mean_ic, icir. */
  metric: Scalars['String']['output'];
  op: ComparisonOp;
  /** A fixed threshold; null compares with the naive baseline's value of the metric on the same split. */
  threshold: Maybe<Scalars['Float']['output']>;
};

export type SuccessCriterionInput = {
  metric: Scalars['String']['input'];
  op: ComparisonOp;
  /** Omit (null) to compare with the naive baseline on the same split. */
  threshold?: InputMaybe<Scalars['Float']['input']>;
};

export type TrainModelVersionInput = {
  /** linear_regression, logistic_regression, decision_tree or random_forest (see Query.algorithms). */
  algorithm: Scalars['String']['input'];
  crossValidation?: InputMaybe<CrossValidationInput>;
  /** By name; unknown names are refused (see Query.algorithms for defaults). */
  hyperparameters?: InputMaybe<Scalars['JSON']['input']>;
  model: Scalars['String']['input'];
  seed?: InputMaybe<Scalars['Int']['input']>;
  trainingSet: Scalars['ID']['input'];
};

export type TrainingSet = {
  __typename?: 'TrainingSet';
  id: Scalars['ID']['output'];
};

export type ValidationRecord = {
  __typename?: 'ValidationRecord';
  decidedAt: Maybe<Scalars['DateTime']['output']>;
  decidedBy: Maybe<Scalars['String']['output']>;
  /** APPROVED or REJECTED; null while pending. */
  decision: Maybe<Scalars['String']['output']>;
  findings: Maybe<Scalars['String']['output']>;
  /** Set when approved although a success criterion failed: the written justification. */
  overrideJustification: Maybe<Scalars['String']['output']>;
  submittedAt: Maybe<Scalars['DateTime']['output']>;
  submittedBy: Maybe<Scalars['String']['output']>;
};

export type VersionArtifact = {
  __typename?: 'VersionArtifact';
  bytes: Scalars['Int']['output'];
  /** json (in-platform trainers) or onnx. */
  format: Scalars['String']['output'];
  /** Where the artifact is in the lake's object store (relative to the lake root). */
  path: Scalars['String']['output'];
  sha256: Scalars['String']['output'];
};

/**
 * Drift of one feature (or of the prediction, feature `prediction`) against the version's training distribution.
 * Method (Evidently's defaults for numerical columns): KS two-sample test when the reference sample has at most
 * 1,000 values, drift when p <= ksPValue; otherwise the Wasserstein distance divided by the reference standard
 * deviation (floored at 0.001), drift when >= wassersteinThreshold. PSI is computed always, over the decile bins of
 * the TRAIN rows fixed at training time (an empty bin's proportion floored at 0.0001, as Evidently does).
 */
export type VersionFeatureDrift = {
  __typename?: 'VersionFeatureDrift';
  currentCount: Scalars['Int']['output'];
  drifted: Scalars['Boolean']['output'];
  feature: Scalars['String']['output'];
  /** ks or wasserstein_normed. */
  method: Scalars['String']['output'];
  pValue: Maybe<Scalars['Float']['output']>;
  psi: Maybe<Scalars['Float']['output']>;
  /** psi > psiThreshold, judged once the current sample has 20 values per bin (PSI is biased upward on small samples). */
  psiAlert: Scalars['Boolean']['output'];
  psiThreshold: Scalars['Float']['output'];
  referenceCount: Scalars['Int']['output'];
  statistic: Maybe<Scalars['Float']['output']>;
  threshold: Scalars['Float']['output'];
};

export type VersionInput = {
  __typename?: 'VersionInput';
  lakeDataset: Scalars['String']['output'];
  /** feature_view, bars, spine, or training_set (the build itself). */
  role: Scalars['String']['output'];
  snapshotId: Scalars['Int']['output'];
};

/**
 * Metrics of a version (or its baseline) on one split. Classification: the target is 1 when the label > 0, predicted
 * class = probability >= 0.5. Regression: information coefficient = Spearman rank correlation of prediction and label
 * across instruments on each date (dates with fewer than 3 instruments skipped); ICIR = mean IC / sample std of IC.
 */
export type VersionMetrics = {
  __typename?: 'VersionMetrics';
  accuracy: Maybe<Scalars['Float']['output']>;
  /** { tp, fp, tn, fn } for classification. */
  confusion: Maybe<Scalars['JSON']['output']>;
  f1: Maybe<Scalars['Float']['output']>;
  icir: Maybe<Scalars['Float']['output']>;
  /** Mean negative log-likelihood, probabilities clipped to [1e-15, 1 - 1e-15]. */
  logLoss: Maybe<Scalars['Float']['output']>;
  mae: Maybe<Scalars['Float']['output']>;
  meanIc: Maybe<Scalars['Float']['output']>;
  precision: Maybe<Scalars['Float']['output']>;
  r2: Maybe<Scalars['Float']['output']>;
  recall: Maybe<Scalars['Float']['output']>;
  rmse: Maybe<Scalars['Float']['output']>;
  rocAuc: Maybe<Scalars['Float']['output']>;
  rows: Scalars['Int']['output'];
};

export type WithIndex<TObject> = TObject & Record<string, any>;
export type ResolversObject<TObject> = WithIndex<TObject>;

export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = ResolversObject<{
  Instrument: Instrument;
  Model: Model;
  ModelVersion: ModelVersion;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Instrument:
    ( { __typename: 'Instrument' }
    & GraphQLRecursivePick<FederationTypes['Instrument'], {"symbol":true}> );
  Model:
    ( { __typename: 'Model' }
    & ( GraphQLRecursivePick<FederationTypes['Model'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Model'], {"name":true}> ) );
  ModelVersion:
    ( { __typename: 'ModelVersion' }
    & GraphQLRecursivePick<FederationTypes['ModelVersion'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Alert: ResolverTypeWrapper<AlertRecordModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  AlertRule: ResolverTypeWrapper<AlertRule>;
  AlertSeverity: ResolverTypeWrapper<AlertSeverity>;
  Algorithm: ResolverTypeWrapper<Omit<Algorithm, 'tasks' | 'tier'> & { tasks: Array<ResolversTypes['ModelTask']>, tier: ResolversTypes['ComplexityTier'] }>;
  ComparisonOp: ResolverTypeWrapper<ComparisonOp>;
  ComplexityTier: ResolverTypeWrapper<ComplexityTier>;
  CriterionResult: ResolverTypeWrapper<Omit<CriterionResult, 'op'> & { op: ResolversTypes['ComparisonOp'] }>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  CrossValidationInput: CrossValidationInput;
  CrossValidationReport: ResolverTypeWrapper<CrossValidationReport>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EvaluationSplit: ResolverTypeWrapper<EvaluationSplit>;
  Feature: ResolverTypeWrapper<Feature>;
  FeatureImportance: ResolverTypeWrapper<FeatureImportance>;
  FeatureValueStatus: FeatureValueStatus;
  FoldResult: ResolverTypeWrapper<FoldResult>;
  Instrument: ResolverTypeWrapper<InstrumentRefModel>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  KillSwitch: ResolverTypeWrapper<KillSwitch>;
  LiveMetrics: ResolverTypeWrapper<LiveMetricsModelModel>;
  LogPredictionsInput: LogPredictionsInput;
  LoggedPredictionInput: LoggedPredictionInput;
  MetricValues: ResolverTypeWrapper<MetricValues>;
  MissingValueReport: ResolverTypeWrapper<MissingValueReport>;
  Model: ResolverTypeWrapper<ModelRecordModel>;
  ModelEvent: ResolverTypeWrapper<Omit<ModelEvent, 'fromStage' | 'toStage'> & { fromStage?: Maybe<ResolversTypes['ModelStage']>, toStage?: Maybe<ResolversTypes['ModelStage']> }>;
  ModelMonitoring: ResolverTypeWrapper<ModelRecordModel>;
  ModelObjective: ResolverTypeWrapper<ModelObjective>;
  ModelStage: ResolverTypeWrapper<ModelStage>;
  ModelTask: ResolverTypeWrapper<ModelTask>;
  ModelVersion: ResolverTypeWrapper<VersionRecordModel>;
  ModelVersionSource: ResolverTypeWrapper<ModelVersionSource>;
  ModelVersionStatus: ResolverTypeWrapper<ModelVersionStatus>;
  MonitorReport: ResolverTypeWrapper<MonitorReportModelModel>;
  MonitoringRun: ResolverTypeWrapper<MonitoringRunModelModel>;
  MonitoringSettings: ResolverTypeWrapper<MonitorSettingsModel>;
  MonitoringSettingsInput: MonitoringSettingsInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PredictionBatch: ResolverTypeWrapper<PredictionBatchRecordModel>;
  PredictionLogReceipt: ResolverTypeWrapper<PredictionLogReceipt>;
  ProblemStatement: ResolverTypeWrapper<Omit<ProblemStatement, 'objective' | 'successCriteria'> & { objective: ResolversTypes['ModelObjective'], successCriteria: Array<ResolversTypes['SuccessCriterion']> }>;
  ProblemStatementInput: ProblemStatementInput;
  PromotionTarget: ResolverTypeWrapper<PromotionTarget>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterExternalVersionInput: RegisterExternalVersionInput;
  RegisterModelInput: RegisterModelInput;
  RowCounts: ResolverTypeWrapper<RowCounts>;
  ScenarioInput: ScenarioInput;
  ScenarioResult: ResolverTypeWrapper<ScenarioResult>;
  Signal: ResolverTypeWrapper<SignalRowModel>;
  SignalSet: ResolverTypeWrapper<SignalSetModelModel>;
  SignalStatus: SignalStatus;
  Signals: ResolverTypeWrapper<SignalsModelModel>;
  Subscription: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SuccessCriterion: ResolverTypeWrapper<Omit<SuccessCriterion, 'op'> & { op: ResolversTypes['ComparisonOp'] }>;
  SuccessCriterionInput: SuccessCriterionInput;
  TrainModelVersionInput: TrainModelVersionInput;
  TrainingSet: ResolverTypeWrapper<TrainingSet>;
  ValidationRecord: ResolverTypeWrapper<ValidationRecord>;
  VersionArtifact: ResolverTypeWrapper<VersionArtifact>;
  VersionFeatureDrift: ResolverTypeWrapper<DriftRowModel>;
  VersionInput: ResolverTypeWrapper<VersionInput>;
  VersionMetrics: ResolverTypeWrapper<VersionMetrics>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Alert: AlertRecordModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  Algorithm: Algorithm;
  CriterionResult: CriterionResult;
  Float: Scalars['Float']['output'];
  CrossValidationInput: CrossValidationInput;
  CrossValidationReport: CrossValidationReport;
  DateTime: Scalars['DateTime']['output'];
  Feature: Feature;
  FeatureImportance: FeatureImportance;
  FoldResult: FoldResult;
  Instrument: InstrumentRefModel;
  JSON: Scalars['JSON']['output'];
  KillSwitch: KillSwitch;
  LiveMetrics: LiveMetricsModelModel;
  LogPredictionsInput: LogPredictionsInput;
  LoggedPredictionInput: LoggedPredictionInput;
  MetricValues: MetricValues;
  MissingValueReport: MissingValueReport;
  Model: ModelRecordModel;
  ModelEvent: ModelEvent;
  ModelMonitoring: ModelRecordModel;
  ModelVersion: VersionRecordModel;
  MonitorReport: MonitorReportModelModel;
  MonitoringRun: MonitoringRunModelModel;
  MonitoringSettings: MonitorSettingsModel;
  MonitoringSettingsInput: MonitoringSettingsInput;
  Mutation: Record<PropertyKey, never>;
  PredictionBatch: PredictionBatchRecordModel;
  PredictionLogReceipt: PredictionLogReceipt;
  ProblemStatement: Omit<ProblemStatement, 'successCriteria'> & { successCriteria: Array<ResolversParentTypes['SuccessCriterion']> };
  ProblemStatementInput: ProblemStatementInput;
  Query: Record<PropertyKey, never>;
  RegisterExternalVersionInput: RegisterExternalVersionInput;
  RegisterModelInput: RegisterModelInput;
  RowCounts: RowCounts;
  ScenarioInput: ScenarioInput;
  ScenarioResult: ScenarioResult;
  Signal: SignalRowModel;
  SignalSet: SignalSetModelModel;
  Signals: SignalsModelModel;
  Subscription: Record<PropertyKey, never>;
  SuccessCriterion: SuccessCriterion;
  SuccessCriterionInput: SuccessCriterionInput;
  TrainModelVersionInput: TrainModelVersionInput;
  TrainingSet: TrainingSet;
  ValidationRecord: ValidationRecord;
  VersionArtifact: VersionArtifact;
  VersionFeatureDrift: DriftRowModel;
  VersionInput: VersionInput;
  VersionMetrics: VersionMetrics;
}>;

export type AlertResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Alert'] = ResolversParentTypes['Alert']> = ResolversObject<{
  acknowledgedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  acknowledgedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  acknowledgement?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  evidence?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  killSwitchPulled?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  raisedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['AlertRule'], ParentType, ContextType>;
  severity?: Resolver<ResolversTypes['AlertSeverity'], ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type AlertRuleResolvers = { FEATURE_DRIFT: 'feature_drift', IC_DROP: 'ic_drop', LOSING_STREAK: 'losing_streak', METRIC_DROP: 'metric_drop', PREDICTION_DRIFT: 'prediction_drift', PREDICTION_VOLUME: 'prediction_volume', SCORING_LATENCY: 'scoring_latency', STALE_FEATURES: 'stale_features' };

export type AlertSeverityResolvers = { CRITICAL: 'critical', INFO: 'info', WARNING: 'warning' };

export type AlgorithmResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Algorithm'] = ResolversParentTypes['Algorithm']> = ResolversObject<{
  defaults?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tasks?: Resolver<Array<ResolversTypes['ModelTask']>, ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['ComplexityTier'], ParentType, ContextType>;
}>;

export type ComparisonOpResolvers = { GTE: 'gte', LTE: 'lte' };

export type ComplexityTierResolvers = { HIGH: 'HIGH', LOW: 'LOW', MEDIUM: 'MEDIUM', VERY_HIGH: 'VERY_HIGH' };

export type CriterionResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CriterionResult'] = ResolversParentTypes['CriterionResult']> = ResolversObject<{
  againstBaseline?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  met?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  op?: Resolver<ResolversTypes['ComparisonOp'], ParentType, ContextType>;
  threshold?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type CrossValidationReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CrossValidationReport'] = ResolversParentTypes['CrossValidationReport']> = ResolversObject<{
  embargoSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  folds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mean?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  metric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  perFold?: Resolver<Array<ResolversTypes['FoldResult']>, ParentType, ContextType>;
  purged?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  std?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EvaluationSplitResolvers = { TEST: 'test', TRAIN: 'train', VALIDATION: 'validation' };

export type FeatureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Feature'] = ResolversParentTypes['Feature']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type FeatureImportanceResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FeatureImportance'] = ResolversParentTypes['FeatureImportance']> = ResolversObject<{
  feature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  std?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type FoldResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FoldResult'] = ResolversParentTypes['FoldResult']> = ResolversObject<{
  embargoedRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fold?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  metrics?: Resolver<ResolversTypes['VersionMetrics'], ParentType, ContextType>;
  purgedRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  testRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trainRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InstrumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument'], FederationReferenceType extends FederationReferenceTypes['Instrument'] = FederationReferenceTypes['Instrument']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Instrument']> | FederationReferenceType, FederationReferenceType, ContextType>;
  models?: Resolver<Maybe<Array<ResolversTypes['Model']>>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type KillSwitchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['KillSwitch'] = ResolversParentTypes['KillSwitch']> = ResolversObject<{
  killedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  killedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type LiveMetricsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['LiveMetrics'] = ResolversParentTypes['LiveMetrics']> = ResolversObject<{
  from?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  live?: Resolver<ResolversTypes['MetricValues'], ParentType, ContextType>;
  losingStreak?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  outcomes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  pnl?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  validation?: Resolver<ResolversTypes['MetricValues'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  windowSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MetricValuesResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MetricValues'] = ResolversParentTypes['MetricValues']> = ResolversObject<{
  accuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  hitRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  ic?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  logLoss?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  precision?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  rmse?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  rocAuc?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type MissingValueReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MissingValueReport'] = ResolversParentTypes['MissingValueReport']> = ResolversObject<{
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fill?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  imputedInTrain?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ModelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Model'] = ResolversParentTypes['Model'], FederationReferenceType extends FederationReferenceTypes['Model'] = FederationReferenceTypes['Model']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Model']> | FederationReferenceType, FederationReferenceType, ContextType>;
  alerts?: Resolver<Maybe<Array<ResolversTypes['Alert']>>, ParentType, ContextType, RequireFields<ModelAlertsArgs, 'last' | 'unacknowledgedOnly'>>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['Feature']>, ParentType, ContextType>;
  history?: Resolver<Maybe<Array<ResolversTypes['ModelEvent']>>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  killSwitch?: Resolver<Maybe<ResolversTypes['KillSwitch']>, ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  monitoring?: Resolver<Maybe<ResolversTypes['ModelMonitoring']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  owner?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  problem?: Resolver<Maybe<ResolversTypes['ProblemStatement']>, ParentType, ContextType>;
  productionVersion?: Resolver<Maybe<ResolversTypes['ModelVersion']>, ParentType, ContextType>;
  registeredBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  task?: Resolver<ResolversTypes['ModelTask'], ParentType, ContextType>;
  universe?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType>;
  versions?: Resolver<Maybe<Array<ResolversTypes['ModelVersion']>>, ParentType, ContextType>;
}>;

export type ModelEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelEvent'] = ResolversParentTypes['ModelEvent']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  details?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  fromStage?: Resolver<Maybe<ResolversTypes['ModelStage']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  toStage?: Resolver<Maybe<ResolversTypes['ModelStage']>, ParentType, ContextType>;
  version?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type ModelMonitoringResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelMonitoring'] = ResolversParentTypes['ModelMonitoring']> = ResolversObject<{
  reports?: Resolver<Array<ResolversTypes['MonitorReport']>, ParentType, ContextType, RequireFields<ModelMonitoringReportsArgs, 'last'>>;
  settings?: Resolver<ResolversTypes['MonitoringSettings'], ParentType, ContextType>;
}>;

export type ModelObjectiveResolvers = { ALPHA: 'alpha', EXECUTION: 'execution', RISK: 'risk' };

export type ModelStageResolvers = { CANARY: 'canary', PAPER: 'paper', PRODUCTION: 'production', REGISTERED: 'registered', REJECTED: 'rejected', RETIRED: 'retired', VALIDATED: 'validated' };

export type ModelTaskResolvers = { CLASSIFICATION: 'classification', REGRESSION: 'regression' };

export type ModelVersionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ModelVersion'] = ResolversParentTypes['ModelVersion'], FederationReferenceType extends FederationReferenceTypes['ModelVersion'] = FederationReferenceTypes['ModelVersion']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['ModelVersion']> | FederationReferenceType, FederationReferenceType, ContextType>;
  algorithm?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  artifact?: Resolver<Maybe<ResolversTypes['VersionArtifact']>, ParentType, ContextType>;
  baseline?: Resolver<Maybe<ResolversTypes['VersionMetrics']>, ParentType, ContextType, RequireFields<ModelVersionBaselineArgs, 'split'>>;
  capitalFraction?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  card?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  criteria?: Resolver<Maybe<Array<ResolversTypes['CriterionResult']>>, ParentType, ContextType>;
  crossValidation?: Resolver<Maybe<ResolversTypes['CrossValidationReport']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  featureColumns?: Resolver<Maybe<Array<ResolversTypes['String']>>, ParentType, ContextType>;
  features?: Resolver<Maybe<Array<ResolversTypes['Feature']>>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  hyperparameters?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  importances?: Resolver<Maybe<Array<ResolversTypes['FeatureImportance']>>, ParentType, ContextType>;
  inputs?: Resolver<Maybe<Array<ResolversTypes['VersionInput']>>, ParentType, ContextType>;
  label?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  liveMetrics?: Resolver<Maybe<ResolversTypes['LiveMetrics']>, ParentType, ContextType, RequireFields<ModelVersionLiveMetricsArgs, 'windowSessions'>>;
  metrics?: Resolver<Maybe<ResolversTypes['VersionMetrics']>, ParentType, ContextType, RequireFields<ModelVersionMetricsArgs, 'split'>>;
  missingValues?: Resolver<Maybe<Array<ResolversTypes['MissingValueReport']>>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType>;
  number?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  predictionBatches?: Resolver<Maybe<Array<ResolversTypes['PredictionBatch']>>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  rowCounts?: Resolver<Maybe<ResolversTypes['RowCounts']>, ParentType, ContextType>;
  seed?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['ModelVersionSource'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['ModelStage'], ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['ModelVersionStatus'], ParentType, ContextType>;
  tier?: Resolver<ResolversTypes['ComplexityTier'], ParentType, ContextType>;
  trainingSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  trainingSet?: Resolver<Maybe<ResolversTypes['TrainingSet']>, ParentType, ContextType>;
  validation?: Resolver<Maybe<ResolversTypes['ValidationRecord']>, ParentType, ContextType>;
}>;

export type ModelVersionSourceResolvers = { EXTERNAL: 'external', PLATFORM: 'platform' };

export type ModelVersionStatusResolvers = { FAILED: 'failed', QUEUED: 'queued', READY: 'ready', TRAINING: 'training' };

export type MonitorReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MonitorReport'] = ResolversParentTypes['MonitorReport']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  cumulativePnl?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  drift?: Resolver<Array<ResolversTypes['VersionFeatureDrift']>, ParentType, ContextType>;
  live?: Resolver<ResolversTypes['LiveMetrics'], ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['ModelStage'], ParentType, ContextType>;
  staleFraction?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  volume?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  volumeBand?: Resolver<Maybe<Array<ResolversTypes['Float']>>, ParentType, ContextType>;
}>;

export type MonitoringRunResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MonitoringRun'] = ResolversParentTypes['MonitoringRun']> = ResolversObject<{
  alerts?: Resolver<Maybe<Array<ResolversTypes['Alert']>>, ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  flushed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  joined?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reports?: Resolver<Maybe<Array<ResolversTypes['MonitorReport']>>, ParentType, ContextType>;
}>;

export type MonitoringSettingsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['MonitoringSettings'] = ResolversParentTypes['MonitoringSettings']> = ResolversObject<{
  icMargin?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  killOnCritical?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ksPValue?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  losingStreak?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  metricMargin?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  minDriftSamples?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  minOutcomes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  natsSubject?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  psiThreshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  staleFraction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  volumeLookbackSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  volumeLower?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  volumeUpper?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  wassersteinThreshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  webhookUrl?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  windowSessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  acknowledgeAlert?: Resolver<ResolversTypes['Alert'], ParentType, ContextType, RequireFields<MutationAcknowledgeAlertArgs, 'id' | 'note'>>;
  approveVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationApproveVersionArgs, 'findings' | 'version'>>;
  configureMonitoring?: Resolver<ResolversTypes['MonitoringSettings'], ParentType, ContextType, RequireFields<MutationConfigureMonitoringArgs, 'input' | 'model'>>;
  killSwitch?: Resolver<ResolversTypes['Model'], ParentType, ContextType, RequireFields<MutationKillSwitchArgs, 'model' | 'reason'>>;
  logPredictions?: Resolver<ResolversTypes['PredictionLogReceipt'], ParentType, ContextType, RequireFields<MutationLogPredictionsArgs, 'input'>>;
  promoteVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationPromoteVersionArgs, 'reason' | 'to' | 'version'>>;
  registerExternalVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationRegisterExternalVersionArgs, 'input'>>;
  registerModel?: Resolver<ResolversTypes['Model'], ParentType, ContextType, RequireFields<MutationRegisterModelArgs, 'input'>>;
  rejectVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationRejectVersionArgs, 'findings' | 'version'>>;
  resume?: Resolver<ResolversTypes['Model'], ParentType, ContextType, RequireFields<MutationResumeArgs, 'model' | 'reason'>>;
  rollback?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationRollbackArgs, 'model' | 'reason'>>;
  runMonitoring?: Resolver<ResolversTypes['MonitoringRun'], ParentType, ContextType, RequireFields<MutationRunMonitoringArgs, 'model'>>;
  scoreVersion?: Resolver<ResolversTypes['PredictionBatch'], ParentType, ContextType, RequireFields<MutationScoreVersionArgs, 'trainingSet' | 'version'>>;
  submitForValidation?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationSubmitForValidationArgs, 'note' | 'version'>>;
  trainModelVersion?: Resolver<ResolversTypes['ModelVersion'], ParentType, ContextType, RequireFields<MutationTrainModelVersionArgs, 'input'>>;
}>;

export type PredictionBatchResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PredictionBatch'] = ResolversParentTypes['PredictionBatch']> = ResolversObject<{
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lakeDataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  snapshotId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trainingSetId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type PredictionLogReceiptResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PredictionLogReceipt'] = ResolversParentTypes['PredictionLogReceipt']> = ResolversObject<{
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ProblemStatementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ProblemStatement'] = ResolversParentTypes['ProblemStatement']> = ResolversObject<{
  maxFeatures?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  maxScoringLatencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  objective?: Resolver<ResolversTypes['ModelObjective'], ParentType, ContextType>;
  statement?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  successCriteria?: Resolver<Array<ResolversTypes['SuccessCriterion']>, ParentType, ContextType>;
}>;

export type PromotionTargetResolvers = { CANARY: 'canary', PAPER: 'paper', PRODUCTION: 'production', RETIRED: 'retired' };

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  algorithms?: Resolver<Maybe<Array<ResolversTypes['Algorithm']>>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType, Partial<QueryModelArgs>>;
  modelVersion?: Resolver<Maybe<ResolversTypes['ModelVersion']>, ParentType, ContextType, RequireFields<QueryModelVersionArgs, 'id'>>;
  models?: Resolver<Maybe<Array<ResolversTypes['Model']>>, ParentType, ContextType>;
  scenarioMetrics?: Resolver<Maybe<Array<ResolversTypes['ScenarioResult']>>, ParentType, ContextType, RequireFields<QueryScenarioMetricsArgs, 'scenarios' | 'version'>>;
  signals?: Resolver<Maybe<ResolversTypes['Signals']>, ParentType, ContextType, RequireFields<QuerySignalsArgs, 'model'>>;
}>;

export type RowCountsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RowCounts'] = ResolversParentTypes['RowCounts']> = ResolversObject<{
  droppedUnlabeled?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  embargo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  test?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  train?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  validation?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ScenarioResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ScenarioResult'] = ResolversParentTypes['ScenarioResult']> = ResolversObject<{
  baseline?: Resolver<Maybe<ResolversTypes['VersionMetrics']>, ParentType, ContextType>;
  metrics?: Resolver<Maybe<ResolversTypes['VersionMetrics']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SignalResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Signal'] = ResolversParentTypes['Signal']> = ResolversObject<{
  featureEventTimes?: Resolver<Array<Maybe<ResolversTypes['DateTime']>>, ParentType, ContextType>;
  featureStatuses?: Resolver<Array<ResolversTypes['FeatureValueStatus']>, ParentType, ContextType>;
  instrument?: Resolver<Maybe<ResolversTypes['Instrument']>, ParentType, ContextType>;
  prediction?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  probability?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SignalStatus'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SignalSetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SignalSet'] = ResolversParentTypes['SignalSet']> = ResolversObject<{
  capitalFraction?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  features?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  rows?: Resolver<Array<ResolversTypes['Signal']>, ParentType, ContextType>;
  stage?: Resolver<ResolversTypes['ModelStage'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type SignalsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Signals'] = ResolversParentTypes['Signals']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  killSwitch?: Resolver<Maybe<ResolversTypes['KillSwitch']>, ParentType, ContextType>;
  latencyBreached?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  maxScoringLatencyMs?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  model?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  scoringMs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  scoringMsPer1000?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  servedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  sets?: Resolver<Array<ResolversTypes['SignalSet']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['SignalStatus'], ParentType, ContextType>;
}>;

export type SubscriptionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Subscription'] = ResolversParentTypes['Subscription']> = ResolversObject<{
  alertRaised?: SubscriptionResolver<ResolversTypes['Alert'], "alertRaised", ParentType, ContextType, Partial<SubscriptionAlertRaisedArgs>>;
}>;

export type SuccessCriterionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SuccessCriterion'] = ResolversParentTypes['SuccessCriterion']> = ResolversObject<{
  metric?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  op?: Resolver<ResolversTypes['ComparisonOp'], ParentType, ContextType>;
  threshold?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type TrainingSetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TrainingSet'] = ResolversParentTypes['TrainingSet']> = ResolversObject<{
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
}>;

export type ValidationRecordResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ValidationRecord'] = ResolversParentTypes['ValidationRecord']> = ResolversObject<{
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decidedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decision?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  findings?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  overrideJustification?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  submittedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  submittedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type VersionArtifactResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VersionArtifact'] = ResolversParentTypes['VersionArtifact']> = ResolversObject<{
  bytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  format?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  path?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type VersionFeatureDriftResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VersionFeatureDrift'] = ResolversParentTypes['VersionFeatureDrift']> = ResolversObject<{
  currentCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  drifted?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  feature?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  method?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  pValue?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  psi?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  psiAlert?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  psiThreshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  referenceCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  statistic?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  threshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type VersionInputResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VersionInput'] = ResolversParentTypes['VersionInput']> = ResolversObject<{
  lakeDataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  role?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshotId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type VersionMetricsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['VersionMetrics'] = ResolversParentTypes['VersionMetrics']> = ResolversObject<{
  accuracy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  confusion?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  f1?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  icir?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  logLoss?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  mae?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  meanIc?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  precision?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  r2?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  recall?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  rmse?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  rocAuc?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Alert?: AlertResolvers<ContextType>;
  AlertRule?: AlertRuleResolvers;
  AlertSeverity?: AlertSeverityResolvers;
  Algorithm?: AlgorithmResolvers<ContextType>;
  ComparisonOp?: ComparisonOpResolvers;
  ComplexityTier?: ComplexityTierResolvers;
  CriterionResult?: CriterionResultResolvers<ContextType>;
  CrossValidationReport?: CrossValidationReportResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  EvaluationSplit?: EvaluationSplitResolvers;
  Feature?: FeatureResolvers<ContextType>;
  FeatureImportance?: FeatureImportanceResolvers<ContextType>;
  FoldResult?: FoldResultResolvers<ContextType>;
  Instrument?: InstrumentResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  KillSwitch?: KillSwitchResolvers<ContextType>;
  LiveMetrics?: LiveMetricsResolvers<ContextType>;
  MetricValues?: MetricValuesResolvers<ContextType>;
  MissingValueReport?: MissingValueReportResolvers<ContextType>;
  Model?: ModelResolvers<ContextType>;
  ModelEvent?: ModelEventResolvers<ContextType>;
  ModelMonitoring?: ModelMonitoringResolvers<ContextType>;
  ModelObjective?: ModelObjectiveResolvers;
  ModelStage?: ModelStageResolvers;
  ModelTask?: ModelTaskResolvers;
  ModelVersion?: ModelVersionResolvers<ContextType>;
  ModelVersionSource?: ModelVersionSourceResolvers;
  ModelVersionStatus?: ModelVersionStatusResolvers;
  MonitorReport?: MonitorReportResolvers<ContextType>;
  MonitoringRun?: MonitoringRunResolvers<ContextType>;
  MonitoringSettings?: MonitoringSettingsResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PredictionBatch?: PredictionBatchResolvers<ContextType>;
  PredictionLogReceipt?: PredictionLogReceiptResolvers<ContextType>;
  ProblemStatement?: ProblemStatementResolvers<ContextType>;
  PromotionTarget?: PromotionTargetResolvers;
  Query?: QueryResolvers<ContextType>;
  RowCounts?: RowCountsResolvers<ContextType>;
  ScenarioResult?: ScenarioResultResolvers<ContextType>;
  Signal?: SignalResolvers<ContextType>;
  SignalSet?: SignalSetResolvers<ContextType>;
  Signals?: SignalsResolvers<ContextType>;
  Subscription?: SubscriptionResolvers<ContextType>;
  SuccessCriterion?: SuccessCriterionResolvers<ContextType>;
  TrainingSet?: TrainingSetResolvers<ContextType>;
  ValidationRecord?: ValidationRecordResolvers<ContextType>;
  VersionArtifact?: VersionArtifactResolvers<ContextType>;
  VersionFeatureDrift?: VersionFeatureDriftResolvers<ContextType>;
  VersionInput?: VersionInputResolvers<ContextType>;
  VersionMetrics?: VersionMetricsResolvers<ContextType>;
}>;

