import { quoteIdent, quoteLiteral } from '@alphagraph/lake';
import { assertNever } from '@alphagraph/service';
import { z } from 'zod';
import type { DatasetField, PublicationRule } from '../datasets/spec.ts';
import type { DatasetRecord } from '../datasets/store.ts';

/** The lake layout (`alt_<name>`, key columns, typed field columns) is declared in @alphagraph/datasets. */

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
