import type { Db } from '@alphagraph/db';
import { alerts, models } from '@alphagraph/db/schema/models';
import { DomainError } from '@alphagraph/service';
import { and, desc, eq, gt, inArray, isNull } from 'drizzle-orm';
import type { MonitorSettings } from './settings.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type AlertRecord = typeof alerts.$inferSelect & { readonly model: string };

export type AlertRule =
  | 'metric_drop'
  | 'ic_drop'
  | 'feature_drift'
  | 'prediction_drift'
  | 'prediction_volume'
  | 'losing_streak'
  | 'stale_features'
  | 'scoring_latency';

/** What a rule found: raised once per (model, dedupe key). */
export interface AlertDraft {
  readonly version: number | null;
  readonly rule: AlertRule;
  readonly severity: 'info' | 'warning' | 'critical';
  readonly message: string;
  /** metric, window, value, threshold and whatever else shows why. */
  readonly evidence: Record<string, unknown>;
  readonly asOf: Date;
  /** Same key, same alert: a rule judging the same session twice raises it once. */
  readonly dedupeKey: string;
}

/** Where raised alerts go besides the table: the webhook and NATS subject of the model's settings. */
export interface AlertSink {
  publish(alert: AlertRecord, settings: MonitorSettings): Promise<void>;
}

const columns = {
  id: alerts.id,
  seq: alerts.seq,
  modelId: alerts.modelId,
  version: alerts.version,
  rule: alerts.rule,
  severity: alerts.severity,
  message: alerts.message,
  evidence: alerts.evidence,
  asOf: alerts.asOf,
  raisedAt: alerts.raisedAt,
  dedupeKey: alerts.dedupeKey,
  killed: alerts.killed,
  acknowledgedBy: alerts.acknowledgedBy,
  acknowledgedAt: alerts.acknowledgedAt,
  acknowledgement: alerts.acknowledgement,
  model: models.name,
};

/**
 * Raised alerts (issue 14 item 5): rows in models.alerts, the store of record, then published to
 * the model's webhook and NATS subject. A publication that fails is logged and does not undo the
 * alert: it is in the table, on the page and on the subscription, which reads the table.
 */
export function createAlertStore(db: Db, sink: AlertSink, log: (message: string) => void = console.error) {
  return {
    /** Records the drafts not raised before and publishes them; returns the new ones. */
    async raise(modelId: string, drafts: readonly AlertDraft[], settings: MonitorSettings): Promise<AlertRecord[]> {
      const raised: AlertRecord[] = [];
      for (const d of drafts) {
        const [row] = await db
          .insert(alerts)
          .values({
            modelId,
            version: d.version,
            rule: d.rule,
            severity: d.severity,
            message: d.message,
            evidence: d.evidence,
            asOf: d.asOf,
            dedupeKey: d.dedupeKey,
          })
          .onConflictDoNothing()
          .returning({ id: alerts.id });
        if (!row) continue;
        const [record] = await this.byIds([row.id]);
        raised.push(record!);
      }
      for (const a of raised) {
        await sink.publish(a, settings).catch((error: unknown) => {
          log(`alert ${a.id} (${a.rule} of ${a.model}) was recorded but not published: ${(error as Error).message}`);
        });
      }
      return raised;
    },

    async markKilled(id: string): Promise<void> {
      await db.update(alerts).set({ killed: 1 }).where(eq(alerts.id, id));
    },

    async byIds(ids: readonly string[]): Promise<AlertRecord[]> {
      const valid = ids.filter((id) => UUID.test(id));
      if (valid.length === 0) return [];
      return db
        .select(columns)
        .from(alerts)
        .innerJoin(models, eq(models.id, alerts.modelId))
        .where(inArray(alerts.id, valid));
    },

    /** A model's alerts, newest first. */
    async ofModel(modelId: string, options: { unacknowledgedOnly: boolean; last: number }): Promise<AlertRecord[]> {
      return db
        .select(columns)
        .from(alerts)
        .innerJoin(models, eq(models.id, alerts.modelId))
        .where(and(eq(alerts.modelId, modelId), options.unacknowledgedOnly ? isNull(alerts.acknowledgedAt) : undefined))
        .orderBy(desc(alerts.seq))
        .limit(options.last);
    },

    /** Alerts raised after `seq` (every replica's), oldest first: what the subscription streams. */
    async since(seq: number, limit = 500): Promise<AlertRecord[]> {
      const rows = await db
        .select(columns)
        .from(alerts)
        .innerJoin(models, eq(models.id, alerts.modelId))
        .where(gt(alerts.seq, seq))
        .orderBy(alerts.seq)
        .limit(limit);
      return rows;
    },

    async lastSeq(): Promise<number> {
      const [row] = await db.select({ seq: alerts.seq }).from(alerts).orderBy(desc(alerts.seq)).limit(1);
      return row?.seq ?? 0;
    },

    async acknowledge(id: string, actor: string, note: string): Promise<AlertRecord> {
      const text = note.trim();
      if (text.length < 5)
        throw new DomainError(
          'BAD_USER_INPUT',
          'acknowledgeAlert: the note must say what was done, in 5 characters at least',
        );
      if (!UUID.test(id)) throw new DomainError('NOT_FOUND', `no alert has id ${id}`);
      const [row] = await db
        .update(alerts)
        .set({ acknowledgedBy: actor, acknowledgedAt: new Date(), acknowledgement: text })
        .where(and(eq(alerts.id, id), isNull(alerts.acknowledgedAt)))
        .returning({ id: alerts.id });
      if (!row) {
        const [existing] = await this.byIds([id]);
        if (!existing) throw new DomainError('NOT_FOUND', `no alert has id ${id}`);
        throw new DomainError(
          'FAILED_PRECONDITION',
          `alert ${id} was already acknowledged by ${existing.acknowledgedBy} at ${existing.acknowledgedAt?.toISOString()}`,
        );
      }
      return (await this.byIds([id]))[0]!;
    },
  };
}
export type AlertStore = ReturnType<typeof createAlertStore>;
