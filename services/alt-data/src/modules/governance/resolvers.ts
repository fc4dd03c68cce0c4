import { changeOf, DomainError } from '@alphagraph/service';
import type { Resolvers } from '../../generated/resolvers.ts';
import type { EntitlementOutcome } from './provider.ts';

const MAX_AUDIT_PAGE = 1000;

const resultOf = (outcome: EntitlementOutcome) =>
  outcome.ok
    ? { ok: true, entitlement: outcome.entitlement, error: null }
    : { ok: false, entitlement: null, error: outcome.error };

/** Entitlement administration and the compliance views of the audit log. */
export const governanceResolvers: Resolvers = {
  Query: {
    entitlements: (_r, args, ctx) =>
      ctx.stores.governance.entitlements({
        subject: args.subject ?? null,
        resource: args.resource ?? null,
        includeRevoked: args.includeRevoked ?? false,
      }),
    auditLog: (_r, args, ctx) => {
      const first = args.first ?? 100;
      if (first < 1 || first > MAX_AUDIT_PAGE) {
        throw new DomainError('BAD_USER_INPUT', `auditLog: first must be between 1 and ${MAX_AUDIT_PAGE}`);
      }
      const before = args.before != null ? Number(args.before) : null;
      if (before !== null && !Number.isSafeInteger(before)) {
        throw new DomainError('BAD_USER_INPUT', 'auditLog: before must be an audit event id');
      }
      const f = args.filter ?? {};
      const date = (v: unknown) => (v == null ? null : new Date(v as string | Date));
      return ctx.stores.governance.auditLog({
        actor: f.actor ?? null,
        resource: f.resource ?? null,
        action: f.action ?? null,
        from: date(f.from),
        to: date(f.to),
        limit: first,
        beforeId: before,
      });
    },
    auditChain: async (_r, _a, ctx) => {
      const report = await ctx.stores.governance.verifyAuditChain();
      return {
        ok: report.ok,
        checked: report.checked,
        firstBrokenId: report.firstBroken?.id != null ? String(report.firstBroken.id) : null,
        reason: report.firstBroken?.reason ?? null,
      };
    },
  },
  Mutation: {
    grantEntitlement: async (_r, { input }, ctx) => resultOf(await ctx.stores.governance.grant(changeOf(ctx), input)),
    revokeEntitlement: async (_r, args, ctx) => resultOf(await ctx.stores.governance.revoke(changeOf(ctx), args)),
  },
  Entitlement: {
    active: (e) => e.revokedAt === null,
  },
  AuditEvent: {
    id: (e) => String(e.id),
  },
};
