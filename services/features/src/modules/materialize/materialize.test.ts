import { BARS_DATASET } from '@alphagraph/datasets';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { ALPHA158, compileFeatureSet, MARKET_FIELDS } from '@alphagraph/dsl';
import { latestAsOf } from '@alphagraph/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { barTime, daysAgo, sessions } from '../../test-support/dates.ts';
import { syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, type Harness, MATERIALIZE } from '../../test-support/harness.ts';
import { ensureBuiltinSet } from '../sets/builtin.ts';

const SYMBOLS = ['AAA', 'BBB', 'CCC'];
const START = '2022-06-01';
const FIRST_END = daysAgo(15);
const APPENDED = sessions(daysAgo(14), daysAgo(1));

/** The latest version of each daily bar, straight from the lake, and the dsl's query over it. */
async function computeDirectly(h: Harness, expressions: Record<string, string>, symbols: readonly string[]) {
  const { lake } = h.t;
  const bars = (await lake.currentSnapshot(BARS_DATASET.name))!;
  const latest = latestAsOf(bars, {
    dataset: BARS_DATASET,
    where: ["interval = '1d'", `symbol IN (${symbols.map((x) => `'${x}'`).join(', ')})`],
  });
  return lake.withSession(async (s) => {
    await s.run(
      `CREATE TEMP TABLE direct_bars AS SELECT symbol AS entity, time, available_at, open, high, low, close, volume
       FROM ${latest}`,
    );
    const fields = Object.fromEntries(MARKET_FIELDS.filter((f) => f !== 'vwap').map((f) => [f, { dataset: 'bars' }]));
    const compiled = compileFeatureSet(expressions, {
      fields,
      source: {
        relation: 'direct_bars',
        entityColumn: 'entity',
        timeColumn: 'time',
        availableAtColumn: 'available_at',
        columns: Object.fromEntries(Object.keys(fields).map((f) => [f, f])),
      },
    });
    return s.all(`${compiled.sql} ORDER BY entity, time`);
  });
}

async function viewRows(h: Harness, dataset: string, where = 'true') {
  const snapshot = (await h.t.lake.currentSnapshot(dataset))!;
  return h.t.lake.query(
    `SELECT * FROM ${h.t.lake.scan(snapshot)} WHERE ${where} ORDER BY entity, event_time, tiebreak`,
  );
}

describe.each(testDatabaseKinds())('materialization on %s', (kind) => {
  let h: Harness;
  const materialize = async (input: Record<string, unknown>) => {
    const result = await h.gql(['researcher'], MATERIALIZE, { i: { waitSeconds: 60, ...input } });
    expect(result.errors).toBeUndefined();
    return result.data.materializeFeatures;
  };

  beforeAll(async () => {
    h = await createHarness(kind);
    await writeBars(h.t.lake, syntheticBars(SYMBOLS, START, FIRST_END), 'batch-1');
    const { db } = h.t.handle;
    await ensureBuiltinSet(db, h.service.featureStore, 'alpha158');
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('materializes Alpha158 for a small universe: the values of the dsl query run directly', async () => {
    const result = await materialize({
      set: 'alpha158',
      universe: ['AAA', 'BBB'],
      mode: 'BACKFILL',
      from: '2023-01-01T00:00:00Z',
    });
    expect(result.error).toBeNull();
    const run = result.run;
    const expectedRows = sessions('2023-01-01', FIRST_END).length * 2;
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      mode: 'BACKFILL',
      rowsWritten: expectedRows,
      universe: ['AAA', 'BBB'],
    });
    expect(run.view.name).toMatch(/^fv_alpha158_[0-9a-f]{8}$/);
    expect(run.view.columns.slice(0, 3)).toEqual(['kmid__v1', 'klen__v1', 'kmid2__v1']);
    expect(run.view.columns).toHaveLength(158);
    expect(run.inputSnapshots.map((s: { dataset: string }) => s.dataset)).toEqual(['bars']);
    expect(run.timings.map((t: { step: string }) => t.step)).toEqual([
      'resolve',
      'source',
      'compute',
      'write',
      'publish',
    ]);

    const columns = Object.fromEntries(Object.entries(ALPHA158).map(([n, e]) => [`${n.toLowerCase()}__v1`, e]));
    const direct = (await computeDirectly(h, columns, ['AAA', 'BBB'])).filter(
      (r) => (r.time as Date) >= new Date('2023-01-01T00:00:00Z'),
    );
    const stored = await viewRows(h, run.view.lakeDataset);
    expect(stored).toHaveLength(direct.length);
    const mismatches: string[] = [];
    stored.forEach((row, i) => {
      const d = direct[i]!;
      if (row.entity !== d.entity || (row.event_time as Date).getTime() !== (d.time as Date).getTime()) {
        mismatches.push(`row ${i}: key`);
      }
      if ((row.available_at as Date).getTime() !== (d.available_at as Date).getTime())
        mismatches.push(`row ${i}: available_at`);
      for (const c of Object.keys(columns))
        if (!Object.is(row[c], d[c])) mismatches.push(`row ${i} ${c}: ${row[c]} vs ${d[c]}`);
    });
    expect(mismatches.slice(0, 10)).toEqual([]);
    // A value is known when the bars it read were: at the close of its session at the earliest.
    expect((stored[0]!.available_at as Date).toISOString()).toMatch(/T2[01]:00:00\.000Z$/);
  });

  it('an incremental run after new bars writes only them, bit for bit what a full backfill computes', async () => {
    const refs = [
      'beta60@1',
      'rsqr60@1',
      'resi20@1',
      'corr60@1',
      'std60@1',
      'qtlu20@1',
      'rank10@1',
      'imxd30@1',
      'sumd30@1',
    ];
    const defined = await h.gql(
      ['researcher'],
      `mutation { a: defineFeature(input: { name: "ema_gap", description: "d", ttlSeconds: 864000, expression: "EMA($close, 30) / $close - 1" }) { ok }
                  b: defineFeature(input: { name: "cs_mom", description: "d", ttlSeconds: 864000, expression: "CSRank(Slope($close, 20))" }) { ok } }`,
    );
    expect(defined.data).toEqual({ a: { ok: true }, b: { ok: true } });
    const features = [...refs, 'ema_gap@1', 'cs_mom@1'];
    const first = await materialize({ features, universe: SYMBOLS });
    expect(first.run).toMatchObject({
      status: 'SUCCEEDED',
      mode: 'INCREMENTAL',
      rowsWritten: sessions(START, FIRST_END).length * 3,
    });

    await writeBars(
      h.t.lake,
      syntheticBars(SYMBOLS, START, APPENDED.at(-1)!, 1).filter((b) => b.date >= APPENDED[0]!),
      'batch-2',
    );
    const second = await materialize({ features, universe: SYMBOLS });
    expect(second.run).toMatchObject({
      status: 'SUCCEEDED',
      rowsWritten: APPENDED.length * 3,
      eventTimeFrom: barTime(APPENDED[0]!).toISOString(),
      eventTimeTo: barTime(APPENDED.at(-1)!).toISOString(),
    });
    const nothingNew = await materialize({ features, universe: SYMBOLS });
    expect(nothingNew.run).toMatchObject({ status: 'SUCCEEDED', rowsWritten: 0 });
    const full = await materialize({ features, universe: SYMBOLS, mode: 'BACKFILL', from: `${START}T00:00:00Z` });
    expect(full.run.rowsWritten).toBe((sessions(START, FIRST_END).length + APPENDED.length) * 3);

    const rows = await viewRows(h, first.run.view.lakeDataset);
    const byRun = (id: string) =>
      new Map(
        rows.filter((r) => r.tiebreak === id).map((r) => [`${r.entity} ${(r.event_time as Date).toISOString()}`, r]),
      );
    const backfill = byRun(full.run.id);
    let compared = 0;
    const differences: string[] = [];
    for (const run of [first.run.id, second.run.id]) {
      for (const [key, row] of byRun(run)) {
        const b = backfill.get(key)!;
        for (const c of [...first.run.view.columns, 'available_at']) {
          const same =
            c === 'available_at' ? (row[c] as Date).getTime() === (b[c] as Date).getTime() : Object.is(row[c], b[c]);
          if (!same) differences.push(`${key} ${c}: ${row[c]} vs ${b[c]}`);
          compared++;
        }
      }
    }
    expect(differences.slice(0, 10)).toEqual([]);
    expect(compared).toBe(backfill.size * (features.length + 1));
    // The later run sorts after the earlier one (the tiebreak contract).
    expect(second.run.id > first.run.id && full.run.id > second.run.id).toBe(true);
  });

  it('lists runs with status, counts and timings', async () => {
    const listed = await h.gql(
      ['viewer'],
      `{ materializationRuns(first: 2) { id status mode rowsWritten durationMs view { name } createdBy startedAt finishedAt }
         featureViews { name features } }`,
    );
    expect(listed.errors).toBeUndefined();
    const [latest] = listed.data.materializationRuns;
    expect(latest).toMatchObject({ status: 'SUCCEEDED', mode: 'BACKFILL', createdBy: 'test-researcher' });
    expect(latest.durationMs).toBeGreaterThan(0);
    const one = await h.gql(['viewer'], 'query($id: ID!) { materializationRun(id: $id) { id status } }', {
      id: latest.id,
    });
    expect(one.data.materializationRun).toEqual({ id: latest.id, status: 'SUCCEEDED' });
    const none = await h.gql(['viewer'], '{ materializationRun(id: "not-a-run") { id } }');
    expect(none).toEqual({ data: { materializationRun: null } });
    expect(listed.data.featureViews).toHaveLength(2);
  });

  it('refuses requests it cannot run, with the field at fault', async () => {
    expect((await materialize({ set: 'nope' })).error).toMatchObject({ code: 'NOT_FOUND', field: 'set' });
    expect((await materialize({ features: ['kmid'], mode: 'BACKFILL' })).error).toMatchObject({
      code: 'BAD_INPUT',
      field: 'from',
    });
    expect((await materialize({ set: 'alpha158', features: ['kmid'] })).error).toMatchObject({
      code: 'BAD_INPUT',
      field: 'set',
    });
    const denied = await h.gql(['analyst'], MATERIALIZE, { i: { set: 'alpha158' } });
    expect(denied.errors?.[0]?.message).toBe(
      'Mutation.materializeFeatures requires role researcher or service; you have analyst',
    );
  });

  it('refuses unknown symbols by name, queueing nothing, and materializes a lower-case symbol as the instrument', async () => {
    const runs = async () =>
      (await h.gql(['viewer'], '{ materializationRuns(first: 500) { id } }')).data.materializationRuns;
    const before = await runs();
    const refused = await materialize({ features: ['kmid'], universe: ['aaa', 'NOPE', 'zzz9'] });
    expect(refused).toEqual({
      ok: false,
      run: null,
      error: {
        code: 'BAD_INPUT',
        field: 'universe',
        message: 'universe: 2 unknown symbols (no instrument has them): NOPE, zzz9',
      },
    });
    expect(await runs()).toEqual(before);
    const lower = await materialize({
      features: ['kmid'],
      universe: ['bbb'],
      mode: 'BACKFILL',
      from: `${START}T00:00:00Z`,
    });
    expect(lower.error).toBeNull();
    expect(lower.run).toMatchObject({ status: 'SUCCEEDED', universe: ['BBB'] });
    expect(lower.run.rowsWritten).toBeGreaterThan(0);
    expect(await viewRows(h, lower.run.view.lakeDataset, `entity = 'bbb'`)).toEqual([]);
    expect((await viewRows(h, lower.run.view.lakeDataset, `entity = 'BBB'`)).length).toBeGreaterThan(0);
  });
});
