import type { BacktestSpecInput, Resolvers } from '../../generated/resolvers.ts';
import { backtestEnums } from './enums.ts';
import { type BacktestFailure, BacktestServiceError } from './errors.ts';
import type { StoredMetrics } from './simulate.ts';
import type { BacktestRecord } from './store.ts';

export interface BacktestResultModel {
  readonly ok: boolean;
  readonly backtest: BacktestRecord | null;
  readonly error: { code: BacktestFailure; message: string } | null;
}

/** A refusal becomes the result's error (nothing was stored); anything else stays a field error. */
export async function refusal<T>(
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: { code: BacktestFailure; message: string } }> {
  try {
    return { ok: true, value: await run() };
  } catch (error) {
    if (error instanceof BacktestServiceError)
      return { ok: false, error: { code: error.failure, message: error.message } };
    throw error;
  }
}

async function result(run: () => Promise<BacktestRecord>): Promise<BacktestResultModel> {
  const r = await refusal(run);
  return r.ok ? { ok: true, backtest: r.value, error: null } : { ok: false, backtest: null, error: r.error };
}

/** The GraphQL input as the service's spec input (absent optional fields dropped). */
export function specInputOf(spec: BacktestSpecInput): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec)) if (v !== null && v !== undefined) out[k] = v;
  for (const k of ['signal', 'compat', 'conventions', 'walkForward'] as const) {
    const v = out[k];
    if (v && typeof v === 'object') out[k] = Object.fromEntries(Object.entries(v).filter(([, x]) => x !== null));
  }
  return out;
}

export const REPORT_PREFIX = '/backtests/';

export const backtestResolvers: Resolvers = {
  ...backtestEnums,
  Query: {
    backtests: (_r, args, ctx) =>
      ctx.stores.backtests.store.list({ first: args.first ?? 100, createdBy: args.createdBy ?? null }),
    backtest: (_r, args, ctx) => ctx.backtestById.load(args.id),
  },
  Mutation: {
    runBacktest: (_r, args, ctx) => result(() => ctx.stores.backtests.run(ctx, specInputOf(args.spec))),
    rerunBacktest: (_r, args, ctx) => result(() => ctx.stores.backtests.rerun(ctx, args.id)),
  },
  Backtest: {
    __resolveReference: (ref, ctx) => ctx.backtestById.load(String(ref.id)),
    model: (b) => (b.modelName ? { name: b.modelName } : null),
    instruments: async (b, _a, ctx) => (await ctx.instrumentsOf.load(b.id)).map((symbol) => ({ symbol })),
    metrics: (b) => (b.status === 'succeeded' && b.metrics ? (b.metrics as unknown as StoredMetrics) : null),
    compatStatistics: (b) =>
      b.status === 'succeeded' && (b.metrics as unknown as StoredMetrics | null)?.compat
        ? [...(b.metrics as unknown as StoredMetrics).compat!]
        : null,
    inputs: (b) => Object.entries(b.inputSnapshots ?? {}).map(([dataset, snapshotId]) => ({ dataset, snapshotId })),
    rerunOf: (b, _a, ctx) => (b.rerunOf ? ctx.backtestById.load(b.rerunOf) : null),
    sweep: (b, _a, ctx) => (b.sweepId ? ctx.sweepById.load(b.sweepId) : null),
    equity: (b, args, ctx) => ctx.stores.backtests.equity(b, args.first, args.after),
    positions: (b, args, ctx) => ctx.stores.backtests.positions(b, args.first, args.after, args.date),
    trades: (b, args, ctx) => ctx.stores.backtests.trades(b, args.first, args.after),
    download: (b, args, ctx) => ctx.stores.backtests.download(ctx, b, args.output),
    reportPath: (b) => `${REPORT_PREFIX}${b.id}`,
    walkForward: (b) => {
      const wf = b.status === 'succeeded' ? (b.metrics as unknown as StoredMetrics | null)?.walkForward : undefined;
      return wf ? { ...wf, windows: [...wf.windows] } : null;
    },
  },
  BacktestMetrics: {
    totalReturn: (m) => m.portfolio.totalReturn ?? null,
    annualizedReturn: (m) => m.portfolio.annualizedReturn ?? null,
    cagr: (m) => m.portfolio.cagr ?? null,
    annualizedVolatility: (m) => m.portfolio.annualizedVolatility ?? null,
    sharpe: (m) => m.portfolio.sharpe ?? null,
    sortino: (m) => m.portfolio.sortino ?? null,
    calmar: (m) => m.portfolio.calmar ?? null,
    maxDrawdown: (m) => m.portfolio.maxDrawdown ?? null,
    maxDrawdownDurationPeriods: (m) => m.portfolio.maxDrawdownDurationPeriods ?? null,
    maxDrawdownDurationDays: (m) => m.portfolio.maxDrawdownDurationDays ?? null,
    averageDrawdown: (m) => m.portfolio.averageDrawdown ?? null,
    exposure: (m) => m.portfolio.exposure ?? null,
    turnover: (m) => m.portfolio.turnover ?? null,
    annualizedTurnover: (m) => m.portfolio.annualizedTurnover ?? null,
    tradeCount: (m) => m.portfolio.tradeCount ?? null,
    winRate: (m) => m.portfolio.winRate ?? null,
    bestTrade: (m) => m.portfolio.bestTrade ?? null,
    worstTrade: (m) => m.portfolio.worstTrade ?? null,
    profitFactor: (m) => m.portfolio.profitFactor ?? null,
    expectancy: (m) => m.portfolio.expectancy ?? null,
    probabilisticSharpeRatio: (m) => m.probabilisticSharpeRatio,
    annualization: (m) => m.conventions.annualization,
    riskFreeRate: (m) => m.conventions.riskFreeRate,
    returns: (m) => m.conventions.returns,
  },
  Instrument: {
    __resolveReference: (ref) => ({ symbol: String(ref.symbol) }),
    backtests: (instrument, _a, ctx) => ctx.backtestsOfSymbol.load(instrument.symbol),
  },
  Model: {
    __resolveReference: (ref) => ({ name: String(ref.name) }),
    backtests: (model, _a, ctx) => ctx.backtestsOfModel.load(model.name),
  },
};
