import { randomUUID } from 'node:crypto';
import { altFieldColumns, altLakeDatasetName, altObservationDataset, MARKET_ENTITY } from '@alphagraph/datasets';
import {
  type Lake,
  LakeError,
  type LakeParam,
  latestAsOf,
  quoteIdent,
  quoteLiteral,
  type Snapshot,
} from '@alphagraph/lake';
import { DomainError } from '@alphagraph/service';
import { z } from 'zod';
import type { DatasetRecord } from '../datasets/store.ts';
import { observationRowsSql, valuesSchema } from './layout.ts';

/** One observation version, as a read at some as-of time sees it. */
export interface ObservationRecord {
  readonly datasetId: string;
  readonly entity: string;
  readonly eventTime: Date;
  readonly seq: number;
  readonly availableAt: Date;
  readonly values: Record<string, unknown>;
}

/** An observation to append. A correction repeats the key with a later `publishedAt`. */
export interface ObservationInput {
  readonly entity: string;
  readonly eventTime: Date;
  readonly seq?: number;
  /** When the vendor published this version; default: the dataset's publication rule. */
  readonly publishedAt?: Date | null;
  readonly values: Record<string, unknown>;
}

export interface ObservationQuery {
  readonly entities?: readonly string[] | null;
  /** Inclusive lower bound on event_time. */
  readonly from?: Date | null;
  /** Exclusive upper bound on event_time. */
  readonly to?: Date | null;
  /** Only versions with available_at <= asOf; per key the newest of those. */
  readonly asOf: Date;
  /** Value fields to read (default: all). */
  readonly fields?: readonly string[] | null;
  /** Rows strictly after this key, in (entity, event_time, seq) order. */
  readonly after?: readonly [string, number, number] | null;
  readonly limit: number;
  /** Read this snapshot instead of the current one (a later page of a listing). */
  readonly snapshotId?: number | null;
}

export interface ObservationPage {
  readonly rows: ObservationRecord[];
  readonly hasNextPage: boolean;
  readonly snapshotId: number | null;
}

const keyRow = z.object({ entity: z.string(), event_time: z.date(), seq: z.number().int(), available_at: z.date() });
const ENTITY = /^[A-Z0-9][A-Z0-9.\-/^]{0,23}$/;

/** The SQL condition "(entity, event_time, seq) > after", with its parameters appended to `params`. */
export function afterKeySql(params: LakeParam[], after: readonly [string, number, number]): string {
  const e = `$${params.push(after[0])}`;
  const t = `$${params.push(new Date(after[1]))}::TIMESTAMPTZ`;
  const s = `$${params.push(after[2])}`;
  return `(entity > ${e} OR (entity = ${e} AND (event_time > ${t} OR (event_time = ${t} AND seq > ${s}))))`;
}

/** `entity IN ($1, $2, …)`: an IN list lets DuckDB prune Parquet row groups by entity. */
export function entityInSql(params: LakeParam[], entities: readonly string[]): string {
  return `entity IN (${entities.map((e) => `$${params.push(e)}`).join(', ')})`;
}

/** Keeps a value per snapshot id, forgetting the oldest beyond a few (snapshots are immutable). */
export function remember<V>(cache: Map<number, V>, snapshotId: number, value: V): void {
  cache.set(snapshotId, value);
  if (cache.size > 32) cache.delete(cache.keys().next().value!);
}

/** Observations of every alternative dataset, in the lake (see layout.ts). */
export function createObservationStore(lake: Lake) {
  const entitiesBySnapshot = new Map<number, Promise<string[]>>();
  const store = {
    /** Declares the dataset's lake table (idempotent; a changed field list is refused). */
    register: (dataset: DatasetRecord) => lake.registerDataset(altObservationDataset(dataset)),

    /** The snapshot to read (a pinned one, else the current), or null when nothing was written. */
    async snapshot(dataset: DatasetRecord, pinned?: number | null): Promise<Snapshot | null> {
      const name = altLakeDatasetName(dataset.name, dataset.version);
      try {
        return pinned != null ? await lake.snapshot(name, pinned) : await lake.currentSnapshot(name);
      } catch (error) {
        if (error instanceof LakeError && error.code === 'DATASET_NOT_FOUND') return null;
        throw error;
      }
    },

    /** Whether a write recorded with `summary.source === source` was ever committed. */
    async hasSource(dataset: DatasetRecord, source: string): Promise<boolean> {
      if (!(await store.snapshot(dataset))) return false;
      const history = await lake.history(altLakeDatasetName(dataset.name, dataset.version), 10_000);
      return history.some((s) => s.summary.source === source);
    },

    /**
     * Appends the rows of a DuckDB query producing `entity, event_time, seq, published_at,
     * <fields>` (parameters `$1…$n` of `params`) as one snapshot.
     */
    async appendQuery(
      dataset: DatasetRecord,
      write: { inputSql: string; params?: readonly LakeParam[]; source: string },
    ): Promise<Snapshot> {
      await store.register(dataset);
      const params = [...(write.params ?? [])];
      // Time first: of two versions published at the same instant, the later write wins.
      const batchId = `${new Date().toISOString()} ${write.source} ${randomUUID()}`;
      const batchParam = `$${params.push(batchId)}`;
      return lake.commit(
        altLakeDatasetName(dataset.name, dataset.version),
        { mode: 'append', summary: { source: write.source, batchId } },
        async (w) => {
          await w.writeQuery(observationRowsSql(dataset, write.inputSql, batchParam), params);
        },
      );
    },

    /** Appends observations given as values (validated against the dataset's schema). */
    async append(dataset: DatasetRecord, rows: readonly ObservationInput[], source: string): Promise<Snapshot> {
      const values = valuesSchema(dataset.fields);
      const payload = rows.map((r, i) => {
        const at = `row ${i + 1}`;
        if (dataset.entityKind === 'market' ? r.entity !== MARKET_ENTITY : !ENTITY.test(r.entity)) {
          throw new DomainError(
            'BAD_USER_INPUT',
            `${at}: entity ${JSON.stringify(r.entity)} is not valid for ${dataset.name}`,
          );
        }
        const parsed = values.safeParse(r.values);
        if (!parsed.success) {
          const problems = parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ');
          throw new DomainError('BAD_USER_INPUT', `${at}: ${problems}`);
        }
        return {
          entity: r.entity,
          event_time: r.eventTime.toISOString(),
          seq: r.seq ?? 0,
          published_at: r.publishedAt?.toISOString() ?? null,
          ...parsed.data,
        };
      });
      const struct = {
        entity: 'VARCHAR',
        event_time: 'VARCHAR',
        seq: 'INTEGER',
        published_at: 'VARCHAR',
        ...Object.fromEntries(altFieldColumns(dataset.fields).map((c) => [c.name, c.type])),
      };
      const fields = dataset.fields.map((f) => quoteIdent(f.name)).join(', ');
      return store.appendQuery(dataset, {
        inputSql: `SELECT entity, CAST(event_time AS TIMESTAMPTZ) AS event_time, seq,
            CAST(published_at AS TIMESTAMPTZ) AS published_at, ${fields}
          FROM (SELECT unnest(from_json($1::JSON, ${quoteLiteral(JSON.stringify([struct]))}), recursive := true))`,
        params: [JSON.stringify(payload)],
        source,
      });
    },

    /** One page of observations as known at `asOf`, ordered by (entity, event_time, seq). */
    async page(dataset: DatasetRecord, query: ObservationQuery): Promise<ObservationPage> {
      const snapshot = await store.snapshot(dataset, query.snapshotId);
      if (!snapshot || query.entities?.length === 0) return { rows: [], hasNextPage: false, snapshotId: null };
      const fields = dataset.fields.filter((f) => !query.fields || query.fields.includes(f.name));
      const params: LakeParam[] = [query.asOf];
      const where: string[] = [];
      if (query.entities) where.push(entityInSql(params, query.entities));
      if (query.from) where.push(`event_time >= $${params.push(query.from)}::TIMESTAMPTZ`);
      if (query.to) where.push(`event_time < $${params.push(query.to)}::TIMESTAMPTZ`);
      if (query.after) where.push(afterKeySql(params, query.after));
      const known = latestAsOf(snapshot, {
        dataset: altObservationDataset(dataset),
        asOf: '$1::TIMESTAMPTZ',
        where,
        columns: ['entity', 'event_time', 'seq', 'available_at', ...fields.map((f) => f.name)],
      });
      const rows = await lake.query(
        `SELECT * FROM ${known}
         ORDER BY entity, event_time, seq
         LIMIT ${z.number().int().min(1).parse(query.limit) + 1}`,
        params,
      );
      const values = valuesSchema(fields);
      const parsed = rows.slice(0, query.limit).map((raw) => {
        const { entity, event_time, seq, available_at, ...rest } = raw;
        const key = keyRow.parse({ entity, event_time, seq, available_at });
        return {
          datasetId: dataset.id,
          entity: key.entity,
          eventTime: key.event_time,
          seq: key.seq,
          availableAt: key.available_at,
          values: values.parse(rest),
        };
      });
      return { rows: parsed, hasNextPage: rows.length > query.limit, snapshotId: snapshot.id };
    },

    /** Distinct entities with observations in the current snapshot (kept per immutable snapshot). */
    async entities(dataset: DatasetRecord): Promise<string[]> {
      const snapshot = await store.snapshot(dataset);
      if (!snapshot) return [];
      let pending = entitiesBySnapshot.get(snapshot.id);
      if (!pending) {
        pending = lake.query(`SELECT DISTINCT entity FROM ${lake.scan(snapshot)} ORDER BY entity`).then((rows) =>
          z
            .array(z.object({ entity: z.string() }))
            .parse(rows)
            .map((r) => r.entity),
        );
        pending.catch(() => entitiesBySnapshot.delete(snapshot.id));
        remember(entitiesBySnapshot, snapshot.id, pending);
      }
      return pending;
    },
  };
  return store;
}
export type ObservationStore = ReturnType<typeof createObservationStore>;
