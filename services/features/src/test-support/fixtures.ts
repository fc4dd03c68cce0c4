import { sessionClose, sessionDays } from '@alphagraph/calendar';
import { altLakeDatasetName, altObservationDataset, BARS_DATASET } from '@alphagraph/datasets';
import { seedAltCatalogEntry } from '@alphagraph/datasets/testing';
import type { Db } from '@alphagraph/db';
import type { Lake, StagedValue } from '@alphagraph/lake';

// Test data written the way the owning services write it (market-data's `bars`, alt-data's lake
// datasets through their declarations, and alt-data's catalog rows), so the feature store reads
// what it reads in production.

export interface Bar {
  readonly symbol: string;
  /** YYYY-MM-DD, a session date. */
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  /** Default: the session's close. */
  readonly availableAt?: Date;
}

/** The symbols tests write synthetic bars for; the test harness registers them as instruments. */
export const SYNTHETIC_SYMBOLS: readonly string[] = ['AAA', 'BBB', 'CCC'];

/** A deterministic random walk of daily bars over the XNYS sessions from `from` to `to`. */
export function syntheticBars(symbols: readonly string[], from: string, to: string, seed = 1): Bar[] {
  let state = seed;
  const rand = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  const days = sessionDays('XNYS', from, to);
  return symbols.flatMap((symbol, k) => {
    let close = 50 + 25 * k;
    return days.map((date) => {
      const open = close * (1 + (rand() - 0.5) * 0.02);
      close = Math.max(1, close * (1 + (rand() - 0.5) * 0.04));
      const high = Math.max(open, close) * (1 + rand() * 0.01);
      const low = Math.min(open, close) * (1 - rand() * 0.01);
      return { symbol, date, open, high, low, close, volume: Math.round(1e6 * (0.5 + rand())) };
    });
  });
}

/** Appends bars to the lake's `bars` dataset as one batch (registering the dataset first). */
export async function writeBars(lake: Lake, bars: readonly Bar[], batchId = `batch-${Date.now()}`): Promise<void> {
  await lake.registerDataset(BARS_DATASET);
  await lake.commit(BARS_DATASET.name, { mode: 'append' }, async (w) => {
    await w.session.run(
      `CREATE OR REPLACE TEMP TABLE staged (symbol VARCHAR, interval VARCHAR, time TIMESTAMPTZ, open DOUBLE, high DOUBLE,
         low DOUBLE, close DOUBLE, volume DOUBLE, available_at TIMESTAMPTZ, batch_id VARCHAR)`,
    );
    await w.session.append(
      'staged',
      bars.map((b): StagedValue[] => [
        b.symbol,
        '1d',
        new Date(`${b.date}T00:00:00Z`),
        b.open,
        b.high,
        b.low,
        b.close,
        b.volume,
        b.availableAt ?? sessionClose('XNYS', b.date),
        batchId,
      ]),
    );
    await w.writeQuery('SELECT * FROM staged');
  });
}

export interface AltDatasetFixture {
  readonly name: string;
  readonly vendor: string;
  readonly licensed: boolean;
  readonly entityKind: 'instrument' | 'market';
  readonly latencySeconds: number;
  readonly fields: readonly { name: string; type: 'float' | 'int' }[];
}

/** Registers an alternative dataset in alt-data's catalog tables and its lake dataset. */
export async function registerAltDataset(db: Db, lake: Lake, d: AltDatasetFixture): Promise<void> {
  await seedAltCatalogEntry(db, {
    name: d.name,
    vendor: d.vendor,
    licence: 'test',
    licensed: d.licensed,
    description: `test dataset ${d.name}`,
    entityKind: d.entityKind,
    latencySeconds: d.latencySeconds,
    fields: d.fields,
  });
  await lake.registerDataset(altObservationDataset(d));
}

export interface Observation {
  readonly entity: string;
  readonly eventTime: Date;
  readonly seq?: number;
  readonly availableAt: Date;
  /** In the dataset's declared field order. */
  readonly values: readonly (number | null)[];
}

/** Appends observations as one batch; `batchId` orders versions published at the same instant. */
export async function writeObservations(
  lake: Lake,
  dataset: Pick<AltDatasetFixture, 'name' | 'fields'>,
  rows: readonly Observation[],
  batchId = 'test',
): Promise<void> {
  await lake.commit(altLakeDatasetName(dataset.name), { mode: 'append' }, async (w) => {
    const fields = dataset.fields.map((f) => `, ${f.name} ${f.type === 'float' ? 'DOUBLE' : 'INTEGER'}`).join('');
    await w.session.run(
      `CREATE OR REPLACE TEMP TABLE staged (entity VARCHAR, event_time TIMESTAMPTZ, seq INTEGER, available_at TIMESTAMPTZ,
         batch_id VARCHAR${fields})`,
    );
    await w.session.append(
      'staged',
      rows.map((r): StagedValue[] => [r.entity, r.eventTime, r.seq ?? 0, r.availableAt, batchId, ...r.values]),
    );
    await w.writeQuery('SELECT * FROM staged');
  });
}
