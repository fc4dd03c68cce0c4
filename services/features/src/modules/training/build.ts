import { type LabelSpec, labelBarsSql, labelSpecSchema, labelValuesSql } from '@alphagraph/datasets';
import { type Lake, type ParquetWriteOptions, quoteIdent, quoteLiteral } from '@alphagraph/lake';
import { z } from 'zod';
import { type FeatureSource, pointInTimeJoinSql } from './pit-join.ts';
import { ISO_INSTANT, type OutputColumn } from './spec.ts';
import { commitUnwrapped, type SpinePlan, spinePlanSchema, spineRelation } from './spine.ts';

/**
 * Building a training set (issue 5 item 6). The output has one row per spine row, in spine order,
 * duplicates included: row_no, entity, t, split (when the spec asks for splits), then one column
 * per feature version (`<name>__v<version>`), then the label columns (`label_*`).
 *
 * Features (DESIGN section 4, rule 2; see ./pit-join.ts): for a spine row (e, t), only values with
 * available_at <= t exist; among them the latest event_time wins, and of that period the version
 * available last (exact ties: the greatest tiebreak, i.e. materialization run); a value whose
 * event_time is older than t - TTL is null, t - TTL itself still valid; an entity with no value
 * yet gets null. A market-wide feature (entity kind `market`, rows with entity MARKET) gives every
 * spine row, whatever its entity, the MARKET value by the same rules. Labels are anchored on the
 * latest bar known at t (see LabelSpec in @alphagraph/datasets).
 *
 * Everything a build reads is pinned in its resolution: feature-view and bars snapshot ids, the
 * spine (a stored snapshot, or the generated instants and entities), the labels' as-of instant and
 * the split boundaries. A rebuild re-reads exactly those, so data appended later changes nothing.
 */

/** What a spec resolved to when the training set was created; rebuilds read only this. */
export interface TrainingSetResolution {
  readonly features: readonly ResolvedFeature[];
  readonly labels: readonly LabelSpec[];
  /** The bars snapshot labels read, and the instant whose latest bar versions they use. */
  readonly bars: {
    readonly lakeDataset: string;
    readonly snapshotId: number;
    readonly asOf: string;
    readonly interval: string;
  } | null;
  readonly spine: SpinePlan;
  readonly split: ResolvedSplit | null;
  readonly columns: readonly OutputColumn[];
}

export interface ResolvedFeature {
  readonly ref: string;
  readonly featureId: string;
  /** Column in the output. */
  readonly column: string;
  readonly lakeDataset: string;
  readonly snapshotId: number;
  /** Column in the feature view. */
  readonly viewColumn: string;
  /** Null: no TTL. */
  readonly ttlSeconds: number | null;
  /** The feature's entity kind; resolutions recorded before it existed are per instrument. */
  readonly entityKind?: 'instrument' | 'market';
}

export interface ResolvedSplit {
  readonly validationStart: string;
  readonly testStart: string;
  readonly embargoSeconds: number;
}

export const resolutionSchema: z.ZodType<TrainingSetResolution> = z.object({
  features: z.array(
    z.object({
      ref: z.string(),
      featureId: z.string(),
      column: z.string(),
      lakeDataset: z.string(),
      snapshotId: z.number().int(),
      viewColumn: z.string(),
      ttlSeconds: z.number().nullable(),
      entityKind: z.enum(['instrument', 'market']).optional(),
    }),
  ),
  labels: z.array(labelSpecSchema),
  bars: z
    .object({ lakeDataset: z.string(), snapshotId: z.number().int(), asOf: z.string(), interval: z.string() })
    .nullable(),
  spine: spinePlanSchema,
  split: z.object({ validationStart: z.string(), testStart: z.string(), embargoSeconds: z.number().int() }).nullable(),
  columns: z.array(
    z.object({
      name: z.string(),
      type: z.enum(['BIGINT', 'VARCHAR', 'TIMESTAMPTZ', 'DOUBLE']),
      kind: z.enum(['key', 'split', 'feature', 'label']),
      source: z.string().nullable(),
    }),
  ),
});

/**
 * How a training set is written, recorded in each build's snapshot summary. Measured on the 1.27M
 * rows x 50 features benchmark: zstd at level 1 makes a file 3% larger than level 3 (230 against
 * 224 MB) for about a quarter less write CPU, and every Parquet reader a quant uses (pyarrow,
 * polars, Spark, DuckDB) reads zstd; LZ4 (written as LZ4_RAW, which older readers lack) saves a
 * little more CPU for a 10% larger file, snappy a 60% larger one. No dictionaries: the feature
 * columns are nearly all distinct doubles, where trying one costs about a quarter of the write and
 * the file comes out the same size.
 */
export const TRAINING_SET_PARQUET: ParquetWriteOptions = {
  compression: 'zstd',
  compressionLevel: 1,
  dictionary: false,
};

function at(iso: string): string {
  if (!ISO_INSTANT.test(iso)) throw new Error(`not an ISO-8601 instant: ${iso}`);
  return `${quoteLiteral(iso)}::TIMESTAMPTZ`;
}

/**
 * The joined rows with their split, spelled as the API's TrainingSplit (rows within the embargo
 * before a boundary are EMBARGO; builds before this spelling wrote lower case, which readers fold). The
 * split depends on t alone, so it is added after the join and its sort instead of riding through
 * them; a projection keeps the order of the rows it reads.
 */
function withSplit(joined: string, split: ResolvedSplit | null): string {
  if (!split) return joined;
  const gap = `to_microseconds(${BigInt(split.embargoSeconds) * 1_000_000n})`;
  const [v, t] = [at(split.validationStart), at(split.testStart)];
  return `SELECT *, CASE WHEN t >= ${t} THEN 'TEST' WHEN t >= ${t} - ${gap} THEN 'EMBARGO'
      WHEN t >= ${v} THEN 'VALIDATION' WHEN t >= ${v} - ${gap} THEN 'EMBARGO' ELSE 'TRAIN' END AS split
    FROM (${joined})`;
}

/**
 * Builds the training set into `lakeDataset` (overwriting the previous build) in one DuckDB
 * session: stage the spine's instants and entities (or read the stored spine) and the labels' values,
 * then one query (point-in-time join of every feature view, plus the labels as one more source),
 * in spine order, written as Parquet with TRAINING_SET_PARQUET.
 */
export async function buildTrainingSet(options: {
  lake: Lake;
  lakeDataset: string;
  resolution: TrainingSetResolution;
  summary?: Record<string, unknown>;
}): Promise<{ snapshotId: number; rows: number }> {
  const { lake, resolution: r } = options;
  await lake.registerDataset({
    name: options.lakeDataset,
    owner: 'features',
    description: 'a point-in-time training set (features, labels, split) per spine row',
    columns: r.columns.map((c) => ({ name: c.name, type: c.type })),
  });
  let rows = 0;
  const snapshot = await commitUnwrapped(
    lake,
    options.lakeDataset,
    async (w) => {
      const s = w.session;
      const spine = await spineRelation(s, lake, r.spine);
      const sources = await featureSources(lake, r.features);
      if (r.labels.length > 0 && r.bars) {
        const bars = lake.scan(await lake.snapshot(r.bars.lakeDataset, r.bars.snapshotId));
        const q = labelBarsSql({
          bars,
          entities: `(SELECT DISTINCT entity FROM ${spine})`,
          interval: r.bars.interval,
          asOf: new Date(r.bars.asOf),
        });
        await s.run(`CREATE TEMP TABLE label_bars AS ${q.sql}`, q.params);
        // Staged, because the join reads a source twice (keys, then values by row_id) and rowid
        // names a staged row for good, where a query of joins and windows has no stable order;
        // staged in key order, so the row ids are the same in every build.
        await s.run(`CREATE TEMP TABLE label_values AS
          SELECT * FROM (${labelValuesSql(r.labels, 'label_bars')}) ORDER BY entity, event_time, available_at`);
        const labelColumns = r.columns.filter((c) => c.kind === 'label');
        // Labels have no TTL: their anchor is the latest bar known at t, however old.
        sources.push({
          relation: '(SELECT rowid AS row_id, * FROM label_values)',
          features: labelColumns.map((c) => ({ column: c.name, as: c.name, ttlSeconds: null })),
        });
      }
      rows = await w.writeQuery(withSplit(pointInTimeJoinSql(spine, sources), r.split), [], TRAINING_SET_PARQUET);
      // One output row per spine row: values are fetched by row_id, so a source whose row ids
      // were not unique would repeat spine rows. Refuse to publish that rather than trust it.
      const expected =
        r.spine.kind === 'schedule'
          ? r.spine.instants.length * r.spine.entities.length
          : (await lake.snapshot(r.spine.lakeDataset, r.spine.snapshotId)).rowCount;
      if (rows !== expected) throw new Error(`the join wrote ${rows} rows for ${expected} spine rows`);
    },
    { ...options.summary, parquet: TRAINING_SET_PARQUET },
  );
  return { snapshotId: snapshot.id, rows };
}

/** One source per feature view, reading only the columns the training set uses. */
async function featureSources(lake: Lake, features: readonly ResolvedFeature[]): Promise<FeatureSource[]> {
  const byView = new Map<string, ResolvedFeature[]>();
  for (const f of features) {
    const key = `${f.lakeDataset}@${f.snapshotId}/${f.entityKind ?? 'instrument'}`;
    byView.set(key, [...(byView.get(key) ?? []), f]);
  }
  const sources: FeatureSource[] = [];
  for (const group of byView.values()) {
    const { lakeDataset, snapshotId, entityKind } = group[0]!;
    const snapshot = await lake.snapshot(lakeDataset, snapshotId);
    const columns = [...new Set(group.map((f) => quoteIdent(f.viewColumn)))];
    sources.push({
      relation: `(SELECT entity, event_time, available_at, tiebreak, row_id, ${columns.join(', ')}
        FROM ${lake.scan(snapshot, { rowId: true })})`,
      entityKind: entityKind ?? 'instrument',
      features: group.map((f) => ({ column: f.viewColumn, as: f.column, ttlSeconds: f.ttlSeconds })),
    });
  }
  return sources;
}
