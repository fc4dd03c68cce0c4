import type { AuditLog, EntitlementRecord, Entitlements } from '@alphagraph/auth';
import type { Change } from '@alphagraph/service';
import { ZodError } from 'zod';

/** Why an entitlement change was refused, as the mutation's result names it. */
export interface EntitlementRefusal {
  readonly code: 'BAD_USER_INPUT' | 'NOT_FOUND';
  readonly message: string;
  readonly field: string | null;
}

export type EntitlementOutcome =
  | { readonly ok: true; readonly entitlement: EntitlementRecord }
  | { readonly ok: false; readonly error: EntitlementRefusal };

function refusal(error: unknown): { ok: false; error: EntitlementRefusal } {
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    const field = issue?.path.join('.') || null;
    return { ok: false, error: { code: 'BAD_USER_INPUT', message: issue?.message ?? 'invalid input', field } };
  }
  throw error;
}

/** Entitlement administration, audited, and the compliance views of the audit log. */
export function createGovernance(deps: { entitlements: Entitlements; audit: AuditLog }) {
  const { entitlements, audit } = deps;
  const record = (change: Change, action: string, resource: string, details: Record<string, unknown>) =>
    audit.append({
      actor: change.actor.userId,
      roles: change.actor.roles,
      action,
      resource,
      details,
      requestId: change.requestId,
    });
  return {
    entitlements: (filter: Parameters<Entitlements['list']>[0]) => entitlements.list(filter),
    auditLog: (filter: Parameters<AuditLog['query']>[0]) => audit.query(filter),
    verifyAuditChain: () => audit.verify(),

    /** Grants (idempotent); only a new grant is audited. */
    async grant(
      change: Change,
      input: { subject: string; resource: string; reason: string },
    ): Promise<EntitlementOutcome> {
      try {
        const { entitlement, created } = await entitlements.grant({ ...input, grantedBy: change.actor.userId });
        if (created) {
          await record(change, 'mutation:grantEntitlement', entitlement.resource, { before: null, after: entitlement });
        }
        return { ok: true, entitlement };
      } catch (error) {
        return refusal(error);
      }
    },

    async revoke(change: Change, input: { subject: string; resource: string }): Promise<EntitlementOutcome> {
      try {
        const revoked = await entitlements.revoke({ ...input, revokedBy: change.actor.userId });
        if (!revoked) {
          const message = `no active grant of ${input.resource} to ${input.subject}`;
          return { ok: false, error: { code: 'NOT_FOUND', message, field: null } };
        }
        await record(change, 'mutation:revokeEntitlement', revoked.after.resource, {
          before: revoked.before,
          after: revoked.after,
        });
        return { ok: true, entitlement: revoked.after };
      } catch (error) {
        return refusal(error);
      }
    },
  };
}
export type Governance = ReturnType<typeof createGovernance>;
