import { createHash, randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { altLakeDatasetName } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { altIngestBatches, altIngestQuarantine } from '@alphagraph/db/schema/alt';
import type { Lake, LakeSession } from '@alphagraph/lake';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DatasetField } from '../datasets/spec.ts';
import type { DatasetRecord } from '../datasets/store.ts';
import type { ObservationStore } from '../observations/store.ts';
import { resolveRules } from './rules.ts';
import {
  evaluateRules,
  type Finding,
  type RuleContext,
  type RuleTables,
  readFindings,
  ruleTotals,
  valueColumns,
} from './rules-sql.ts';
import {
  fileSha256,
  ObservationFileError,
  type RawObservation,
  type ShapeResult,
  stageFile,
  stageRows,
} from './staged.ts';

export { ObservationFileError, type RawObservation } from './staged.ts';
export type IngestBatchRecord = typeof altIngestBatches.$inferSelect;
export type IssueRecord = IngestBatchRecord['issues'][number];

interface BatchCommon {
  readonly dataset: DatasetRecord;
  readonly source: string;
  /** The caller's batch id; default: the content's hash. Either way a repeated batch is a no-op. */
  readonly batchId?: string | null | undefined;
  /** Rows without availableAt: true = a backfill (event end + declared latency), else receipt time. */
  readonly backfill?: boolean | undefined;
  readonly actor: string;
  /** The receipt time (default: now). */
  readonly receivedAt?: Date | undefined;
}

/** A batch of rows given inline (a GraphQL batch). */
export interface ObservationBatch extends BatchCommon {
  readonly rows: readonly RawObservation[];
}

/** A CSV or Parquet file pushed as one batch (the CLI); DuckDB reads and types it. */
export interface ObservationFileBatch extends BatchCommon {
  readonly file: string;
}

export type IngestOutcome =
  | { readonly ok: true; readonly report: IngestBatchRecord; readonly repeated: boolean }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

export const MAX_ISSUES = 1_000;

/** sha256 over the canonical content of a batch (dataset version, availability mode and rows). */
export function contentHash(dataset: DatasetRecord, backfill: boolean, rows: readonly RawObservation[]): string {
  const h = createHash('sha256');
  h.update(`${dataset.id}@${dataset.version} backfill=${backfill}\n`);
  for (const r of rows) {
    h.update(
      JSON.stringify([r.entity, r.eventTime instanceof Date ? r.eventTime.toISOString() : r.eventTime, r.seq ?? 0]),
    );
    h.update(
      JSON.stringify([r.availableAt instanceof Date ? r.availableAt.toISOString() : (r.availableAt ?? null), r.values]),
    );
    h.update('\n');
  }
  return h.digest('hex');
}

/** sha256 of a file batch: dataset version, availability mode and the file's bytes. */
async function fileContentHash(dataset: DatasetRecord, backfill: boolean, file: string): Promise<string> {
  return createHash('sha256')
    .update(`${dataset.id}@${dataset.version} backfill=${backfill} file\n${await fileSha256(file)}`)
    .digest('hex');
}

/**
 * Pushes one batch of observations into the dataset's current schema version: shape checked with
 * zod (a misfit refuses the batch, naming its line), data rules with a row-level report, ONE lake
 * commit whose catalog transaction also records the report (so either both exist or neither), and
 * idempotent re-delivery by batch id or content hash. Rows never overwrite: a correction is a new
 * row with the same (entity, event_time, seq) and a later available_at.
 */
export async function ingestObservations(
  deps: { db: Db; lake: Lake; observations: ObservationStore },
  batch: ObservationBatch,
): Promise<IngestOutcome> {
  if (batch.rows.length === 0) return { ok: false, error: { code: 'EMPTY_BATCH', message: 'the batch has no rows' } };
  const contentSha256 = contentHash(batch.dataset, batch.backfill ?? false, batch.rows);
  return ingestStaged(deps, batch, contentSha256, (s, table) =>
    stageRows(s, table, { dataset: batch.dataset, source: batch.source, rows: batch.rows }),
  );
}

/**
 * The same for a CSV or Parquet file: DuckDB reads, parses and types it, and the same SQL rules
 * run over it. A file that cannot be read as observations throws an ObservationFileError.
 */
export async function ingestObservationFile(
  deps: { db: Db; lake: Lake; observations: ObservationStore },
  batch: ObservationFileBatch,
): Promise<IngestOutcome> {
  if (!statSync(batch.file, { throwIfNoEntry: false })?.isFile()) {
    throw new ObservationFileError(`${batch.file}: no such file`);
  }
  const contentSha256 = await fileContentHash(batch.dataset, batch.backfill ?? false, batch.file);
  return ingestStaged(deps, batch, contentSha256, (s, table) =>
    stageFile(s, table, { dataset: batch.dataset, source: batch.source, file: batch.file }),
  );
}

const quarantineRow = z.object({
  pos: z.coerce.number(),
  line: z.coerce.number(),
  entity: z.string(),
  event_ms: z.coerce.number(),
  seq: z.coerce.number(),
  avail_ms: z.coerce.number(),
});

async function ingestStaged(
  deps: { db: Db; lake: Lake; observations: ObservationStore },
  batch: BatchCommon,
  contentSha256: string,
  stage: (s: LakeSession, table: string) => Promise<ShapeResult>,
): Promise<IngestOutcome> {
  const { dataset } = batch;
  const startedAt = new Date();
  const receivedMs = (batch.receivedAt ?? startedAt).getTime();
  const backfill = batch.backfill ?? false;
  const batchKey = batch.batchId ? `id:${batch.batchId}` : `sha256:${contentSha256}`;
  const earlier = await findBatch(deps.db, dataset.id, batchKey);
  if (earlier) return repeatOf(earlier, contentSha256, batch.batchId);

  const fields = dataset.fields as readonly DatasetField[];
  const ctx: RuleContext = { dataset, fields, rules: resolveRules(dataset.rules), receivedMs, backfill };
  // Plain (not temporary) tables of the lake's in-memory DuckDB, so that the commit's own
  // connection writes the accepted rows straight from them.
  const id = randomUUID().replaceAll('-', '');
  const tables: RuleTables = {
    staged: `obs_staged_${id}`,
    checked: `obs_checked_${id}`,
    findings: `obs_findings_${id}`,
    flagged: `obs_flagged_${id}`,
  };
  try {
    const checked = await deps.lake.withSession(async (s) => {
      const staged = await stage(s, tables.staged);
      if (!staged.ok) return staged;
      await evaluateRules(s, tables, ctx);
      const totals = await ruleTotals(s, tables);
      const issues = await readFindings(s, tables, ctx, { limit: MAX_ISSUES + 1 });
      const quarantine = totals.quarantined > 0 ? await readQuarantine(s, tables, ctx) : [];
      return { ok: true as const, totals, issues, quarantine };
    });
    if (!checked.ok) return { ok: false, error: { code: 'BAD_SHAPE', message: checked.message } };
    const { totals, issues, quarantine } = checked;
    const accepted = totals.rows - totals.rejected - totals.quarantined;
    const report = {
      datasetId: dataset.id,
      datasetVersion: dataset.version,
      batchKey,
      contentSha256,
      source: batch.source,
      rowsRead: totals.rows,
      accepted,
      fixed: totals.fixed,
      quarantined: totals.quarantined,
      rejected: totals.rejected,
      warnings: totals.warned,
      ruleCounts: totals.byRule.map(({ rule, rows }) => ({ rule, action: ctx.rules[rule], rows })),
      issues: issues.slice(0, MAX_ISSUES).map(issueRecord),
      issuesTruncated: issues.length > MAX_ISSUES,
      createdBy: batch.actor,
      startedAt,
    };

    const record = async (tx: Pick<Db, 'insert'>, snapshotId: number | null): Promise<IngestBatchRecord> => {
      const [row] = await tx
        .insert(altIngestBatches)
        .values({ ...report, snapshotId })
        .returning();
      for (let i = 0; i < quarantine.length; i += 1000) {
        await tx
          .insert(altIngestQuarantine)
          .values(quarantine.slice(i, i + 1000).map((q) => ({ ...q, batchId: row!.id })));
      }
      return row!;
    };

    try {
      if (accepted === 0) {
        const row = await deps.db.transaction((tx) => record(tx, null));
        return { ok: true, report: row, repeated: false };
      }
      let saved: IngestBatchRecord | null = null;
      await deps.observations.register(dataset);
      const batchId = `${new Date(receivedMs).toISOString()} ${batchKey}`;
      const values = valueColumns(fields);
      await deps.lake.commit(
        altLakeDatasetName(dataset.name, dataset.version),
        {
          mode: 'append',
          summary: { source: batch.source, batchId, batchKey },
          onPublish: async (tx, snapshot) => {
            saved = await record(tx, snapshot.id);
          },
        },
        async (w) => {
          await w.writeQuery(
            // make_timestamptz(µs) builds the instant timezone('UTC', epoch_ms(ms)) did, without ICU.
            `SELECT entity, make_timestamptz(CAST(event_ms AS BIGINT) * 1000) AS event_time, seq,
                    make_timestamptz(CAST(avail_ms AS BIGINT) * 1000) AS available_at, $1 AS batch_id${values ? `, ${values}` : ''}
             FROM ${tables.checked} c
             ${
               // An anti-join on the few held rows; a correlated NOT EXISTS cost half the write.
               totals.rejected + totals.quarantined > 0
                 ? `ANTI JOIN (SELECT pos FROM ${tables.flagged} WHERE rejected OR quarantined) f ON f.pos = c.pos`
                 : ''
             }
             ORDER BY entity, event_ms, seq`,
            [batchId],
          );
        },
      );
      return { ok: true, report: saved!, repeated: false };
    } catch (error) {
      // A concurrent delivery of the same batch won the unique key: this one published nothing.
      const winner = await findBatch(deps.db, dataset.id, batchKey);
      if (winner) return repeatOf(winner, contentSha256, batch.batchId);
      throw error;
    }
  } finally {
    await deps.lake.withSession(async (s) => {
      for (const t of Object.values(tables)) await s.run(`DROP TABLE IF EXISTS ${t}`);
    });
  }
}

const issueRecord = (f: Finding): IssueRecord => ({
  line: f.line,
  entity: f.entity,
  eventTime: f.eventTime,
  field: f.field,
  rule: f.rule,
  outcome: f.outcome,
  message: f.message,
});

/** Quarantined rows with their checked values, the rules that held them and why. */
async function readQuarantine(s: LakeSession, tables: RuleTables, ctx: RuleContext) {
  const values = valueColumns(ctx.fields);
  const rows = await s.all(
    `SELECT c.pos, c.line, c.entity, c.event_ms, c.seq, c.avail_ms${values ? `, ${values}` : ''}
     FROM ${tables.checked} c JOIN ${tables.flagged} f ON f.pos = c.pos WHERE f.quarantined ORDER BY c.pos`,
  );
  const findings = await readFindings(s, tables, ctx, {
    where: `f.pos IN (SELECT pos FROM ${tables.flagged} WHERE quarantined)`,
  });
  const byPos = new Map<number, Finding[]>();
  for (const f of findings) byPos.set(f.pos, [...(byPos.get(f.pos) ?? []), f]);
  return rows.map((raw) => {
    const r = quarantineRow.parse(raw);
    const held = byPos.get(r.pos) ?? [];
    return {
      line: r.line,
      entity: r.entity,
      eventTime: new Date(r.event_ms),
      seq: r.seq,
      availableAt: new Date(r.avail_ms),
      values: Object.fromEntries(ctx.fields.map((f) => [f.name, jsonValue(raw[f.name])])),
      rules: held.filter((f) => f.effect === 'quarantine').map((f) => f.rule),
      reason: held
        .filter((f) => f.outcome === 'quarantined')
        .map((f) => f.message)
        .join('; '),
    };
  });
}

const jsonValue = (v: unknown) => (typeof v === 'bigint' ? Number(v) : (v ?? null));

async function findBatch(db: Db, datasetId: string, batchKey: string): Promise<IngestBatchRecord | null> {
  const [row] = await db
    .select()
    .from(altIngestBatches)
    .where(and(eq(altIngestBatches.datasetId, datasetId), eq(altIngestBatches.batchKey, batchKey)));
  return row ?? null;
}

function repeatOf(
  earlier: IngestBatchRecord,
  contentSha256: string,
  batchId: string | null | undefined,
): IngestOutcome {
  if (earlier.contentSha256 !== contentSha256) {
    return {
      ok: false,
      error: {
        code: 'BATCH_ID_REUSED',
        message: `batch id ${JSON.stringify(batchId)} was already delivered with other content (batch ${earlier.id}); a new batch needs a new id`,
      },
    };
  }
  return { ok: true, report: earlier, repeated: true };
}

/** Ingestion reports of a dataset, newest first. */
export function batchesOf(db: Db, datasetId: string, limit: number): Promise<IngestBatchRecord[]> {
  return db
    .select()
    .from(altIngestBatches)
    .where(eq(altIngestBatches.datasetId, datasetId))
    .orderBy(desc(altIngestBatches.finishedAt))
    .limit(limit);
}
