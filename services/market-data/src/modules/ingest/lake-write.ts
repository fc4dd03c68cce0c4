import { BARS_DATASET } from '@alphagraph/datasets';
import {
  type CatalogTransaction,
  type Lake,
  LakeError,
  latestAsOf,
  type Snapshot,
  type SnapshotWriter,
} from '@alphagraph/lake';
import { z } from 'zod';
import type { BarInterval } from './mappings.ts';
import type { AcceptedBar } from './validate.ts';

/** How accepted rows compare with the latest stored version of the same (symbol, interval, time). */
export interface VersionCounts {
  /** Never stored before: written with their first-seen `available_at`. */
  readonly inserted: number;
  /** Differ from the stored version: written as corrections (or kept as stored, see `keptStored`). */
  readonly corrections: number;
  /** Equal to the stored version: nothing to write. */
  readonly unchanged: number;
  /** Differ, but left as stored because the batch keeps stored versions. */
  readonly keptStored: number;
}

export type ConflictPolicy = 'correct' | 'keep_stored';

export interface BarWrite {
  readonly batchId: string;
  readonly interval: BarInterval;
  readonly rows: readonly AcceptedBar[];
  readonly conflicts: ConflictPolicy;
  /** Ingestion time (epoch ms): a correction becomes available then. */
  readonly now: number;
  readonly summary: Record<string, unknown>;
  /**
   * Runs inside the catalog transaction that publishes the bars (records the batch and registers its
   * instruments): it commits with the snapshot, and when it throws nothing is published.
   */
  readonly onPublish: (
    tx: CatalogTransaction,
    snapshot: { readonly id: number },
    counts: VersionCounts,
  ) => Promise<void>;
  readonly onProgress?: ((phase: 'stage' | 'write', done: number, total: number) => void) | undefined;
}

/** Thrown inside the lake write to abandon it without a snapshot when there is nothing to write. */
class NothingToWrite extends Error {
  constructor(readonly counts: VersionCounts) {
    super('nothing to write');
  }
}

const countRow = z.object({ kind: z.enum(['new', 'same', 'changed']), n: z.union([z.bigint(), z.number()]) });

/**
 * Writes a batch's accepted rows as ONE lake commit: rows are staged in a DuckDB temporary table on
 * the writer's connection, compared there with the latest stored version of each bar, and only new
 * bars and corrections are written. Returns the snapshot, or null when nothing differed.
 */
export async function writeBars(
  lake: Lake,
  write: BarWrite,
): Promise<{ snapshot: Snapshot | null; counts: VersionCounts }> {
  const current = await lake.currentSnapshot(BARS_DATASET.name);
  let counts: VersionCounts | null = null;
  try {
    const snapshot = await lake.commit(
      BARS_DATASET.name,
      {
        mode: 'append',
        summary: { ...write.summary, batchId: write.batchId },
        onPublish: (tx, published) => write.onPublish(tx, published, counts!),
      },
      async (writer) => {
        await stage(writer, write);
        counts = await classify(writer, write, current ? lake.scan(current) : null);
        const toWrite = counts.inserted + (write.conflicts === 'correct' ? counts.corrections : 0);
        if (toWrite === 0) throw new NothingToWrite(counts);
        write.onProgress?.('write', 0, toWrite);
        await writer.writeQuery(
          `SELECT symbol, $1 AS interval, time, open, high, low, close, volume,
                  CASE WHEN kind = 'new' THEN available_at
                       ELSE greatest(timezone('UTC', epoch_ms($2)), stored_available_at + INTERVAL 1 MILLISECOND)
                  END AS available_at,
                  $3 AS batch_id
           FROM ingest_classified
           WHERE kind = 'new' OR (kind = 'changed' AND $4)
           ORDER BY symbol, time`,
          [write.interval, write.now, write.batchId, write.conflicts === 'correct'],
        );
        write.onProgress?.('write', toWrite, toWrite);
      },
    );
    return { snapshot, counts: counts! };
  } catch (error) {
    if (error instanceof LakeError && error.cause instanceof NothingToWrite) {
      return { snapshot: null, counts: error.cause.counts };
    }
    throw error;
  }
}

async function stage(writer: SnapshotWriter, write: BarWrite): Promise<void> {
  await writer.session.run(
    `CREATE TEMP TABLE ingest_staged (symbol VARCHAR, time_ms BIGINT, open DOUBLE, high DOUBLE, low DOUBLE,
       close DOUBLE, volume DOUBLE, available_ms BIGINT)`,
  );
  const total = write.rows.length;
  function* rows() {
    for (let i = 0; i < total; i++) {
      const r = write.rows[i]!;
      if (i % 50_000 === 0) write.onProgress?.('stage', i, total);
      yield [r.symbol, r.time, r.open, r.high, r.low, r.close, r.volume, r.availableAt] as const;
    }
  }
  await writer.session.append('ingest_staged', rows());
  write.onProgress?.('stage', total, total);
}

/** Labels each staged row `new`, `same` or `changed` against the latest stored version of its bar. */
async function classify(writer: SnapshotWriter, write: BarWrite, scan: string | null): Promise<VersionCounts> {
  const stored = scan
    ? `SELECT * FROM ${latestAsOf(scan, {
        dataset: BARS_DATASET,
        where: [
          'interval = $1',
          'symbol IN (SELECT DISTINCT symbol FROM ingest_staged)',
          `time BETWEEN (SELECT timezone('UTC', epoch_ms(min(time_ms))) FROM ingest_staged)
                    AND (SELECT timezone('UTC', epoch_ms(max(time_ms))) FROM ingest_staged)`,
        ],
        columns: ['symbol', 'time', 'open', 'high', 'low', 'close', 'volume', 'available_at'],
      })}`
    : `SELECT NULL::VARCHAR AS symbol, NULL::TIMESTAMPTZ AS time, NULL::DOUBLE AS open, NULL::DOUBLE AS high,
         NULL::DOUBLE AS low, NULL::DOUBLE AS close, NULL::DOUBLE AS volume, NULL::TIMESTAMPTZ AS available_at
       WHERE $1 IS NULL AND false`;
  await writer.session.run(
    `CREATE TEMP TABLE ingest_classified AS
     WITH staged AS (
       SELECT symbol, timezone('UTC', epoch_ms(time_ms)) AS time, open, high, low, close, volume,
              timezone('UTC', epoch_ms(available_ms)) AS available_at
       FROM ingest_staged
     ), stored AS (${stored})
     SELECT s.*, st.available_at AS stored_available_at,
       CASE WHEN st.symbol IS NULL THEN 'new'
            WHEN s.open IS NOT DISTINCT FROM st.open AND s.high IS NOT DISTINCT FROM st.high
             AND s.low IS NOT DISTINCT FROM st.low AND s.close IS NOT DISTINCT FROM st.close
             AND s.volume IS NOT DISTINCT FROM st.volume THEN 'same'
            ELSE 'changed' END AS kind
     FROM staged s LEFT JOIN stored st ON st.symbol = s.symbol AND st.time = s.time`,
    [write.interval],
  );
  const counted = await writer.session.all('SELECT kind, count(*) AS n FROM ingest_classified GROUP BY kind');
  const byKind = new Map(
    counted.map((r) => {
      const row = countRow.parse(r);
      return [row.kind, Number(row.n)] as const;
    }),
  );
  const changed = byKind.get('changed') ?? 0;
  return {
    inserted: byKind.get('new') ?? 0,
    corrections: write.conflicts === 'correct' ? changed : 0,
    unchanged: byKind.get('same') ?? 0,
    keptStored: write.conflicts === 'keep_stored' ? changed : 0,
  };
}
