import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { VendorRecord as VendorRecordModel } from '../modules/vendors/store.ts';
import type { DatasetRecord as DatasetRecordModel, InstrumentRef as InstrumentRefModel } from '../modules/datasets/store.ts';
import type { EntitlementRecord as EntitlementRecordModel, AuditEvent as AuditEventModel } from '@alphagraph/auth';
import type { DatasetField as DatasetFieldModel } from '../modules/datasets/spec.ts';
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
  /** Instruments of the instrument master this dataset has observations for. */
  coverage: Array<Instrument>;
  createdAt: Scalars['DateTime']['output'];
  description: Scalars['String']['output'];
  /**
   * Every entity with observations: instrument symbols (including any the instrument master does not
   * list), or `MARKET` for a market-wide series.
   */
  entities: Array<Scalars['String']['output']>;
  entityKind: DatasetEntityKind;
  /** The declared schema of the observation values. */
  fields: Array<DatasetField>;
  id: Scalars['ID']['output'];
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
  vendor: Vendor;
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
};

export type DatasetEntityKind =
  /** Observations are keyed by instrument. */
  | 'instrument'
  /** One market-wide series (a macro or index series). */
  | 'market';

/** One value field of a dataset's declared schema. */
export type DatasetField = {
  __typename?: 'DatasetField';
  description: Scalars['String']['output'];
  name: Scalars['String']['output'];
  type: DatasetFieldType;
  unit: Maybe<Scalars['String']['output']>;
};

export type DatasetFieldType =
  | 'boolean'
  | 'float'
  | 'int'
  | 'string';

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

export type GrantEntitlementInput = {
  /** Why (licence reference, ticket): kept in the audit log. */
  reason: Scalars['String']['input'];
  /** vendor:<name> or dataset:<name> */
  resource: Scalars['String']['input'];
  /** user:<id> or role:<role> */
  subject: Scalars['String']['input'];
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
  /** Revokes the active grant of `resource` to `subject`. */
  revokeEntitlement: EntitlementResult;
};


export type MutationGrantEntitlementArgs = {
  input: GrantEntitlementInput;
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
  DatasetFieldType: ResolverTypeWrapper<DatasetFieldType>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Entitlement: ResolverTypeWrapper<EntitlementRecordModel>;
  EntitlementResult: ResolverTypeWrapper<Omit<EntitlementResult, 'entitlement'> & { entitlement?: Maybe<ResolversTypes['Entitlement']> }>;
  GrantEntitlementInput: GrantEntitlementInput;
  Instrument: ResolverTypeWrapper<InstrumentRefModel>;
  JSON: ResolverTypeWrapper<Scalars['JSON']['output']>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Observation: ResolverTypeWrapper<ObservationRecordModel>;
  ObservationConnection: ResolverTypeWrapper<ObservationConnectionModelModel>;
  ObservationEdge: ResolverTypeWrapper<ObservationEdgeModelModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  TweetSentimentDay: ResolverTypeWrapper<DailySentimentRecordModel>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
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
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Entitlement: EntitlementRecordModel;
  EntitlementResult: Omit<EntitlementResult, 'entitlement'> & { entitlement?: Maybe<ResolversParentTypes['Entitlement']> };
  GrantEntitlementInput: GrantEntitlementInput;
  Instrument: InstrumentRefModel;
  JSON: Scalars['JSON']['output'];
  Mutation: Record<PropertyKey, never>;
  Observation: ObservationRecordModel;
  ObservationConnection: ObservationConnectionModelModel;
  ObservationEdge: ObservationEdgeModelModel;
  Query: Record<PropertyKey, never>;
  TweetSentimentDay: DailySentimentRecordModel;
  Float: Scalars['Float']['output'];
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
  coverage?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  entities?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  entityKind?: Resolver<ResolversTypes['DatasetEntityKind'], ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['DatasetField']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latencySeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  licence?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  licensed?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  observations?: Resolver<Maybe<ResolversTypes['ObservationConnection']>, ParentType, ContextType, RequireFields<DatasetObservationsArgs, 'first'>>;
  vendor?: Resolver<ResolversTypes['Vendor'], ParentType, ContextType>;
}>;

export type DatasetEntityKindResolvers = { INSTRUMENT: 'instrument', MARKET: 'market' };

export type DatasetFieldResolvers<ContextType = Context, ParentType extends ResolversParentTypes['DatasetField'] = ResolversParentTypes['DatasetField']> = ResolversObject<{
  description?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  type?: Resolver<ResolversTypes['DatasetFieldType'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
}>;

export type DatasetFieldTypeResolvers = { BOOLEAN: 'boolean', FLOAT: 'float', INT: 'int', STRING: 'string' };

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

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  auditChain?: Resolver<Maybe<ResolversTypes['AuditChainReport']>, ParentType, ContextType>;
  auditLog?: Resolver<Maybe<Array<ResolversTypes['AuditEvent']>>, ParentType, ContextType, RequireFields<QueryAuditLogArgs, 'first'>>;
  dataset?: Resolver<Maybe<ResolversTypes['Dataset']>, ParentType, ContextType, Partial<QueryDatasetArgs>>;
  datasets?: Resolver<Array<ResolversTypes['Dataset']>, ParentType, ContextType>;
  entitlements?: Resolver<Maybe<Array<ResolversTypes['Entitlement']>>, ParentType, ContextType, RequireFields<QueryEntitlementsArgs, 'includeRevoked'>>;
  tweetSentimentDaily?: Resolver<Maybe<ResolversTypes['TweetSentimentDayConnection']>, ParentType, ContextType, RequireFields<QueryTweetSentimentDailyArgs, 'first'>>;
  vendors?: Resolver<Array<ResolversTypes['Vendor']>, ParentType, ContextType>;
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
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Entitlement?: EntitlementResolvers<ContextType>;
  EntitlementResult?: EntitlementResultResolvers<ContextType>;
  Instrument?: InstrumentResolvers<ContextType>;
  JSON?: GraphQLScalarType;
  Mutation?: MutationResolvers<ContextType>;
  Observation?: ObservationResolvers<ContextType>;
  ObservationConnection?: ObservationConnectionResolvers<ContextType>;
  ObservationEdge?: ObservationEdgeResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  TweetSentimentDay?: TweetSentimentDayResolvers<ContextType>;
  TweetSentimentDayConnection?: TweetSentimentDayConnectionResolvers<ContextType>;
  TweetSentimentDayEdge?: TweetSentimentDayEdgeResolvers<ContextType>;
  UserError?: UserErrorResolvers<ContextType>;
  Vendor?: VendorResolvers<ContextType>;
}>;

