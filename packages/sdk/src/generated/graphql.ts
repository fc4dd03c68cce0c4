/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AlertRule =
  /** A feature's PSI above psiThreshold, or its KS / Wasserstein test says drifted. */
  | 'FEATURE_DRIFT'
  /** Live IC (regression) below validation by more than icMargin. */
  | 'IC_DROP'
  /** losingStreak sessions in a row with a negative signal P&L. */
  | 'LOSING_STREAK'
  /** Live accuracy or ROC AUC (classification) below validation by more than metricMargin. */
  | 'METRIC_DROP'
  /** The prediction's own distribution drifted. */
  | 'PREDICTION_DRIFT'
  /** The session's prediction volume is outside its normal band. */
  | 'PREDICTION_VOLUME'
  /** Scoring took longer per 1,000 rows than the problem statement's maxScoringLatencyMs. */
  | 'SCORING_LATENCY'
  /** More than staleFraction of the session's signal rows had EXPIRED or MISSING features. */
  | 'STALE_FEATURES';

export type AlertSeverity =
  | 'CRITICAL'
  | 'INFO'
  | 'WARNING';

/** Why a backtest or sweep was refused. Nothing is stored on refusal. */
export type BacktestErrorCode =
  /** The caller may not read the model (or the data) the spec names. */
  | 'FORBIDDEN'
  /** The spec is malformed: an unknown field, an empty universe, negative cash, an expression that does not compile. */
  | 'INVALID_SPEC'
  /** The spec would trade on information not yet available at the fill. */
  | 'LOOKAHEAD'
  /** No backtest, sweep or model with that id or name. */
  | 'NOT_FOUND'
  /** The period holds no bars (or no predictions) for the universe. */
  | 'NO_DATA';

export type BacktestMode =
  /** kernc/backtesting.py 0.6.6 semantics for one instrument: whole units, next-open fills, its commission and spread, its statistics. */
  | 'BACKTESTING_PY'
  /** The platform's portfolio engine: a universe, a signal, a rule, sizing, limits, costs (default). */
  | 'PORTFOLIO';

export type BacktestSpecInput = {
  /** BACKTESTING_PY only. */
  compat?: CompatOptionsInput | null | undefined;
  conventions?: MetricConventionsInput | null | undefined;
  mode?: BacktestMode | null | undefined;
  name: string;
  /**
   * The last session traded (a Date, included: a period of whole sessions named by its first and
   * last day; DateTime ranges elsewhere use `from` inclusive, `to` exclusive).
   */
  periodEnd: string;
  /** The first session traded (a Date, included). */
  periodStart: string;
  /** PORTFOLIO only. */
  signal?: SignalInput | null | undefined;
  /**
   * PORTFOLIO only: the engine's strategy, strict (an unknown field is refused by name): rule
   * ({type: topK, long, short} | {type: threshold, long, short} | {type: crossover, threshold, below}),
   * rebalance (daily | weekly | monthly | {everySessions}), sizing ({type: equal} | {type: signal} |
   * {type: volatilityTarget, target, lookback, method}), limits ({maxWeight, maxGross, maxNet,
   * longOnly}), costs ({commissionBps, commissionFixed, slippageBps, spreadBps}), cash (default
   * 1,000,000) and execution ({at: nextOpen | nextClose, lagBars >= 1}; default the next bar's open).
   */
  strategy?: unknown;
  /** Instrument symbols traded (BACKTESTING_PY: exactly one). */
  universe: Array<string>;
  /** PORTFOLIO with a model signal only: retrain walk-forward and trade out-of-sample predictions. */
  walkForward?: WalkForwardInput | null | undefined;
};

export type BacktestStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type BarInterval =
  /** Daily bars, one per session. */
  | 'DAY'
  /** Hourly bars. */
  | 'HOUR';

export type ComparisonOp =
  /** metric >= threshold */
  | 'GTE'
  /** metric <= threshold */
  | 'LTE';

/**
 * The backtesting.py-compatible mode's strategy and broker: SmaCross(fast, slow) (close and reverse
 * on a crossing of the two simple moving averages of the close), starting cash, `commission` (a rate
 * of the traded value charged on entry and again on exit) plus `commissionFixed` per order,
 * `spread` (a rate added to a long's entry price, removed from a short's), and whether trades still
 * open after the last bar are closed (`finalizeTrades`, at that bar's open).
 */
export type CompatOptionsInput = {
  cash?: number | null | undefined;
  commission?: number | null | undefined;
  commissionFixed?: number | null | undefined;
  fast?: number | null | undefined;
  finalizeTrades?: boolean | null | undefined;
  slow?: number | null | undefined;
  spread?: number | null | undefined;
  /** Statistics formulas: 0.6.6 (with PR #1346: annualized return and CAGR fixed) or 0.6.5. */
  version?: string | null | undefined;
};

export type CreateTrainingSetInput = {
  /**
   * Entities of a schedule spine (or `universe`): instrument symbols, matched case-insensitively and
   * stored as the instrument's symbol (`aapl` is AAPL); an unknown symbol is refused by name, as are
   * unknown entities of a given spine.
   */
  entities?: Array<string> | null | undefined;
  /** Feature sets (their members, pinned at creation). */
  featureSets?: Array<string> | null | undefined;
  /** Features as name@version, or a bare name: pinned to its latest version at creation (see featureRefs). */
  features?: Array<string> | null | undefined;
  labels?: Array<LabelInput> | null | undefined;
  name: string;
  /** A schedule spine's session dates; other spines must fall inside it when given. */
  period?: TrainingPeriodInput | null | undefined;
  spine: TrainingSpineInput;
  split?: TrainingSplitInput | null | undefined;
  universe?: TrainingUniverse | null | undefined;
};

export type CrossValidationInput = {
  /** Sessions after each test fold whose rows are dropped from training. */
  embargoSessions?: number | null | undefined;
  /** Folds of purged k-fold CV over TRAIN and VALIDATION rows; 0 skips cross-validation. */
  folds?: number | null | undefined;
};

export type DefineFeatureInput = {
  description: string;
  entity?: FeatureEntity | null | undefined;
  expression: string;
  /** lower_snake_case, at most 50 characters. */
  name: string;
  /** No TTL: a value stays current however old its event time is (leave `ttlSeconds` out). */
  noTtl?: boolean | null | undefined;
  status?: FeatureStatus | null | undefined;
  tags?: Array<string> | null | undefined;
  /**
   * How long a value stays current after its event time, in seconds. Default by entity kind: 345600
   * (4 days) for INSTRUMENT and for MARKET features, which are daily: a value stays current over a
   * long weekend with a holiday (Friday's bar on Tuesday) and expires when a session is missed beyond that.
   * At most 2147483647 (2^31 - 1, about 68 years: what storage holds); for no TTL pass `noTtl: true`.
   */
  ttlSeconds?: number | null | undefined;
  /** Instruments to materialize for by default (empty: every instrument with daily bars). */
  universe?: Array<string> | null | undefined;
};

export type FeatureEntity =
  | 'INSTRUMENT'
  | 'MARKET';

/** Why a feature mutation was refused. */
export type FeatureErrorCode =
  /** The expression does not parse or check; `line`/`column` point at the problem. */
  | 'BAD_EXPRESSION'
  | 'BAD_INPUT'
  | 'NOT_FOUND';

export type FeatureStatus =
  | 'ACTIVE'
  | 'DEPRECATED'
  | 'DRAFT';

/** close[anchor + horizon] / close[anchor] - 1 (closes of the latest bar versions at build time). */
export type ForwardReturnLabelInput = {
  /** Bars ahead. */
  horizon: number;
};

/**
 * A label: exactly one of `forwardReturn`, `tripleBarrier` or `expression` (the feature language in
 * label mode, which may look forward with Ref(x, -n)). Columns: `label_<name>`, plus
 * `label_<name>_touch` for a triple barrier.
 */
export type LabelInput = {
  expression?: string | null | undefined;
  forwardReturn?: ForwardReturnLabelInput | null | undefined;
  /** lower_snake_case */
  name: string;
  tripleBarrier?: TripleBarrierLabelInput | null | undefined;
};

export type MaterializationMode =
  /** Every bar with an event time in [from, to). */
  | 'BACKFILL'
  /**
   * Bars newer than the view's last materialized event time per entity, and every period reached by
   * a correction or a late input since the view's last incremental run (after re-reading the warm-up
   * rows); a recomputed period is written as a new version only when it differs.
   */
  | 'INCREMENTAL';

export type MaterializationStatus =
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING'
  | 'SUCCEEDED';

export type MaterializeFeaturesInput = {
  /** Refs: `name@3`, or `name` for the newest version. */
  features?: Array<string> | null | undefined;
  /** Inclusive lower bound on event time (required for BACKFILL). */
  from?: string | null | undefined;
  mode?: MaterializationMode | null | undefined;
  /** A feature set by name; or give `features`. */
  set?: string | null | undefined;
  /** Exclusive upper bound on event time. */
  to?: string | null | undefined;
  /**
   * Symbols, matched case-insensitively (`aapl` materializes AAPL); an unknown symbol is refused by
   * name and nothing is queued. Default: the features' universes, or every instrument with daily bars
   * when they name none. Omit for MARKET features (their one entity is MARKET).
   */
  universe?: Array<string> | null | undefined;
  /** How long the answer waits for the run to finish (0-60 s); it continues in the background either way. */
  waitSeconds?: number | null | undefined;
};

/**
 * Conventions of the metrics, explicit because every engine differs: periods per year A (default
 * 252), the annual risk-free rate (default 0, compounded into a per-period rate), and whether
 * volatility, Sharpe and Sortino use simple or log returns (default SIMPLE).
 */
export type MetricConventionsInput = {
  annualization?: number | null | undefined;
  returns?: ReturnKind | null | undefined;
  riskFreeRate?: number | null | undefined;
};

export type ModelObjective =
  | 'ALPHA'
  | 'EXECUTION'
  | 'RISK';

/**
 * Deployment stages. Allowed moves (every other pair is refused): REGISTERED -> VALIDATED (approveVersion) or
 * REJECTED (rejectVersion); VALIDATED -> PAPER, CANARY or RETIRED; PAPER -> CANARY or RETIRED; CANARY -> PRODUCTION,
 * PAPER or RETIRED; PRODUCTION -> RETIRED (replaced by another version, or retired); RETIRED -> PRODUCTION only by
 * rollback, for the version the current production version replaced.
 */
export type ModelStage =
  | 'CANARY'
  | 'PAPER'
  | 'PRODUCTION'
  | 'REGISTERED'
  | 'REJECTED'
  | 'RETIRED'
  | 'VALIDATED';

export type ModelTask =
  /** Binary: the target is 1 when the label is greater than 0, else 0 (a direction label). */
  | 'CLASSIFICATION'
  /** The label's value. */
  | 'REGRESSION';

export type ModelVersionStatus =
  | 'FAILED'
  /** Waiting for a models replica's worker. */
  | 'QUEUED'
  /** Trained (or uploaded) and evaluated: metrics, importances and card are available. */
  | 'READY'
  | 'TRAINING';

export type OnlineValueStatus =
  /** Within the feature's TTL of its event time. */
  | 'CURRENT'
  /** Older than the TTL: the value is withheld (null). */
  | 'EXPIRED'
  /** Never materialized for this entity. */
  | 'MISSING';

export type PredictionField =
  /** The model's prediction (a regressor's value, a classifier's class). */
  | 'PREDICTION'
  /** P(y = 1) of a classifier. */
  | 'PROBABILITY';

export type PriceAdjustment =
  /** Prices as stored (the shipped sources are split-adjusted). */
  | 'NONE'
  /** Back-adjusted for the cash dividends known at `asOf` (multiplicative, as CRSP and Yahoo). */
  | 'TOTAL_RETURN';

export type ProblemStatementInput = {
  maxFeatures?: number | null | undefined;
  maxScoringLatencyMs?: number | null | undefined;
  objective: ModelObjective;
  statement: string;
  successCriteria: Array<SuccessCriterionInput>;
};

/** The stages an admin promotes to with promoteVersion. */
export type PromotionTarget =
  | 'CANARY'
  | 'PAPER'
  | 'PRODUCTION'
  | 'RETIRED';

export type RegisterModelInput = {
  description: string;
  /** The training-set label it predicts (label name, e.g. fwd_5 for column label_fwd_5). */
  label: string;
  /** lower_snake_case, unique. */
  name: string;
  owner: string;
  problem: ProblemStatementInput;
  task: ModelTask;
  universe: Array<string>;
};

export type ReturnKind =
  /** ln(close / previous close) */
  | 'LOG'
  /** close / previous close - 1 */
  | 'SIMPLE';

/**
 * The signal traded: exactly one of `expression` (a feature expression over daily bars, compiled and
 * made point in time exactly as features are: a value is known at its session's close) or `model`
 * with `modelVersion` (that version's batch predictions, known from their available_at).
 */
export type SignalInput = {
  expression?: string | null | undefined;
  model?: string | null | undefined;
  modelField?: PredictionField | null | undefined;
  modelVersion?: number | null | undefined;
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

export type SuccessCriterionInput = {
  metric: string;
  op: ComparisonOp;
  /** Omit (null) to compare with the naive baseline on the same split. */
  threshold?: number | null | undefined;
};

/**
 * One axis of a sweep grid. A name with a dot is a path into the spec (`strategy.rule.long`,
 * `compat.fast`); a plain name fills a `{name}` placeholder of the signal expression
 * (`$close / Ref($close, {window}) - 1`).
 */
export type SweepParameterInput = {
  name: string;
  values: Array<number>;
};

export type TrainModelVersionInput = {
  /** linear_regression, logistic_regression, decision_tree or random_forest (see Query.algorithms). */
  algorithm: string;
  crossValidation?: CrossValidationInput | null | undefined;
  /** By name; unknown names are refused (see Query.algorithms for defaults). */
  hyperparameters?: unknown;
  model: string;
  seed?: number | null | undefined;
  trainingSet: string | number;
};

/** Session dates, inclusive. */
export type TrainingPeriodInput = {
  /** YYYY-MM-DD */
  from: string;
  /** YYYY-MM-DD */
  to: string;
};

/** Every session of the calendar in the period, at each wall-clock time of the calendar's zone (DST-aware). */
export type TrainingScheduleInput = {
  /** XNYS, 24x7 or 24x5. */
  calendar?: string;
  /** HH:MM or HH:MM:SS, e.g. ["16:30", "20:00"] New York time for XNYS. */
  times: Array<string>;
};

export type TrainingSetColumnKind =
  | 'FEATURE'
  /** row_no, entity, t */
  | 'KEY'
  | 'LABEL'
  | 'SPLIT';

export type TrainingSetErrorCode =
  | 'BUILD_FAILED'
  /** The set is already building. */
  | 'CONFLICT'
  /** The spec is invalid (the message names the field). */
  | 'INVALID_SPEC'
  /** A feature's lineage reaches licensed data the caller holds no entitlement to. */
  | 'NOT_ENTITLED'
  | 'NOT_FOUND'
  /** A feature version is not materialized yet, or the lake holds no bars for labels. */
  | 'NOT_MATERIALIZED';

export type TrainingSetStatus =
  | 'BUILDING'
  | 'FAILED'
  | 'READY';

export type TrainingSetWarningCode =
  /** A feature (or label) column is null in every row: e.g. the spine is before any materialized value. */
  | 'ALL_NULL_COLUMN'
  /** split.embargoSeconds is shorter than the longest label's horizon: labels near a boundary overlap the next split. */
  | 'EMBARGO_SHORTER_THAN_LABEL'
  /** TRAIN, VALIDATION or TEST has no rows. */
  | 'EMPTY_SPLIT';

/**
 * Where the spine comes from: exactly one of `rows` (at most 100,000), `parquetBase64` (a Parquet file
 * with columns entity and t, base64-encoded), `uploadedFile` (the bare name of a Parquet file under the
 * lake's `_uploads/` directory; no other path is ever read) or `schedule`.
 */
export type TrainingSpineInput = {
  parquetBase64?: string | null | undefined;
  rows?: Array<TrainingSpineRowInput> | null | undefined;
  schedule?: TrainingScheduleInput | null | undefined;
  uploadedFile?: string | null | undefined;
};

export type TrainingSpineRowInput = {
  entity: string;
  /** ISO-8601 instant, microseconds kept: 2016-03-14T20:30:00.000001Z. */
  t: string;
};

/**
 * Time-ordered splits; EMBARGO marks rows within the embargo before a split boundary. The `split`
 * column of a build and of its Parquet download holds these same spellings.
 */
export type TrainingSplit =
  | 'EMBARGO'
  | 'TEST'
  | 'TRAIN'
  | 'VALIDATION';

/**
 * Time-ordered train / validation / test over the spine's distinct timestamps: fractions (`train`,
 * `validation`; test gets the rest) or boundary instants (`validationStart`, `testStart`). The
 * embargo is in SECONDS: rows with t in [boundary - embargoSeconds, boundary) become EMBARGO.
 */
export type TrainingSplitInput = {
  embargoSeconds?: number;
  testStart?: string | null | undefined;
  train?: number | null | undefined;
  validation?: number | null | undefined;
  validationStart?: string | null | undefined;
};

export type TrainingUniverse =
  /** Every symbol with bars. */
  | 'BARS'
  /** The features' own universes (every symbol with bars when a feature has none). */
  | 'FEATURES';

/**
 * +1 if a close reaches anchor close x (1 + profitTake x sigma) first, -1 if one reaches
 * (1 - stopLoss x sigma) first, 0 when neither does within `horizon` bars (the vertical barrier).
 * sigma: EWM standard deviation of daily returns (pandas ewm(span).var(bias=True)), known at t.
 */
export type TripleBarrierLabelInput = {
  horizon: number;
  /** Multiple of sigma; null disables the upper barrier. */
  profitTake?: number | null | undefined;
  /** Multiple of sigma; null disables the lower barrier. */
  stopLoss?: number | null | undefined;
  /** Returns needed in the last volatilitySpan bars before sigma is trusted (default volatilitySpan). */
  volatilityMinPeriods?: number | null | undefined;
  volatilitySpan?: number | null | undefined;
};

/**
 * Walk-forward of a model signal: the version's algorithm, hyperparameters and seed are retrained on
 * rolling windows of the training set it was trained on (windows counted in that set's distinct
 * instants t): train on `trainWindow` instants, predict the next `testWindow`, move on by `step`
 * (default `testWindow`; never shorter, so out-of-sample periods do not overlap). Training rows
 * whose label is not known before the test period (a forward label's horizon) are purged. Only the
 * out-of-sample predictions are traded (each from its t, filled at the next open); the in-sample
 * result (each window's predictions of its own training rows) is reported beside it.
 */
export type WalkForwardInput = {
  step?: number | null | undefined;
  testWindow: number;
  trainWindow: number;
};

export type BacktestSummaryFragment = { id: string, name: string, status: BacktestStatus, mode: BacktestMode, signal: string, periodStart: string, periodEnd: string, progress: number, error: string | null, createdAt: string, finishedAt: string | null, reportPath: string, metrics: { totalReturn: number | null, annualizedReturn: number | null, annualizedVolatility: number | null, sharpe: number | null, sortino: number | null, calmar: number | null, maxDrawdown: number | null, turnover: number | null, tradeCount: number | null, winRate: number | null, profitFactor: number | null } | null };

export type RunBacktestMutationVariables = Exact<{
  spec: BacktestSpecInput;
}>;


export type RunBacktestMutation = { runBacktest: { ok: boolean, error: { code: BacktestErrorCode, message: string } | null, backtest: { id: string, name: string, status: BacktestStatus, mode: BacktestMode, signal: string, periodStart: string, periodEnd: string, progress: number, error: string | null, createdAt: string, finishedAt: string | null, reportPath: string, metrics: { totalReturn: number | null, annualizedReturn: number | null, annualizedVolatility: number | null, sharpe: number | null, sortino: number | null, calmar: number | null, maxDrawdown: number | null, turnover: number | null, tradeCount: number | null, winRate: number | null, profitFactor: number | null } | null } | null } };

export type BacktestQueryVariables = Exact<{
  id: string | number;
}>;


export type BacktestQuery = { backtest: { id: string, name: string, status: BacktestStatus, mode: BacktestMode, signal: string, periodStart: string, periodEnd: string, progress: number, error: string | null, createdAt: string, finishedAt: string | null, reportPath: string, metrics: { totalReturn: number | null, annualizedReturn: number | null, annualizedVolatility: number | null, sharpe: number | null, sortino: number | null, calmar: number | null, maxDrawdown: number | null, turnover: number | null, tradeCount: number | null, winRate: number | null, profitFactor: number | null } | null } | null };

export type SweepSummaryFragment = { id: string, name: string, status: BacktestStatus, progress: number, error: string | null, createdAt: string, finishedAt: string | null, reportPath: string, grid: Array<{ name: string, values: Array<number> }>, configurations: Array<{ index: number, parameters: unknown, error: string | null, metrics: { totalReturn: number | null, annualizedReturn: number | null, sharpe: number | null, maxDrawdown: number | null } | null }>, overfitting: { best: number, sharpe: number, annualizedSharpe: number, trials: number, probabilisticSharpeRatio: number, deflatedSharpeRatio: number, pbo: number, blocks: number, likelyOverfit: boolean, verdict: string } | null, bestBacktest: { id: string, name: string, status: BacktestStatus, mode: BacktestMode, signal: string, periodStart: string, periodEnd: string, progress: number, error: string | null, createdAt: string, finishedAt: string | null, reportPath: string, metrics: { totalReturn: number | null, annualizedReturn: number | null, annualizedVolatility: number | null, sharpe: number | null, sortino: number | null, calmar: number | null, maxDrawdown: number | null, turnover: number | null, tradeCount: number | null, winRate: number | null, profitFactor: number | null } | null } | null };

export type RunSweepMutationVariables = Exact<{
  spec: BacktestSpecInput;
  grid: Array<SweepParameterInput> | SweepParameterInput;
  blocks?: number | null | undefined;
}>;


export type RunSweepMutation = { runSweep: { ok: boolean, error: { code: BacktestErrorCode, message: string } | null, sweep: { id: string, name: string, status: BacktestStatus, progress: number, error: string | null, createdAt: string, finishedAt: string | null, reportPath: string, grid: Array<{ name: string, values: Array<number> }>, configurations: Array<{ index: number, parameters: unknown, error: string | null, metrics: { totalReturn: number | null, annualizedReturn: number | null, sharpe: number | null, maxDrawdown: number | null } | null }>, overfitting: { best: number, sharpe: number, annualizedSharpe: number, trials: number, probabilisticSharpeRatio: number, deflatedSharpeRatio: number, pbo: number, blocks: number, likelyOverfit: boolean, verdict: string } | null, bestBacktest: { id: string, name: string, status: BacktestStatus, mode: BacktestMode, signal: string, periodStart: string, periodEnd: string, progress: number, error: string | null, createdAt: string, finishedAt: string | null, reportPath: string, metrics: { totalReturn: number | null, annualizedReturn: number | null, annualizedVolatility: number | null, sharpe: number | null, sortino: number | null, calmar: number | null, maxDrawdown: number | null, turnover: number | null, tradeCount: number | null, winRate: number | null, profitFactor: number | null } | null } | null } | null } };

export type SweepQueryVariables = Exact<{
  id: string | number;
}>;


export type SweepQuery = { sweep: { id: string, name: string, status: BacktestStatus, progress: number, error: string | null, createdAt: string, finishedAt: string | null, reportPath: string, grid: Array<{ name: string, values: Array<number> }>, configurations: Array<{ index: number, parameters: unknown, error: string | null, metrics: { totalReturn: number | null, annualizedReturn: number | null, sharpe: number | null, maxDrawdown: number | null } | null }>, overfitting: { best: number, sharpe: number, annualizedSharpe: number, trials: number, probabilisticSharpeRatio: number, deflatedSharpeRatio: number, pbo: number, blocks: number, likelyOverfit: boolean, verdict: string } | null, bestBacktest: { id: string, name: string, status: BacktestStatus, mode: BacktestMode, signal: string, periodStart: string, periodEnd: string, progress: number, error: string | null, createdAt: string, finishedAt: string | null, reportPath: string, metrics: { totalReturn: number | null, annualizedReturn: number | null, annualizedVolatility: number | null, sharpe: number | null, sortino: number | null, calmar: number | null, maxDrawdown: number | null, turnover: number | null, tradeCount: number | null, winRate: number | null, profitFactor: number | null } | null } | null } | null };

export type OnlineFeaturesQueryVariables = Exact<{
  entities: Array<string> | string;
  features: Array<string> | string;
  asOf?: string | null | undefined;
}>;


export type OnlineFeaturesQuery = { onlineFeatures: { features: Array<string>, servedAt: string, asOf: string, unknownEntities: Array<string>, rows: Array<{ entity: string, vector: Array<number | null>, statuses: Array<OnlineValueStatus>, eventTimes: Array<string | null> }> } | null };

export type MaterializeFeaturesMutationVariables = Exact<{
  input: MaterializeFeaturesInput;
}>;


export type MaterializeFeaturesMutation = { materializeFeatures: { ok: boolean, error: { code: FeatureErrorCode, message: string, reason: string | null, field: string | null } | null, run: { id: string, status: MaterializationStatus, mode: MaterializationMode, rowsWritten: number | null, snapshotId: number | null, durationMs: number | null, error: string | null, createdAt: string, finishedAt: string | null } | null } };

export type MaterializationRunQueryVariables = Exact<{
  id: string | number;
}>;


export type MaterializationRunQuery = { materializationRun: { id: string, status: MaterializationStatus, mode: MaterializationMode, rowsWritten: number | null, snapshotId: number | null, durationMs: number | null, error: string | null, createdAt: string, finishedAt: string | null } | null };

export type DefineFeatureMutationVariables = Exact<{
  input: DefineFeatureInput;
}>;


export type DefineFeatureMutation = { defineFeature: { ok: boolean, created: boolean, error: { code: FeatureErrorCode, message: string, reason: string | null, line: number | null, column: number | null, field: string | null } | null, feature: { id: string, name: string, version: number, ref: string, owner: string, description: string, entity: FeatureEntity, expression: string | null, ttlSeconds: number | null, status: FeatureStatus, tags: Array<string>, inputs: Array<string>, lookback: number | null, createdAt: string } | null } };

export type BarsQueryVariables = Exact<{
  symbols: Array<string> | string;
  from?: string | null | undefined;
  to?: string | null | undefined;
  interval?: BarInterval | null | undefined;
  asOf?: string | null | undefined;
  adjust?: PriceAdjustment | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type BarsQuery = { bars: { edges: Array<{ cursor: string, node: { symbol: string, time: string, interval: BarInterval, open: number | null, high: number | null, low: number | null, close: number | null, volume: number | null, availableAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } | null };

export type SignalsQueryVariables = Exact<{
  model: string;
  asOf?: string | null | undefined;
}>;


export type SignalsQuery = { signals: { model: string, status: SignalStatus, requestId: string, servedAt: string, asOf: string, scoringMs: number, sets: Array<{ version: number, stage: ModelStage, capitalFraction: number, features: Array<string>, rows: Array<{ symbol: string, status: SignalStatus, prediction: number | null, probability: number | null }> }> } | null };

export type ModelVersionSummaryFragment = { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null };

export type ModelSummaryFragment = { id: string, name: string, task: ModelTask, owner: string, description: string, killSwitch: { killedAt: string, killedBy: string, reason: string } | null, productionVersion: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } | null };

export type ModelQueryVariables = Exact<{
  name: string;
}>;


export type ModelQuery = { model: { id: string, name: string, task: ModelTask, owner: string, description: string, versions: Array<{ id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null }> | null, killSwitch: { killedAt: string, killedBy: string, reason: string } | null, productionVersion: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } | null } | null };

export type ModelVersionQueryVariables = Exact<{
  id: string | number;
}>;


export type ModelVersionQuery = { modelVersion: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } | null };

export type RegisterModelMutationVariables = Exact<{
  input: RegisterModelInput;
}>;


export type RegisterModelMutation = { registerModel: { id: string, name: string, task: ModelTask, owner: string, description: string, killSwitch: { killedAt: string, killedBy: string, reason: string } | null, productionVersion: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } | null } };

export type TrainModelVersionMutationVariables = Exact<{
  input: TrainModelVersionInput;
}>;


export type TrainModelVersionMutation = { trainModelVersion: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } };

export type SubmitForValidationMutationVariables = Exact<{
  version: string | number;
  note: string;
}>;


export type SubmitForValidationMutation = { submitForValidation: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } };

export type ApproveVersionMutationVariables = Exact<{
  version: string | number;
  findings: string;
  overrideJustification?: string | null | undefined;
}>;


export type ApproveVersionMutation = { approveVersion: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } };

export type RejectVersionMutationVariables = Exact<{
  version: string | number;
  findings: string;
}>;


export type RejectVersionMutation = { rejectVersion: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } };

export type PromoteVersionMutationVariables = Exact<{
  version: string | number;
  to: PromotionTarget;
  reason: string;
  capitalFraction?: number | null | undefined;
}>;


export type PromoteVersionMutation = { promoteVersion: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } };

export type RollbackMutationVariables = Exact<{
  model: string;
  reason: string;
}>;


export type RollbackMutation = { rollback: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } };

export type KillSwitchMutationVariables = Exact<{
  model: string;
  reason: string;
}>;


export type KillSwitchMutation = { killSwitch: { id: string, name: string, task: ModelTask, owner: string, description: string, killSwitch: { killedAt: string, killedBy: string, reason: string } | null, productionVersion: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } | null } };

export type ResumeMutationVariables = Exact<{
  model: string;
  reason: string;
}>;


export type ResumeMutation = { resume: { id: string, name: string, task: ModelTask, owner: string, description: string, killSwitch: { killedAt: string, killedBy: string, reason: string } | null, productionVersion: { id: string, number: number, algorithm: string, status: ModelVersionStatus, stage: ModelStage, progress: number, error: string | null, capitalFraction: number | null, createdBy: string, createdAt: string, finishedAt: string | null } | null } };

export type AlertRaisedSubscriptionVariables = Exact<{
  model?: string | null | undefined;
}>;


export type AlertRaisedSubscription = { alertRaised: { id: string, model: string, version: number | null, rule: AlertRule, severity: AlertSeverity, message: string, evidence: unknown, asOf: string, raisedAt: string, killSwitchPulled: boolean } };

export type TrainingSetSummaryFragment = { id: string, name: string, status: TrainingSetStatus, error: string | null, featureRefs: Array<string>, rowCount: number | null, builds: number, createdAt: string, builtAt: string | null, columns: Array<{ name: string, type: string, kind: TrainingSetColumnKind }>, splitRows: Array<{ split: TrainingSplit, rows: number }> | null, warnings: Array<{ code: TrainingSetWarningCode, message: string }> };

export type CreateTrainingSetMutationVariables = Exact<{
  input: CreateTrainingSetInput;
}>;


export type CreateTrainingSetMutation = { createTrainingSet: { ok: boolean, error: { code: TrainingSetErrorCode, message: string } | null, trainingSet: { id: string, name: string, status: TrainingSetStatus, error: string | null, featureRefs: Array<string>, rowCount: number | null, builds: number, createdAt: string, builtAt: string | null, columns: Array<{ name: string, type: string, kind: TrainingSetColumnKind }>, splitRows: Array<{ split: TrainingSplit, rows: number }> | null, warnings: Array<{ code: TrainingSetWarningCode, message: string }> } | null } };

export type TrainingSetQueryVariables = Exact<{
  id: string | number;
}>;


export type TrainingSetQuery = { trainingSet: { id: string, name: string, status: TrainingSetStatus, error: string | null, featureRefs: Array<string>, rowCount: number | null, builds: number, createdAt: string, builtAt: string | null, columns: Array<{ name: string, type: string, kind: TrainingSetColumnKind }>, splitRows: Array<{ split: TrainingSplit, rows: number }> | null, warnings: Array<{ code: TrainingSetWarningCode, message: string }> } | null };

export type TrainingSetDownloadQueryVariables = Exact<{
  id: string | number;
  split?: TrainingSplit | null | undefined;
}>;


export type TrainingSetDownloadQuery = { trainingSet: { id: string, status: TrainingSetStatus, download: { url: string, expiresAt: string, rows: number, bytes: number } } | null };

export const BacktestSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BacktestSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Backtest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportPath"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedVolatility"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"sortino"}},{"kind":"Field","name":{"kind":"Name","value":"calmar"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"}},{"kind":"Field","name":{"kind":"Name","value":"turnover"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRate"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}}]}}]}}]} as unknown as DocumentNode<BacktestSummaryFragment, unknown>;
export const SweepSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SweepSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Sweep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportPath"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"configurations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedReturn"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overfitting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"best"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedSharpe"}},{"kind":"Field","name":{"kind":"Name","value":"trials"}},{"kind":"Field","name":{"kind":"Name","value":"probabilisticSharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"deflatedSharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"pbo"}},{"kind":"Field","name":{"kind":"Name","value":"blocks"}},{"kind":"Field","name":{"kind":"Name","value":"likelyOverfit"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bestBacktest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BacktestSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BacktestSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Backtest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportPath"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedVolatility"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"sortino"}},{"kind":"Field","name":{"kind":"Name","value":"calmar"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"}},{"kind":"Field","name":{"kind":"Name","value":"turnover"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRate"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}}]}}]}}]} as unknown as DocumentNode<SweepSummaryFragment, unknown>;
export const ModelVersionSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ModelVersionSummaryFragment, unknown>;
export const ModelSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"killSwitch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"killedAt"}},{"kind":"Field","name":{"kind":"Name","value":"killedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productionVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ModelSummaryFragment, unknown>;
export const TrainingSetSummaryFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TrainingSetSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrainingSet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"featureRefs"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"builds"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"builtAt"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"splitRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<TrainingSetSummaryFragment, unknown>;
export const RunBacktestDocument = {"__meta__":{"hash":"sha256:28d0197cde4ef33c0949ff6b4cdc3a1bb37a361944254783e7e46c09a7e417ec"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunBacktest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spec"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestSpecInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runBacktest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"spec"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spec"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"backtest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BacktestSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BacktestSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Backtest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportPath"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedVolatility"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"sortino"}},{"kind":"Field","name":{"kind":"Name","value":"calmar"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"}},{"kind":"Field","name":{"kind":"Name","value":"turnover"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRate"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}}]}}]}}]} as unknown as DocumentNode<RunBacktestMutation, RunBacktestMutationVariables>;
export const BacktestDocument = {"__meta__":{"hash":"sha256:476b039b60216d6a848b27cd54502fd2d63f39fad21e8b53e1976a422fbec11f"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Backtest"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"backtest"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BacktestSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BacktestSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Backtest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportPath"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedVolatility"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"sortino"}},{"kind":"Field","name":{"kind":"Name","value":"calmar"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"}},{"kind":"Field","name":{"kind":"Name","value":"turnover"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRate"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}}]}}]}}]} as unknown as DocumentNode<BacktestQuery, BacktestQueryVariables>;
export const RunSweepDocument = {"__meta__":{"hash":"sha256:c814c429c11b69fdbbc329e64218f47c9c15181cc9337b18c15eb006c0064c66"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RunSweep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"spec"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"BacktestSpecInput"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"grid"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SweepParameterInput"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"blocks"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runSweep"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"spec"},"value":{"kind":"Variable","name":{"kind":"Name","value":"spec"}}},{"kind":"Argument","name":{"kind":"Name","value":"grid"},"value":{"kind":"Variable","name":{"kind":"Name","value":"grid"}}},{"kind":"Argument","name":{"kind":"Name","value":"blocks"},"value":{"kind":"Variable","name":{"kind":"Name","value":"blocks"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"sweep"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SweepSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BacktestSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Backtest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportPath"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedVolatility"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"sortino"}},{"kind":"Field","name":{"kind":"Name","value":"calmar"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"}},{"kind":"Field","name":{"kind":"Name","value":"turnover"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRate"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SweepSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Sweep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportPath"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"configurations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedReturn"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overfitting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"best"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedSharpe"}},{"kind":"Field","name":{"kind":"Name","value":"trials"}},{"kind":"Field","name":{"kind":"Name","value":"probabilisticSharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"deflatedSharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"pbo"}},{"kind":"Field","name":{"kind":"Name","value":"blocks"}},{"kind":"Field","name":{"kind":"Name","value":"likelyOverfit"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bestBacktest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BacktestSummary"}}]}}]}}]} as unknown as DocumentNode<RunSweepMutation, RunSweepMutationVariables>;
export const SweepDocument = {"__meta__":{"hash":"sha256:ccdb19e759b3cbeafb5fe51dde48f424fb7a485541d998dda542e4ba25722c2b"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Sweep"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sweep"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"SweepSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"BacktestSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Backtest"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"signal"}},{"kind":"Field","name":{"kind":"Name","value":"periodStart"}},{"kind":"Field","name":{"kind":"Name","value":"periodEnd"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportPath"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedVolatility"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"sortino"}},{"kind":"Field","name":{"kind":"Name","value":"calmar"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"}},{"kind":"Field","name":{"kind":"Name","value":"turnover"}},{"kind":"Field","name":{"kind":"Name","value":"tradeCount"}},{"kind":"Field","name":{"kind":"Name","value":"winRate"}},{"kind":"Field","name":{"kind":"Name","value":"profitFactor"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"SweepSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Sweep"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}},{"kind":"Field","name":{"kind":"Name","value":"reportPath"}},{"kind":"Field","name":{"kind":"Name","value":"grid"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"values"}}]}},{"kind":"Field","name":{"kind":"Name","value":"configurations"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"index"}},{"kind":"Field","name":{"kind":"Name","value":"parameters"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"metrics"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"totalReturn"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedReturn"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"maxDrawdown"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"overfitting"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"best"}},{"kind":"Field","name":{"kind":"Name","value":"sharpe"}},{"kind":"Field","name":{"kind":"Name","value":"annualizedSharpe"}},{"kind":"Field","name":{"kind":"Name","value":"trials"}},{"kind":"Field","name":{"kind":"Name","value":"probabilisticSharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"deflatedSharpeRatio"}},{"kind":"Field","name":{"kind":"Name","value":"pbo"}},{"kind":"Field","name":{"kind":"Name","value":"blocks"}},{"kind":"Field","name":{"kind":"Name","value":"likelyOverfit"}},{"kind":"Field","name":{"kind":"Name","value":"verdict"}}]}},{"kind":"Field","name":{"kind":"Name","value":"bestBacktest"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"BacktestSummary"}}]}}]}}]} as unknown as DocumentNode<SweepQuery, SweepQueryVariables>;
export const OnlineFeaturesDocument = {"__meta__":{"hash":"sha256:248a16d6f46eac0b86a5142a89ae9a8b71cdabc27b62191ededa823480144955"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"OnlineFeatures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"entities"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"features"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"onlineFeatures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"entities"},"value":{"kind":"Variable","name":{"kind":"Name","value":"entities"}}},{"kind":"Argument","name":{"kind":"Name","value":"features"},"value":{"kind":"Variable","name":{"kind":"Name","value":"features"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"servedAt"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"unknownEntities"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"vector"}},{"kind":"Field","name":{"kind":"Name","value":"statuses"}},{"kind":"Field","name":{"kind":"Name","value":"eventTimes"}}]}}]}}]}}]} as unknown as DocumentNode<OnlineFeaturesQuery, OnlineFeaturesQueryVariables>;
export const MaterializeFeaturesDocument = {"__meta__":{"hash":"sha256:379cdb21c9f104c75a743f8a28735222e0acd1bed74e8b9667f332f003ed7436"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"MaterializeFeatures"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"MaterializeFeaturesInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"materializeFeatures"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"Field","name":{"kind":"Name","value":"run"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"rowsWritten"}},{"kind":"Field","name":{"kind":"Name","value":"snapshotId"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]}}]} as unknown as DocumentNode<MaterializeFeaturesMutation, MaterializeFeaturesMutationVariables>;
export const MaterializationRunDocument = {"__meta__":{"hash":"sha256:5153f761de7abef121a5b915efd179e07b7e921d85308a74030c925c4c688608"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MaterializationRun"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"materializationRun"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"mode"}},{"kind":"Field","name":{"kind":"Name","value":"rowsWritten"}},{"kind":"Field","name":{"kind":"Name","value":"snapshotId"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]}}]} as unknown as DocumentNode<MaterializationRunQuery, MaterializationRunQueryVariables>;
export const DefineFeatureDocument = {"__meta__":{"hash":"sha256:b24918f1a1a4cb07e75a915fc32f54a60b997cce2e6b92d9c6d01a8fc2468aed"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DefineFeature"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DefineFeatureInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"defineFeature"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"created"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}},{"kind":"Field","name":{"kind":"Name","value":"line"}},{"kind":"Field","name":{"kind":"Name","value":"column"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}},{"kind":"Field","name":{"kind":"Name","value":"feature"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"ref"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"entity"}},{"kind":"Field","name":{"kind":"Name","value":"expression"}},{"kind":"Field","name":{"kind":"Name","value":"ttlSeconds"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"tags"}},{"kind":"Field","name":{"kind":"Name","value":"inputs"}},{"kind":"Field","name":{"kind":"Name","value":"lookback"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]}}]} as unknown as DocumentNode<DefineFeatureMutation, DefineFeatureMutationVariables>;
export const BarsDocument = {"__meta__":{"hash":"sha256:60196ae6c0b9c84c521a2c2b89d8eb61cfe1cbeb2ec1aca9be148be842a0d08c"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Bars"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}},"type":{"kind":"NonNullType","type":{"kind":"ListType","type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"from"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"interval"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"BarInterval"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"adjust"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"PriceAdjustment"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"bars"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"symbols"},"value":{"kind":"Variable","name":{"kind":"Name","value":"symbols"}}},{"kind":"Argument","name":{"kind":"Name","value":"from"},"value":{"kind":"Variable","name":{"kind":"Name","value":"from"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"interval"},"value":{"kind":"Variable","name":{"kind":"Name","value":"interval"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}},{"kind":"Argument","name":{"kind":"Name","value":"adjust"},"value":{"kind":"Variable","name":{"kind":"Name","value":"adjust"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"time"}},{"kind":"Field","name":{"kind":"Name","value":"interval"}},{"kind":"Field","name":{"kind":"Name","value":"open"}},{"kind":"Field","name":{"kind":"Name","value":"high"}},{"kind":"Field","name":{"kind":"Name","value":"low"}},{"kind":"Field","name":{"kind":"Name","value":"close"}},{"kind":"Field","name":{"kind":"Name","value":"volume"}},{"kind":"Field","name":{"kind":"Name","value":"availableAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<BarsQuery, BarsQueryVariables>;
export const SignalsDocument = {"__meta__":{"hash":"sha256:9e4ac44f422d1ad56d1366a9332680055217fc10aacbcc8b196dd14a5f86ba47"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Signals"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DateTime"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signals"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}},{"kind":"Argument","name":{"kind":"Name","value":"asOf"},"value":{"kind":"Variable","name":{"kind":"Name","value":"asOf"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestId"}},{"kind":"Field","name":{"kind":"Name","value":"servedAt"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"scoringMs"}},{"kind":"Field","name":{"kind":"Name","value":"sets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"features"}},{"kind":"Field","name":{"kind":"Name","value":"rows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"symbol"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"prediction"}},{"kind":"Field","name":{"kind":"Name","value":"probability"}}]}}]}}]}}]}}]} as unknown as DocumentNode<SignalsQuery, SignalsQueryVariables>;
export const ModelDocument = {"__meta__":{"hash":"sha256:7d946aca0dd4a126ff84511d0647964b01b2460a4705ae07154f133447996ace"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Model"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"name"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"model"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"name"},"value":{"kind":"Variable","name":{"kind":"Name","value":"name"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelSummary"}},{"kind":"Field","name":{"kind":"Name","value":"versions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"killSwitch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"killedAt"}},{"kind":"Field","name":{"kind":"Name","value":"killedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productionVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}}]} as unknown as DocumentNode<ModelQuery, ModelQueryVariables>;
export const ModelVersionDocument = {"__meta__":{"hash":"sha256:aa4fa3fd5d57142edee6c3c9868218af611dcf9932a0bab5fc5d611e300d19ae"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"modelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ModelVersionQuery, ModelVersionQueryVariables>;
export const RegisterModelDocument = {"__meta__":{"hash":"sha256:653de3a3ffdb8d86f9a7afbb823252b7f54669e066cd48f0c635ff6837020bad"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RegisterModel"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RegisterModelInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"registerModel"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"killSwitch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"killedAt"}},{"kind":"Field","name":{"kind":"Name","value":"killedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productionVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}}]} as unknown as DocumentNode<RegisterModelMutation, RegisterModelMutationVariables>;
export const TrainModelVersionDocument = {"__meta__":{"hash":"sha256:ad945ea49063a5ad7632fb7c6fd97f90040ea827c0e0b6827f7a3d930bf4c833"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"TrainModelVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"TrainModelVersionInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainModelVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<TrainModelVersionMutation, TrainModelVersionMutationVariables>;
export const SubmitForValidationDocument = {"__meta__":{"hash":"sha256:7b5121764620e5c74109c731eff2db1b34c6d68ace6669e6bcc459e9dcbe5a65"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SubmitForValidation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"note"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"submitForValidation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"note"},"value":{"kind":"Variable","name":{"kind":"Name","value":"note"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<SubmitForValidationMutation, SubmitForValidationMutationVariables>;
export const ApproveVersionDocument = {"__meta__":{"hash":"sha256:e84c2ec04af8642ce6564b54c65abcb771ff6c5e8f825b0b8b5cc3c0f5bc6d3a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ApproveVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"findings"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"overrideJustification"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"approveVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"findings"},"value":{"kind":"Variable","name":{"kind":"Name","value":"findings"}}},{"kind":"Argument","name":{"kind":"Name","value":"overrideJustification"},"value":{"kind":"Variable","name":{"kind":"Name","value":"overrideJustification"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<ApproveVersionMutation, ApproveVersionMutationVariables>;
export const RejectVersionDocument = {"__meta__":{"hash":"sha256:495d5c3af9b6355450501f89021ca858bcb0cef13df4bcc7c0880500f63f57d8"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RejectVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"findings"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rejectVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"findings"},"value":{"kind":"Variable","name":{"kind":"Name","value":"findings"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<RejectVersionMutation, RejectVersionMutationVariables>;
export const PromoteVersionDocument = {"__meta__":{"hash":"sha256:6036e68185229dbb5e5c8c9fd585953e6f01b0a12806d42625cac0586623d9d0"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PromoteVersion"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"version"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"to"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"PromotionTarget"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"capitalFraction"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Float"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"promoteVersion"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"version"},"value":{"kind":"Variable","name":{"kind":"Name","value":"version"}}},{"kind":"Argument","name":{"kind":"Name","value":"to"},"value":{"kind":"Variable","name":{"kind":"Name","value":"to"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}},{"kind":"Argument","name":{"kind":"Name","value":"capitalFraction"},"value":{"kind":"Variable","name":{"kind":"Name","value":"capitalFraction"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<PromoteVersionMutation, PromoteVersionMutationVariables>;
export const RollbackDocument = {"__meta__":{"hash":"sha256:627cf1022aa989d283eca256c9387e1bf0c894ce12cfa7be229e953ee579ca7e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Rollback"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"rollback"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}}]} as unknown as DocumentNode<RollbackMutation, RollbackMutationVariables>;
export const KillSwitchDocument = {"__meta__":{"hash":"sha256:dc9950ee2be3a017620609e396f6d1e9271ed1104c5c961f945db32d0d3baf1a"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"KillSwitch"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"killSwitch"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"killSwitch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"killedAt"}},{"kind":"Field","name":{"kind":"Name","value":"killedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productionVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}}]} as unknown as DocumentNode<KillSwitchMutation, KillSwitchMutationVariables>;
export const ResumeDocument = {"__meta__":{"hash":"sha256:5d3447103e168c7c0c34f9d8b8403612e82677f40ad36e76bee2f0b4ea9b3f86"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"Resume"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"reason"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resume"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}},{"kind":"Argument","name":{"kind":"Name","value":"reason"},"value":{"kind":"Variable","name":{"kind":"Name","value":"reason"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelVersionSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ModelVersion"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"number"}},{"kind":"Field","name":{"kind":"Name","value":"algorithm"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"capitalFraction"}},{"kind":"Field","name":{"kind":"Name","value":"createdBy"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"finishedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ModelSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Model"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"owner"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"killSwitch"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"killedAt"}},{"kind":"Field","name":{"kind":"Name","value":"killedBy"}},{"kind":"Field","name":{"kind":"Name","value":"reason"}}]}},{"kind":"Field","name":{"kind":"Name","value":"productionVersion"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ModelVersionSummary"}}]}}]}}]} as unknown as DocumentNode<ResumeMutation, ResumeMutationVariables>;
export const AlertRaisedDocument = {"__meta__":{"hash":"sha256:8e776f50a9475ce7ebcb04fb9f30bd2123c0f2612dd4ce9796218c2aa2ef14f2"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"AlertRaised"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"model"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"alertRaised"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"model"},"value":{"kind":"Variable","name":{"kind":"Name","value":"model"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"version"}},{"kind":"Field","name":{"kind":"Name","value":"rule"}},{"kind":"Field","name":{"kind":"Name","value":"severity"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"evidence"}},{"kind":"Field","name":{"kind":"Name","value":"asOf"}},{"kind":"Field","name":{"kind":"Name","value":"raisedAt"}},{"kind":"Field","name":{"kind":"Name","value":"killSwitchPulled"}}]}}]}}]} as unknown as DocumentNode<AlertRaisedSubscription, AlertRaisedSubscriptionVariables>;
export const CreateTrainingSetDocument = {"__meta__":{"hash":"sha256:4f5102f194a10b9132418b9340e969572d00161017eafaaa89fde6c0245b7b85"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTrainingSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTrainingSetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTrainingSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"ok"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}},{"kind":"Field","name":{"kind":"Name","value":"trainingSet"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TrainingSetSummary"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TrainingSetSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrainingSet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"featureRefs"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"builds"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"builtAt"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"splitRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<CreateTrainingSetMutation, CreateTrainingSetMutationVariables>;
export const TrainingSetDocument = {"__meta__":{"hash":"sha256:2b4ab63cecd112e4acafe61e1137528e0b1846be2e4790e962cdec0d6f1688aa"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrainingSet"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TrainingSetSummary"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TrainingSetSummary"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"TrainingSet"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"error"}},{"kind":"Field","name":{"kind":"Name","value":"featureRefs"}},{"kind":"Field","name":{"kind":"Name","value":"rowCount"}},{"kind":"Field","name":{"kind":"Name","value":"builds"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"builtAt"}},{"kind":"Field","name":{"kind":"Name","value":"columns"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"splitRows"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"split"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}}]}},{"kind":"Field","name":{"kind":"Name","value":"warnings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}}]}}]}}]} as unknown as DocumentNode<TrainingSetQuery, TrainingSetQueryVariables>;
export const TrainingSetDownloadDocument = {"__meta__":{"hash":"sha256:d192da26fa555e39c3f8f70217de5585316ad224adc5e4bac461c5a822bf5d7e"},"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"TrainingSetDownload"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"split"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"TrainingSplit"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"trainingSet"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"download"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"split"},"value":{"kind":"Variable","name":{"kind":"Name","value":"split"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"rows"}},{"kind":"Field","name":{"kind":"Name","value":"bytes"}}]}}]}}]}}]} as unknown as DocumentNode<TrainingSetDownloadQuery, TrainingSetDownloadQueryVariables>;