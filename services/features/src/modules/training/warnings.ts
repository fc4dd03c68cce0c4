import { type Lake, quoteIdent } from '@alphagraph/lake';
import { z } from 'zod';
import type { TrainingSetResolution } from './build.ts';

/** The split values, spelled as the API's TrainingSplit enum (and written so in the Parquet files). */
export const SPLIT_NAMES = ['TRAIN', 'VALIDATION', 'TEST', 'EMBARGO'] as const;
export type SplitName = (typeof SPLIT_NAMES)[number];

export type TrainingSetWarningCode = 'ALL_NULL_COLUMN' | 'EMPTY_SPLIT' | 'EMBARGO_SHORTER_THAN_LABEL';

/** Something a training set is probably wrong about, stored with it and returned by createTrainingSet. */
export interface TrainingSetWarning {
  readonly code: TrainingSetWarningCode;
  readonly message: string;
  /** The output column concerned (a feature, or the label whose horizon the embargo misses). */
  readonly column: string | null;
  readonly split: SplitName | null;
}

export const warningSchema: z.ZodType<TrainingSetWarning> = z.object({
  code: z.enum(['ALL_NULL_COLUMN', 'EMPTY_SPLIT', 'EMBARGO_SHORTER_THAN_LABEL']),
  message: z.string(),
  column: z.string().nullable(),
  split: z.enum(SPLIT_NAMES).nullable(),
});

/** Rows per split of one build. */
export type SplitRows = Readonly<Record<SplitName, number>>;

export interface BuildSummary {
  /** Null when the set has no splits. */
  readonly splitRows: SplitRows | null;
  readonly warnings: readonly TrainingSetWarning[];
}

/** The shortest span, in seconds, a label over `horizon` bars of `interval` can look ahead. */
const BAR_SECONDS: Readonly<Record<string, number>> = { '1d': 86_400, '1h': 3_600 };

/**
 * A split embargo shorter than the longest label's horizon: the labels of the last training
 * (validation) rows are computed from prices inside the next split. A label over n daily bars looks
 * at least n days ahead (n sessions, without a weekend), so the embargo should be at least that.
 * Expression labels declare no horizon and are not judged.
 */
export function embargoWarnings(r: TrainingSetResolution): TrainingSetWarning[] {
  if (!r.split || !r.bars) return [];
  const barSeconds = BAR_SECONDS[r.bars.interval] ?? 86_400;
  let longest: { name: string; horizon: number } | null = null;
  for (const l of r.labels) {
    if (l.kind !== 'expression' && (!longest || l.horizon > longest.horizon))
      longest = { name: l.name, horizon: l.horizon };
  }
  if (!longest) return [];
  const needed = longest.horizon * barSeconds;
  const embargo = r.split.embargoSeconds;
  if (embargo >= needed) return [];
  return [
    {
      code: 'EMBARGO_SHORTER_THAN_LABEL',
      column: `label_${longest.name}`,
      split: null,
      message:
        `split.embargoSeconds is ${embargo} seconds, shorter than label ${longest.name}'s horizon of ` +
        `${longest.horizon} ${r.bars.interval} bars (at least ${needed} seconds): the labels of rows just before a split ` +
        `boundary read prices from the next split; set embargoSeconds to at least ${needed}`,
    },
  ];
}

const countRow = z.record(z.string(), z.coerce.number());

/**
 * Counts one build's rows per split and non-null values per feature and label column, and warns
 * of every feature or label column null in all rows and every TRAIN, VALIDATION or TEST split
 * with no rows (one aggregate over the output).
 */
export async function summarizeBuild(options: {
  lake: Lake;
  lakeDataset: string;
  snapshotId: number;
  resolution: TrainingSetResolution;
}): Promise<BuildSummary> {
  const { lake, resolution: r } = options;
  const scan = lake.scan(await lake.snapshot(options.lakeDataset, options.snapshotId));
  const values = r.columns.filter((c) => c.kind === 'feature' || (c.kind === 'label' && c.type === 'DOUBLE'));
  const aggregates = [
    'count(*) AS total',
    ...values.map((c, i) => `count(${quoteIdent(c.name)}) AS n${i}`),
    ...(r.split ? SPLIT_NAMES.map((s) => `count(*) FILTER (WHERE upper(split) = '${s}') AS "${s}"`) : []),
  ];
  const [raw] = await lake.query(`SELECT ${aggregates.join(', ')} FROM ${scan}`);
  const counts = countRow.parse(raw);
  const total = counts.total!;
  const warnings: TrainingSetWarning[] = [...embargoWarnings(r)];
  values.forEach((c, i) => {
    if (counts[`n${i}`] !== 0 || total === 0) return;
    const what = c.kind === 'feature' ? `feature column ${c.name} (${c.source})` : `label column ${c.name}`;
    const why =
      c.kind === 'feature'
        ? 'no value of it was known at any spine time (the spine is before its first materialized value, or every value was older than its TTL)'
        : 'no spine row has the bars its label needs';
    warnings.push({
      code: 'ALL_NULL_COLUMN',
      column: c.name,
      split: null,
      message: `${what} is null in all ${total} rows: ${why}`,
    });
  });
  let splitRows: SplitRows | null = null;
  if (r.split) {
    splitRows = Object.fromEntries(SPLIT_NAMES.map((s) => [s, counts[s]!])) as SplitRows;
    for (const s of SPLIT_NAMES) {
      if (s === 'EMBARGO' || splitRows[s] > 0) continue;
      warnings.push({
        code: 'EMPTY_SPLIT',
        column: null,
        split: s,
        message:
          `split ${s} has no rows: no spine time falls in it ` +
          `(validation starts ${r.split.validationStart}, test starts ${r.split.testStart}, embargo ${r.split.embargoSeconds} seconds)`,
      });
    }
  }
  return { splitRows, warnings };
}
