import { BacktestError } from '../errors.ts';
import { FifoLedger, type Trade } from './ledger.ts';
import { flatten, type MarketData, type NormalizedMarket, normalizeMarket } from './market.ts';
import { type BacktestSpec, parseBacktestSpec } from './spec.ts';
import { createTargetContext, rankSessions, rebalanceSessions, type SignalRanking, targetWeights } from './targets.ts';

/** Daily account state, one entry per session (columnar). Exposures are fractions of equity. */
export interface EquityCurve {
  readonly dates: Float64Array;
  /** Cash + Σ shares × mark at the session's close (mark: close, or last known close when none). */
  readonly equity: Float64Array;
  readonly cash: Float64Array;
  /** Σ |shares × mark| / equity. */
  readonly gross: Float64Array;
  /** Σ shares × mark / equity. */
  readonly net: Float64Array;
  /** equity / previous equity − 1 (the first session against starting cash). */
  readonly dailyReturn: Float64Array;
  /** Σ |quantity × fill price| traded in the session. */
  readonly traded: Float64Array;
}

/** Holdings at each session's close (columnar, only non-zero holdings). */
export interface Positions {
  readonly dateIndex: Int32Array;
  readonly symbolIndex: Int32Array;
  readonly shares: Float64Array;
  readonly price: Float64Array;
  readonly value: Float64Array;
  readonly weight: Float64Array;
}

export interface PortfolioResult {
  readonly spec: BacktestSpec;
  readonly symbols: readonly string[];
  readonly equity: EquityCurve;
  readonly positions: Positions;
  /** Closed FIFO lots in closing order, then lots still open (marked to the last close, `open: true`). */
  readonly trades: readonly Trade[];
}

/**
 * Ranks the market's signal once (see `SignalRanking`), for every top-k configuration run over the
 * same market: give it to `runPortfolioBacktest` as `ranking`. The market's signal must be a
 * Float64Array, the very array the runs are given.
 */
export function rankSignal(market: MarketData): SignalRanking {
  const D = market.dates.length;
  const S = market.symbols.length;
  if (!(market.signal instanceof Float64Array)) {
    throw new BacktestError('INVALID_INPUT', 'a signal ranked once for many runs must be a Float64Array');
  }
  return rankSessions(flatten(market.signal, D, S, 'signal'), flatten(market.close, D, S, 'close'), D, S);
}

/**
 * Simulates a spec over dense market data.
 *
 * Timing (no lookahead): the signal of session d (known at d's close) is turned into target
 * weights and traded at session d + lagBars (>= 1), at its open (`nextOpen`) or close (`nextClose`),
 * on rebalance sessions only. Sizing uses equity valued at the fill prices; target shares =
 * weight × equity / price. A symbol without a bar at the fill (NaN price) is not traded that session.
 *
 * Corporate actions (prices are raw): before the open of session t, dividends with ex-date t are
 * credited in cash for the shares held at the previous close (a short pays them), then splits
 * effective at t multiply share counts by the ratio. No price is adjusted, except a lot's entry price
 * in the trade ledger (divided by the ratio, so the trade's cost basis is unchanged) and the carried
 * mark of a symbol with no bar at t.
 *
 * Fills: fractional shares are allowed. Fill price = price × (1 ± (slippageBps + spreadBps/2)/1e4)
 * against the order; commission = |quantity × fill| × commissionBps/1e4 + commissionFixed per order.
 */
export function runPortfolioBacktest(
  specInput: unknown,
  market: MarketData,
  /**
   * `ledgers: false` skips the trade ledger and the positions (a sweep's configurations need only
   * the equity curve): `trades` and `positions` come back empty, the equity is the same.
   * `ranking` (from `rankSignal` over this market's signal) replaces each session's selection of
   * top-k / bottom-k names: the same names, so the same result.
   */
  options: { readonly ledgers?: boolean; readonly ranking?: SignalRanking } = {},
): PortfolioResult {
  const ledgers = options.ledgers !== false;
  const spec = parseBacktestSpec(specInput);
  const m = normalizeMarket(market);
  const D = m.dates.length;
  const S = m.symbols.length;
  const { open, close } = m;
  const lag = spec.execution.lagBars;
  const atOpen = spec.execution.at === 'nextOpen';
  const slip = (spec.costs.slippageBps + spec.costs.spreadBps / 2) / 1e4;
  const commissionRate = spec.costs.commissionBps / 1e4;
  const commissionFixed = spec.costs.commissionFixed;

  const rebalance = rebalanceSessions(m.dates, spec.rebalance, lag);
  const ranking = options.ranking;
  if (ranking && (ranking.signal !== m.signal || ranking.D !== D || ranking.S !== S)) {
    throw new BacktestError('INVALID_INPUT', "the ranking given is not of this market's signal");
  }
  const targets = createTargetContext(spec, m.signal, close, D, S, ranking);
  const weights = new Float64Array(S);
  const shares = new Float64Array(S);
  const mark = new Float64Array(S).fill(Number.NaN);
  const ledger = new FifoLedger(m.symbols);

  const equity = new Float64Array(D);
  const cashCol = new Float64Array(D);
  const gross = new Float64Array(D);
  const net = new Float64Array(D);
  const dailyReturn = new Float64Array(D);
  const traded = new Float64Array(D);
  const pos = new PositionBuffer();

  let cash = spec.cash;
  let previousEquity = spec.cash;
  for (let t = 0; t < D; t++) {
    const base = t * S;
    const time = m.dates[t]!;
    for (const a of m.dividends[t] ?? []) {
      cash += shares[a.symbol]! * a.value;
      if (ledgers) ledger.dividend(a.symbol, a.value);
    }
    for (const a of m.splits[t] ?? []) {
      shares[a.symbol] = shares[a.symbol]! * a.value;
      mark[a.symbol] = mark[a.symbol]! / a.value;
      if (ledgers) ledger.split(a.symbol, a.value);
    }

    if (rebalance[t] === 1) {
      const d = t - lag;
      targetWeights(targets, d, weights);
      const px = atOpen ? open : close;
      let value = cash;
      for (let s = 0; s < S; s++) {
        if (shares[s] === 0) continue;
        const p = px[base + s]!;
        value += shares[s]! * (Number.isNaN(p) ? mark[s]! : p);
      }
      let tradedValue = 0;
      for (let s = 0; s < S; s++) {
        const p = px[base + s]!;
        if (!(p > 0)) continue;
        const qty = (weights[s]! * value) / p - shares[s]!;
        if (!Number.isFinite(qty)) throw unsizable(m, s, t, weights[s]!, value, p);
        if (Math.abs(qty * p) <= 1e-9 * Math.abs(value)) continue;
        const fill = p * (1 + Math.sign(qty) * slip);
        const notional = Math.abs(qty * fill);
        const commission = notional * commissionRate + commissionFixed;
        cash -= qty * fill + commission;
        shares[s] = shares[s]! + qty;
        tradedValue += notional;
        if (ledgers) ledger.fill(s, qty, fill, commission, time);
      }
      traded[t] = tradedValue;
    }

    let long = 0;
    let short = 0;
    for (let s = 0; s < S; s++) {
      const c = close[base + s]!;
      if (!Number.isNaN(c)) mark[s] = c;
    }
    for (let s = 0; s < S; s++) {
      const sh = shares[s]!;
      if (sh === 0) continue;
      const v = sh * mark[s]!;
      if (v > 0) long += v;
      else short -= v;
    }
    const e = cash + long - short;
    equity[t] = e;
    cashCol[t] = cash;
    gross[t] = (long + short) / e;
    net[t] = (long - short) / e;
    dailyReturn[t] = e / previousEquity - 1;
    previousEquity = e;
    for (let s = 0; ledgers && s < S; s++) {
      const sh = shares[s]!;
      if (sh !== 0) pos.push(t, s, sh, mark[s]!, sh * mark[s]!, (sh * mark[s]!) / e);
    }
  }

  const trades = ledgers ? [...ledger.closed, ...ledger.openTrades(mark, m.dates[D - 1]!)] : [];
  return {
    spec,
    symbols: m.symbols,
    equity: { dates: m.dates, equity, cash: cashCol, gross, net, dailyReturn, traded },
    positions: pos.finish(),
    trades,
  };
}

/** A target that is not a number of shares (NaN weight or account value): refused, never traded. */
function unsizable(m: NormalizedMarket, s: number, t: number, weight: number, value: number, price: number) {
  return new BacktestError(
    'INVALID_INPUT',
    `cannot size ${m.symbols[s]} on ${new Date(m.dates[t]!).toISOString().slice(0, 10)}: target weight ${weight}, ` +
      `account value ${value}, price ${price} give no finite quantity`,
  );
}

/** Growable typed columns for positions (no per-row objects). */
class PositionBuffer {
  private n = 0;
  private cap = 1024;
  private cols = this.alloc(this.cap);

  private alloc(cap: number) {
    return {
      dateIndex: new Int32Array(cap),
      symbolIndex: new Int32Array(cap),
      shares: new Float64Array(cap),
      price: new Float64Array(cap),
      value: new Float64Array(cap),
      weight: new Float64Array(cap),
    };
  }

  push(d: number, s: number, shares: number, price: number, value: number, weight: number): void {
    if (this.n === this.cap) {
      const next = this.alloc(this.cap * 2);
      for (const k of Object.keys(next) as (keyof typeof next)[]) next[k].set(this.cols[k]);
      this.cols = next;
      this.cap *= 2;
    }
    const i = this.n++;
    this.cols.dateIndex[i] = d;
    this.cols.symbolIndex[i] = s;
    this.cols.shares[i] = shares;
    this.cols.price[i] = price;
    this.cols.value[i] = value;
    this.cols.weight[i] = weight;
  }

  finish(): Positions {
    const n = this.n;
    const c = this.cols;
    return {
      dateIndex: c.dateIndex.slice(0, n),
      symbolIndex: c.symbolIndex.slice(0, n),
      shares: c.shares.slice(0, n),
      price: c.price.slice(0, n),
      value: c.value.slice(0, n),
      weight: c.weight.slice(0, n),
    };
  }
}
