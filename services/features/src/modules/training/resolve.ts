import { CalendarError } from '@alphagraph/calendar';
import { BARS_DATASET, featureColumn, labelColumns, labelValuesSql } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { DslError } from '@alphagraph/dsl';
import type { Lake, LakeParam } from '@alphagraph/lake';
import { z } from 'zod';
import { createFeatureStore, type FeatureRecord } from '../features/store.ts';
import { featureSetRefs } from '../sets/store.ts';
import { refOf } from '../views/naming.ts';
import { resolveViews } from '../views/reader.ts';
import type { ResolvedFeature, ResolvedSplit, TrainingSetResolution } from './build.ts';
import { canonicalEntities } from './entities.ts';
import { TrainingSetError } from './errors.ts';
import { type InputSnapshot, inputSnapshots } from './metadata.ts';
import type { OutputColumn, SplitSpec, TrainingSetSpec } from './spec.ts';
import { type SpinePlan, scheduleInstants, storeSpine } from './spine.ts';

/** The feature versions a spec names (refs, then each set's members), in order, without repeats. */
export async function resolveFeatureVersions(db: Db, spec: TrainingSetSpec): Promise<FeatureRecord[]> {
  const refs = [...spec.features];
  for (const name of spec.featureSets) {
    const members = await featureSetRefs(db, name);
    if (!members) throw new TrainingSetError('NOT_FOUND', `no feature set named ${name}`);
    refs.push(...members);
  }
  const unique = [...new Set(refs)];
  const found = await createFeatureStore(db).resolveRefs(unique);
  const missing = unique.filter((r) => !found.get(r));
  if (missing.length > 0) throw new TrainingSetError('NOT_FOUND', `no feature version matches ${missing.join(', ')}`);
  const seen = new Set<string>();
  return unique.map((r) => found.get(r)!).filter((f) => !seen.has(f.id) && seen.add(f.id));
}

export interface ResolvedTrainingSet {
  readonly resolution: TrainingSetResolution;
  readonly inputs: InputSnapshot[];
}

/**
 * Pins everything a build reads: each feature's view and snapshot, the bars snapshot and the
 * labels' as-of instant (now), the spine (stored in the lake when given, instants and entities
 * when generated) and the split boundaries.
 */
export async function resolveTrainingSet(options: {
  db: Db;
  lake: Lake;
  spec: TrainingSetSpec;
  features: readonly FeatureRecord[];
  /** Lake dataset names for this training set's output and stored spine. */
  names: { output: string; spine: string };
  now?: Date;
  /** The largest Parquet spine accepted, in bytes (FEATURES_SPINE_MAX_BYTES). */
  spineMaxBytes?: number;
}): Promise<ResolvedTrainingSet> {
  const { db, lake, spec } = options;
  const byRef = new Map(options.features.map((f) => [refOf(f), f]));
  const views = options.features.length > 0 ? await resolveViews(db, [...byRef.keys()]) : [];
  const located = new Map(views.flatMap((v) => v.columns.map((c) => [c.ref, { view: v, column: c }] as const)));
  const features: ResolvedFeature[] = [...byRef].map(([ref, f]) => {
    const at = located.get(ref);
    if (!at) throw new TrainingSetError('NOT_MATERIALIZED', `not materialized yet: ${ref}`);
    return {
      ref,
      featureId: f.id,
      column: featureColumn(f.name, f.version),
      lakeDataset: at.view.lakeDataset,
      snapshotId: at.view.snapshotId,
      viewColumn: at.column.column,
      ttlSeconds: at.column.ttlSeconds,
      entityKind: f.entity,
    };
  });

  let bars: TrainingSetResolution['bars'] = null;
  if (spec.labels.length > 0) {
    try {
      labelValuesSql(spec.labels, 'label_bars');
    } catch (error) {
      if (error instanceof DslError)
        throw new TrainingSetError('INVALID_SPEC', `label expression: ${error.message}`, { cause: error });
      throw error;
    }
    const snapshot = await lake.currentSnapshot(BARS_DATASET.name);
    if (!snapshot)
      throw new TrainingSetError('NOT_MATERIALIZED', 'labels read daily bars, and the lake holds none yet');
    bars = {
      lakeDataset: BARS_DATASET.name,
      snapshotId: snapshot.id,
      asOf: (options.now ?? new Date()).toISOString(),
      interval: spec.labelInterval,
    };
  }

  let spine: SpinePlan;
  if (spec.spine.kind === 'schedule') {
    const period = spec.period!;
    let instants: string[];
    try {
      instants = scheduleInstants({
        calendar: spec.spine.calendar,
        times: spec.spine.times,
        from: period.from,
        to: period.to,
      });
    } catch (error) {
      if (error instanceof CalendarError) throw new TrainingSetError('INVALID_SPEC', error.message, { cause: error });
      throw error;
    }
    if (instants.length === 0)
      throw new TrainingSetError(
        'INVALID_SPEC',
        `${spec.spine.calendar} has no session in ${period.from}..${period.to}`,
      );
    spine = { kind: 'schedule', instants, entities: await entitiesOf(options, spec) };
  } else {
    const stored = await storeSpine({
      lake,
      spine: spec.spine,
      lakeDataset: options.names.spine,
      period: spec.period,
      canonical: (entities, argument) => canonicalEntities(db, entities, argument),
      ...(options.spineMaxBytes === undefined ? {} : { maxBytes: options.spineMaxBytes }),
    });
    spine = { kind: 'stored', lakeDataset: options.names.spine, snapshotId: stored.snapshotId };
  }

  const columns: OutputColumn[] = [
    { name: 'row_no', type: 'BIGINT', kind: 'key', source: null },
    { name: 'entity', type: 'VARCHAR', kind: 'key', source: null },
    { name: 't', type: 'TIMESTAMPTZ', kind: 'key', source: null },
    ...(spec.split ? [{ name: 'split', type: 'VARCHAR', kind: 'split', source: null } as const] : []),
    ...features.map((f) => ({ name: f.column, type: 'DOUBLE', kind: 'feature', source: f.ref }) as const),
    ...spec.labels
      .flatMap(labelColumns)
      .map((c) => ({ name: c.name, type: c.type, kind: 'label', source: c.label }) as const),
  ];
  const names = columns.map((c) => c.name);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  if (repeated.length > 0)
    throw new TrainingSetError('INVALID_SPEC', `output columns repeat: ${[...new Set(repeated)].join(', ')}`);

  const split = spec.split ? await splitBoundaries(lake, spine, spec.split) : null;
  const resolution: TrainingSetResolution = { features, labels: spec.labels, bars, spine, split, columns };
  return { resolution, inputs: inputSnapshots(resolution) };
}

async function entitiesOf(
  options: { db: Db; lake: Lake; features: readonly FeatureRecord[] },
  spec: TrainingSetSpec,
): Promise<string[]> {
  if (spec.entities) {
    const canonical = await canonicalEntities(options.db, spec.entities, 'entities');
    return [...new Set(spec.entities.map((e) => canonical.get(e)!))].sort();
  }
  if (spec.universe === 'features') {
    const rows = await createFeatureStore(options.db).universeOf(options.features.map((f) => f.id));
    const byFeature = new Set(rows.map((r) => r.featureId));
    // A feature with no universe of its own is materialized for every instrument with bars.
    if (options.features.every((f) => byFeature.has(f.id))) return [...new Set(rows.map((r) => r.symbol))].sort();
  }
  const snapshot = await options.lake.currentSnapshot(BARS_DATASET.name);
  if (!snapshot) throw new TrainingSetError('NOT_MATERIALIZED', 'the universe of instruments with bars is empty');
  const rows = await options.lake.query(
    `SELECT DISTINCT symbol FROM ${options.lake.scan(snapshot)} WHERE interval = $1 ORDER BY symbol`,
    [spec.labelInterval],
  );
  return rows.map((r) => z.object({ symbol: z.string() }).parse(r).symbol);
}

const instantRow = z.object({ iso: z.string() });
const ISO_MICROS = `strftime(t, '%Y-%m-%dT%H:%M:%S.%fZ')`;

/** Split boundaries: given, or the distinct spine timestamps at the fractions' positions. */
async function splitBoundaries(lake: Lake, spine: SpinePlan, split: SplitSpec): Promise<ResolvedSplit> {
  if ('validationStart' in split) return split;
  let n: number;
  let nth: (k: number) => Promise<string>;
  if (spine.kind === 'schedule') {
    n = spine.instants.length;
    nth = async (k) => spine.instants[k]!;
  } else {
    const scan = lake.scan(await lake.snapshot(spine.lakeDataset, spine.snapshotId));
    const distinct = `(SELECT DISTINCT t FROM ${scan})`;
    const [count] = await lake.query(`SELECT count(*) AS n FROM ${distinct}`);
    n = Number(z.object({ n: z.coerce.number() }).parse(count).n);
    nth = async (k) => {
      const params: LakeParam[] = [k];
      const [row] = await lake.query(
        `SELECT ${ISO_MICROS} AS iso FROM ${distinct} ORDER BY t LIMIT 1 OFFSET $1`,
        params,
      );
      return instantRow.parse(row).iso;
    };
  }
  const train = Math.round(n * split.train);
  const validation = Math.round(n * split.validation);
  if (train < 1 || validation < 1 || train + validation >= n) {
    throw new TrainingSetError('INVALID_SPEC', `${n} distinct spine timestamps are too few for these split fractions`);
  }
  return {
    validationStart: await nth(train),
    testStart: await nth(train + validation),
    embargoSeconds: split.embargoSeconds,
  };
}
