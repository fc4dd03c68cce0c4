import { DomainError } from '@alphagraph/service';
import { ZodError } from 'zod';
import type { Context } from '../../context.ts';
import type { Resolvers } from '../../generated/resolvers.ts';

const MAX_AUDIT_PAGE = 1000;

function userError(error: unknown) {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    return { code: 'BAD_USER_INPUT', message: issue?.message ?? 'invalid input', field: issue?.path.join('.') || null };
  }
  throw error;
}

const actorOf = (ctx: Context) => {
  if (!ctx.identity) throw new DomainError('UNAUTHENTICATED', 'a verified caller is required');
  return ctx.identity;
};

/** Entitlement administration and the compliance views of the audit log. */
export const governanceResolvers: Resolvers = {
  Query: {
    entitlements: (_r, args, ctx) =>
      ctx.stores.entitlements.list({
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
      return ctx.stores.audit.query({
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
      const report = await ctx.stores.audit.verify();
      return {
        ok: report.ok,
        checked: report.checked,
        firstBrokenId: report.firstBroken?.id != null ? String(report.firstBroken.id) : null,
        reason: report.firstBroken?.reason ?? null,
      };
    },
  },
  Mutation: {
    grantEntitlement: async (_r, { input }, ctx) => {
      const actor = actorOf(ctx);
      try {
        const { entitlement, created } = await ctx.stores.entitlements.grant({ ...input, grantedBy: actor.userId });
        if (created) {
          await ctx.stores.audit.append({
            actor: actor.userId,
            roles: actor.roles,
            action: 'mutation:grantEntitlement',
            resource: entitlement.resource,
            details: { before: null, after: entitlement },
            requestId: ctx.requestId,
          });
        }
        return { ok: true, entitlement, error: null };
      } catch (error) {
        return { ok: false, entitlement: null, error: userError(error) };
      }
    },
    revokeEntitlement: async (_r, args, ctx) => {
      const actor = actorOf(ctx);
      try {
        const change = await ctx.stores.entitlements.revoke({ ...args, revokedBy: actor.userId });
        if (!change) {
          return {
            ok: false,
            entitlement: null,
            error: {
              code: 'NOT_FOUND',
              message: `no active grant of ${args.resource} to ${args.subject}`,
              field: null,
            },
          };
        }
        await ctx.stores.audit.append({
          actor: actor.userId,
          roles: actor.roles,
          action: 'mutation:revokeEntitlement',
          resource: change.after.resource,
          details: { before: change.before, after: change.after },
          requestId: ctx.requestId,
        });
        return { ok: true, entitlement: change.after, error: null };
      } catch (error) {
        return { ok: false, entitlement: null, error: userError(error) };
      }
    },
  },
  Entitlement: {
    active: (e) => e.revokedAt === null,
  },
  AuditEvent: {
    id: (e) => String(e.id),
  },
};
