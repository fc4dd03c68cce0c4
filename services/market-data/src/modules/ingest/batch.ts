import { createHash, randomUUID } from 'node:crypto';
import type { AuditLog } from '@alphagraph/auth';
import type { CalendarCode } from '@alphagraph/calendar';
import { BARS_DATASET } from '@alphagraph/datasets';
import type { Lake } from '@alphagraph/lake';
import { type InstrumentInput, type InstrumentStore, instrumentInsertSchema } from '../instruments/store.ts';
import { type ConflictPolicy, type VersionCounts, writeBars } from './lake-write.ts';
import { withIngestLock } from './lock.ts';
import { type CorporateActionLookup, priorCloses } from './lookups.ts';
import type { ColumnMapping } from './mappings.ts';
import type { BatchRecord, IngestReportStore, QuarantineInsert } from './report-store.ts';
import { type RuleSet, rulesRecord } from './rules.ts';
import type { CandidateBar } from './shape.ts';
import { createBarClock } from './time.ts';
import { type Validation, validateBars } from './validate.ts';

export interface IngestionDeps {
  readonly lake: Lake;
  readonly instruments: InstrumentStore;
  readonly reports: IngestReportStore;
  readonly corporateActions: CorporateActionLookup;
  readonly audit?: AuditLog | undefined;
  /** Ingestion time (epoch ms); tests pin it. */
  readonly now?: (() => number) | undefined;
  /**
   * Test hook: runs inside the transaction publishing the bars, after the batch is recorded in it;
   * throwing rolls back the batch, its instruments and the snapshot together.
   */
  readonly beforePublish?: (() => Promise<void> | void) | undefined;
}

export type IngestPhase = 'read' | 'validate' | 'stage' | 'write' | 'commit';
export type ProgressListener = (phase: IngestPhase, done: number, total: number) => void;

export interface BatchSpec {
  readonly source: string;
  readonly sourceKind: 'file' | 'graphql' | 'release';
  readonly mapping: ColumnMapping;
  readonly rules: RuleSet;
  readonly conflicts: ConflictPolicy;
  readonly contentSha256: string;
  readonly actor: { readonly id: string; readonly roles: readonly string[] };
  readonly requestId?: string | null | undefined;
  readonly onProgress?: ProgressListener | undefined;
}

/** What an ingestion produced: the stored report, and which input lines ended up accepted. */
export interface BatchOutcome {
  readonly report: BatchRecord;
  readonly acceptedLines: readonly number[];
}

/** sha256 over content, mapping, rules and conflict policy: the same ingestion has the same fingerprint. */
export function fingerprintOf(spec: Pick<BatchSpec, 'contentSha256' | 'mapping' | 'rules' | 'conflicts'>): string {
  return createHash('sha256')
    .update(JSON.stringify([spec.contentSha256, spec.mapping, rulesRecord(spec.rules), spec.conflicts]))
    .digest('hex');
}

/** Stores a report of an ingestion that changed nothing because the same one already ran. */
export async function recordNoOp(deps: IngestionDeps, spec: BatchSpec, previous: BatchRecord): Promise<BatchRecord> {
  const now = new Date((deps.now ?? Date.now)());
  const id = randomUUID();
  await deps.reports.insertNoOp({
    // Recognised by its fingerprint, the content is not read again: every count is 0.
    ...counts(0),
    id,
    source: spec.source,
    sourceKind: spec.sourceKind,
    mapping: spec.mapping.name,
    interval: spec.mapping.interval,
    contentSha256: spec.contentSha256,
    fingerprint: previous.fingerprint,
    rules: rulesRecord(spec.rules),
    conflicts: spec.conflicts,
    sameAs: previous.id,
    status: 'unchanged',
    ruleCounts: {},
    createdBy: spec.actor.id,
    startedAt: now,
    finishedAt: now,
  });
  return (await deps.reports.batch(id))!;
}

/**
 * Validates parsed rows and lands them as one batch: the accepted rows in ONE lake commit, the
 * report, issues and quarantined rows in Postgres. If anything fails before the lake publishes, the
 * Postgres side is undone, so a failed batch leaves stored data exactly as it was.
 */
export async function runBatch(
  deps: IngestionDeps,
  spec: BatchSpec,
  rows: CandidateBar[],
  options: { rowsRead: number; releasing?: (acceptedLines: readonly number[]) => number[] } = { rowsRead: rows.length },
): Promise<BatchOutcome> {
  const now = (deps.now ?? Date.now)();
  const startedAt = new Date(now);
  const { mapping, rules } = spec;
  spec.onProgress?.('validate', 0, rows.length);
  const symbols = [...new Set(rows.map((r) => r.symbol))];
  const { calendars, unknown, register } = await resolveInstruments(deps.instruments, mapping, symbols);
  const firstTimes = new Map<string, number>();
  let firstDay = '9999-12-31';
  let lastDay = '0000-01-01';
  for (const r of rows) {
    if ((firstTimes.get(r.symbol) ?? Number.POSITIVE_INFINITY) > r.time) firstTimes.set(r.symbol, r.time);
    if (r.day && r.day < firstDay) firstDay = r.day;
    if (r.day && r.day > lastDay) lastDay = r.day;
  }
  const prior = await priorCloses(deps.lake, mapping.interval, firstTimes);
  const actions =
    mapping.interval === '1d' && rows.length > 0 ? await deps.corporateActions(symbols, firstDay, lastDay) : new Set();
  const validation = validateBars(rows, {
    interval: mapping.interval,
    rules,
    now,
    calendarOf: (s) => calendars.get(s),
    unknownReason: (s) => unknown.get(s) ?? null,
    priorClose: (s) => prior.get(s) ?? null,
    hasCorporateAction: (s, day) => actions.has(`${s}|${day}`),
    clock: createBarClock(),
  });
  spec.onProgress?.('validate', rows.length, rows.length);
  const acceptedLines = validation.accepted.map((a) => a.line);
  const releasing = options.releasing?.(acceptedLines) ?? [];
  const usedSymbols = new Set(validation.accepted.map((a) => a.symbol));
  const batchId = randomUUID();

  const recording = (versions: VersionCounts, outcome: { snapshotId: number | null }) => ({
    batch: {
      ...batchRow(batchId, spec, validation, versions, options.rowsRead, startedAt),
      status: outcome.snapshotId === null ? ('unchanged' as const) : ('committed' as const),
      snapshotId: outcome.snapshotId,
      finishedAt: new Date(),
    },
    issues: validation.issues,
    quarantine: quarantineRows(validation, mapping.interval),
    releasing,
    actor: spec.actor.id,
  });

  const report = await withIngestLock(deps.reports, async () => {
    await reconcileUnfinished(deps);
    // The batch, its issues and quarantine, released rows and the instruments it introduces are
    // recorded in the catalog transaction that publishes its bars: all of it is visible, or none.
    const written = await writeBars(deps.lake, {
      batchId,
      interval: mapping.interval,
      rows: validation.accepted,
      conflicts: spec.conflicts,
      now,
      summary: { source: spec.source, mapping: mapping.name, sourceKind: spec.sourceKind },
      onProgress: spec.onProgress,
      onPublish: async (tx, snapshot, versions) => {
        await deps.reports.record(tx, {
          ...recording(versions, { snapshotId: snapshot.id }),
          register: register.filter((i) => usedSymbols.has(i.symbol)),
        });
        await deps.beforePublish?.();
      },
    });
    if (!written.snapshot) {
      // Nothing differed from what is stored: record the report (and any quarantined rows) alone.
      await deps.reports.begin({ ...recording(written.counts, { snapshotId: null }), register: [] });
    }
    spec.onProgress?.('commit', 1, 1);
    return (await deps.reports.batch(batchId))!;
  });
  await audit(deps, spec, report);
  return { report, acceptedLines };
}

async function resolveInstruments(store: InstrumentStore, mapping: ColumnMapping, symbols: readonly string[]) {
  const calendars = new Map<string, CalendarCode>();
  const unknown = new Map<string, string>();
  const register: InstrumentInput[] = [];
  for (const i of await store.bySymbols(symbols)) calendars.set(i.symbol, i.calendar as CalendarCode);
  const template = mapping.registerInstruments;
  for (const symbol of symbols) {
    if (calendars.has(symbol)) continue;
    if (!template) {
      unknown.set(
        symbol,
        `${symbol} is not in the instrument master; register it or use a mapping that registers instruments`,
      );
      continue;
    }
    const parsed = instrumentInsertSchema.safeParse({ ...template, symbol, name: template.name ?? symbol });
    if (!parsed.success) {
      unknown.set(symbol, `${JSON.stringify(symbol)} cannot be registered: ${parsed.error.issues[0]?.message}`);
      continue;
    }
    register.push(parsed.data);
    calendars.set(symbol, template.calendar);
  }
  return { calendars, unknown, register };
}

function counts(rowsRead: number) {
  return {
    rowsRead,
    accepted: 0,
    inserted: 0,
    corrections: 0,
    unchanged: 0,
    keptStored: 0,
    fixed: 0,
    dropped: 0,
    quarantined: 0,
    rejected: 0,
    warnings: 0,
  };
}

function batchRow(
  id: string,
  spec: BatchSpec,
  v: Validation,
  versions: { inserted: number; corrections: number; unchanged: number; keptStored: number },
  rowsRead: number,
  startedAt: Date,
) {
  const ruleCounts = Object.fromEntries(
    Object.entries(v.ruleCounts).map(([rule, rows]) => [
      rule,
      { action: spec.rules.actions[rule as keyof typeof v.ruleCounts], rows },
    ]),
  );
  return {
    ...counts(rowsRead),
    ...versions,
    id,
    accepted: v.accepted.length,
    fixed: v.fixed,
    dropped: v.dropped,
    quarantined: v.quarantined.length,
    rejected: v.rejected.length,
    warnings: v.warnings,
    source: spec.source,
    sourceKind: spec.sourceKind,
    mapping: spec.mapping.name,
    interval: spec.mapping.interval,
    contentSha256: spec.contentSha256,
    fingerprint: fingerprintOf(spec),
    rules: rulesRecord(spec.rules),
    conflicts: spec.conflicts,
    ruleCounts,
    issuesTruncated: v.issuesTruncated,
    createdBy: spec.actor.id,
    startedAt,
  };
}

function quarantineRows(v: Validation, interval: string): QuarantineInsert[] {
  return v.quarantined.map(({ bar, rules, reason }) => ({
    line: bar.line,
    symbol: bar.symbol,
    interval,
    time: new Date(bar.time),
    open: bar.open,
    high: bar.high,
    low: bar.low,
    close: bar.close,
    volume: bar.volume,
    rules,
    reason,
  }));
}

/**
 * A batch left `committing` by an earlier version, which recorded a batch before publishing its bars
 * and died before finishing it: if its bars were published it is marked committed, otherwise it is
 * undone. Batches are now recorded in the publishing transaction and never left `committing`. Runs
 * under the ingest lock, so no live batch is mid-commit.
 */
async function reconcileUnfinished(deps: IngestionDeps): Promise<void> {
  const unfinished = await deps.reports.unfinished();
  if (unfinished.length === 0) return;
  const history = await deps.lake.history(BARS_DATASET.name, 1000);
  for (const b of unfinished) {
    const snapshot = history.find((s) => s.summary.batchId === b.id);
    if (snapshot) await deps.reports.finish(b.id, { snapshotId: snapshot.id, status: 'committed' });
    else await deps.reports.undo(b.id);
  }
}

async function audit(deps: IngestionDeps, spec: BatchSpec, report: BatchRecord): Promise<void> {
  if (!deps.audit) return;
  try {
    await deps.audit.append({
      actor: spec.actor.id,
      roles: spec.actor.roles,
      action: spec.sourceKind === 'release' ? 'mutation:releaseQuarantinedBars' : 'ingest:bars',
      resource: `dataset:${BARS_DATASET.name}`,
      details: {
        batchId: report.id,
        source: report.source,
        status: report.status,
        snapshotId: report.snapshotId,
        inserted: report.inserted,
        corrections: report.corrections,
        quarantined: report.quarantined,
        rejected: report.rejected,
      },
      requestId: spec.requestId ?? null,
    });
  } catch (error) {
    // The batch is committed; a failed audit append must not report it as failed.
    console.error(`[market-data] audit append for ingestion batch ${report.id} failed:`, error);
  }
}
