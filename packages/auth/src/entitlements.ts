import type { Db } from '@alphagraph/db';
import { entitlements } from '@alphagraph/db/schema/governance';
import { and, desc, eq, inArray, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Identity } from './tokens.ts';

export type EntitlementRecord = typeof entitlements.$inferSelect;

export const entitlementSubject = z
  .string()
  .regex(/^(user:.+|role:(viewer|analyst|researcher|validator|trader|compliance|admin|service))$/, {
    message: 'subject must be user:<id> or role:<role>',
  });
export const entitlementResource = z
  .string()
  .regex(/^(vendor|dataset):[A-Za-z0-9_.-]+$/, { message: 'resource must be vendor:<name> or dataset:<name>' });

const grantTarget = z.object({ subject: entitlementSubject, resource: entitlementResource });

/** Licence entitlements: which users or roles may read the values of which vendor's or dataset's data. */
export function createEntitlements(db: Db) {
  return {
    /** Grants (idempotent: an active grant of the same subject and resource is returned as is). */
    async grant(input: { subject: string; resource: string; grantedBy: string; reason: string }) {
      const { subject, resource } = grantTarget.parse(input);
      return db.transaction(async (tx) => {
        const [active] = await tx
          .select()
          .from(entitlements)
          .where(
            and(eq(entitlements.subject, subject), eq(entitlements.resource, resource), isNull(entitlements.revokedAt)),
          );
        if (active) return { entitlement: active, created: false };
        const [created] = await tx
          .insert(entitlements)
          .values({ subject, resource, grantedBy: input.grantedBy, reason: input.reason })
          .returning();
        return { entitlement: created!, created: true };
      });
    },

    /** Revokes an active grant; returns it as it was before and after, or null when none is active. */
    async revoke(input: { subject: string; resource: string; revokedBy: string }) {
      const { subject, resource } = grantTarget.parse(input);
      return db.transaction(async (tx) => {
        const [active] = await tx
          .select()
          .from(entitlements)
          .where(
            and(eq(entitlements.subject, subject), eq(entitlements.resource, resource), isNull(entitlements.revokedAt)),
          )
          .for('update');
        if (!active) return null;
        const [after] = await tx
          .update(entitlements)
          .set({ revokedAt: new Date(), revokedBy: input.revokedBy })
          .where(eq(entitlements.id, active.id))
          .returning();
        return { before: active, after: after! };
      });
    },

    async list(filter: { subject?: string | null; resource?: string | null; includeRevoked?: boolean }) {
      const where: SQL[] = [];
      if (filter.subject) where.push(eq(entitlements.subject, filter.subject));
      if (filter.resource) where.push(eq(entitlements.resource, filter.resource));
      if (!filter.includeRevoked) where.push(isNull(entitlements.revokedAt));
      return db
        .select()
        .from(entitlements)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(entitlements.grantedAt));
    },

    /** Whether `identity` may read values of `dataset` (granted on the dataset or its vendor). */
    async isEntitled(identity: Identity, dataset: { name: string; vendor: string }): Promise<boolean> {
      const subjects = [`user:${identity.userId}`, ...identity.roles.map((r) => `role:${r}`)];
      const resources = [`dataset:${dataset.name}`, `vendor:${dataset.vendor}`];
      const rows = await db
        .select({ id: entitlements.id })
        .from(entitlements)
        .where(
          and(
            inArray(entitlements.subject, subjects),
            inArray(entitlements.resource, resources),
            isNull(entitlements.revokedAt),
          ),
        )
        .limit(1);
      return rows.length > 0;
    },
  };
}
export type Entitlements = ReturnType<typeof createEntitlements>;
