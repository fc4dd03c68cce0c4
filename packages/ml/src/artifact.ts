import { z } from 'zod';
import { MlError } from './errors.ts';

/** The `format` field every artifact carries, and the only version this code reads and writes. */
export const ARTIFACT_FORMAT = 'alphagraph.ml.artifact';
export const ARTIFACT_FORMAT_VERSION = 1;

const finite = z.number();
const treeSchema = z
  .strictObject({
    feature: z.array(z.int().min(-1)),
    threshold: z.array(finite),
    left: z.array(z.int().min(-1)),
    right: z.array(z.int().min(-1)),
    value: z.array(finite),
    weight: z.array(finite.min(0)),
  })
  .superRefine((t, ctx) => {
    const n = t.feature.length;
    if (n === 0) ctx.addIssue({ code: 'custom', message: 'a tree needs at least one node' });
    for (const key of ['threshold', 'left', 'right', 'value', 'weight'] as const) {
      if (t[key].length !== n)
        ctx.addIssue({ code: 'custom', message: `tree.${key} has ${t[key].length} nodes, feature has ${n}` });
    }
    for (let i = 0; i < n; i++) {
      const leaf = t.feature[i] === -1;
      const l = t.left[i]!;
      const r = t.right[i]!;
      // Pre-order: children come after their parent, so prediction always terminates.
      const ok = leaf ? l === -1 && r === -1 : l > i && r > i && l < n && r < n;
      if (!ok) {
        ctx.addIssue({ code: 'custom', message: `tree node ${i} has invalid children (${l}, ${r})` });
        return;
      }
    }
  });

const modelSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('linear'),
    intercept: finite,
    coefficients: z.array(finite),
    solver: z.enum(['cholesky', 'pseudoinverse']),
  }),
  z.strictObject({
    kind: z.literal('logistic'),
    intercept: finite,
    coefficients: z.array(finite),
    iterations: z.int().min(0),
    converged: z.boolean(),
    gradientMaxAbs: finite,
  }),
  z.strictObject({
    kind: z.literal('trees'),
    trees: z.array(treeSchema).min(1),
    /** Impurity importance per feature (sums to 1, or all 0 when no tree split). */
    importance: z.array(finite),
  }),
]);

const columnSchema = z.strictObject({
  name: z.string(),
  median: finite,
  imputed: z.int().min(0),
  allMissing: z.boolean(),
});

const artifactSchema = z
  .strictObject({
    format: z.literal(ARTIFACT_FORMAT),
    formatVersion: z.literal(ARTIFACT_FORMAT_VERSION),
    task: z.enum(['classification', 'regression']),
    algorithm: z.enum(['linear_regression', 'logistic_regression', 'decision_tree', 'random_forest']),
    tier: z.enum(['LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH']),
    hyperparameters: z.record(z.string(), z.union([finite, z.string(), z.boolean(), z.null()])),
    seed: z.int(),
    trainingRows: z.int().min(1),
    featureNames: z.array(z.string()),
    /** The missing-value rule and what it did per feature (same order as featureNames). */
    imputation: z.strictObject({ rule: z.literal('median'), columns: z.array(columnSchema) }),
    model: modelSchema,
  })
  .superRefine((a, ctx) => {
    const p = a.featureNames.length;
    if (a.imputation.columns.length !== p) {
      ctx.addIssue({
        code: 'custom',
        message: `imputation has ${a.imputation.columns.length} columns for ${p} features`,
      });
    }
    const m = a.model;
    const perFeature = m.kind === 'trees' ? m.importance : m.coefficients;
    if (perFeature.length !== p) {
      ctx.addIssue({ code: 'custom', message: `model has ${perFeature.length} per-feature values for ${p} features` });
    }
    if (m.kind === 'trees') {
      for (const t of m.trees) {
        if (t.feature.some((f) => f >= p))
          ctx.addIssue({ code: 'custom', message: `a tree splits on a feature >= ${p}` });
      }
    }
  });

/**
 * A trained model, self-contained: what was trained (task, algorithm, tier, resolved
 * hyperparameters, seed), on what (feature names, row count, the missing-value rule's medians and
 * imputed counts per column), and the fitted parameters.
 */
export type ModelArtifact = z.output<typeof artifactSchema>;
export type ModelParameters = ModelArtifact['model'];
export type TreeModel = Extract<ModelParameters, { kind: 'trees' }>['trees'][number];

/**
 * Serializes an artifact as canonical JSON in UTF-8: object keys sorted by code unit, no
 * whitespace, numbers in JavaScript's shortest round-trip form. The same artifact always gives the
 * same bytes, so a sha256 of them is a reproducible checksum. Throws BAD_ARTIFACT on a non-finite number.
 */
export function serializeArtifact(a: ModelArtifact): Uint8Array {
  return new TextEncoder().encode(canonicalJson(a));
}

/**
 * Parses bytes written by `serializeArtifact` and validates them (zod: shape, format and version,
 * consistent lengths, tree children after parents). Throws BAD_ARTIFACT saying what is wrong.
 */
export function parseArtifact(bytes: Uint8Array): ModelArtifact {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (cause) {
    throw new MlError('BAD_ARTIFACT', 'model artifact is not UTF-8 JSON', { cause });
  }
  if (typeof json === 'object' && json !== null && 'formatVersion' in json) {
    const { format, formatVersion } = json as { format?: unknown; formatVersion?: unknown };
    if (format === ARTIFACT_FORMAT && formatVersion !== ARTIFACT_FORMAT_VERSION) {
      throw new MlError(
        'BAD_ARTIFACT',
        `model artifact format version ${String(formatVersion)} is not supported (this code reads ${ARTIFACT_FORMAT_VERSION})`,
      );
    }
  }
  const parsed = artifactSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new MlError('BAD_ARTIFACT', `invalid model artifact at '${issue.path.join('.')}': ${issue.message}`, {
      cause: parsed.error,
    });
  }
  return parsed.data;
}

function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'number':
      if (!Number.isFinite(value)) throw new MlError('BAD_ARTIFACT', `cannot serialize non-finite number ${value}`);
      return JSON.stringify(value);
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
      const entries = Object.entries(value as Record<string, unknown>)
        .filter(([, v]) => v !== undefined)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    default:
      throw new MlError('BAD_ARTIFACT', `cannot serialize a ${typeof value}`);
  }
}
