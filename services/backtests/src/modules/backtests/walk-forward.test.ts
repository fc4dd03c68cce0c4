import { sessionClose, sessionDays } from '@alphagraph/calendar';
import { readModelVersions, readTrainingSets } from '@alphagraph/datasets';
import { seedModelVersion, seedTrainingSet } from '@alphagraph/datasets/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, DB_KIND, type Harness, RUN, syntheticBars, writeBars } from '../../test-support/harness.ts';
import { loadMarket } from './market.ts';
import { simulate } from './simulate.ts';
import { parseRunSpec } from './spec.ts';
import { planWindows, readWalkForwardRows, walkForwardPredictions } from './walk-forward.ts';

const SYMBOLS = ['AAA', 'BBB', 'CCC'];
const FROM = '2015-01-02';
const TO = '2015-12-31';
const DAYS = sessionDays('XNYS', FROM, TO);
const SPEC = {
  name: 'wf',
  universe: SYMBOLS,
  periodStart: FROM,
  periodEnd: TO,
  signal: { model: 'wfm', modelVersion: 1 },
  strategy: { rule: { type: 'topK', long: 1, short: 1 }, rebalance: 'daily' },
  walkForward: { trainWindow: 40, testWindow: 20 },
};
const WF = `query($id: ID!) { backtest(id: $id) { id status error signal inputs { dataset snapshotId }
  metrics { totalReturn sharpe }
  walkForward { trainWindow testWindow step
    windows { index trainStart trainEnd testStart testEnd trainRows testRows purgedRows }
    outOfSample { totalReturn sharpe tradeCount } inSample { totalReturn sharpe tradeCount } }
  trades(first: 5000) { nodes { symbol entryTime } } } }`;

let h: Harness;
let trainingSetId: string;
beforeAll(async () => {
  h = await createHarness(DB_KIND);
  await writeBars(h.t.lake, syntheticBars(SYMBOLS, FROM, TO, 11));
  // A feature whose relation to the (1-session forward) label flips sign every 25 sessions: what a
  // window learns depends on which sessions it trained on.
  const rows = DAYS.flatMap((day, i) =>
    SYMBOLS.map((entity, s) => {
      const f = Math.sin(i / 3 + s * 2.1);
      const regime = Math.floor(i / 25) % 2 === 0 ? 1 : -1;
      return {
        entity,
        t: sessionClose('XNYS', day),
        split: 'train' as const,
        features: [f],
        label: 0.01 * regime * f + 0.001 * Math.cos(i * 7 + s),
      };
    }),
  );
  const ts = await seedTrainingSet(
    { db: h.t.database.db, lake: h.t.lake },
    { name: 'wf_set', createdBy: 'test', features: ['f'], label: 'fwd', horizon: 1, rows },
  );
  trainingSetId = ts.id;
  await seedModelVersion(h.t.database.db, {
    model: 'wfm',
    number: 1,
    trainingSetId,
    features: ['f__v1'],
    label: 'fwd',
    algorithm: 'linear_regression',
  });
});
afterAll(async () => {
  await h?.dispose();
});

async function runWalkForward(spec: Record<string, unknown>) {
  const r = await h.gql(['researcher'], RUN, { s: spec });
  expect(r.errors).toBeUndefined();
  expect(r.data.runBacktest.error).toBeNull();
  await h.service.idle();
  const b = await h.gql(['analyst'], WF, { id: r.data.runBacktest.backtest.id });
  expect(b.errors).toBeUndefined();
  return b.data.backtest;
}

describe('walk-forward backtests of a model version', () => {
  it('plans rolling windows whose test periods follow their training and never overlap', () => {
    expect(planWindows(10, { trainWindow: 4, testWindow: 2, step: 2 })).toEqual([
      { trainFrom: 0, trainTo: 4, testFrom: 4, testTo: 6 },
      { trainFrom: 2, trainTo: 6, testFrom: 6, testTo: 8 },
      { trainFrom: 4, trainTo: 8, testFrom: 8, testTo: 10 },
    ]);
    expect(planWindows(4, { trainWindow: 4, testWindow: 2, step: 2 })).toEqual([]);
  });

  it('retrains per window, trades only out-of-sample predictions, and reports in-sample beside them', async () => {
    const b = await runWalkForward(SPEC);
    expect(b.status).toBe('SUCCEEDED');
    expect(b.signal).toBe('model:wfm@1 walk-forward(train 40, test 20, step 20)');
    // The training set is pinned (no predictions dataset is read).
    expect(b.inputs.map((i: { dataset: string }) => i.dataset)).toContain('ts_wf_set');
    const wf = b.walkForward;
    expect([wf.trainWindow, wf.testWindow, wf.step]).toEqual([40, 20, 20]);
    expect(wf.windows.length).toBe(Math.ceil((DAYS.length - 40) / 20));
    let previousTestEnd = '';
    for (const [k, w] of wf.windows.entries()) {
      expect(w.index).toBe(k);
      // No out-of-sample instant is a training instant of its window.
      expect(w.trainEnd < w.testStart).toBe(true);
      expect(w.trainStart <= w.trainEnd && w.testStart <= w.testEnd).toBe(true);
      // Stitched in time order, without overlap.
      expect(w.testStart > previousTestEnd).toBe(true);
      previousTestEnd = w.testEnd;
      // Horizon 1: the last training session's labels read the first test session, so they are purged.
      expect(w.purgedRows).toBe(SYMBOLS.length);
      expect(w.trainRows).toBe(39 * SYMBOLS.length);
    }
    expect(wf.windows[0].testStart).toBe(sessionClose('XNYS', DAYS[40]!).toISOString());
    // Nothing is traded before the first out-of-sample prediction could be acted on.
    const firstFill = DAYS[41]!;
    const entries = b.trades.nodes.map((t: { entryTime: string }) => t.entryTime.slice(0, 10)).sort();
    expect(entries[0]).toBe(firstFill);
    // The run's metrics are the out-of-sample ones; in-sample is reported beside them.
    expect(wf.outOfSample.totalReturn).toBe(b.metrics.totalReturn);
    expect(wf.inSample.totalReturn).not.toBe(wf.outOfSample.totalReturn);
    expect(wf.inSample.tradeCount).toBeGreaterThan(0);
  });

  it('would give another result if a window trained on its own test period (a leak)', async () => {
    const b = await runWalkForward({ ...SPEC, name: 'wf-honest' });
    const [record] = await h.service.backtests.store.byIds([b.id]);
    const pinned = { inputSnapshots: record!.inputSnapshots!, asOf: record!.asOf! };
    const db = h.t.database.db;
    const [version] = await readModelVersions(db, [{ model: 'wfm', version: 1 }]);
    const [ts] = await readTrainingSets(db, [trainingSetId]);
    const rows = await readWalkForwardRows(h.t.lake, ts!, pinned.inputSnapshots[ts!.lakeDataset]!, version!);
    const model = {
      task: 'regression' as const,
      algorithm: 'linear_regression' as const,
      hyperparameters: {},
      seed: 1,
      field: 'prediction',
    };
    const wf = { trainWindow: 40, testWindow: 20, step: 20 };
    const honest = walkForwardPredictions(rows, model, wf, 1);
    const leaked = walkForwardPredictions(rows, model, wf, 1, { leak: true });
    // The leaked windows record training over their own test period.
    for (const w of leaked.windows) expect(w.trainEnd >= w.testEnd).toBe(true);
    const spec = parseRunSpec({ ...SPEC, name: 'wf-leak' });
    const run = async (p: typeof honest.outOfSample) => simulate(spec, await loadMarket(h.t.lake, spec, pinned, p));
    const fair = await run(honest.outOfSample);
    const leak = await run(leaked.outOfSample);
    // The honest recomputation is the service's run; the leak changes the trades and the result.
    expect(fair.metrics.portfolio.totalReturn).toBe(b.metrics.totalReturn);
    expect(leak.metrics.portfolio.totalReturn).not.toBe(fair.metrics.portfolio.totalReturn);
    expect(leak.trades.length).not.toBe(0);
  });

  it('refuses a walk-forward without a model signal, with overlapping test windows, or in a sweep', async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...SPEC, signal: { expression: '$close' } }, /walkForward: only for a model signal/],
      [{ ...SPEC, walkForward: { trainWindow: 40, testWindow: 20, step: 5 } }, /step: 5 is shorter than testWindow 20/],
      [{ ...SPEC, walkForward: { trainWindow: 400, testWindow: 20 } }, /no out-of-sample window/],
    ];
    for (const [spec, message] of cases) {
      const before = (await h.service.backtests.store.list({ first: 1000 })).length;
      const r = await h.gql(['researcher'], RUN, { s: spec });
      expect(r.data.runBacktest.error.message).toMatch(message);
      expect((await h.service.backtests.store.list({ first: 1000 })).length).toBe(before);
    }
    await expect(
      h.service.sweeps.submit(SPEC, [{ name: 'strategy.rule.long', values: [1, 2] }], 4, 'test'),
    ).rejects.toThrow(/walkForward runs one configuration/);
  });
});
