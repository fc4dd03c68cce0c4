import { BacktestError } from '../errors.ts';
import { CompatBroker, type CompatCommission, type CompatTrade, type OrderOptions, OutOfMoney } from './broker.ts';
import { type CompatStats, type CompatVersion, computeCompatStats } from './stats.ts';

/** OHLC bars of one instrument. `dates` (epoch ms, ascending) is optional: without it the index is bar numbers. */
export interface CompatData {
  readonly dates?: ArrayLike<number>;
  readonly open: ArrayLike<number>;
  readonly high: ArrayLike<number>;
  readonly low: ArrayLike<number>;
  readonly close: ArrayLike<number>;
}

/** What a strategy sees on each bar: data up to and including the current bar, and its orders. */
export interface CompatContext {
  /** Index of the current bar; its close is the last known price. */
  readonly bar: number;
  /** Views ending at the current bar (length `bar + 1`): no later value is reachable. */
  readonly data: {
    readonly open: Float64Array;
    readonly high: Float64Array;
    readonly low: Float64Array;
    readonly close: Float64Array;
  };
  readonly position: { readonly size: number; readonly isLong: boolean; readonly isShort: boolean; close(): void };
  readonly equity: number;
  /** Long market order (default size: all available margin, as `Strategy.buy()`). */
  buy(options?: OrderOptions): void;
  /** Short market order (default size: all available margin). */
  sell(options?: OrderOptions): void;
}

/**
 * A strategy in the library's shape. `warmupBars` is the number of leading bars on which its
 * indicators are undefined (backtesting.py `_indicator_warmup_nbars`): `next` is first called on bar
 * `warmupBars + 1`, and Buy & Hold is measured from bar `warmupBars`.
 */
export interface CompatStrategy {
  readonly warmupBars: number;
  next(ctx: CompatContext): void;
}

export interface CompatBacktestOptions {
  readonly data: CompatData;
  readonly strategy: CompatStrategy | ((data: CompatData) => CompatStrategy);
  /** Starting cash (default 10 000). */
  readonly cash?: number;
  /** Bid-ask spread rate applied once, to the entry price (default 0). */
  readonly spread?: number;
  /** Commission charged at entry and again at exit: rate, `[fixed, rate]`, or a function (default 0). */
  readonly commission?: CompatCommission;
  /** Required margin ratio; 1 means no leverage (default 1). */
  readonly margin?: number;
  readonly exclusiveOrders?: boolean;
  /** Close trades still open after the last bar (at that bar's open, as the library does). Default false. */
  readonly finalizeTrades?: boolean;
  /** Annual risk-free rate for Sharpe/Sortino/Alpha (default 0). */
  readonly riskFreeRate?: number;
  /** Statistics formulas: '0.6.6' (default, includes the CAGR / annualized-return fix #1346) or '0.6.5'. */
  readonly version?: CompatVersion;
}

export interface CompatTradeRecord {
  readonly size: number;
  readonly entryBar: number;
  readonly exitBar: number;
  readonly entryPrice: number;
  readonly exitPrice: number;
  readonly pnl: number;
  readonly returnPct: number;
  readonly commission: number;
  readonly tag: unknown;
}

export interface CompatResult {
  readonly stats: CompatStats;
  /** Equity per bar (the library's `_equity_curve.Equity`). */
  readonly equity: Float64Array;
  /** Closed trades in closing order (the library's `_trades`). */
  readonly trades: readonly CompatTradeRecord[];
  /** Trades still open at the end (when `finalizeTrades` is false). */
  readonly openTrades: number;
}

/**
 * Runs one instrument bar by bar with kernc/backtesting.py 0.6.x semantics: market orders fill at
 * the next bar's open (`trade_on_close=False`), whole units, the spread raises a long's entry price
 * (lowers a short's) by `spread`, the commission is charged at entry (on the spread-adjusted price)
 * and at exit, opposite orders first close open trades FIFO (`hedging=False`). Fractional order
 * sizes are a fraction of available margin: `floor(margin * size / (price_adj + commission/size))`.
 */
export function runCompatBacktest(options: CompatBacktestOptions): CompatResult {
  const { data } = options;
  const n = data.close.length;
  if (n === 0) throw new BacktestError('INVALID_INPUT', 'OHLC data is empty');
  const ohlc = {
    open: Float64Array.from(data.open),
    high: Float64Array.from(data.high),
    low: Float64Array.from(data.low),
    close: Float64Array.from(data.close),
  };
  for (const [name, arr] of Object.entries(ohlc)) {
    if (arr.length !== n) throw new BacktestError('INVALID_INPUT', `${name} has ${arr.length} bars, close has ${n}`);
    const bad = arr.findIndex((v) => !Number.isFinite(v));
    if (bad >= 0) throw new BacktestError('INVALID_INPUT', `${name}[${bad}] is missing (NaN); drop or fill the bar`);
  }
  const strategy = typeof options.strategy === 'function' ? options.strategy(data) : options.strategy;
  const broker = new CompatBroker({
    data: ohlc,
    cash: options.cash ?? 10_000,
    spread: options.spread ?? 0,
    commission: options.commission ?? 0,
    margin: options.margin ?? 1,
    tradeOnClose: false,
    hedging: false,
    exclusiveOrders: options.exclusiveOrders ?? false,
  });
  const ctx = createContext(broker, ohlc);
  const start = 1 + strategy.warmupBars;
  let outOfMoney = false;
  for (let i = start; i < n; i++) {
    try {
      broker.next(i);
    } catch (e) {
      if (!(e instanceof OutOfMoney)) throw e;
      outOfMoney = true;
      break;
    }
    ctx.bar = i;
    strategy.next(ctx);
  }
  if (!outOfMoney && options.finalizeTrades) {
    for (const t of [...broker.trades].reverse()) broker.closeTradeOrder(t);
    // As the library: one more broker pass on the last bar, so closes fill at its open.
    if (start < n) {
      try {
        broker.next(n - 1);
      } catch (e) {
        if (!(e instanceof OutOfMoney)) throw e;
      }
    }
  }
  const equity = backfill(broker.equityCurve, broker.cash);
  const trades = broker.closedTrades.map((t) => tradeRecord(t));
  const stats = computeCompatStats({
    equity,
    trades,
    dates: data.dates ? Float64Array.from(data.dates) : undefined,
    close: ohlc.close,
    firstTradingBar: strategy.warmupBars,
    riskFreeRate: options.riskFreeRate ?? 0,
    version: options.version ?? '0.6.6',
  });
  return { stats, equity, trades, openTrades: broker.trades.length };
}

function tradeRecord(t: CompatTrade): CompatTradeRecord {
  const exitPrice = t.exitPrice!;
  return {
    size: t.size,
    entryBar: t.entryBar,
    exitBar: t.exitBar!,
    entryPrice: t.entryPrice,
    exitPrice,
    pnl: t.pl(exitPrice),
    returnPct: t.plPct(exitPrice),
    commission: t.commissions,
    tag: t.tag,
  };
}

/** The library's `pd.Series(equity).bfill().fillna(cash)`. */
function backfill(curve: Float64Array, cash: number): Float64Array {
  const out = Float64Array.from(curve);
  let next = Number.NaN;
  for (let i = out.length - 1; i >= 0; i--) {
    if (Number.isNaN(out[i]!)) out[i] = next;
    else next = out[i]!;
  }
  for (let i = 0; i < out.length; i++) if (Number.isNaN(out[i]!)) out[i] = cash;
  return out;
}

type MutableContext = CompatContext & { bar: number };

function createContext(broker: CompatBroker, ohlc: CompatContext['data']): MutableContext {
  const FULL = 1 - Number.EPSILON; // the library's default order size
  const checkSize = (size: number): void => {
    if (!(size > 0 && (size < 1 || Number.isInteger(size)))) {
      throw new BacktestError(
        'INVALID_STRATEGY',
        `order size must be a fraction in (0, 1) or whole units >= 1, got ${size}`,
      );
    }
  };
  const ctx: MutableContext = {
    bar: 0,
    get data() {
      const end = ctx.bar + 1;
      return {
        open: ohlc.open.subarray(0, end),
        high: ohlc.high.subarray(0, end),
        low: ohlc.low.subarray(0, end),
        close: ohlc.close.subarray(0, end),
      };
    },
    get position() {
      const size = broker.positionSize;
      return {
        size,
        isLong: size > 0,
        isShort: size < 0,
        close: () => {
          for (const t of [...broker.trades]) broker.closeTradeOrder(t);
        },
      };
    },
    get equity() {
      return broker.equity;
    },
    buy(o: OrderOptions = {}) {
      const size = o.size ?? FULL;
      checkSize(size);
      broker.newOrder(size, o);
    },
    sell(o: OrderOptions = {}) {
      const size = o.size ?? FULL;
      checkSize(size);
      broker.newOrder(-size, o);
    },
  };
  return ctx;
}
