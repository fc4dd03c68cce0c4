import type { BacktestSpec } from './spec.ts';

const ANNUAL = 252;
const DAY_MS = 86_400_000;

/**
 * Sessions on which targets are recomputed and traded, given fill session t uses the signal of
 * t - lag: 'daily' every session from `lag` on; 'weekly'/'monthly' the first session of each ISO
 * week (Monday–Sunday, UTC) / calendar month; `everySessions: n` sessions lag, lag + n, ...
 */
export function rebalanceSessions(dates: Float64Array, rebalance: BacktestSpec['rebalance'], lag: number): Uint8Array {
  const D = dates.length;
  const out = new Uint8Array(D);
  const week = (ms: number) => Math.floor((Math.floor(ms / DAY_MS) + 3) / 7);
  const month = (ms: number) => {
    const d = new Date(ms);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  for (let t = lag; t < D; t++) {
    if (rebalance === 'daily') out[t] = 1;
    else if (rebalance === 'weekly') out[t] = t === 0 || week(dates[t]!) !== week(dates[t - 1]!) ? 1 : 0;
    else if (rebalance === 'monthly') out[t] = t === 0 || month(dates[t]!) !== month(dates[t - 1]!) ? 1 : 0;
    else out[t] = (t - lag) % rebalance.everySessions === 0 ? 1 : 0;
  }
  return out;
}

/**
 * Whether a signal value is a signal: a non-finite one (NaN, or an expression or model yielding
 * ±Infinity) is no signal. Sizing divides by sums of signals, so an infinite one would make every
 * weight NaN.
 */
export const isSignal = (v: number): boolean => Number.isFinite(v);

/**
 * Crossover state per (date, symbol), evaluated on every signal date in order: +1 after crossing
 * above the threshold, 0 or -1 after crossing below, unchanged otherwise (no signal keeps the state
 * and breaks the "previous" value).
 */
export function crossoverStates(
  signal: Float64Array,
  D: number,
  S: number,
  threshold: number,
  short: boolean,
): Int8Array {
  const out = new Int8Array(D * S);
  const state = new Int8Array(S);
  const prev = new Float64Array(S).fill(Number.NaN);
  for (let d = 0; d < D; d++) {
    for (let s = 0; s < S; s++) {
      const raw = signal[d * S + s]!;
      const v = isSignal(raw) ? raw : Number.NaN;
      const p = prev[s]!;
      if (!Number.isNaN(v) && !Number.isNaN(p)) {
        if (p <= threshold && v > threshold) state[s] = 1;
        else if (p >= threshold && v < threshold) state[s] = short ? -1 : 0;
      }
      prev[s] = v;
      out[d * S + s] = state[s]!;
    }
  }
  return out;
}

/**
 * Each session's eligible symbols (signal and close known) in rank order: highest signal first,
 * ties by symbol order. Row d holds `order[d * S, d * S + count[d])`. Sorted once per signal, it
 * serves every top-k / bottom-k configuration of a sweep over that signal (the ranking does not
 * depend on k), where each configuration would otherwise select its own names every session.
 */
export interface SignalRanking {
  /** The signal ranked (the engine refuses a ranking of another signal). */
  readonly signal: Float64Array;
  readonly D: number;
  readonly S: number;
  readonly order: Int32Array;
  readonly count: Int32Array;
}

/** Ranks every session's eligible symbols by signal (see `SignalRanking`). */
export function rankSessions(signal: Float64Array, close: Float64Array, D: number, S: number): SignalRanking {
  const order = new Int32Array(D * S);
  const count = new Int32Array(D);
  for (let d = 0; d < D; d++) {
    const base = d * S;
    let m = 0;
    for (let s = 0; s < S; s++) {
      if (isSignal(signal[base + s]!) && !Number.isNaN(close[base + s]!)) order[base + m++] = s;
    }
    count[d] = m;
    // The same strict total order as the selection in `targetWeights`.
    order.subarray(base, base + m).sort((a, b) => {
      const diff = signal[base + b]! - signal[base + a]!;
      return diff > 0 ? 1 : diff < 0 ? -1 : a - b;
    });
  }
  return { signal, D, S, order, count };
}

export interface TargetContext {
  readonly spec: BacktestSpec;
  readonly S: number;
  readonly signal: Float64Array;
  readonly close: Float64Array;
  readonly crossover: Int8Array | undefined;
  /** The signal's ranking, when shared (a sweep); otherwise each session selects its own names. */
  readonly ranking: SignalRanking | undefined;
  /** Scratch buffers reused across dates (no allocation per date in the hot loop). */
  readonly order: Int32Array;
  readonly dir: Int8Array;
  readonly vol: Float64Array;
}

export function createTargetContext(
  spec: BacktestSpec,
  signal: Float64Array,
  close: Float64Array,
  D: number,
  S: number,
  ranking?: SignalRanking,
): TargetContext {
  const rule = spec.rule;
  return {
    spec,
    S,
    signal,
    close,
    ranking: rule.type === 'topK' ? ranking : undefined,
    crossover:
      rule.type === 'crossover' ? crossoverStates(signal, D, S, rule.threshold, rule.below === 'short') : undefined,
    order: new Int32Array(S),
    dir: new Int8Array(S),
    vol: new Float64Array(S),
  };
}

/**
 * Target weights (value / equity) from the signal of date `d`, written into `weights`. A symbol is
 * eligible when its signal (finite: see `isSignal`) and close at d are known. Order: rule -> longOnly -> sizing -> limits.
 * Only data at or before d is read (closes up to d for volatility).
 */
export function targetWeights(ctx: TargetContext, d: number, weights: Float64Array): void {
  const { spec, S, signal, close, dir } = ctx;
  const base = d * S;
  weights.fill(0);
  dir.fill(0);
  const rule = spec.rule;
  const eligible = (s: number) => isSignal(signal[base + s]!) && !Number.isNaN(close[base + s]!);
  if (rule.type === 'threshold') {
    for (let s = 0; s < S; s++) {
      if (!eligible(s)) continue;
      const v = signal[base + s]!;
      if (rule.long !== undefined && v > rule.long) dir[s] = 1;
      else if (rule.short !== undefined && v < rule.short) dir[s] = -1;
    }
  } else if (rule.type === 'topK' && ctx.ranking) {
    const { order, count } = ctx.ranking;
    const m = count[d]!;
    const nLong = Math.min(rule.long, m);
    const nShort = Math.min(rule.short, m - nLong);
    for (let k = 0; k < nLong; k++) dir[order[base + k]!] = 1;
    for (let k = 0; k < nShort; k++) dir[order[base + m - 1 - k]!] = -1;
  } else if (rule.type === 'topK') {
    let m = 0;
    for (let s = 0; s < S; s++) if (eligible(s)) ctx.order[m++] = s;
    const idx = ctx.order.subarray(0, m);
    const nLong = Math.min(rule.long, m);
    const nShort = Math.min(rule.short, m - nLong);
    // Highest signal first, ties by symbol order: only which names are in the top and bottom k
    // matters, so two partial selections replace a sort of every name each session.
    const before = (a: number, b: number) => {
      const d = signal[base + b]! - signal[base + a]!;
      return d < 0 || (d === 0 && a < b);
    };
    if (nLong > 0 && nLong < m) selectFirst(idx, 0, m, nLong, before);
    if (nShort > 0 && m - nShort > nLong) selectFirst(idx, nLong, m, m - nShort, before);
    for (let k = 0; k < nLong; k++) dir[idx[k]!] = 1;
    for (let k = 0; k < nShort; k++) dir[idx[m - 1 - k]!] = -1;
  } else {
    for (let s = 0; s < S; s++) if (eligible(s)) dir[s] = ctx.crossover![base + s]!;
  }
  if (spec.limits.longOnly) for (let s = 0; s < S; s++) if (dir[s]! < 0) dir[s] = 0;

  const sizing = spec.sizing;
  let n = 0;
  for (let s = 0; s < S; s++) if (dir[s] !== 0) n++;
  if (n === 0) return;
  if (sizing.type === 'equal') {
    for (let s = 0; s < S; s++) weights[s] = dir[s]! / n;
  } else if (sizing.type === 'signal') {
    let total = 0;
    for (let s = 0; s < S; s++) if (dir[s] !== 0) total += Math.abs(signal[base + s]!);
    if (total > 0)
      for (let s = 0; s < S; s++) if (dir[s] !== 0) weights[s] = (dir[s]! * Math.abs(signal[base + s]!)) / total;
  } else {
    volatilityWeights(ctx, d, weights, n, sizing.target, sizing.lookback, sizing.method);
  }
  applyLimits(weights, spec.limits);
}

function volatilityWeights(
  ctx: TargetContext,
  d: number,
  weights: Float64Array,
  n: number,
  target: number,
  lookback: number,
  method: 'portfolio' | 'perName',
): void {
  const { S, close, dir } = ctx;
  const first = d - lookback + 1;
  if (first < 1) return; // not enough past closes: stay flat
  if (method === 'perName') {
    let active = 0;
    for (let s = 0; s < S; s++) {
      ctx.vol[s] = Number.NaN;
      if (dir[s] === 0) continue;
      let sum = 0;
      let sum2 = 0;
      let k = 0;
      for (let u = first; u <= d; u++) {
        const r = close[u * S + s]! / close[(u - 1) * S + s]! - 1;
        if (Number.isNaN(r)) continue;
        sum += r;
        sum2 += r * r;
        k++;
      }
      if (k < 2) continue;
      const variance = (sum2 - (sum * sum) / k) / (k - 1);
      const v = Math.sqrt(Math.max(variance, 0) * ANNUAL);
      if (v > 0) {
        ctx.vol[s] = v;
        active++;
      }
    }
    for (let s = 0; s < S; s++)
      if (dir[s] !== 0 && !Number.isNaN(ctx.vol[s]!)) weights[s] = (dir[s]! * target) / (active * ctx.vol[s]!);
    return;
  }
  // Portfolio: realized volatility of the equal-weight book over the lookback (missing returns count 0).
  let sum = 0;
  let sum2 = 0;
  for (let u = first; u <= d; u++) {
    let p = 0;
    for (let s = 0; s < S; s++) {
      if (dir[s] === 0) continue;
      const r = close[u * S + s]! / close[(u - 1) * S + s]! - 1;
      if (!Number.isNaN(r)) p += (dir[s]! / n) * r;
    }
    sum += p;
    sum2 += p * p;
  }
  const variance = (sum2 - (sum * sum) / lookback) / (lookback - 1);
  const vol = Math.sqrt(Math.max(variance, 0) * ANNUAL);
  if (!(vol > 0)) return;
  const scale = target / vol;
  for (let s = 0; s < S; s++) weights[s] = (dir[s]! / n) * scale;
}

/**
 * Rearranges a[lo, hi) so that a[lo, at) holds the elements that come first in the strict total
 * order `before` (in no particular order) and a[at, hi) the rest (Hoare's quickselect).
 */
export function selectFirst(
  a: Int32Array,
  lo: number,
  hi: number,
  at: number,
  before: (x: number, y: number) => boolean,
): void {
  let left = lo;
  let right = hi - 1;
  while (left < right) {
    const pivot = a[(left + right) >> 1]!;
    let i = left;
    let j = right;
    while (i <= j) {
      while (before(a[i]!, pivot)) i++;
      while (before(pivot, a[j]!)) j--;
      if (i <= j) {
        const t = a[i]!;
        a[i] = a[j]!;
        a[j] = t;
        i++;
        j--;
      }
    }
    if (at - 1 <= j) right = j;
    else if (at - 1 >= i) left = i;
    else return;
  }
}

/** maxWeight clips |w|; maxGross scales all weights down; maxNet scales down the larger side. */
export function applyLimits(w: Float64Array, limits: BacktestSpec['limits']): void {
  const S = w.length;
  if (limits.maxWeight !== undefined) {
    const m = limits.maxWeight;
    for (let s = 0; s < S; s++) w[s] = Math.max(-m, Math.min(m, w[s]!));
  }
  if (limits.maxGross !== undefined) {
    let gross = 0;
    for (let s = 0; s < S; s++) gross += Math.abs(w[s]!);
    if (gross > limits.maxGross) {
      const k = limits.maxGross / gross;
      for (let s = 0; s < S; s++) w[s] = w[s]! * k;
    }
  }
  if (limits.maxNet !== undefined) {
    let long = 0;
    let short = 0;
    for (let s = 0; s < S; s++) {
      if (w[s]! > 0) long += w[s]!;
      else short -= w[s]!;
    }
    const net = long - short;
    if (net > limits.maxNet) {
      const k = (long - (net - limits.maxNet)) / long;
      for (let s = 0; s < S; s++) if (w[s]! > 0) w[s] = w[s]! * k;
    } else if (-net > limits.maxNet) {
      const k = (short - (-net - limits.maxNet)) / short;
      for (let s = 0; s < S; s++) if (w[s]! < 0) w[s] = w[s]! * k;
    }
  }
}
