import type { Table } from 'apache-arrow';
import { AlphagraphError, errorFromGraphQL, type GraphQLErrorPayload } from './errors.ts';
import {
  AlertRaisedDocument,
  type AlertRaisedSubscription,
  type AlertRaisedSubscriptionVariables,
  ApproveVersionDocument,
  type ApproveVersionMutationVariables,
  BacktestDocument,
  type BacktestSpecInput,
  type BacktestSummaryFragment,
  BarsDocument,
  type BarsQuery,
  type BarsQueryVariables,
  CreateTrainingSetDocument,
  type CreateTrainingSetInput,
  DefineFeatureDocument,
  type DefineFeatureInput,
  type DefineFeatureMutation,
  KillSwitchDocument,
  MaterializationRunDocument,
  MaterializeFeaturesDocument,
  type MaterializeFeaturesInput,
  type MaterializeFeaturesMutation,
  ModelDocument,
  type ModelQuery,
  type ModelSummaryFragment,
  ModelVersionDocument,
  type ModelVersionSummaryFragment,
  OnlineFeaturesDocument,
  type OnlineFeaturesQuery,
  type OnlineFeaturesQueryVariables,
  PromoteVersionDocument,
  type PromoteVersionMutationVariables,
  RegisterModelDocument,
  type RegisterModelInput,
  RejectVersionDocument,
  ResumeDocument,
  RollbackDocument,
  RunBacktestDocument,
  RunSweepDocument,
  type RunSweepMutationVariables,
  SignalsDocument,
  type SignalsQuery,
  type SignalsQueryVariables,
  SubmitForValidationDocument,
  SweepDocument,
  type SweepSummaryFragment,
  TrainingSetDocument,
  TrainingSetDownloadDocument,
  type TrainingSetDownloadQuery,
  type TrainingSetSummaryFragment,
  type TrainingSplit,
  TrainModelVersionDocument,
  type TrainModelVersionInput,
} from './generated/graphql.ts';
import { arrowTableFromParquet } from './internal/arrow.ts';
import { readServerSentEvents } from './internal/sse.ts';
import { type CallOptions, createTransport, type Transport, type TransportOptions } from './internal/transport.ts';
import type { TypedDocumentNode } from './internal/typed-document.ts';

export type ClientOptions = TransportOptions;
export type { CallOptions };

export type OnlineFeatures = NonNullable<OnlineFeaturesQuery['onlineFeatures']>;
export type Signals = NonNullable<SignalsQuery['signals']>;
export type TrainingSetSummary = TrainingSetSummaryFragment;
export type TrainingSetDownloadLink = NonNullable<TrainingSetDownloadQuery['trainingSet']>['download'];
export type MaterializationRun = NonNullable<MaterializeFeaturesMutation['materializeFeatures']['run']>;
export type BacktestSummary = BacktestSummaryFragment;
export type SweepSummary = SweepSummaryFragment;
export type DefinedFeature = NonNullable<DefineFeatureMutation['defineFeature']['feature']>;

/** A backtest and the absolute URL of its report page at the gateway. */
export interface BacktestReport {
  backtest: BacktestSummary;
  reportUrl: string;
}
export type ModelSummary = ModelSummaryFragment;
export type ModelVersionSummary = ModelVersionSummaryFragment;
export type Bar = NonNullable<BarsQuery['bars']>['edges'][number]['node'];
export type Alert = AlertRaisedSubscription['alertRaised'];

export interface BarsPage {
  bars: Bar[];
  endCursor: string | null;
  hasNextPage: boolean;
}

export interface WaitOptions extends CallOptions {
  /** How often the build is polled (default 1 s). */
  pollIntervalMs?: number;
  /** How long to wait for the build in all (default 30 min). */
  waitTimeoutMs?: number;
  /** Called after each poll with the build's state. */
  onProgress?: (trainingSet: TrainingSetSummary) => void;
}

/** A READY training set and the ways to fetch its Parquet file. */
export interface BuiltTrainingSet {
  trainingSet: TrainingSetSummary;
  /** A fresh signed link to the file (of one split, or all rows). */
  link(split?: TrainingSplit, options?: CallOptions): Promise<TrainingSetDownloadLink>;
  /** The file's bytes as a stream (fetch's ReadableStream; no Node API). */
  stream(split?: TrainingSplit, options?: CallOptions): Promise<ReadableStream<Uint8Array>>;
  /** The file decoded into an Arrow table. */
  arrow(split?: TrainingSplit, options?: CallOptions): Promise<Table>;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(new AlphagraphError('ABORTED', 'aborted by its caller'));
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new AlphagraphError('ABORTED', 'aborted by its caller'));
      },
      { once: true },
    );
  });

/** A result union's refusal (`{ ok: false, error }`) as an AlphagraphError with the result's own code. */
function refused(
  result: { ok: boolean; error?: { code: string; message: string } | null | undefined },
  operationName: string,
): never {
  const error = result.error;
  throw new AlphagraphError(
    (error?.code ?? 'UNKNOWN') as AlphagraphError['code'],
    error?.message ?? `${operationName} was refused`,
    {
      operationName,
      errors: error ? [{ message: error.message, extensions: { code: error.code } }] : [],
    },
  );
}

function nonNull<T>(value: T | null | undefined, what: string, operationName: string): T {
  if (value === null || value === undefined)
    throw new AlphagraphError('NOT_FOUND', `${what} not found`, { operationName });
  return value;
}

/**
 * The Alphagraph client. Every method returns the operation's exact result type and throws an
 * AlphagraphError on failure. Queries are retried on transient failures; mutations never are.
 */
export class AlphagraphClient {
  readonly #transport: Transport;

  constructor(options: ClientOptions) {
    if (!options.url)
      throw new TypeError('AlphagraphClient needs the gateway URL (e.g. http://127.0.0.1:4000/graphql)');
    this.#transport = createTransport(options);
  }

  /** Runs any typed document (one of the SDK's or one of yours) and returns its data. */
  request<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    ...[variables, options]: TVariables extends Record<string, never>
      ? [variables?: TVariables, options?: CallOptions]
      : [variables: TVariables, options?: CallOptions]
  ): Promise<TResult> {
    return this.#transport.request(document, (variables ?? {}) as TVariables, options);
  }

  // ---- features -------------------------------------------------------------------------------

  /** The latest value of each feature for each entity (the online store). */
  async onlineFeatures(variables: OnlineFeaturesQueryVariables, options?: CallOptions): Promise<OnlineFeatures> {
    const data = await this.request(OnlineFeaturesDocument, variables, options);
    return nonNull(data.onlineFeatures, 'online features', 'OnlineFeatures');
  }

  /**
   * Computes feature values into the lake and refreshes the online store; with `wait`, polls the run
   * until it finishes (a FAILED run throws BUILD_FAILED).
   */
  async materialize(
    input: MaterializeFeaturesInput,
    options: CallOptions & { wait?: boolean; pollIntervalMs?: number } = {},
  ): Promise<MaterializationRun> {
    const { materializeFeatures: result } = await this.request(MaterializeFeaturesDocument, { input }, options);
    if (!result.ok || !result.run) refused(result, 'MaterializeFeatures');
    let run = result.run;
    while (options.wait && (run.status === 'QUEUED' || run.status === 'RUNNING')) {
      await sleep(options.pollIntervalMs ?? 1000, options.signal);
      const data = await this.request(MaterializationRunDocument, { id: run.id }, options);
      run = nonNull(data.materializationRun, `materialization run ${run.id}`, 'MaterializationRun');
    }
    if (run.status === 'FAILED') {
      throw new AlphagraphError(
        'BUILD_FAILED',
        `materialization run ${run.id} failed: ${run.error ?? 'no reason given'}`,
      );
    }
    return run;
  }

  /**
   * Registers a feature (a changed expression, entity or TTL is a new version); `created` says
   * whether this call made a new version. A refused definition throws its code (BAD_EXPRESSION with
   * line:column in the message, BAD_INPUT, NOT_FOUND).
   */
  async defineFeature(
    input: DefineFeatureInput,
    options?: CallOptions,
  ): Promise<{ feature: DefinedFeature; created: boolean }> {
    const { defineFeature: result } = await this.request(DefineFeatureDocument, { input }, options);
    if (!result.ok || !result.feature) {
      const error = result.error;
      const where = error?.line != null ? ` (line ${error.line}, column ${error.column ?? '?'})` : '';
      refused(
        error ? { ok: false, error: { ...error, message: `${error.message}${where}` } } : result,
        'DefineFeature',
      );
    }
    return { feature: result.feature, created: result.created };
  }

  // ---- training sets --------------------------------------------------------------------------

  /**
   * Builds a training set, waits until it is READY (a FAILED build throws BUILD_FAILED), and hands
   * back ways to fetch its Parquet file. `@alphagraph/sdk/node` writes it to a file.
   */
  async buildTrainingSet(input: CreateTrainingSetInput, options: WaitOptions = {}): Promise<BuiltTrainingSet> {
    const { createTrainingSet: result } = await this.request(CreateTrainingSetDocument, { input }, options);
    if (!result.ok || !result.trainingSet) refused(result, 'CreateTrainingSet');
    const trainingSet = await this.waitForTrainingSet(result.trainingSet.id, options);
    return this.#built(trainingSet);
  }

  /** Polls a training set until its build is READY (a FAILED build throws BUILD_FAILED). */
  async waitForTrainingSet(id: string, options: WaitOptions = {}): Promise<TrainingSetSummary> {
    const deadline = Date.now() + (options.waitTimeoutMs ?? 30 * 60_000);
    for (;;) {
      const data = await this.request(TrainingSetDocument, { id }, options);
      const set = nonNull(data.trainingSet, `training set ${id}`, 'TrainingSet');
      options.onProgress?.(set);
      if (set.status === 'READY') return set;
      if (set.status === 'FAILED') {
        throw new AlphagraphError('BUILD_FAILED', `training set ${set.name} failed: ${set.error ?? 'no reason given'}`);
      }
      if (Date.now() >= deadline) throw new AlphagraphError('TIMEOUT', `training set ${set.name} is still building`);
      await sleep(options.pollIntervalMs ?? 1000, options.signal);
    }
  }

  /** A READY training set by id, with the ways to fetch its file. */
  async trainingSet(id: string, options?: CallOptions): Promise<BuiltTrainingSet> {
    return this.#built(await this.waitForTrainingSet(id, { ...options, waitTimeoutMs: 0 }));
  }

  #built(trainingSet: TrainingSetSummary): BuiltTrainingSet {
    const link = async (split?: TrainingSplit, options?: CallOptions) => {
      const data = await this.request(
        TrainingSetDownloadDocument,
        { id: trainingSet.id, split: split ?? null },
        options,
      );
      return nonNull(data.trainingSet, `training set ${trainingSet.id}`, 'TrainingSetDownload').download;
    };
    const stream = async (split?: TrainingSplit, options?: CallOptions) => {
      const response = await this.#transport.download((await link(split, options)).url, options);
      if (!response.body) throw new AlphagraphError('BAD_RESPONSE', 'the download has no body');
      return response.body;
    };
    return {
      trainingSet,
      link,
      stream,
      arrow: async (split, options) => {
        const response = await this.#transport.download((await link(split, options)).url, options);
        return arrowTableFromParquet(await response.arrayBuffer());
      },
    };
  }

  // ---- market data ----------------------------------------------------------------------------

  /** Bars page by page, following the cursor until the last page. */
  async *bars(variables: BarsQueryVariables, options?: CallOptions): AsyncGenerator<BarsPage> {
    let after = variables.after ?? null;
    for (;;) {
      const data = await this.request(BarsDocument, { ...variables, after }, options);
      const connection = nonNull(data.bars, 'bars', 'Bars');
      yield {
        bars: connection.edges.map((e) => e.node),
        endCursor: connection.pageInfo.endCursor ?? null,
        hasNextPage: connection.pageInfo.hasNextPage,
      };
      if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return;
      after = connection.pageInfo.endCursor;
    }
  }

  // ---- models ---------------------------------------------------------------------------------

  /** A model's signals now (or as of a past instant). */
  async signals(variables: SignalsQueryVariables, options?: CallOptions): Promise<Signals> {
    const data = await this.request(SignalsDocument, variables, options);
    return nonNull(data.signals, `signals of model ${variables.model}`, 'Signals');
  }

  async model(name: string, options?: CallOptions): Promise<NonNullable<ModelQuery['model']>> {
    return nonNull((await this.request(ModelDocument, { name }, options)).model, `model ${name}`, 'Model');
  }

  async modelVersion(id: string, options?: CallOptions): Promise<ModelVersionSummary> {
    const data = await this.request(ModelVersionDocument, { id }, options);
    return nonNull(data.modelVersion, `model version ${id}`, 'ModelVersion');
  }

  async registerModel(input: RegisterModelInput, options?: CallOptions): Promise<ModelSummary> {
    return (await this.request(RegisterModelDocument, { input }, options)).registerModel;
  }

  /** Queues training of a version; with `wait`, polls until it is READY (FAILED throws BUILD_FAILED). */
  async trainModelVersion(
    input: TrainModelVersionInput,
    options: CallOptions & { wait?: boolean; pollIntervalMs?: number } = {},
  ): Promise<ModelVersionSummary> {
    let version = (await this.request(TrainModelVersionDocument, { input }, options)).trainModelVersion;
    while (options.wait && (version.status === 'QUEUED' || version.status === 'TRAINING')) {
      await sleep(options.pollIntervalMs ?? 1000, options.signal);
      version = await this.modelVersion(version.id, options);
    }
    if (version.status === 'FAILED') {
      throw new AlphagraphError(
        'BUILD_FAILED',
        `version ${version.number} failed: ${version.error ?? 'no reason given'}`,
      );
    }
    return version;
  }

  async submitForValidation(version: string, note: string, options?: CallOptions): Promise<ModelVersionSummary> {
    return (await this.request(SubmitForValidationDocument, { version, note }, options)).submitForValidation;
  }

  async approveVersion(
    variables: ApproveVersionMutationVariables,
    options?: CallOptions,
  ): Promise<ModelVersionSummary> {
    return (await this.request(ApproveVersionDocument, variables, options)).approveVersion;
  }

  async rejectVersion(version: string, findings: string, options?: CallOptions): Promise<ModelVersionSummary> {
    return (await this.request(RejectVersionDocument, { version, findings }, options)).rejectVersion;
  }

  async promoteVersion(
    variables: PromoteVersionMutationVariables,
    options?: CallOptions,
  ): Promise<ModelVersionSummary> {
    return (await this.request(PromoteVersionDocument, variables, options)).promoteVersion;
  }

  async rollback(model: string, reason: string, options?: CallOptions): Promise<ModelVersionSummary> {
    return (await this.request(RollbackDocument, { model, reason }, options)).rollback;
  }

  async killSwitch(model: string, reason: string, options?: CallOptions): Promise<ModelSummary> {
    return (await this.request(KillSwitchDocument, { model, reason }, options)).killSwitch;
  }

  async resume(model: string, reason: string, options?: CallOptions): Promise<ModelSummary> {
    return (await this.request(ResumeDocument, { model, reason }, options)).resume;
  }

  // ---- backtests ------------------------------------------------------------------------------

  /** Runs a backtest; with `wait`, polls until it finishes (FAILED throws BUILD_FAILED). */
  async runBacktest(
    spec: BacktestSpecInput,
    options: CallOptions & { wait?: boolean; pollIntervalMs?: number } = {},
  ): Promise<BacktestSummary> {
    const { runBacktest: result } = await this.request(RunBacktestDocument, { spec }, options);
    if (!result.ok || !result.backtest) refused(result, 'RunBacktest');
    let backtest = result.backtest;
    while (options.wait && (backtest.status === 'QUEUED' || backtest.status === 'RUNNING')) {
      await sleep(options.pollIntervalMs ?? 1000, options.signal);
      const data = await this.request(BacktestDocument, { id: backtest.id }, options);
      backtest = nonNull(data.backtest, `backtest ${backtest.id}`, 'Backtest');
    }
    if (backtest.status === 'FAILED') {
      throw new AlphagraphError(
        'BUILD_FAILED',
        `backtest ${backtest.name} failed: ${backtest.error ?? 'no reason given'}`,
      );
    }
    return backtest;
  }

  /** A backtest by id (any status). */
  async backtest(id: string, options?: CallOptions): Promise<BacktestSummary> {
    return nonNull((await this.request(BacktestDocument, { id }, options)).backtest, `backtest ${id}`, 'Backtest');
  }

  /** A backtest with the absolute URL of its report page (equity and drawdown curves, metrics, trades). */
  async backtestReport(id: string, options?: CallOptions): Promise<BacktestReport> {
    const backtest = await this.backtest(id, options);
    return { backtest, reportUrl: this.reportUrl(backtest.reportPath) };
  }

  /** A report path the platform gave (a backtest's or a sweep's `reportPath`) as an absolute URL. */
  reportUrl(path: string): string {
    return new URL(path, this.#transport.url).toString();
  }

  /**
   * Runs every configuration of a grid over a base spec, then its overfitting statistics (Deflated
   * Sharpe Ratio, PBO); with `wait`, polls until it finishes (FAILED throws BUILD_FAILED).
   */
  async runSweep(
    variables: RunSweepMutationVariables,
    options: CallOptions & { wait?: boolean; pollIntervalMs?: number; onProgress?: (sweep: SweepSummary) => void } = {},
  ): Promise<SweepSummary> {
    const { runSweep: result } = await this.request(RunSweepDocument, variables, options);
    if (!result.ok || !result.sweep) refused(result, 'RunSweep');
    let sweep = result.sweep;
    while (options.wait && (sweep.status === 'QUEUED' || sweep.status === 'RUNNING')) {
      options.onProgress?.(sweep);
      await sleep(options.pollIntervalMs ?? 1000, options.signal);
      sweep = await this.sweep(sweep.id, options);
    }
    if (sweep.status === 'FAILED') {
      throw new AlphagraphError('BUILD_FAILED', `sweep ${sweep.name} failed: ${sweep.error ?? 'no reason given'}`);
    }
    return sweep;
  }

  /** A sweep by id: its configurations, overfitting statistics and best backtest. */
  async sweep(id: string, options?: CallOptions): Promise<SweepSummary> {
    return nonNull((await this.request(SweepDocument, { id }, options)).sweep, `sweep ${id}`, 'Sweep');
  }

  // ---- subscriptions --------------------------------------------------------------------------

  /**
   * Alerts as they are raised (of one model, or all), over server-sent events. Leave the loop (or
   * abort the signal) to unsubscribe.
   */
  async *alerts(variables: AlertRaisedSubscriptionVariables = {}, options: CallOptions = {}): AsyncGenerator<Alert> {
    for await (const event of this.subscribe(AlertRaisedDocument, variables, options)) yield event.alertRaised;
  }

  /** Any subscription document over server-sent events; yields each event's data. */
  async *subscribe<TResult, TVariables>(
    document: TypedDocumentNode<TResult, TVariables>,
    variables: TVariables,
    options: CallOptions = {},
  ): AsyncGenerator<TResult> {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const response = await this.#transport.stream(document, variables, { signal: controller.signal });
      const type = response.headers.get('content-type') ?? '';
      if (!type.includes('text/event-stream') || !response.body) {
        // Refused before the stream started: a GraphQL error body.
        const text = await response.text();
        let errors: GraphQLErrorPayload[] | undefined;
        try {
          errors = (JSON.parse(text) as { errors?: GraphQLErrorPayload[] }).errors;
        } catch {}
        if (errors?.length) throw errorFromGraphQL(errors, { status: response.status });
        throw new AlphagraphError('BAD_RESPONSE', `expected an event stream, got HTTP ${response.status}`, {
          status: response.status,
        });
      }
      for await (const event of readServerSentEvents(response.body)) {
        if (event.event === 'complete') return;
        if (event.event !== 'next') continue;
        const payload = JSON.parse(event.data) as { data?: TResult | null; errors?: GraphQLErrorPayload[] };
        if (payload.errors?.length) throw errorFromGraphQL(payload.errors, {});
        if (payload.data) yield payload.data;
      }
    } finally {
      options.signal?.removeEventListener('abort', onAbort);
      controller.abort();
    }
  }
}

/** A client of the gateway at `options.url`. */
export function createAlphagraphClient(options: ClientOptions): AlphagraphClient {
  return new AlphagraphClient(options);
}
