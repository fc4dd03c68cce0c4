import { type Db, rowsOf } from '@alphagraph/db';
import { sharedCounter } from '@alphagraph/service';
import { sql } from 'drizzle-orm';
import type { FeatureRecord } from '../features/store.ts';
import { refOf } from '../views/naming.ts';
import { type OnlineValue, textArrayLiteral } from './store.ts';

/** One stored value: event time and availability in epoch microseconds (exact: below 2^53). */
export interface OnlineCell {
  readonly value: number | null;
  readonly eventUs: number;
  readonly availableUs: number;
}

/** One feature version's stored values by entity, as of one generation of the online store. */
interface CachedFeature {
  readonly generation: number;
  readonly rows: ReadonlyMap<string, OnlineCell>;
}

/**
 * The answer to one read: per entity, per requested feature (in request order), the stored cell or
 * null when none exists (MISSING). Statuses and response objects are derived on demand
 * (`onlineValue`), so a caller asking only for the dense vector never builds 2,000 objects.
 */
export interface OnlineRead {
  readonly features: readonly FeatureRecord[];
  readonly cells: ReadonlyMap<string, readonly (OnlineCell | null)[]>;
  /** The instant TTLs are judged against, in epoch microseconds. */
  readonly nowUs: number;
}

/**
 * A cell's value as served: EXPIRED (value withheld) when its event time is older than
 * now - TTL; exactly now - TTL is still CURRENT, the bound the training-set join uses.
 */
export function onlineValue(read: OnlineRead, cell: OnlineCell | null, index: number): OnlineValue {
  const f = read.features[index]!;
  const feature = refOf(f);
  if (!cell) return { feature, value: null, eventTime: null, availableAt: null, status: 'MISSING' };
  const expired = isExpired(read, cell, index);
  return {
    feature,
    value: expired ? null : cell.value,
    eventTime: new Date(Math.floor(cell.eventUs / 1000)),
    availableAt: new Date(Math.floor(cell.availableUs / 1000)),
    status: expired ? 'EXPIRED' : 'CURRENT',
  };
}

export function isExpired(read: OnlineRead, cell: OnlineCell, index: number): boolean {
  const ttl = read.features[index]!.ttlSeconds;
  return ttl !== null && cell.eventUs < read.nowUs - ttl * 1_000_000;
}

const toNumber = (v: unknown, what: string): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' || typeof v === 'bigint' ? Number(v) : Number.NaN;
  if (!Number.isFinite(n)) throw new Error(`online store: ${what} is not a number: ${String(v)}`);
  return n;
};

/**
 * The online store's read path: a per-process copy of the values of the feature versions this
 * process serves, checked against Postgres on every read and never served stale.
 *
 * Postgres (features.online_values) stays the store of record; materialization upserts into it in
 * the transaction that publishes a view snapshot and, in the same transaction, bumps the feature's
 * row in features.online_generations. A read asks Postgres for the generations of the features it
 * needs (one small indexed query), reloads any feature whose generation moved (every entity of it
 * at once, generation and rows in one statement so they belong to one snapshot), and answers the
 * entities × features from memory. So a read costs one round trip of a few rows however many
 * values it returns, and every replica sees a publish as soon as it commits: there is nothing to
 * invalidate and no window in which a replica serves the previous run.
 *
 * Memory is bounded by `maxValues`: the least recently read features are dropped first.
 */
const cacheReads = sharedCounter({
  name: 'alphagraph_online_cache_reads_total',
  help: 'Features read from the online cache: hit (served from memory) or reload (its generation moved)',
  labelNames: ['outcome'] as const,
});

export class OnlineCache {
  private readonly features = new Map<string, CachedFeature>();
  private size = 0;

  constructor(
    private readonly db: Db,
    private readonly maxValues = 2_000_000,
  ) {}

  async read(request: {
    entities: readonly string[];
    features: readonly FeatureRecord[];
    now: Date;
  }): Promise<OnlineRead> {
    const ids = [...new Set(request.features.map((f) => f.id))];
    const current = new Map<string, number>();
    if (ids.length > 0) {
      const result = await this.db.execute(sql`
        select feature_id, generation from features.online_generations
        where feature_id = any(${textArrayLiteral(ids)}::uuid[])`);
      for (const row of rowsOf<{ feature_id: string; generation: unknown }>(result)) {
        current.set(row.feature_id, toNumber(row.generation, 'generation'));
      }
    }
    const stale = ids.filter((id) => current.has(id) && this.features.get(id)?.generation !== current.get(id));
    const loaded = stale.length > 0 ? await this.load(stale) : new Map<string, CachedFeature>();
    const served = ids.filter((id) => current.has(id)).length;
    if (served > stale.length) cacheReads.inc({ outcome: 'hit' }, served - stale.length);
    if (stale.length > 0) cacheReads.inc({ outcome: 'reload' }, stale.length);
    // A feature with no generation has never been materialized: every entity is MISSING.
    const byId = new Map(ids.map((id) => [id, current.has(id) ? (loaded.get(id) ?? this.touch(id)) : undefined]));
    const columns = request.features.map((f) => byId.get(f.id)?.rows);
    const cells = new Map<string, (OnlineCell | null)[]>();
    for (const entity of request.entities)
      cells.set(
        entity,
        columns.map((c) => c?.get(entity) ?? null),
      );
    return { features: request.features, cells, nowUs: request.now.getTime() * 1000 };
  }

  /** Reloads whole features: the generation and the rows come from one statement's snapshot. */
  private async load(ids: readonly string[]): Promise<Map<string, CachedFeature>> {
    const loaded = new Map<string, CachedFeature>();
    const result = await this.db.execute(sql`
      select g.feature_id, g.generation, coalesce(json_agg(json_build_array(
               o.entity, o.value,
               (extract(epoch from o.event_time) * 1000000)::bigint,
               (extract(epoch from o.available_at) * 1000000)::bigint)) filter (where o.entity is not null), '[]')::text as rows
      from features.online_generations g
      left join features.online_values o on o.feature_id = g.feature_id
      where g.feature_id = any(${textArrayLiteral(ids)}::uuid[])
      group by g.feature_id, g.generation`);
    for (const row of rowsOf<{ feature_id: string; generation: unknown; rows: string }>(result)) {
      const rows = new Map<string, OnlineCell>();
      for (const raw of JSON.parse(row.rows) as unknown[]) {
        if (!Array.isArray(raw) || raw.length !== 4 || typeof raw[0] !== 'string') {
          throw new Error(`online store: unexpected row ${JSON.stringify(raw)}`);
        }
        const value = raw[1] === null ? null : toNumber(raw[1], 'value');
        rows.set(raw[0], {
          value,
          eventUs: toNumber(raw[2], 'event time'),
          availableUs: toNumber(raw[3], 'available at'),
        });
      }
      this.size -= this.features.get(row.feature_id)?.rows.size ?? 0;
      this.features.delete(row.feature_id);
      const cached = { generation: toNumber(row.generation, 'generation'), rows };
      this.features.set(row.feature_id, cached);
      loaded.set(row.feature_id, cached);
      this.size += rows.size;
    }
    this.evict();
    return loaded;
  }

  /** Marks a feature as most recently read (a Map iterates in insertion order). */
  private touch(id: string): CachedFeature | undefined {
    const cached = this.features.get(id);
    if (cached) {
      this.features.delete(id);
      this.features.set(id, cached);
    }
    return cached;
  }

  private evict(): void {
    for (const [id, cached] of this.features) {
      if (this.size <= this.maxValues || this.features.size <= 1) break;
      this.features.delete(id);
      this.size -= cached.rows.size;
    }
  }
}
