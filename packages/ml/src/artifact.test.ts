import { describe, expect, it } from 'vitest';
import { MlError, type ModelArtifact, parseArtifact, predict, serializeArtifact, train } from './index.ts';
import { f64, m, names } from './test-support/fixtures.ts';

const rows = Array.from({ length: 80 }, (_, i) => [Math.sin(i), Math.cos(i * 0.7), i % 5]);
const y = f64(rows.map(([a, b]) => (a! + b! > 0 ? 1 : 0)));
const forest = train({
  task: 'classification',
  algorithm: 'random_forest',
  hyperparameters: { nTrees: 4, maxDepth: 3 },
  seed: 5,
  featureNames: names(3),
  X: m(rows),
  y,
});

function codeOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof MlError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error('expected an MlError');
}

function tampered(change: (json: any) => void): Uint8Array {
  const json = JSON.parse(new TextDecoder().decode(serializeArtifact(forest)));
  change(json);
  return new TextEncoder().encode(JSON.stringify(json));
}

describe('artifact bytes', () => {
  it('canonical JSON: sorted keys at every level, no whitespace, format and version fields', () => {
    const text = new TextDecoder().decode(serializeArtifact(forest));
    expect(
      text.startsWith(
        '{"algorithm":"random_forest","featureNames":["f0","f1","f2"],"format":"alphagraph.ml.artifact","formatVersion":1,',
      ),
    ).toBe(true);
    expect(text).not.toMatch(/\s/);
    const sortedKeys = (v: unknown): boolean =>
      Array.isArray(v)
        ? v.every(sortedKeys)
        : typeof v === 'object' && v !== null
          ? Object.keys(v).join() === Object.keys(v).sort().join() && Object.values(v).every(sortedKeys)
          : true;
    expect(sortedKeys(JSON.parse(text))).toBe(true);
  });

  it('key order of the input object does not matter', () => {
    const reversed = Object.fromEntries(Object.entries(forest).reverse()) as ModelArtifact;
    expect(serializeArtifact(reversed)).toEqual(serializeArtifact(forest));
  });

  it('round trip: parse(serialize(a)) serializes to the same bytes and predicts the same', () => {
    const bytes = serializeArtifact(forest);
    const parsed = parseArtifact(bytes);
    expect(serializeArtifact(parsed)).toEqual(bytes);
    expect(predict(parsed, m(rows))).toEqual(predict(forest, m(rows)));
  });

  it('BAD_ARTIFACT: not JSON, another format version (named), missing fields, a tree cycle, wrong lengths', () => {
    expect(codeOf(() => parseArtifact(new Uint8Array([0xff, 0xfe]))).code).toBe('BAD_ARTIFACT');
    const version = codeOf(() => parseArtifact(tampered((j) => (j.formatVersion = 2))));
    expect(version).toEqual({ code: 'BAD_ARTIFACT', message: expect.stringContaining('format version 2') });
    expect(codeOf(() => parseArtifact(tampered((j) => delete j.imputation))).code).toBe('BAD_ARTIFACT');
    const cycle = codeOf(() => parseArtifact(tampered((j) => (j.model.trees[0].left[0] = 0))));
    expect(cycle.message).toContain('invalid children');
    expect(codeOf(() => parseArtifact(tampered((j) => j.model.trees[0].value.pop()))).code).toBe('BAD_ARTIFACT');
    expect(codeOf(() => parseArtifact(tampered((j) => j.featureNames.push('extra')))).code).toBe('BAD_ARTIFACT');
    expect(codeOf(() => parseArtifact(tampered((j) => (j.model.trees[0].feature[0] = 7)))).code).toBe('BAD_ARTIFACT');
  });

  it('refuses to serialize a non-finite number', () => {
    const broken = { ...forest, seed: Number.NaN } as ModelArtifact;
    expect(codeOf(() => serializeArtifact(broken)).code).toBe('BAD_ARTIFACT');
  });
});
