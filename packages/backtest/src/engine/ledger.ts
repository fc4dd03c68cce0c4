/** One trade: a FIFO lot, closed (fully or in part) or still open at the end. */
export interface Trade {
  readonly symbol: string;
  /** Signed units: positive long, negative short. */
  readonly size: number;
  readonly entryTime: number;
  readonly entryPrice: number;
  /** Exit time and price; for an open trade, the last date and its mark (last known close). */
  readonly exitTime: number;
  readonly exitPrice: number;
  /** Commissions of this lot's entry (pro rata) and exit. Slippage and spread are in the prices. */
  readonly costs: number;
  /** Dividends received (paid, when short) while the lot was held. */
  readonly dividends: number;
  /** size × (exit − entry) + dividends − costs. */
  readonly pnl: number;
  /** pnl / (|size| × entry price). */
  readonly return: number;
  readonly open: boolean;
}

interface Lot {
  shares: number;
  entryPrice: number;
  entryTime: number;
  cost: number;
  dividends: number;
}

import { BacktestError } from '../errors.ts';

const EPS = 1e-9;

/**
 * FIFO lots per symbol. A fill in the direction of the position (or from flat) opens a lot; a fill
 * against it closes the oldest lots first (a partial close splits the lot pro rata, costs and
 * dividends included); what is left after all lots are closed opens a lot the other way.
 */
export class FifoLedger {
  private readonly lots: Lot[][];
  private readonly heads: Int32Array;
  readonly closed: Trade[] = [];

  constructor(private readonly symbols: readonly string[]) {
    this.lots = symbols.map(() => []);
    this.heads = new Int32Array(symbols.length);
  }

  /**
   * Records a fill of `qty` units (signed) of symbol `s` at `price`, paying `commission`. A
   * non-finite quantity, price or commission is refused: NaN units would never close a lot.
   */
  fill(s: number, qty: number, price: number, commission: number, time: number): void {
    if (!Number.isFinite(qty) || qty === 0 || !Number.isFinite(price) || !Number.isFinite(commission)) {
      throw new BacktestError(
        'INVALID_INPUT',
        `refused a fill of ${qty} units of ${this.symbols[s]} at ${price} (commission ${commission}): ` +
          'quantity, price and commission must be finite numbers and the quantity non-zero',
      );
    }
    const lots = this.lots[s]!;
    let remaining = qty;
    const perUnit = commission / Math.abs(qty);
    // Each pass closes the head lot or what remains of the fill: at most one pass per open lot.
    for (let passes = lots.length - this.heads[s]!; remaining !== 0 && this.heads[s]! < lots.length; passes--) {
      if (passes <= 0) throw new Error(`FIFO ledger of ${this.symbols[s]}: a fill did not converge`);
      const lot = lots[this.heads[s]!]!;
      if (Math.sign(lot.shares) === Math.sign(remaining)) break;
      const units = Math.min(Math.abs(remaining), Math.abs(lot.shares));
      const frac = units / Math.abs(lot.shares);
      const size = Math.sign(lot.shares) * units;
      const costs = lot.cost * frac + perUnit * units;
      const dividends = lot.dividends * frac;
      const pnl = size * (price - lot.entryPrice) + dividends - costs;
      this.closed.push({
        symbol: this.symbols[s]!,
        size,
        entryTime: lot.entryTime,
        entryPrice: lot.entryPrice,
        exitTime: time,
        exitPrice: price,
        costs,
        dividends,
        pnl,
        return: pnl / (units * lot.entryPrice),
        open: false,
      });
      remaining += size;
      if (Math.abs(remaining) <= EPS * Math.abs(qty)) remaining = 0;
      lot.shares -= size;
      lot.cost -= lot.cost * frac;
      lot.dividends -= dividends;
      if (Math.abs(lot.shares) <= EPS * units || frac >= 1) this.heads[s] = this.heads[s]! + 1;
    }
    if (remaining !== 0) {
      lots.push({
        shares: remaining,
        entryPrice: price,
        entryTime: time,
        cost: perUnit * Math.abs(remaining),
        dividends: 0,
      });
    }
  }

  /** Multiplies open lots' units by `ratio` and divides their entry price (cost basis unchanged). */
  split(s: number, ratio: number): void {
    const lots = this.lots[s]!;
    for (let k = this.heads[s]!; k < lots.length; k++) {
      lots[k]!.shares *= ratio;
      lots[k]!.entryPrice /= ratio;
    }
  }

  /** Credits `amount` per unit to the open lots of symbol `s` (negative for shorts). */
  dividend(s: number, amount: number): void {
    const lots = this.lots[s]!;
    for (let k = this.heads[s]!; k < lots.length; k++) lots[k]!.dividends += lots[k]!.shares * amount;
  }

  /** Open lots marked at `marks[s]` (last known close) at `time`, flagged open. */
  openTrades(marks: Float64Array, time: number): Trade[] {
    const out: Trade[] = [];
    this.lots.forEach((lots, s) => {
      for (let k = this.heads[s]!; k < lots.length; k++) {
        const lot = lots[k]!;
        const price = marks[s]!;
        const pnl = lot.shares * (price - lot.entryPrice) + lot.dividends - lot.cost;
        out.push({
          symbol: this.symbols[s]!,
          size: lot.shares,
          entryTime: lot.entryTime,
          entryPrice: lot.entryPrice,
          exitTime: time,
          exitPrice: price,
          costs: lot.cost,
          dividends: lot.dividends,
          pnl,
          return: pnl / (Math.abs(lot.shares) * lot.entryPrice),
          open: true,
        });
      }
    });
    return out;
  }
}
