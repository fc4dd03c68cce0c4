import { sessionClose } from '@alphagraph/calendar';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VIX } from '../../test-support/alt.ts';
import { sessions } from '../../test-support/dates.ts';
import {
  type AltDatasetFixture,
  type Observation,
  registerAltDataset,
  syntheticBars,
  writeBars,
  writeObservations,
} from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';

const WTI: AltDatasetFixture = {
  name: 'eia_wti_spot_daily',
  vendor: 'EIA',
  licensed: false,
  entityKind: 'market',
  latencySeconds: 0,
  fields: [{ name: 'price', type: 'float' }],
};

// January and February 2015: every close is 21:00Z (no early close, no daylight saving).
const DAYS = sessions('2015-01-02', '2015-02-13');
const FIRST_LAST = 19;
const range = (from: number, to: number) => DAYS.slice(from, to + 1).map((d) => DAYS.indexOf(d));
const at = (iso: string) => new Date(iso);
const CORRECTED = 4;
const CORRECTED_AT = at('2015-03-02T12:00:00Z');

interface Print {
  readonly value: number;
  /** When it became known. */
  readonly at: Date;
}

// VIX prints at 16:15 New York on its date; the EIA's WTI spot price the next morning.
const vixPrint = (i: number): Print => ({ value: 15 + i * 0.5, at: at(`${DAYS[i]}T21:15:00Z`) });
const wtiPrint = (i: number): Print => ({
  value: 50 - i * 0.25,
  at: new Date(at(`${DAYS[i]}T14:00:00Z`).getTime() + 86_400_000),
});
// VIX from the 3rd session to the 20th, missing the 7th and 10th; WTI from the 1st to the 18th,
// missing the 10th (a session where neither series printed).
const FIRST_VIX = range(2, FIRST_LAST).filter((i) => i !== 6 && i !== 9);
const FIRST_WTI = range(0, 17).filter((i) => i !== 9);
const LATER_VIX = range(FIRST_LAST + 1, DAYS.length - 1);
const LATER_WTI = range(18, DAYS.length - 1);

const observations = (indexes: number[], print: (i: number) => Print, values: (v: number) => (number | null)[]) =>
  indexes.map(
    (i): Observation => ({
      entity: 'MARKET',
      eventTime: at(`${DAYS[i]}T00:00:00Z`),
      availableAt: print(i).at,
      values: values(print(i).value),
    }),
  );
const vixValues = (v: number) => [null, null, null, v];

interface Expected {
  readonly time: string;
  readonly vix: number | null;
  readonly chg: number | null;
  readonly ratio: number | null;
  readonly availableAt: number;
}

/**
 * The MARKET rows by hand: every XNYS session from the first print of either series to the last,
 * each stamped with the latest of its close and the prints it and the previous session used.
 */
function expectedRows(vix: ReadonlyMap<number, Print>, wti: ReadonlyMap<number, Print>): Expected[] {
  const indexes = [...vix.keys(), ...wti.keys()];
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  const known = (i: number) =>
    Math.max(sessionClose('XNYS', DAYS[i]!).getTime(), vix.get(i)?.at.getTime() ?? 0, wti.get(i)?.at.getTime() ?? 0);
  const out: Expected[] = [];
  for (let i = first; i <= last; i++) {
    const v = vix.get(i)?.value ?? null;
    const previous = i > first ? (vix.get(i - 1)?.value ?? null) : null;
    const w = wti.get(i)?.value ?? null;
    out.push({
      time: `${DAYS[i]}T00:00:00.000Z`,
      vix: v,
      chg: v !== null && previous !== null ? v - previous : null,
      ratio: v !== null && w !== null ? w / v : null,
      availableAt: Math.max(known(i), i > first ? known(i - 1) : 0),
    });
  }
  return out;
}

const FEATURES = ['mkt_vix@1', 'mkt_vix_chg@1', 'mkt_oil_per_vix@1'];

describe.each(testDatabaseKinds())('MARKET features on %s', (kind) => {
  let h: Harness;
  const materialize = async (input: Record<string, unknown>) => {
    const result = await h.gql(['researcher'], MATERIALIZE, { i: { waitSeconds: 60, features: FEATURES, ...input } });
    expect(result.errors).toBeUndefined();
    return result.data.materializeFeatures;
  };
  /** Every row of the view, and per (entity, event time) the version the latest stamp wins. */
  const viewRows = async (dataset: string) => {
    const snapshot = (await h.t.lake.currentSnapshot(dataset))!;
    return h.t.lake.query(
      `SELECT * FROM ${h.t.lake.scan(snapshot)} ORDER BY entity, event_time, available_at, tiebreak`,
    );
  };
  const asExpected = (r: Record<string, unknown>): Expected => ({
    time: (r.event_time as Date).toISOString(),
    vix: r.mkt_vix__v1 as number | null,
    chg: r.mkt_vix_chg__v1 as number | null,
    ratio: r.mkt_oil_per_vix__v1 as number | null,
    availableAt: (r.available_at as Date).getTime(),
  });
  const vixSeen = new Map(FIRST_VIX.map((i) => [i, vixPrint(i)]));
  const wtiSeen = new Map(FIRST_WTI.map((i) => [i, wtiPrint(i)]));
  let dataset: string;

  beforeAll(async () => {
    h = await createHarness(kind);
    const { db } = h.t.handle;
    await registerAltDataset(db, h.t.lake, VIX);
    await registerAltDataset(db, h.t.lake, WTI);
    await writeObservations(h.t.lake, VIX, observations(FIRST_VIX, vixPrint, vixValues));
    await writeObservations(
      h.t.lake,
      WTI,
      observations(FIRST_WTI, wtiPrint, (v) => [v]),
    );
    await writeBars(h.t.lake, syntheticBars(['AAA'], DAYS[0]!, DAYS.at(-1)!));
    for (const [name, expression, entity] of [
      ['mkt_vix', '$cboe_vix_daily.close', 'MARKET'],
      ['mkt_vix_chg', '$cboe_vix_daily.close - Ref($cboe_vix_daily.close, 1)', 'MARKET'],
      ['mkt_oil_per_vix', '$eia_wti_spot_daily.price / $cboe_vix_daily.close', 'MARKET'],
      ['inst_close', '$close', 'INSTRUMENT'],
    ] as const) {
      const r = await h.gql(['researcher'], DEFINE, {
        // A long TTL: the 2015 values are still served online.
        i: { name, expression, entity, ttlSeconds: 20 * 365 * 86_400, description: name },
      });
      expect(r.data.defineFeature.error).toBeNull();
    }
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('materializes a row per XNYS session of the series, entity MARKET, stamped when its inputs were known', async () => {
    const { run, error } = await materialize({});
    expect(error).toBeNull();
    const expected = expectedRows(vixSeen, wtiSeen);
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      mode: 'INCREMENTAL',
      universe: ['MARKET'],
      rowsWritten: FIRST_LAST + 1,
      eventTimeFrom: `${DAYS[0]}T00:00:00.000Z`,
      eventTimeTo: `${DAYS[FIRST_LAST]}T00:00:00.000Z`,
    });
    expect(run.inputSnapshots.map((s: { dataset: string }) => s.dataset)).toEqual([
      'alt_cboe_vix_daily',
      'alt_eia_wti_spot_daily',
    ]);
    dataset = run.view.lakeDataset;
    const views = await h.gql(['viewer'], '{ featureViews { name entity } }');
    expect(views.data.featureViews).toEqual([{ name: run.view.name, entity: 'MARKET' }]);

    const rows = await viewRows(dataset);
    expect(rows.map((r) => r.entity)).toEqual(expected.map(() => 'MARKET'));
    expect(rows.map(asExpected)).toEqual(expected);
    // A session where neither series printed is a row of nulls known at its close.
    expect(asExpected(rows[9]!)).toMatchObject({ vix: null, chg: null, ratio: null });
    expect(rows[9]!.available_at).toEqual(sessionClose('XNYS', DAYS[9]!));
  });

  it('refuses a request mixing MARKET and INSTRUMENT features, or giving MARKET features a universe', async () => {
    const mixed = await materialize({ features: ['mkt_vix', 'inst_close'] });
    expect(mixed.run).toBeNull();
    expect(mixed.error).toMatchObject({ code: 'BAD_INPUT', field: 'features' });
    expect(mixed.error.message).toContain('MARKET mkt_vix@1; INSTRUMENT inst_close@1');
    const universe = await materialize({ universe: ['AAA'] });
    expect(universe.error).toMatchObject({ code: 'BAD_INPUT', field: 'universe' });
    expect(universe.error.message).toContain('omit universe');
  });

  it('an incremental run with nothing new succeeds with 0 rows and publishes no snapshot', async () => {
    const before = (await h.t.lake.currentSnapshot(dataset))!;
    const { run } = await materialize({});
    expect(run).toMatchObject({ status: 'SUCCEEDED', rowsWritten: 0, eventTimeFrom: null, snapshotId: before.id });
    expect((await h.t.lake.currentSnapshot(dataset))!.id).toBe(before.id);
    expect(await h.t.lake.history(dataset)).toHaveLength(1);
  });

  it('an incremental run adds new sessions and new versions of the sessions late or corrected prints reach', async () => {
    const firstRows = await viewRows(dataset);
    const before = expectedRows(vixSeen, wtiSeen);
    await writeObservations(h.t.lake, VIX, observations(LATER_VIX, vixPrint, vixValues));
    await writeObservations(
      h.t.lake,
      WTI,
      observations(LATER_WTI, wtiPrint, (v) => [v]),
    );
    const correction = { value: 30, at: CORRECTED_AT };
    await writeObservations(
      h.t.lake,
      VIX,
      observations([CORRECTED], () => correction, vixValues),
    );
    for (const i of LATER_VIX) vixSeen.set(i, vixPrint(i));
    for (const i of LATER_WTI) wtiSeen.set(i, wtiPrint(i));
    vixSeen.set(CORRECTED, correction);

    const { run } = await materialize({});
    const expected = expectedRows(vixSeen, wtiSeen);
    // New sessions, and sessions whose values or stamp changed: the corrected one and the next
    // (its change reads the corrected print), and the last two of the first run, which WTI's
    // late prints reach. No other session is written again.
    const changed = expected.filter((e) => !before.some((b) => JSON.stringify(b) === JSON.stringify(e)));
    expect(changed.map((e) => e.time.slice(0, 10))).toEqual([
      DAYS[CORRECTED],
      DAYS[CORRECTED + 1],
      DAYS[18],
      DAYS[19],
      ...DAYS.slice(FIRST_LAST + 1),
    ]);
    expect(run).toMatchObject({
      status: 'SUCCEEDED',
      rowsWritten: changed.length,
      eventTimeFrom: `${DAYS[CORRECTED]}T00:00:00.000Z`,
      eventTimeTo: `${DAYS.at(-1)}T00:00:00.000Z`,
    });
    const rows = await viewRows(dataset);
    const written = rows.filter((r) => r.tiebreak === run.id).map(asExpected);
    expect(written).toEqual(changed);
    expect(written[0]).toMatchObject({ vix: 30, availableAt: CORRECTED_AT.getTime() });
    // The first versions stay, stamped as before: a point-in-time read before the correction sees them.
    expect(rows.filter((r) => r.tiebreak !== run.id).map(asExpected)).toEqual(firstRows.map(asExpected));

    // A backfill computes what the view now holds, version by version.
    const backfill = await materialize({ mode: 'BACKFILL', from: `${DAYS[0]}T00:00:00Z` });
    expect(backfill.run).toMatchObject({ status: 'SUCCEEDED', rowsWritten: DAYS.length });
    const all = await viewRows(dataset);
    const latest = new Map<string, Record<string, unknown>>();
    for (const r of all.filter((r) => r.tiebreak !== backfill.run.id))
      latest.set((r.event_time as Date).toISOString(), r);
    const recomputed = all.filter((r) => r.tiebreak === backfill.run.id);
    expect([...latest.values()].map(asExpected)).toEqual(recomputed.map(asExpected));
    expect(recomputed.map(asExpected)).toEqual(expected);
  });

  it('serves the latest values online under the entity MARKET', async () => {
    const result = await h.gql(
      ['trader'],
      `query($f: [String!]!) { onlineFeatures(entities: ["MARKET"], features: $f) {
         rows { entity values { feature value eventTime availableAt status } } } }`,
      { f: FEATURES },
    );
    expect(result.errors).toBeUndefined();
    const last = expectedRows(vixSeen, wtiSeen).at(-1)!;
    const [row] = result.data.onlineFeatures.rows;
    expect(row.entity).toBe('MARKET');
    expect(row.values.map((v: { value: number | null }) => v.value)).toEqual([last.vix, last.chg, last.ratio]);
    expect(row.values[0]).toMatchObject({
      status: 'CURRENT',
      eventTime: last.time,
      availableAt: new Date(last.availableAt).toISOString(),
    });
  });
});
