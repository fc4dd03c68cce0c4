import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { VendorRecord as VendorRecordModel } from '../modules/vendors/store.ts';
import type { DatasetRecord as DatasetRecordModel, InstrumentRef as InstrumentRefModel } from '../modules/datasets/store.ts';
import type { EntitlementRecord as EntitlementRecordModel, AuditEvent as AuditEventModel } from '@alphagraph/auth';
import type { DatasetField as DatasetFieldModel } from '../modules/datasets/spec.ts';
import type { IngestBatchRecord as IngestBatchRecordModel, IssueRecord as IssueRecordModel } from '../modules/ingest/ingest.ts';
import type { ObservationQualityReport as ObservationQualityReportModel } from '../modules/quality/report.ts';
import type { ObservationRecord as ObservationRecordModel } from '../modules/observations/store.ts';
import type { ObservationEdgeModel as ObservationEdgeModelModel, ObservationConnectionModel as ObservationConnectionModelModel } from '../modules/observations/resolvers.ts';
import type { DailySentimentRecord as DailySentimentRecordModel } from '../modules/tweets/daily.ts';
import type { TweetSentimentDayEdgeModel as TweetSentimentDayEdgeModelModel, TweetSentimentDayConnectionModel as TweetSentimentDayConnectionModelModel } from '../modules/tweets/resolvers.ts';
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
  /** Arbitrary JSON (audit details, observation values). */
  JSON: { input: unknown; output: unknown; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** The result of walking the audit chain from its first row to its recorded head. */
export type AuditChainReport = {
  __typename?: 'AuditChainReport';
  checked: Scalars['Int']['output'];
  /** The first row that does not verify (null when the chain is whole). */
  firstBrokenId: Maybe<Scalars['ID']['output']>;
  ok: Scalars['Boolean']['output'];
  reason: Maybe<Scalars['String']['output']>;
};

/** One entry of the append-only, hash-chained audit log. */
export type AuditEvent = {
  __typename?: 'AuditEvent';
  /** read:licensed-data, mutation:<name>, … */
  action: Scalars['String']['output'];
  actor: Scalars['String']['output'];
  at: Scalars['DateTime']['output'];
  details: Scalars['JSON']['output'];
  hash: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  prevHash: Scalars['String']['output'];
  requestId: Maybe<Scalars['String']['output']>;
  resource: Scalars['String']['output'];
  roles: Array<Scalars['String']['output']>;
};

export type AuditFilter = {
  action?: InputMaybe<Scalars['String']['input']>;
  actor?: InputMaybe<Scalars['String']['input']>;
  /** Inclusive lower bound on the event's time. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  resource?: InputMaybe<Scalars['String']['input']>;
  /** Exclusive upper bound on the event's time. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

/** An alternative dataset: its description, licence and declared publication latency. */
export type Dataset = {
  __typename?: 'Dataset';
  /** How `availableAt` is derived, e.g. `available_at = event time + 60 s`. */
  availability: Scalars['String']['output'];
  /** Expected time between an entity's observations in seconds; null: irregular. */
  cadenceSeconds: Maybe<Scalars['Int']['output']>;
  /** Instruments of the instrument master this dataset has observations for. */
  coverage: Array<Instrument>;
  createdAt: Scalars['DateTime']['output'];
  /**
   * Data quality of the current schema version as of `asOf` (default: now): rows, corrections, null
   * rates, rule violations, late arrivals against the declared latency, gaps against the declared
   * cadence, staleness, and a STALE alert when nothing new arrived within cadence + latency.
   */
  dataQuality: Maybe<ObservationQualityReport>;
  description: Scalars['String']['output'];
  /**
   * Every entity with observations: instrument symbols (including any the instrument master does not
   * list), or `MARKET` for a market-wide series.
   */
  entities: Array<Scalars['String']['output']>;
  entityKind: DatasetEntityKind;
  eventTime: EventTimeSemantics;
  /** The declared schema of the observation values (of the current version). */
  fields: Array<DatasetField>;
  id: Scalars['ID']['output'];
  /** Reports of pushed batches, newest first. */
  ingestReports: Maybe<Array<ObservationIngestReport>>;
  /** Declared publication latency in seconds: availableAt = the publication time (see `availability`) + this. */
  latencySeconds: Scalars['Int']['output'];
  licence: Scalars['String']['output'];
  /**
   * Whether reading values needs an entitlement (to `dataset:<name>` or `vendor:<name>`). Metadata
   * is visible to every viewer either way.
   */
  licensed: Scalars['Boolean']['output'];
  name: Scalars['String']['output'];
  /**
   * Observations ordered by (entity, eventTime, seq), each in its latest version known at `asOf`
   * (default, and at most: now): a correction published after `asOf` is not seen. `from` is inclusive and `to`
   * exclusive, on eventTime; `fields` limits the values read (default: all). Later pages (`after`)
   * read the same snapshot at the same `asOf` as the first. Licensed datasets need an entitlement,
   * and every read of them is written to the audit log. Null, with a FORBIDDEN error, when the caller
   * may not read the values: the dataset's metadata in the same answer still arrives.
   */
  observations: Maybe<ObservationConnection>;
  /** The data rules' actions for pushed observations (every rule, defaults included). */
  rules: Array<ObservationRuleSetting>;
  vendor: Vendor;
  /** The current schema version: pushed observations are written under it. */
  version: Scalars['Int']['output'];
  /** Every schema version, oldest first. */
  versions: Array<DatasetVersion>;
};


/** An alternative dataset: its description, licence and declared publication latency. */
export type DatasetDataQualityArgs = {
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
};


/** An alternative dataset: its description, licence and declared publication latency. */
export type DatasetIngestReportsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** An alternative dataset: its description, licence and declared publication latency. */
export type DatasetObservationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  entities?: InputMaybe<Array<Scalars['String']['input']>>;
  fields?: InputMaybe<Array<Scalars['String']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  version?: InputMaybe<Scalars['Int']['input']>;
};

export type DatasetEntityKind =
  /** Observations are keyed by instrument. */
  | 'instrument'
  /** A free key: a counterparty, an order id, an account. */
  | 'key'
  /** One market-wide series (a macro or index series). */
  | 'market';

/** One value field of a dataset's declared schema. */
export type DatasetField = {
  __typename?: 'DatasetField';
  description: Scalars['String']['output'];
  maximum: Maybe<Scalars['Float']['output']>;
  /** Allowed range, inclusive (numeric fields); a value outside breaks OUT_OF_RANGE. */
  minimum: Maybe<Scalars['Float']['output']>;
  name: Scalars['String']['output'];
  /** A required field may not be missing (MISSING_VALUE). */
  required: Scalars['Boolean']['output'];
  type: DatasetFieldType;
  unit: Maybe<Scalars['String']['output']>;
};

export type DatasetFieldInput = {
  description: Scalars['String']['input'];
  maximum?: InputMaybe<Scalars['Float']['input']>;
  minimum?: InputMaybe<Scalars['Float']['input']>;
  /** lower_snake_case; not entity, event_time, seq, available_at or batch_id. */
  name: Scalars['String']['input'];
  required?: InputMaybe<Scalars['Boolean']['input']>;
  type: DatasetFieldType;
  unit?: InputMaybe<Scalars['String']['input']>;
};

export type DatasetFieldType =
  | 'boolean'
  | 'float'
  | 'int'
  | 'string';

/** STALE: nothing new within cadence + latency. EMPTY: no observation is available. */
export type DatasetQualityAlert = {
  __typename?: 'DatasetQualityAlert';
  kind: Scalars['String']['output'];
  message: Scalars['String']['output'];
};

/** One schema version of a dataset: observations keep the version they were written under. */
export type DatasetVersion = {
  __typename?: 'DatasetVersion';
  createdAt: Maybe<Scalars['DateTime']['output']>;
  createdBy: Maybe<Scalars['String']['output']>;
  fields: Array<DatasetField>;
  version: Scalars['Int']['output'];
};

/**
 * A licence grant: the subject (`user:<id>` or `role:<role>`) may read the values of the resource
 * (`vendor:<name>` or `dataset:<name>`). Revoked grants stay on record.
 */
export type Entitlement = {
  __typename?: 'Entitlement';
  active: Scalars['Boolean']['output'];
  grantedAt: Scalars['DateTime']['output'];
  grantedBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  reason: Scalars['String']['output'];
  resource: Scalars['String']['output'];
  revokedAt: Maybe<Scalars['DateTime']['output']>;
  revokedBy: Maybe<Scalars['String']['output']>;
  subject: Scalars['String']['output'];
};

export type EntitlementResult = {
  __typename?: 'EntitlementResult';
  entitlement: Maybe<Entitlement>;
  error: Maybe<UserError>;
  ok: Scalars['Boolean']['output'];
};

export type EventTimeKind =
  /** The event time starts a period of `periodSeconds` (a day, a month), known only once it ends. */
  | 'period'
  /** The event time is an instant (a tweet, a fill). */
  | 'point';

/** What an observation's event time means. */
export type EventTimeSemantics = {
  __typename?: 'EventTimeSemantics';
  kind: EventTimeKind;
  /** The period's length (PERIOD only). */
  periodSeconds: Maybe<Scalars['Int']['output']>;
};

/** Nulls of one declared field among the latest versions known at the report's asOf. */
export type FieldQuality = {
  __typename?: 'FieldQuality';
  field: Scalars['String']['output'];
  nullRate: Scalars['Float']['output'];
  nulls: Scalars['Int']['output'];
};

export type GrantEntitlementInput = {
  /** Why (licence reference, ticket): kept in the audit log. */
  reason: Scalars['String']['input'];
  /** vendor:<name> or dataset:<name> */
  resource: Scalars['String']['input'];
  /** user:<id> or role:<role> */
  subject: Scalars['String']['input'];
};

export type IngestObservationsInput = {
  /** Rows without availableAt are backfills: available at their event's end + the declared latency. */
  backfill?: InputMaybe<Scalars['Boolean']['input']>;
  /** A retried batch with the same id is a no-op (default: the content's hash identifies it). */
  batchId?: InputMaybe<Scalars['String']['input']>;
  /** The dataset's name. */
  dataset: Scalars['String']['input'];
  /** At most 10,000 rows; larger files go through the CLI. */
  rows: Array<ObservationRowInput>;
  /** Where the rows come from (kept with the report). */
  source: Scalars['String']['input'];
};

export type IngestObservationsResult = {
  __typename?: 'IngestObservationsResult';
  error: Maybe<UserError>;
  ok: Scalars['Boolean']['output'];
  /** Whether this batch had been delivered before (nothing was written again). */
  repeated: Scalars['Boolean']['output'];
  report: Maybe<ObservationIngestReport>;
};

export type Instrument = {
  __typename?: 'Instrument';
  /** Alternative datasets that cover this instrument (null when alt-data is unavailable). */
  altDatasets: Maybe<Array<Dataset>>;
  symbol: Scalars['String']['output'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** Grants a licence entitlement (idempotent for an active grant). */
  grantEntitlement: EntitlementResult;
  /** Pushes one batch of observations: validated, atomic (one lake commit), idempotent by batch id or content. */
  ingestObservations: IngestObservationsResult;
  /** Registers a dataset or updates its declared metadata; a changed schema is a new version. */
  registerDataset: RegisterDatasetResult;
  /** Revokes the active grant of `resource` to `subject`. */
  revokeEntitlement: EntitlementResult;
};


export type MutationGrantEntitlementArgs = {
  input: GrantEntitlementInput;
};


export type MutationIngestObservationsArgs = {
  input: IngestObservationsInput;
};


export type MutationRegisterDatasetArgs = {
  input: RegisterDatasetInput;
};


export type MutationRevokeEntitlementArgs = {
  resource: Scalars['String']['input'];
  subject: Scalars['String']['input'];
};

/**
 * One observation in the version known at the read's as-of time. `entity` is an instrument symbol, or
 * `MARKET` for a market-wide series; `seq` tells apart observations of one entity at the same instant.
 */
export type Observation = {
  __typename?: 'Observation';
  /** When the platform could first have known this version: publication + the declared latency. */
  availableAt: Scalars['DateTime']['output'];
  entity: Scalars['String']['output'];
  eventTime: Scalars['DateTime']['output'];
  seq: Scalars['Int']['output'];
  /** The values by field name, typed as the dataset's fields declare (a missing value is null). */
  values: Scalars['JSON']['output'];
};

export type ObservationConnection = {
  __typename?: 'ObservationConnection';
  /** The as-of time the listing reads at (pinned in its cursors). */
  asOf: Scalars['DateTime']['output'];
  edges: Array<ObservationEdge>;
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type ObservationEdge = {
  __typename?: 'ObservationEdge';
  cursor: Scalars['String']['output'];
  node: Observation;
};

/** The report of one pushed batch: rowsRead = accepted + quarantined + rejected. */
export type ObservationIngestReport = {
  __typename?: 'ObservationIngestReport';
  accepted: Scalars['Int']['output'];
  contentSha256: Scalars['String']['output'];
  createdBy: Scalars['String']['output'];
  datasetVersion: Scalars['Int']['output'];
  finishedAt: Scalars['DateTime']['output'];
  fixed: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  /** Findings in line order (at most 1,000: issuesTruncated). */
  issues: Array<ObservationIssue>;
  issuesTruncated: Scalars['Boolean']['output'];
  quarantined: Scalars['Int']['output'];
  rejected: Scalars['Int']['output'];
  rowsRead: Scalars['Int']['output'];
  rules: Array<ObservationRuleCount>;
  /** The lake snapshot that published the batch (null when no row was accepted). */
  snapshotId: Maybe<Scalars['Int']['output']>;
  source: Scalars['String']['output'];
  startedAt: Scalars['DateTime']['output'];
  warnings: Scalars['Int']['output'];
};

/** One finding of one rule in one row of a batch. */
export type ObservationIssue = {
  __typename?: 'ObservationIssue';
  entity: Maybe<Scalars['String']['output']>;
  eventTime: Maybe<Scalars['DateTime']['output']>;
  /** The field the finding is about (null: the whole row). */
  field: Maybe<Scalars['String']['output']>;
  /** Row number in the batch (from 1), or the line of a CSV file (header = 1). */
  line: Scalars['Int']['output'];
  message: Scalars['String']['output'];
  /** rejected, quarantined, fixed or warned. */
  outcome: Scalars['String']['output'];
  rule: ObservationRule;
};

/** Data quality of one dataset (see `Dataset.dataQuality`). */
export type ObservationQualityReport = {
  __typename?: 'ObservationQualityReport';
  alerts: Array<DatasetQualityAlert>;
  asOf: Scalars['DateTime']['output'];
  /** Rows beyond each observation's first version. */
  corrections: Scalars['Int']['output'];
  entities: Scalars['Int']['output'];
  fields: Array<FieldQuality>;
  firstEventTime: Maybe<Scalars['DateTime']['output']>;
  /** Consecutive observations of one entity further apart than the declared cadence (0 without one). */
  gaps: Scalars['Int']['output'];
  largestGapSeconds: Maybe<Scalars['Float']['output']>;
  lastAvailableAt: Maybe<Scalars['DateTime']['output']>;
  lastEventTime: Maybe<Scalars['DateTime']['output']>;
  /** Rows whose availableAt minus the event's end exceeds the declared latency. */
  lateArrivals: Scalars['Int']['output'];
  maxLagSeconds: Maybe<Scalars['Float']['output']>;
  /** Distinct observations (entity, eventTime, seq). */
  observations: Scalars['Int']['output'];
  /** Stored rows available at asOf: every version of every observation. */
  rows: Scalars['Int']['output'];
  /** What ingestion's rules flagged, by rule and action, over batches finished by asOf. */
  ruleViolations: Array<ObservationRuleViolations>;
  stale: Scalars['Boolean']['output'];
  /** asOf minus the latest availableAt. */
  stalenessSeconds: Maybe<Scalars['Float']['output']>;
  version: Scalars['Int']['output'];
};

export type ObservationRowInput = {
  /**
   * When this version could first be known. Default: the receipt time, or for a backfill the end of
   * the event + the declared latency. Never earlier than the event (AVAILABLE_BEFORE_EVENT). A
   * correction repeats (entity, eventTime, seq) with a later availableAt; nothing is overwritten.
   */
  availableAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** An instrument symbol, MARKET, or a free key, as the dataset's entity kind says. */
  entity: Scalars['String']['input'];
  eventTime: Scalars['DateTime']['input'];
  /** Tells apart observations of one entity at the same instant. */
  seq?: InputMaybe<Scalars['Int']['input']>;
  /** The values by field name. */
  values: Scalars['JSON']['input'];
};

/** A data rule every pushed observation passes (see `observationRules` for defaults and fixes). */
export type ObservationRule =
  | 'available_before_event'
  | 'duplicate'
  | 'future_event'
  | 'invalid_entity'
  | 'missing_value'
  | 'out_of_range'
  | 'wrong_type';

/** What a rule does with a row it flags (the actions of bar ingestion). */
export type ObservationRuleAction =
  | 'fix'
  | 'quarantine'
  | 'reject'
  | 'warn';

export type ObservationRuleCount = {
  __typename?: 'ObservationRuleCount';
  action: ObservationRuleAction;
  rows: Scalars['Int']['output'];
  rule: ObservationRule;
};

/** A rule, its default action, the actions it allows and what its fix does. */
export type ObservationRuleInfo = {
  __typename?: 'ObservationRuleInfo';
  allowedActions: Array<ObservationRuleAction>;
  defaultAction: ObservationRuleAction;
  fix: Maybe<Scalars['String']['output']>;
  rule: ObservationRule;
};

export type ObservationRuleInput = {
  action: ObservationRuleAction;
  rule: ObservationRule;
};

/** A rule's action, as a dataset declares it. */
export type ObservationRuleSetting = {
  __typename?: 'ObservationRuleSetting';
  action: ObservationRuleAction;
  rule: ObservationRule;
};

export type ObservationRuleViolations = {
  __typename?: 'ObservationRuleViolations';
  action: ObservationRuleAction;
  rows: Scalars['Int']['output'];
  rule: ObservationRule;
};

export type Query = {
  __typename?: 'Query';
  /** Verifies the audit chain and reports the first broken row. */
  auditChain: Maybe<AuditChainReport>;
  /** The audit log, newest first; page with `before` (an event id). */
  auditLog: Maybe<Array<AuditEvent>>;
  /** One dataset by id or by name (exactly one of the two). */
  dataset: Maybe<Dataset>;
  datasets: Array<Dataset>;
  /** Licence grants, newest first. */
  entitlements: Maybe<Array<Entitlement>>;
  /** The data rules of pushed observations: defaults, allowed actions and fixes. */
  observationRules: Array<ObservationRuleInfo>;
  /**
   * The daily per-ticker tweet series of stocknet_tweets (count, mean sentiment), computed from the
   * per-tweet observations known at `asOf` (default: now). Ordered by (entity, session); `from`
   * inclusive and `to` exclusive on eventTime. Needs the stocknet_tweets entitlement (null, with a
   * FORBIDDEN error, without one); every read is audited.
   */
  tweetSentimentDaily: Maybe<TweetSentimentDayConnection>;
  vendors: Array<Vendor>;
};


export type QueryAuditLogArgs = {
  before?: InputMaybe<Scalars['ID']['input']>;
  filter?: InputMaybe<AuditFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryDatasetArgs = {
  id?: InputMaybe<Scalars['ID']['input']>;
  name?: InputMaybe<Scalars['String']['input']>;
};


export type QueryEntitlementsArgs = {
  includeRevoked?: InputMaybe<Scalars['Boolean']['input']>;
  resource?: InputMaybe<Scalars['String']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
};


export type QueryTweetSentimentDailyArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  asOf?: InputMaybe<Scalars['DateTime']['input']>;
  entities?: InputMaybe<Array<Scalars['String']['input']>>;
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};

export type RegisterDatasetInput = {
  /** Expected time between an entity's observations; null: irregular. */
  cadenceSeconds?: InputMaybe<Scalars['Int']['input']>;
  description: Scalars['String']['input'];
  entityKind: DatasetEntityKind;
  eventTime?: InputMaybe<EventTimeKind>;
  fields: Array<DatasetFieldInput>;
  /** Declared publication latency: a backfilled row is available at its event's end + this. */
  latencySeconds: Scalars['Int']['input'];
  /** The licence terms. */
  licence: Scalars['String']['input'];
  /** Whether reading values needs an entitlement (to dataset:<name> or vendor:<vendor>). */
  licensed: Scalars['Boolean']['input'];
  /** lower_snake_case, at most 56 characters, no double underscore. */
  name: Scalars['String']['input'];
  /** The period's length, for eventTime PERIOD. */
  periodSeconds?: InputMaybe<Scalars['Int']['input']>;
  /** Rule actions (rules not given keep their defaults). */
  rules?: InputMaybe<Array<ObservationRuleInput>>;
  /** The vendor's name (registered when new). */
  vendor: Scalars['String']['input'];
  vendorWebsite?: InputMaybe<Scalars['String']['input']>;
};

export type RegisterDatasetResult = {
  __typename?: 'RegisterDatasetResult';
  /** Whether the dataset is new. */
  created: Scalars['Boolean']['output'];
  dataset: Maybe<Dataset>;
  error: Maybe<UserError>;
  /** Whether the schema changed (a new version; older observations keep theirs). */
  newVersion: Scalars['Boolean']['output'];
  ok: Scalars['Boolean']['output'];
};

/**
 * One NYSE session's tweets about one ticker. Session D collects the tweets created from the previous
 * session's close up to D's close (16:00 New York, 13:00 on early-close days); tweets at or after the
 * close, on weekends and on holidays count towards the next session. Known at D's close plus the
 * dataset's latency (later if a late version was used).
 */
export type TweetSentimentDay = {
  __typename?: 'TweetSentimentDay';
  availableAt: Scalars['DateTime']['output'];
  entity: Scalars['String']['output'];
  /** The session date at 00:00 UTC (as a daily bar's time). */
  eventTime: Scalars['DateTime']['output'];
  /** Mean per-tweet sentiment (AFINN-165 comparative); null when no tweet has a score. */
  meanSentiment: Maybe<Scalars['Float']['output']>;
  session: Scalars['Date']['output'];
  sessionClose: Scalars['DateTime']['output'];
  tweetCount: Scalars['Int']['output'];
};

export type TweetSentimentDayConnection = {
  __typename?: 'TweetSentimentDayConnection';
  asOf: Scalars['DateTime']['output'];
  edges: Array<TweetSentimentDayEdge>;
  endCursor: Maybe<Scalars['String']['output']>;
  hasNextPage: Scalars['Boolean']['output'];
};

export type TweetSentimentDayEdge = {
  __typename?: 'TweetSentimentDayEdge';
  cursor: Scalars['String']['output'];
  node: TweetSentimentDay;
};

/** An expected failure of a mutation: what went wrong and, where it applies, which input field. */
export type UserError = {
  __typename?: 'UserError';
  code: Scalars['String']['output'];
  field: Maybe<Scalars['String']['output']>;
  message: Scalars['String']['output'];
};

/** A data vendor whose licence governs the datasets it supplies. */
export type Vendor = {
  __typename?: 'Vendor';
  datasets: Array<Dataset>;
  id: Scalars['ID']['output'];
  licence: Scalars['String']['output'];
  name: Scalars['String']['output'];
  website: Maybe<Scalars['String']['output']>;
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
  Dataset: Dataset;
  Instrument: Instrument;
  Vendor: Vendor;
}>;

/** Mapping of federation reference types */
export type FederationReferenceTypes = ResolversObject<{
  Dataset:
    ( { __typename: 'Dataset' }
    & GraphQLRecursivePick<FederationTypes['Dataset'], {"id":true}> );
  Instrument:
    ( { __typename: 'Instrument' }
    & GraphQLRecursivePick<FederationTypes['Instrument'], {"symbol":true}> );
  Vendor:
    ( { __typename: 'Vendor' }
    & GraphQLRecursivePick<FederationTypes['Vendor'], {"id":true}> );
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  AuditChainReport: ResolverTypeWrapper<AuditChainReport>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  AuditEvent: ResolverTypeWrapper<AuditEventModel>;
  AuditFilter: AuditFilter;
  Dataset: ResolverTypeWrapper<DatasetRecordModel>;
  DatasetEntityKind: ResolverTypeWrapper<DatasetEntityKind>;
  DatasetField: ResolverTypeWrapper<DatasetFieldModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  DatasetFieldInput: DatasetFieldInput;
  DatasetFieldType: ResolverTypeWrapper<DatasetFieldType>;
  DatasetQualityAlert: ResolverTypeWrapper<DatasetQualityAlert>;
  DatasetVersion: ResolverTypeWrapper<Omit<DatasetVersion, 'fields'> & { fields: Array<ResolversTypes['DatasetField']> }>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Entitlement: ResolverTypeWrapper<EntitlementRecordModel>;
  EntitlementResult: ResolverTypeWrapper<Omit<EntitlementResult, 'entitlement'> & { entitlement?: Maybe<ResolversTypes['Entitlement']> }>;
  EventTimeKind: ResolverTypeWrapper<EventTimeKind>;
  EventTimeSemantics: ResolverTypeWrapper<Omit<EventTimeSemantics, 'kind'> & { kind: ResolversTypes['EventTimeKind'] }>;
  FieldQuality: ResolverTypeWrapper<FieldQuality>;
  GrantEntitlementInput: GrantEntitlementInput;
  IngestObservationsInput: IngestObservationsInput;
  IngestObservationsResult: ResolverTypeWrapper<Omit<IngestObservationsResult, 'report'> & { report?: Maybe<ResolversTypes['ObservationIngestReport']> }>;
  Instrument: ResolverTypeWrapper<InstrumentRefModel>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Observation: ResolverTypeWrapper<ObservationRecordModel>;
  ObservationConnection: ResolverTypeWrapper<ObservationConnectionModelModel>;
  ObservationEdge: ResolverTypeWrapper<ObservationEdgeModelModel>;
  ObservationIngestReport: ResolverTypeWrapper<IngestBatchRecordModel>;
  ObservationIssue: ResolverTypeWrapper<IssueRecordModel>;
  ObservationQualityReport: ResolverTypeWrapper<ObservationQualityReportModel>;
  ObservationRowInput: ObservationRowInput;
  ObservationRule: ResolverTypeWrapper<ObservationRule>;
  ObservationRuleAction: ResolverTypeWrapper<ObservationRuleAction>;
  ObservationRuleCount: ResolverTypeWrapper<Omit<ObservationRuleCount, 'action' | 'rule'> & { action: ResolversTypes['ObservationRuleAction'], rule: ResolversTypes['ObservationRule'] }>;
  ObservationRuleInfo: ResolverTypeWrapper<Omit<ObservationRuleInfo, 'allowedActions' | 'defaultAction' | 'rule'> & { allowedActions: Array<ResolversTypes['ObservationRuleAction']>, defaultAction: ResolversTypes['ObservationRuleAction'], rule: ResolversTypes['ObservationRule'] }>;
  ObservationRuleInput: ObservationRuleInput;
  ObservationRuleSetting: ResolverTypeWrapper<Omit<ObservationRuleSetting, 'action' | 'rule'> & { action: ResolversTypes['ObservationRuleAction'], rule: ResolversTypes['ObservationRule'] }>;
  ObservationRuleViolations: ResolverTypeWrapper<Omit<ObservationRuleViolations, 'action' | 'rule'> & { action: ResolversTypes['ObservationRuleAction'], rule: ResolversTypes['ObservationRule'] }>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RegisterDatasetInput: RegisterDatasetInput;
  RegisterDatasetResult: ResolverTypeWrapper<Omit<RegisterDatasetResult, 'dataset'> & { dataset?: Maybe<ResolversTypes['Dataset']> }>;
  TweetSentimentDay: ResolverTypeWrapper<DailySentimentRecordModel>;
  TweetSentimentDayConnection: ResolverTypeWrapper<TweetSentimentDayConnectionModelModel>;
  TweetSentimentDayEdge: ResolverTypeWrapper<TweetSentimentDayEdgeModelModel>;
  UserError: ResolverTypeWrapper<UserError>;
  Vendor: ResolverTypeWrapper<VendorRecordModel>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  AuditChainReport: AuditChainReport;
  Int: Scalars['Int']['output'];
  ID: Scalars['ID']['output'];
  Boolean: Scalars['Boolean']['output'];
  String: Scalars['String']['output'];
  AuditEvent: AuditEventModel;
  AuditFilter: AuditFilter;
  Dataset: DatasetRecordModel;
  DatasetField: DatasetFieldModel;
  Float: Scalars['Float']['output'];
  DatasetFieldInput: DatasetFieldInput;
  DatasetQualityAlert: DatasetQualityAlert;
  DatasetVersion: Omit<DatasetVersion, 'fields'> & { fields: Array<ResolversParentTypes['DatasetField']> };
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Entitlement: EntitlementRecordModel;
  EntitlementResult: Omit<EntitlementResult, 'entitlement'> & { entitlement?: Maybe<ResolversParentTypes['Entitlement']> };
  EventTimeSemantics: EventTimeSemantics;
  FieldQuality: FieldQuality;
  GrantEntitlementInput: GrantEntitlementInput;
  IngestObservationsInput: IngestObservationsInput;
  IngestObservationsResult: Omit<IngestObservationsResult, 'report'> & { report?: Maybe<ResolversParentTypes['ObservationIngestReport']> };
  Instrument: InstrumentRefModel;
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Observation: ObservationRecordModel;
  ObservationConnection: ObservationConnectionModelModel;
  ObservationEdge: ObservationEdgeModelModel;
  ObservationIngestReport: IngestBatchRecordModel;
  ObservationIssue: IssueRecordModel;
  ObservationQualityReport: ObservationQualityReportModel;
  ObservationRowInput: ObservationRowInput;
  ObservationRuleCount: ObservationRuleCount;
  ObservationRuleInfo: ObservationRuleInfo;
  ObservationRuleInput: ObservationRuleInput;
  ObservationRuleSetting: ObservationRuleSetting;
  ObservationRuleViolations: ObservationRuleViolations;
  Query: Record<PropertyKey, never>;
  RegisterDatasetInput: RegisterDatasetInput;
  RegisterDatasetResult: Omit<RegisterDatasetResult, 'dataset'> & { dataset?: Maybe<ResolversParentTypes['Dataset']> };
  TweetSentimentDay: DailySentimentRecordModel;
  TweetSentimentDayConnection: TweetSentimentDayConnectionModelModel;
  TweetSentimentDayEdge: TweetSentimentDayEdgeModelModel;
  UserError: UserError;
  Vendor: VendorRecordModel;
}>;

export type AuditChainReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditChainReport'] = ResolversParentTypes['AuditChainReport']> = ResolversObject<{
  checked?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstBrokenId?: Resolver<Maybe<ResolversTypes['ID']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  reason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type AuditEventResolvers<ContextType = Context, ParentType extends ResolversParentTypes['AuditEvent'] = ResolversParentTypes['AuditEvent']> = ResolversObject<{
  action?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  actor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  details?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  prevHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  requestId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  roles?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DatasetResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Dataset'] = ResolversParentTypes['Dataset'], FederationReferenceType extends FederationReferenceTypes['Dataset'] = FederationReferenceTypes['Dataset']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Dataset']> | FederationReferenceType, FederationReferenceType, ContextType>;
  availability?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  cadenceSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  coverage?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  dataQuality?: Resolver<Maybe<ResolversTypes['ObservationQualityReport']>, ParentType, ContextType, Partial<DatasetDataQualityArgs>>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entities?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  entityKind?: Resolver<ResolversTypes['DatasetEntityKind'], ParentType, ContextType>;
  eventTime?: Resolver<ResolversTypes['EventTimeSemantics'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['DatasetField']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  ingestReports?: Resolver<Maybe<Array<ResolversTypes['ObservationIngestReport']>>, ParentType, ContextType, RequireFields<DatasetIngestReportsArgs, 'first'>>;
  latencySeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  licence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  licensed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  observations?: Resolver<Maybe<ResolversTypes['ObservationConnection']>, ParentType, ContextType, RequireFields<DatasetObservationsArgs, 'first'>>;
  rules?: Resolver<Array<ResolversTypes['ObservationRuleSetting']>, ParentType, ContextType>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  versions?: Resolver<Array<ResolversTypes['DatasetVersion']>, ParentType, ContextType>;
}>;

export type DatasetEntityKindResolvers = { INSTRUMENT: 'instrument', KEY: 'key', MARKET: 'market' };

export type DatasetFieldResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DatasetField'] = ResolversParentTypes['DatasetField']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  maximum?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  minimum?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  required?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['DatasetFieldType'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DatasetFieldTypeResolvers = { BOOLEAN: 'boolean', FLOAT: 'float', INT: 'int', STRING: 'string' };

export type DatasetQualityAlertResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DatasetQualityAlert'] = ResolversParentTypes['DatasetQualityAlert']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type DatasetVersionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DatasetVersion'] = ResolversParentTypes['DatasetVersion']> = ResolversObject<{
  createdAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  createdBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['DatasetField']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type EntitlementResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Entitlement'] = ResolversParentTypes['Entitlement']> = ResolversObject<{
  active?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  grantedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  grantedBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  resource?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  revokedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type EntitlementResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EntitlementResult'] = ResolversParentTypes['EntitlementResult']> = ResolversObject<{
  entitlement?: Resolver<Maybe<ResolversTypes['Entitlement']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type EventTimeKindResolvers = { PERIOD: 'period', POINT: 'point' };

export type EventTimeSemanticsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['EventTimeSemantics'] = ResolversParentTypes['EventTimeSemantics']> = ResolversObject<{
  kind?: Resolver<ResolversTypes['EventTimeKind'], ParentType, ContextType>;
  periodSeconds?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type FieldQualityResolvers<ContextType = Context, ParentType extends ResolversParentTypes['FieldQuality'] = ResolversParentTypes['FieldQuality']> = ResolversObject<{
  field?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  nullRate?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  nulls?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type IngestObservationsResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['IngestObservationsResult'] = ResolversParentTypes['IngestObservationsResult']> = ResolversObject<{
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  repeated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  report?: Resolver<Maybe<ResolversTypes['ObservationIngestReport']>, ParentType, ContextType>;
}>;

export type InstrumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument'], FederationReferenceType extends FederationReferenceTypes['Instrument'] = FederationReferenceTypes['Instrument']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Instrument']> | FederationReferenceType, FederationReferenceType, ContextType>;
  altDatasets?: Resolver<Maybe<Array<ResolversTypes['Dataset']>>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export interface JsonScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['JSON'], any> {
  name: 'JSON';
}

export type MutationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = ResolversObject<{
  grantEntitlement?: Resolver<ResolversTypes['EntitlementResult'], ParentType, ContextType, RequireFields<MutationGrantEntitlementArgs, 'input'>>;
  ingestObservations?: Resolver<ResolversTypes['IngestObservationsResult'], ParentType, ContextType, RequireFields<MutationIngestObservationsArgs, 'input'>>;
  registerDataset?: Resolver<ResolversTypes['RegisterDatasetResult'], ParentType, ContextType, RequireFields<MutationRegisterDatasetArgs, 'input'>>;
  revokeEntitlement?: Resolver<ResolversTypes['EntitlementResult'], ParentType, ContextType, RequireFields<MutationRevokeEntitlementArgs, 'resource' | 'subject'>>;
}>;

export type ObservationResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Observation'] = ResolversParentTypes['Observation']> = ResolversObject<{
  availableAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  seq?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  values?: Resolver<ResolversTypes['JSON'], ParentType, ContextType>;
}>;

export type ObservationConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ObservationConnection'] = ResolversParentTypes['ObservationConnection']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['ObservationEdge']>, ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type ObservationEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ObservationEdge'] = ResolversParentTypes['ObservationEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['Observation'], ParentType, ContextType>;
}>;

export type ObservationIngestReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ObservationIngestReport'] = ResolversParentTypes['ObservationIngestReport']> = ResolversObject<{
  accepted?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  contentSha256?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  datasetVersion?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  finishedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  fixed?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  issues?: Resolver<Array<ResolversTypes['ObservationIssue']>, ParentType, ContextType>;
  issuesTruncated?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  quarantined?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rejected?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rowsRead?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rules?: Resolver<Array<ResolversTypes['ObservationRuleCount']>, ParentType, ContextType>;
  snapshotId?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  source?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  startedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  warnings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ObservationIssueResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ObservationIssue'] = ResolversParentTypes['ObservationIssue']> = ResolversObject<{
  entity?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  eventTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  outcome?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['ObservationRule'], ParentType, ContextType>;
}>;

export type ObservationQualityReportResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ObservationQualityReport'] = ResolversParentTypes['ObservationQualityReport']> = ResolversObject<{
  alerts?: Resolver<Array<ResolversTypes['DatasetQualityAlert']>, ParentType, ContextType>;
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  corrections?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  entities?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['FieldQuality']>, ParentType, ContextType>;
  firstEventTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  gaps?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  largestGapSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  lastAvailableAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lastEventTime?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  lateArrivals?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  maxLagSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  observations?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  ruleViolations?: Resolver<Array<ResolversTypes['ObservationRuleViolations']>, ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  stalenessSeconds?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  version?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type ObservationRuleResolvers = { AVAILABLE_BEFORE_EVENT: 'available_before_event', DUPLICATE: 'duplicate', FUTURE_EVENT: 'future_event', INVALID_ENTITY: 'invalid_entity', MISSING_VALUE: 'missing_value', OUT_OF_RANGE: 'out_of_range', WRONG_TYPE: 'wrong_type' };

export type ObservationRuleActionResolvers = { FIX: 'fix', QUARANTINE: 'quarantine', REJECT: 'reject', WARN: 'warn' };

export type ObservationRuleCountResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ObservationRuleCount'] = ResolversParentTypes['ObservationRuleCount']> = ResolversObject<{
  action?: Resolver<ResolversTypes['ObservationRuleAction'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['ObservationRule'], ParentType, ContextType>;
}>;

export type ObservationRuleInfoResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ObservationRuleInfo'] = ResolversParentTypes['ObservationRuleInfo']> = ResolversObject<{
  allowedActions?: Resolver<Array<ResolversTypes['ObservationRuleAction']>, ParentType, ContextType>;
  defaultAction?: Resolver<ResolversTypes['ObservationRuleAction'], ParentType, ContextType>;
  fix?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['ObservationRule'], ParentType, ContextType>;
}>;

export type ObservationRuleSettingResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ObservationRuleSetting'] = ResolversParentTypes['ObservationRuleSetting']> = ResolversObject<{
  action?: Resolver<ResolversTypes['ObservationRuleAction'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['ObservationRule'], ParentType, ContextType>;
}>;

export type ObservationRuleViolationsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['ObservationRuleViolations'] = ResolversParentTypes['ObservationRuleViolations']> = ResolversObject<{
  action?: Resolver<ResolversTypes['ObservationRuleAction'], ParentType, ContextType>;
  rows?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  rule?: Resolver<ResolversTypes['ObservationRule'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditChain?: Resolver<Maybe<ResolversTypes['AuditChainReport']>, ParentType, ContextType>;
  auditLog?: Resolver<Maybe<Array<ResolversTypes['AuditEvent']>>, ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first'>>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, Partial<QueryDatasetArgs>>;
  datasets?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType>;
  entitlements?: Resolver<Maybe<Array<ResolversTypes['Entitlement']>>, ParentType, ContextType, RequireFields<QueryEntitlementsArgs, 'includeRevoked'>>;
  observationRules?: Resolver<Array<ResolversTypes['ObservationRuleInfo']>, ParentType, ContextType>;
  tweetSentimentDaily?: Resolver<Maybe<ResolversTypes['TweetSentimentDayConnection']>, ParentType, ContextType, RequireFields<QueryTweetSentimentDailyArgs, 'first'>>;
  vendors?: Resolver<Array<ResolversTypes['Vendor']>, ParentType, ContextType>;
}>;

export type RegisterDatasetResultResolvers<ContextType = Context, ParentType extends ResolversParentTypes['RegisterDatasetResult'] = ResolversParentTypes['RegisterDatasetResult']> = ResolversObject<{
  created?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType>;
  error?: Resolver<Maybe<ResolversTypes['UserError']>, ParentType, ContextType>;
  newVersion?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  ok?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type TweetSentimentDayResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TweetSentimentDay'] = ResolversParentTypes['TweetSentimentDay']> = ResolversObject<{
  availableAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  entity?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  eventTime?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  meanSentiment?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  session?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  sessionClose?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  tweetCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
}>;

export type TweetSentimentDayConnectionResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TweetSentimentDayConnection'] = ResolversParentTypes['TweetSentimentDayConnection']> = ResolversObject<{
  asOf?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  edges?: Resolver<Array<ResolversTypes['TweetSentimentDayEdge']>, ParentType, ContextType>;
  endCursor?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  hasNextPage?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
}>;

export type TweetSentimentDayEdgeResolvers<ContextType = Context, ParentType extends ResolversParentTypes['TweetSentimentDayEdge'] = ResolversParentTypes['TweetSentimentDayEdge']> = ResolversObject<{
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  node?: Resolver<ResolversTypes['TweetSentimentDay'], ParentType, ContextType>;
}>;

export type UserErrorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['UserError'] = ResolversParentTypes['UserError']> = ResolversObject<{
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  field?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  message?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type VendorResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Vendor'] = ResolversParentTypes['Vendor'], FederationReferenceType extends FederationReferenceTypes['Vendor'] = FederationReferenceTypes['Vendor']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Vendor']> | FederationReferenceType, FederationReferenceType, ContextType>;
  datasets?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  licence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  website?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  AuditChainReport?: AuditChainReportResolvers<ContextType>;
  AuditEvent?: AuditEventResolvers<ContextType>;
  Dataset?: DatasetResolvers<ContextType>;
  DatasetEntityKind?: DatasetEntityKindResolvers;
  DatasetField?: DatasetFieldResolvers<ContextType>;
  DatasetFieldType?: DatasetFieldTypeResolvers;
  DatasetQualityAlert?: DatasetQualityAlertResolvers<ContextType>;
  DatasetVersion?: DatasetVersionResolvers<ContextType>;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Entitlement?: EntitlementResolvers<ContextType>;
  EntitlementResult?: EntitlementResultResolvers<ContextType>;
  EventTimeKind?: EventTimeKindResolvers;
  EventTimeSemantics?: EventTimeSemanticsResolvers<ContextType>;
  FieldQuality?: FieldQualityResolvers<ContextType>;
  IngestObservationsResult?: IngestObservationsResultResolvers<ContextType>;
  Instrument?: InstrumentResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Observation?: ObservationResolvers<ContextType>;
  ObservationConnection?: ObservationConnectionResolvers<ContextType>;
  ObservationEdge?: ObservationEdgeResolvers<ContextType>;
  ObservationIngestReport?: ObservationIngestReportResolvers<ContextType>;
  ObservationIssue?: ObservationIssueResolvers<ContextType>;
  ObservationQualityReport?: ObservationQualityReportResolvers<ContextType>;
  ObservationRule?: ObservationRuleResolvers;
  ObservationRuleAction?: ObservationRuleActionResolvers;
  ObservationRuleCount?: ObservationRuleCountResolvers<ContextType>;
  ObservationRuleInfo?: ObservationRuleInfoResolvers<ContextType>;
  ObservationRuleSetting?: ObservationRuleSettingResolvers<ContextType>;
  ObservationRuleViolations?: ObservationRuleViolationsResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RegisterDatasetResult?: RegisterDatasetResultResolvers<ContextType>;
  TweetSentimentDay?: TweetSentimentDayResolvers<ContextType>;
  TweetSentimentDayConnection?: TweetSentimentDayConnectionResolvers<ContextType>;
  TweetSentimentDayEdge?: TweetSentimentDayEdgeResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Vendor?: VendorResolvers<ContextType>;
}>;

