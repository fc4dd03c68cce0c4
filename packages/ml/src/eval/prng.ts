import { EvaluationError } from './errors.ts';

/** A seeded pseudo-random generator. */
export interface Prng {
  /** The next 32-bit output as an unsigned integer in [0, 2^32). */
  nextUint32(): number;
  /** A float in [0, 1): nextUint32() / 2^32. */
  nextFloat(): number;
}

const MASK64 = (1n << 64n) - 1n;

/**
 * SplitMix64 (Steele, Lea & Flood; Vigna's reference `splitmix64.c`): advances the state by 0x9E3779B97F4A7C15 and
 * returns the mixed 64-bit value. Used only to expand a seed into xoshiro's state, as its authors recommend.
 */
export function splitMix64(state: bigint): { state: bigint; value: bigint } {
  const next = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = next;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return { state: next, value: z ^ (z >> 31n) };
}

/**
 * xoshiro128** 1.1 (Blackman & Vigna, 2018): 128-bit state, 32-bit outputs, period 2^128 - 1. The state is filled from
 * two SplitMix64 outputs of `seed` (an integer, taken modulo 2^64): s0 = low 32 bits of the first, s1 = its high
 * 32 bits, s2/s3 likewise from the second. Deterministic across platforms; not cryptographic.
 */
export function createPrng(seed: number | bigint): Prng {
  if (typeof seed === 'number' && !Number.isSafeInteger(seed)) {
    throw new EvaluationError('INVALID_ARGUMENT', `createPrng: seed is ${seed}; it must be a safe integer`);
  }
  let sm = BigInt.asUintN(64, BigInt(seed));
  const first = splitMix64(sm);
  sm = first.state;
  const second = splitMix64(sm);
  let s0 = Number(first.value & 0xffffffffn) | 0;
  let s1 = Number(first.value >> 32n) | 0;
  let s2 = Number(second.value & 0xffffffffn) | 0;
  let s3 = Number(second.value >> 32n) | 0;
  const rotl = (x: number, k: number): number => (x << k) | (x >>> (32 - k));
  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    return result;
  };
  return { nextUint32, nextFloat: () => nextUint32() / 4294967296 };
}

/**
 * Shuffles `values` in place with Fisher-Yates (Durstenfeld): for i from length - 1 down to 1, swap i with
 * j = floor(u * (i + 1)), u = prng.nextFloat(). The bias of this index draw is below (i + 1) / 2^32, negligible here.
 */
export function shuffleInPlace(values: Float64Array | number[], prng: Prng): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(prng.nextFloat() * (i + 1));
    const v = values[i] as number;
    values[i] = values[j] as number;
    values[j] = v;
  }
}
