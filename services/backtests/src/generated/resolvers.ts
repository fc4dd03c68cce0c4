import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { BacktestRecord as BacktestRecordModel, InstrumentRef as InstrumentRefModel, ModelRef as ModelRefModel } from '../modules/backtests/store.ts';
import type { SweepRecord as SweepRecordModel } from '../modules/sweeps/store.ts';
import type { StoredMetrics as StoredMetricsModel } from '../modules/backtests/simulate.ts';
import type { StoredOverfitting as StoredOverfittingModel, StoredConfiguration as StoredConfigurationModel } from '../modules/sweeps/run.ts';
import type { BacktestResultModel as BacktestResultModelModel } from '../modules/backtests/resolvers.ts';
import type { SweepResultModel as SweepResultModelModel } from '../modules/sweeps/resolvers.ts';
import type { DownloadLink as DownloadLinkModel } from '@alphagraph/service';
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
  /** A calendar date, YYYY-MM-DD (e.g. 2016-04-01); a day the calendar does not have (2016-02-30) is refused. */
  Date: { input: string; output: string; }
  /**
   * An instant, ISO-8601 with an explicit zone: `Z` or an offset, e.g. 2016-04-01T00:00:00Z or
   * 2016-04-01T09:30:00-04:00; answers are in UTC (`Z`). Refused: a value without a zone (add `Z`), a
   * date alone (write its T00:00:00Z, or use a Date argument where one exists) and a day or time the
   * calendar does not have (2016-02-30T00:00:00Z). Ranges everywhere: `from` inclusive, `to` exclusive.
   */
  DateTime: { input: Date | string; output: Date | string; }
  /** Arbitrary JSON: a strategy spec, a configuration's parameters. */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A backtest run of a strategy over a universe and period. */
export type Backtest = {
  __typename?: 'Backtest';
  /** Point-in-time reads take the latest version known at this instant (pinned with the snapshots). */
  asOf: Maybe<Scalars['DateTime']['output']>;
  /** The backtesting.py statistics (BACKTESTING_PY mode), in the library's order. */
  compatStatistics: Maybe<Array<CompatStatistic>>;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  /** One output as a Parquet file. */
  download: BacktestDownload;
  /** Daily equity, oldest first, after the cursor. */
  equity: EquityConnection;
  /** Why it failed, when it did. */
  error: Maybe<Scalars['String']['output']>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  id: Scalars['ID']['output'];
  /** The lake snapshots it read (bars, corporate actions, predictions), pinned when it was requested. */
  inputs: Array<BacktestSnapshot>;
  /** Instruments the backtest traded. */
  instruments: Array<Instrument>;
  metrics: Maybe<BacktestMetrics>;
  mode: BacktestMode;
  /** The model whose predictions were traded, when the signal is a model. */
  model: Maybe<Model>;
  modelVersion: Maybe<Scalars['Int']['output']>;
  name: Scalars['String']['output'];
  periodEnd: Scalars['Date']['output'];
  periodStart: Scalars['Date']['output'];
  /** Holdings at each session's close, by date then symbol, optionally of one date. */
  positions: PositionConnection;
  /** Fraction done while running (0..1). */
  progress: Scalars['Float']['output'];
  /** The report page at the gateway: equity and drawdown curves, monthly returns, rolling Sharpe, metrics, trades. */
  reportPath: Scalars['String']['output'];
  /** The backtest this one reran (same spec, same snapshots). */
  rerunOf: Maybe<Backtest>;
  /** The signal traded: a feature expression, or `model:<name>@<version>` for a model's predictions. */
  signal: Scalars['String']['output'];
  /** The spec as validated, defaults applied. */
  spec: Maybe<Scalars['JSON']['output']>;
  startedAt: Maybe<Scalars['DateTime']['output']>;
  status: BacktestStatus;
  /** The sweep whose best configuration this is. */
  sweep: Maybe<Sweep>;
  /** Trades (FIFO lots) in closing order, then those still open. */
  trades: TradeConnection;
  /** A walk-forward run's windows, and its in-sample result beside the out-of-sample one (null otherwise). */
  walkForward: Maybe<WalkForwardResult>;
};


/** A backtest run of a strategy over a universe and period. */
export type BacktestDownloadArgs = {
  output: BacktestOutput;
};


/** A backtest run of a strategy over a universe and period. */
export type BacktestEquityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A backtest run of a strategy over a universe and period. */
export type BacktestPositionsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  date?: InputMaybe<Scalars['Date']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A backtest run of a strategy over a universe and period. */
export type BacktestTradesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A signed link to a Parquet file of one output; only the caller can fetch it, until it expires. */
export type BacktestDownload = {
  __typename?: 'BacktestDownload';
  bytes: Scalars['Int']['output'];
  expiresAt: Scalars['DateTime']['output'];
  rows: Scalars['Int']['output'];
  url: Scalars['String']['output'];
};

export type BacktestError = {
  __typename?: 'BacktestError';
  code: BacktestErrorCode;
  message: Scalars['String']['output'];
};

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

/**
 * Metrics of a finished run; null until the run has succeeded. Fractions, not percent. Notation: E_0..E_n
 * equity at the end of each period, r_t = E_t / E_{t-1} − 1, x_t = r_t (SIMPLE) or ln(1 + r_t) (LOG),
 * A periods per year, rf_p the per-period risk-free rate, std the sample standard deviation (n − 1).
 */
export type BacktestMetrics = {
  __typename?: 'BacktestMetrics';
  /** The conventions the metrics used. */
  annualization: Scalars['Float']['output'];
  /** (1 + totalReturn)^(A / n) − 1: geometric, over years = n / A periods. */
  annualizedReturn: Maybe<Scalars['Float']['output']>;
  /** turnover × A. */
  annualizedTurnover: Maybe<Scalars['Float']['output']>;
  /** std(x_t) × sqrt(A). */
  annualizedVolatility: Maybe<Scalars['Float']['output']>;
  /** Mean over drawdown episodes of each episode’s deepest drawdown (a negative fraction). */
  averageDrawdown: Maybe<Scalars['Float']['output']>;
  /** Highest return of a closed trade (P&L / (|size| × entry price)). */
  bestTrade: Maybe<Scalars['Float']['output']>;
  /** (E_n / E_0)^(365.25 / days) − 1 with days = calendar days between the first and last date. Unlike annualizedReturn it counts calendar time, not periods, so holidays and gaps do not change it. */
  cagr: Maybe<Scalars['Float']['output']>;
  /** cagr / |maxDrawdown|. */
  calmar: Maybe<Scalars['Float']['output']>;
  /** Mean return of closed trades. */
  expectancy: Maybe<Scalars['Float']['output']>;
  /** Fraction of the n + 1 periods with any position (gross exposure > 0). */
  exposure: Maybe<Scalars['Float']['output']>;
  /** min over t of E_t / max_{u<=t} E_u − 1 (a negative fraction). */
  maxDrawdown: Maybe<Scalars['Float']['output']>;
  /** The same longest episode in calendar days between its peak date and its recovery (or last) date. */
  maxDrawdownDurationDays: Maybe<Scalars['Float']['output']>;
  /** Longest drawdown episode in periods: from the peak to the first period back at or above the peak, or to the last period if never recovered. */
  maxDrawdownDurationPeriods: Maybe<Scalars['Int']['output']>;
  /** Probabilistic Sharpe Ratio: Φ((SR − SR*) × sqrt(n − 1) / sqrt(1 − γ3 × SR + (γ4 − 1) / 4 × SR²)), SR the per-period Sharpe ratio of x_t − rf_p, SR* = 0, γ3 the skewness and γ4 the raw kurtosis of those n returns (Bailey and López de Prado 2012): the probability that the true Sharpe ratio is above zero. */
  probabilisticSharpeRatio: Maybe<Scalars['Float']['output']>;
  /** Sum of P&L of winning closed trades / |sum of P&L of losing closed trades| (currency). */
  profitFactor: Maybe<Scalars['Float']['output']>;
  returns: ReturnKind;
  riskFreeRate: Scalars['Float']['output'];
  /** mean(x_t − rf_p) / std(x_t − rf_p) × sqrt(A). */
  sharpe: Maybe<Scalars['Float']['output']>;
  /** mean(x_t − rf_p) / DD × sqrt(A), downside deviation DD = sqrt(mean over all n periods of min(0, x_t − rf_p)^2) (target rf_p; periods above it count as 0). */
  sortino: Maybe<Scalars['Float']['output']>;
  /** E_n / E_0 − 1. */
  totalReturn: Maybe<Scalars['Float']['output']>;
  /** Number of closed trades (FIFO lots); open trades at the end are not counted. */
  tradeCount: Maybe<Scalars['Int']['output']>;
  /** Mean over periods of traded value / equity (one-sided: buys plus sells), per period. */
  turnover: Maybe<Scalars['Float']['output']>;
  /** Closed trades with P&L > 0 / tradeCount. */
  winRate: Maybe<Scalars['Float']['output']>;
  /** Lowest return of a closed trade. */
  worstTrade: Maybe<Scalars['Float']['output']>;
};

export type BacktestMode =
  /** kernc/backtesting.py 0.6.6 semantics for one instrument: whole units, next-open fills, its commission and spread, its statistics. */
  | 'backtesting_py'
  /** The platform's portfolio engine: a universe, a signal, a rule, sizing, limits, costs (default). */
  | 'portfolio';

export type BacktestOutput =
  | 'equity'
  | 'positions'
  | 'trades';

export type BacktestPosition = {
  __typename?: 'BacktestPosition';
  date: Scalars['Date']['output'];
  price: Scalars['Float']['output'];
  shares: Scalars['Float']['output'];
  symbol: Scalars['String']['output'];
  value: Scalars['Float']['output'];
  weight: Scalars['Float']['output'];
};

export type BacktestResult = {
  __typename?: 'BacktestResult';
  backtest: Maybe<Backtest>;
  error: Maybe<BacktestError>;
  ok: Scalars['Boolean']['output'];
};

/** A lake snapshot a run read (or wrote): rerunning reads exactly the same ones. */
export type BacktestSnapshot = {
  __typename?: 'BacktestSnapshot';
  dataset: Scalars['String']['output'];
  snapshotId: Scalars['Int']['output'];
};

export type BacktestSpecInput = {
  /** BACKTESTING_PY only. */
  compat?: InputMaybe<CompatOptionsInput>;
  conventions?: InputMaybe<MetricConventionsInput>;
  mode?: InputMaybe<BacktestMode>;
  name: Scalars['String']['input'];
  /**
   * The last session traded (a Date, included: a period of whole sessions named by its first and
   * last day; DateTime ranges elsewhere use `from` inclusive, `to` exclusive).
   */
  periodEnd: Scalars['Date']['input'];
  /** The first session traded (a Date, included). */
  periodStart: Scalars['Date']['input'];
  /** PORTFOLIO only. */
  signal?: InputMaybe<SignalInput>;
  /**
   * PORTFOLIO only: the engine's strategy, strict (an unknown field is refused by name): rule
   * ({type: topK, long, short} | {type: threshold, long, short} | {type: crossover, threshold, below}),
   * rebalance (daily | weekly | monthly | {everySessions}), sizing ({type: equal} | {type: signal} |
   * {type: volatilityTarget, target, lookback, method}), limits ({maxWeight, maxGross, maxNet,
   * longOnly}), costs ({commissionBps, commissionFixed, slippageBps, spreadBps}), cash (default
   * 1,000,000) and execution ({at: nextOpen | nextClose, lagBars >= 1}; default the next bar's open).
   */
  strategy?: InputMaybe<Scalars['JSON']['input']>;
  /** Instrument symbols traded (BACKTESTING_PY: exactly one). */
  universe: Array<Scalars['String']['input']>;
  /** PORTFOLIO with a model signal only: retrain walk-forward and trade out-of-sample predictions. */
  walkForward?: InputMaybe<WalkForwardInput>;
};

export type BacktestStatus =
  | 'failed'
  | 'queued'
  | 'running'
  | 'succeeded';

export type BacktestTrade = {
  __typename?: 'BacktestTrade';
  /** Commissions of entry (pro rata) and exit; slippage and spread are in the prices. */
  costs: Scalars['Float']['output'];
  dividends: Scalars['Float']['output'];
  entryPrice: Scalars['Float']['output'];
  entryTime: Scalars['DateTime']['output'];
  exitPrice: Scalars['Float']['output'];
  exitTime: Scalars['DateTime']['output'];
  /** Still open at the end (marked to the last close). */
  open: Scalars['Boolean']['output'];
  /** size × (exit − entry) + dividends − costs. */
  pnl: Scalars['Float']['output'];
  /** pnl / (|size| × entry price). */
  return: Scalars['Float']['output'];
  /** Signed units: positive long, negative short. */
  size: Scalars['Float']['output'];
  symbol: Scalars['String']['output'];
  tradeNo: Scalars['Int']['output'];
};

/**
 * The backtesting.py-compatible mode's strategy and broker: SmaCross(fast, slow) (close and reverse
 * on a crossing of the two simple moving averages of the close), starting cash, `commission` (a rate
 * of the traded value charged on entry and again on exit) plus `commissionFixed` per order,
 * `spread` (a rate added to a long's entry price, removed from a short's), and whether trades still
 * open after the last bar are closed (`finalizeTrades`, at that bar's open).
 */
export type CompatOptionsInput = {
  cash?: InputMaybe<Scalars['Float']['input']>;
  commission?: InputMaybe<Scalars['Float']['input']>;
  commissionFixed?: InputMaybe<Scalars['Float']['input']>;
  fast?: InputMaybe<Scalars['Int']['input']>;
  finalizeTrades?: InputMaybe<Scalars['Boolean']['input']>;
  slow?: InputMaybe<Scalars['Int']['input']>;
  spread?: InputMaybe<Scalars['Float']['input']>;
  /** Statistics formulas: 0.6.6 (with PR #1346: annualized return and CAGR fixed) or 0.6.5. */
  version?: InputMaybe<Scalars['String']['input']>;
};

/** A statistic of the backtesting.py-compatible mode, under the library's own name. */
export type CompatStatistic = {
  __typename?: 'CompatStatistic';
  /** As the library prints it (durations as `584 days`, Start and End as dates). */
  display: Scalars['String']['output'];
  /** As the library names it: `Return (Ann.) [%]`, `Sharpe Ratio`, `Max. Drawdown Duration`. */
  name: Scalars['String']['output'];
  /** The value; durations in days, Start and End in epoch milliseconds. */
  value: Maybe<Scalars['Float']['output']>;
};

export type EquityConnection = {
  __typename?: 'EquityConnection';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  nodes: Array<EquityPoint>;
};

export type EquityPoint = {
  __typename?: 'EquityPoint';
  /** Buy and hold of the universe, equal weights at the first session's open, scaled to the starting equity. */
  benchmark: Maybe<Scalars['Float']['output']>;
  cash: Scalars['Float']['output'];
  dailyReturn: Scalars['Float']['output'];
  date: Scalars['Date']['output'];
  equity: Scalars['Float']['output'];
  /** Σ |shares × mark| / equity. */
  gross: Maybe<Scalars['Float']['output']>;
  /** Σ shares × mark / equity. */
  net: Maybe<Scalars['Float']['output']>;
  /** Σ |quantity × fill price| traded in the session. */
  traded: Maybe<Scalars['Float']['output']>;
};

export type Instrument = {
  __typename?: 'Instrument';
  /** Backtests that traded this instrument, newest first (null when backtests is unavailable). */
  backtests: Maybe<Array<Backtest>>;
  symbol: Scalars['String']['output'];
};

/**
 * Conventions of the metrics, explicit because every engine differs: periods per year A (default
 * 252), the annual risk-free rate (default 0, compounded into a per-period rate), and whether
 * volatility, Sharpe and Sortino use simple or log returns (default SIMPLE).
 */
export type MetricConventionsInput = {
  annualization?: InputMaybe<Scalars['Float']['input']>;
  returns?: InputMaybe<ReturnKind>;
  riskFreeRate?: InputMaybe<Scalars['Float']['input']>;
};

export type Model = {
  __typename?: 'Model';
  /** Backtests that traded this model's predictions (null when backtests is unavailable). */
  backtests: Maybe<Array<Backtest>>;
  name: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Runs a backtest again from its spec and pinned snapshots: the same result exactly. */
  rerunBacktest: BacktestResult;
  /** Validates the spec, pins the lake snapshots it reads and queues the run (nothing is stored on refusal). */
  runBacktest: BacktestResult;
  /** Runs every configuration of the grid (at most 1,000) over the base spec as one job, then its overfitting statistics. */
  runSweep: SweepResult;
};


export type MutationRerunBacktestArgs = {
  id: Scalars['ID']['input'];
};


export type MutationRunBacktestArgs = {
  spec: BacktestSpecInput;
};


export type MutationRunSweepArgs = {
  blocks?: InputMaybe<Scalars['Int']['input']>;
  grid: Array<SweepParameterInput>;
  spec: BacktestSpecInput;
};

export type PositionConnection = {
  __typename?: 'PositionConnection';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  nodes: Array<BacktestPosition>;
};

export type PredictionField =
  /** The model's prediction (a regressor's value, a classifier's class). */
  | 'prediction'
  /** P(y = 1) of a classifier. */
  | 'probability';

export type Query = {
  __typename?: 'Query';
  backtest: Maybe<Backtest>;
  backtests: Maybe<Array<Backtest>>;
  sweep: Maybe<Sweep>;
  sweeps: Maybe<Array<Sweep>>;
};


export type QueryBacktestArgs = {
  id: Scalars['ID']['input'];
};


export type QueryBacktestsArgs = {
  createdBy?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QuerySweepArgs = {
  id: Scalars['ID']['input'];
};


export type QuerySweepsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ReturnKind =
  | 'log'
  | 'simple';

/**
 * The signal traded: exactly one of `expression` (a feature expression over daily bars, compiled and
 * made point in time exactly as features are: a value is known at its session's close) or `model`
 * with `modelVersion` (that version's batch predictions, known from their available_at).
 */
export type SignalInput = {
  expression?: InputMaybe<Scalars['String']['input']>;
  model?: InputMaybe<Scalars['String']['input']>;
  modelField?: InputMaybe<PredictionField>;
  modelVersion?: InputMaybe<Scalars['Int']['input']>;
};

/** A parameter sweep: every configuration of a grid over one base spec, run as one job. */
export type Sweep = {
  __typename?: 'Sweep';
  /** The best configuration run as a full backtest (outputs, report). */
  bestBacktest: Maybe<Backtest>;
  configurations: Array<SweepConfiguration>;
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  error: Maybe<Scalars['String']['output']>;
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  grid: Array<SweepParameter>;
  id: Scalars['ID']['output'];
  inputs: Array<BacktestSnapshot>;
  name: Scalars['String']['output'];
  overfitting: Maybe<SweepOverfitting>;
  progress: Scalars['Float']['output'];
  reportPath: Scalars['String']['output'];
  spec: Scalars['JSON']['output'];
  status: BacktestStatus;
};

export type SweepConfiguration = {
  __typename?: 'SweepConfiguration';
  /** Why this configuration could not be run (e.g. slow <= fast), when it could not. */
  error: Maybe<Scalars['String']['output']>;
  index: Scalars['Int']['output'];
  /**
   * Metrics of the configuration's equity curve. Configurations are simulated without a trade ledger
   * (the best one is run in full as `bestBacktest`), so the trade statistics (tradeCount, winRate,
   * bestTrade, worstTrade, profitFactor, expectancy) are null here.
   */
  metrics: Maybe<BacktestMetrics>;
  /** Parameter name -> value. */
  parameters: Scalars['JSON']['output'];
};

/** Overfitting statistics of a sweep's best configuration (highest full-sample Sharpe ratio). */
export type SweepOverfitting = {
  __typename?: 'SweepOverfitting';
  annualizedSharpe: Scalars['Float']['output'];
  backtestYears: Scalars['Float']['output'];
  /** Index of the best configuration. */
  best: Scalars['Int']['output'];
  /** CSCV blocks S. */
  blocks: Scalars['Int']['output'];
  /**
   * Deflated Sharpe Ratio (Bailey and López de Prado 2014): PSR against SR* = sqrt(V) × ((1 − γ) Φ⁻¹(1 − 1/N)
   * + γ Φ⁻¹(1 − 1/(N e))), V the variance of the trials' Sharpe ratios, γ Euler-Mascheroni, with the
   * best configuration's skewness and raw kurtosis.
   */
  deflatedSharpeRatio: Scalars['Float']['output'];
  /** PBO > 0.5 or DSR < 0.95. */
  likelyOverfit: Scalars['Boolean']['output'];
  /** The logits λ = ln(ω / (1 − ω)) of the out-of-sample relative ranks ω, one per split. */
  logits: Array<Scalars['Float']['output']>;
  /** Minimum backtest length in years for N trials to not produce this Sharpe ratio by chance (null when it is not positive). */
  minimumBacktestYears: Maybe<Scalars['Float']['output']>;
  /**
   * Probability of Backtest Overfitting by combinatorially symmetric cross-validation (Bailey, Borwein,
   * López de Prado and Zhu 2017): the share of the C(S, S/2) splits in which the in-sample best
   * configuration ranks below the median out of sample.
   */
  pbo: Scalars['Float']['output'];
  /** PSR of the best configuration against SR* = 0 (no correction for selection). */
  probabilisticSharpeRatio: Scalars['Float']['output'];
  /** Its per-period Sharpe ratio (mean / std of daily returns). */
  sharpe: Scalars['Float']['output'];
  /** Number of trials N (the configurations run). */
  trials: Scalars['Int']['output'];
  /** Sample variance of the trials' per-period Sharpe ratios. */
  varianceOfTrialSharpes: Scalars['Float']['output'];
  /** The verdict in plain words. */
  verdict: Scalars['String']['output'];
};

export type SweepParameter = {
  __typename?: 'SweepParameter';
  name: Scalars['String']['output'];
  values: Array<Scalars['Float']['output']>;
};

/**
 * One axis of a sweep grid. A name with a dot is a path into the spec (`strategy.rule.long`,
 * `compat.fast`); a plain name fills a `{name}` placeholder of the signal expression
 * (`$close / Ref($close, {window}) - 1`).
 */
export type SweepParameterInput = {
  name: Scalars['String']['input'];
  values: Array<Scalars['Float']['input']>;
};

export type SweepResult = {
  __typename?: 'SweepResult';
  error: Maybe<BacktestError>;
  ok: Scalars['Boolean']['output'];
  sweep: Maybe<Sweep>;
};

export type TradeConnection = {
  __typename?: 'TradeConnection';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
  nodes: Array<BacktestTrade>;
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
  step?: InputMaybe<Scalars['Int']['input']>;
  testWindow: Scalars['Int']['input'];
  trainWindow: Scalars['Int']['input'];
};

/** A walk-forward run: the stitched out-of-sample result (the run's own metrics and outputs) and the in-sample one. */
export type WalkForwardResult = {
  __typename?: 'WalkForwardResult';
  inSample: BacktestMetrics;
  outOfSample: BacktestMetrics;
  step: Scalars['Int']['output'];
  testWindow: Scalars['Int']['output'];
  trainWindow: Scalars['Int']['output'];
  /** In time order; test periods never overlap and never include a training row of their window. */
  windows: Array<WalkForwardWindow>;
};

/** One walk-forward window: the instants it trained on and the ones it predicted out of sample. */
export type WalkForwardWindow = {
  __typename?: 'WalkForwardWindow';
  index: Scalars['Int']['output'];
  /** Training rows dropped because their label was not known before the test period. */
  purgedRows: Scalars['Int']['output'];
  testEnd: Scalars['DateTime']['output'];
  /** Rows predicted out of sample. */
  testRows: Scalars['Int']['output'];
  testStart: Scalars['DateTime']['output'];
  trainEnd: Scalars['DateTime']['output'];
  /** Labelled training rows fitted. */
  trainRows: Scalars['Int']['output'];
  trainStart: Scalars['DateTime']['output'];
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
  Backtest: Backtest;
  Instrument: Instrument;
  Model: Model;
  Sweep: Sweep;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Backtest:
    ( { __typename: 'Backtest' }
    & GraphQLRecursivePick<FederationTypes['Backtest'], {"id":true}> );
  Instrument:
    ( { __typename: 'Instrument' }
    & GraphQLRecursivePick<FederationTypes['Instrument'], {"symbol":true}> );
  Model:
    ( { __typename: 'Model' }
    & GraphQLRecursivePick<FederationTypes['Model'], {"name":true}> );
  Sweep:
    ( { __typename: 'Sweep' }
    & GraphQLRecursivePick<FederationTypes['Sweep'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Backtest: ResolverTypeWrapper<BacktestRecordModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  BacktestDownload: ResolverTypeWrapper<DownloadLinkModel>;
  BacktestError: ResolverTypeWrapper<BacktestError>;
  BacktestErrorCode: BacktestErrorCode;
  BacktestMetrics: ResolverTypeWrapper<StoredMetricsModel>;
  BacktestMode: ResolverTypeWrapper<BacktestMode>;
  BacktestOutput: ResolverTypeWrapper<BacktestOutput>;
  BacktestPosition: ResolverTypeWrapper<BacktestPosition>;
  BacktestResult: ResolverTypeWrapper<BacktestResultModelModel>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  BacktestSnapshot: ResolverTypeWrapper<BacktestSnapshot>;
  BacktestSpecInput: BacktestSpecInput;
  BacktestStatus: ResolverTypeWrapper<BacktestStatus>;
  BacktestTrade: ResolverTypeWrapper<BacktestTrade>;
  CompatOptionsInput: CompatOptionsInput;
  CompatStatistic: ResolverTypeWrapper<CompatStatistic>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  EquityConnection: ResolverTypeWrapper<EquityConnection>;
  EquityPoint: ResolverTypeWrapper<EquityPoint>;
  Instrument: ResolverTypeWrapper<InstrumentRefModel>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  MetricConventionsInput: MetricConventionsInput;
  Model: ResolverTypeWrapper<ModelRefModel>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PositionConnection: ResolverTypeWrapper<PositionConnection>;
  PredictionField: ResolverTypeWrapper<PredictionField>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReturnKind: ResolverTypeWrapper<ReturnKind>;
  SignalInput: SignalInput;
  Sweep: ResolverTypeWrapper<SweepRecordModel>;
  SweepConfiguration: ResolverTypeWrapper<StoredConfigurationModel>;
  SweepOverfitting: ResolverTypeWrapper<StoredOverfittingModel>;
  SweepParameter: ResolverTypeWrapper<SweepParameter>;
  SweepParameterInput: SweepParameterInput;
  SweepResult: ResolverTypeWrapper<SweepResultModelModel>;
  TradeConnection: ResolverTypeWrapper<TradeConnection>;
  WalkForwardInput: WalkForwardInput;
  WalkForwardResult: ResolverTypeWrapper<Omit<WalkForwardResult, 'inSample' | 'outOfSample'> & { inSample: ResolversTypes['BacktestMetrics'], outOfSample: ResolversTypes['BacktestMetrics'] }>;
  WalkForwardWindow: ResolverTypeWrapper<WalkForwardWindow>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Backtest: BacktestRecordModel;
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  Float: Scalars['Float']['output'];
  BacktestDownload: DownloadLinkModel;
  BacktestError: BacktestError;
  BacktestMetrics: StoredMetricsModel;
  BacktestPosition: BacktestPosition;
  BacktestResult: BacktestResultModelModel;
  Boolean: Scalars['Boolean']['output'];
  BacktestSnapshot: BacktestSnapshot;
  BacktestSpecInput: BacktestSpecInput;
  BacktestTrade: BacktestTrade;
  CompatOptionsInput: CompatOptionsInput;
  CompatStatistic: CompatStatistic;
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  EquityConnection: EquityConnection;
  EquityPoint: EquityPoint;
  Instrument: InstrumentRefModel;
  JSON: Scalars['JSON']['output'];
  MetricConventionsInput: MetricConventionsInput;
  Model: ModelRefModel;
  Mutation: Record<PropertyKey, never>;
  PositionConnection: PositionConnection;
  Query: Record<PropertyKey, never>;
  SignalInput: SignalInput;
  Sweep: SweepRecordModel;
  SweepConfiguration: StoredConfigurationModel;
  SweepOverfitting: StoredOverfittingModel;
  SweepParameter: SweepParameter;
  SweepParameterInput: SweepParameterInput;
  SweepResult: SweepResultModelModel;
  TradeConnection: TradeConnection;
  WalkForwardInput: WalkForwardInput;
  WalkForwardResult: Omit<WalkForwardResult, 'inSample' | 'outOfSample'> & { inSample: ResolversParentTypes['BacktestMetrics'], outOfSample: ResolversParentTypes['BacktestMetrics'] };
  WalkForwardWindow: WalkForwardWindow;
}>;

export type BacktestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Backtest'] = ResolversParentTypes['Backtest'], FederationReferenceType extends FederationReferenceTypes['Backtest'] = FederationReferenceTypes['Backtest']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Backtest']> | FederationReferenceType, FederationReferenceType, ContextType>;
  asOf?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  compatStatistics?: Resolver<Maybe<Array<ResolversTypes['CompatStatistic']>>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  download?: Resolver<ResolversTypes['BacktestDownload'], ParentType, ContextType, RequireFields<BacktestDownloadArgs, 'output'>>;
  equity?: Resolver<ResolversTypes['EquityConnection'], ParentType, ContextType, RequireFields<BacktestEquityArgs, 'first'>>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<Array<ResolversTypes['BacktestSnapshot']>, ParentType, ContextType>;
  instruments?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType>;
  metrics?: Resolver<Maybe<ResolversTypes['BacktestMetrics']>, ParentType, ContextType>;
  mode?: Resolver<ResolversTypes['BacktestMode'], ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType>;
  modelVersion?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  positions?: Resolver<ResolversTypes['PositionConnection'], ParentType, ContextType, RequireFields<BacktestPositionsArgs, 'first'>>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reportPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rerunOf?: Resolver<Maybe<ResolversTypes['Backtest']>, ParentType, ContextType>;
  signal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  spec?: Resolver<Maybe<ResolversTypes['JSON']>, ParentType, ContextType>;
  startedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BacktestStatus'], ParentType, ContextType>;
  sweep?: Resolver<Maybe<ResolversTypes['Sweep']>, ParentType, ContextType>;
  trades?: Resolver<ResolversTypes['TradeConnection'], ParentType, ContextType, RequireFields<BacktestTradesArgs, 'first'>>;
  walkForward?: Resolver<Maybe<ResolversTypes['WalkForwardResult']>, ParentType, ContextType>;
}>;

export type BacktestDownloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BacktestDownload'] = ResolversParentTypes['BacktestDownload']> = ResolversObject<{
  bytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type BacktestErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BacktestError'] = ResolversParentTypes['BacktestError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['BacktestErrorCode'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type BacktestMetricsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BacktestMetrics'] = ResolversParentTypes['BacktestMetrics']> = ResolversObject<{
  annualization?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  annualizedReturn?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  annualizedTurnover?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  annualizedVolatility?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  averageDrawdown?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  bestTrade?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cagr?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  calmar?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  expectancy?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  exposure?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  maxDrawdown?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  maxDrawdownDurationDays?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  maxDrawdownDurationPeriods?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  probabilisticSharpeRatio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  profitFactor?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  returns?: Resolver<ResolversTypes['ReturnKind'], ParentType, ContextType>;
  riskFreeRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sharpe?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sortino?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  totalReturn?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tradeCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  turnover?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  winRate?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  worstTrade?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type BacktestModeResolvers = { BACKTESTING_PY: 'backtesting_py', PORTFOLIO: 'portfolio' };

export type BacktestOutputResolvers = { EQUITY: 'equity', POSITIONS: 'positions', TRADES: 'trades' };

export type BacktestPositionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BacktestPosition'] = ResolversParentTypes['BacktestPosition']> = ResolversObject<{
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  price?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  shares?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  weight?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type BacktestResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BacktestResult'] = ResolversParentTypes['BacktestResult']> = ResolversObject<{
  backtest?: Resolver<Maybe<ResolversTypes['Backtest']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['BacktestError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type BacktestSnapshotResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BacktestSnapshot'] = ResolversParentTypes['BacktestSnapshot']> = ResolversObject<{
  dataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  snapshotId?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type BacktestStatusResolvers = { FAILED: 'failed', QUEUED: 'queued', RUNNING: 'running', SUCCEEDED: 'succeeded' };

export type BacktestTradeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BacktestTrade'] = ResolversParentTypes['BacktestTrade']> = ResolversObject<{
  costs?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  dividends?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  entryPrice?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  entryTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  exitPrice?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  exitTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  open?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  pnl?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  return?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  size?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  tradeNo?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type CompatStatisticResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CompatStatistic'] = ResolversParentTypes['CompatStatistic']> = ResolversObject<{
  display?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  value?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EquityConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EquityConnection'] = ResolversParentTypes['EquityConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['EquityPoint']>, ParentType, ContextType>;
}>;

export type EquityPointResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EquityPoint'] = ResolversParentTypes['EquityPoint']> = ResolversObject<{
  benchmark?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  cash?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  dailyReturn?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  date?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  equity?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  gross?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  net?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  traded?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type InstrumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument'], FederationReferenceType extends FederationReferenceTypes['Instrument'] = FederationReferenceTypes['Instrument']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Instrument']> | FederationReferenceType, FederationReferenceType, ContextType>;
  backtests?: Resolver<Maybe<Array<ResolversTypes['Backtest']>>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type ModelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Model'] = ResolversParentTypes['Model'], FederationReferenceType extends FederationReferenceTypes['Model'] = FederationReferenceTypes['Model']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Model']> | FederationReferenceType, FederationReferenceType, ContextType>;
  backtests?: Resolver<Maybe<Array<ResolversTypes['Backtest']>>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  rerunBacktest?: Resolver<ResolversTypes['BacktestResult'], ParentType, ContextType, RequireFields<MutationRerunBacktestArgs, 'id'>>;
  runBacktest?: Resolver<ResolversTypes['BacktestResult'], ParentType, ContextType, RequireFields<MutationRunBacktestArgs, 'spec'>>;
  runSweep?: Resolver<ResolversTypes['SweepResult'], ParentType, ContextType, RequireFields<MutationRunSweepArgs, 'blocks' | 'grid' | 'spec'>>;
}>;

export type PositionConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PositionConnection'] = ResolversParentTypes['PositionConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['BacktestPosition']>, ParentType, ContextType>;
}>;

export type PredictionFieldResolvers = { PREDICTION: 'prediction', PROBABILITY: 'probability' };

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  backtest?: Resolver<Maybe<ResolversTypes['Backtest']>, ParentType, ContextType, RequireFields<QueryBacktestArgs, 'id'>>;
  backtests?: Resolver<Maybe<Array<ResolversTypes['Backtest']>>, ParentType, ContextType, RequireFields<QueryBacktestsArgs, 'first'>>;
  sweep?: Resolver<Maybe<ResolversTypes['Sweep']>, ParentType, ContextType, RequireFields<QuerySweepArgs, 'id'>>;
  sweeps?: Resolver<Maybe<Array<ResolversTypes['Sweep']>>, ParentType, ContextType, RequireFields<QuerySweepsArgs, 'first'>>;
}>;

export type ReturnKindResolvers = { LOG: 'log', SIMPLE: 'simple' };

export type SweepResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Sweep'] = ResolversParentTypes['Sweep'], FederationReferenceType extends FederationReferenceTypes['Sweep'] = FederationReferenceTypes['Sweep']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Sweep']> | FederationReferenceType, FederationReferenceType, ContextType>;
  bestBacktest?: Resolver<Maybe<ResolversTypes['Backtest']>, ParentType, ContextType>;
  configurations?: Resolver<Array<ResolversTypes['SweepConfiguration']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  grid?: Resolver<Array<ResolversTypes['SweepParameter']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inputs?: Resolver<Array<ResolversTypes['BacktestSnapshot']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  overfitting?: Resolver<Maybe<ResolversTypes['SweepOverfitting']>, ParentType, ContextType>;
  progress?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reportPath?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  spec?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BacktestStatus'], ParentType, ContextType>;
}>;

export type SweepConfigurationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SweepConfiguration'] = ResolversParentTypes['SweepConfiguration']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  metrics?: Resolver<Maybe<ResolversTypes['BacktestMetrics']>, ParentType, ContextType>;
  parameters?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
}>;

export type SweepOverfittingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SweepOverfitting'] = ResolversParentTypes['SweepOverfitting']> = ResolversObject<{
  annualizedSharpe?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  backtestYears?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  best?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  blocks?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  deflatedSharpeRatio?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  likelyOverfit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  logits?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
  minimumBacktestYears?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  pbo?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  probabilisticSharpeRatio?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  sharpe?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  trials?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  varianceOfTrialSharpes?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type SweepParameterResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SweepParameter'] = ResolversParentTypes['SweepParameter']> = ResolversObject<{
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  values?: Resolver<Array<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type SweepResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['SweepResult'] = ResolversParentTypes['SweepResult']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['BacktestError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  sweep?: Resolver<Maybe<ResolversTypes['Sweep']>, ParentType, ContextType>;
}>;

export type TradeConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TradeConnection'] = ResolversParentTypes['TradeConnection']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  nodes?: Resolver<Array<ResolversTypes['BacktestTrade']>, ParentType, ContextType>;
}>;

export type WalkForwardResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WalkForwardResult'] = ResolversParentTypes['WalkForwardResult']> = ResolversObject<{
  inSample?: Resolver<ResolversTypes['BacktestMetrics'], ParentType, ContextType>;
  outOfSample?: Resolver<ResolversTypes['BacktestMetrics'], ParentType, ContextType>;
  step?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  testWindow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trainWindow?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  windows?: Resolver<Array<ResolversTypes['WalkForwardWindow']>, ParentType, ContextType>;
}>;

export type WalkForwardWindowResolvers<ContextType = Context, ParentType extends ResolversParentTypes['WalkForwardWindow'] = ResolversParentTypes['WalkForwardWindow']> = ResolversObject<{
  index?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  purgedRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  testEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  testRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  testStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  trainEnd?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  trainRows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  trainStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Backtest?: BacktestResolvers<ContextType>;
  BacktestDownload?: BacktestDownloadResolvers<ContextType>;
  BacktestError?: BacktestErrorResolvers<ContextType>;
  BacktestMetrics?: BacktestMetricsResolvers<ContextType>;
  BacktestMode?: BacktestModeResolvers;
  BacktestOutput?: BacktestOutputResolvers;
  BacktestPosition?: BacktestPositionResolvers<ContextType>;
  BacktestResult?: BacktestResultResolvers<ContextType>;
  BacktestSnapshot?: BacktestSnapshotResolvers<ContextType>;
  BacktestStatus?: BacktestStatusResolvers;
  BacktestTrade?: BacktestTradeResolvers<ContextType>;
  CompatStatistic?: CompatStatisticResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  EquityConnection?: EquityConnectionResolvers<ContextType>;
  EquityPoint?: EquityPointResolvers<ContextType>;
  Instrument?: InstrumentResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Model?: ModelResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PositionConnection?: PositionConnectionResolvers<ContextType>;
  PredictionField?: PredictionFieldResolvers;
  Query?: QueryResolvers<ContextType>;
  ReturnKind?: ReturnKindResolvers;
  Sweep?: SweepResolvers<ContextType>;
  SweepConfiguration?: SweepConfigurationResolvers<ContextType>;
  SweepOverfitting?: SweepOverfittingResolvers<ContextType>;
  SweepParameter?: SweepParameterResolvers<ContextType>;
  SweepResult?: SweepResultResolvers<ContextType>;
  TradeConnection?: TradeConnectionResolvers<ContextType>;
  WalkForwardResult?: WalkForwardResultResolvers<ContextType>;
  WalkForwardWindow?: WalkForwardWindowResolvers<ContextType>;
}>;

