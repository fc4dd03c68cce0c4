import { z } from 'zod';
import { createPrng } from '../eval/prng.ts';
import { DriftError } from './errors.ts';
import { countAtMost, quantileLinear, splitFinite } from './internal/sorted.ts';

export const PROFILE_FORMAT_VERSION = 1;
export const DEFAULT_PROFILE_BINS = 10;
export const DEFAULT_PROFILE_SAMPLE_SIZE = 5000;

/**
 * The training-time distribution of one numeric column (a feature or the prediction), fixed when a model version is
 * trained and stored as plain JSON (Postgres jsonb). Every number is finite: the open outer edges are null.
 *
 * PSI bins. Interior edges are the k/bins quantiles (k = 1 .. bins - 1) of the finite reference values with numpy's
 * default 'linear' interpolation, deduplicated (a value repeated by a point mass gives one edge). `edges` is
 * [null, e_1, ..., e_m, null], null standing for -Infinity first and +Infinity last, so there are m + 1 bins. Bin i
 * is [edges[i], edges[i + 1]): left-closed and right-open, the first bin (-Infinity, e_1) and the last [e_m, +Infinity).
 * A value x therefore falls in bin #{ interior edges <= x } (numpy `searchsorted(interior, x, side='right')`).
 * A constant reference c leaves one interior edge, c: bins (-Infinity, c) (empty) and [c, +Infinity).
 */
export interface ReferenceProfile {
  readonly version: typeof PROFILE_FORMAT_VERSION;
  /** Number of finite reference values. */
  readonly count: number;
  /** Reference values that were NaN or ±Infinity (missing), not counted anywhere else. */
  readonly missing: number;
  /** Mean of the finite values. */
  readonly mean: number;
  /** Population standard deviation (ddof 0, numpy's np.std) of the finite values, as Evidently norms Wasserstein. */
  readonly std: number;
  /** Bins requested (the quantile count); edges may hold fewer after deduplication. */
  readonly bins: number;
  /** [null, interior edges ascending..., null]: see the type's comment for the rule. */
  readonly edges: readonly (number | null)[];
  /** Share of the finite reference values in each bin (edges.length - 1 entries, sum 1). */
  readonly proportions: readonly number[];
  /** Seed of the sample draw (see referenceProfile). */
  readonly seed: number;
  /** At most sampleSize finite reference values, ascending: all of them when count <= sampleSize. */
  readonly sample: readonly number[];
}

export interface ReferenceProfileOptions {
  /** Quantile bins for PSI. Default 10 (deciles); an integer from 1 to 1000. */
  readonly bins?: number;
  /** Largest sample kept for KS and Wasserstein. Default 5,000. */
  readonly sampleSize?: number;
  /** Seed of the xoshiro128** generator that draws the sample (createPrng). Default 0. */
  readonly seed?: number;
}

/**
 * Builds the reference profile of a training column. Non-finite values count as missing. When there are more finite
 * values than `sampleSize`, the sample is drawn without replacement by a partial Fisher-Yates pass over the values
 * in input order (for i < sampleSize swap i with i + floor(u (count - i)), u from createPrng(seed)), then sorted: the
 * same values, order and seed always give the same profile.
 */
export function referenceProfile(values: ArrayLike<number>, options: ReferenceProfileOptions = {}): ReferenceProfile {
  const bins = options.bins ?? DEFAULT_PROFILE_BINS;
  const sampleSize = options.sampleSize ?? DEFAULT_PROFILE_SAMPLE_SIZE;
  const seed = options.seed ?? 0;
  if (!Number.isInteger(bins) || bins < 1 || bins > 1000) {
    throw new DriftError('INVALID_OPTION', `referenceProfile: bins is ${bins}; it must be an integer from 1 to 1000`);
  }
  if (!Number.isInteger(sampleSize) || sampleSize < 1) {
    throw new DriftError('INVALID_OPTION', `referenceProfile: sampleSize is ${sampleSize}; it must be an integer >= 1`);
  }
  if (!Number.isSafeInteger(seed) || seed < 0) {
    throw new DriftError('INVALID_OPTION', `referenceProfile: seed is ${seed}; it must be a non-negative integer`);
  }
  if (values.length === 0) throw new DriftError('EMPTY_INPUT', 'referenceProfile: the reference column is empty');
  const { finite, missing } = splitFinite(values);
  if (finite.length === 0) {
    throw new DriftError(
      'NO_FINITE_VALUES',
      `referenceProfile: all ${values.length} reference values are missing (NaN or infinite); nothing to profile`,
    );
  }
  const sample = drawSample(finite, sampleSize, seed);
  const sorted = finite.slice().sort();
  const interior: number[] = [];
  for (let k = 1; k < bins; k++) {
    const edge = quantileLinear(sorted, k / bins);
    if (interior.length === 0 || edge > interior[interior.length - 1]!) interior.push(edge);
  }
  const counts = new Array<number>(interior.length + 1).fill(0);
  for (const v of sorted) counts[countAtMost(interior, v)]!++;
  const n = sorted.length;
  let sum = 0;
  for (const v of sorted) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of sorted) squares += (v - mean) * (v - mean);
  return {
    version: PROFILE_FORMAT_VERSION,
    count: n,
    missing,
    mean,
    std: Math.sqrt(squares / n),
    bins,
    edges: [null, ...interior, null],
    proportions: counts.map((c) => c / n),
    seed,
    sample: Array.from(sample),
  };
}

function drawSample(finite: Float64Array, size: number, seed: number): Float64Array {
  if (finite.length <= size) return finite.slice().sort();
  const pool = finite.slice();
  const prng = createPrng(seed);
  for (let i = 0; i < size; i++) {
    const j = i + Math.floor(prng.nextFloat() * (pool.length - i));
    const v = pool[i]!;
    pool[i] = pool[j]!;
    pool[j] = v;
  }
  return pool.slice(0, size).sort();
}

/** The interior edges of a profile (its edges without the two null ends). */
export function interiorEdges(profile: ReferenceProfile): number[] {
  return profile.edges.slice(1, -1) as number[];
}

const finite = z.number().refine(Number.isFinite, 'must be finite');

const profileSchema = z
  .object({
    version: z.literal(PROFILE_FORMAT_VERSION),
    count: z.int().min(1),
    missing: z.int().min(0),
    mean: finite,
    std: finite.refine((s) => s >= 0, 'must be >= 0'),
    bins: z.int().min(1).max(1000),
    edges: z.array(finite.nullable()).min(2),
    proportions: z.array(finite.refine((p) => p >= 0 && p <= 1, 'must be in [0, 1]')),
    seed: z.int().min(0),
    sample: z.array(finite).min(1),
  })
  .superRefine((p, ctx) => {
    const last = p.edges.length - 1;
    p.edges.forEach((e, i) => {
      const outer = i === 0 || i === last;
      if (outer !== (e === null))
        ctx.addIssue({ code: 'custom', path: ['edges', i], message: 'only the ends are null' });
      const prev = p.edges[i - 1];
      if (!outer && i > 1 && typeof prev === 'number' && (e as number) <= prev) {
        ctx.addIssue({ code: 'custom', path: ['edges', i], message: 'interior edges must increase strictly' });
      }
    });
    if (p.proportions.length !== last) {
      ctx.addIssue({ code: 'custom', path: ['proportions'], message: `needs ${last} entries, one per bin` });
    }
    if (p.sample.length > p.count) ctx.addIssue({ code: 'custom', path: ['sample'], message: 'longer than count' });
    if (p.sample.some((v, i) => i > 0 && v < p.sample[i - 1]!)) {
      ctx.addIssue({ code: 'custom', path: ['sample'], message: 'must be ascending' });
    }
  });

/** Reads a stored profile back (e.g. from jsonb), checking every field; throws DriftError BAD_PROFILE otherwise. */
export function parseProfile(json: unknown): ReferenceProfile {
  const parsed = profileSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new DriftError('BAD_PROFILE', `parseProfile: not a reference profile v${PROFILE_FORMAT_VERSION}: ${issues}`, {
      cause: parsed.error,
    });
  }
  return parsed.data as ReferenceProfile;
}
