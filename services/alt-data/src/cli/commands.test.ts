import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { quoteLiteral } from '@alphagraph/lake';
import { createTestRuntime, type TestRuntime } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerDataset } from '../modules/ingest/register.ts';
import { createObservationStore } from '../modules/observations/store.ts';
import { runObservationsCli } from './commands.ts';

describe.each(testDatabaseKinds())('alphagraph ingest observations on %s', (kind) => {
  let t: TestRuntime;
  const dir = mkdtempSync(join(tmpdir(), 'ag-obs-cli-'));
  const run = async (args: string[]) => {
    let out = '';
    let err = '';
    const code = await runObservationsCli(
      ['ingest', 'observations', ...args, '--no-progress'],
      { db: t.handle.db, lake: t.lake, audit: t.audit, actor: 'cli:test' },
      { out: (s) => (out += s), err: (s) => (err += s) },
    );
    return { code, out, err };
  };
  /** Every stored version of every observation, read straight from the lake. */
  const stored = async () => {
    const snapshot = await t.lake.currentSnapshot('alt_fills').catch(() => null);
    if (!snapshot) return [];
    return t.lake.query(
      `SELECT entity, epoch_ms(event_time) AS e, seq, epoch_ms(available_at) AS a, qty, side FROM ${t.lake.scan(snapshot)} ORDER BY entity, e, seq, a`,
    );
  };

  beforeAll(async () => {
    t = await createTestRuntime(kind);
    const r = await registerDataset(
      { db: t.handle.db, observations: createObservationStore(t.lake) },
      {
        vendor: 'Own OMS',
        name: 'fills',
        description: 'order fills',
        licence: 'internal',
        licensed: false,
        entityKind: 'key',
        fields: [
          { name: 'qty', type: 'int', description: 'filled quantity', unit: 'shares', minimum: 1, required: true },
          { name: 'side', type: 'string', description: 'B or S' },
        ],
        latencySeconds: 1,
        eventTime: { kind: 'point' },
      },
      'ada',
    );
    expect(r.ok).toBe(true);
  });
  afterAll(async () => {
    await t?.dispose();
  });

  it('pushes a CSV as one batch through the same rules, reporting bad rows by line; a re-push is a no-op', async () => {
    const csv = join(dir, 'fills.csv');
    writeFileSync(
      csv,
      [
        'entity,event_time,seq,available_at,qty,side',
        'ord-1,2016-03-01T14:30:00.250Z,0,2016-03-01T14:30:01Z,100,B',
        'ord-1,2016-03-01T14:30:00.250Z,1,2016-03-01T14:30:01Z,50,B',
        'ord-2,2016-03-01T15:00:00Z,0,,0,S',
        'ord-3,2016-03-01T15:10:00Z,0,2016-03-01T15:09:00Z,10,S',
      ].join('\n'),
    );
    const first = await run([csv, '--dataset', 'fills']);
    expect(first.err).toBe('');
    expect(first.code).toBe(0);
    expect(first.out).toContain('read 4, accepted 2, fixed 0, quarantined 1, rejected 1');
    expect(first.out).toContain(
      'line 4 qty: out_of_range quarantined: qty = 0 is outside its allowed range [1, +inf] shares',
    );
    expect(first.out).toContain('line 5 availableAt: available_before_event rejected');
    const t0 = Date.parse('2016-03-01T14:30:00.250Z');
    const a0 = Date.parse('2016-03-01T14:30:01Z');
    const rows = await stored();
    expect(rows.map((r) => [r.entity, Number(r.e), r.seq, Number(r.a), r.qty, r.side])).toEqual([
      ['ord-1', t0, 0, a0, 100, 'B'],
      ['ord-1', t0, 1, a0, 50, 'B'],
    ]);
    const again = await run([csv, '--dataset', 'fills']);
    expect(again.out).toMatch(/^already delivered \(nothing written\)/);
    expect(await stored()).toHaveLength(2);
  });

  it('pushes a Parquet file written by DuckDB, typed columns included', async () => {
    const parquet = join(dir, 'fills.parquet');
    await t.lake.query(
      `COPY (SELECT 'ord-9' AS entity, TIMESTAMPTZ '2016-03-02 10:00:00+00' AS event_time, 250 AS qty, 'S' AS side)
       TO ${quoteLiteral(parquet)} (FORMAT parquet)`,
    );
    const r = await run([parquet, '--dataset', 'fills', '--backfill']);
    expect(r.err).toBe('');
    expect(r.out).toContain('read 1, accepted 1');
    const rows = await stored();
    expect(rows.find((x) => x.entity === 'ord-9')).toMatchObject({ qty: 250, side: 'S', seq: 0 });
    const e = Date.parse('2016-03-02T10:00:00Z');
    expect(Number(rows.find((x) => x.entity === 'ord-9')!.a)).toBe(e + 1000);
  });

  it("refuses a file whose columns are not the dataset's, naming them", async () => {
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'entity,event_time,qty,colour\nord-1,2016-03-01T14:30:00Z,1,red\n');
    const r = await run([csv, '--dataset', 'fills']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('has column(s) colour that are not fields of the dataset');
  });
});
