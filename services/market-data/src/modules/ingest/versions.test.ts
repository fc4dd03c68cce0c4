import { BARS_DATASET } from '@alphagraph/datasets';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPORATE_ACTIONS_DATASET } from './lookups.ts';
import { ACTOR, createIngestKit, type IngestKit } from './test-support.ts';

const HEADER = 'date,open,high,low,close,volume,Name';
const V1 = [
  '2016-03-10,10,11,9,10.5,1000,AAA',
  '2016-03-11,10.5,11.5,10,11,1200,AAA',
  '2016-03-14,11,12,10.5,11.5,900,AAA',
  '2016-03-10,20,21,19,20.5,500,BBB',
  '2016-03-11,20.5,21,20,20.75,600,BBB',
  '2016-03-14,20.75,21.5,20.5,21,700,BBB',
];
const csv = (rows: string[]) => `${[HEADER, ...rows].join('\n')}\n`;
const T1 = Date.parse('2018-01-02T12:00:00Z');
const T2 = Date.parse('2018-01-03T12:00:00Z');
const T3 = Date.parse('2018-01-04T12:00:00Z');

describe.each(testDatabaseKinds())('versions, never overwrites, on %s', (kind) => {
  let k: IngestKit;
  let now = T1;
  const ingest = (path: string, extra: { force?: boolean; conflicts?: 'correct' | 'keep_stored' } = {}) =>
    k.ingest.ingestion.ingestFile({ path, mapping: 'all_stocks_5yr', actor: ACTOR, ...extra });
  /** The latest version of a bar known at `asOf`, read with plain SQL over the lake. */
  const asOf = async (symbol: string, day: string, at: number) => {
    const snapshot = (await k.t.lake.currentSnapshot(BARS_DATASET.name))!;
    const rows = await k.t.lake.query<{ close: number }>(
      `SELECT close FROM ${k.t.lake.scan(snapshot)}
       WHERE symbol = $1 AND time = CAST($2 AS TIMESTAMPTZ) AND available_at <= CAST($3 AS TIMESTAMPTZ)
       ORDER BY available_at DESC LIMIT 1`,
      [symbol, `${day}T00:00:00Z`, new Date(at)],
    );
    return rows[0]?.close ?? null;
  };

  beforeAll(async () => {
    k = await createIngestKit(kind, { now: () => now });
  });
  afterAll(async () => {
    await k?.dispose();
  });

  it('first-seen bars become available at their session close', async () => {
    const report = await ingest(k.file('v1.csv', csv(V1)));
    expect(report).toMatchObject({ status: 'committed', rowsRead: 6, accepted: 6, inserted: 6, corrections: 0 });
    const bars = await k.latestBars();
    expect(bars.map((b) => [b.symbol, b.time, b.available_at])).toEqual([
      ['AAA', '2016-03-10T00:00:00Z', '2016-03-10T21:00:00.000Z'],
      ['AAA', '2016-03-11T00:00:00Z', '2016-03-11T21:00:00.000Z'],
      ['AAA', '2016-03-14T00:00:00Z', '2016-03-14T20:00:00.000Z'],
      ['BBB', '2016-03-10T00:00:00Z', '2016-03-10T21:00:00.000Z'],
      ['BBB', '2016-03-11T00:00:00Z', '2016-03-11T21:00:00.000Z'],
      ['BBB', '2016-03-14T00:00:00Z', '2016-03-14T20:00:00.000Z'],
    ]);
  });

  it('re-ingesting the same file is a no-op, under any name', async () => {
    now = T2;
    const before = await k.stored();
    const first = await k.ingest.reports.reports({ first: 1 });
    for (const name of ['v1.csv', 'v1-copy.csv']) {
      const again = await ingest(k.file(name, csv(V1)));
      expect(again).toMatchObject({ status: 'unchanged', rowsRead: 0, inserted: 0, corrections: 0, snapshotId: null });
      expect(again.sameAs).toBe(first[0]!.id);
    }
    expect((await k.stored()).snapshot).toBe(before.snapshot);
  });

  it('a row that differs becomes a correction: a new version, available from the ingestion time', async () => {
    now = T3;
    const v2 = [
      ...V1.slice(0, 2),
      '2016-03-14,11,12,10.5,11.75,900,AAA',
      ...V1.slice(3),
      '2016-03-15,21,22,20.5,21.5,800,BBB',
    ];
    const report = await ingest(k.file('v2.csv', csv(v2)));
    expect(report).toMatchObject({ status: 'committed', rowsRead: 7, inserted: 1, corrections: 1, unchanged: 5 });
    const aaa = (await k.latestBars()).find((b) => b.symbol === 'AAA' && b.time.startsWith('2016-03-14'))!;
    expect(aaa).toMatchObject({ close: 11.75, available_at: new Date(T3).toISOString(), versions: 2 });
    // As known before the correction, the bar still reads as first published.
    expect(await asOf('AAA', '2016-03-14', T3 - 1)).toBe(11.5);
    expect(await asOf('AAA', '2016-03-14', T3)).toBe(11.75);
    expect(await asOf('AAA', '2016-03-14', Date.parse('2016-03-14T19:59:59Z'))).toBeNull();
    expect((await k.t.lake.currentSnapshot(BARS_DATASET.name))!.rowCount).toBe(8);
  });

  it('a forced re-ingestion compares row by row and writes nothing when nothing differs', async () => {
    const before = await k.stored();
    const v2 = [
      ...V1.slice(0, 2),
      '2016-03-14,11,12,10.5,11.75,900,AAA',
      ...V1.slice(3),
      '2016-03-15,21,22,20.5,21.5,800,BBB',
    ];
    const report = await ingest(k.file('v2-again.csv', csv(v2)), { force: true });
    expect(report).toMatchObject({ status: 'unchanged', rowsRead: 7, unchanged: 7, inserted: 0, corrections: 0 });
    expect((await k.stored()).snapshot).toBe(before.snapshot);
  });

  it('keep_stored leaves differing rows as stored and only fills gaps', async () => {
    const before = await k.stored();
    const v3 = ['2016-03-10,10,11,9,10.4,1000,AAA', '2016-03-09,9.5,10.5,9,10,1100,AAA'];
    const report = await ingest(k.file('v3.csv', csv(v3)), { conflicts: 'keep_stored' });
    expect(report).toMatchObject({ status: 'committed', inserted: 1, keptStored: 1, corrections: 0 });
    expect((await k.latestBars()).find((b) => b.symbol === 'AAA' && b.time.startsWith('2016-03-10'))?.close).toBe(10.5);
    expect((await k.stored()).snapshot).toBe((before.snapshot ?? 0) + 1);
  });

  it('a split-like jump is a warning unless a corporate action is on record in the lake', async () => {
    await k.t.lake.registerDataset({
      name: CORPORATE_ACTIONS_DATASET,
      owner: 'market-data',
      description: 'test corporate actions',
      columns: [
        { name: 'symbol', type: 'VARCHAR' },
        { name: 'ex_date', type: 'DATE' },
        { name: 'kind', type: 'VARCHAR' },
        { name: 'ratio', type: 'DOUBLE' },
      ],
    });
    await k.t.lake.commit(CORPORATE_ACTIONS_DATASET, { mode: 'append' }, async (w) => {
      await w.writeQuery(`SELECT 'AAA' AS symbol, DATE '2016-03-16' AS ex_date, 'split' AS kind, 2.0 AS ratio`);
    });
    // Both halve against their stored closes (AAA 11.75, BBB 21.5); only AAA has a split on record.
    const rows = ['2016-03-16,5.9,6,5.8,5.875,1800,AAA', '2016-03-16,10.8,11,10.7,10.75,1400,BBB'];
    const report = await ingest(k.file('halved.csv', csv(rows)));
    expect(report).toMatchObject({ inserted: 2, warnings: 1 });
    const issues = await k.ingest.reports.issues(report.id, { first: 10 });
    expect(issues.map((i) => [i.symbol, i.rule, i.outcome])).toEqual([['BBB', 'split_like_jump', 'warned']]);
    expect(issues[0]!.message).toBe(
      'close 10.75 is 0.5000x the previous close 21.5 (threshold 0.35) and no corporate action is on record for 2016-03-16',
    );
  });

  it('concurrent batches take turns: the second sees the first and records a correction, not a twin', async () => {
    const a = k.file('race-a.csv', csv(['2016-03-17,11,12,10.5,11.5,900,AAA']));
    const b = k.file('race-b.csv', csv(['2016-03-17,11,12,10.5,11.6,900,AAA']));
    const reports = await Promise.all([ingest(a), ingest(b)]);
    expect(reports.map((r) => r.inserted + r.corrections).sort()).toEqual([1, 1]);
    expect(reports.map((r) => r.corrections).sort()).toEqual([0, 1]);
    const bar = (await k.latestBars('1d', 'AAA')).find((r) => r.time === '2016-03-17T00:00:00Z');
    expect(bar).toMatchObject({ versions: 2, available_at: new Date(now).toISOString() });
  });
});
