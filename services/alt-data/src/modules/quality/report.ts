import { altObservationDataset } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { altIngestBatches } from '@alphagraph/db/schema/alt';
import { type Lake, latestAsOf, quoteIdent } from '@alphagraph/lake';
import { and, eq, lte } from 'drizzle-orm';
import { z } from 'zod';
import type { DatasetRecord } from '../datasets/store.ts';
import type { ObservationStore } from '../observations/store.ts';

export interface ObservationQualityReport {
  readonly datasetId: string;
  readonly asOf: Date;
  readonly version: number;
  /** Stored rows (every version of every observation) available at asOf. */
  readonly rows: number;
  /** Distinct observations (entity, event_time, seq) known at asOf. */
  readonly observations: number;
  /** Rows beyond each observation's first version: corrections. */
  readonly corrections: number;
  readonly entities: number;
  readonly firstEventTime: Date | null;
  readonly lastEventTime: Date | null;
  readonly lastAvailableAt: Date | null;
  /** Per declared field, over the latest versions known at asOf. */
  readonly fields: { field: string; nulls: number; nullRate: number }[];
  /** What ingestion's rules flagged, over batches committed by asOf. */
  readonly ruleViolations: { rule: string; action: string; rows: number }[];
  /** Rows whose available_at - (event end) exceeds the declared latency. */
  readonly lateArrivals: number;
  readonly maxLagSeconds: number | null;
  /** Consecutive observations of an entity further apart than the declared cadence. */
  readonly gaps: number;
  readonly largestGapSeconds: number | null;
  /** asOf - the latest availability; null when nothing is stored. */
  readonly stalenessSeconds: number | null;
  readonly stale: boolean;
  readonly alerts: { kind: 'STALE' | 'EMPTY'; message: string }[];
}

const num = z.union([z.number(), z.bigint()]).transform(Number);
const optNum = num.nullable();
const summaryRow = z.object({
  rows: num,
  entities: num,
  late: num,
  max_lag: optNum,
  first_event: z.date().nullable(),
  last_event: z.date().nullable(),
  last_available: z.date().nullable(),
});

/**
 * Data quality of one dataset's current schema version as of `asOf` (the lake and the ingestion
 * reports as they were then), the counterpart of market-data's report for bars.
 */
export async function observationQuality(
  deps: { db: Db; lake: Lake; observations: ObservationStore },
  dataset: DatasetRecord,
  asOf: Date,
): Promise<ObservationQualityReport> {
  const batches = await deps.db
    .select({ ruleCounts: altIngestBatches.ruleCounts })
    .from(altIngestBatches)
    .where(and(eq(altIngestBatches.datasetId, dataset.id), lte(altIngestBatches.finishedAt, asOf)));
  const violations = new Map<string, { rule: string; action: string; rows: number }>();
  for (const b of batches) {
    for (const c of b.ruleCounts) {
      const key = `${c.rule}/${c.action}`;
      const v = violations.get(key) ?? { rule: c.rule, action: c.action, rows: 0 };
      v.rows += c.rows;
      violations.set(key, v);
    }
  }
  const ruleViolations = [...violations.values()].sort(
    (a, b) => a.rule.localeCompare(b.rule) || a.action.localeCompare(b.action),
  );
  const empty: ObservationQualityReport = {
    datasetId: dataset.id,
    asOf,
    version: dataset.version,
    rows: 0,
    observations: 0,
    corrections: 0,
    entities: 0,
    firstEventTime: null,
    lastEventTime: null,
    lastAvailableAt: null,
    fields: dataset.fields.map((f) => ({ field: f.name, nulls: 0, nullRate: 0 })),
    ruleViolations,
    lateArrivals: 0,
    maxLagSeconds: null,
    gaps: 0,
    largestGapSeconds: null,
    stalenessSeconds: null,
    stale: false,
    alerts: [{ kind: 'EMPTY', message: `${dataset.name} has no observations available at ${asOf.toISOString()}` }],
  };
  const snapshot = await deps.observations.snapshot(dataset);
  if (!snapshot) return empty;
  const contract = altObservationDataset(dataset);
  const periodSeconds = dataset.eventTime.kind === 'period' ? dataset.eventTime.periodSeconds : 0;
  const all = `(SELECT * FROM ${deps.lake.scan(snapshot)} WHERE available_at <= $1::TIMESTAMPTZ)`;
  const lag = `(epoch_us(available_at) - epoch_us(event_time)) / 1e6 - ${periodSeconds}`;
  const [summary] = await deps.lake.query(
    `SELECT count(*) AS rows, count(DISTINCT entity) AS entities,
            count(*) FILTER (WHERE ${lag} > ${dataset.latencySeconds}) AS late, max(${lag}) AS max_lag,
            min(event_time) AS first_event, max(event_time) AS last_event, max(available_at) AS last_available
     FROM ${all}`,
    [asOf],
  );
  const s = summaryRow.parse(summary);
  if (s.rows === 0) return empty;
  const known = latestAsOf(snapshot, { dataset: contract, asOf: '$1::TIMESTAMPTZ' });
  const cadence = dataset.cadenceSeconds;
  const [latest] = await deps.lake.query(
    `WITH k AS (SELECT * FROM ${known}),
          steps AS (SELECT (epoch_us(event_time) - epoch_us(lag(event_time) OVER (PARTITION BY entity ORDER BY event_time, seq))) / 1e6 AS gap FROM k)
     SELECT (SELECT count(*) FROM k) AS observations,
            ${cadence ? `(SELECT count(*) FROM steps WHERE gap > ${cadence})` : '0'} AS gaps,
            (SELECT max(gap) FROM steps) AS largest_gap
            ${dataset.fields.length ? `, ${dataset.fields.map((f) => `(SELECT count(*) FROM k WHERE ${quoteIdent(f.name)} IS NULL) AS ${quoteIdent(`n_${f.name}`)}`).join(', ')}` : ''}`,
    [asOf],
  );
  const l = latest as Record<string, unknown>;
  const observations = num.parse(l.observations);
  const stalenessSeconds = s.last_available ? (asOf.getTime() - s.last_available.getTime()) / 1000 : null;
  const stale =
    cadence != null && stalenessSeconds != null && stalenessSeconds > cadence + dataset.latencySeconds + periodSeconds;
  return {
    ...empty,
    rows: s.rows,
    observations,
    corrections: s.rows - observations,
    entities: s.entities,
    firstEventTime: s.first_event,
    lastEventTime: s.last_event,
    lastAvailableAt: s.last_available,
    fields: dataset.fields.map((f) => {
      const nulls = num.parse(l[`n_${f.name}`]);
      return { field: f.name, nulls, nullRate: observations ? nulls / observations : 0 };
    }),
    lateArrivals: s.late,
    maxLagSeconds: s.max_lag,
    gaps: num.parse(l.gaps),
    largestGapSeconds: optNum.parse(l.largest_gap ?? null),
    stalenessSeconds,
    stale,
    alerts: stale
      ? [
          {
            kind: 'STALE',
            message:
              `${dataset.name}: nothing new for ${Math.round(stalenessSeconds!)} s (last available ${s.last_available!.toISOString()}), ` +
              `beyond its cadence of ${cadence} s + latency ${dataset.latencySeconds} s`,
          },
        ]
      : [],
  };
}
