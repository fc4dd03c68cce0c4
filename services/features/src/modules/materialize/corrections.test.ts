import { sessionClose } from '@alphagraph/calendar';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../test-support/dates.ts';
import { type Bar, syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';

const DAYS = sessions('2016-02-01', '2016-04-29');
const FIXED = 20;
const GAP = 30;
const FIX_KNOWN = new Date('2016-05-02T13:00:00Z');
const MEAN = 5;

type Row = Record<string, unknown>;
const key = (r: Row) => `${r.entity} ${(r.event_time as Date).toISOString().slice(0, 10)}`;
const stamp = (r: Row) => (r.available_at as Date).getTime();

/** Per (entity, event time), the version a reader sees last: the latest stamp, then the latest run. */
function latestVersions(rows: readonly Row[]): Map<string, Row> {
  const latest = new Map<string, Row>();
  for (const r of rows) {
    const known = latest.get(key(r));
    if (!known || stamp(r) > stamp(known) || (stamp(r) === stamp(known) && String(r.tiebreak) > String(known.tiebreak)))
      latest.set(key(r), r);
  }
  return latest;
}

describe.each(testDatabaseKinds())('incremental runs pick up corrections on %s', (kind) => {
  let h: Harness;
  let bars: Bar[];
  const materialize = async (input: Record<string, unknown>) => {
    const result = await h.gql(['researcher'], MATERIALIZE, {
      i: { waitSeconds: 60, universe: ['AAA', 'BBB'], ...input },
    });
    expect(result.errors).toBeUndefined();
    expect(result.data.materializeFeatures.error).toBeNull();
    return result.data.materializeFeatures.run;
  };
  const viewRows = async (dataset: string): Promise<Row[]> => {
    const snapshot = (await h.t.lake.currentSnapshot(dataset))!;
    return h.t.lake.query(
      `SELECT * FROM ${h.t.lake.scan(snapshot)} ORDER BY entity, event_time, available_at, tiebreak`,
    );
  };

  beforeAll(async () => {
    h = await createHarness(kind);
    bars = syntheticBars(['AAA', 'BBB'], DAYS[0]!, DAYS.at(-1)!, 3);
    // BBB's bar of the GAP session arrives late (below).
    await writeBars(
      h.t.lake,
      bars.filter((b) => !(b.symbol === 'BBB' && b.date === DAYS[GAP])),
      'first',
    );
    for (const [name, expression] of [
      ['fix_close', '$close'],
      ['fix_mean', `Mean($close, ${MEAN})`],
      ['fix_rank', 'CSRank($close)'],
    ] as const) {
      const r = await h.gql(['researcher'], DEFINE, {
        i: { name, expression, ttlSeconds: 864_000, description: name },
      });
      expect(r.data.defineFeature.error).toBeNull();
    }
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('writes new versions of exactly the periods a corrected or late bar reaches, equal to a backfill', async () => {
    const features = ['fix_close', 'fix_mean'];
    const first = await materialize({ features });
    expect(first).toMatchObject({ status: 'SUCCEEDED', rowsWritten: DAYS.length * 2 - 1 });
    const dataset = first.view.lakeDataset;
    const firstRows = await viewRows(dataset);

    // A correction of AAA's FIXED bar, known later (as market-data stamps a correction), and
    // BBB's missing bar, arriving late with the time it was first known (its session's close).
    const original = bars.find((b) => b.symbol === 'AAA' && b.date === DAYS[FIXED])!;
    const corrected = { ...original, close: original.close * 1.5, availableAt: FIX_KNOWN };
    const late = bars.find((b) => b.symbol === 'BBB' && b.date === DAYS[GAP])!;
    await writeBars(h.t.lake, [corrected, late], 'fix');

    const second = await materialize({ features });
    // AAA: the corrected session and the MEAN - 1 after it whose window holds it. BBB: the late
    // session and every later one (a late bar moves every later row's position), but a row only
    // when its values or stamp changed: $close of the later sessions did not, their means did
    // for MEAN - 1 sessions; the stamp of a row whose window holds the late bar is unchanged
    // (it was first known at its own close), so those MEAN - 1 rows and the late one are all.
    expect(second).toMatchObject({
      status: 'SUCCEEDED',
      rowsWritten: MEAN + MEAN,
      eventTimeFrom: `${DAYS[FIXED]}T00:00:00.000Z`,
    });
    const rows = await viewRows(dataset);
    const written = rows.filter((r) => r.tiebreak === second.id);
    expect(written.map(key)).toEqual([
      ...DAYS.slice(FIXED, FIXED + MEAN).map((d) => `AAA ${d}`),
      ...DAYS.slice(GAP, GAP + MEAN).map((d) => `BBB ${d}`),
    ]);
    // The corrected rows are stamped when the correction was known; the old versions stay as
    // they were, so a point-in-time read before FIX_KNOWN still sees them.
    for (const r of written.filter((r) => r.entity === 'AAA')) expect(stamp(r)).toBe(FIX_KNOWN.getTime());
    expect(written[0]!.fix_close__v1).toBe(corrected.close);
    const old = rows.filter((r) => r.tiebreak === first.id);
    expect(old).toEqual(firstRows);
    expect(stamp(old.find((r) => key(r) === `AAA ${DAYS[FIXED]}`)!)).toBe(sessionClose('XNYS', DAYS[FIXED]!).getTime());
    // The late bar's session is new to the view: stamped at its close.
    expect(stamp(written.find((r) => key(r) === `BBB ${DAYS[GAP]}`)!)).toBe(sessionClose('XNYS', DAYS[GAP]!).getTime());

    // What a reader now sees equals what a backfill computes, value for value and stamp for stamp.
    const backfill = await materialize({ features, mode: 'BACKFILL', from: `${DAYS[0]}T00:00:00Z` });
    const all = await viewRows(dataset);
    const seen = latestVersions(all.filter((r) => r.tiebreak !== backfill.id));
    const recomputed = all.filter((r) => r.tiebreak === backfill.id);
    expect(recomputed).toHaveLength(DAYS.length * 2);
    const differences = recomputed.flatMap((b) => {
      const r = seen.get(key(b));
      if (!r) return [`${key(b)} missing`];
      return ['available_at', 'fix_close__v1', 'fix_mean__v1']
        .filter((c) => (c === 'available_at' ? stamp(r) !== stamp(b) : !Object.is(r[c], b[c])))
        .map((c) => `${key(b)} ${c}: ${String(r[c])} vs ${String(b[c])}`);
    });
    expect(differences).toEqual([]);
    expect(seen.size).toBe(recomputed.length);
  });

  it('a correction of one instrument recomputes a cross-sectional feature for every instrument', async () => {
    const first = await materialize({ features: ['fix_rank'] });
    expect(first.status).toBe('SUCCEEDED');
    // The two closes at the corrected session swap order, so both ranks change.
    const aaa = bars.find((b) => b.symbol === 'AAA' && b.date === DAYS[FIXED + 2])!;
    const bbb = bars.find((b) => b.symbol === 'BBB' && b.date === DAYS[FIXED + 2])!;
    const swapped = aaa.close < bbb.close ? bbb.close * 2 : bbb.close / 2;
    await writeBars(h.t.lake, [{ ...aaa, close: swapped, availableAt: FIX_KNOWN }], 'fix-rank');
    const second = await materialize({ features: ['fix_rank'] });
    const written = (await viewRows(first.view.lakeDataset)).filter((r) => r.tiebreak === second.id);
    expect(written.map(key)).toEqual([`AAA ${DAYS[FIXED + 2]}`, `BBB ${DAYS[FIXED + 2]}`]);
    for (const r of written) expect(stamp(r)).toBe(FIX_KNOWN.getTime());
  });

  it('a run with nothing new publishes no snapshot and records the view’s current one', async () => {
    const features = ['fix_close', 'fix_mean'];
    const before = await materialize({ features });
    const dataset = before.view.lakeDataset;
    const history = await h.t.lake.history(dataset);
    const again = await materialize({ features });
    expect(again).toMatchObject({ status: 'SUCCEEDED', rowsWritten: 0, eventTimeFrom: null, eventTimeTo: null });
    expect(again.snapshotId).toBe(history[0]!.id);
    expect(await h.t.lake.history(dataset)).toEqual(history);
    expect(again.inputSnapshots).toEqual(before.inputSnapshots);
  });
});
