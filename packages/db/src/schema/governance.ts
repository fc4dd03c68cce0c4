import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgSchema, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * Governance: licence entitlements (granted by admins through alt-data) and the append-only,
 * hash-chained audit log every service writes to.
 */
export const governanceSchema = pgSchema('governance');

export const entitlements = governanceSchema.table(
  'entitlements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** `user:<id>` or `role:<role>`. */
    subject: text('subject').notNull(),
    /** `vendor:<name>` or `dataset:<name>`. */
    resource: text('resource').notNull(),
    grantedBy: text('granted_by').notNull(),
    grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
    reason: text('reason').notNull(),
    revokedBy: text('revoked_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    index('entitlements_subject_idx').on(t.subject),
    uniqueIndex('entitlements_active_uq').on(t.subject, t.resource).where(sql`${t.revokedAt} is null`),
  ],
);

export const auditEvents = governanceSchema.table(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 6 }).notNull(),
    actor: text('actor').notNull(),
    roles: text('roles').array().notNull(),
    /** e.g. `read:licensed-data`, `mutation:grantEntitlement`. */
    action: text('action').notNull(),
    resource: text('resource').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>().notNull(),
    requestId: text('request_id'),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_events_actor_idx').on(t.actor, t.at), index('audit_events_resource_idx').on(t.resource, t.at)],
);

/** The chain's head: the newest event's id and hash, updated in the same transaction as each append. */
export const auditHead = governanceSchema.table('audit_head', {
  chain: text('chain').primaryKey(),
  lastId: bigint('last_id', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
