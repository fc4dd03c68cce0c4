import type { Resolvers } from '../../generated/resolvers.ts';
import type { BacktestFailure } from '../backtests/errors.ts';
import { REPORT_PREFIX, refusal, specInputOf } from '../backtests/resolvers.ts';
import type { StoredConfiguration, StoredOverfitting } from './run.ts';
import type { SweepRecord } from './store.ts';

export interface SweepResultModel {
  readonly ok: boolean;
  readonly sweep: SweepRecord | null;
  readonly error: { code: BacktestFailure; message: string } | null;
}

export const sweepResolvers: Resolvers = {
  Query: {
    sweeps: (_r, args, ctx) => ctx.stores.sweeps.store.list(args.first ?? 100),
    sweep: (_r, args, ctx) => ctx.sweepById.load(args.id),
  },
  Mutation: {
    runSweep: async (_r, args, ctx): Promise<SweepResultModel> => {
      const r = await refusal(() =>
        ctx.stores.sweeps.run(
          ctx,
          specInputOf(args.spec),
          args.grid.map((a) => ({ name: a.name, values: a.values })),
          args.blocks ?? 16,
        ),
      );
      return r.ok ? { ok: true, sweep: r.value, error: null } : { ok: false, sweep: null, error: r.error };
    },
  },
  Sweep: {
    __resolveReference: (ref, ctx) => ctx.sweepById.load(String(ref.id)),
    grid: (s) => s.grid,
    configurations: (s) => (s.configurations ?? []) as unknown as StoredConfiguration[],
    overfitting: (s) => (s.status === 'succeeded' ? ((s.overfitting as unknown as StoredOverfitting) ?? null) : null),
    bestBacktest: (s, _a, ctx) => (s.bestBacktestId ? ctx.backtestById.load(s.bestBacktestId) : null),
    inputs: (s) => Object.entries(s.inputSnapshots).map(([dataset, snapshotId]) => ({ dataset, snapshotId })),
    reportPath: (s) => `${REPORT_PREFIX}${s.id}`,
  },
  SweepConfiguration: {
    metrics: (c) => (c.metrics ?? null) as never,
  },
};
