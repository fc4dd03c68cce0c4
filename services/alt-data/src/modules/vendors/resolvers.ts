import type { Resolvers } from '../../generated/resolvers.ts';

export const vendorResolvers: Resolvers = {
  Query: {
    vendors: (_r, _a, ctx) => ctx.stores.vendors.list(),
  },
  Vendor: {
    __resolveReference: (ref, ctx) => ctx.vendorById.load(String(ref.id)),
    datasets: (vendor, _a, ctx) => ctx.datasetsOfVendor.load(vendor.id),
  },
};
