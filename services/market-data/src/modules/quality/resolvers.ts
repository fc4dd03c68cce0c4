import type { Resolvers } from '../../generated/resolvers.ts';

export const qualityResolvers: Resolvers = {
  Query: {
    dataQuality: (_r, args, ctx) => ctx.stores.quality.report(args.interval ?? '1d'),
  },
  DataQualityReport: {
    snapshotId: (r) => (r.snapshotId === null ? null : String(r.snapshotId)),
  },
};
