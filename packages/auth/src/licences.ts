import type { AuditLog } from './audit.ts';
import type { Entitlements } from './entitlements.ts';
import type { AccessDenial } from './policy.ts';
import type { Identity } from './tokens.ts';

/**
 * Licensed data (DESIGN section 6): fields that reveal values of a licensed dataset carry
 * `@policy(policies: [["entitled"]])`. The gateway admits the policy and the subgraph that owns
 * the data decides it, because only it knows which dataset a read reaches: alt-data for raw
 * observations, features for values computed from them. Both decide with these rules and write
 * the same audit actions, so compliance reads one trail.
 */
export const ENTITLED_POLICY = 'entitled';
/** A licensed read that was served: who, which dataset, what was read, in the audit log. */
export const AUDIT_READ = 'read:licensed-data';
/** A licensed read that was refused for want of an entitlement. */
export const AUDIT_DENIED = 'denied:licensed-data';

export interface LicensedDataset {
  readonly name: string;
  readonly vendor: string;
}

/**
 * Decides one read of a licensed dataset's values: admitted when the caller holds an entitlement
 * to the dataset or its vendor (for their user id or one of their roles). A refusal is audited as
 * `denied:licensed-data` and explains what is missing; `reaches` says how the field reaches the
 * dataset (e.g. "the feature reads dataset X, licensed from V").
 */
export async function decideLicensedRead(
  deps: { readonly entitlements: Entitlements; readonly audit: AuditLog },
  read: {
    readonly identity: Identity | null;
    readonly requestId: string;
    readonly coordinate: string;
    readonly dataset: LicensedDataset;
    readonly reaches: string;
  },
): Promise<AccessDenial | null> {
  const { identity, dataset, coordinate } = read;
  if (!identity) return { code: 'UNAUTHENTICATED', message: `${coordinate} requires an authenticated caller` };
  if (await deps.entitlements.isEntitled(identity, dataset)) return null;
  await deps.audit.append({
    actor: identity.userId,
    roles: identity.roles,
    action: AUDIT_DENIED,
    resource: `dataset:${dataset.name}`,
    details: { dataset: dataset.name, vendor: dataset.vendor, field: coordinate },
    requestId: read.requestId,
  });
  return {
    code: 'FORBIDDEN',
    message:
      `${coordinate}: ${read.reaches}; reading its values needs an entitlement to dataset:${dataset.name} or ` +
      `vendor:${dataset.vendor}, and user ${identity.userId} (roles ${identity.roles.join(', ')}) holds none. ` +
      'An admin can grant one with grantEntitlement.',
  };
}

/**
 * Records one served read of licensed values, before the values are returned: when the audit log
 * cannot take it, the read fails.
 */
export async function recordLicensedRead(
  deps: { readonly audit: AuditLog },
  read: {
    readonly identity: Identity | null;
    readonly requestId: string;
    readonly dataset: LicensedDataset;
    readonly details: Record<string, unknown>;
  },
): Promise<void> {
  const { identity, dataset } = read;
  if (!identity) throw new Error('a licensed read without a verified caller');
  await deps.audit.append({
    actor: identity.userId,
    roles: identity.roles,
    action: AUDIT_READ,
    resource: `dataset:${dataset.name}`,
    details: { dataset: dataset.name, vendor: dataset.vendor, ...read.details },
    requestId: read.requestId,
  });
}
