import { nextSessionDay, previousSessionDay, sessionClose, sessionOn } from '@alphagraph/calendar';
import type { LabelSpec, PublishedTrainingSet } from '@alphagraph/datasets';
import { type Lake, quoteIdent } from '@alphagraph/lake';
import type { Matrix } from '@alphagraph/ml';
import { DomainError } from '@alphagraph/service';

/** The rows of a training set's build a version reads, in spine order (columnar). */
export interface VersionRows {
  readonly n: number;
  readonly entity: readonly string[];
  /** Spine instants, epoch milliseconds. */
  readonly t: Float64Array;
  readonly split: readonly ('train' | 'validation' | 'test' | 'embargo' | null)[];
  /** Feature values in the version's column order; null read as NaN (the trainers' missing-value rule). */
  readonly X: Matrix;
  /** The label column's value (NaN when not known). */
  readonly label: Float64Array;
  /** When each row's label became known (epoch ms), for purging; see `labelKnownAt`. */
  readonly labelKnown: Float64Array;
}

export const labelColumnOf = (label: string): string => `label_${label}`;

/** The training set's label of that name, or an error naming the labels it has. */
export function labelOf(ts: PublishedTrainingSet, name: string): LabelSpec {
  const label = ts.labels.find((l) => l.name === name);
  if (!label) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `training set ${ts.id} has no label ${name} (it has ${ts.labels.map((l) => l.name).join(', ') || 'none'})`,
    );
  }
  return label;
}

const DAY_MS = 86_400_000;

/**
 * When a label became known, an upper bound used to purge cross-validation (AFML ch. 7): a
 * forward-return or triple-barrier label over n bars anchored on the latest daily bar known at t
 * is known at the close of the n-th XNYS session after the anchor's session (the anchor is the
 * last session that closed at or before t); a triple-barrier label that touched earlier gives its
 * touch time (`label_<name>_touch`) instead. An expression label has no declared span: it is
 * treated as known at t (so nothing is purged for it; prefer a declared label for CV).
 */
export function labelKnownAt(label: LabelSpec): (t: number, touch: number | null) => number {
  if (label.kind === 'expression') return (t) => t;
  const horizon = label.horizon;
  const cache = new Map<string, number>();
  const anchorDate = (t: number): string => {
    let date = new Date(t).toISOString().slice(0, 10);
    const session = sessionOn('XNYS', date);
    if (!session || session.close.getTime() > t) date = previousSessionDay('XNYS', date);
    return date;
  };
  return (t, touch) => {
    if (touch !== null && Number.isFinite(touch)) return touch;
    const key = new Date(Math.floor(t / DAY_MS) * DAY_MS).toISOString() + (t % DAY_MS);
    let known = cache.get(key);
    if (known === undefined) {
      let date = anchorDate(t);
      for (let i = 0; i < horizon; i++) date = nextSessionDay('XNYS', date);
      known = sessionClose('XNYS', date).getTime();
      cache.set(key, known);
    }
    return known;
  };
}

const num = (v: unknown): number => (v === null || v === undefined ? Number.NaN : Number(v));

/** Reads the version's columns of the training set's pinned build. */
export async function readVersionRows(
  lake: Lake,
  ts: PublishedTrainingSet,
  featureColumns: readonly string[],
  label: LabelSpec,
  options: { labelOptional?: boolean } = {},
): Promise<VersionRows> {
  if (ts.status !== 'ready' || ts.snapshotId === null) {
    throw new DomainError('FAILED_PRECONDITION', `training set ${ts.id} is ${ts.status}, not ready`);
  }
  const present = new Set(ts.columns.map((c) => c.name));
  const labelColumn = labelColumnOf(label.name);
  const touchColumn = `${labelColumn}_touch`;
  const hasTouch = present.has(touchColumn);
  const hasSplit = present.has('split');
  const hasLabel = present.has(labelColumn);
  if (!hasLabel && !options.labelOptional) {
    throw new DomainError('BAD_USER_INPUT', `training set ${ts.id} has no label column ${labelColumn}`);
  }
  const snapshot = await lake.snapshot(ts.lakeDataset, ts.snapshotId);
  const select = [
    'entity',
    'epoch_ms(t) AS t',
    // Builds spell splits as the API does (TRAIN, …); the trainers' names are lower case.
    hasSplit ? 'lower(split) AS split' : 'NULL AS split',
    ...featureColumns.map((c) => `CAST(${quoteIdent(c)} AS DOUBLE) AS ${quoteIdent(c)}`),
    hasLabel ? `CAST(${quoteIdent(labelColumn)} AS DOUBLE) AS __label` : 'NULL AS __label',
    hasTouch ? `epoch_ms(${quoteIdent(touchColumn)}) AS __touch` : 'NULL AS __touch',
  ];
  const rows = await lake.query<Record<string, unknown>>(
    `SELECT ${select.join(', ')} FROM ${lake.scan(snapshot)} ORDER BY row_no`,
  );
  const n = rows.length;
  const p = featureColumns.length;
  const data = new Float64Array(n * p);
  const t = new Float64Array(n);
  const labels = new Float64Array(n);
  const labelKnown = new Float64Array(n);
  const entity: string[] = new Array(n);
  const split: VersionRows['split'][number][] = new Array(n);
  const known = labelKnownAt(label);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    entity[i] = String(r.entity);
    t[i] = num(r.t);
    split[i] = (r.split as VersionRows['split'][number]) ?? null;
    for (let j = 0; j < p; j++) data[i * p + j] = num(r[featureColumns[j]!]);
    labels[i] = num(r.__label);
    const touch = r.__touch === null || r.__touch === undefined ? null : Number(r.__touch);
    labelKnown[i] = known(t[i]!, touch);
  }
  return { n, entity, t, split, X: { rows: n, cols: p, data }, label: labels, labelKnown };
}

export { take, takeRows } from './rows.ts';
