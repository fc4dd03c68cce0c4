import { randomUUID } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Db } from '@alphagraph/db';
import { lakeDatasets, lakeSnapshotFiles, lakeSnapshots } from '@alphagraph/db/schema/lake';
import { and, desc, eq } from 'drizzle-orm';
import { Counter, register } from 'prom-client';
import { z } from 'zod';
import { type ColumnBatch, readColumns } from './columns.ts';
import { LakeError } from './errors.ts';
import { Duck, type LakeParam, messageOf } from './internal/duck.ts';
import { type LakeSession, sessionOn } from './internal/session.ts';
import { scanSql } from './scan.ts';
import type { ColumnSpec, Snapshot } from './snapshot.ts';

export type { ColumnSpec, Snapshot } from './snapshot.ts';

import { type ParquetWriteOptions, parquetCopyOptions, writeParquetFile } from './parquet.ts';
import { quoteLiteral } from './sql.ts';

export type { ParquetWriteOptions } from './parquet.ts';

export interface DatasetSpec {
  readonly name: string;
  /** The service that alone writes it. */
  readonly owner: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
}

export interface SnapshotWriter {
  /** Writes the rows of a DuckDB query (with bound parameters) as one new immutable file. */
  writeQuery(selectSql: string, params?: readonly LakeParam[], parquet?: ParquetWriteOptions): Promise<number>;
  /** The session the write runs on: stage temporary tables on it before `writeQuery`. */
  readonly session: LakeSession;
}

/** The catalog transaction a snapshot is published in. */
export type CatalogTransaction = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface CommitOptions {
  readonly mode: 'append' | 'overwrite';
  readonly summary?: Record<string, unknown>;
  /**
   * Runs inside the catalog transaction that publishes the snapshot, after it is recorded: control
   * state that must change together with the data (a run's status, values served online) commits
   * or rolls back with it. When it throws, nothing is published and the new files are discarded.
   */
  readonly onPublish?: (
    tx: CatalogTransaction,
    snapshot: { readonly id: number; readonly rowCount: number; readonly addedRows: number },
  ) => Promise<void>;
}

export interface LakeOptions {
  readonly root: string;
  readonly db: Db;
  readonly threads?: number | undefined;
  readonly memoryLimit?: string | undefined;
  /**
   * The longest any one DuckDB statement may run, whatever runs it (default: unbounded); a GraphQL
   * request bounds its own statements sooner (`withQueryScope`). Past it the statement is
   * interrupted and fails with DEADLINE_EXCEEDED naming this bound.
   */
  readonly statementDeadlineSeconds?: number | undefined;
}

const DATASET_NAME = /^[a-z][a-z0-9_]{0,62}$/;
const COLUMN_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
const SCALAR_TYPE = '[A-Z][A-Z0-9_]*(\\(\\d+(,\\s*\\d+)?\\))?';
/** A DuckDB type name, a list of one (`DOUBLE[]`), or a map of two (`MAP(VARCHAR, DOUBLE)`). */
const COLUMN_TYPE = new RegExp(`^(${SCALAR_TYPE}|MAP\\(${SCALAR_TYPE},\\s*${SCALAR_TYPE}\\))(\\[\\])?$`);
const columnsSchema = z.array(z.object({ name: z.string(), type: z.string() }));

/**
 * Parquet datasets under a root directory, published through a catalog in Postgres.
 *
 * A write lands as new immutable files (written under a temporary name, then renamed), and only
 * then does one catalog transaction publish a snapshot listing every file of the dataset. Readers
 * resolve a snapshot to its file list, so they never see a half-written file or a half-published
 * write, and a reader pinned to a snapshot id keeps reading exactly that content.
 */
const snapshotsPublished =
  (register.getSingleMetric('alphagraph_lake_snapshots_published_total') as Counter<'dataset'> | undefined) ??
  new Counter({
    name: 'alphagraph_lake_snapshots_published_total',
    help: 'Lake snapshots this process published (committed in the catalog), by dataset',
    labelNames: ['dataset'] as const,
  });

export class Lake {
  private readonly snapshotCache = new Map<number, Snapshot>();

  private constructor(
    readonly root: string,
    private readonly db: Db,
    private readonly duck: Duck,
  ) {}

  static async open(options: LakeOptions): Promise<Lake> {
    const root = resolve(options.root);
    mkdirSync(root, { recursive: true });
    const seconds = options.statementDeadlineSeconds;
    const duck = await Duck.create({
      threads: options.threads,
      memoryLimit: options.memoryLimit,
      statementDeadline: seconds
        ? {
            ms: seconds * 1000,
            name: `the lake's statement deadline of ${seconds} s (DUCKDB_STATEMENT_DEADLINE_SECONDS)`,
          }
        : undefined,
    });
    return new Lake(root, options.db, duck);
  }

  /** Declares a dataset (idempotent). A changed column list is refused: that is a new dataset. */
  async registerDataset(spec: DatasetSpec): Promise<void> {
    assertDatasetSpec(spec);
    await this.db
      .insert(lakeDatasets)
      .values({ name: spec.name, owner: spec.owner, description: spec.description, columns: [...spec.columns] })
      .onConflictDoNothing();
    const [row] = await this.db.select().from(lakeDatasets).where(eq(lakeDatasets.name, spec.name));
    if (!row) throw new LakeError('DATASET_NOT_FOUND', `dataset ${spec.name} could not be registered`);
    if (JSON.stringify(row.columns) !== JSON.stringify(spec.columns)) {
      throw new LakeError(
        'SCHEMA_MISMATCH',
        `dataset ${spec.name} is already registered with columns ${describeColumns(row.columns)}; ` +
          `register the new layout (${describeColumns(spec.columns)}) under a new dataset name`,
      );
    }
  }

  /** The newest committed snapshot, or null when nothing was ever written. */
  async currentSnapshot(dataset: string): Promise<Snapshot | null> {
    const [row] = await this.db
      .select({ id: lakeDatasets.currentSnapshotId })
      .from(lakeDatasets)
      .where(eq(lakeDatasets.name, dataset));
    if (!row) throw new LakeError('DATASET_NOT_FOUND', `no dataset named ${dataset} in the lake catalog`);
    return row.id === null ? null : this.snapshot(dataset, row.id);
  }

  /** A committed snapshot by id. Snapshots are immutable, so they are cached for good. */
  async snapshot(dataset: string, id: number): Promise<Snapshot> {
    const cached = this.snapshotCache.get(id);
    if (cached && cached.dataset === dataset) return cached;
    const [row] = await this.db
      .select({ snapshot: lakeSnapshots, columns: lakeDatasets.columns })
      .from(lakeSnapshots)
      .innerJoin(lakeDatasets, eq(lakeDatasets.name, lakeSnapshots.dataset))
      .where(and(eq(lakeSnapshots.dataset, dataset), eq(lakeSnapshots.id, id)));
    if (!row) throw new LakeError('SNAPSHOT_NOT_FOUND', `dataset ${dataset} has no snapshot ${id}`);
    const files = await this.db
      .select({ path: lakeSnapshotFiles.path })
      .from(lakeSnapshotFiles)
      .where(eq(lakeSnapshotFiles.snapshotId, id))
      .orderBy(lakeSnapshotFiles.path);
    const s = row.snapshot;
    const snapshot: Snapshot = {
      id: s.id,
      dataset: s.dataset,
      parentId: s.parentId,
      operation: s.operation,
      rowCount: s.rowCount,
      addedRows: s.addedRows,
      committedAt: s.committedAt,
      summary: s.summary,
      columns: columnsSchema.parse(row.columns),
      files: files.map((f) => join(this.root, f.path)),
    };
    this.snapshotCache.set(id, snapshot);
    return snapshot;
  }

  /**
   * What an append snapshot's own commit added: its files that its parent did not have, and their
   * rows (an overwrite, or a first snapshot, is returned whole). Many writers append their own rows
   * to one shared dataset (a backtest's outputs): each reads back exactly the files it published,
   * never rows another attempt appended before or after it.
   */
  async added(snapshot: Snapshot): Promise<Snapshot> {
    if (snapshot.operation === 'overwrite' || snapshot.parentId === null) return snapshot;
    const parent = await this.snapshot(snapshot.dataset, snapshot.parentId);
    const had = new Set(parent.files);
    return { ...snapshot, rowCount: snapshot.addedRows, files: snapshot.files.filter((f) => !had.has(f)) };
  }

  /** Snapshots of a dataset, newest first. */
  async history(dataset: string, limit = 50): Promise<Omit<Snapshot, 'files' | 'columns'>[]> {
    const rows = await this.db
      .select()
      .from(lakeSnapshots)
      .where(eq(lakeSnapshots.dataset, dataset))
      .orderBy(desc(lakeSnapshots.id))
      .limit(limit);
    return rows.map((s) => ({ ...s, summary: s.summary }));
  }

  /**
   * Writes new files through `write`, then publishes them in one catalog transaction. `append` keeps
   * the parent snapshot's files; `overwrite` replaces them. When `write` throws, or the process dies
   * before the transaction commits, no snapshot references the new files and readers see no change.
   */
  async commit(
    dataset: string,
    options: CommitOptions,
    write: (writer: SnapshotWriter) => Promise<void>,
  ): Promise<Snapshot> {
    const [registered] = await this.db.select().from(lakeDatasets).where(eq(lakeDatasets.name, dataset));
    if (!registered) throw new LakeError('DATASET_NOT_FOUND', `no dataset named ${dataset} in the lake catalog`);
    const columns = columnsSchema.parse(registered.columns);
    const dir = join(this.root, dataset);
    mkdirSync(dir, { recursive: true });
    const written: { path: string; rowCount: number; bytes: number }[] = [];
    try {
      await this.duck.withConnection(async (connection) => {
        const writer: SnapshotWriter = {
          session: sessionOn(connection, this.duck.statementDeadline),
          writeQuery: async (selectSql, params = [], parquet = {}) => {
            const file = await writeParquetFile(connection, {
              dir,
              columns,
              selectSql,
              params,
              parquet,
              deadline: this.duck.statementDeadline,
            });
            if (file.rowCount > 0) written.push({ ...file, path: relative(this.root, file.path) });
            else rmSync(file.path, { force: true });
            return file.rowCount;
          },
        };
        await write(writer);
      });
      return await this.publish(dataset, options, written);
    } catch (error) {
      for (const f of written) rmSync(join(this.root, f.path), { force: true });
      if (error instanceof LakeError && error.code === 'DATASET_NOT_FOUND') throw error;
      throw new LakeError('WRITE_FAILED', `write to ${dataset} failed and was discarded: ${messageOf(error)}`, {
        cause: error,
      });
    }
  }

  private async publish(
    dataset: string,
    options: CommitOptions,
    written: { path: string; rowCount: number; bytes: number }[],
  ): Promise<Snapshot> {
    const id = await this.db.transaction(async (tx) => {
      // Lock the dataset row: concurrent writers publish one after another, each on the latest parent.
      const [ds] = await tx
        .select({ current: lakeDatasets.currentSnapshotId })
        .from(lakeDatasets)
        .where(eq(lakeDatasets.name, dataset))
        .for('update');
      if (!ds) throw new LakeError('DATASET_NOT_FOUND', `no dataset named ${dataset} in the lake catalog`);
      const parentId = ds.current;
      const kept =
        options.mode === 'append' && parentId !== null
          ? await tx.select().from(lakeSnapshotFiles).where(eq(lakeSnapshotFiles.snapshotId, parentId))
          : [];
      const added = written.reduce((n, f) => n + f.rowCount, 0);
      const total = kept.reduce((n, f) => n + f.rowCount, 0) + added;
      const [snap] = await tx
        .insert(lakeSnapshots)
        .values({
          dataset,
          parentId,
          operation: options.mode,
          rowCount: total,
          addedRows: added,
          summary: options.summary ?? {},
        })
        .returning({ id: lakeSnapshots.id });
      if (!snap) throw new LakeError('WRITE_FAILED', `could not record a snapshot of ${dataset}`);
      const files = [...kept.map((f) => ({ path: f.path, rowCount: f.rowCount, bytes: f.bytes })), ...written].map(
        (f) => ({ ...f, snapshotId: snap.id }),
      );
      for (let i = 0; i < files.length; i += 1000) {
        await tx.insert(lakeSnapshotFiles).values(files.slice(i, i + 1000));
      }
      await tx.update(lakeDatasets).set({ currentSnapshotId: snap.id }).where(eq(lakeDatasets.name, dataset));
      if (options.onPublish) await options.onPublish(tx, { id: snap.id, rowCount: total, addedRows: added });
      return snap.id;
    });
    snapshotsPublished.inc({ dataset });
    return this.snapshot(dataset, id);
  }

  /** A DuckDB table expression over a snapshot (see `scanSql`). */
  scan(snapshot: Snapshot, options: { rowId?: boolean } = {}): string {
    return scanSql(snapshot, options);
  }

  /**
   * Writes the result of a query to a new Parquet file under `<root>/_exports/` (for downloads)
   * and returns where it is. Exports are not datasets: no snapshot references them.
   */
  async exportQuery(
    selectSql: string,
    params: readonly LakeParam[] = [],
    parquet: ParquetWriteOptions = {},
  ): Promise<{ path: string; rows: number; bytes: number }> {
    const dir = join(this.root, '_exports');
    mkdirSync(dir, { recursive: true });
    const finalPath = join(dir, `${randomUUID()}.parquet`);
    const tmpPath = `${finalPath}.tmp`;
    try {
      const rows = await this.duck.all<{ Count: bigint | number }>(
        `COPY (${selectSql}) TO ${quoteLiteral(tmpPath)} (${parquetCopyOptions(parquet)})`,
        params,
      );
      renameSync(tmpPath, finalPath);
      return { path: finalPath, rows: Number(rows[0]?.Count ?? 0), bytes: statSync(finalPath).size };
    } catch (error) {
      rmSync(tmpPath, { force: true });
      throw error;
    }
  }

  /** Runs an analytic query with bound parameters; rows come back as plain JS values. */
  query<T = Record<string, unknown>>(sqlText: string, params: readonly LakeParam[] = []): Promise<T[]> {
    return this.duck.all<T>(sqlText, params);
  }

  /** Runs an analytic query and returns its result as typed arrays per column (see `readColumns`). */
  queryColumns(sqlText: string, params: readonly LakeParam[] = []): Promise<ColumnBatch> {
    return this.duck.withConnection((c) => readColumns(c, sqlText, params, this.duck.statementDeadline));
  }

  /** Runs several statements on one session (temporary tables live as long as it does). */
  withSession<T>(fn: (session: LakeSession) => Promise<T>): Promise<T> {
    return this.duck.withConnection((c) => fn(sessionOn(c, this.duck.statementDeadline)));
  }

  async close(): Promise<void> {
    this.duck.close();
  }
}

function assertDatasetSpec(spec: DatasetSpec): void {
  const problems: string[] = [];
  if (!DATASET_NAME.test(spec.name)) problems.push(`name ${JSON.stringify(spec.name)} must match ${DATASET_NAME}`);
  if (spec.columns.length === 0) problems.push('a dataset needs at least one column');
  for (const c of spec.columns) {
    if (!COLUMN_NAME.test(c.name)) problems.push(`column ${JSON.stringify(c.name)} must match ${COLUMN_NAME}`);
    if (!COLUMN_TYPE.test(c.type)) problems.push(`column ${c.name} has an unsupported type ${JSON.stringify(c.type)}`);
  }
  if (new Set(spec.columns.map((c) => c.name)).size !== spec.columns.length) problems.push('column names repeat');
  if (problems.length > 0) {
    throw new LakeError('DATASET_INVALID', `dataset spec is invalid: ${problems.join('; ')}`);
  }
}

function describeColumns(columns: readonly { name: string; type: string }[]): string {
  return columns.map((c) => `${c.name} ${c.type}`).join(', ');
}
