import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { BARS_DATASET } from '@alphagraph/datasets';
import { ZodError } from 'zod';
import {
  type BatchOutcome,
  type BatchSpec,
  fingerprintOf,
  type IngestionDeps,
  type ProgressListener,
  recordNoOp,
  runBatch,
} from './batch.ts';
import { IngestError } from './errors.ts';
import type { ConflictPolicy } from './lake-write.ts';
import {
  type BarInterval,
  BUILT_IN_MAPPINGS,
  type ColumnMapping,
  columnMappingSchema,
  INTERVALS,
  mappingNamed,
} from './mappings.ts';
import type { BatchRecord } from './report-store.ts';
import { type RuleSet, resolveRules } from './rules.ts';
import { type CandidateBar, createRowParser, type RawBar } from './shape.ts';
import { readBarFile } from './sources.ts';

/** The most rows one GraphQL batch may carry; files go through the CLI. */
export const MAX_GRAPHQL_ROWS = 10_000;

export interface Actor {
  readonly id: string;
  readonly roles: readonly string[];
}

interface CommonOptions {
  /** Rule overrides (`{ missing_value: 'fix', jump_threshold: 0.5 }`); defaults fill the rest. */
  readonly rules?: unknown;
  /** What to do with a row that differs from the stored version: a correction (default) or keep stored. */
  readonly conflicts?: ConflictPolicy | undefined;
  readonly actor: Actor;
  readonly requestId?: string | null | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

export interface FileIngestOptions extends CommonOptions {
  readonly path: string;
  /** A declared mapping's name, or a mapping object. */
  readonly mapping: string | ColumnMapping;
  /** Ingest even when the same file was ingested with the same mapping and rules before. */
  readonly force?: boolean | undefined;
  /** Only rows with a time before this instant (the rest are not read into the batch). */
  readonly before?: Date | undefined;
}

export interface RowsIngestOptions extends CommonOptions {
  readonly source: string;
  /** A declared mapping (symbol, time format and zone, interval, registration), or just an interval. */
  readonly mapping?: string | null | undefined;
  readonly interval?: BarInterval | null | undefined;
  readonly rows: readonly Omit<RawBar, 'line'>[];
}

/** Ingestion of bars: files (CLI, demo loader), small GraphQL batches, and releases from quarantine. */
export function createIngestion(deps: IngestionDeps) {
  return {
    /** Reads, validates and lands one CSV (plain or gzip) or Parquet file as one batch. */
    async ingestFile(options: FileIngestOptions): Promise<BatchRecord> {
      const mapping = resolveMapping(options.mapping);
      const spec: BatchSpec = {
        ...specOf(options, mapping),
        source: options.path,
        sourceKind: 'file',
        // A cut file is other content: its fingerprint must not match the whole file's.
        contentSha256: options.before
          ? createHash('sha256')
              .update(`${await sha256File(options.path)} before ${options.before.toISOString()}`)
              .digest('hex')
          : await sha256File(options.path),
      };
      if (!options.force) {
        const previous = await deps.reports.byFingerprint(fingerprintOf(spec));
        if (previous) return recordNoOp(deps, spec, previous);
      }
      const parse = createRowParser(mapping, options.path);
      const rows: CandidateBar[] = [];
      const cutoff = options.before?.getTime() ?? Number.POSITIVE_INFINITY;
      let cut = 0;
      const read = await readBarFile(deps.lake, {
        path: options.path,
        mapping,
        onRow: (raw) => {
          const bar = parse(raw);
          if (bar.time < cutoff) rows.push(bar);
          else cut += 1;
        },
        onProgress: (done, total) => options.onProgress?.('read', done, total),
      });
      return (await runBatch(deps, spec, rows, { rowsRead: read.rows - cut })).report;
    },

    /** Lands a small batch given as values (the GraphQL mutation). */
    async ingestRows(options: RowsIngestOptions): Promise<BatchRecord> {
      if (options.rows.length === 0) throw new IngestError('EMPTY_FILE', `${options.source}: the batch has no rows`);
      if (options.rows.length > MAX_GRAPHQL_ROWS) {
        throw new IngestError(
          'TOO_MANY_ROWS',
          `${options.source}: ${options.rows.length} rows; a GraphQL batch takes at most ${MAX_GRAPHQL_ROWS} (use the CLI for files)`,
        );
      }
      const mapping = options.mapping ? resolveMapping(options.mapping) : adHocMapping(options.interval);
      if (options.mapping && options.interval && options.interval !== mapping.interval) {
        throw new IngestError(
          'INVALID_MAPPING',
          `mapping ${mapping.name} is for ${mapping.interval} bars, not ${options.interval}`,
        );
      }
      const raw = options.rows.map((r, i) => ({ ...r, line: i + 1 }));
      const spec: BatchSpec = {
        ...specOf(options, mapping),
        source: `graphql:${options.source}`,
        sourceKind: 'graphql',
        contentSha256: createHash('sha256').update(JSON.stringify(raw)).digest('hex'),
      };
      const previous = await deps.reports.byFingerprint(fingerprintOf(spec));
      if (previous) return recordNoOp(deps, spec, previous);
      const parse = createRowParser(mapping, spec.source);
      return (await runBatch(deps, spec, raw.map(parse))).report;
    },

    /**
     * Ingests held quarantined rows as a new batch after review: the rules that held them now only
     * warn. Rows that still fail a rule that cannot warn stay held. Returns the batch and how many
     * rows were released.
     */
    async release(options: {
      ids?: readonly number[] | null;
      batchId?: string | null;
      actor: Actor;
      requestId?: string | null;
    }): Promise<{ report: BatchRecord; released: number }> {
      const held = await deps.reports.quarantine({
        status: 'held',
        ids: options.ids ?? null,
        batchId: options.batchId ?? null,
        first: MAX_GRAPHQL_ROWS,
      });
      if (held.length === 0) throw new IngestError('NOT_FOUND', 'no held quarantined rows match');
      const intervals = new Set(held.map((q) => q.interval));
      const batchIds = [...new Set(held.map((q) => q.batchId))];
      if (intervals.size > 1) throw new IngestError('INVALID_MAPPING', 'release rows of one interval at a time');
      const originals = await deps.reports.batches(batchIds);
      const original = originals[0]!;
      const interval = held[0]!.interval as BarInterval;
      const mapping = mappingNamed(original.mapping) ?? adHocMapping(interval);
      const rules = releaseRules(original.rules);
      const rows: CandidateBar[] = held.map((q) => ({
        // A release batch's "line" is the quarantined row's id.
        line: q.id,
        symbol: q.symbol,
        time: q.time.getTime(),
        day: interval === '1d' ? q.time.toISOString().slice(0, 10) : null,
        open: q.open,
        high: q.high,
        low: q.low,
        close: q.close,
        volume: q.volume,
        availableAt: 0,
      }));
      let released = 0;
      const outcome: BatchOutcome = await runBatch(
        deps,
        {
          source: `release:${batchIds.join(',')}`,
          sourceKind: 'release',
          mapping,
          rules,
          conflicts: 'correct',
          contentSha256: createHash('sha256')
            .update(JSON.stringify(held.map((q) => q.id)))
            .digest('hex'),
          actor: options.actor,
          requestId: options.requestId,
        },
        rows,
        {
          rowsRead: rows.length,
          releasing: (lines) => {
            released = lines.length;
            return [...lines];
          },
        },
      );
      return { report: outcome.report, released };
    },

    /** Marks held rows discarded after review (they stay on record, never ingested), audited. */
    async discard(ids: readonly number[], actor: Actor, requestId?: string | null): Promise<number> {
      const discarded = await deps.reports.discard(ids, actor.id);
      await deps.audit?.append({
        actor: actor.id,
        roles: actor.roles,
        action: 'mutation:discardQuarantinedBars',
        resource: `dataset:${BARS_DATASET.name}`,
        details: { ids, discarded },
        requestId: requestId ?? null,
      });
      return discarded;
    },
  };
}
export type Ingestion = ReturnType<typeof createIngestion>;

function specOf(options: CommonOptions, mapping: ColumnMapping) {
  return {
    mapping,
    rules: rulesOf(options.rules),
    conflicts: options.conflicts ?? 'correct',
    actor: options.actor,
    requestId: options.requestId,
    onProgress: options.onProgress,
  } satisfies Partial<BatchSpec>;
}

function rulesOf(overrides: unknown): RuleSet {
  try {
    return resolveRules(overrides);
  } catch (error) {
    if (error instanceof ZodError) {
      const issue = error.issues[0];
      throw new IngestError('INVALID_RULES', `rules: ${issue?.path.join('.') || '(root)'}: ${issue?.message}`, {
        cause: error,
      });
    }
    throw error;
  }
}

/** Rules of a release: the original batch's, with every `quarantine` turned into `warn` where a rule can warn. */
function releaseRules(original: Record<string, unknown>): RuleSet {
  const overrides: Record<string, unknown> = {};
  const base = resolveRules(original);
  for (const [rule, action] of Object.entries(base.actions)) {
    overrides[rule] =
      action === 'quarantine' ? (rule === 'unknown_instrument' || rule === 'duplicate' ? 'reject' : 'warn') : action;
  }
  return resolveRules({ ...overrides, jump_threshold: base.jumpThreshold });
}

function resolveMapping(mapping: string | ColumnMapping): ColumnMapping {
  if (typeof mapping !== 'string') {
    const parsed = columnMappingSchema.safeParse(mapping);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new IngestError('INVALID_MAPPING', `mapping: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    return parsed.data;
  }
  const found = mappingNamed(mapping);
  if (!found) {
    throw new IngestError(
      'UNKNOWN_MAPPING',
      `no mapping named ${JSON.stringify(mapping)}; declared mappings: ${[...BUILT_IN_MAPPINGS.keys()].join(', ')}`,
    );
  }
  return found;
}

/** Rows given as values: a symbol per row, an ISO-8601 time (a date for daily bars). */
function adHocMapping(interval: BarInterval | null | undefined): ColumnMapping {
  if (!interval || !INTERVALS.includes(interval)) {
    throw new IngestError('INVALID_MAPPING', `pass a mapping or an interval (${INTERVALS.join(', ')})`);
  }
  return columnMappingSchema.parse({
    name: `values_${interval}`,
    description: `bars given as values, ${interval}`,
    symbol: { column: 'symbol' },
    time: { column: 'time', format: interval === '1d' ? 'date' : 'iso' },
    interval,
    columns: { open: 'open', high: 'high', low: 'low', close: 'close', volume: 'volume' },
  });
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  try {
    for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  } catch (cause) {
    throw new IngestError('FILE_NOT_FOUND', `${path}: cannot be read (${(cause as Error).message})`, { cause });
  }
  return hash.digest('hex');
}
