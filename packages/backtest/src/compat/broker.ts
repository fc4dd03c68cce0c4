import { BacktestError } from '../errors.ts';
import { pyFloorDiv } from './pyfloat.ts';

/**
 * A single-instrument broker with backtesting.py 0.6.x semantics (margin 1 by default, no hedging,
 * market orders at the next bar's open, spread applied to the entry price, commission charged at
 * entry and again at exit). Whole units only. Internal: use `runCompatBacktest`.
 */

/** Commission: a relative rate, a `[fixed, relative]` pair, or `(orderSize, price) => cash`. */
export type CompatCommission = number | readonly [fixed: number, relative: number] | CommissionFn;
export type CommissionFn = (orderSize: number, price: number) => number;

export interface CompatOhlc {
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
}

export interface OrderOptions {
  /** Fraction of available margin in (0, 1), or whole units (>= 1). Default: all but one epsilon. */
  readonly size?: number;
  readonly limit?: number;
  readonly stop?: number;
  readonly sl?: number;
  readonly tp?: number;
  readonly tag?: unknown;
}

export class CompatOrder {
  constructor(
    public size: number,
    public limit: number | null,
    public stop: number | null,
    readonly sl: number | null,
    readonly tp: number | null,
    readonly parentTrade: CompatTrade | null,
    readonly tag: unknown,
  ) {}

  get isLong(): boolean {
    return this.size > 0;
  }

  /** A stop-loss or take-profit order attached to an open trade. */
  get isContingent(): boolean {
    const t = this.parentTrade;
    return t !== null && (this === t.slOrder || this === t.tpOrder);
  }
}

export class CompatTrade {
  exitPrice: number | null = null;
  exitBar: number | null = null;
  slOrder: CompatOrder | null = null;
  tpOrder: CompatOrder | null = null;
  /** Entry plus exit commission, set when the trade closes (0 while open, as in the library). */
  commissions = 0;

  constructor(
    public size: number,
    readonly entryPrice: number,
    readonly entryBar: number,
    readonly tag: unknown,
  ) {}

  /** Profit in cash at `lastPrice` (or the exit price), net of commissions once closed. */
  pl(lastPrice: number): number {
    const price = this.exitPrice || lastPrice;
    return this.size * (price - this.entryPrice) - this.commissions;
  }

  /** Return relative to the entry price, net of commissions once closed. */
  plPct(lastPrice: number): number {
    const price = this.exitPrice || lastPrice;
    const gross = Math.sign(this.size) * (price / this.entryPrice - 1);
    return gross - this.commissions / (Math.abs(this.size) * this.entryPrice);
  }

  value(lastPrice: number): number {
    return Math.abs(this.size) * (this.exitPrice || lastPrice);
  }

  copy(size: number): CompatTrade {
    const c = new CompatTrade(size, this.entryPrice, this.entryBar, this.tag);
    c.commissions = this.commissions;
    return c;
  }
}

export class OutOfMoney extends Error {}

export interface BrokerOptions {
  readonly data: CompatOhlc;
  readonly cash: number;
  readonly spread: number;
  readonly commission: CompatCommission;
  readonly margin: number;
  readonly tradeOnClose: boolean;
  readonly hedging: boolean;
  readonly exclusiveOrders: boolean;
}

export class CompatBroker {
  cash: number;
  readonly orders: CompatOrder[] = [];
  readonly trades: CompatTrade[] = [];
  readonly closedTrades: CompatTrade[] = [];
  readonly equityCurve: Float64Array;
  /** Index of the bar being processed (the last bar the strategy may see). */
  i = 0;
  private readonly commissionFn: CommissionFn;
  private readonly leverage: number;

  constructor(private readonly o: BrokerOptions) {
    if (!(o.cash > 0)) throw new BacktestError('INVALID_SPEC', `cash must be > 0, got ${o.cash}`);
    if (!(o.margin > 0 && o.margin <= 1)) {
      throw new BacktestError('INVALID_SPEC', `margin must be in (0, 1], got ${o.margin}`);
    }
    this.cash = o.cash;
    this.leverage = 1 / o.margin;
    this.equityCurve = new Float64Array(o.data.close.length).fill(Number.NaN);
    const c = o.commission;
    if (typeof c === 'function') {
      this.commissionFn = c;
    } else {
      const [fixed, relative] = typeof c === 'number' ? [0, c] : c;
      if (!(fixed >= 0)) throw new BacktestError('INVALID_SPEC', `fixed commission must be >= 0, got ${fixed}`);
      if (!(relative >= -0.1 && relative < 0.1)) {
        throw new BacktestError('INVALID_SPEC', `relative commission must be in [-0.1, 0.1), got ${relative}`);
      }
      this.commissionFn = (size, price) => fixed + Math.abs(size) * price * relative;
    }
  }

  get lastPrice(): number {
    return this.o.data.close[this.i]!;
  }

  get equity(): number {
    let e = this.cash;
    for (const t of this.trades) e += t.pl(this.lastPrice);
    return e;
  }

  get marginAvailable(): number {
    let used = 0;
    for (const t of this.trades) used += t.value(this.lastPrice) / this.leverage;
    return Math.max(0, this.equity - used);
  }

  /** Net position size in units. */
  get positionSize(): number {
    let s = 0;
    for (const t of this.trades) s += t.size;
    return s;
  }

  adjustedPrice(size: number, price?: number): number {
    return (price || this.lastPrice) * (1 + (size < 0 ? -this.o.spread : this.o.spread));
  }

  newOrder(size: number, opts: OrderOptions, trade: CompatTrade | null = null): CompatOrder {
    if (size === 0 || !Number.isFinite(size)) throw new BacktestError('INVALID_STRATEGY', `order size ${size}`);
    const { limit = null, stop = null, sl = null, tp = null } = opts;
    const ref = limit || stop || this.adjustedPrice(size);
    const ok =
      size > 0 ? (sl ?? -Infinity) < ref && ref < (tp ?? Infinity) : (tp ?? -Infinity) < ref && ref < (sl ?? Infinity);
    if (!ok) {
      throw new BacktestError(
        'INVALID_STRATEGY',
        size > 0
          ? `Long orders require: SL (${sl}) < LIMIT (${ref}) < TP (${tp})`
          : `Short orders require: TP (${tp}) < LIMIT (${ref}) < SL (${sl})`,
      );
    }
    const order = new CompatOrder(size, limit, stop, sl, tp, trade, opts.tag);
    if (!trade && this.o.exclusiveOrders) {
      for (const o of [...this.orders]) if (!o.isContingent) this.cancel(o);
      for (const t of [...this.trades]) this.closeTradeOrder(t);
    }
    if (trade && stop) this.orders.unshift(order);
    else this.orders.push(order);
    return order;
  }

  cancel(order: CompatOrder): void {
    this.removeOrder(order);
    const t = order.parentTrade;
    if (t) {
      if (order === t.slOrder) t.slOrder = null;
      else if (order === t.tpOrder) t.tpOrder = null;
    }
  }

  /** `Trade.close(portion)`: an order for the rest of the trade, processed before other orders. */
  closeTradeOrder(trade: CompatTrade, portion = 1): void {
    const units = Math.max(1, pyRound(Math.abs(trade.size) * portion));
    this.orders.unshift(new CompatOrder(trade.size > 0 ? -units : units, null, null, null, null, trade, trade.tag));
  }

  setContingent(trade: CompatTrade, kind: 'sl' | 'tp', price: number | null): void {
    const existing = kind === 'sl' ? trade.slOrder : trade.tpOrder;
    if (existing) this.cancel(existing);
    if (price) {
      const order = this.newOrder(-trade.size, kind === 'sl' ? { stop: price } : { limit: price }, trade);
      if (kind === 'sl') trade.slOrder = order;
      else trade.tpOrder = order;
    }
  }

  /** Processes pending orders at bar `i`, logs equity, stops the run when equity is exhausted. */
  next(i: number): void {
    this.i = i;
    this.processOrders();
    const equity = this.equity;
    this.equityCurve[i] = equity;
    if (equity <= 0) {
      for (const t of [...this.trades]) this.closeTrade(t, this.o.data.close[i]!, i);
      this.cash = 0;
      this.equityCurve.fill(0, i);
      throw new OutOfMoney();
    }
  }

  private removeOrder(order: CompatOrder): void {
    const k = this.orders.indexOf(order);
    if (k >= 0) this.orders.splice(k, 1);
  }

  private processOrders(): void {
    const d = this.o.data;
    const i = this.i;
    const open = d.open[i]!;
    const high = d.high[i]!;
    const low = d.low[i]!;
    let reprocess = false;
    for (const order of [...this.orders]) {
      if (!this.orders.includes(order)) continue;
      const stopPrice = order.stop;
      if (stopPrice) {
        const hit = order.isLong ? high >= stopPrice : low <= stopPrice;
        if (!hit) continue;
        order.stop = null;
      }
      let price: number;
      if (order.limit) {
        const limitHit = order.isLong ? low <= order.limit : high >= order.limit;
        const limitBeforeStop =
          limitHit && (order.isLong ? order.limit <= (stopPrice || -Infinity) : order.limit >= (stopPrice || Infinity));
        if (!limitHit || limitBeforeStop) continue;
        price = order.isLong ? Math.min(stopPrice || open, order.limit) : Math.max(stopPrice || open, order.limit);
      } else {
        price = this.o.tradeOnClose && !order.isContingent ? d.close[i - 1]! : open;
        if (stopPrice) price = order.isLong ? Math.max(price, stopPrice) : Math.min(price, stopPrice);
      }
      const isMarket = !order.limit && !stopPrice;
      const timeIndex = isMarket && this.o.tradeOnClose && !order.isContingent ? i - 1 : i;

      if (order.parentTrade) {
        const trade = order.parentTrade;
        const prevSize = trade.size;
        const size = Math.sign(order.size) * Math.min(Math.abs(prevSize), Math.abs(order.size));
        if (this.trades.includes(trade)) {
          this.reduceTrade(trade, price, size, timeIndex);
          if (price === stopPrice && trade.slOrder) trade.slOrder.stop = stopPrice;
        }
        if (order !== trade.slOrder && order !== trade.tpOrder) this.removeOrder(order);
        continue;
      }

      const adjusted = this.adjustedPrice(order.size, price);
      const perUnit = adjusted + this.commissionFn(order.size, price) / Math.abs(order.size);
      let size = order.size;
      if (size > -1 && size < 1) {
        const units = Math.trunc(pyFloorDiv(this.marginAvailable * this.leverage * Math.abs(size), perUnit));
        size = size < 0 ? -units : units;
        if (!size) {
          this.removeOrder(order);
          continue;
        }
      }
      let need = Math.trunc(size);
      if (!this.o.hedging) {
        for (const trade of [...this.trades]) {
          if (trade.size > 0 === order.isLong) continue;
          if (Math.abs(need) >= Math.abs(trade.size)) {
            this.closeTrade(trade, price, timeIndex);
            need += trade.size;
          } else {
            this.reduceTrade(trade, price, need, timeIndex);
            need = 0;
          }
          if (!need) break;
        }
      }
      if (Math.abs(need) * perUnit > this.marginAvailable * this.leverage) {
        this.removeOrder(order);
        continue;
      }
      if (need) {
        this.openTrade(adjusted, need, order.sl, order.tp, timeIndex, order.tag);
        if ((order.sl || order.tp) && isMarket) reprocess = true;
      }
      this.removeOrder(order);
    }
    if (reprocess) this.processOrders();
  }

  private reduceTrade(trade: CompatTrade, price: number, size: number, timeIndex: number): void {
    const left = trade.size + size;
    let closing = trade;
    if (left) {
      trade.size = left;
      if (trade.slOrder) trade.slOrder.size = -left;
      if (trade.tpOrder) trade.tpOrder.size = -left;
      closing = trade.copy(-size);
      this.trades.push(closing);
    }
    this.closeTrade(closing, price, timeIndex);
  }

  private closeTrade(trade: CompatTrade, price: number, timeIndex: number): void {
    this.trades.splice(this.trades.indexOf(trade), 1);
    if (trade.slOrder) this.removeOrder(trade.slOrder);
    if (trade.tpOrder) this.removeOrder(trade.tpOrder);
    trade.exitPrice = price;
    trade.exitBar = timeIndex;
    this.closedTrades.push(trade);
    const exitCommission = this.commissionFn(trade.size, price);
    this.cash += trade.pl(this.lastPrice) - exitCommission;
    trade.commissions = exitCommission + this.commissionFn(trade.size, trade.entryPrice);
  }

  private openTrade(
    price: number,
    size: number,
    sl: number | null,
    tp: number | null,
    timeIndex: number,
    tag: unknown,
  ): void {
    const trade = new CompatTrade(size, price, timeIndex, tag);
    this.trades.push(trade);
    this.cash -= this.commissionFn(size, price);
    if (tp) this.setContingent(trade, 'tp', tp);
    if (sl) this.setContingent(trade, 'sl', sl);
  }
}

/** Python's round() (half to even) for the portion of a trade to close. */
function pyRound(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
