import { DomainError } from '@alphagraph/service';
import type { MaterializationStatus, Resolvers } from '../../generated/resolvers.ts';
import { viewColumns } from '../views/store.ts';
import { RUN_STEPS } from './job.ts';
import { requestMaterialization } from './request.ts';

const stepIndex = (step: string) => {
  const i = (RUN_STEPS as readonly string[]).indexOf(step);
  return i === -1 ? RUN_STEPS.length : i;
};
const statusIn = (s: MaterializationStatus) => s.toLowerCase() as 'queued' | 'running' | 'succeeded' | 'failed';

export const materializeResolvers: Resolvers = {
  Query: {
    featureViews: (_r, _a, ctx) => ctx.stores.featureStore.views.list(),
    materializationRuns: (_r, args, ctx) =>
      ctx.stores.featureStore.runs.list({
        view: args.view ?? null,
        status: args.status ? statusIn(args.status) : null,
        first: args.first ?? 20,
      }),
    materializationRun: (_r, args, ctx) => ctx.featureStore.runById.load(args.id),
  },
  Mutation: {
    materializeFeatures: async (_r, { input }, ctx) => {
      if (!ctx.identity) throw new DomainError('UNAUTHENTICATED', 'a verified caller is required');
      const fs = ctx.stores.featureStore;
      const outcome = await requestMaterialization(
        fs,
        {
          set: input.set,
          features: input.features,
          universe: input.universe,
          from: input.from == null ? null : new Date(input.from),
          to: input.to == null ? null : new Date(input.to),
          mode: input.mode === 'BACKFILL' ? 'backfill' : 'incremental',
          waitSeconds: input.waitSeconds ?? 10,
        },
        ctx.identity.userId,
      );
      if (!outcome.ok) return { ok: false, run: null, error: outcome.error };
      await fs.audit.append({
        actor: ctx.identity.userId,
        roles: ctx.identity.roles,
        action: 'mutation:materializeFeatures',
        resource: `feature-view:${outcome.run.view}`,
        details: {
          run: outcome.run.id,
          mode: outcome.run.kind,
          set: input.set ?? null,
          features: input.features ?? null,
          universe: outcome.run.universe.length,
        },
        requestId: ctx.requestId,
      });
      return { ok: true, run: outcome.run, error: null };
    },
  },
  FeatureView: {
    columns: (v) => viewColumns(v).map((c) => c.column),
    entity: (v) => (v.entityKind === 'market' ? 'MARKET' : 'INSTRUMENT'),
    runs: (v, args, ctx) => ctx.stores.featureStore.runs.list({ view: v.name, first: args.first ?? 20 }),
  },
  MaterializationRun: {
    view: async (r, _a, ctx) => {
      const view = await ctx.featureStore.viewByName.load(r.view);
      if (!view) throw new Error(`run ${r.id} names a view that does not exist`);
      return view;
    },
    status: (r) => r.status.toUpperCase() as MaterializationStatus,
    mode: (r) => (r.kind === 'backfill' ? 'BACKFILL' : 'INCREMENTAL'),
    from: (r) => r.periodFrom,
    to: (r) => r.periodTo,
    inputSnapshots: (r) =>
      Object.entries(r.inputSnapshots)
        .map(([dataset, snapshotId]) => ({ dataset, snapshotId }))
        .sort((a, b) => a.dataset.localeCompare(b.dataset)),
    timings: (r) =>
      Object.entries(r.timings)
        .map(([step, milliseconds]) => ({ step, milliseconds }))
        .sort((a, b) => stepIndex(a.step) - stepIndex(b.step)),
    durationMs: (r) => (r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null),
  },
};
