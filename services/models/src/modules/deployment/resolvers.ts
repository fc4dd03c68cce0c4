import type { Resolvers } from '../../generated/resolvers.ts';
import { deploymentEnums } from './enums.ts';

export const deploymentResolvers: Resolvers = {
  ...deploymentEnums,
  Mutation: {
    submitForValidation: (_r, { version, note }, ctx) => ctx.stores.deployment.submit(ctx, version, note),
    approveVersion: (_r, { version, findings, overrideJustification }, ctx) =>
      ctx.stores.deployment.approve(ctx, version, findings, overrideJustification ?? null),
    rejectVersion: (_r, { version, findings }, ctx) => ctx.stores.deployment.reject(ctx, version, findings),
    promoteVersion: (_r, { version, to, reason, capitalFraction }, ctx) =>
      ctx.stores.deployment.promote(ctx, version, to, reason, capitalFraction ?? null),
    rollback: (_r, { model, reason }, ctx) => ctx.stores.deployment.rollback(ctx, model, reason),
    killSwitch: (_r, { model, reason }, ctx) => ctx.stores.deployment.kill(ctx, model, reason),
    resume: (_r, { model, reason }, ctx) => ctx.stores.deployment.resume(ctx, model, reason),
  },
};
