import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';

/**
 * An independent Alpha158 in plain TypeScript, written from Qlib's loader and ops (not from our
 * compiler): per-family loops over one symbol's bars, two-pass statistics. It follows the same
 * documented conventions: nulls skipped in windows (min_periods = 1), x / 0 and log(x <= 0) null,
 * comparisons with a null false, numpy argmax's first-NaN rule, Qlib's 2e-5 std masks.
 */

export type Num = number | null;

export interface Bars {
  readonly dates: string[];
  readonly open: Num[];
  readonly high: Num[];
  readonly low: Num[];
  readonly close: Num[];
  readonly volume: Num[];
}

/** Reads the bars of `symbols` from all_stocks_5yr.csv.gz (date,open,high,low,close,volume,Name), by date. */
export function readBars(path: string, symbols: readonly string[]): Map<string, Bars> {
  const text = gunzipSync(readFileSync(path)).toString('utf8');
  const rows = new Map<string, string[][]>(symbols.map((s) => [s, []]));
  for (const line of text.split('\n').slice(1)) {
    const cells = line.trim().split(',');
    rows.get(cells[6] ?? '')?.push(cells);
  }
  const num = (v: string | undefined): Num => (v === undefined || v === '' ? null : Number(v));
  const out = new Map<string, Bars>();
  for (const [symbol, cells] of rows) {
    cells.sort((a, b) => a[0]!.localeCompare(b[0]!));
    out.set(symbol, {
      dates: cells.map((r) => r[0]!),
      open: cells.map((r) => num(r[1])),
      high: cells.map((r) => num(r[2])),
      low: cells.map((r) => num(r[3])),
      close: cells.map((r) => num(r[4])),
      volume: cells.map((r) => num(r[5])),
    });
  }
  return out;
}

// ---- elementwise, numpy-like with null for inf/NaN ----
const add = (a: Num, b: Num): Num => (a === null || b === null ? null : a + b);
const sub = (a: Num, b: Num): Num => (a === null || b === null ? null : a - b);
const mul = (a: Num, b: Num): Num => (a === null || b === null ? null : a * b);
const div = (a: Num, b: Num): Num => (a === null || b === null || b === 0 ? null : a / b);
const greater = (a: Num, b: Num): Num => (a === null || b === null ? null : Math.max(a, b));
const less = (a: Num, b: Num): Num => (a === null || b === null ? null : Math.min(a, b));
const abs = (a: Num): Num => (a === null ? null : Math.abs(a));
const log = (a: Num): Num => (a === null || a <= 0 ? null : Math.log(a));
const gt = (a: Num, b: Num): Num => (a !== null && b !== null && a > b ? 1 : 0);
const lt = (a: Num, b: Num): Num => (a !== null && b !== null && a < b ? 1 : 0);

// ---- windows over one series ----
type Series = readonly Num[];
const map = (n: number, f: (t: number) => Num): Num[] => Array.from({ length: n }, (_, t) => f(t));
const windowOf = (s: Series, t: number, d: number): Num[] => s.slice(Math.max(0, t - d + 1), t + 1);
const present = (w: readonly Num[]): number[] => w.filter((v): v is number => v !== null);
const ref = (s: Series, t: number, k: number): Num => (t - k >= 0 ? s[t - k]! : null);

function mean(w: readonly Num[]): Num {
  const v = present(w);
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0) / v.length;
}
function sum(w: readonly Num[]): Num {
  const v = present(w);
  return v.length === 0 ? null : v.reduce((a, b) => a + b, 0);
}
function std(w: readonly Num[]): Num {
  const v = present(w);
  if (v.length < 2) return null;
  const m = v.reduce((a, b) => a + b, 0) / v.length;
  return Math.sqrt(v.reduce((a, x) => a + (x - m) ** 2, 0) / (v.length - 1));
}
const max = (w: readonly Num[]): Num => (present(w).length ? Math.max(...present(w)) : null);
const min = (w: readonly Num[]): Num => (present(w).length ? Math.min(...present(w)) : null);

function quantile(w: readonly Num[], q: number): Num {
  const v = present(w).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const pos = (v.length - 1) * q;
  const lo = Math.floor(pos);
  return lo + 1 < v.length ? v[lo]! + (v[lo + 1]! - v[lo]!) * (pos - lo) : v[lo]!;
}

/** pandas rank(pct=True) of the last value, ties averaged. */
function rankPct(w: readonly Num[]): Num {
  const x = w[w.length - 1];
  if (x === null || x === undefined) return null;
  const v = present(w);
  const below = v.filter((u) => u < x).length;
  const equal = v.filter((u) => u === x).length;
  return (below + (equal + 1) / 2) / v.length;
}

/** numpy argmax + 1: a NaN anywhere wins (first NaN), else the first maximum. */
function argExtreme(w: readonly Num[], pick: 'max' | 'min'): Num {
  if (present(w).length === 0) return null;
  const firstNull = w.indexOf(null);
  if (firstNull >= 0) return firstNull + 1;
  let best = 0;
  for (let i = 1; i < w.length; i++) {
    if (pick === 'max' ? w[i]! > w[best]! : w[i]! < w[best]!) best = i;
  }
  return best + 1;
}

/** OLS of the window's values on their positions 1..n (nulls left out, positions kept). */
function regression(w: readonly Num[]) {
  const pts = w.flatMap((v, i) => (v === null ? [] : [[i + 1, v] as const]));
  if (pts.length < 2) return null;
  const mx = pts.reduce((a, [x]) => a + x, 0) / pts.length;
  const my = pts.reduce((a, [, y]) => a + y, 0) / pts.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pts) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  const slope = sxy / sxx;
  return { slope, rsquare: syy === 0 ? null : (sxy * sxy) / (sxx * syy), mx, my };
}

function corr(a: readonly Num[], b: readonly Num[]): Num {
  // Qlib masks where either series' own rolling std is within 2e-5 of zero.
  const sa = std(a);
  const sb = std(b);
  if ((sa !== null && sa <= 2e-5) || (sb !== null && sb <= 2e-5)) return null;
  const pairs = a.flatMap((x, i) => (x === null || b[i] === null ? [] : [[x, b[i]!] as const]));
  if (pairs.length < 2) return null;
  const mx = pairs.reduce((s, [x]) => s + x, 0) / pairs.length;
  const my = pairs.reduce((s, [, y]) => s + y, 0) / pairs.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (const [x, y] of pairs) {
    sxy += (x - mx) * (y - my);
    sxx += (x - mx) ** 2;
    syy += (y - my) ** 2;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** Every Alpha158 factor of one symbol at row t. */
export function alpha158At(b: Bars, t: number): Record<string, Num> {
  const n = b.close.length;
  const { open: o, high: h, low: l, close: c, volume: v } = b;
  const [ot, ht, lt_, ct, vt] = [o[t]!, h[t]!, l[t]!, c[t]!, v[t]!];
  const out: Record<string, Num> = {};
  const range = add(sub(ht, lt_), 1e-12);
  out.KMID = div(sub(ct, ot), ot);
  out.KLEN = div(sub(ht, lt_), ot);
  out.KMID2 = div(sub(ct, ot), range);
  out.KUP = div(sub(ht, greater(ot, ct)), ot);
  out.KUP2 = div(sub(ht, greater(ot, ct)), range);
  out.KLOW = div(sub(less(ot, ct), lt_), ot);
  out.KLOW2 = div(sub(less(ot, ct), lt_), range);
  out.KSFT = div(sub(sub(mul(2, ct), ht), lt_), ot);
  out.KSFT2 = div(sub(sub(mul(2, ct), ht), lt_), range);
  out.OPEN0 = div(ot, ct);
  out.HIGH0 = div(ht, ct);
  out.LOW0 = div(lt_, ct);
  out.VWAP0 = div(div(add(add(ht, lt_), ct), 3), ct);

  const prevClose = map(n, (i) => ref(c, i, 1));
  const prevVolume = map(n, (i) => ref(v, i, 1));
  const logVolume = map(n, (i) => log(add(v[i]!, 1)));
  const ret = map(n, (i) => div(c[i]!, prevClose[i]!));
  const logVolRatio = map(n, (i) => log(add(div(v[i]!, prevVolume[i]!), 1)));
  const up = map(n, (i) => gt(c[i]!, prevClose[i]!));
  const down = map(n, (i) => lt(c[i]!, prevClose[i]!));
  const gain = map(n, (i) => greater(sub(c[i]!, prevClose[i]!), 0));
  const loss = map(n, (i) => greater(sub(prevClose[i]!, c[i]!), 0));
  const move = map(n, (i) => abs(sub(c[i]!, prevClose[i]!)));
  const wv = map(n, (i) => mul(abs(sub(div(c[i]!, prevClose[i]!), 1)), v[i]!));
  const vGain = map(n, (i) => greater(sub(v[i]!, prevVolume[i]!), 0));
  const vLoss = map(n, (i) => greater(sub(prevVolume[i]!, v[i]!), 0));
  const vMove = map(n, (i) => abs(sub(v[i]!, prevVolume[i]!)));

  for (const d of [5, 10, 20, 30, 60]) {
    const w = (s: Series) => windowOf(s, t, d);
    const reg = regression(w(c));
    out[`ROC${d}`] = div(ref(c, t, d), ct);
    out[`MA${d}`] = div(mean(w(c)), ct);
    out[`STD${d}`] = div(std(w(c)), ct);
    out[`BETA${d}`] = div(reg ? reg.slope : null, ct);
    const sd = std(w(c));
    out[`RSQR${d}`] = reg === null || (sd !== null && sd <= 2e-5) ? null : reg.rsquare;
    const position = Math.min(t + 1, d);
    const resi = reg === null || ct === null ? null : ct - reg.my - reg.slope * (position - reg.mx);
    out[`RESI${d}`] = div(resi, ct);
    out[`MAX${d}`] = div(max(w(h)), ct);
    out[`MIN${d}`] = div(min(w(l)), ct);
    out[`QTLU${d}`] = div(quantile(w(c), 0.8), ct);
    out[`QTLD${d}`] = div(quantile(w(c), 0.2), ct);
    out[`RANK${d}`] = rankPct(w(c));
    out[`RSV${d}`] = div(sub(ct, min(w(l))), add(sub(max(w(h)), min(w(l))), 1e-12));
    const imax = argExtreme(w(h), 'max');
    const imin = argExtreme(w(l), 'min');
    out[`IMAX${d}`] = div(imax, d);
    out[`IMIN${d}`] = div(imin, d);
    out[`IMXD${d}`] = div(sub(imax, imin), d);
    out[`CORR${d}`] = corr(w(c), w(logVolume));
    out[`CORD${d}`] = corr(w(ret), w(logVolRatio));
    out[`CNTP${d}`] = mean(w(up));
    out[`CNTN${d}`] = mean(w(down));
    out[`CNTD${d}`] = sub(mean(w(up)), mean(w(down)));
    const moves = add(sum(w(move)), 1e-12);
    out[`SUMP${d}`] = div(sum(w(gain)), moves);
    out[`SUMN${d}`] = div(sum(w(loss)), moves);
    out[`SUMD${d}`] = div(sub(sum(w(gain)), sum(w(loss))), moves);
    out[`VMA${d}`] = div(mean(w(v)), add(vt, 1e-12));
    out[`VSTD${d}`] = div(std(w(v)), add(vt, 1e-12));
    out[`WVMA${d}`] = div(std(w(wv)), add(mean(w(wv)), 1e-12));
    const vMoves = add(sum(w(vMove)), 1e-12);
    out[`VSUMP${d}`] = div(sum(w(vGain)), vMoves);
    out[`VSUMN${d}`] = div(sum(w(vLoss)), vMoves);
    out[`VSUMD${d}`] = div(sub(sum(w(vGain)), sum(w(vLoss))), vMoves);
  }
  return out;
}
