import { DateScalar, DateTimeScalar, DomainError, JSONScalar } from '@alphagraph/service';
import type { Resolvers } from './generated/resolvers.ts';
import { governanceResolvers } from './modules/governance/resolvers.ts';
import { observationResolvers } from './modules/observations/resolvers.ts';
import { tweetResolvers } from './modules/tweets/resolvers.ts';

export const resolvers: Resolvers = {
  Date: DateScalar,
  DateTime: DateTimeScalar,
  JSON: JSONScalar,
  Mutation: { ...governanceResolvers.Mutation },
  Entitlement: { ...governanceResolvers.Entitlement },
  AuditEvent: { ...governanceResolvers.AuditEvent },
  DatasetField: { ...observationResolvers.DatasetField },
  Query: {
    ...governanceResolvers.Query,
    ...tweetResolvers.Query,
    vendors: (_r, _a, ctx) => ctx.stores.vendors.list(),
    datasets: (_r, _a, ctx) => ctx.stores.datasets.list(),
    dataset: (_r, args, ctx) => {
      if ((args.id == null) === (args.name == null)) {
        throw new DomainError('BAD_USER_INPUT', 'dataset: pass exactly one of id or name');
      }
      return args.id != null ? ctx.datasetById.load(args.id) : ctx.datasetByName.load(args.name!);
    },
  },
  Vendor: {
    __resolveReference: (ref, ctx) => ctx.vendorById.load(String(ref.id)),
    datasets: (vendor, _a, ctx) => ctx.datasetsOfVendor.load(vendor.id),
  },
  Dataset: {
    __resolveReference: (ref, ctx) => ctx.datasetById.load(String(ref.id)),
    vendor: async (dataset, _a, ctx) => {
      const vendor = await ctx.vendorById.load(dataset.vendorId);
      if (!vendor) throw new Error(`dataset ${dataset.name} has no vendor row`);
      return vendor;
    },
    entityKind: (dataset) => (dataset.entityKind === 'instrument' ? 'INSTRUMENT' : 'MARKET'),
    coverage: async (dataset, _a, ctx) => (await ctx.coverageOfDataset.load(dataset.id)).map((symbol) => ({ symbol })),
    ...observationResolvers.Dataset,
  },
  Instrument: {
    __resolveReference: (ref) => ({ symbol: String(ref.symbol) }),
    altDatasets: (instrument, _a, ctx) => ctx.datasetsCoveringSymbol.load(instrument.symbol),
  },
};
