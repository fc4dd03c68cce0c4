import type { Resolvers } from '../../generated/resolvers.ts';
import { intervalOf } from '../bars/resolvers.ts';
import { dataQualityReport } from './report.ts';

export const qualityResolvers: Resolvers = {
  Query: {
    dataQuality: (_r, args, ctx) =>
      dataQualityReport({
        db: ctx.stores.db,
        lake: ctx.stores.lake,
        instruments: ctx.stores.instruments,
        interval: intervalOf(args.interval),
      }),
  },
  DataQualityReport: {
    interval: (r) => (r.interval === '1h' ? 'HOUR' : 'DAY'),
    snapshotId: (r) => (r.snapshotId === null ? null : String(r.snapshotId)),
  },
};
