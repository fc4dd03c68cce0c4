/**
 * The exact small-n x^2 methods behind kolmogorovSf (scipy/stats/_ksstats.py `_kolmogn_DMTW`, `_kolmogn_Pomeranz`):
 * Durbin's matrix algorithm in Marsaglia, Tsang & Wang's form (J. Stat. Software 8(18), 2003) and Pomeranz's
 * recursion (CACM 17(12), 1974). Both rescale by 2^128 as they go to stay within double range.
 */

const E128 = 2 ** 128;
const EM128 = 2 ** -128;
const clip = (p: number): number => Math.min(1, Math.max(0, p));

type Mat = Float64Array[];

function matmul(a: Mat, b: Mat): Mat {
  const m = a.length;
  const out: Mat = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 0; i < m; i++) {
    const row = out[i]!;
    for (let k = 0; k < m; k++) {
      const aik = a[i]![k]!;
      if (aik === 0) continue;
      const bk = b[k]!;
      for (let j = 0; j < m; j++) row[j]! += aik * bk[j]!;
    }
  }
  return out;
}

/** Durbin's matrix algorithm, Marsaglia-Tsang-Wang form: P(D_n <= x) = n!/n^n (H^n)[k-1][k-1], rescaled as it goes. */
export function durbinCdf(n: number, x: number): number {
  const nd = n * x;
  if (nd <= 0.5) return 0;
  const k = Math.ceil(nd);
  const h = k - nd;
  const m = 2 * k - 1;
  const v = new Float64Array(m);
  const w = new Float64Array(m);
  let fac = 1;
  for (let j = 1; j <= m; j++) {
    w[j - 1] = fac;
    fac /= j;
    v[j - 1] = (1 - h ** j) * fac;
  }
  const tt = Math.max(2 * h - 1, 0) ** m - 2 * h ** m;
  v[m - 1] = (1 + tt) * fac;
  let H: Mat = Array.from({ length: m }, () => new Float64Array(m));
  for (let i = 1; i < m; i++) for (let r = i - 1; r < m; r++) H[r]![i] = w[r - i + 1]!;
  for (let r = 0; r < m; r++) H[r]![0] = v[r]!;
  for (let c = 0; c < m; c++) H[m - 1]![c] = v[m - 1 - c]!;
  let P: Mat = Array.from({ length: m }, (_, i) => {
    const row = new Float64Array(m);
    row[i] = 1;
    return row;
  });
  let nn = n;
  let expnt = 0;
  let hExpnt = 0;
  while (nn > 0) {
    if (nn % 2) {
      P = matmul(P, H);
      expnt += hExpnt;
    }
    H = matmul(H, H);
    hExpnt *= 2;
    if (Math.abs(H[k - 1]![k - 1]!) > E128) {
      for (const row of H) for (let c = 0; c < m; c++) row[c]! /= E128;
      hExpnt += 128;
    }
    nn = Math.floor(nn / 2);
  }
  let p = P[k - 1]![k - 1]!;
  for (let i = 1; i <= n; i++) {
    p = (i * p) / n;
    if (Math.abs(p) < EM128) {
      p *= E128;
      expnt -= 128;
    }
  }
  return clip(p * 2 ** expnt);
}

function pomeranzBounds(i: number, n: number, ll: number, ceilf: number, roundf: number): [number, number] {
  let j1: number;
  let j2: number;
  if (i === 0) {
    j1 = -ll - ceilf - 1;
    j2 = ll + ceilf - 1;
  } else {
    const half = Math.floor((i + 1) / 2);
    if ((i + 1) % 2 === 0) {
      if (half === n + 1) {
        j1 = n - ll - ceilf - 1;
        j2 = n + ll + ceilf - 1;
      } else {
        j1 = half - 1 - ll - roundf - 1;
        j2 = half + ll - 1 + ceilf - 1;
      }
    } else {
      j1 = half - 1 - ll - 1;
      j2 = half + ll + roundf - 1;
    }
  }
  return [Math.max(j1 + 2, 0), Math.min(j2, n)];
}

/** Pomeranz's recursion: rows are convolutions with (almost) Poisson weights; P(D_n <= x) = n! V[2n+1][n]. */
export function pomeranzCdf(n: number, x: number): number {
  const t = n * x;
  const ll = Math.floor(t);
  const f = t - ll;
  const g = Math.min(f, 1 - f);
  const ceilf = f > 0 ? 1 : 0;
  const roundf = f > 0.5 ? 1 : 0;
  const npwrs = 2 * (ll + 1);
  const gp = new Float64Array(npwrs);
  const twoGp = new Float64Array(npwrs);
  const oneM2Gp = new Float64Array(npwrs);
  gp[0] = twoGp[0] = oneM2Gp[0] = 1;
  for (let m = 1; m < npwrs; m++) {
    gp[m] = (gp[m - 1]! * (g / n)) / m;
    twoGp[m] = (twoGp[m - 1]! * ((2 * g) / n)) / m;
    oneM2Gp[m] = (oneM2Gp[m - 1]! * ((1 - 2 * g) / n)) / m;
  }
  let V0 = new Float64Array(npwrs);
  let V1 = new Float64Array(npwrs);
  V1[0] = 1;
  let V0s = 0;
  let V1s = 0;
  let expnt = 0;
  let [j1, j2] = pomeranzBounds(0, n, ll, ceilf, roundf);
  for (let i = 1; i < 2 * n + 2; i++) {
    const k1 = j1;
    [V0, V1] = [V1, V0];
    [V0s, V1s] = [V1s, V0s];
    V1.fill(0);
    [j1, j2] = pomeranzBounds(i, n, ll, ceilf, roundf);
    const pw = i === 1 || i === 2 * n + 1 ? gp : i % 2 ? twoGp : oneM2Gp;
    const len = j2 - k1 + 1;
    if (len > 0) {
      // Entries conv[j1 - k1 .. j2 - k1] of the full convolution of V0[k1 - V0s ..][0, len) with pw[0, len).
      const base = k1 - V0s;
      let max = 0;
      for (let out = 0; out <= j2 - j1; out++) {
        const c = out + j1 - k1;
        let s = 0;
        for (let a = Math.max(0, c - len + 1); a <= Math.min(c, len - 1); a++) s += V0[base + a]! * pw[c - a]!;
        V1[out] = s;
        if (s > max) max = s;
      }
      if (max > 0 && max < EM128) {
        for (let q = 0; q < npwrs; q++) V1[q]! *= E128;
        expnt -= 128;
      }
      V1s = V0s + j1 - k1;
    }
  }
  let ans = V1[n - V1s]!;
  for (let m = 1; m <= n; m++) {
    if (Math.abs(ans) > E128) {
      ans *= EM128;
      expnt += 128;
    }
    ans *= m;
  }
  return clip(ans * 2 ** expnt);
}
