import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { type LabelSpec, readTrainingSets, realizedLabels } from '@alphagraph/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendBars,
  appendViewRows,
  createAndRead,
  createFixtureView,
  type FeaturesHarness,
  type PreviewRow,
  startFeaturesHarness,
} from './test-support.ts';

// The first 30 daily bars of GOOG from the repository's demo data, each published at its close (20:00Z in summer).
const GOOG = gunzipSync(readFileSync(new URL('../../../../../data/demo/GOOG.csv.gz', import.meta.url)))
  .toString('utf8')
  .split('\n')
  .slice(1, 31)
  .map((line) => {
    const [date, , , , close] = line.split(',');
    return { date: date!, close: Number(close) };
  });

const FWD: LabelSpec = { kind: 'forward_return', name: 'fwd_5', horizon: 5 };
const TB: LabelSpec = {
  kind: 'triple_barrier',
  name: 'tb',
  horizon: 5,
  profitTake: 1,
  stopLoss: 1,
  volatilitySpan: 5,
  volatilityMinPeriods: 3,
};

/**
 * Monitoring's realized labels against a training set built by the service (GraphQL, the real
 * build and point-in-time join): for the same (entity, t), the same value, and for a triple barrier
 * a knownAt equal to the build's touch column.
 */
describe('realized labels agree with a training-set build', () => {
  let h: FeaturesHarness;
  let rows: PreviewRow[];
  let id: string;

  beforeAll(async () => {
    h = await startFeaturesHarness('pglite');
    const px = await createFixtureView(h.deps, { view: 'rl', features: [{ name: 'rl', ttlSeconds: 10 * 86_400 }] });
    await appendViewRows(
      h.deps,
      px.lakeDataset,
      GOOG.map((b) => ['GOOG', `${b.date}T00:00:00Z`, `${b.date}T20:00:00Z`, [b.close]]),
    );
    await appendBars(
      h.deps.lake,
      GOOG.map((b) => ['GOOG', b.date, b.close, `${b.date}T20:00:00Z`]),
    );
    let ts: { id: string };
    ({ rows, ts } = await createAndRead(h, {
      name: 'realized',
      features: [px.refs[0]],
      entities: ['GOOG'],
      // 15:30 New York is before the day's bar is published (anchor: the previous bar), 16:30 after.
      spine: { schedule: { calendar: 'XNYS', times: ['15:30', '16:30'] } },
      period: { from: GOOG[0]!.date, to: GOOG.at(-1)!.date },
      labels: [
        { name: 'fwd_5', forwardReturn: { horizon: 5 } },
        {
          name: 'tb',
          tripleBarrier: { horizon: 5, profitTake: 1, stopLoss: 1, volatilitySpan: 5, volatilityMinPeriods: 3 },
        },
      ],
    }));
    id = ts.id;
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const realized = (label: LabelSpec) =>
    h.deps.lake.withSession((s) =>
      realizedLabels(s, h.deps.lake, {
        label,
        interval: '1d',
        predictions: rows.map((r) => ({ entity: r.entity, t: new Date(r.t) })),
        asOf: new Date(),
      }),
    );
  const iso = (d: Date) => d.toISOString().replace('Z', '000Z');

  it('the training set publishes its labels in full, with their bar interval, for monitoring to reuse', async () => {
    const [published] = await readTrainingSets(h.deps.db, [id]);
    expect(published).toMatchObject({ labels: [FWD, TB], labelInterval: '1d' });
  });

  it('forward return: the same values for the same rows', async () => {
    expect(rows).toHaveLength(2 * GOOG.length);
    const built = rows.filter((r) => r.values.label_fwd_5 !== null);
    expect(built.length).toBeGreaterThan(40);
    const got = await realized(FWD);
    expect(got.map((r) => [r.entity, iso(r.t)])).toEqual(built.map((r) => [r.entity, r.t]));
    got.forEach((r, i) => {
      expect(r.value).toBeCloseTo(built[i]!.values.label_fwd_5 as number, 12);
    });
  });

  it('triple barrier: the same values, known at the build’s touch time', async () => {
    const built = rows.filter((r) => r.values.label_tb !== null);
    expect(new Set(built.map((r) => r.values.label_tb))).toEqual(new Set([-1, 0, 1]));
    const got = await realized(TB);
    expect(got.map((r) => [r.entity, iso(r.t), r.value, iso(r.knownAt)])).toEqual(
      built.map((r) => [r.entity, r.t, r.values.label_tb, r.values.label_tb_touch]),
    );
  });
});
