import { DomainError } from '@alphagraph/service';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { Period } from './store.ts';

function period(name: string, p: { from: Date | string; to: Date | string }): Period {
  const from = new Date(p.from);
  const to = new Date(p.to);
  if (!(from < to)) throw new DomainError('BAD_USER_INPUT', `${name}: from must be before to`);
  return { from, to };
}

export const qualityResolvers: Resolvers = {
  Query: {
    featureQuality: async (_r, args, ctx) => {
      const report = await ctx.stores.quality.quality(args.ref, period('featureQuality', args));
      if (report) await recordRead(ctx, 'Query.featureQuality', args.ref, { from: report.from, to: report.to });
      return report;
    },
    featureDrift: async (_r, args, ctx) => {
      const report = await ctx.stores.quality.drift(
        args.ref,
        period('featureDrift reference', args.reference),
        period('featureDrift current', args.current),
        args.bins ?? 10,
      );
      if (report) await recordRead(ctx, 'Query.featureDrift', args.ref, { psi: report.psi });
      return report;
    },
  },
};

async function recordRead(ctx: Context, view: string, ref: string, details: Record<string, unknown>) {
  const feature = await ctx.featureByRef.load(ref);
  if (feature) await ctx.licensing.recordRead(view, [feature], details);
}
