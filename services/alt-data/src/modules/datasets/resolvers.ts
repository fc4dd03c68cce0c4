import { DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import { datasetEnums } from './enums.ts';

export const datasetResolvers: Resolvers = {
  ...datasetEnums,
  Query: {
    datasets: (_r, _a, ctx) => ctx.stores.datasets.list(),
    dataset: (_r, args, ctx) => {
      if ((args.id == null) === (args.name == null)) {
        throw new DomainError('BAD_USER_INPUT', 'dataset: pass exactly one of id or name');
      }
      return args.id != null ? ctx.datasetById.load(args.id) : ctx.datasetByName.load(args.name!);
    },
  },
  Dataset: {
    __resolveReference: (ref, ctx) => ctx.datasetById.load(String(ref.id)),
    vendor: async (dataset, _a, ctx) => {
      const vendor = await ctx.vendorById.load(dataset.vendorId);
      if (!vendor) throw new Error(`dataset ${dataset.name} has no vendor row`);
      return vendor;
    },
    coverage: async (dataset, _a, ctx) => (await ctx.coverageOfDataset.load(dataset.id)).map((symbol) => ({ symbol })),
  },
  Instrument: {
    __resolveReference: (ref) => ({ symbol: String(ref.symbol) }),
    altDatasets: (instrument, _a, ctx) => ctx.datasetsCoveringSymbol.load(instrument.symbol),
  },
};
