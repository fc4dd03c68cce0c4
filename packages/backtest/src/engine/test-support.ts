/** Deterministic random market data for engine tests and the benchmark (mulberry32). */
export function randomMarket(D: number, S: number, seed = 1) {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const open = new Float64Array(D * S);
  const close = new Float64Array(D * S);
  const signal = new Float64Array(D * S);
  const last = new Float64Array(S).map(() => 20 + 100 * rand());
  for (let d = 0; d < D; d++) {
    for (let s = 0; s < S; s++) {
      const o = last[s]! * (1 + 0.01 * (rand() - 0.5));
      const c = o * (1 + 0.04 * (rand() - 0.5));
      open[d * S + s] = o;
      close[d * S + s] = c;
      last[s] = c;
      signal[d * S + s] = rand() - 0.5;
    }
  }
  const dates = Array.from({ length: D }, (_, d) => Date.UTC(2015, 0, 1) + d * 86_400_000);
  const symbols = Array.from({ length: S }, (_, s) => `S${String(s).padStart(3, '0')}`);
  return { dates, symbols, open, close, signal };
}
