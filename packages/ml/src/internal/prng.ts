/**
 * xoshiro128** 1.0 (Blackman & Vigna, https://prng.di.unimi.it/xoshiro128starstar.c): 32-bit
 * outputs, period 2^128 - 1, passes BigCrush. Seeded from (seed, stream) through splitmix32 so that
 * every tree of a forest gets its own independent stream regardless of training order.
 */
export interface Rng {
  /** Next 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Uniform integer in [0, n) for 1 <= n < 2^32: floor(nextFloat() * n), bias below n / 2^53. */
  nextInt(n: number): number;
}

/** The raw generator from an explicit 128-bit state (four uint32 words, not all zero). */
export function xoshiro128ss(state: readonly [number, number, number, number]): Rng {
  let s0 = state[0] >>> 0;
  let s1 = state[1] >>> 0;
  let s2 = state[2] >>> 0;
  let s3 = state[3] >>> 0;
  const nextUint32 = (): number => {
    const r = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return r;
  };
  const nextFloat = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;
  return { nextUint32, nextFloat, nextInt: (n) => Math.floor(nextFloat() * n) };
}

/**
 * A generator for (seed, stream): the four state words are the first four outputs of splitmix32
 * started from a mix of the seed's low and high 32 bits and the stream number.
 */
export function createRng(seed: number, stream = 0): Rng {
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  let a = (lo ^ Math.imul(hi, 0x85ebca6b) ^ Math.imul(stream + 1, 0x9e3779b9)) >>> 0;
  const splitmix32 = (): number => {
    a = (a + 0x9e3779b9) | 0;
    let t = a ^ (a >>> 16);
    t = Math.imul(t, 0x21f0aaad);
    t ^= t >>> 15;
    t = Math.imul(t, 0x735a2d97);
    return (t ^ (t >>> 15)) >>> 0;
  };
  const state: [number, number, number, number] = [splitmix32(), splitmix32(), splitmix32(), splitmix32()];
  if ((state[0] | state[1] | state[2] | state[3]) === 0) state[3] = 1;
  return xoshiro128ss(state);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
