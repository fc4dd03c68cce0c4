// Helpers for the ingestion tests (imported by *.test.ts only).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { BARS_DATASET } from '@alphagraph/datasets';
import { ingestBatches, ingestIssues, ingestQuarantine, instruments } from '@alphagraph/db/schema/market';
import type { DatabaseKind } from '@alphagraph/db/testing';
import { latestAsOf } from '@alphagraph/lake';
import { createTestRuntime, type TestRuntime } from '@alphagraph/service/testing';
import { count } from 'drizzle-orm';
import { createInstrumentStore } from '../instruments/store.ts';
import type { IngestionDeps } from './batch.ts';
import { createIngestModule, type IngestModule } from './module.ts';

export const ACTOR = { id: 'test-operator', roles: ['service'] } as const;

export interface IngestKit {
  readonly t: TestRuntime;
  readonly ingest: IngestModule;
  readonly dir: string;
  /** Writes a file into the kit's temporary directory and returns its path. */
  file(name: string, content: string | Buffer, options?: { gzip?: boolean }): string;
  /** Everything ingestion stores: the bars snapshot and the row counts of its tables. */
  stored(): Promise<{
    snapshot: number | null;
    batches: number;
    issues: number;
    quarantine: number;
    instruments: number;
  }>;
  /** The latest version of every stored bar, ordered by symbol and time. */
  latestBars(interval?: string, symbol?: string): Promise<LatestBar[]>;
  dispose(): Promise<void>;
}

export interface LatestBar {
  symbol: string;
  time: string;
  open: number | null;
  high: number | null;
  low: number | null;
  close: number | null;
  volume: number | null;
  available_at: string;
  versions: number;
}

export async function createIngestKit(
  kind: DatabaseKind,
  overrides: Partial<Pick<IngestionDeps, 'now' | 'beforePublish' | 'corporateActions'>> = {},
): Promise<IngestKit> {
  const t = await createTestRuntime(kind);
  await t.lake.registerDataset(BARS_DATASET);
  const ingest = createIngestModule({
    db: t.handle.db,
    lake: t.lake,
    instruments: createInstrumentStore(t.handle.db),
    audit: t.audit,
    overrides,
  });
  const dir = mkdtempSync(join(tmpdir(), 'ag-ingest-'));
  const db = t.handle.db;
  const n = async (table: typeof ingestBatches | typeof ingestIssues | typeof ingestQuarantine | typeof instruments) =>
    (await db.select({ n: count() }).from(table))[0]?.n ?? 0;
  return {
    t,
    ingest,
    dir,
    file(name, content, options = {}) {
      const path = join(dir, name);
      writeFileSync(path, options.gzip ? gzipSync(content) : content);
      return path;
    },
    async stored() {
      return {
        snapshot: (await t.lake.currentSnapshot(BARS_DATASET.name))?.id ?? null,
        batches: await n(ingestBatches),
        issues: await n(ingestIssues),
        quarantine: await n(ingestQuarantine),
        instruments: await n(instruments),
      };
    },
    async latestBars(interval = '1d', symbol?: string) {
      const snapshot = await t.lake.currentSnapshot(BARS_DATASET.name);
      if (!snapshot) return [];
      return t.lake.query<LatestBar>(
        `SELECT symbol, strftime(timezone('UTC', time), '%Y-%m-%dT%H:%M:%SZ') AS time, open, high, low, close, volume,
                strftime(timezone('UTC', available_at), '%Y-%m-%dT%H:%M:%S.%gZ') AS available_at, versions
         FROM ${latestAsOf(snapshot, {
           dataset: BARS_DATASET,
           where: ['interval = $1', '$2 IS NULL OR symbol = $2'],
           versionsAs: 'versions',
         })}
         ORDER BY symbol, time`,
        [interval, symbol ?? null],
      );
    },
    async dispose() {
      await t.dispose();
    },
  };
}
