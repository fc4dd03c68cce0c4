import type { Db } from '@alphagraph/db';
import { ingestBatches, ingestIssues, ingestLocks, ingestQuarantine, instruments } from '@alphagraph/db/schema/market';
import type { CatalogTransaction } from '@alphagraph/lake';
import { and, asc, desc, eq, gt, inArray, lt, lte, or, type SQL, sql } from 'drizzle-orm';
import type { InstrumentInput } from '../instruments/store.ts';
import type { Issue } from './validate.ts';

export type BatchRecord = typeof ingestBatches.$inferSelect;
export type BatchInsert = typeof ingestBatches.$inferInsert;
export type IssueRecord = typeof ingestIssues.$inferSelect;
export type QuarantineRecord = typeof ingestQuarantine.$inferSelect;
export type QuarantineInsert = Omit<typeof ingestQuarantine.$inferInsert, 'batchId'>;

const CHUNK = 1000;

/** What a batch is recorded on: the database, or the lake's catalog transaction publishing its bars. */
export type ReportExecutor = Db | CatalogTransaction;

export interface BatchRecording {
  readonly batch: BatchInsert & { id: string };
  readonly issues: readonly Issue[];
  readonly quarantine: readonly QuarantineInsert[];
  readonly register: readonly InstrumentInput[];
  readonly releasing?: readonly number[];
  readonly actor: string;
}

/** Ingestion reports, their issues and the quarantine, in market-data's Postgres schema. */
export function createIngestReportStore(db: Db) {
  const store = {
    /** The first finished batch with this fingerprint (the original ingestion): a repeat of it is a no-op. */
    async byFingerprint(fingerprint: string): Promise<BatchRecord | null> {
      const [row] = await db
        .select()
        .from(ingestBatches)
        .where(and(eq(ingestBatches.fingerprint, fingerprint), sql`${ingestBatches.status} <> 'committing'`))
        .orderBy(asc(ingestBatches.startedAt))
        .limit(1);
      return row ?? null;
    },

    /**
     * Records a batch with its issues and quarantined rows, registers the instruments it introduces
     * and marks released rows, on `executor`. Ingestion passes the lake's catalog transaction that
     * publishes the batch's bars, so all of it commits with the snapshot or not at all (a process
     * killed mid-ingestion leaves no instrument without bars). Returns the symbols it registered.
     */
    async record(executor: ReportExecutor, options: BatchRecording): Promise<string[]> {
      const registered: string[] = [];
      for (let i = 0; i < options.register.length; i += CHUNK) {
        const added = await executor
          .insert(instruments)
          .values(options.register.slice(i, i + CHUNK))
          .onConflictDoNothing({ target: instruments.symbol })
          .returning({ symbol: instruments.symbol });
        registered.push(...added.map((r) => r.symbol));
      }
      await executor.insert(ingestBatches).values({ ...options.batch, registered });
      const batchId = options.batch.id;
      for (let i = 0; i < options.issues.length; i += CHUNK) {
        await executor.insert(ingestIssues).values(
          options.issues.slice(i, i + CHUNK).map((x) => ({
            batchId,
            line: x.line,
            symbol: x.symbol,
            time: new Date(x.time),
            rule: x.rule,
            outcome: x.outcome,
            message: x.message,
          })),
        );
      }
      for (let i = 0; i < options.quarantine.length; i += CHUNK) {
        await executor
          .insert(ingestQuarantine)
          .values(options.quarantine.slice(i, i + CHUNK).map((q) => ({ ...q, batchId })));
      }
      if (options.releasing && options.releasing.length > 0) {
        await executor
          .update(ingestQuarantine)
          .set({ status: 'released', releaseBatchId: batchId, resolvedBy: options.actor, resolvedAt: new Date() })
          .where(and(inArray(ingestQuarantine.id, [...options.releasing]), eq(ingestQuarantine.status, 'held')));
      }
      return registered;
    },

    /** `record` in a transaction of its own (a batch that published nothing). */
    async begin(options: BatchRecording): Promise<string[]> {
      return db.transaction((tx) => store.record(tx, options));
    },

    /** The batch's bars are published (or there were none to publish). */
    async finish(id: string, options: { snapshotId: number | null; status: 'committed' | 'unchanged' }) {
      await db
        .update(ingestBatches)
        .set({ status: options.status, snapshotId: options.snapshotId, finishedAt: new Date() })
        .where(eq(ingestBatches.id, id));
    },

    /**
     * Undoes a batch left `committing` (by a version that recorded batches before publishing their
     * bars): rows it released are held again, instruments it registered are removed, and the batch
     * with its issues and quarantined rows is deleted.
     */
    async undo(id: string): Promise<void> {
      await db.transaction(async (tx) => {
        const [batch] = await tx.select().from(ingestBatches).where(eq(ingestBatches.id, id));
        if (!batch) return;
        await tx
          .update(ingestQuarantine)
          .set({ status: 'held', releaseBatchId: null, resolvedBy: null, resolvedAt: null })
          .where(eq(ingestQuarantine.releaseBatchId, id));
        await tx.delete(ingestBatches).where(eq(ingestBatches.id, id));
        if (batch.registered.length > 0) {
          await tx.delete(instruments).where(inArray(instruments.symbol, batch.registered));
        }
      });
    },

    /** Batches left `committing` by a process that died mid-commit (call while holding the lock). */
    async unfinished(): Promise<BatchRecord[]> {
      return db.select().from(ingestBatches).where(eq(ingestBatches.status, 'committing'));
    },

    /** Whether this path was ingested with this mapping before (lets the demo loader skip silently). */
    async ingested(path: string, mapping: string): Promise<boolean> {
      const [row] = await db
        .select({ id: ingestBatches.id })
        .from(ingestBatches)
        .where(
          and(
            eq(ingestBatches.source, path),
            eq(ingestBatches.mapping, mapping),
            sql`${ingestBatches.status} <> 'committing'`,
          ),
        )
        .limit(1);
      return row !== undefined;
    },

    async insertNoOp(batch: BatchInsert & { id: string }): Promise<void> {
      await db.insert(ingestBatches).values(batch);
    },

    async batch(id: string): Promise<BatchRecord | null> {
      if (!UUID.test(id)) return null;
      const [row] = await db.select().from(ingestBatches).where(eq(ingestBatches.id, id));
      return row ?? null;
    },

    async batches(ids: readonly string[]): Promise<BatchRecord[]> {
      const valid = ids.filter((id) => UUID.test(id));
      return valid.length === 0 ? [] : db.select().from(ingestBatches).where(inArray(ingestBatches.id, valid));
    },

    /** Reports newest first; `before` pages by start time. */
    async reports(options: { first: number; before?: Date | null; source?: string | null }): Promise<BatchRecord[]> {
      const filters: SQL[] = [];
      if (options.before) filters.push(lt(ingestBatches.startedAt, options.before));
      if (options.source) filters.push(eq(ingestBatches.source, options.source));
      return db
        .select()
        .from(ingestBatches)
        .where(filters.length ? and(...filters) : undefined)
        .orderBy(desc(ingestBatches.startedAt), desc(ingestBatches.id))
        .limit(options.first);
    },

    /** Issues of one batch in line order; `afterId` pages. */
    async issues(
      batchId: string,
      options: { outcomes?: readonly IssueRecord['outcome'][] | null; first: number; afterId?: number | null },
    ): Promise<IssueRecord[]> {
      const filters: SQL[] = [eq(ingestIssues.batchId, batchId)];
      if (options.outcomes && options.outcomes.length > 0)
        filters.push(inArray(ingestIssues.outcome, [...options.outcomes]));
      if (options.afterId != null) filters.push(gt(ingestIssues.id, options.afterId));
      return db
        .select()
        .from(ingestIssues)
        .where(and(...filters))
        .orderBy(asc(ingestIssues.id))
        .limit(options.first);
    },

    async quarantine(options: {
      status?: QuarantineRecord['status'] | null;
      symbol?: string | null;
      batchId?: string | null;
      ids?: readonly number[] | null;
      first: number;
      afterId?: number | null;
    }): Promise<QuarantineRecord[]> {
      const filters: SQL[] = [];
      if (options.status) filters.push(eq(ingestQuarantine.status, options.status));
      if (options.symbol) filters.push(eq(ingestQuarantine.symbol, options.symbol));
      if (options.batchId) {
        if (!UUID.test(options.batchId)) return [];
        filters.push(eq(ingestQuarantine.batchId, options.batchId));
      }
      if (options.ids) filters.push(inArray(ingestQuarantine.id, [...options.ids]));
      if (options.afterId != null) filters.push(gt(ingestQuarantine.id, options.afterId));
      return db
        .select()
        .from(ingestQuarantine)
        .where(filters.length ? and(...filters) : undefined)
        .orderBy(asc(ingestQuarantine.id))
        .limit(options.first);
    },

    /** Marks held rows discarded (kept as a record of the review). Returns how many changed. */
    async discard(ids: readonly number[], actor: string): Promise<number> {
      if (ids.length === 0) return 0;
      const rows = await db
        .update(ingestQuarantine)
        .set({ status: 'discarded', resolvedBy: actor, resolvedAt: new Date() })
        .where(and(inArray(ingestQuarantine.id, [...ids]), eq(ingestQuarantine.status, 'held')))
        .returning({ id: ingestQuarantine.id });
      return rows.length;
    },

    /** Takes or renews the named lease for `holder`; false while another holder's lease is live. */
    async tryLock(name: string, holder: string, leaseMs: number): Promise<boolean> {
      // The database's clock decides expiry, so processes on different hosts agree.
      const expiresAt = sql`now() + make_interval(secs => ${leaseMs / 1000})`;
      const rows = await db
        .insert(ingestLocks)
        .values({ name, holder, expiresAt })
        .onConflictDoUpdate({
          target: ingestLocks.name,
          set: { holder, expiresAt },
          setWhere: or(lte(ingestLocks.expiresAt, sql`now()`), eq(ingestLocks.holder, holder)),
        })
        .returning({ holder: ingestLocks.holder });
      return rows[0]?.holder === holder;
    },

    async unlock(name: string, holder: string): Promise<void> {
      await db.delete(ingestLocks).where(and(eq(ingestLocks.name, name), eq(ingestLocks.holder, holder)));
    },
  };
  return store;
}
export type IngestReportStore = ReturnType<typeof createIngestReportStore>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
