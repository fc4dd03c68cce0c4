import type { Db } from '@alphagraph/db';
import { type ModelProblem, modelFeatures, modelProblems, models, modelUniverse } from '@alphagraph/db/schema/models';
import { asc, eq, inArray } from 'drizzle-orm';
import { createInsertSchema } from 'drizzle-zod';
import { z } from 'zod';

/** A model with its problem statement and kill switch (null for models registered before problems existed). */
export type ModelRecord = typeof models.$inferSelect & {
  readonly problem: ModelProblem | null;
  readonly label: string | null;
  readonly registeredBy: string | null;
  readonly killedAt: Date | null;
  readonly killedBy: string | null;
  readonly killReason: string | null;
};
export interface InstrumentRef {
  readonly symbol: string;
}

export const modelInsertSchema = createInsertSchema(models, {
  name: (s) => s.regex(/^[a-z][a-z0-9_]{0,62}$/, 'model names are lower_snake_case'),
  owner: (s) => s.min(1),
}).omit({ id: true, createdAt: true });

/** Metrics a success criterion may name, per task (see VersionMetrics). */
export const CRITERION_METRICS = {
  classification: ['accuracy', 'precision', 'recall', 'f1', 'roc_auc', 'log_loss'],
  regression: ['rmse', 'mae', 'r2', 'mean_ic', 'icir'],
} as const;

export const problemSchema = z.object({
  objective: z.enum(['alpha', 'execution', 'risk']),
  statement: z.string().trim().min(10, 'the problem statement must say what the model is for (10 characters at least)'),
  successCriteria: z
    .array(
      z.object({
        metric: z.string(),
        op: z.enum(['gte', 'lte']),
        threshold: z.number().finite().nullable(),
      }),
    )
    .min(1, 'give at least one success criterion: it is the validation gate'),
  constraints: z.object({
    maxScoringLatencyMs: z.number().positive().nullable(),
    maxFeatures: z.number().int().positive().nullable(),
  }),
});

export interface ModelRegistration extends z.input<typeof modelInsertSchema> {
  universe: readonly string[];
  features: readonly { name: string; version: number }[];
  /** With a problem statement (required by registerModel; the demo catalog row predates it). */
  problem?: { label: string; statement: ModelProblem; registeredBy: string };
}

const LABEL = /^[a-z][a-z0-9_]{0,40}$/;

export function createModelStore(db: Db) {
  const select = () =>
    db
      .select({
        model: models,
        label: modelProblems.label,
        problem: modelProblems.problem,
        registeredBy: modelProblems.registeredBy,
        killedAt: modelProblems.killedAt,
        killedBy: modelProblems.killedBy,
        killReason: modelProblems.killReason,
      })
      .from(models)
      .leftJoin(modelProblems, eq(modelProblems.modelId, models.id));
  type Selected = Awaited<ReturnType<ReturnType<typeof select>['execute']>>[number];
  const record = (r: Selected): ModelRecord => ({
    ...r.model,
    label: r.label,
    problem: r.problem,
    registeredBy: r.registeredBy,
    killedAt: r.killedAt,
    killedBy: r.killedBy,
    killReason: r.killReason,
  });

  const byIds = async (ids: readonly string[]): Promise<ModelRecord[]> => {
    const uuids = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
    if (uuids.length === 0) return [];
    return (await select().where(inArray(models.id, uuids))).map(record);
  };

  return {
    list: async (): Promise<ModelRecord[]> => (await select().orderBy(asc(models.name))).map(record),
    byIds,
    async byNames(names: readonly string[]): Promise<ModelRecord[]> {
      if (names.length === 0) return [];
      return (await select().where(inArray(models.name, [...names]))).map(record);
    },
    async universeOf(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(modelUniverse)
        .where(inArray(modelUniverse.modelId, [...ids]))
        .orderBy(asc(modelUniverse.symbol));
    },
    async featuresOf(ids: readonly string[]) {
      if (ids.length === 0) return [];
      return db
        .select()
        .from(modelFeatures)
        .where(inArray(modelFeatures.modelId, [...ids]))
        .orderBy(asc(modelFeatures.featureName), asc(modelFeatures.featureVersion));
    },
    async forSymbols(symbols: readonly string[]): Promise<{ symbol: string; model: ModelRecord }[]> {
      if (symbols.length === 0) return [];
      const rows = await db
        .select({ symbol: modelUniverse.symbol, id: modelUniverse.modelId })
        .from(modelUniverse)
        .where(inArray(modelUniverse.symbol, [...symbols]));
      const byId = new Map((await byIds([...new Set(rows.map((r) => r.id))])).map((m) => [m.id, m]));
      return rows
        .map((r) => ({ symbol: r.symbol, model: byId.get(r.id)! }))
        .sort((a, b) => a.model.name.localeCompare(b.model.name));
    },
    /**
     * Registers a model (with its universe, features and problem statement) in one transaction.
     * A name already registered is refused when it comes with a problem statement (registerModel);
     * without one (the demo catalog row) registering again returns the existing model.
     */
    async register(input: ModelRegistration): Promise<ModelRecord> {
      const { universe, features, problem, ...rest } = input;
      const row = modelInsertSchema.parse(rest);
      const featureRefs = z
        .array(z.object({ name: z.string().min(1), version: z.number().int().positive() }))
        .parse(features);
      if (problem) {
        problemSchema.parse(problem.statement);
        if (!LABEL.test(problem.label))
          throw new z.ZodError([
            {
              code: 'custom',
              path: ['label'],
              message: 'the label is a training-set label name (lower_snake_case)',
              input: problem.label,
            },
          ]);
        const allowed: readonly string[] = CRITERION_METRICS[row.task];
        const bad = problem.statement.successCriteria.filter((c) => !allowed.includes(c.metric));
        if (bad.length > 0)
          throw new z.ZodError([
            {
              code: 'custom',
              path: ['problem', 'successCriteria'],
              message: `${bad.map((c) => c.metric).join(', ')} is not a ${row.task} metric (use ${allowed.join(', ')})`,
              input: bad,
            },
          ]);
      }
      const id = await db.transaction(async (tx) => {
        const [created] = await tx.insert(models).values(row).onConflictDoNothing({ target: models.name }).returning();
        if (!created) {
          if (problem) throw new DuplicateModelError(row.name);
          const [existing] = await tx.select().from(models).where(eq(models.name, row.name));
          return existing!.id;
        }
        if (universe.length > 0) {
          await tx
            .insert(modelUniverse)
            .values([...new Set(universe)].map((symbol) => ({ modelId: created.id, symbol })));
        }
        if (featureRefs.length > 0) {
          await tx
            .insert(modelFeatures)
            .values(featureRefs.map((f) => ({ modelId: created.id, featureName: f.name, featureVersion: f.version })));
        }
        if (problem) {
          await tx.insert(modelProblems).values({
            modelId: created.id,
            label: problem.label,
            problem: problem.statement,
            registeredBy: problem.registeredBy,
          });
        }
        return created.id;
      });
      return (await byIds([id]))[0]!;
    },
  };
}
export type ModelStore = ReturnType<typeof createModelStore>;

export class DuplicateModelError extends Error {
  constructor(readonly modelName: string) {
    super(`a model named ${modelName} is already registered`);
  }
}
