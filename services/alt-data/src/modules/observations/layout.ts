import { type ColumnSpec, type DatasetSpec, quoteIdent, quoteLiteral } from '@alphagraph/lake';
import { assertNever } from '@alphagraph/service';
import { z } from 'zod';
import type { DatasetField, PublicationRule } from '../datasets/spec.ts';
import type { DatasetRecord } from '../datasets/store.ts';

/**
 * Lake layout: one lake dataset per alternative dataset, `alt_<name>`, with typed columns.
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
export const MARKET_ENTITY = 'MARKET';

const DUCK_TYPES: Record<DatasetField['type'], string> = {
  float: 'DOUBLE',
  int: 'INTEGER',
  string: 'VARCHAR',
  boolean: 'BOOLEAN',
};

const KEY_COLUMNS: readonly ColumnSpec[] = [
  { name: 'entity', type: 'VARCHAR' },
  { name: 'event_time', type: 'TIMESTAMPTZ' },
  { name: 'seq', type: 'INTEGER' },
  { name: 'available_at', type: 'TIMESTAMPTZ' },
  { name: 'batch_id', type: 'VARCHAR' },
];

export const lakeDatasetName = (dataset: Pick<DatasetRecord, 'name'>) => `alt_${dataset.name}`;

/** The lake columns holding a dataset's declared value fields. */
export const fieldColumns = (fields: readonly DatasetField[]): ColumnSpec[] =>
  fields.map((f) => ({ name: f.name, type: DUCK_TYPES[f.type] }));

export function lakeSpecOf(dataset: DatasetRecord): DatasetSpec {
  return {
    name: lakeDatasetName(dataset),
    owner: 'alt-data',
    description: `alternative dataset ${dataset.name}: every version of every observation`,
    columns: [...KEY_COLUMNS, ...fieldColumns(dataset.fields)],
  };
}

/** DuckDB SQL for a dataset's publication time of the row whose event time is `eventTime`. */
function publicationSql(rule: PublicationRule, eventTime: string): string {
  switch (rule.kind) {
    case 'event_time':
      return eventTime;
    case 'local_time':
      // The event date is the UTC date of event_time (a daily series is stamped 00:00 UTC); the
      // local wall time on that date is converted with the zone's rules of that day (DST-aware).
      return `timezone(${quoteLiteral(rule.timeZone)}, CAST(timezone('UTC', ${eventTime}) AS DATE) + CAST(${quoteLiteral(rule.time)} AS TIME))`;
    default:
      return assertNever(rule, 'publication rule');
  }
}

/**
 * Wraps a query producing `entity, event_time, seq, published_at, <fields>` into the dataset's
 * lake columns: `available_at` = (published_at, or the dataset's publication rule when null) +
 * latency. A vendor's correction passes its own `published_at`.
 */
export function observationRowsSql(dataset: DatasetRecord, inputSql: string, batchIdParam: string): string {
  const latency = z.number().int().min(0).parse(dataset.latencySeconds);
  const fields = dataset.fields.map((f) => quoteIdent(f.name)).join(', ');
  return `SELECT entity, event_time, seq,
      COALESCE(published_at, ${publicationSql(dataset.publication, 'event_time')}) + to_seconds(${latency}) AS available_at,
      ${batchIdParam} AS batch_id, ${fields}
    FROM (${inputSql})`;
}

/** zod for one row of values as the dataset's schema declares them (a missing value is null). */
export function valuesSchema(fields: readonly DatasetField[]) {
  const typeOf = (f: DatasetField): z.ZodType<unknown> => {
    switch (f.type) {
      case 'float':
        return z.number();
      case 'int':
        return z.number().int().min(-2_147_483_648).max(2_147_483_647);
      case 'string':
        return z.string();
      case 'boolean':
        return z.boolean();
      default:
        return assertNever(f.type, 'field type');
    }
  };
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.name, typeOf(f).nullable().default(null)])));
}
