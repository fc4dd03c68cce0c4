import type { Resolvers } from '../../generated/resolvers.ts';

export const predictionResolvers: Resolvers = {
  Mutation: {
    scoreVersion: (_r, { version, trainingSet }, ctx) => ctx.stores.predictions.score(ctx, version, trainingSet),
  },
};
