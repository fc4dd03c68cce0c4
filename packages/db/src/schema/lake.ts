import { sql } from 'drizzle-orm';
import { bigint, bigserial, index, jsonb, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** The lake catalog: which immutable Parquet files make up each committed snapshot of a dataset. */
export const lakeSchema = pgSchema('lake');

export const lakeDatasets = lakeSchema.table('datasets', {
  name: text('name').primaryKey(),
  owner: text('owner').notNull(),
  description: text('description').notNull().default(''),
  /** Declared columns (name and DuckDB type), in order; every file of every snapshot has exactly these. */
  columns: jsonb('columns').$type<{ name: string; type: string }[]>().notNull(),
  currentSnapshotId: bigint('current_snapshot_id', { mode: 'number' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const lakeSnapshots = lakeSchema.table(
  'snapshots',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    dataset: text('dataset')
      .notNull()
      .references(() => lakeDatasets.name),
    parentId: bigint('parent_id', { mode: 'number' }),
    operation: text('operation', { enum: ['append', 'overwrite'] }).notNull(),
    rowCount: bigint('row_count', { mode: 'number' }).notNull(),
    addedRows: bigint('added_rows', { mode: 'number' }).notNull(),
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    committedAt: timestamp('committed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('snapshots_dataset_idx').on(t.dataset, t.id)],
);

export const lakeSnapshotFiles = lakeSchema.table(
  'snapshot_files',
  {
    snapshotId: bigint('snapshot_id', { mode: 'number' })
      .notNull()
      .references(() => lakeSnapshots.id),
    path: text('path').notNull(),
    rowCount: bigint('row_count', { mode: 'number' }).notNull(),
    bytes: bigint('bytes', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.snapshotId, t.path] })],
);
