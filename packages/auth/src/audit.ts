import { createHash } from 'node:crypto';
import type { Db } from '@alphagraph/db';
import { auditEvents, auditHead } from '@alphagraph/db/schema/governance';
import { and, asc, desc, eq, gt, gte, lt, type SQL, sql } from 'drizzle-orm';

export const AUDIT_GENESIS = '0'.repeat(64);
const CHAIN = 'main';
const AUDIT_LOCK_KEY = 7_244_911_032;

export interface AuditEventInput {
  readonly actor: string;
  readonly roles: readonly string[];
  /** `read:licensed-data`, `mutation:<name>`, … */
  readonly action: string;
  readonly resource: string;
  readonly details: Record<string, unknown>;
  readonly requestId?: string | null;
}

export type AuditEvent = typeof auditEvents.$inferSelect;

export interface ChainVerification {
  readonly ok: boolean;
  readonly checked: number;
  /** The first row where the chain breaks, and why. */
  readonly firstBroken: { readonly id: number | null; readonly reason: string } | null;
}

/** JSON with object keys sorted at every level: the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}

/** sha256 over the previous hash and the row's content (everything but its id and own hash). */
export function auditHash(prevHash: string, e: Omit<AuditEvent, 'id' | 'hash' | 'prevHash'>): string {
  const content = canonicalJson({
    at: e.at.toISOString(),
    actor: e.actor,
    roles: e.roles,
    action: e.action,
    resource: e.resource,
    details: e.details,
    requestId: e.requestId ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** The append-only, hash-chained audit log in Postgres. */
export function createAuditLog(db: Db) {
  return {
    /** Appends one event; appends are serialised so the chain has one order. */
    async append(input: AuditEventInput): Promise<AuditEvent> {
      return db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
        const [head] = await tx.select().from(auditHead).where(eq(auditHead.chain, CHAIN));
        const prevHash = head?.lastHash ?? AUDIT_GENESIS;
        const row = {
          at: new Date(),
          actor: input.actor,
          roles: [...input.roles],
          action: input.action,
          resource: input.resource,
          details: JSON.parse(JSON.stringify(input.details)) as Record<string, unknown>,
          requestId: input.requestId ?? null,
        };
        const hash = auditHash(prevHash, row);
        const [created] = await tx
          .insert(auditEvents)
          .values({ ...row, prevHash, hash })
          .returning();
        await tx
          .insert(auditHead)
          .values({ chain: CHAIN, lastId: created!.id, lastHash: hash })
          .onConflictDoUpdate({ target: auditHead.chain, set: { lastId: created!.id, lastHash: hash } });
        return created!;
      });
    },

    /** Filters the log; newest first. */
    async query(filter: {
      actor?: string | null;
      resource?: string | null;
      action?: string | null;
      from?: Date | null;
      to?: Date | null;
      limit: number;
      beforeId?: number | null;
    }): Promise<AuditEvent[]> {
      const where: SQL[] = [];
      if (filter.actor) where.push(eq(auditEvents.actor, filter.actor));
      if (filter.resource) where.push(eq(auditEvents.resource, filter.resource));
      if (filter.action) where.push(eq(auditEvents.action, filter.action));
      if (filter.from) where.push(gte(auditEvents.at, filter.from));
      // `to` is exclusive, the platform's one range convention.
      if (filter.to) where.push(lt(auditEvents.at, filter.to));
      if (filter.beforeId) where.push(lt(auditEvents.id, filter.beforeId));
      return db
        .select()
        .from(auditEvents)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(auditEvents.id))
        .limit(filter.limit);
    },

    /**
     * Walks the chain in order and reports the first row whose link or hash does not verify: an
     * edited row fails its own hash, a deleted row breaks the next row's link, and a deleted newest
     * row no longer matches the recorded head.
     */
    async verify(batchSize = 5000): Promise<ChainVerification> {
      let expectedPrev = AUDIT_GENESIS;
      let lastId = 0;
      let checked = 0;
      for (;;) {
        const rows = await db
          .select()
          .from(auditEvents)
          .where(gt(auditEvents.id, lastId))
          .orderBy(asc(auditEvents.id))
          .limit(batchSize);
        for (const row of rows) {
          if (row.prevHash !== expectedPrev) {
            return broken(
              checked,
              row.id,
              'its prev_hash does not match the previous row: a row before it was removed or changed',
            );
          }
          if (auditHash(row.prevHash, row) !== row.hash) {
            return broken(checked, row.id, 'its content does not match its hash: the row was edited');
          }
          expectedPrev = row.hash;
          lastId = row.id;
          checked++;
        }
        if (rows.length < batchSize) break;
      }
      const [head] = await db.select().from(auditHead).where(eq(auditHead.chain, CHAIN));
      if (head && (head.lastId !== lastId || head.lastHash !== expectedPrev)) {
        return broken(
          checked,
          head.lastId,
          `the chain ends at row ${lastId} but its head records row ${head.lastId}: rows were removed from the end`,
        );
      }
      if (!head && checked > 0) return broken(checked, null, 'the chain head is missing');
      return { ok: true, checked, firstBroken: null };
    },
  };
}
export type AuditLog = ReturnType<typeof createAuditLog>;

function broken(checked: number, id: number | null, reason: string): ChainVerification {
  return { ok: false, checked, firstBroken: { id, reason } };
}
