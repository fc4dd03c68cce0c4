import { featureColumn } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { onlineGenerations, onlineValues } from '@alphagraph/db/schema/features';
import type { CatalogTransaction } from '@alphagraph/lake';
import { sql } from 'drizzle-orm';
import type { FeatureRecord } from '../features/store.ts';

/** Rows per statement: each chunk travels as one JSON parameter. */
const CHUNK = 20_000;

/**
 * Upserts the latest value per (entity, feature version) of a run (one wide row per entity) into
 * the online store, in the publishing transaction, and bumps each feature's generation. A stored value is replaced only by one at
 * least as new, by (event_time, available_at): a backfill of an old period never overwrites a
 * newer value, and a correction of the latest period (same event time, later available_at) does.
 * Rows travel as one JSON array per chunk (jsonb_to_recordset): one bind parameter instead of six
 * per row keeps a full Alpha158 universe (80,000 values) to a few statements.
 */
export async function upsertOnlineValues(
  tx: Db | CatalogTransaction,
  input: {
    runId: string;
    features: readonly FeatureRecord[];
    rows: readonly ({ entity: string; event_time: Date; available_at: Date } & Record<string, unknown>)[];
  },
): Promise<number> {
  const values = input.rows.flatMap((row) =>
    input.features.map((f) => {
      const v = row[featureColumn(f.name, f.version)];
      return {
        feature_id: f.id,
        entity: row.entity,
        value: typeof v === 'number' && Number.isFinite(v) ? v : null,
        event_time: row.event_time.toISOString(),
        available_at: row.available_at.toISOString(),
      };
    }),
  );
  for (let i = 0; i < values.length; i += CHUNK) {
    await tx.execute(sql`
      insert into ${onlineValues} (feature_id, entity, value, event_time, available_at, run_id, updated_at)
      select x.feature_id, x.entity, x.value, x.event_time, x.available_at, ${input.runId}::uuid, now()
      from jsonb_to_recordset(${JSON.stringify(values.slice(i, i + CHUNK))}::jsonb)
        as x(feature_id uuid, entity text, value double precision, event_time timestamptz, available_at timestamptz)
      on conflict (feature_id, entity) do update set
        value = excluded.value, event_time = excluded.event_time, available_at = excluded.available_at,
        run_id = excluded.run_id, updated_at = excluded.updated_at
      where (excluded.event_time, excluded.available_at) >= (${onlineValues}.event_time, ${onlineValues}.available_at)`);
  }
  // Readers compare generations before serving their copies (./cache.ts): bumped in this
  // transaction, a new generation becomes visible together with the values it stands for.
  if (values.length > 0) {
    await tx.execute(sql`
      insert into ${onlineGenerations} (feature_id, generation, updated_at)
      select id, 1, now() from unnest(${textArrayLiteral(input.features.map((f) => f.id))}::uuid[]) as id
      on conflict (feature_id) do update set generation = ${onlineGenerations}.generation + 1, updated_at = now()`);
  }
  return values.length;
}

export type OnlineStatus = 'CURRENT' | 'EXPIRED' | 'MISSING';

export interface OnlineValue {
  readonly feature: string;
  readonly value: number | null;
  readonly eventTime: Date | null;
  readonly availableAt: Date | null;
  readonly status: OnlineStatus;
}

/**
 * A Postgres array literal of `values`, each element quoted and escaped, for a bound parameter
 * cast to text[] (`= any($1::text[])` keeps the statement the same whatever the list's length).
 */
export function textArrayLiteral(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`;
}
