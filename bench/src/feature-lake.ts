// Setup shared by benches that need materialized features (not timed by them): a temporary
// database (PGlite unless DATABASE_URL is set) and lake, the demo bars (all_stocks_5yr) loaded into
// the lake's `bars`, and the first N Alpha158 factors materialized by the features service as a
// backfill (one version per view row; the online store gets each entity's latest values). The same
// flow as training-set.bench.ts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TEST_AUTH } from '@alphagraph/auth/testing';
import { BARS_DATASET, featureColumn } from '@alphagraph/datasets';
import { openDatabase } from '@alphagraph/db';
import { ALPHA158 } from '@alphagraph/dsl';
import { createFeatures } from '@alphagraph/features';
import { Lake } from '@alphagraph/lake';
import { createIngestModule, createInstrumentStore, loadDemoBars } from '@alphagraph/market-data';
import { serviceRuntime } from '@alphagraph/service';

export const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
export const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A researcher's request scope for calling the features service's stores directly. */
export const BENCH_SCOPE = {
  identity: {
    userId: 'bench',
    roles: ['researcher' as const],
    scopes: ['researcher' as const, 'analyst' as const, 'viewer' as const],
    tokenId: undefined,
  },
  requestId: 'bench',
};

export type FeatureLake = Awaited<ReturnType<typeof openFeatureLake>>;

export async function openFeatureLake(options: { prefix: string; features: number }) {
  const dir = mkdtempSync(join(tmpdir(), options.prefix));
  const handle = await openDatabase({
    url: process.env.DATABASE_URL || undefined,
    prepare: true,
    poolSize: 4,
    pgliteDir: join(dir, 'pgdata'),
  });
  const lake = await Lake.open({ root: join(dir, 'lake'), db: handle.db });
  const close = async () => {
    await lake.close();
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const db = handle.db;
    let mark = performance.now();
    const step = (what: string) => {
      console.log(`setup: ${what} (${((performance.now() - mark) / 1000).toFixed(1)} s)`);
      mark = performance.now();
    };
    await lake.registerDataset(BARS_DATASET);
    const ingest = createIngestModule({ db, lake, instruments: createInstrumentStore(db) });
    const loaded = await loadDemoBars({ lake, ingest, log: () => {} });
    step(`loaded ${fmt(loaded.rows)} bars`);

    const runtime = serviceRuntime({
      service: 'features',
      handle,
      lake,
      auth: TEST_AUTH,
      platform: {
        publicUrl: 'http://127.0.0.1:4000',
        downloadSecret: 'bench-download-secret-0123456789abcdef',
        downloadTtlSeconds: 900,
      },
    });
    const service = await createFeatures(runtime);
    await service.registerBuiltins({ waitForAltMs: 0, log: () => {} });
    const names = Object.keys(ALPHA158)
      .slice(0, options.features)
      .map((n) => n.toLowerCase());
    const refs = names.map((n) => `${n}@1`);
    const started = await service.materialize(
      { features: refs, mode: 'backfill', from: new Date('2000-01-01T00:00:00Z'), waitSeconds: 0 },
      'bench',
    );
    if (!started.ok) throw new Error(started.error.message);
    await service.featureStore.scheduler.idle();
    const [run] = await service.featureStore.runs.byIds([started.run.id]);
    if (run?.status !== 'succeeded' || run.snapshotId === null)
      throw new Error(`run ${run?.id} ${run?.status}: ${run?.error}`);
    const snapshot = await lake.snapshot(run.view, run.snapshotId);
    step(`materialized ${names.length} features: ${fmt(snapshot.rowCount)} view rows`);
    return {
      dir,
      handle,
      lake,
      service,
      run,
      names,
      refs,
      /** The features' columns in a view or a training set, in `names` order. */
      columns: names.map((n) => featureColumn(n, 1)),
      step,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
