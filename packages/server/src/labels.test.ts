import { describe, expect, it } from 'vitest';
import { boundedLabels, DEFAULT_MAX_LABEL_VALUES } from './labels.ts';

describe('boundedLabels', () => {
  it('keeps the first 200 distinct values and folds every later new one into `other`', () => {
    const label = boundedLabels();
    expect(DEFAULT_MAX_LABEL_VALUES).toBe(200);
    const names = Array.from({ length: 1000 }, (_, i) => `Op${i}`);
    const out = names.map(label);
    expect(out.slice(0, 200)).toEqual(names.slice(0, 200));
    expect(new Set(out.slice(200))).toEqual(new Set(['other']));
    // 201 distinct values at most, however many were sent.
    expect(new Set(out).size).toBe(201);
  });

  it('still answers a value it kept after the cap is reached', () => {
    const label = boundedLabels({ max: 2, other: 'rest' });
    expect(['A', 'B', 'C', 'A', 'B', 'D', 'C'].map(label)).toEqual(['A', 'B', 'rest', 'A', 'B', 'rest', 'rest']);
  });

  it('refuses a cap that is not a whole number', () => {
    expect(() => boundedLabels({ max: -1 })).toThrow(/max/);
    expect(() => boundedLabels({ max: 1.5 })).toThrow(/max/);
  });
});
