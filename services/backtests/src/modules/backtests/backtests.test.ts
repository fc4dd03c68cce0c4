import { sessionDays } from '@alphagraph/calendar';
import { BACKTEST_EQUITY_DATASET } from '@alphagraph/datasets';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKTEST,
  createHarness,
  DB_KIND,
  googBars,
  type Harness,
  RUN,
  syntheticBars,
  writeBars,
} from '../../test-support/harness.ts';
import { executeBacktest } from './run.ts';
import { backtestLifecycle } from './store.ts';

const SYMBOLS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF'];
const FROM = '2015-01-02';
const TO = '2016-12-30';
const MOMENTUM = {
  name: 'momentum',
  universe: SYMBOLS,
  periodStart: '2015-03-02',
  periodEnd: TO,
  signal: { expression: '$close / Ref($close, 5) - 1' },
  strategy: { rule: { type: 'topK', long: 2, short: 2 }, rebalance: 'weekly' },
};
const EQUITY = `query($id: ID!, $after: String) { backtest(id: $id) {
  equity(first: 200, after: $after) { nodes { date equity cash gross net dailyReturn traded benchmark } hasNextPage endCursor } } }`;
const TRADES = `query($id: ID!) { backtest(id: $id) { trades(first: 5000) { nodes { tradeNo symbol size entryTime entryPrice exitTime exitPrice costs pnl return open } } } }`;

let h: Harness;
beforeAll(async () => {
  h = await createHarness(DB_KIND);
  await writeBars(h.t.lake, syntheticBars(SYMBOLS, FROM, TO, 7));
});
afterAll(async () => {
  await h?.dispose();
});

async function run(spec: Record<string, unknown>, roles: ('researcher' | 'analyst')[] = ['researcher']) {
  const r = await h.gql(roles, RUN, { s: spec });
  expect(r.errors).toBeUndefined();
  expect(r.data.runBacktest.error).toBeNull();
  await h.service.idle();
  const b = await h.gql(['analyst'], BACKTEST, { id: r.data.runBacktest.backtest.id });
  expect(b.errors).toBeUndefined();
  return b.data.backtest;
}

async function allEquity(id: string) {
  const rows: any[] = [];
  let after: string | null = null;
  for (;;) {
    const r: { data: any } = await h.gql(['analyst'], EQUITY, { id, after });
    rows.push(...r.data.backtest.equity.nodes);
    if (!r.data.backtest.equity.hasNextPage) return rows;
    after = r.data.backtest.equity.endCursor;
  }
}

describe('portfolio backtests over the lake', () => {
  it('runs a top-k backtest in the background and pages its equity, with metrics from that equity', async () => {
    const b = await run(MOMENTUM);
    expect(b.status).toBe('SUCCEEDED');
    expect(b.progress).toBe(1);
    expect(b.instruments.map((i: { symbol: string }) => i.symbol).sort()).toEqual(SYMBOLS);
    expect(b.inputs.map((i: { dataset: string }) => i.dataset)).toContain('bars');
    const equity = await allEquity(b.id);
    // One row per session of the period (paged in 200s).
    expect(equity.map((e) => e.date)).toEqual(sessionDays('XNYS', '2015-03-02', TO));
    const E = equity.map((e) => e.equity);
    expect(b.metrics.totalReturn).toBeCloseTo(E.at(-1) / E[0] - 1, 12);
    // Sharpe and PSR recomputed by hand from the paged equity (simple returns, rf 0, A 252).
    const r = E.slice(1).map((e: number, i: number) => e / E[i] - 1);
    const n = r.length;
    const mean = r.reduce((a: number, x: number) => a + x, 0) / n;
    const sd = Math.sqrt(r.reduce((a: number, x: number) => a + (x - mean) ** 2, 0) / (n - 1));
    expect(b.metrics.sharpe).toBeCloseTo((mean / sd) * Math.sqrt(252), 10);
    const m2 = r.reduce((a: number, x: number) => a + (x - mean) ** 2, 0) / n;
    const skew = r.reduce((a: number, x: number) => a + (x - mean) ** 3, 0) / n / m2 ** 1.5;
    const kurt = r.reduce((a: number, x: number) => a + (x - mean) ** 4, 0) / n / m2 ** 2;
    const sr = mean / sd;
    const z = (sr * Math.sqrt(n - 1)) / Math.sqrt(1 - skew * sr + ((kurt - 1) / 4) * sr * sr);
    expect(b.metrics.probabilisticSharpeRatio).toBeCloseTo(normalCdf(z), 6);
    expect(b.metrics.annualization).toBe(252);
    expect(b.metrics.returns).toBe('SIMPLE');
    // Long 2, short 2 at equal weights: gross exposure 1 at each weekly rebalance, drifting in between.
    expect(Math.abs(equity.at(-1).gross - 1)).toBeLessThan(0.1);
    expect(Math.abs(equity.at(-1).net)).toBeLessThan(0.1);
    expect(equity.at(-1).benchmark).toBeGreaterThan(0);
    expect(b.metrics.tradeCount).toBeGreaterThan(10);
  });

  it('fills at the open of the session after the signal, never at a price before it was known', async () => {
    const b = await run({ ...MOMENTUM, name: 'timing' });
    const trades = (await h.gql(['analyst'], TRADES, { id: b.id })).data.backtest.trades.nodes;
    const bars = syntheticBars(SYMBOLS, FROM, TO, 7);
    const openOf = new Map(bars.map((x) => [`${x.symbol}|${x.date}`, x.open]));
    const days = sessionDays('XNYS', '2015-03-02', TO);
    for (const t of trades) {
      const day = t.entryTime.slice(0, 10);
      // No costs: the fill is the session's open; the first possible fill is the second session.
      expect(t.entryPrice).toBe(openOf.get(`${t.symbol}|${day}`));
      expect(day > days[0]!).toBe(true);
    }
    // A signal that peeks one bar ahead does not compile as a signal.
    const peek = await h.gql(['researcher'], RUN, {
      s: { ...MOMENTUM, name: 'peek', signal: { expression: 'Ref($close, -1) / $close - 1' } },
    });
    expect(peek.data.runBacktest.error.code).toBe('LOOKAHEAD');
    expect(peek.data.runBacktest.error.message).toMatch(/reads the future/);
  });

  it('reruns exactly from the pinned snapshots, whatever was appended since', async () => {
    const first = await run({ ...MOMENTUM, name: 'pinned' });
    // Corrections of every close (published now) and a later year of bars.
    const corrected = syntheticBars(SYMBOLS, FROM, TO, 7).map((x) => ({
      ...x,
      close: x.close * 1.1,
      availableAt: new Date(),
    }));
    await writeBars(h.t.lake, corrected);
    const rerun = await h.gql(['researcher'], `mutation($id: ID!) { rerunBacktest(id: $id) { ok backtest { id } } }`, {
      id: first.id,
    });
    await h.service.idle();
    const second = (await h.gql(['analyst'], BACKTEST, { id: rerun.data.rerunBacktest.backtest.id })).data.backtest;
    expect(second.status).toBe('SUCCEEDED');
    expect(second.inputs).toEqual(first.inputs);
    expect(second.metrics).toEqual(first.metrics);
    expect(await allEquity(second.id)).toEqual(await allEquity(first.id));
    // A new run reads the corrections and differs.
    const fresh = await run({ ...MOMENTUM, name: 'fresh' });
    expect(fresh.metrics.totalReturn).not.toBe(first.metrics.totalReturn);
  });

  it('refuses bad specs with errors naming the problem and stores nothing', async () => {
    const before = (await h.gql(['analyst'], '{ backtests(first: 500) { id } }')).data.backtests.length;
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [
        { ...MOMENTUM, strategy: { ...MOMENTUM.strategy, rule: { type: 'topK', long: 2, short: 2, lng: 3 } } },
        'INVALID_SPEC',
        /unknown field\(s\) "lng"/,
      ],
      [{ ...MOMENTUM, universe: [] }, 'INVALID_SPEC', /universe: is empty/],
      [{ ...MOMENTUM, periodStart: '2019-01-02', periodEnd: '2019-06-28' }, 'NO_DATA', /no daily bars/],
      [{ ...MOMENTUM, universe: ['AAA', 'ZZZ'] }, 'NO_DATA', /for ZZZ/],
      [{ ...MOMENTUM, strategy: { ...MOMENTUM.strategy, cash: -5 } }, 'INVALID_SPEC', /strategy\.cash/],
      [{ ...MOMENTUM, signal: { expression: 'Mean($close, 5' } }, 'INVALID_SPEC', /does not compile/],
      [{ ...MOMENTUM, signal: { expression: '$sentiment' } }, 'INVALID_SPEC', /unknown field \$sentiment/],
      [{ ...MOMENTUM, signal: { model: 'nope', modelVersion: 1 } }, 'NOT_FOUND', /model nope has no version 1/],
      [{ ...MOMENTUM, strategy: { ...MOMENTUM.strategy, execution: { lagBars: 0 } } }, 'LOOKAHEAD', /lookahead/],
      [{ ...MOMENTUM, mode: 'BACKTESTING_PY', signal: null, strategy: null }, 'INVALID_SPEC', /exactly one instrument/],
    ];
    for (const [spec, code, message] of cases) {
      const r = await h.gql(['researcher'], RUN, { s: spec });
      expect(r.errors, JSON.stringify(spec)).toBeUndefined();
      expect(r.data.runBacktest.ok).toBe(false);
      expect(r.data.runBacktest.error.code, r.data.runBacktest.error.message).toBe(code);
      expect(r.data.runBacktest.error.message).toMatch(message);
    }
    // An unknown field of the GraphQL input itself is refused by the schema.
    const unknown = await h.gql(['researcher'], RUN, { s: { ...MOMENTUM, benchmark: 'SPY' } });
    expect(unknown.errors?.[0]?.message).toMatch(/benchmark/);
    const after = (await h.gql(['analyst'], '{ backtests(first: 500) { id } }')).data.backtests.length;
    expect(after).toBe(before);
  });

  it('analysts read results but may not run backtests', async () => {
    const r = await h.gql(['analyst'], RUN, { s: { ...MOMENTUM, name: 'analyst' } });
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('fails a run whose worker died, with a message, instead of leaving it running', async () => {
    const [template] = await h.service.backtests.store.list({ first: 1 });
    const orphan = await h.service.backtests.store.create(
      {
        name: 'orphan',
        mode: 'portfolio',
        signal: template!.signal,
        periodStart: template!.periodStart,
        periodEnd: template!.periodEnd,
        spec: template!.spec,
        inputSnapshots: template!.inputSnapshots,
        asOf: template!.asOf,
        createdBy: 'test',
      },
      SYMBOLS,
    );
    const claimed = await backtestLifecycle.claim(h.t.database.db, {
      to: 'running',
      worker: 'gone-host:1:dead',
      id: orphan.id,
    });
    expect(claimed?.status).toBe('running');
    await h.service.backtests.idle();
    const [after] = await h.service.backtests.store.byIds([orphan.id]);
    expect(after!.status).toBe('failed');
    expect(after!.error).toMatch(/interrupted: the backtests process running it \(gone-host:1:dead\) stopped/);
  });

  it('a run given back by a stopping process publishes nothing more; another worker runs it once, exactly', async () => {
    const ref = await run({ ...MOMENTUM, name: 'given-back-reference' });
    expect(ref.status).toBe('SUCCEEDED');
    const [template] = await h.service.backtests.store.byIds([ref.id]);
    const queued = await h.service.backtests.store.create(
      {
        name: 'given-back',
        mode: 'portfolio',
        signal: template!.signal,
        periodStart: template!.periodStart,
        periodEnd: template!.periodEnd,
        spec: template!.spec,
        inputSnapshots: template!.inputSnapshots,
        asOf: template!.asOf,
        createdBy: 'test',
      },
      SYMBOLS,
    );
    const db = h.t.database.db;
    const stopping = 'stopping-host:1:sigterm';
    const claimed = await backtestLifecycle.claim(db, { to: 'running', worker: stopping, id: queued.id });
    expect(claimed?.status).toBe('running');
    // SIGTERM: the grace period ran out, so the stopping worker gives the run back…
    const released = await backtestLifecycle.release(db, { id: queued.id, worker: stopping });
    expect(released).toMatchObject({ status: 'queued', claimedBy: null, startedAt: null, progress: 0 });
    // …and its computation, still going, publishes nothing when it finishes.
    const equityBefore = await h.t.lake.currentSnapshot(BACKTEST_EQUITY_DATASET.name);
    const late = await executeBacktest({ db, lake: h.t.lake, store: h.service.backtests.store }, claimed!, stopping);
    expect(late).toBeNull();
    expect((await h.t.lake.currentSnapshot(BACKTEST_EQUITY_DATASET.name))?.id).toBe(equityBefore?.id);
    const [still] = await h.service.backtests.store.byIds([queued.id]);
    expect(still).toMatchObject({ status: 'queued', outputs: null, error: null });
    // An attempt given back after publishing part of its outputs (the release came between two
    // publishes) left rows under the run's id in the shared dataset: the winner must not read them.
    await h.t.lake.commit(BACKTEST_EQUITY_DATASET.name, { mode: 'append' }, (w) =>
      w
        .writeQuery(
          `SELECT $1::VARCHAR AS backtest_id, DATE '2015-03-02' AS date, 1.0 AS equity, 1.0 AS cash, 0.0 AS gross,
                  0.0 AS net, 0.0 AS daily_return, 0.0 AS traded, 1.0 AS benchmark, now() AS available_at`,
          [queued.id],
        )
        .then(() => {}),
    );
    // Another replica's worker (here, the service's) claims it and runs it once.
    await h.service.idle();
    const b = (await h.gql(['analyst'], BACKTEST, { id: queued.id })).data.backtest;
    expect(b.status).toBe('SUCCEEDED');
    expect(b.metrics).toEqual(ref.metrics);
    expect(await allEquity(queued.id)).toEqual(await allEquity(ref.id));
    const trades = async (id: string) => (await h.gql(['analyst'], TRADES, { id })).data.backtest.trades.nodes;
    expect(await trades(queued.id)).toEqual(await trades(ref.id));
  });

  it('downloads equity, positions and trades as Parquet', async () => {
    const [b] = (await h.service.backtests.store.list({ first: 50 })).filter((x) => x.status === 'succeeded');
    const r = await h.gql(
      ['analyst'],
      `query($id: ID!) { backtest(id: $id) {
      e: download(output: EQUITY) { url rows } p: download(output: POSITIONS) { rows } t: download(output: TRADES) { rows } } }`,
      { id: b!.id },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data.backtest.e.rows).toBe(sessionDays('XNYS', '2015-03-02', TO).length);
    expect(r.data.backtest.e.url).toMatch(/^http/);
    expect(r.data.backtest.p.rows).toBeGreaterThan(0);
    expect(r.data.backtest.t.rows).toBeGreaterThan(0);
  });
});

/** Φ by the complementary error function (Numerical Recipes erfc, |error| < 1.2e-7). */
function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * z);
  const erfc =
    t *
    Math.exp(
      -z * z -
        1.26551223 +
        t *
          (1.00002368 +
            t *
              (0.37409196 +
                t *
                  (0.09678418 +
                    t *
                      (-0.18628806 +
                        t *
                          (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return x >= 0 ? 1 - erfc / 2 : erfc / 2;
}

export { googBars };
