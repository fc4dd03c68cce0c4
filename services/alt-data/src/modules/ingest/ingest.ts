import { createHash } from 'node:crypto';
import { altLakeDatasetName, MARKET_ENTITY } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { altIngestBatches, altIngestQuarantine } from '@alphagraph/db/schema/alt';
import { type Lake, quoteIdent, type StagedValue } from '@alphagraph/lake';
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DatasetField } from '../datasets/spec.ts';
import type { DatasetRecord } from '../datasets/store.ts';
import type { ObservationStore } from '../observations/store.ts';
import { type ObservationRule, type RuleAction, resolveRules } from './rules.ts';

export type IngestBatchRecord = typeof altIngestBatches.$inferSelect;
export type IssueRecord = IngestBatchRecord['issues'][number];

/** One pushed observation as a source gives it (GraphQL rows, or rows the CLI read from a file). */
export interface RawObservation {
  /** Row number in the batch, or the line of a CSV file (header = 1). */
  readonly line: number;
  readonly entity: unknown;
  readonly eventTime: unknown;
  readonly seq?: unknown;
  readonly availableAt?: unknown;
  readonly values: unknown;
}

export interface ObservationBatch {
  readonly dataset: DatasetRecord;
  readonly source: string;
  /** The caller's batch id; default: the content's hash. Either way a repeated batch is a no-op. */
  readonly batchId?: string | null | undefined;
  /** Rows without availableAt: true = a backfill (event end + declared latency), else receipt time. */
  readonly backfill?: boolean | undefined;
  readonly rows: readonly RawObservation[];
  readonly actor: string;
  /** The receipt time (default: now). */
  readonly receivedAt?: Date | undefined;
}

export type IngestOutcome =
  | { readonly ok: true; readonly report: IngestBatchRecord; readonly repeated: boolean }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

export const MAX_ISSUES = 1_000;
const INT32 = 2_147_483_647;
const ENTITY: Record<DatasetRecord['entityKind'], RegExp> = {
  instrument: /^[A-Z0-9][A-Z0-9.\-/^]{0,23}$/,
  market: new RegExp(`^${MARKET_ENTITY}$`),
  key: /^[A-Za-z0-9][A-Za-z0-9._:\-/@#]{0,127}$/,
};
const ENTITY_RULE: Record<DatasetRecord['entityKind'], string> = {
  instrument: 'an instrument symbol (upper-case, at most 24 characters)',
  market: `${MARKET_ENTITY} (the dataset is one market-wide series)`,
  key: 'a key of letters, digits and ._:-/@# (at most 128 characters)',
};

const instant = z.union([z.date(), z.string().datetime({ offset: true })]).transform((v) => new Date(v).getTime());
/** zod for a row's shape: a wrong shape refuses the whole batch (the source does not fit the dataset). */
const shapeSchema = z.object({
  line: z.number().int().positive(),
  entity: z.string(),
  eventTime: instant,
  seq: z.number().int().min(0).max(INT32).nullish(),
  availableAt: instant.nullish(),
  values: z.record(z.string(), z.unknown()),
});

interface Candidate {
  readonly line: number;
  readonly entity: string;
  readonly eventMs: number;
  readonly seq: number;
  availableMs: number;
  readonly values: Record<string, unknown>;
  /** Rules that flagged the row with their action. */
  readonly flagged: { rule: ObservationRule; action: RuleAction }[];
}

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
  const { dataset } = batch;
  const startedAt = new Date();
  const receivedMs = (batch.receivedAt ?? startedAt).getTime();
  const backfill = batch.backfill ?? false;
  if (batch.rows.length === 0) return { ok: false, error: { code: 'EMPTY_BATCH', message: 'the batch has no rows' } };
  const contentSha256 = contentHash(dataset, backfill, batch.rows);
  const batchKey = batch.batchId ? `id:${batch.batchId}` : `sha256:${contentSha256}`;
  const earlier = await findBatch(deps.db, dataset.id, batchKey);
  if (earlier) return repeatOf(earlier, contentSha256, batch.batchId);

  const rules = resolveRules(dataset.rules);
  const periodMs = dataset.eventTime.kind === 'period' ? dataset.eventTime.periodSeconds * 1000 : 0;
  const latencyMs = dataset.latencySeconds * 1000;
  const fields = dataset.fields as readonly DatasetField[];
  const known = new Set(fields.map((f) => f.name));
  const issues: IssueRecord[] = [];
  const counts = new Map<ObservationRule, number>();
  const candidates: Candidate[] = [];

  for (const raw of batch.rows) {
    const shape = shapeSchema.safeParse(raw);
    if (!shape.success) {
      const issue = shape.error.issues[0]!;
      return {
        ok: false,
        error: {
          code: 'BAD_SHAPE',
          message: `${batch.source} line ${raw.line}: ${issue.path.join('.') || 'row'}: ${issue.message}; nothing of the batch was stored`,
        },
      };
    }
    const r = shape.data;
    const extra = Object.keys(r.values).filter((k) => !known.has(k));
    if (extra.length > 0) {
      return {
        ok: false,
        error: {
          code: 'BAD_SHAPE',
          message:
            `${batch.source} line ${r.line}: ${dataset.name} (version ${dataset.version}) has no field ${extra.join(', ')}; ` +
            `its fields are ${[...known].join(', ')}; nothing of the batch was stored`,
        },
      };
    }
    const c: Candidate = {
      line: r.line,
      entity: r.entity,
      eventMs: r.eventTime,
      seq: r.seq ?? 0,
      availableMs: 0,
      values: {},
      flagged: [],
    };
    const flag = (rule: ObservationRule, field: string | null, message: string) => {
      const action = rules[rule];
      c.flagged.push({ rule, action });
      counts.set(rule, (counts.get(rule) ?? 0) + 1);
      issues.push({
        line: c.line,
        entity: c.entity,
        eventTime: new Date(c.eventMs).toISOString(),
        field,
        rule,
        outcome:
          action === 'reject'
            ? 'rejected'
            : action === 'quarantine'
              ? 'quarantined'
              : action === 'fix'
                ? 'fixed'
                : 'warned',
        message,
      });
    };
    if (!ENTITY[dataset.entityKind].test(c.entity)) {
      flag(
        'invalid_entity',
        'entity',
        `entity ${JSON.stringify(c.entity.slice(0, 40))} is not ${ENTITY_RULE[dataset.entityKind]}`,
      );
    }
    for (const f of fields) {
      let v = r.values[f.name] ?? null;
      if (v !== null && !typeFits(f, v)) {
        flag('wrong_type', f.name, `${f.name} holds ${JSON.stringify(v).slice(0, 40)}, not ${describeType(f)}`);
        v = null;
      } else if (v === null) {
        if (f.required) flag('missing_value', f.name, `${f.name} is required and missing`);
      } else if (
        typeof v === 'number' &&
        ((f.minimum != null && v < f.minimum) || (f.maximum != null && v > f.maximum))
      ) {
        flag(
          'out_of_range',
          f.name,
          `${f.name} = ${v} is outside its allowed range [${f.minimum ?? '-inf'}, ${f.maximum ?? '+inf'}]${f.unit ? ` ${f.unit}` : ''}`,
        );
        if (rules.out_of_range === 'fix') v = Math.min(f.maximum ?? v, Math.max(f.minimum ?? v, v));
      }
      c.values[f.name] = v;
    }
    const endMs = c.eventMs + periodMs;
    if (c.eventMs > receivedMs) {
      flag(
        'future_event',
        'eventTime',
        `event time ${new Date(c.eventMs).toISOString()} is after the batch was received`,
      );
    }
    c.availableMs = r.availableAt ?? (backfill ? endMs + latencyMs : receivedMs);
    if (c.availableMs < endMs) {
      flag(
        'available_before_event',
        'availableAt',
        `available_at ${new Date(c.availableMs).toISOString()} is before the event${periodMs ? "'s end" : ''} ${new Date(endMs).toISOString()}: nothing is known before it happens`,
      );
      if (rules.available_before_event === 'fix') c.availableMs = endMs + latencyMs;
    }
    candidates.push(c);
  }

  // The same version of the same observation twice in one batch.
  const lastOf = new Map<string, Candidate>();
  for (const c of candidates) {
    const key = `${c.entity}\u0000${c.eventMs}\u0000${c.seq}\u0000${c.availableMs}`;
    const before = lastOf.get(key);
    if (before) {
      const action = rules.duplicate;
      counts.set('duplicate', (counts.get('duplicate') ?? 0) + 1);
      // Fix keeps the last; otherwise the repeat itself is flagged.
      const target = action === 'fix' ? before : c;
      target.flagged.push({ rule: 'duplicate', action: action === 'fix' ? 'reject' : action });
      issues.push({
        line: target.line,
        entity: c.entity,
        eventTime: new Date(c.eventMs).toISOString(),
        field: null,
        rule: 'duplicate',
        outcome: action === 'fix' ? 'fixed' : action === 'quarantine' ? 'quarantined' : 'rejected',
        message:
          action === 'fix'
            ? `line ${before.line} is repeated by line ${c.line} (same entity, event time, seq and available_at): the later is kept`
            : `repeats line ${before.line} (same entity, event time, seq and available_at)`,
      });
    }
    lastOf.set(key, c);
  }

  const outcomeOf = (c: Candidate) =>
    c.flagged.some((f) => f.action === 'reject')
      ? 'rejected'
      : c.flagged.some((f) => f.action === 'quarantine')
        ? 'quarantined'
        : 'accepted';
  const accepted = candidates.filter((c) => outcomeOf(c) === 'accepted');
  const quarantined = candidates.filter((c) => outcomeOf(c) === 'quarantined');
  issues.sort((a, b) => a.line - b.line);
  const report = {
    datasetId: dataset.id,
    datasetVersion: dataset.version,
    batchKey,
    contentSha256,
    source: batch.source,
    rowsRead: candidates.length,
    accepted: accepted.length,
    fixed: candidates.filter((c) => c.flagged.some((f) => f.action === 'fix')).length,
    quarantined: quarantined.length,
    rejected: candidates.length - accepted.length - quarantined.length,
    warnings: candidates.filter((c) => c.flagged.some((f) => f.action === 'warn')).length,
    ruleCounts: [...counts].map(([rule, rows]) => ({ rule, action: rules[rule], rows })),
    issues: issues.slice(0, MAX_ISSUES),
    issuesTruncated: issues.length > MAX_ISSUES,
    createdBy: batch.actor,
    startedAt,
  };

  const record = async (tx: Pick<Db, 'insert'>, snapshotId: number | null): Promise<IngestBatchRecord> => {
    const [row] = await tx
      .insert(altIngestBatches)
      .values({ ...report, snapshotId })
      .returning();
    if (quarantined.length > 0) {
      for (let i = 0; i < quarantined.length; i += 1000) {
        await tx.insert(altIngestQuarantine).values(
          quarantined.slice(i, i + 1000).map((c) => ({
            batchId: row!.id,
            line: c.line,
            entity: c.entity,
            eventTime: new Date(c.eventMs),
            seq: c.seq,
            availableAt: new Date(c.availableMs),
            values: c.values,
            rules: c.flagged.filter((f) => f.action === 'quarantine').map((f) => f.rule),
            reason: issues
              .filter((x) => x.line === c.line && x.outcome === 'quarantined')
              .map((x) => x.message)
              .join('; '),
          })),
        );
      }
    }
    return row!;
  };

  try {
    if (accepted.length === 0) {
      const row = await deps.db.transaction((tx) => record(tx, null));
      return { ok: true, report: row, repeated: false };
    }
    let saved: IngestBatchRecord | null = null;
    await deps.observations.register(dataset);
    const batchId = `${new Date(receivedMs).toISOString()} ${batchKey}`;
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
        const cols = fields.map((f) => `${quoteIdent(f.name)} ${DUCK[f.type]}`).join(', ');
        await w.session.run(
          `CREATE TEMP TABLE obs_staged (entity VARCHAR, event_ms BIGINT, seq INTEGER, available_ms BIGINT${cols ? `, ${cols}` : ''})`,
        );
        await w.session.append(
          'obs_staged',
          accepted.map((c): StagedValue[] => [
            c.entity,
            BigInt(c.eventMs),
            c.seq,
            BigInt(c.availableMs),
            ...fields.map((f) => c.values[f.name] as StagedValue),
          ]),
        );
        const names = fields.map((f) => quoteIdent(f.name)).join(', ');
        await w.writeQuery(
          `SELECT entity, timezone('UTC', epoch_ms(event_ms)) AS event_time, seq,
                  timezone('UTC', epoch_ms(available_ms)) AS available_at, $1 AS batch_id${names ? `, ${names}` : ''}
           FROM obs_staged ORDER BY entity, event_ms, seq`,
          [batchId],
        );
        await w.session.run('DROP TABLE obs_staged');
      },
    );
    return { ok: true, report: saved!, repeated: false };
  } catch (error) {
    // A concurrent delivery of the same batch won the unique key: this one published nothing.
    const winner = await findBatch(deps.db, dataset.id, batchKey);
    if (winner) return repeatOf(winner, contentSha256, batch.batchId);
    throw error;
  }
}

const DUCK: Record<DatasetField['type'], string> = {
  float: 'DOUBLE',
  int: 'INTEGER',
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
};

function typeFits(f: DatasetField, v: unknown): boolean {
  switch (f.type) {
    case 'float':
      return typeof v === 'number' && Number.isFinite(v);
    case 'int':
      return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= INT32;
    case 'string':
      return typeof v === 'string';
    case 'boolean':
      return typeof v === 'boolean';
    default:
      return false;
  }
}

const describeType = (f: DatasetField) =>
  ({ float: 'a finite number', int: 'a 32-bit integer', string: 'text', boolean: 'true or false' })[f.type];

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
