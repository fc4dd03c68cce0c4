import { readTrainingSets } from '@alphagraph/datasets';
import { ALGORITHMS, resolveTrainingSpec } from '@alphagraph/ml';
import type { Resolvers } from '../../generated/resolvers.ts';
import { renderCard } from './card.ts';
import { versionEnums } from './enums.ts';
import type { SplitMetrics } from './result.ts';

/** A split's metrics as VersionMetrics (snake_case names are the criteria's; GraphQL's are camelCase). */
export function metricsOut(m: SplitMetrics | undefined | null) {
  if (!m) return null;
  return {
    rows: m.rows,
    accuracy: m.accuracy ?? null,
    precision: m.precision ?? null,
    recall: m.recall ?? null,
    f1: m.f1 ?? null,
    rocAuc: m.roc_auc ?? null,
    logLoss: m.log_loss ?? null,
    confusion: m.confusion ?? null,
    rmse: m.rmse ?? null,
    mae: m.mae ?? null,
    r2: m.r2 ?? null,
    meanIc: m.mean_ic ?? null,
    icir: m.icir ?? null,
  };
}

const featureOf = (ref: string) => {
  const at = ref.lastIndexOf('@');
  return { name: ref.slice(0, at), version: Number(ref.slice(at + 1)) };
};

export const versionResolvers: Resolvers = {
  ...versionEnums,
  Query: {
    modelVersion: (_r, { id }, ctx) => ctx.versionById.load(id),
    algorithms: () =>
      Object.entries(ALGORITHMS).map(([name, a]) => ({
        name,
        tasks: [...a.tasks],
        tier: a.tier,
        description: a.description,
        defaults: resolveTrainingSpec({ task: a.tasks[0]!, algorithm: name, hyperparameters: {} }).hyperparameters,
      })),
    scenarioMetrics: async (_r, { version, scenarios }, ctx) => {
      const results = await ctx.stores.versions.scenarios(
        ctx,
        version,
        scenarios.map((s) => ({
          name: s.name,
          from: s.from ? new Date(s.from) : null,
          to: s.to ? new Date(s.to) : null,
          feature: s.feature ?? null,
          op: s.op ?? null,
          threshold: s.threshold ?? null,
        })),
      );
      return results.map((r) => ({ ...r, metrics: metricsOut(r.metrics), baseline: metricsOut(r.baseline) }));
    },
  },
  Mutation: {
    trainModelVersion: (_r, { input }, ctx) =>
      ctx.stores.versions.train(ctx, {
        model: input.model,
        trainingSet: input.trainingSet,
        algorithm: input.algorithm,
        hyperparameters: (input.hyperparameters as Record<string, unknown> | null | undefined) ?? null,
        seed: input.seed ?? 0,
        crossValidation: {
          folds: input.crossValidation?.folds ?? 5,
          embargoSessions: input.crossValidation?.embargoSessions ?? 5,
        },
      }),
    registerExternalVersion: (_r, { input }, ctx) =>
      ctx.stores.versions.registerExternal(ctx, {
        model: input.model,
        trainingSet: input.trainingSet,
        onnxBase64: input.onnxBase64,
        features: input.features,
        framework: input.framework,
        notes: input.notes ?? null,
      }),
  },
  Model: {
    versions: (m, _a, ctx) => ctx.versionsOfModel.load(m.id),
    productionVersion: async (m, _a, ctx) =>
      (await ctx.versionsOfModel.load(m.id)).find((v) => v.stage === 'production') ?? null,
    history: async (m, _a, ctx) => {
      const [events, versions] = await Promise.all([
        ctx.eventsOfModel.load(m.id),
        ctx.stores.versions.store.ofModels([m.id]),
      ]);
      const numberOf = new Map(versions.map((v) => [v.id, v.number]));
      return events.map((e) => ({
        id: e.id,
        action: e.action,
        version: e.versionId ? (numberOf.get(e.versionId) ?? null) : null,
        fromStage: e.fromStage as never,
        toStage: e.toStage as never,
        actor: e.actor,
        reason: e.reason,
        details: e.details,
        at: e.at,
      }));
    },
  },
  ModelVersion: {
    __resolveReference: (ref, ctx) => ctx.versionById.load(String(ref.id)),
    model: async (v, _a, ctx) => (await ctx.modelById.load(v.modelId))!,
    trainingSeconds: (v) => v.result?.trainingSeconds ?? null,
    trainingSet: (v) => ({ id: v.trainingSetId }),
    inputs: (v) =>
      v.result
        ? [
            ...v.result.inputs,
            {
              lakeDataset: v.result.trainingSet.lakeDataset,
              snapshotId: v.result.trainingSet.snapshotId,
              role: 'training_set',
            },
          ]
        : [],
    features: (v) => v.features.map((f) => featureOf(f.ref)),
    featureColumns: (v) => v.features.map((f) => f.column),
    artifact: (v) => v.result?.artifact ?? null,
    rowCounts: (v) => v.result?.rowCounts ?? null,
    missingValues: (v) =>
      (v.result?.missing ?? []).map((m) => ({ ...m, fill: Number.isFinite(m.fill) ? m.fill : null })),
    metrics: (v, { split }) => metricsOut(v.result?.metrics[split ?? 'test']),
    baseline: (v, { split }) => metricsOut(v.result?.baseline[split ?? 'test']),
    crossValidation: (v) => {
      const cv = v.result?.crossValidation;
      if (!cv) return null;
      return {
        folds: cv.folds,
        purged: true,
        embargoSessions: cv.embargoSessions,
        metric: cv.metric,
        mean: cv.mean,
        std: cv.std,
        perFold: cv.perFold.map((f) => ({ ...f, metrics: metricsOut(f.metrics)! })),
      };
    },
    importances: (v) => (v.result?.importances ?? []).map((i) => ({ ...i })),
    criteria: (v) => (v.result?.criteria ?? []).map((c) => ({ ...c })),
    validation: (v) => {
      const record = (v.validation ?? {}) as Record<string, unknown>;
      if (!v.submittedAt && !v.validation) return null;
      return {
        submittedBy: v.submittedBy,
        submittedAt: v.submittedAt,
        decision: (record.decision as string | undefined) ?? null,
        decidedBy: (record.decidedBy as string | undefined) ?? null,
        decidedAt: record.decidedAt ? new Date(String(record.decidedAt)) : null,
        findings: (record.findings as string | undefined) ?? null,
        overrideJustification: (record.overrideJustification as string | undefined) ?? null,
      };
    },
    card: async (v, _a, ctx) => {
      const model = (await ctx.modelById.load(v.modelId))!;
      const [ts] = await readTrainingSets(ctx.stores.versions.db, [v.trainingSetId]);
      return renderCard(model, v, ts?.name ?? null);
    },
    predictionBatches: (v, _a, ctx) => ctx.batchesOfVersion.load(v.id),
  },
};
