import { changeOf } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { viewColumns } from '../views/store.ts';
import { materializeEnums } from './enums.ts';
import { RUN_STEPS } from './job.ts';
import type { RunRecord } from './runs.ts';

const stepIndex = (step: string) => {
  const i = (RUN_STEPS as readonly string[]).indexOf(step);
  return i === -1 ? RUN_STEPS.length : i;
};

/** A run's progress in steps, from the steps it has recorded (see `runMaterialization`). */
export function runProgress(r: Pick<RunRecord, 'status' | 'timings'>) {
  const total = RUN_STEPS.length;
  const finished = RUN_STEPS.filter((step) => step in r.timings).length;
  const done = r.status === 'succeeded' ? total : r.status === 'queued' ? 0 : finished;
  return {
    done,
    total,
    unit: 'steps',
    fraction: done / total,
    stage: r.status === 'running' ? (RUN_STEPS.find((step) => !(step in r.timings)) ?? null) : null,
  };
}

export const materializeResolvers: Resolvers = {
  ...materializeEnums,
  Query: {
    featureViews: (_r, _a, ctx) => ctx.stores.materialize.views.list(),
    materializationRuns: (_r, args, ctx) =>
      ctx.stores.materialize.runs.list({
        view: args.view ?? null,
        status: args.status ?? null,
        first: args.first ?? 20,
      }),
    materializationRun: (_r, args, ctx) => ctx.runById.load(args.id),
  },
  Mutation: {
    materializeFeatures: async (_r, { input }, ctx) => {
      const outcome = await ctx.stores.materialize.materialize(
        {
          set: input.set,
          features: input.features,
          universe: input.universe,
          from: input.from == null ? null : new Date(input.from),
          to: input.to == null ? null : new Date(input.to),
          mode: input.mode ?? 'incremental',
          waitSeconds: input.waitSeconds ?? 10,
        },
        changeOf(ctx),
      );
      if (!outcome.ok) return { ok: false, run: null, error: outcome.error };
      return { ok: true, run: outcome.run, error: null };
    },
  },
  FeatureView: {
    columns: (v) => viewColumns(v).map((c) => c.column),
    entity: (v) => v.entityKind,
    runs: (v, args, ctx) => ctx.stores.materialize.runs.list({ view: v.name, first: args.first ?? 20 }),
  },
  MaterializationRun: {
    view: async (r, _a, ctx) => {
      const view = await ctx.viewByName.load(r.view);
      if (!view) throw new Error(`run ${r.id} names a view that does not exist`);
      return view;
    },
    mode: (r) => r.kind,
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
    progress: (r) => runProgress(r),
    durationMs: (r) => (r.startedAt && r.finishedAt ? r.finishedAt.getTime() - r.startedAt.getTime() : null),
  },
};
