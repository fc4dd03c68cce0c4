import type { AuditLog, Identity } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import { createJobWorker, type WorkerLease } from '@alphagraph/jobs';
import type { Lake } from '@alphagraph/lake';
import {
  currentRequestId,
  DomainError,
  type DownloadLink,
  type Downloads,
  type RequestScope,
} from '@alphagraph/service';
import { BacktestServiceError } from './errors.ts';
import { pinInputs } from './market.ts';
import { checkModelSignal } from './model-signal.ts';
import {
  downloadQuery,
  type OutputKind,
  offsetOf,
  readEquity,
  readPositions,
  readTrades,
  registerOutputs,
} from './outputs.ts';
import { executeBacktest } from './run.ts';
import { parseRunSpec, type RunSpec, signalLabel } from './spec.ts';
import { type BacktestRecord, backtestLifecycle, createBacktestStore } from './store.ts';
import { walkForwardSource } from './walk-forward.ts';

export const AUDIT_RUN = 'mutation:runBacktest';
export const AUDIT_RERUN = 'mutation:rerunBacktest';
export const MAX_PAGE = 5_000;

export interface BacktestDeps {
  readonly db: Db;
  readonly lake: Lake;
  readonly audit: AuditLog;
  readonly downloads: Downloads;
  /** This process as a worker: runs are claimed in its name and heartbeat while they execute. */
  readonly lease: WorkerLease;
  readonly pollMs?: number;
}

export function identityOf(scope: RequestScope): Identity {
  if (!scope.identity) throw new DomainError('UNAUTHENTICATED', 'backtests need an authenticated caller');
  return scope.identity;
}

/** The record's columns of a validated spec. */
export function recordOf(spec: RunSpec) {
  return {
    name: spec.name,
    mode: spec.mode,
    signal: signalLabel(spec),
    periodStart: spec.periodStart,
    periodEnd: spec.periodEnd,
    modelName: spec.signal?.kind === 'model' ? spec.signal.model : null,
    modelVersion: spec.signal?.kind === 'model' ? spec.signal.version : null,
    spec: spec as unknown as Record<string, unknown>,
  };
}

/**
 * Backtests (issue 11): validated, pinned and queued by the mutation, run in the background by any
 * replica's worker (the jobs kit), read back paged or as Parquet. A spec refused by validation or
 * by the data stores nothing.
 */
export function createBacktests(deps: BacktestDeps) {
  const store = createBacktestStore(deps.db);
  const worker = createJobWorker({
    db: deps.db,
    lease: deps.lease,
    lifecycle: backtestLifecycle,
    claim: { to: 'running', set: () => ({ startedAt: new Date(), progress: 0 }) },
    work: (run, holder) => executeBacktest({ db: deps.db, lake: deps.lake, store, log: deps.lease.log }, run, holder),
    onSwept: (run) => deps.lease.log.warn({ backtest: run.id }, `backtest ${run.id} failed: ${run.error}`),
    ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
  });

  async function audit(scope: RequestScope, identity: Identity, action: string, b: BacktestRecord, details = {}) {
    await deps.audit.append({
      actor: identity.userId,
      roles: identity.roles,
      action,
      resource: `backtest:${b.id}`,
      details: { name: b.name, mode: b.mode, signal: b.signal, inputs: b.inputSnapshots, ...details },
      requestId: scope.requestId,
    });
  }

  /** Validates, pins and queues a spec (no audit): the mutation, the demo and sweeps build on it. */
  async function submit(
    input: unknown,
    createdBy: string,
    extra: { rerunOf?: string; sweepId?: string } = {},
    caller: Identity | null = null,
  ) {
    const spec = parseRunSpec(input);
    await checkModelSignal(deps.db, spec, caller);
    const pinned = await pinInputs(deps.lake, spec);
    if (spec.walkForward) {
      // The training set the version was trained on, pinned as it is now (a rebuild later is not read).
      const { trainingSet } = await walkForwardSource(deps.db, spec);
      pinned.inputSnapshots[trainingSet.lakeDataset] = trainingSet.snapshotId!;
      const snapshot = await deps.lake.snapshot(trainingSet.lakeDataset, trainingSet.snapshotId!);
      const [row] = await deps.lake.query(`SELECT count(DISTINCT t) AS n FROM ${deps.lake.scan(snapshot)}`);
      const instants = Number((row as { n: bigint | number }).n);
      if (instants <= spec.walkForward.trainWindow) {
        throw new BacktestServiceError(
          'NO_DATA',
          `walkForward: the training set has ${instants} instants, not more than trainWindow ${spec.walkForward.trainWindow}: no out-of-sample window`,
        );
      }
    }
    const created = await store.create(
      {
        ...recordOf(spec),
        inputSnapshots: pinned.inputSnapshots,
        asOf: pinned.asOf,
        createdBy,
        requestId: currentRequestId(),
        ...extra,
      },
      spec.universe,
    );
    worker.submit();
    return created;
  }

  async function byId(id: string): Promise<BacktestRecord> {
    const [b] = await store.byIds([id]);
    if (!b) throw new BacktestServiceError('NOT_FOUND', `no backtest ${id}`);
    return b;
  }

  function page(first: number | null | undefined, after: string | null | undefined) {
    const offset = offsetOf(after);
    if (offset === null) throw new DomainError('BAD_USER_INPUT', '`after` is not a cursor this field returned');
    return { first: Math.max(0, Math.min(first ?? 500, MAX_PAGE)), offset };
  }

  return {
    store,
    worker,
    lake: deps.lake,
    registerOutputs: () => registerOutputs(deps.lake),
    submit,

    /** runBacktest: validate, pin the snapshots, queue, audit. */
    async run(scope: RequestScope, input: unknown): Promise<BacktestRecord> {
      const identity = identityOf(scope);
      const created = await submit(input, identity.userId, {}, identity);
      await audit(scope, identity, AUDIT_RUN, created);
      return created;
    },

    /** rerunBacktest: the same spec over the same pinned snapshots and as-of, as a new run. */
    async rerun(scope: RequestScope, id: string): Promise<BacktestRecord> {
      const identity = identityOf(scope);
      const original = await byId(id);
      if (!original.spec || !original.inputSnapshots || !original.asOf) {
        throw new BacktestServiceError('INVALID_SPEC', `backtest ${id} predates pinned specs and cannot be rerun`);
      }
      const spec = parseRunSpec(toInput(original.spec as unknown as RunSpec));
      await checkModelSignal(deps.db, spec, identity);
      const created = await store.create(
        {
          ...recordOf(spec),
          inputSnapshots: original.inputSnapshots,
          asOf: original.asOf,
          createdBy: identity.userId,
          rerunOf: original.id,
        },
        spec.universe,
      );
      worker.submit();
      await audit(scope, identity, AUDIT_RERUN, created, { rerunOf: original.id });
      return created;
    },

    equity: (b: BacktestRecord, first?: number | null, after?: string | null) => {
      const p = page(first, after);
      return readEquity(deps.lake, b, p.first, p.offset);
    },
    positions: (b: BacktestRecord, first?: number | null, after?: string | null, date?: string | null) => {
      const p = page(first, after);
      return readPositions(deps.lake, b, p.first, p.offset, date ?? null);
    },
    trades: (b: BacktestRecord, first?: number | null, after?: string | null) => {
      const p = page(first, after);
      return readTrades(deps.lake, b, p.first, p.offset);
    },

    /** One output as a Parquet download for the caller. */
    async download(scope: RequestScope, b: BacktestRecord, kind: OutputKind): Promise<DownloadLink> {
      const q = await downloadQuery(deps.lake, b, kind);
      if (!q) throw new DomainError('FAILED_PRECONDITION', `backtest ${b.id} is ${b.status}: it has no ${kind} yet`);
      return deps.downloads.create(scope, { ...q, requires: [['analyst']], name: `${b.name}-${kind}` });
    },

    /** Resolves once no run is queued and this process runs none (tests, tools). */
    idle: worker.idle,
    waitFor: worker.waitFor,
  };
}
export type Backtests = ReturnType<typeof createBacktests>;

/** A stored spec back as input (the strategy as validated; parsing it again is the identity). */
export function toInput(spec: RunSpec): Record<string, unknown> {
  const signal =
    spec.signal === null
      ? null
      : spec.signal.kind === 'expression'
        ? { expression: spec.signal.expression }
        : { model: spec.signal.model, modelVersion: spec.signal.version, modelField: spec.signal.field };
  return {
    name: spec.name,
    mode: spec.mode,
    universe: [...spec.universe],
    periodStart: spec.periodStart,
    periodEnd: spec.periodEnd,
    signal,
    strategy: spec.strategy ?? undefined,
    compat: spec.compat,
    conventions: spec.conventions,
    walkForward: spec.walkForward ?? null,
  };
}
