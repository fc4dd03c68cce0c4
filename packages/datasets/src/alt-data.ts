import type { Db } from '@alphagraph/db';
import { altDatasets, vendors } from '@alphagraph/db/schema/alt';
import { type ColumnSpec, type DatasetContract, defineDataset } from '@alphagraph/lake';
import { eq, ne } from 'drizzle-orm';

/**
 * Alternative datasets, owned by alt-data: one lake dataset per alternative dataset, `alt_<name>`,
 * with typed columns.
 *
 *   entity        VARCHAR      instrument symbol, or MARKET for a market-wide series
 *   event_time    TIMESTAMPTZ  what the observation describes (a tweet's creation, a day at 00:00 UTC)
 *   seq           INTEGER      tells apart observations of one entity at the same instant (two tweets
 *                              in one second); 0 when there is only one
 *   available_at  TIMESTAMPTZ  publication + the dataset's declared latency
 *   batch_id      VARCHAR      the write that added the row (orders versions with equal available_at)
 *   <fields>                   the dataset's declared value fields, in declared order and type
 *
 * Every version of every observation is a row; a correction is a new row with the same
 * (entity, event_time, seq) and a later available_at. Typed columns (not one long table of JSON
 * values) keep Parquet's column pruning and statistics, let DuckDB read `$dataset.field` as a plain
 * column, and make a changed schema visible: the lake refuses a different column list, so a new
 * schema is a new dataset.
 */
const OWNER = 'alt-data';

/** The one entity of market-wide series (VIX, WTI) and of features over them. */
export const MARKET_ENTITY = 'MARKET';

export type AltFieldType = 'float' | 'int' | 'string' | 'boolean';

const DUCK_TYPES: Record<AltFieldType, string> = {
  float: 'DOUBLE',
  int: 'INTEGER',
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
};

/** The columns before the declared fields; a declared field may not take one of their names. */
export const ALT_KEY_COLUMNS: readonly ColumnSpec[] = [
  { name: 'entity', type: 'VARCHAR' },
  { name: 'event_time', type: 'TIMESTAMPTZ' },
  { name: 'seq', type: 'INTEGER' },
  { name: 'available_at', type: 'TIMESTAMPTZ' },
  { name: 'batch_id', type: 'VARCHAR' },
];

/**
 * The lake dataset of an alternative dataset's schema version: `alt_<name>` for the first,
 * `alt_<name>__v<n>` for later ones (a changed field list is a new version; each keeps its rows).
 */
export const altLakeDatasetName = (name: string, version = 1): string =>
  version === 1 ? `alt_${name}` : `alt_${name}__v${version}`;

/** The lake columns holding a dataset's declared value fields. */
export const altFieldColumns = (fields: readonly { name: string; type: AltFieldType }[]): ColumnSpec[] =>
  fields.map((f) => ({ name: f.name, type: DUCK_TYPES[f.type] }));

/** The lake dataset of an alternative dataset with these declared fields. */
export function altObservationDataset(dataset: {
  readonly name: string;
  readonly fields: readonly { name: string; type: AltFieldType }[];
  /** The schema version (default 1). */
  readonly version?: number;
}): DatasetContract {
  return defineDataset({
    name: altLakeDatasetName(dataset.name, dataset.version),
    owner: OWNER,
    description: `alternative dataset ${dataset.name}: every version of every observation`,
    columns: [...ALT_KEY_COLUMNS, ...altFieldColumns(dataset.fields)],
    versionKey: ['entity', 'event_time', 'seq'],
    availableAt: 'available_at',
    tiebreak: 'batch_id',
    entity: 'entity',
    eventTime: 'event_time',
  });
}

/** An alternative dataset as other services read it from alt-data's catalog. */
export interface AltCatalogEntry {
  readonly name: string;
  readonly dataset: DatasetContract;
  readonly entityKind: 'instrument' | 'market';
  readonly licensed: boolean;
  readonly vendor: string;
  readonly latencySeconds: number;
  readonly fields: readonly { readonly name: string; readonly type: AltFieldType }[];
}

/**
 * alt-data's catalog of alternative datasets (declared fields, latency, entity kind, licence flag,
 * vendor name), read-only: the one way another service reads alt-data's tables. Each dataset in
 * its current schema version. Datasets keyed by a free key (counterparty, order id) are left out:
 * they have no instrument or market entity a feature could be keyed by.
 */
export async function readAltCatalog(db: Db): Promise<AltCatalogEntry[]> {
  const rows = await db
    .select({
      name: altDatasets.name,
      version: altDatasets.version,
      entityKind: altDatasets.entityKind,
      licensed: altDatasets.licensed,
      latencySeconds: altDatasets.latencySeconds,
      fields: altDatasets.fields,
      vendor: vendors.name,
    })
    .from(altDatasets)
    .innerJoin(vendors, eq(vendors.id, altDatasets.vendorId))
    .where(ne(altDatasets.entityKind, 'key'));
  return rows.map(({ version, entityKind, ...r }) => ({
    ...r,
    entityKind: entityKind === 'market' ? 'market' : 'instrument',
    dataset: altObservationDataset({ ...r, version }),
  }));
}
