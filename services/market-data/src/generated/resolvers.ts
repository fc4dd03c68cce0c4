import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { InstrumentRecord as InstrumentRecordModel } from '../modules/instruments/store.ts';
import type { BarRecord as BarRecordModel } from '../modules/bars/store.ts';
import type { DataQualityReport as DataQualityReportModel } from '../modules/quality/report.ts';
import type { CorporateActionRecord as CorporateActionRecordModel } from '../modules/corporate-actions/store.ts';
import type { BatchRecord as BatchRecordModel, QuarantineRecord as QuarantineRecordModel } from '../modules/ingest/report-store.ts';
import type { IngestIssueModel as IngestIssueModelModel, IngestIssueEdgeModel as IngestIssueEdgeModelModel, IngestIssueConnectionModel as IngestIssueConnectionModelModel } from '../modules/ingest/resolvers.ts';
import type { ColumnMapping as ColumnMappingModel } from '../modules/ingest/mappings.ts';
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
  _FieldSet: { input: unknown; output: unknown; }
};

export type AssetClass =
  | 'commodity'
  | 'crypto'
  | 'equity'
  | 'etf'
  | 'fx'
  | 'index';

/** One OHLCV bar. `time` is the bar's start; a daily bar starts at 00:00 UTC of its session date. */
export type Bar = {
  __typename?: 'Bar';
  /** When the platform could first have known this bar (a daily bar: its session close). */
  availableAt: Scalars['DateTime']['output'];
  close: Maybe<Scalars['Float']['output']>;
  /**
   * False when a resampled bar covers fewer sessions (open hours, for DAY from hourly bars) than its
   * week, month or day has on the instrument's trading calendar: the period is cut by the data's
   * end, by `from`/`to`, or bars are missing. Always true for bars that are not resampled.
   */
  complete: Scalars['Boolean']['output'];
  high: Maybe<Scalars['Float']['output']>;
  instrument: Instrument;
  interval: BarInterval;
  low: Maybe<Scalars['Float']['output']>;
  open: Maybe<Scalars['Float']['output']>;
  /** Return over the previous bar of the same instrument in the selection (null unless `returns` was asked for, and for the first bar). */
  return: Maybe<Scalars['Float']['output']>;
  /** Stored bars this bar aggregates: 1 unless `resample` was asked for. */
  sessions: Scalars['Int']['output'];
  symbol: Scalars['String']['output'];
  time: Scalars['DateTime']['output'];
  volume: Maybe<Scalars['Float']['output']>;
};

export type BarConnection = {
  __typename?: 'BarConnection';
  edges: Array<BarEdge>;
  pageInfo: PageInfo;
};

export type BarEdge = {
  __typename?: 'BarEdge';
  cursor: Scalars['String']['output'];
  node: Bar;
};

export type BarInterval =
  /** Daily bars, one per session. */
  | '1d'
  /** Hourly bars. */
  | '1h';

export type ColumnNullRate = {
  __typename?: 'ColumnNullRate';
  column: Scalars['String']['output'];
  /** Share of bars with no value, 0..1. */
  rate: Scalars['Float']['output'];
};

/** A split or cash dividend, as known at the time asked for. */
export type CorporateAction = {
  __typename?: 'CorporateAction';
  /** Cash per share as traded on the ex-date (dividends). */
  amount: Maybe<Scalars['Float']['output']>;
  availableAt: Scalars['DateTime']['output'];
  exDate: Scalars['Date']['output'];
  kind: CorporateActionKind;
  /** New shares per old share (splits). */
  ratio: Maybe<Scalars['Float']['output']>;
  symbol: Scalars['String']['output'];
};

export type CorporateActionKind =
  | 'dividend'
  | 'split';

/**
 * Data quality of the stored bars of one interval in the current snapshot, each bar in its latest
 * version known at `asOf`: of the symbols and the period asked for (default: the whole lake).
 */
export type DataQualityReport = {
  __typename?: 'DataQualityReport';
  /** The instant the report reads the lake as of (versions and ingestion batches available then). */
  asOf: Scalars['DateTime']['output'];
  dataset: Scalars['String']['output'];
  firstTime: Maybe<Scalars['DateTime']['output']>;
  /** Inclusive lower bound on the bars' start time, when one was asked for. */
  from: Maybe<Scalars['DateTime']['output']>;
  gaps: Scalars['Int']['output'];
  /**
   * What ingestion found across batches committed by `asOf`, by rule and action (rejected and
   * quarantined rows never reach storage). Batches count findings per rule, not per symbol or period:
   * these are of every symbol and time.
   */
  ingestionFindings: Array<IngestionFinding>;
  instruments: Scalars['Int']['output'];
  interval: BarInterval;
  lastTime: Maybe<Scalars['DateTime']['output']>;
  newestAvailableAt: Maybe<Scalars['DateTime']['output']>;
  nullRates: Array<ColumnNullRate>;
  /** Bars (the latest version of each). */
  rows: Scalars['Int']['output'];
  snapshotId: Maybe<Scalars['ID']['output']>;
  /** Seconds from the newest row's availability to `asOf`. */
  stalenessSeconds: Maybe<Scalars['Float']['output']>;
  /** The canonical symbols reported on (empty: every instrument with bars). */
  symbols: Array<Scalars['String']['output']>;
  /** Exclusive upper bound on the bars' start time, when one was asked for. */
  to: Maybe<Scalars['DateTime']['output']>;
  /** Stored rows, superseded versions included. */
  versions: Scalars['Int']['output'];
  /** Price rules broken by stored bars (ingestion rejects or quarantines most before they are stored). */
  violations: Array<RuleViolationCount>;
  worstGaps: Array<InstrumentGap>;
};

export type DiscardQuarantineResult = {
  __typename?: 'DiscardQuarantineResult';
  discarded: Scalars['Int']['output'];
  error: Maybe<IngestFailure>;
  ok: Scalars['Boolean']['output'];
};

/** One bar as values. `symbol` may be omitted when the mapping has a fixed symbol. */
export type IngestBarRowInput = {
  close?: InputMaybe<Scalars['Float']['input']>;
  high?: InputMaybe<Scalars['Float']['input']>;
  low?: InputMaybe<Scalars['Float']['input']>;
  open?: InputMaybe<Scalars['Float']['input']>;
  symbol?: InputMaybe<Scalars['String']['input']>;
  /** In the mapping's time format; without a mapping, a date (YYYY-MM-DD) for DAY bars, ISO-8601 with an offset for HOUR bars. */
  time: Scalars['String']['input'];
  volume?: InputMaybe<Scalars['Float']['input']>;
};

export type IngestBarsInput = {
  conflicts?: InputMaybe<IngestConflicts>;
  /** Without a mapping: the bars' interval. */
  interval?: InputMaybe<BarInterval>;
  /** Split-like jump threshold: a close/previous close outside [1/(1+t), 1+t] (default 0.35). */
  jumpThreshold?: InputMaybe<Scalars['Float']['input']>;
  /** A declared mapping (see `ingestMappings`): its fixed symbol, time format and zone, interval and instrument registration apply. */
  mapping?: InputMaybe<Scalars['String']['input']>;
  /** At most 10,000 rows; larger files go through the CLI (alphagraph ingest bars). */
  rows: Array<IngestBarRowInput>;
  rules?: InputMaybe<Array<IngestRuleInput>>;
  /** Where the rows come from (kept with the report as graphql:<source>). */
  source: Scalars['String']['input'];
};

export type IngestBarsResult = {
  __typename?: 'IngestBarsResult';
  error: Maybe<IngestFailure>;
  ok: Scalars['Boolean']['output'];
  report: Maybe<IngestReport>;
};

/** What to do with a row that differs from the stored version of the same bar. */
export type IngestConflicts =
  /** Store it as a correction: a new version, available from the ingestion time. */
  | 'correct'
  /** Leave the stored version (e.g. filling gaps from a second vendor). */
  | 'keep_stored';

/** Why a batch was refused as a whole (a broken file, an unknown mapping, invalid rules…). */
export type IngestFailure = {
  __typename?: 'IngestFailure';
  /** EMPTY_FILE, HEADER_ONLY, WRONG_TYPE, MISSING_COLUMNS, UNKNOWN_MAPPING, INVALID_RULES, TOO_MANY_ROWS, … */
  code: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** One finding of one rule in one row of a batch. */
export type IngestIssue = {
  __typename?: 'IngestIssue';
  /** The batch's source: a file path, graphql:<source> or release:<batch ids>. */
  file: Scalars['String']['output'];
  /** Line in a CSV file (header = 1); row number in a Parquet file or GraphQL batch; quarantined row id in a release. */
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  outcome: IngestIssueOutcome;
  rule: IngestRule;
  symbol: Maybe<Scalars['String']['output']>;
  time: Maybe<Scalars['DateTime']['output']>;
};

export type IngestIssueConnection = {
  __typename?: 'IngestIssueConnection';
  edges: Array<IngestIssueEdge>;
  pageInfo: PageInfo;
};

export type IngestIssueEdge = {
  __typename?: 'IngestIssueEdge';
  cursor: Scalars['String']['output'];
  node: IngestIssue;
};

/** What happened to a row a rule flagged. */
export type IngestIssueOutcome =
  | 'dropped'
  | 'fixed'
  | 'quarantined'
  | 'rejected'
  | 'warned';

/** A declared column mapping: how one source file layout becomes bars. */
export type IngestMapping = {
  __typename?: 'IngestMapping';
  description: Scalars['String']['output'];
  fixedSymbol: Maybe<Scalars['String']['output']>;
  interval: BarInterval;
  name: Scalars['String']['output'];
  /** Whether symbols the instrument master lacks are registered (else UNKNOWN_INSTRUMENT applies). */
  registersInstruments: Scalars['Boolean']['output'];
  /** The symbol column, or null when every row has `fixedSymbol`. */
  symbolColumn: Maybe<Scalars['String']['output']>;
  timeColumn: Scalars['String']['output'];
  /** date, local, iso, unix_s or unix_ms. */
  timeFormat: Scalars['String']['output'];
  timeZone: Scalars['String']['output'];
};

/**
 * The report of one ingestion batch. rowsRead = accepted + quarantined + rejected + dropped;
 * accepted = inserted + corrections + unchanged + keptStored. A repeat of an earlier ingestion (same
 * content, mapping and rules; see `sameAs`) is recognised by its hash and not read again: its counts are 0.
 */
export type IngestReport = {
  __typename?: 'IngestReport';
  accepted: Scalars['Int']['output'];
  conflicts: IngestConflicts;
  /** sha256 of the file (or of the GraphQL rows). */
  contentSha256: Scalars['String']['output'];
  corrections: Scalars['Int']['output'];
  createdBy: Scalars['String']['output'];
  dropped: Scalars['Int']['output'];
  finishedAt: Maybe<Scalars['DateTime']['output']>;
  /** Rows a fix changed or dropped. */
  fixed: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  inserted: Scalars['Int']['output'];
  interval: BarInterval;
  /**
   * Findings in line order. Every rejected and quarantined row is listed; fixed and warned ones up to
   * 1,000 per batch (`issuesTruncated`). Page with `after` (the last issue's cursor).
   */
  issues: IngestIssueConnection;
  issuesTruncated: Scalars['Boolean']['output'];
  jumpThreshold: Scalars['Float']['output'];
  keptStored: Scalars['Int']['output'];
  mapping: Scalars['String']['output'];
  quarantined: Scalars['Int']['output'];
  /** Instruments this batch added to the master. */
  registeredInstruments: Array<Scalars['String']['output']>;
  rejected: Scalars['Int']['output'];
  rowsRead: Scalars['Int']['output'];
  rules: Array<IngestRuleCount>;
  /** When this ingestion repeated an earlier one exactly (same content, mapping and rules): that batch. */
  sameAs: Maybe<Scalars['ID']['output']>;
  /** The bars snapshot that published the batch (null when nothing was written). */
  snapshotId: Maybe<Scalars['Int']['output']>;
  source: Scalars['String']['output'];
  /** file, graphql or release. */
  sourceKind: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  status: IngestStatus;
  unchanged: Scalars['Int']['output'];
  /** Rows kept with a warning (e.g. a split-like jump). */
  warnings: Scalars['Int']['output'];
};


/**
 * The report of one ingestion batch. rowsRead = accepted + quarantined + rejected + dropped;
 * accepted = inserted + corrections + unchanged + keptStored. A repeat of an earlier ingestion (same
 * content, mapping and rules; see `sameAs`) is recognised by its hash and not read again: its counts are 0.
 */
export type IngestReportIssuesArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  outcomes?: InputMaybe<Array<IngestIssueOutcome>>;
};

/**
 * A data rule, one name wherever it is reported: every ingested bar passes it (see `ingestRules` for
 * defaults and fixes), and `dataQuality` counts the stored bars breaking it.
 */
export type IngestRule =
  | 'duplicate'
  | 'future_timestamp'
  | 'high_below_low'
  | 'missing_value'
  | 'negative_volume'
  | 'non_positive_price'
  | 'off_calendar'
  | 'open_close_outside_range'
  | 'out_of_order'
  | 'split_like_jump'
  | 'unknown_instrument';

/**
 * What a rule does with a row it flags. REJECT: drop and report it. QUARANTINE: hold it for review
 * (it can be released later). FIX: apply the rule's fix (see `IngestRuleInfo.fix`). WARN: keep the row
 * as it is and report the finding.
 */
export type IngestRuleAction =
  | 'fix'
  | 'quarantine'
  | 'reject'
  | 'warn';

/** The action a batch used for one rule, and how many rows the rule flagged. */
export type IngestRuleCount = {
  __typename?: 'IngestRuleCount';
  action: IngestRuleAction;
  rows: Scalars['Int']['output'];
  rule: IngestRule;
};

/** A rule, its default action, the actions it allows and what its fix does. */
export type IngestRuleInfo = {
  __typename?: 'IngestRuleInfo';
  allowedActions: Array<IngestRuleAction>;
  defaultAction: IngestRuleAction;
  /** What FIX does, or null when the rule has no fix. */
  fix: Maybe<Scalars['String']['output']>;
  rule: IngestRule;
};

/** One rule's action for a batch (rules not given keep their defaults). */
export type IngestRuleInput = {
  action: IngestRuleAction;
  rule: IngestRule;
};

/** COMMITTED: the batch's new bars and corrections are published. UNCHANGED: nothing differed from what is stored. */
export type IngestStatus =
  | 'committed'
  | 'committing'
  | 'unchanged';

export type IngestionFinding = {
  __typename?: 'IngestionFinding';
  action: IngestRuleAction;
  rows: Scalars['Int']['output'];
  rule: IngestRule;
};

/**
 * A tradable instrument from the instrument master. `id` is stable across re-ingestion; other
 * subgraphs refer to instruments by `symbol`.
 */
export type Instrument = {
  __typename?: 'Instrument';
  assetClass: AssetClass;
  /**
   * Bars in ascending time order, each the latest version known at `asOf` (default: now). With
   * `last`, the newest `last` bars within [from, to). `resample` aggregates to a coarser period;
   * `returns` adds each bar's return over the previous one. The same range convention as `Query.bars`
   * (and every range on the platform): `from` inclusive, `to` exclusive, on the bar's start `time`
   * (the session of 2016-03-01 is `from: "2016-03-01T00:00:00Z", to: "2016-03-02T00:00:00Z"`).
   */
  bars: Maybe<Array<Bar>>;
  /** Trading calendar code (XNYS, 24x7, 24x5). */
  calendar: Scalars['String']['output'];
  /** Splits and dividends known at `asOf` (default: now), by ex-date. */
  corporateActions: Maybe<Array<CorporateAction>>;
  currency: Scalars['String']['output'];
  exchange: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** The newest bar on record, or null when the instrument has none. */
  latestBar: Maybe<Bar>;
  name: Scalars['String']['output'];
  symbol: Scalars['String']['output'];
  /** IANA time zone of the listing exchange. */
  timezone: Scalars['String']['output'];
};


/**
 * A tradable instrument from the instrument master. `id` is stable across re-ingestion; other
 * subgraphs refer to instruments by `symbol`.
 */
export type InstrumentBarsArgs = {
  adjust?: InputMaybe<PriceAdjustment>;
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  interval?: InputMaybe<BarInterval>;
  last?: InputMaybe<Scalars['Int']['input']>;
  resample?: InputMaybe<ResamplePeriod>;
  returns?: InputMaybe<ReturnKind>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/**
 * A tradable instrument from the instrument master. `id` is stable across re-ingestion; other
 * subgraphs refer to instruments by `symbol`.
 */
export type InstrumentCorporateActionsArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
};

export type InstrumentConnection = {
  __typename?: 'InstrumentConnection';
  edges: Array<InstrumentEdge>;
  pageInfo: PageInfo;
  totalCount: Scalars['Int']['output'];
};

export type InstrumentEdge = {
  __typename?: 'InstrumentEdge';
  cursor: Scalars['String']['output'];
  node: Instrument;
};

export type InstrumentGap = {
  __typename?: 'InstrumentGap';
  expected: Scalars['Int']['output'];
  /** Calendar sessions (daily) or open hours (hourly) between the first and last bar with no bar. */
  missing: Scalars['Int']['output'];
  symbol: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Marks held quarantined rows as discarded (kept on record, never ingested). */
  discardQuarantinedBars: DiscardQuarantineResult;
  /** Validates and lands a small batch of bars as one atomic batch and returns its report. */
  ingestBars: IngestBarsResult;
  /**
   * Ingests held quarantined rows (by id, or all of one batch) as a new batch after review; the rules
   * that held them only warn now.
   */
  releaseQuarantinedBars: ReleaseQuarantineResult;
};


export type MutationDiscardQuarantinedBarsArgs = {
  ids: Array<Scalars['ID']['input']>;
};


export type MutationIngestBarsArgs = {
  input: IngestBarsInput;
};


export type MutationReleaseQuarantinedBarsArgs = {
  batchId?: InputMaybe<Scalars['ID']['input']>;
  ids?: InputMaybe<Array<Scalars['ID']['input']>>;
};

export type PageInfo = {
  __typename?: 'PageInfo';
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

/** A Parquet file of a result, fetched with the caller's own bearer token before it expires. */
export type ParquetDownload = {
  __typename?: 'ParquetDownload';
  bytes: Scalars['Int']['output'];
  expiresAt: Scalars['DateTime']['output'];
  rows: Scalars['Int']['output'];
  /** GET it with `Authorization: Bearer <your token>`. */
  url: Scalars['String']['output'];
};

export type PriceAdjustment =
  /** Prices as stored (the shipped sources are split-adjusted). */
  | 'none'
  /** Back-adjusted for the cash dividends known at `asOf` (multiplicative, as CRSP and Yahoo). */
  | 'total_return';

export type QuarantineStatus =
  | 'discarded'
  | 'held'
  | 'released';

/** A row held back by ingestion, with the values as read and why. */
export type QuarantinedBar = {
  __typename?: 'QuarantinedBar';
  batch: IngestReport;
  close: Maybe<Scalars['Float']['output']>;
  high: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  interval: BarInterval;
  line: Scalars['Int']['output'];
  low: Maybe<Scalars['Float']['output']>;
  open: Maybe<Scalars['Float']['output']>;
  reason: Scalars['String']['output'];
  /** The batch that ingested it, once released. */
  releaseBatch: Maybe<IngestReport>;
  resolvedAt: Maybe<Scalars['DateTime']['output']>;
  resolvedBy: Maybe<Scalars['String']['output']>;
  rules: Array<IngestRule>;
  status: QuarantineStatus;
  symbol: Scalars['String']['output'];
  time: Scalars['DateTime']['output'];
  volume: Maybe<Scalars['Float']['output']>;
};

export type Query = {
  __typename?: 'Query';
  /**
   * Bars of many instruments, ordered by symbol then time, cursor-paginated; the same selection
   * arguments as `Instrument.bars`. `from` is inclusive and `to` exclusive.
   */
  bars: Maybe<BarConnection>;
  /** The same selection as `bars`, whole, as a Parquet file (for results too large for JSON). */
  barsDownload: Maybe<ParquetDownload>;
  /**
   * Data quality of the stored bars of one interval: of `symbols` (matched case-insensitively;
   * unknown ones are refused by name) or every instrument, in the period [from, to), as the lake
   * knew it at `asOf` (default: now). Without arguments: the whole lake, now.
   */
  dataQuality: Maybe<DataQualityReport>;
  /** The declared column mappings files and batches can be ingested with. */
  ingestMappings: Array<IngestMapping>;
  ingestReport: Maybe<IngestReport>;
  /** Ingestion reports, newest first; page with `before` (the last report's startedAt). */
  ingestReports: Maybe<Array<IngestReport>>;
  /** The data rules of ingestion: defaults, allowed actions and fixes. */
  ingestRules: Array<IngestRuleInfo>;
  /** One instrument by id or by symbol (exactly one of the two). */
  instrument: Maybe<Instrument>;
  /** Instruments ordered by symbol; `search` matches symbol or name, case-insensitively. */
  instruments: InstrumentConnection;
  /** Quarantined rows in id order (default: those still held); page with `after` (the last row's id). */
  quarantinedBars: Maybe<Array<QuarantinedBar>>;
};


export type QueryBarsArgs = {
  adjust?: InputMaybe<PriceAdjustment>;
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  interval?: InputMaybe<BarInterval>;
  resample?: InputMaybe<ResamplePeriod>;
  returns?: InputMaybe<ReturnKind>;
  symbols: Array<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryBarsDownloadArgs = {
  adjust?: InputMaybe<PriceAdjustment>;
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  interval?: InputMaybe<BarInterval>;
  resample?: InputMaybe<ResamplePeriod>;
  returns?: InputMaybe<ReturnKind>;
  symbols: Array<Scalars['String']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryDataQualityArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  interval?: InputMaybe<BarInterval>;
  symbols?: InputMaybe<Array<Scalars['String']['input']>>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


export type QueryIngestReportArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIngestReportsArgs = {
  before?: InputMaybe<Scalars['DateTime']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  source?: InputMaybe<Scalars['String']['input']>;
};


export type QueryInstrumentArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  symbol?: InputMaybe<Scalars['String']['input']>;
};


export type QueryInstrumentsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  assetClass?: InputMaybe<AssetClass>;
  first?: InputMaybe<Scalars['Int']['input']>;
  search?: InputMaybe<Scalars['String']['input']>;
};


export type QueryQuarantinedBarsArgs = {
  after?: InputMaybe<Scalars['ID']['input']>;
  batchId?: InputMaybe<Scalars['ID']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<QuarantineStatus>;
  symbol?: InputMaybe<Scalars['String']['input']>;
};

export type ReleaseQuarantineResult = {
  __typename?: 'ReleaseQuarantineResult';
  error: Maybe<IngestFailure>;
  ok: Scalars['Boolean']['output'];
  /** Rows released (the rest still fail a rule that cannot be waived and stay held). */
  released: Scalars['Int']['output'];
  /** The batch that ingested the released rows. */
  report: Maybe<IngestReport>;
};

export type ResamplePeriod =
  /** Hourly bars to daily (UTC days). */
  | 'day'
  /** Daily bars to calendar months. */
  | 'month'
  /** Daily bars to weeks starting Monday. */
  | 'week';

export type ReturnKind =
  /** ln(close / previous close) */
  | 'log'
  /** close / previous close - 1 */
  | 'simple';

export type RuleViolationCount = {
  __typename?: 'RuleViolationCount';
  count: Scalars['Int']['output'];
  /** The same rule, by the same name, as ingestion's. */
  rule: IngestRule;
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
  Bar: Bar;
  Instrument: Instrument;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Bar:
    ( { __typename: 'Bar' }
    & GraphQLRecursivePick<FederationTypes['Bar'], {"symbol":true,"time":true}> );
  Instrument:
    ( { __typename: 'Instrument' }
    & ( GraphQLRecursivePick<FederationTypes['Instrument'], {"id":true}>
        | GraphQLRecursivePick<FederationTypes['Instrument'], {"symbol":true}> ) );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AssetClass: ResolverTypeWrapper<AssetClass>;
  Bar: ResolverTypeWrapper<BarRecordModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  BarConnection: ResolverTypeWrapper<Omit<BarConnection, 'edges'> & { edges: Array<ResolversTypes['BarEdge']> }>;
  BarEdge: ResolverTypeWrapper<Omit<BarEdge, 'node'> & { node: ResolversTypes['Bar'] }>;
  BarInterval: ResolverTypeWrapper<BarInterval>;
  ColumnNullRate: ResolverTypeWrapper<ColumnNullRate>;
  CorporateAction: ResolverTypeWrapper<CorporateActionRecordModel>;
  CorporateActionKind: ResolverTypeWrapper<CorporateActionKind>;
  DataQualityReport: ResolverTypeWrapper<DataQualityReportModel>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  DiscardQuarantineResult: ResolverTypeWrapper<DiscardQuarantineResult>;
  IngestBarRowInput: IngestBarRowInput;
  IngestBarsInput: IngestBarsInput;
  IngestBarsResult: ResolverTypeWrapper<Omit<IngestBarsResult, 'report'> & { report?: Maybe<ResolversTypes['IngestReport']> }>;
  IngestConflicts: ResolverTypeWrapper<IngestConflicts>;
  IngestFailure: ResolverTypeWrapper<IngestFailure>;
  IngestIssue: ResolverTypeWrapper<IngestIssueModelModel>;
  IngestIssueConnection: ResolverTypeWrapper<IngestIssueConnectionModelModel>;
  IngestIssueEdge: ResolverTypeWrapper<IngestIssueEdgeModelModel>;
  IngestIssueOutcome: ResolverTypeWrapper<IngestIssueOutcome>;
  IngestMapping: ResolverTypeWrapper<ColumnMappingModel>;
  IngestReport: ResolverTypeWrapper<BatchRecordModel>;
  IngestRule: ResolverTypeWrapper<IngestRule>;
  IngestRuleAction: ResolverTypeWrapper<IngestRuleAction>;
  IngestRuleCount: ResolverTypeWrapper<Omit<IngestRuleCount, 'action' | 'rule'> & { action: ResolversTypes['IngestRuleAction'], rule: ResolversTypes['IngestRule'] }>;
  IngestRuleInfo: ResolverTypeWrapper<Omit<IngestRuleInfo, 'allowedActions' | 'defaultAction' | 'rule'> & { allowedActions: Array<ResolversTypes['IngestRuleAction']>, defaultAction: ResolversTypes['IngestRuleAction'], rule: ResolversTypes['IngestRule'] }>;
  IngestRuleInput: IngestRuleInput;
  IngestStatus: ResolverTypeWrapper<IngestStatus>;
  IngestionFinding: ResolverTypeWrapper<Omit<IngestionFinding, 'action' | 'rule'> & { action: ResolversTypes['IngestRuleAction'], rule: ResolversTypes['IngestRule'] }>;
  Instrument: ResolverTypeWrapper<InstrumentRecordModel>;
  InstrumentConnection: ResolverTypeWrapper<Omit<InstrumentConnection, 'edges'> & { edges: Array<ResolversTypes['InstrumentEdge']> }>;
  InstrumentEdge: ResolverTypeWrapper<Omit<InstrumentEdge, 'node'> & { node: ResolversTypes['Instrument'] }>;
  InstrumentGap: ResolverTypeWrapper<InstrumentGap>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PageInfo: ResolverTypeWrapper<PageInfo>;
  ParquetDownload: ResolverTypeWrapper<ParquetDownload>;
  PriceAdjustment: ResolverTypeWrapper<PriceAdjustment>;
  QuarantineStatus: ResolverTypeWrapper<QuarantineStatus>;
  QuarantinedBar: ResolverTypeWrapper<QuarantineRecordModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReleaseQuarantineResult: ResolverTypeWrapper<Omit<ReleaseQuarantineResult, 'report'> & { report?: Maybe<ResolversTypes['IngestReport']> }>;
  ResamplePeriod: ResolverTypeWrapper<ResamplePeriod>;
  ReturnKind: ResolverTypeWrapper<ReturnKind>;
  RuleViolationCount: ResolverTypeWrapper<Omit<RuleViolationCount, 'rule'> & { rule: ResolversTypes['IngestRule'] }>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Bar: BarRecordModel;
  Float: Scalars['Float']['output'];
  Boolean: Scalars['Boolean']['output'];
  Int: Scalars['Int']['output'];
  String: Scalars['String']['output'];
  BarConnection: Omit<BarConnection, 'edges'> & { edges: Array<ResolversParentTypes['BarEdge']> };
  BarEdge: Omit<BarEdge, 'node'> & { node: ResolversParentTypes['Bar'] };
  ColumnNullRate: ColumnNullRate;
  CorporateAction: CorporateActionRecordModel;
  DataQualityReport: DataQualityReportModel;
  ID: Scalars['ID']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  DiscardQuarantineResult: DiscardQuarantineResult;
  IngestBarRowInput: IngestBarRowInput;
  IngestBarsInput: IngestBarsInput;
  IngestBarsResult: Omit<IngestBarsResult, 'report'> & { report?: Maybe<ResolversParentTypes['IngestReport']> };
  IngestFailure: IngestFailure;
  IngestIssue: IngestIssueModelModel;
  IngestIssueConnection: IngestIssueConnectionModelModel;
  IngestIssueEdge: IngestIssueEdgeModelModel;
  IngestMapping: ColumnMappingModel;
  IngestReport: BatchRecordModel;
  IngestRuleCount: IngestRuleCount;
  IngestRuleInfo: IngestRuleInfo;
  IngestRuleInput: IngestRuleInput;
  IngestionFinding: IngestionFinding;
  Instrument: InstrumentRecordModel;
  InstrumentConnection: Omit<InstrumentConnection, 'edges'> & { edges: Array<ResolversParentTypes['InstrumentEdge']> };
  InstrumentEdge: Omit<InstrumentEdge, 'node'> & { node: ResolversParentTypes['Instrument'] };
  InstrumentGap: InstrumentGap;
  Mutation: Record<PropertyKey, never>;
  PageInfo: PageInfo;
  ParquetDownload: ParquetDownload;
  QuarantinedBar: QuarantineRecordModel;
  Query: Record<PropertyKey, never>;
  ReleaseQuarantineResult: Omit<ReleaseQuarantineResult, 'report'> & { report?: Maybe<ResolversParentTypes['IngestReport']> };
  RuleViolationCount: RuleViolationCount;
}>;

export type AssetClassResolvers = { COMMODITY: 'commodity', CRYPTO: 'crypto', EQUITY: 'equity', ETF: 'etf', FX: 'fx', INDEX: 'index' };

export type BarResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Bar'] = ResolversParentTypes['Bar'], FederationReferenceType extends FederationReferenceTypes['Bar'] = FederationReferenceTypes['Bar']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Bar']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availableAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  close?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  high?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  instrument?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['BarInterval'], ParentType, ContextType>;
  low?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  open?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  return?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sessions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  volume?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type BarConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BarConnection'] = ResolversParentTypes['BarConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['BarEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type BarEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BarEdge'] = ResolversParentTypes['BarEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Bar'], ParentType, ContextType>;
}>;

export type BarIntervalResolvers = { DAY: '1d', HOUR: '1h' };

export type ColumnNullRateResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ColumnNullRate'] = ResolversParentTypes['ColumnNullRate']> = ResolversObject<{
  column?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
}>;

export type CorporateActionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['CorporateAction'] = ResolversParentTypes['CorporateAction']> = ResolversObject<{
  amount?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  availableAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  exDate?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['CorporateActionKind'], ParentType, ContextType>;
  ratio?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type CorporateActionKindResolvers = { DIVIDEND: 'dividend', SPLIT: 'split' };

export type DataQualityReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DataQualityReport'] = ResolversParentTypes['DataQualityReport']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataset?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  firstTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  from?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  gaps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ingestionFindings?: Resolver<Array<ResolversTypes['IngestionFinding']>, ParentType, ContextType>;
  instruments?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['BarInterval'], ParentType, ContextType>;
  lastTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  newestAvailableAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  nullRates?: Resolver<Array<ResolversTypes['ColumnNullRate']>, ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  snapshotId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  stalenessSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  symbols?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  to?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  versions?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  violations?: Resolver<Array<ResolversTypes['RuleViolationCount']>, ParentType, ContextType>;
  worstGaps?: Resolver<Array<ResolversTypes['InstrumentGap']>, ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type DiscardQuarantineResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DiscardQuarantineResult'] = ResolversParentTypes['DiscardQuarantineResult']> = ResolversObject<{
  discarded?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['IngestFailure']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type IngestBarsResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestBarsResult'] = ResolversParentTypes['IngestBarsResult']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['IngestFailure']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  report?: Resolver<Maybe<ResolversTypes['IngestReport']>, ParentType, ContextType>;
}>;

export type IngestConflictsResolvers = { CORRECT: 'correct', KEEP_STORED: 'keep_stored' };

export type IngestFailureResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestFailure'] = ResolversParentTypes['IngestFailure']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IngestIssueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestIssue'] = ResolversParentTypes['IngestIssue']> = ResolversObject<{
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['IngestIssueOutcome'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['IngestRule'], ParentType, ContextType>;
  symbol?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  time?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
}>;

export type IngestIssueConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestIssueConnection'] = ResolversParentTypes['IngestIssueConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['IngestIssueEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
}>;

export type IngestIssueEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestIssueEdge'] = ResolversParentTypes['IngestIssueEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['IngestIssue'], ParentType, ContextType>;
}>;

export type IngestIssueOutcomeResolvers = { DROPPED: 'dropped', FIXED: 'fixed', QUARANTINED: 'quarantined', REJECTED: 'rejected', WARNED: 'warned' };

export type IngestMappingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestMapping'] = ResolversParentTypes['IngestMapping']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  fixedSymbol?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['BarInterval'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  registersInstruments?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  symbolColumn?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  timeColumn?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeFormat?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timeZone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type IngestReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestReport'] = ResolversParentTypes['IngestReport']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  conflicts?: Resolver<ResolversTypes['IngestConflicts'], ParentType, ContextType>;
  contentSha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  corrections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  dropped?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  finishedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  fixed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  inserted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['BarInterval'], ParentType, ContextType>;
  issues?: Resolver<ResolversTypes['IngestIssueConnection'], ParentType, ContextType, RequireFields<IngestReportIssuesArgs, 'first'>>;
  issuesTruncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  jumpThreshold?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  keptStored?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  mapping?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  quarantined?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  registeredInstruments?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['IngestRuleCount']>, ParentType, ContextType>;
  sameAs?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  snapshotId?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sourceKind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['IngestStatus'], ParentType, ContextType>;
  unchanged?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  warnings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IngestRuleResolvers = { DUPLICATE: 'duplicate', FUTURE_TIMESTAMP: 'future_timestamp', HIGH_BELOW_LOW: 'high_below_low', MISSING_VALUE: 'missing_value', NEGATIVE_VOLUME: 'negative_volume', NON_POSITIVE_PRICE: 'non_positive_price', OFF_CALENDAR: 'off_calendar', OPEN_CLOSE_OUTSIDE_RANGE: 'open_close_outside_range', OUT_OF_ORDER: 'out_of_order', SPLIT_LIKE_JUMP: 'split_like_jump', UNKNOWN_INSTRUMENT: 'unknown_instrument' };

export type IngestRuleActionResolvers = { FIX: 'fix', QUARANTINE: 'quarantine', REJECT: 'reject', WARN: 'warn' };

export type IngestRuleCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestRuleCount'] = ResolversParentTypes['IngestRuleCount']> = ResolversObject<{
  action?: Resolver<ResolversTypes['IngestRuleAction'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['IngestRule'], ParentType, ContextType>;
}>;

export type IngestRuleInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestRuleInfo'] = ResolversParentTypes['IngestRuleInfo']> = ResolversObject<{
  allowedActions?: Resolver<Array<ResolversTypes['IngestRuleAction']>, ParentType, ContextType>;
  defaultAction?: Resolver<ResolversTypes['IngestRuleAction'], ParentType, ContextType>;
  fix?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['IngestRule'], ParentType, ContextType>;
}>;

export type IngestStatusResolvers = { COMMITTED: 'committed', COMMITTING: 'committing', UNCHANGED: 'unchanged' };

export type IngestionFindingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestionFinding'] = ResolversParentTypes['IngestionFinding']> = ResolversObject<{
  action?: Resolver<ResolversTypes['IngestRuleAction'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['IngestRule'], ParentType, ContextType>;
}>;

export type InstrumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument'], FederationReferenceType extends FederationReferenceTypes['Instrument'] = FederationReferenceTypes['Instrument']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Instrument']> | FederationReferenceType, FederationReferenceType, ContextType>;
  assetClass?: Resolver<ResolversTypes['AssetClass'], ParentType, ContextType>;
  bars?: Resolver<Maybe<Array<ResolversTypes['Bar']>>, ParentType, ContextType, RequireFields<InstrumentBarsArgs, 'adjust' | 'interval'>>;
  calendar?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  corporateActions?: Resolver<Maybe<Array<ResolversTypes['CorporateAction']>>, ParentType, ContextType, Partial<InstrumentCorporateActionsArgs>>;
  currency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  exchange?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latestBar?: Resolver<Maybe<ResolversTypes['Bar']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  timezone?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type InstrumentConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InstrumentConnection'] = ResolversParentTypes['InstrumentConnection']> = ResolversObject<{
  edges?: Resolver<Array<ResolversTypes['InstrumentEdge']>, ParentType, ContextType>;
  pageInfo?: Resolver<ResolversTypes['PageInfo'], ParentType, ContextType>;
  totalCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type InstrumentEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InstrumentEdge'] = ResolversParentTypes['InstrumentEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Instrument'], ParentType, ContextType>;
}>;

export type InstrumentGapResolvers<ContextType = Context, ParentType extends ResolversParentTypes['InstrumentGap'] = ResolversParentTypes['InstrumentGap']> = ResolversObject<{
  expected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  missing?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  discardQuarantinedBars?: Resolver<ResolversTypes['DiscardQuarantineResult'], ParentType, ContextType, RequireFields<MutationDiscardQuarantinedBarsArgs, 'ids'>>;
  ingestBars?: Resolver<ResolversTypes['IngestBarsResult'], ParentType, ContextType, RequireFields<MutationIngestBarsArgs, 'input'>>;
  releaseQuarantinedBars?: Resolver<ResolversTypes['ReleaseQuarantineResult'], ParentType, ContextType, Partial<MutationReleaseQuarantinedBarsArgs>>;
}>;

export type PageInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['PageInfo'] = ResolversParentTypes['PageInfo']> = ResolversObject<{
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ParquetDownloadResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ParquetDownload'] = ResolversParentTypes['ParquetDownload']> = ResolversObject<{
  bytes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  expiresAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  url?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type PriceAdjustmentResolvers = { NONE: 'none', TOTAL_RETURN: 'total_return' };

export type QuarantineStatusResolvers = { DISCARDED: 'discarded', HELD: 'held', RELEASED: 'released' };

export type QuarantinedBarResolvers<ContextType = Context, ParentType extends ResolversParentTypes['QuarantinedBar'] = ResolversParentTypes['QuarantinedBar']> = ResolversObject<{
  batch?: Resolver<ResolversTypes['IngestReport'], ParentType, ContextType>;
  close?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  high?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interval?: Resolver<ResolversTypes['BarInterval'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  low?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  open?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  releaseBatch?: Resolver<Maybe<ResolversTypes['IngestReport']>, ParentType, ContextType>;
  resolvedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  resolvedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['IngestRule']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['QuarantineStatus'], ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  volume?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  bars?: Resolver<Maybe<ResolversTypes['BarConnection']>, ParentType, ContextType, RequireFields<QueryBarsArgs, 'adjust' | 'first' | 'interval' | 'symbols'>>;
  barsDownload?: Resolver<Maybe<ResolversTypes['ParquetDownload']>, ParentType, ContextType, RequireFields<QueryBarsDownloadArgs, 'adjust' | 'interval' | 'symbols'>>;
  dataQuality?: Resolver<Maybe<ResolversTypes['DataQualityReport']>, ParentType, ContextType, RequireFields<QueryDataQualityArgs, 'interval'>>;
  ingestMappings?: Resolver<Array<ResolversTypes['IngestMapping']>, ParentType, ContextType>;
  ingestReport?: Resolver<Maybe<ResolversTypes['IngestReport']>, ParentType, ContextType, RequireFields<QueryIngestReportArgs, 'id'>>;
  ingestReports?: Resolver<Maybe<Array<ResolversTypes['IngestReport']>>, ParentType, ContextType, RequireFields<QueryIngestReportsArgs, 'first'>>;
  ingestRules?: Resolver<Array<ResolversTypes['IngestRuleInfo']>, ParentType, ContextType>;
  instrument?: Resolver<Maybe<ResolversTypes['Instrument']>, ParentType, ContextType, Partial<QueryInstrumentArgs>>;
  instruments?: Resolver<ResolversTypes['InstrumentConnection'], ParentType, ContextType, RequireFields<QueryInstrumentsArgs, 'first'>>;
  quarantinedBars?: Resolver<Maybe<Array<ResolversTypes['QuarantinedBar']>>, ParentType, ContextType, RequireFields<QueryQuarantinedBarsArgs, 'first' | 'status'>>;
}>;

export type ReleaseQuarantineResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ReleaseQuarantineResult'] = ResolversParentTypes['ReleaseQuarantineResult']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['IngestFailure']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  released?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  report?: Resolver<Maybe<ResolversTypes['IngestReport']>, ParentType, ContextType>;
}>;

export type ResamplePeriodResolvers = { DAY: 'day', MONTH: 'month', WEEK: 'week' };

export type ReturnKindResolvers = { LOG: 'log', SIMPLE: 'simple' };

export type RuleViolationCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RuleViolationCount'] = ResolversParentTypes['RuleViolationCount']> = ResolversObject<{
  count?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['IngestRule'], ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AssetClass?: AssetClassResolvers;
  Bar?: BarResolvers<ContextType>;
  BarConnection?: BarConnectionResolvers<ContextType>;
  BarEdge?: BarEdgeResolvers<ContextType>;
  BarInterval?: BarIntervalResolvers;
  ColumnNullRate?: ColumnNullRateResolvers<ContextType>;
  CorporateAction?: CorporateActionResolvers<ContextType>;
  CorporateActionKind?: CorporateActionKindResolvers;
  DataQualityReport?: DataQualityReportResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  DiscardQuarantineResult?: DiscardQuarantineResultResolvers<ContextType>;
  IngestBarsResult?: IngestBarsResultResolvers<ContextType>;
  IngestConflicts?: IngestConflictsResolvers;
  IngestFailure?: IngestFailureResolvers<ContextType>;
  IngestIssue?: IngestIssueResolvers<ContextType>;
  IngestIssueConnection?: IngestIssueConnectionResolvers<ContextType>;
  IngestIssueEdge?: IngestIssueEdgeResolvers<ContextType>;
  IngestIssueOutcome?: IngestIssueOutcomeResolvers;
  IngestMapping?: IngestMappingResolvers<ContextType>;
  IngestReport?: IngestReportResolvers<ContextType>;
  IngestRule?: IngestRuleResolvers;
  IngestRuleAction?: IngestRuleActionResolvers;
  IngestRuleCount?: IngestRuleCountResolvers<ContextType>;
  IngestRuleInfo?: IngestRuleInfoResolvers<ContextType>;
  IngestStatus?: IngestStatusResolvers;
  IngestionFinding?: IngestionFindingResolvers<ContextType>;
  Instrument?: InstrumentResolvers<ContextType>;
  InstrumentConnection?: InstrumentConnectionResolvers<ContextType>;
  InstrumentEdge?: InstrumentEdgeResolvers<ContextType>;
  InstrumentGap?: InstrumentGapResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PageInfo?: PageInfoResolvers<ContextType>;
  ParquetDownload?: ParquetDownloadResolvers<ContextType>;
  PriceAdjustment?: PriceAdjustmentResolvers;
  QuarantineStatus?: QuarantineStatusResolvers;
  QuarantinedBar?: QuarantinedBarResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReleaseQuarantineResult?: ReleaseQuarantineResultResolvers<ContextType>;
  ResamplePeriod?: ResamplePeriodResolvers;
  ReturnKind?: ReturnKindResolvers;
  RuleViolationCount?: RuleViolationCountResolvers<ContextType>;
}>;

