/**
 * Recovers the split adjustment that Yahoo applied to `open/high/low/close` from the prices alone.
 *
 * Yahoo's history (as downloaded in 2017/18) is split-adjusted in every price column, so the ratio
 * adj_close/close only carries dividends. Splits still leave a fingerprint: exchanges quote in
 * whole cents, so before a split with cumulative factor K the stored price is raw/K, and
 * price × K lands on a whole cent while price × 1 generally does not (AAPL before its 7:1 split:
 * 92.224289 × 7 = 645.570023 ≈ $645.57). This module finds, per day, the factor K under which the
 * day's prices are whole cents, and the dates where K changes.
 */

export interface GridDay {
  date: string;
  /** open, high, low, close as stored (split-adjusted). */
  prices: readonly number[];
}

export interface FactorSegment {
  /** Index of the first day of the segment. */
  start: number;
  /** Cumulative split factor of the segment: raw price = stored price × factor. */
  factor: number;
}

/** Fraction of a window's days that must fit a factor for it to be accepted. */
const ACCEPT_FIT = 0.8;
/** Days before a change point used to identify the earlier factor. */
const WINDOW = 20;
/** Ratios tried first; anything else is searched cent by cent. */
const CLEAN_RATIOS = cleanRatios(20);

function cleanRatios(maxTerm: number): number[] {
  const out = new Set<number>();
  for (let a = 1; a <= maxTerm; a++) for (let b = 1; b <= maxTerm; b++) out.add(a / b);
  return [...out].sort((x, y) => x - y);
}

/** Spacing of float32 values around `x`: the stored prices were single precision. */
function ulp32(x: number): number {
  return 2 ** (Math.floor(Math.log2(Math.abs(x))) - 23);
}

/**
 * Whether `price × factor` is a whole multiple of `step` dollars, allowing for the storage error:
 * float32 rounding plus the 6-decimal print, each scaled by the factor, with a factor-2 margin.
 */
export function onPriceGrid(price: number, factor: number, step: number): boolean {
  if (!(price > 0)) return false;
  const units = (price * factor) / step;
  const tolerance = (factor * (2 * ulp32(price) + 1e-6)) / step;
  return Math.abs(units - Math.round(units)) <= tolerance;
}

/**
 * Whether a day's prices, scaled by `factor`, look like traded prices: open and close (auction
 * prices) in whole cents, high and low in tenths of a cent (sub-penny prints reach the
 * consolidated high and low: GOOG's high on 2017-08-22 is 925.555).
 */
export function dayFits(day: GridDay, factor: number): boolean {
  const [open, high, low, close] = day.prices as [number, number, number, number];
  return (
    onPriceGrid(open, factor, 0.01) &&
    onPriceGrid(close, factor, 0.01) &&
    onPriceGrid(high, factor, 0.001) &&
    onPriceGrid(low, factor, 0.001)
  );
}

function fitShare(days: readonly GridDay[], factor: number): number {
  if (days.length === 0) return 0;
  let fit = 0;
  for (const d of days) if (dayFits(d, factor)) fit++;
  return fit / days.length;
}

/** The smallest factor under which most of `days` are whole cents, searched near `around`. */
export function identifyFactor(days: readonly GridDay[], around: number): number | null {
  for (const ratio of CLEAN_RATIOS) {
    if (fitShare(days, around * ratio) >= ACCEPT_FIT) return around * ratio;
  }
  // Not a clean ratio (a spin-off or stock dividend that Yahoo booked as a split): every whole-cent
  // reading of one reference price gives a candidate factor; the others must agree with it.
  for (const ref of [...days].reverse().slice(0, 5)) {
    const p = ref.prices[3]!;
    const lo = Math.ceil(p * around * 100 * (1 / 50));
    const hi = Math.floor(p * around * 100 * 50);
    if (hi - lo > 5_000_000) continue;
    for (let c = lo; c <= hi; c++) {
      const factor = c / (100 * p);
      if (dayFits(ref, factor) && fitShare(days, factor) >= ACCEPT_FIT) return refine(days, factor);
    }
  }
  return null;
}

/** The median of the factors implied by every fitting open and close, more precise than one price. */
function refine(days: readonly GridDay[], factor: number): number {
  const estimates: number[] = [];
  for (const d of days) {
    if (!dayFits(d, factor)) continue;
    for (const p of [d.prices[0]!, d.prices[3]!]) estimates.push(Math.round(p * factor * 100) / (100 * p));
  }
  estimates.sort((a, b) => a - b);
  return estimates[Math.floor(estimates.length / 2)] ?? factor;
}

/**
 * The index D in `[0, n)` that best separates a 0/1 series into a part before D and a part from D,
 * where `before` and `after` say which value each part should hold. Stray values on either side
 * cost one each, so isolated off-grid days do not move the boundary.
 */
function bestBoundary(fits: readonly number[], before: 0 | 1, after: 0 | 1): { at: number; share: [number, number] } {
  let score = fits.reduce<number>((s, f) => s + (f === after ? 1 : 0), 0); // D = 0
  let best = { at: 0, score };
  for (let d = 1; d < fits.length; d++) {
    const f = fits[d - 1];
    score += (f === before ? 1 : 0) - (f === after ? 1 : 0);
    if (score > best.score) best = { at: d, score };
  }
  const mean = (xs: readonly number[]) => (xs.length === 0 ? 0 : xs.reduce<number>((s, x) => s + x, 0) / xs.length);
  return { at: best.at, share: [mean(fits.slice(0, best.at)), mean(fits.slice(best.at))] };
}

/**
 * A reverse split inside a run of days that fit `factor`: before it, the stored prices are the
 * traded ones times 1/r (1:10 → multiples of ten cents), so they also fit `factor × r`.
 */
function reverseSplitIn(days: readonly GridDay[], factor: number): { at: number; factor: number } | null {
  for (const ratio of CLEAN_RATIOS) {
    if (ratio >= 1) break;
    if (fitShare(days.slice(0, 5), factor * ratio) < ACCEPT_FIT) continue;
    const fits = days.map((d) => (dayFits(d, factor * ratio) ? 1 : 0));
    const { at, share } = bestBoundary(fits, 1, 0);
    if (at >= 5 && share[0] >= ACCEPT_FIT && share[1] <= 1 - ACCEPT_FIT) return { at, factor: factor * ratio };
  }
  return null;
}

/**
 * Splits the history into segments of constant cumulative factor. The last segment has factor 1
 * (prices as traded at the end of the file); going back, a forward split shows as days that stop
 * fitting the current factor, found as the best boundary of the fit series, and the earlier factor
 * is identified on the days just before it. A reverse split shows the other way round, as a run
 * of days at the start of a segment that also fit a smaller factor. Returns segments in date
 * order and the indices where no factor could be identified.
 */
export function splitFactorSegments(days: readonly GridDay[]): { segments: FactorSegment[]; unresolved: number[] } {
  const forward: FactorSegment[] = [];
  const unresolved: number[] = [];
  let end = days.length;
  let factor = 1;
  while (end > 0) {
    const { at } = bestBoundary(
      days.slice(0, end).map((d) => (dayFits(d, factor) ? 1 : 0)),
      0,
      1,
    );
    const earlier = at === 0 ? factor : identifyFactor(days.slice(Math.max(0, at - WINDOW), at), factor);
    if (earlier === null || Math.abs(earlier / factor - 1) < 1e-9) {
      // Nothing to split, stray off-grid days at the very start, or nothing fits: stop here.
      if (earlier === null) unresolved.push(at - 1);
      forward.unshift({ start: 0, factor });
      break;
    }
    forward.unshift({ start: at, factor });
    end = at;
    factor = earlier;
  }

  const segments: FactorSegment[] = [];
  forward.forEach((segment, k) => {
    const stop = forward[k + 1]?.start ?? days.length;
    const found: FactorSegment[] = [segment];
    for (;;) {
      const head = found[0]!;
      const stopAt = found[1]?.start ?? stop;
      const reverse = reverseSplitIn(days.slice(head.start, stopAt), head.factor);
      if (!reverse) break;
      found.splice(
        0,
        1,
        { start: head.start, factor: reverse.factor },
        { start: head.start + reverse.at, factor: head.factor },
      );
    }
    segments.push(...found);
  });
  return { segments, unresolved };
}
