import { changeOf, DomainError } from '@alphagraph/service';
import { ZodError } from 'zod';
import type { Resolvers } from '../../generated/resolvers.ts';
import { modelEnums } from './enums.ts';
import { DuplicateModelError } from './store.ts';

export const modelResolvers: Resolvers = {
  ...modelEnums,
  Query: {
    models: (_r, _a, ctx) => ctx.stores.models.list(),
    model: (_r, args, ctx) => {
      if ((args.id == null) === (args.name == null)) {
        throw new DomainError('BAD_USER_INPUT', 'model: pass exactly one of id or name');
      }
      return args.id != null ? ctx.modelById.load(args.id) : ctx.modelByName.load(args.name!);
    },
  },
  Mutation: {
    registerModel: async (_r, { input }, ctx) => {
      const { actor, requestId } = changeOf(ctx);
      const p = input.problem;
      try {
        const model = await ctx.stores.models.register({
          name: input.name,
          task: input.task,
          description: input.description,
          owner: input.owner,
          universe: input.universe,
          features: [],
          problem: {
            label: input.label,
            registeredBy: actor.userId,
            statement: {
              objective: p.objective,
              statement: p.statement,
              successCriteria: p.successCriteria.map((c) => ({
                metric: c.metric,
                op: c.op,
                threshold: c.threshold ?? null,
              })),
              constraints: { maxScoringLatencyMs: p.maxScoringLatencyMs ?? null, maxFeatures: p.maxFeatures ?? null },
            },
          },
        });
        await ctx.stores.models.audit.append({
          actor: actor.userId,
          roles: actor.roles,
          action: 'mutation:registerModel',
          resource: `model:${model.name}`,
          details: { task: model.task, label: input.label, objective: p.objective, universe: input.universe.length },
          requestId,
        });
        return model;
      } catch (error) {
        if (error instanceof DuplicateModelError) throw new DomainError('CONFLICT', error.message);
        if (error instanceof ZodError) {
          throw new DomainError(
            'BAD_USER_INPUT',
            `registerModel: ${error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`,
          );
        }
        throw error;
      }
    },
  },
  Model: {
    __resolveReference: (ref, ctx) =>
      'id' in ref && ref.id
        ? ctx.modelById.load(String(ref.id))
        : ctx.modelByName.load(String((ref as { name: string }).name)),
    universe: async (m, _a, ctx) => (await ctx.universeOf.load(m.id)).map((symbol) => ({ symbol })),
    features: (m, _a, ctx) => ctx.featuresOf.load(m.id),
    problem: (m) =>
      m.problem
        ? {
            objective: m.problem.objective,
            statement: m.problem.statement,
            successCriteria: m.problem.successCriteria.map((c) => ({ ...c })),
            maxScoringLatencyMs: m.problem.constraints.maxScoringLatencyMs,
            maxFeatures: m.problem.constraints.maxFeatures,
          }
        : null,
    killSwitch: (m) =>
      m.killedAt ? { killedAt: m.killedAt, killedBy: m.killedBy ?? 'unknown', reason: m.killReason ?? '' } : null,
  },
  Instrument: {
    __resolveReference: (ref) => ({ symbol: String(ref.symbol) }),
    models: (instrument, _a, ctx) => ctx.modelsOfSymbol.load(instrument.symbol),
  },
};
