import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import type { Role } from '@alphagraph/auth';
import { sessionClose, sessionDays } from '@alphagraph/calendar';
import { demoDataDir } from '@alphagraph/config';
import { BARS_DATASET, CORPORATE_ACTIONS_DATASET } from '@alphagraph/datasets';
import type { DatabaseKind } from '@alphagraph/db/testing';
import type { Lake, StagedValue } from '@alphagraph/lake';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { closeOfDay } from '../modules/backtests/market.ts';
import { type BacktestsOptions, createBacktests } from '../service.ts';

/** Postgres when TEST_DATABASE_URL names one, embedded PGlite otherwise. */
export const DB_KIND: DatabaseKind = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface Harness {
  readonly t: TestRuntime;
  readonly service: Awaited<ReturnType<typeof createBacktests>>;
  gql<T = any>(
    roles: Role[],
    query: string,
    variables?: Record<string, unknown>,
    user?: string,
  ): Promise<{ data: T; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] }>;
  dispose(): Promise<void>;
}

export async function createHarness(kind: DatabaseKind, options: BacktestsOptions = {}): Promise<Harness> {
  const t = await createTestRuntime(kind);
  const service = await createBacktests(t, options);
  return {
    t,
    service,
    async gql(roles, query, variables, user = `test-${roles[0]}`) {
      const result = await executeSubgraph({
        name: 'backtests',
        resolvers: service.resolvers,
        context: await service.context({ ...scopeFor(roles, user), requestId: randomUUID() }),
        query,
        variables,
      });
      return result as any;
    },
    async dispose() {
      await service.idle();
      await service.stop();
      await t.dispose();
    },
  };
}

export interface Bar {
  readonly symbol: string;
  readonly date: string;
  readonly open: number;
  readonly high: number;
  readonly low: number;
  readonly close: number;
  readonly volume: number;
  readonly availableAt?: Date;
}

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
    const drift = (k - symbols.length / 2) * 0.0004;
    return days.map((date) => {
      const open = close * (1 + (rand() - 0.5) * 0.01);
      close = Math.max(1, open * (1 + drift + (rand() - 0.5) * 0.03));
      const high = Math.max(open, close) * 1.005;
      const low = Math.min(open, close) * 0.995;
      return { symbol, date, open, high, low, close, volume: 1e6 };
    });
  });
}

/** Appends bars to the lake's `bars` dataset as market-data writes them (available at the session close). */
export async function writeBars(lake: Lake, bars: readonly Bar[], batchId = `batch-${randomUUID()}`): Promise<void> {
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
        b.availableAt ?? closeOfDay(b.date),
        batchId,
      ]),
    );
    await w.writeQuery('SELECT * FROM staged');
  });
}

/** Corporate actions as market-data writes them. */
export async function writeCorporateActions(
  lake: Lake,
  actions: readonly { symbol: string; exDate: string; kind: 'split' | 'dividend'; ratio?: number; amount?: number }[],
): Promise<void> {
  await lake.registerDataset(CORPORATE_ACTIONS_DATASET);
  await lake.commit(CORPORATE_ACTIONS_DATASET.name, { mode: 'append' }, async (w) => {
    await w.session.run(
      `CREATE OR REPLACE TEMP TABLE staged (symbol VARCHAR, ex_date DATE, kind VARCHAR, ratio DOUBLE, amount DOUBLE,
         available_at TIMESTAMPTZ, batch_id VARCHAR)`,
    );
    await w.session.append(
      'staged',
      actions.map((a): StagedValue[] => [
        a.symbol,
        a.exDate,
        a.kind,
        a.ratio ?? null,
        a.amount ?? null,
        sessionClose('XNYS', '2004-01-02'),
        'ca',
      ]),
    );
    await w.writeQuery('SELECT * FROM staged');
  });
}

/** NASDAQ:GOOG 2004-08-19 → 2013-03-01 from the demo data (backtesting.py's GOOG.csv). */
export function googBars(): Bar[] {
  const text = gunzipSync(readFileSync(`${demoDataDir()}/GOOG.csv.gz`)).toString('utf8');
  return text
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const [date, open, high, low, close, volume] = line.split(',');
      return {
        symbol: 'GOOG',
        date: date!,
        open: Number(open),
        high: Number(high),
        low: Number(low),
        close: Number(close),
        volume: Number(volume),
      };
    });
}

export const RUN = `mutation($s: BacktestSpecInput!) {
  runBacktest(spec: $s) { ok error { code message } backtest { id status } }
}`;

export const BACKTEST = `query($id: ID!) {
  backtest(id: $id) {
    id name status mode signal error progress asOf inputs { dataset snapshotId }
    instruments { symbol }
    metrics { totalReturn annualizedReturn cagr annualizedVolatility sharpe sortino calmar maxDrawdown
      maxDrawdownDurationPeriods maxDrawdownDurationDays averageDrawdown exposure turnover annualizedTurnover
      tradeCount winRate bestTrade worstTrade profitFactor expectancy probabilisticSharpeRatio
      annualization riskFreeRate returns }
    compatStatistics { name value display }
  }
}`;
