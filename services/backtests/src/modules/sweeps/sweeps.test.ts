import { minimumBacktestLength } from '@alphagraph/backtest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, DB_KIND, type Harness, syntheticBars, writeBars } from '../../test-support/harness.ts';
import { executeSweep } from './run.ts';
import { sweepLifecycle } from './store.ts';

const SYMBOLS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF', 'GGG', 'HHH'];
const SWEEP = `mutation($s: BacktestSpecInput!, $g: [SweepParameterInput!]!, $b: Int) {
  runSweep(spec: $s, grid: $g, blocks: $b) { ok error { code message } sweep { id } }
}`;
const READ = `query($id: ID!) { sweep(id: $id) {
  id status error grid { name values } reportPath
  configurations { index parameters error metrics { sharpe totalReturn } }
  overfitting { best sharpe annualizedSharpe trials varianceOfTrialSharpes probabilisticSharpeRatio
    deflatedSharpeRatio pbo blocks logits backtestYears minimumBacktestYears likelyOverfit verdict }
  bestBacktest { id status sweep { id } metrics { sharpe } }
} }`;
const BASE = {
  name: 'mom_sweep',
  universe: SYMBOLS,
  periodStart: '2014-03-03',
  periodEnd: '2016-12-30',
  signal: { expression: '$close / Ref($close, {window}) - 1' },
  strategy: { rule: { type: 'topK', long: 2, short: 2 }, rebalance: 'weekly' },
};

let h: Harness;
beforeAll(async () => {
  h = await createHarness(DB_KIND);
  await writeBars(h.t.lake, syntheticBars(SYMBOLS, '2014-01-02', '2016-12-30', 11));
});
afterAll(async () => {
  await h?.dispose();
});

describe('parameter sweeps', () => {
  it('runs every configuration as one job and reports the best one with DSR, PBO, MinBTL and a verdict', async () => {
    const grid = [
      { name: 'window', values: [5, 10, 20] },
      { name: 'strategy.rule.long', values: [1, 2, 3] },
    ];
    const r = await h.gql(['researcher'], SWEEP, { s: BASE, g: grid, b: 8 });
    expect(r.errors).toBeUndefined();
    expect(r.data.runSweep.error).toBeNull();
    await h.service.idle();
    await h.service.idle();
    const s = (await h.gql(['analyst'], READ, { id: r.data.runSweep.sweep.id })).data.sweep;
    expect(s.status).toBe('SUCCEEDED');
    expect(s.configurations).toHaveLength(9);
    expect(s.configurations[4].parameters).toEqual({ window: 10, 'strategy.rule.long': 2 });
    const sharpes = s.configurations.map((c: any) => c.metrics.sharpe as number);
    const o = s.overfitting;
    expect(o.trials).toBe(9);
    expect(o.blocks).toBe(8);
    expect(o.logits).toHaveLength(70); // C(8, 4) splits
    // The best is the configuration with the highest Sharpe ratio.
    expect(sharpes[o.best]).toBe(Math.max(...sharpes));
    expect(o.annualizedSharpe).toBeCloseTo(sharpes[o.best], 8);
    // Variance of the trials' per-period Sharpe ratios, from the configurations' annualized ones.
    const per = sharpes.map((x: number) => x / Math.sqrt(252));
    const mean = per.reduce((a: number, b: number) => a + b, 0) / per.length;
    const variance = per.reduce((a: number, b: number) => a + (b - mean) ** 2, 0) / (per.length - 1);
    expect(o.varianceOfTrialSharpes).toBeCloseTo(variance, 12);
    expect(o.deflatedSharpeRatio).toBeLessThan(o.probabilisticSharpeRatio);
    expect(o.deflatedSharpeRatio).toBeGreaterThanOrEqual(0);
    expect(o.pbo).toBe(o.logits.filter((l: number) => l <= 0).length / 70);
    if (o.annualizedSharpe > 0) {
      expect(o.minimumBacktestYears).toBeCloseTo(
        minimumBacktestLength({ trials: 9, targetSharpe: o.annualizedSharpe }),
        10,
      );
    }
    // The verdict says so in plain words when PBO > 0.5 or DSR < 0.95.
    expect(o.likelyOverfit).toBe(o.pbo > 0.5 || o.deflatedSharpeRatio < 0.95);
    if (o.likelyOverfit) expect(o.verdict).toMatch(/overfit/i);
    // The best configuration runs as a full backtest of its own (outputs, report).
    expect(s.bestBacktest.status).toBe('SUCCEEDED');
    expect(s.bestBacktest.sweep.id).toBe(s.id);
    expect(s.bestBacktest.metrics.sharpe).toBeCloseTo(sharpes[o.best], 10);
    expect(s.reportPath).toBe(`/backtests/${s.id}`);
  });

  it('a sweep given back by a stopping process queues no best run; another worker finishes it once', async () => {
    const [template] = await h.service.sweeps.store.list(1);
    const sweep = await h.service.sweeps.store.create({
      name: 'given-back-sweep',
      spec: template!.spec,
      grid: [{ name: 'window', values: [5, 10] }],
      blocks: 4,
      inputSnapshots: template!.inputSnapshots,
      asOf: template!.asOf,
      createdBy: 'test',
    });
    const db = h.t.database.db;
    const stopping = 'stopping-host:2:sigterm';
    const claimed = await sweepLifecycle.claim(db, { to: 'running', worker: stopping, id: sweep.id });
    expect(claimed?.status).toBe('running');
    expect(await sweepLifecycle.release(db, { id: sweep.id, worker: stopping })).toMatchObject({
      status: 'queued',
      claimedBy: null,
    });
    let bestQueued = 0;
    const late = await executeSweep(
      {
        db,
        lake: h.t.lake,
        store: h.service.sweeps.store,
        runBest: async () => {
          bestQueued++;
          return 'never';
        },
      },
      claimed!,
      stopping,
    );
    expect(late).toBeNull();
    expect(bestQueued).toBe(0);
    expect((await h.service.sweeps.store.byIds([sweep.id]))[0]).toMatchObject({ status: 'queued', error: null });
    await h.service.idle();
    await h.service.idle();
    const [done] = await h.service.sweeps.store.byIds([sweep.id]);
    expect(done).toMatchObject({ status: 'succeeded' });
    const runs = (await h.service.backtests.store.list({ first: 500 })).filter((b) => b.sweepId === sweep.id);
    expect(runs.map((b) => [b.id, b.status])).toEqual([[done!.bestBacktestId, 'succeeded']]);
  });

  it('refuses a malformed grid and stores nothing', async () => {
    const before = (await h.gql(['analyst'], '{ sweeps { id } }')).data.sweeps.length;
    for (const [grid, message] of [
      [[{ name: 'lookback', values: [5, 10] }], /no \{lookback\} placeholder/],
      [[{ name: 'conventions.riskFreeRate', values: [0, 0.01] }], /must start with strategy\. or compat\./],
      [[{ name: 'window', values: Array.from({ length: 1001 }, (_, i) => i + 1) }], /at most 1000/],
      [[{ name: 'window', values: [5] }], /at least two configurations/],
    ] as const) {
      const r = await h.gql(['researcher'], SWEEP, { s: BASE, g: grid });
      expect(r.data.runSweep.ok).toBe(false);
      expect(r.data.runSweep.error.code).toBe('INVALID_SPEC');
      expect(r.data.runSweep.error.message).toMatch(message);
    }
    expect((await h.gql(['analyst'], '{ sweeps { id } }')).data.sweeps.length).toBe(before);
  });
});
