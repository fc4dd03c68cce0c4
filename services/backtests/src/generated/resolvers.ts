import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { BacktestRecord as BacktestRecordModel, InstrumentRef as InstrumentRefModel, ModelRef as ModelRefModel } from '../modules/backtests/store.ts';
import type { Context } from '../context.ts';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** A calendar date, YYYY-MM-DD. */
  Date: { input: string; output: string; }
  /** An ISO-8601 UTC timestamp, e.g. 2017-09-01T20:00:00.000Z. */
  DateTime: { input: Date | string; output: Date | string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A backtest run of a strategy over a universe and period. */
export type Backtest = {
  __typename?: 'Backtest';
  createdAt: Scalars['DateTime']['output'];
  createdBy: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Instruments the backtest traded. */
  instruments: Array<Instrument>;
  metrics: Maybe<BacktestMetrics>;
  /** The model whose predictions were traded, when the signal is a model. */
  model: Maybe<Model>;
  name: Scalars['String']['output'];
  periodEnd: Scalars['Date']['output'];
  periodStart: Scalars['Date']['output'];
  /** The signal traded: a feature expression, or `model:<name>` for a model's predictions. */
  signal: Scalars['String']['output'];
  status: BacktestStatus;
};

/** Summary metrics of a finished run; null until the run has succeeded. */
export type BacktestMetrics = {
  __typename?: 'BacktestMetrics';
  annualizedReturn: Maybe<Scalars['Float']['output']>;
  annualizedVolatility: Maybe<Scalars['Float']['output']>;
  maxDrawdown: Maybe<Scalars['Float']['output']>;
  sharpe: Maybe<Scalars['Float']['output']>;
  totalReturn: Maybe<Scalars['Float']['output']>;
  tradeCount: Maybe<Scalars['Int']['output']>;
};

export type BacktestStatus =
  | 'failed'
  | 'queued'
  | 'running'
  | 'succeeded';

export type Instrument = {
  __typename?: 'Instrument';
  /** Backtests that traded this instrument, newest first (null when backtests is unavailable). */
  backtests: Maybe<Array<Backtest>>;
  symbol: Scalars['String']['output'];
};

export type Model = {
  __typename?: 'Model';
  /** Backtests that traded this model's predictions (null when backtests is unavailable). */
  backtests: Maybe<Array<Backtest>>;
  name: Scalars['String']['output'];
};

export type Query = {
  __typename?: 'Query';
  backtest: Maybe<Backtest>;
  backtests: Array<Backtest>;
};


export type QueryBacktestArgs = {
  id: Scalars['ID']['input'];
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
}>;



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = ResolversObject<{
  Backtest: ResolverTypeWrapper<BacktestRecordModel>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  BacktestMetrics: ResolverTypeWrapper<BacktestMetrics>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  BacktestStatus: ResolverTypeWrapper<BacktestStatus>;
  Date: ResolverTypeWrapper<Scalars['Date']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Instrument: ResolverTypeWrapper<InstrumentRefModel>;
  Model: ResolverTypeWrapper<ModelRefModel>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
}>;

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = ResolversObject<{
  Backtest: BacktestRecordModel;
  String: Scalars['String']['output'];
  ID: Scalars['ID']['output'];
  BacktestMetrics: BacktestMetrics;
  Float: Scalars['Float']['output'];
  Int: Scalars['Int']['output'];
  Date: Scalars['Date']['output'];
  DateTime: Scalars['DateTime']['output'];
  Instrument: InstrumentRefModel;
  Model: ModelRefModel;
  Query: Record<PropertyKey, never>;
  Boolean: Scalars['Boolean']['output'];
}>;

export type BacktestResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Backtest'] = ResolversParentTypes['Backtest'], FederationReferenceType extends FederationReferenceTypes['Backtest'] = FederationReferenceTypes['Backtest']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Backtest']> | FederationReferenceType, FederationReferenceType, ContextType>;
  createdAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  createdBy?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  instruments?: Resolver<Array<ResolversTypes['Instrument']>, ParentType, ContextType>;
  metrics?: Resolver<Maybe<ResolversTypes['BacktestMetrics']>, ParentType, ContextType>;
  model?: Resolver<Maybe<ResolversTypes['Model']>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  periodEnd?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  periodStart?: Resolver<ResolversTypes['Date'], ParentType, ContextType>;
  signal?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['BacktestStatus'], ParentType, ContextType>;
}>;

export type BacktestMetricsResolvers<ContextType = Context, ParentType extends ResolversParentTypes['BacktestMetrics'] = ResolversParentTypes['BacktestMetrics']> = ResolversObject<{
  annualizedReturn?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  annualizedVolatility?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  maxDrawdown?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  sharpe?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  totalReturn?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  tradeCount?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
}>;

export type BacktestStatusResolvers = { FAILED: 'failed', QUEUED: 'queued', RUNNING: 'running', SUCCEEDED: 'succeeded' };

export interface DateScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['Date'], any> {
  name: 'Date';
}

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type InstrumentResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Instrument'] = ResolversParentTypes['Instrument'], FederationReferenceType extends FederationReferenceTypes['Instrument'] = FederationReferenceTypes['Instrument']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Instrument']> | FederationReferenceType, FederationReferenceType, ContextType>;
  backtests?: Resolver<Maybe<Array<ResolversTypes['Backtest']>>, ParentType, ContextType>;
  symbol?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type ModelResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Model'] = ResolversParentTypes['Model'], FederationReferenceType extends FederationReferenceTypes['Model'] = FederationReferenceTypes['Model']> = ResolversObject<{
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Model']> | FederationReferenceType, FederationReferenceType, ContextType>;
  backtests?: Resolver<Maybe<Array<ResolversTypes['Backtest']>>, ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
}>;

export type QueryResolvers<ContextType = Context, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = ResolversObject<{
  backtest?: Resolver<Maybe<ResolversTypes['Backtest']>, ParentType, ContextType, RequireFields<QueryBacktestArgs, 'id'>>;
  backtests?: Resolver<Array<ResolversTypes['Backtest']>, ParentType, ContextType>;
}>;

export type Resolvers<ContextType = Context> = ResolversObject<{
  Backtest?: BacktestResolvers<ContextType>;
  BacktestMetrics?: BacktestMetricsResolvers<ContextType>;
  BacktestStatus?: BacktestStatusResolvers;
  Date?: GraphQLScalarType;
  DateTime?: GraphQLScalarType;
  Instrument?: InstrumentResolvers<ContextType>;
  Model?: ModelResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
}>;

