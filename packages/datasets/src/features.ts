import { createHash } from 'node:crypto';
import { type ColumnSpec, type DatasetContract, type DatasetSpec, defineDataset } from '@alphagraph/lake';

/** Owner of the datasets in this file. */
const OWNER = 'features';

/** A feature view's columns before its feature columns. */
export const VIEW_KEY_COLUMNS = [
  { name: 'entity', type: 'VARCHAR' },
  { name: 'event_time', type: 'TIMESTAMPTZ' },
  { name: 'available_at', type: 'TIMESTAMPTZ' },
  { name: 'tiebreak', type: 'VARCHAR' },
] as const satisfies readonly ColumnSpec[];

const COLUMN = /^[a-z][a-z0-9_]*$/;
const MAX_IDENTIFIER = 63;

/** The view column holding a feature version's values: `${name}__v${version}` (lower_snake). */
export function featureColumn(name: string, version: number): string {
  const column = `${name}__v${version}`;
  if (!COLUMN.test(column) || column.length > MAX_IDENTIFIER || !Number.isSafeInteger(version) || version < 1) {
    throw new Error(`feature ${name}@${version} has no valid column name (${column})`);
  }
  return column;
}

/**
 * The view (and lake dataset) name for an exact list of feature versions (`name@version`):
 * `fv_<slug>_<hash8>`, the hash over the sorted refs, so the same versions in any order are the
 * same view.
 */
export function viewNameFor(refs: readonly string[], slugHint: string | null): string {
  const sorted = [...new Set(refs)].sort();
  const hash = createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 8);
  const hint = slugHint ?? (sorted.length === 1 ? sorted[0]!.split('@')[0]! : 'adhoc');
  const slug =
    hint
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'adhoc';
  return `fv_${slug}_${hash}`;
}

/**
 * A feature view: every run appends its values; a recomputed value is a new row with the same
 * (entity, event_time) and a later available_at, or the same one and a later run (`tiebreak`, a
 * time-ordered run id).
 */
export function featureViewDataset(view: {
  readonly lakeDataset: string;
  /** The member feature versions, `name@version`, in view order. */
  readonly features: readonly string[];
}): DatasetContract {
  const columns = view.features.map((ref) => {
    const [name, version] = ref.split('@') as [string, string];
    return { name: featureColumn(name, Number(version)), type: 'DOUBLE' };
  });
  return defineDataset({
    name: view.lakeDataset,
    owner: OWNER,
    description: `feature values of ${view.features.length} feature version(s): ${view.features.slice(0, 5).join(', ')}${
      view.features.length > 5 ? ', …' : ''
    }; every run appends`,
    columns: [...VIEW_KEY_COLUMNS, ...columns],
    versionKey: ['entity', 'event_time'],
    availableAt: 'available_at',
    tiebreak: 'tiebreak',
    entity: 'entity',
    eventTime: 'event_time',
  });
}

/** A built training set: one row per spine row, every build overwriting the last (no versions). */
export function trainingSetDataset(name: string, columns: readonly ColumnSpec[]): DatasetSpec {
  return {
    name,
    owner: OWNER,
    description: 'a point-in-time training set (features, labels, split) per spine row',
    columns: columns.map((c) => ({ name: c.name, type: c.type })),
  };
}
