import { createHash } from 'node:crypto';
import { AUDIT_DENIED, type AuditLog, type Entitlements, type Identity } from '@alphagraph/auth';
import { describeMissing, licenceCheck, type PublishedTrainingSet, readTrainingSets } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { createJobWorker, type WorkerLease } from '@alphagraph/jobs';
import { getObject, type Lake, putObject } from '@alphagraph/lake';
import {
  createOnnxScorer,
  inspectOnnx,
  MlError,
  OnnxModelError,
  parseArtifact,
  predict,
  resolveTrainingSpec,
} from '@alphagraph/ml';
import { changeOf, currentRequestId, DomainError, type RequestScope } from '@alphagraph/service';
import type { ModelRecord, ModelStore } from '../models/store.ts';
import { labelOf, readVersionRows, take, takeRows } from './data.ts';
import { baselineOutput, type Predictor, splitMetrics, targetOf } from './evaluate.ts';
import type { SplitMetrics } from './result.ts';
import { createVersionStore, trainingLifecycle, type VersionRecord } from './store.ts';
import { partition, runTrainingJob } from './train-job.ts';

export interface VersionDeps {
  readonly db: Db;
  readonly lake: Lake;
  readonly audit: AuditLog;
  readonly entitlements: Entitlements;
  readonly models: ModelStore;
  /** This process as a worker: training jobs are claimed in its name and heartbeat. */
  readonly lease: WorkerLease;
  /** How often a started worker looks for queued jobs (default 2 s). */
  readonly pollMs?: number;
}

export interface TrainInput {
  readonly model: string;
  readonly trainingSet: string;
  readonly algorithm: string;
  readonly hyperparameters: Record<string, unknown> | null;
  readonly seed: number;
  readonly crossValidation: { readonly folds: number; readonly embargoSessions: number };
}

export interface ExternalInput {
  readonly model: string;
  readonly trainingSet: string;
  readonly onnxBase64: string;
  readonly features: readonly string[];
  readonly framework: string;
  readonly notes: string | null;
}

export interface Scenario {
  readonly name: string;
  readonly from: Date | null;
  readonly to: Date | null;
  readonly feature: string | null;
  readonly op: 'gte' | 'lte' | null;
  readonly threshold: number | null;
}

const MAX_ONNX_BYTES = 25 * 1024 * 1024;
const identityOf = (scope: RequestScope): Identity => changeOf(scope).actor;

/**
 * Model versions: trained in the background on a point-in-time training set (any replica's
 * worker claims the job), or uploaded as ONNX and evaluated the same way; then scored in batch.
 * Everything a request asks is checked before anything is stored.
 */
export function createVersions(deps: VersionDeps) {
  const store = createVersionStore(deps.db);

  async function modelNamed(name: string): Promise<ModelRecord & { problem: NonNullable<ModelRecord['problem']> }> {
    const [model] = await deps.models.byNames([name]);
    if (!model) throw new DomainError('NOT_FOUND', `no model is named ${name}`);
    if (!model.problem || !model.label) {
      throw new DomainError(
        'FAILED_PRECONDITION',
        `model ${name} has no problem statement; register a model with one (registerModel) to train versions`,
      );
    }
    return model as ModelRecord & { problem: NonNullable<ModelRecord['problem']> };
  }

  /** The training set, ready, and readable by the caller (licences along its features' lineage). */
  async function readableTrainingSet(scope: RequestScope, id: string, what: string): Promise<PublishedTrainingSet> {
    const identity = identityOf(scope);
    const [ts] = await readTrainingSets(deps.db, [id]);
    if (!ts) throw new DomainError('NOT_FOUND', `no training set has id ${id}`);
    if (ts.status !== 'ready' || ts.snapshotId === null) {
      throw new DomainError('FAILED_PRECONDITION', `training set ${id} is ${ts.status}, not ready`);
    }
    const { missing } = await licenceCheck({ ...deps, identity, datasets: ts.lineage });
    if (missing.length > 0) {
      await deps.audit.append({
        actor: identity.userId,
        roles: identity.roles,
        action: AUDIT_DENIED,
        resource: missing.map((m) => `dataset:${m.dataset}`).join(','),
        details: { what, trainingSet: id, datasets: missing.map((m) => m.dataset) },
        requestId: scope.requestId,
      });
      throw new DomainError('FORBIDDEN', describeMissing(missing, identity, `training set ${id}'s features`));
    }
    return ts;
  }

  const audit = (scope: RequestScope, action: string, resource: string, details: Record<string, unknown>) => {
    const identity = identityOf(scope);
    return deps.audit.append({
      actor: identity.userId,
      roles: identity.roles,
      action,
      resource,
      details,
      requestId: scope.requestId,
    });
  };

  async function execute(job: VersionRecord, worker: string) {
    try {
      const [model] = await deps.models.byIds([job.modelId]);
      if (!model?.problem) throw new DomainError('NOT_FOUND', `model ${job.modelId} of version ${job.id} is gone`);
      const result = await runTrainingJob({
        db: deps.db,
        lake: deps.lake,
        version: job,
        model: { name: model.name, task: model.task, problem: model.problem },
        onProgress: (progress) => {
          store.progress(job.id, worker, progress).catch(() => {});
        },
      });
      return await trainingLifecycle.transition(deps.db, {
        id: job.id,
        to: 'ready',
        heldBy: worker,
        set: {
          result: result as unknown as Record<string, unknown>,
          artifactPath: result.artifact.path,
          artifactSha256: result.artifact.sha256,
          progress: 1,
          finishedAt: new Date(),
        },
      });
    } catch (error) {
      const reason =
        error instanceof DomainError || error instanceof MlError || error instanceof OnnxModelError
          ? error.message
          : 'the server log has the details';
      if (!(error instanceof DomainError))
        deps.lease.log.error({ err: error, version: job.id }, `version ${job.id} failed`);
      return trainingLifecycle.tryTransition(deps.db, {
        id: job.id,
        to: 'failed',
        heldBy: worker,
        set: { error: reason, finishedAt: new Date() },
      });
    }
  }

  const worker = createJobWorker({
    db: deps.db,
    lease: deps.lease,
    lifecycle: trainingLifecycle,
    claim: { to: 'training', set: () => ({ startedAt: new Date(), progress: 0 }) },
    work: (job, worker) => execute(job as VersionRecord, worker),
    onSwept: (v) => deps.lease.log.warn({ version: v.id }, `version ${v.id} failed: ${v.error}`),
    ...(deps.pollMs === undefined ? {} : { pollMs: deps.pollMs }),
  });

  /** Loads what scores a ready version. */
  async function predictorOf(version: VersionRecord, task: 'classification' | 'regression') {
    if (version.status !== 'ready' || !version.artifactPath || !version.artifactSha256) {
      throw new DomainError('FAILED_PRECONDITION', `version ${version.id} is ${version.status}, not ready`);
    }
    const bytes = getObject(deps.lake.root, { path: version.artifactPath, sha256: version.artifactSha256 });
    if (version.source === 'platform') {
      const artifact = parseArtifact(bytes);
      return { predictor: { predict: async (X) => predict(artifact, X) } as Predictor, close: async () => {} };
    }
    const scorer = await createOnnxScorer(bytes, { features: version.features.map((f) => f.column), task });
    return { predictor: { predict: (X) => scorer.score(X) } as Predictor, close: async () => scorer.close() };
  }

  async function versionById(id: string): Promise<VersionRecord> {
    const [version] = await store.byIds([id]);
    if (!version) throw new DomainError('NOT_FOUND', `no model version has id ${id}`);
    return version;
  }

  return {
    db: deps.db,
    store,
    worker,
    predictorOf,

    /** Validates a training request in full, records the version (queued) and wakes a worker. */
    async train(scope: RequestScope, input: TrainInput): Promise<VersionRecord> {
      const identity = identityOf(scope);
      const model = await modelNamed(input.model);
      let spec: ReturnType<typeof resolveTrainingSpec>;
      try {
        spec = resolveTrainingSpec({
          task: model.task,
          algorithm: input.algorithm,
          hyperparameters: input.hyperparameters ?? {},
        });
      } catch (error) {
        if (error instanceof MlError) throw new DomainError('BAD_USER_INPUT', error.message, { cause: error });
        throw error;
      }
      if (!Number.isSafeInteger(input.seed) || input.seed < 0) {
        throw new DomainError('BAD_USER_INPUT', `seed must be a non-negative integer (got ${input.seed})`);
      }
      const { folds, embargoSessions } = input.crossValidation;
      if (!Number.isInteger(folds) || folds === 1 || folds < 0 || folds > 20) {
        throw new DomainError('BAD_USER_INPUT', `crossValidation.folds must be 0 (none) or 2..20 (got ${folds})`);
      }
      if (!Number.isInteger(embargoSessions) || embargoSessions < 0 || embargoSessions > 250) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `crossValidation.embargoSessions must be 0..250 (got ${embargoSessions})`,
        );
      }
      const ts = await readableTrainingSet(scope, input.trainingSet, 'trainModelVersion');
      labelOf(ts, model.label!);
      const features = ts.columns
        .filter((c) => c.kind === 'feature')
        .map((c) => ({ ref: c.source ?? c.name, column: c.name }));
      if (features.length === 0)
        throw new DomainError('BAD_USER_INPUT', `training set ${ts.id} has no feature columns`);
      const maxFeatures = model.problem.constraints.maxFeatures;
      if (maxFeatures !== null && features.length > maxFeatures) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `training set ${ts.id} has ${features.length} features; model ${model.name}'s constraints allow at most ${maxFeatures}`,
        );
      }
      const version = await store.create({
        modelId: model.id,
        source: 'platform',
        trainingSetId: ts.id,
        algorithm: spec.algorithm,
        tier: spec.tier,
        hyperparameters: spec.hyperparameters,
        seed: input.seed,
        crossValidation: { folds, embargoSessions },
        features,
        label: model.label!,
        createdBy: identity.userId,
        requestId: currentRequestId(),
      });
      await audit(scope, 'mutation:trainModelVersion', `model-version:${version.id}`, {
        model: model.name,
        number: version.number,
        trainingSet: ts.id,
        algorithm: spec.algorithm,
        hyperparameters: spec.hyperparameters,
        seed: input.seed,
      });
      worker.submit();
      return version;
    },

    /** Checks an ONNX upload against its declared features and the task, stores it, queues its evaluation. */
    async registerExternal(scope: RequestScope, input: ExternalInput): Promise<VersionRecord> {
      const identity = identityOf(scope);
      const model = await modelNamed(input.model);
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(input.onnxBase64.replace(/\s+/g, ''))) {
        throw new DomainError('BAD_USER_INPUT', 'onnxBase64 is not base64');
      }
      const bytes = new Uint8Array(Buffer.from(input.onnxBase64, 'base64'));
      if (bytes.length === 0 || bytes.length > MAX_ONNX_BYTES) {
        throw new DomainError(
          'BAD_USER_INPUT',
          `the ONNX file must be 1 byte to ${MAX_ONNX_BYTES} bytes (got ${bytes.length})`,
        );
      }
      if (!input.framework.trim())
        throw new DomainError('BAD_USER_INPUT', 'framework must say where the model came from');
      const ts = await readableTrainingSet(scope, input.trainingSet, 'registerExternalVersion');
      labelOf(ts, model.label!);
      const byRef = new Map(ts.columns.filter((c) => c.kind === 'feature').map((c) => [c.source ?? c.name, c.name]));
      const unknown = input.features.filter((f) => !byRef.has(f));
      if (input.features.length === 0 || unknown.length > 0) {
        throw new DomainError(
          'BAD_USER_INPUT',
          input.features.length === 0
            ? 'features must list the feature refs the model expects, in input order'
            : `training set ${ts.id} has no feature ${unknown.join(', ')} (it has ${[...byRef.keys()].slice(0, 10).join(', ')}${byRef.size > 10 ? ', …' : ''})`,
        );
      }
      const features = input.features.map((ref) => ({ ref, column: byRef.get(ref)! }));
      try {
        await inspectOnnx(bytes, { features: features.map((f) => f.column), task: model.task });
      } catch (error) {
        if (error instanceof OnnxModelError) {
          throw new DomainError('BAD_USER_INPUT', `the ONNX file was refused: ${error.message}`, { cause: error });
        }
        throw error;
      }
      const stored = putObject(deps.lake.root, `models/${model.name}/onnx/${sha(bytes)}.onnx`, bytes);
      const version = await store.create({
        modelId: model.id,
        source: 'external',
        trainingSetId: ts.id,
        algorithm: 'onnx',
        tier: 'VERY_HIGH',
        hyperparameters: { framework: input.framework, notes: input.notes },
        seed: 0,
        crossValidation: { folds: 0, embargoSessions: 0 },
        features,
        label: model.label!,
        createdBy: identity.userId,
        requestId: currentRequestId(),
        artifactPath: stored.path,
        artifactSha256: stored.sha256,
      });
      await audit(scope, 'mutation:registerExternalVersion', `model-version:${version.id}`, {
        model: model.name,
        number: version.number,
        trainingSet: ts.id,
        sha256: stored.sha256,
        framework: input.framework,
      });
      worker.submit();
      return version;
    },

    /** Metrics of a ready version on named regimes of its training set (every split), with the baseline's. */
    async scenarios(scope: RequestScope, versionId: string, scenarios: readonly Scenario[]) {
      const version = await versionById(versionId);
      const [model] = await deps.models.byIds([version.modelId]);
      if (!model) throw new DomainError('NOT_FOUND', `model of version ${versionId} is gone`);
      if (scenarios.length === 0 || scenarios.length > 50) {
        throw new DomainError('BAD_USER_INPUT', 'scenarios: give 1 to 50 scenarios');
      }
      const ts = await readableTrainingSet(scope, version.trainingSetId, 'scenarioMetrics');
      const columns = version.features.map((f) => f.column);
      const conditionColumns: string[] = [];
      for (const s of scenarios) {
        if (!s.from && !s.to && !s.feature) {
          throw new DomainError(
            'BAD_USER_INPUT',
            `scenario ${s.name}: give a period (from, to), a feature condition, or both`,
          );
        }
        if (s.feature) {
          if ((s.op === null) !== (s.threshold === null) || s.op === null) {
            throw new DomainError('BAD_USER_INPUT', `scenario ${s.name}: a feature condition needs op and threshold`);
          }
          const column = ts.columns.find(
            (c) => c.kind === 'feature' && (c.name === s.feature || c.source === s.feature),
          );
          if (!column) {
            throw new DomainError(
              'BAD_USER_INPUT',
              `scenario ${s.name}: training set ${ts.id} has no feature ${s.feature}; add the market feature (e.g. vix_close) to the training set`,
            );
          }
          if (!conditionColumns.includes(column.name)) conditionColumns.push(column.name);
        }
      }
      const label = labelOf(ts, version.label);
      const rows = await readVersionRows(deps.lake, ts, [...columns, ...conditionColumns], label);
      const y = targetOf(model.task, rows.label);
      const { index } = partition(rows);
      const usable = [...index.train, ...index.validation, ...index.test].sort((a, b) => a - b);
      const yTrain = take(y, index.train);
      const { predictor, close } = await predictorOf(version, model.task);
      try {
        const p = rows.X.cols;
        const out: { name: string; rows: number; metrics: SplitMetrics | null; baseline: SplitMetrics | null }[] = [];
        for (const s of scenarios) {
          const condition = s.feature
            ? columns.length +
              conditionColumns.indexOf(ts.columns.find((c) => c.name === s.feature || c.source === s.feature)!.name)
            : -1;
          const picked = usable.filter((i) => {
            const t = rows.t[i]!;
            if (s.from && t < s.from.getTime()) return false;
            if (s.to && t >= s.to.getTime()) return false; // `to` exclusive, as every range
            if (condition >= 0) {
              const v = rows.X.data[i * p + condition]!;
              if (!Number.isFinite(v)) return false;
              return s.op === 'gte' ? v >= s.threshold! : v <= s.threshold!;
            }
            return true;
          });
          if (picked.length === 0) {
            out.push({ name: s.name, rows: 0, metrics: null, baseline: null });
            continue;
          }
          const Xall = takeRows(rows.X, picked);
          // Only the version's own columns are scored.
          const X = { rows: Xall.rows, cols: columns.length, data: new Float64Array(Xall.rows * columns.length) };
          for (let i = 0; i < Xall.rows; i++) {
            X.data.set(Xall.data.subarray(i * p, i * p + columns.length), i * columns.length);
          }
          const ys = take(y, picked);
          const dates = picked.map((i) => new Date(rows.t[i]!).toISOString().slice(0, 10));
          out.push({
            name: s.name,
            rows: picked.length,
            metrics: splitMetrics(model.task, ys, await predictor.predict(X), dates),
            baseline: splitMetrics(model.task, ys, baselineOutput(model.task, yTrain, ys.length), dates),
          });
        }
        return out;
      } finally {
        await close();
      }
    },

    versionById,
    readableTrainingSet,
    audit,

    /** Fails versions left training by stopped processes. */
    sweep: () => trainingLifecycle.sweep(deps.db, deps.lease),
    /** Versions of a model by number (for pages). */
    async byNumber(modelId: string, number: number): Promise<VersionRecord | null> {
      const rows = (await store.ofModels([modelId])).filter((v) => v.number === number);
      return rows[0] ?? null;
    },
  };
}
export type Versions = ReturnType<typeof createVersions>;

const sha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
