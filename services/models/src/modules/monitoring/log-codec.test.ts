import { describe, expect, it } from 'vitest';
import { decodeSets, encodeSets } from './log-codec.ts';
import type { LoggedSet } from './prediction-log.ts';

const production: LoggedSet = {
  version: 3,
  stage: 'production',
  features: ['ret_5@1', 'vol_20@2'],
  entities: ['AAPL', 'MSFT', 'XOM'],
  t: ['2018-02-08T21:00:00.000Z', '2018-02-08T21:00:00.000Z', '2018-02-08T21:00:00.000Z'],
  predictions: [1, null, 0],
  probabilities: [0.73, null, 0.1],
  statuses: ['OK', 'FEATURE_MISSING', 'OK'],
  vectors: [[0.015, -1.25e-7], null, [null, 3]],
};
const canary: LoggedSet = {
  version: 4,
  stage: 'canary',
  features: ['ret_5@1'],
  entities: ['AAPL', 'XOM'],
  t: ['2018-02-07T21:00:00.000Z', '2018-02-08T21:00:00.000Z'],
  predictions: [0.5, -0.25],
  probabilities: [null, null],
  statuses: ['OK', 'OK'],
  vectors: [[Number.MAX_VALUE], [-0]],
};

describe('the prediction log codec', () => {
  it('gives back every value, null and instant it was given, set by set', () => {
    const bytes = encodeSets([production, canary]);
    // Read from an odd offset, as a driver's pooled buffer may hand it over.
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const [p, c] = decodeSets(shifted.subarray(3));
    expect(p).toMatchObject({
      version: 3,
      stage: 'production',
      features: production.features,
      entities: production.entities,
    });
    expect(p!.t).toEqual(production.t);
    expect(p!.statuses).toEqual(production.statuses);
    expect([...p!.predictions]).toEqual([1, Number.NaN, 0]);
    expect([...p!.probabilities]).toEqual([0.73, Number.NaN, 0.1]);
    expect([...p!.hasVector]).toEqual([1, 0, 1]);
    expect([...p!.vectors]).toEqual([0.015, -1.25e-7, Number.NaN, Number.NaN, Number.NaN, 3]);
    expect(c!.t).toEqual(canary.t);
    expect([...c!.vectors]).toEqual([Number.MAX_VALUE, -0]);
    expect([...c!.hasVector]).toEqual([1, 1]);
  });

  it('encodes the same predictions to the same bytes, and other predictions to other bytes', () => {
    const a = encodeSets([production]);
    expect(encodeSets([{ ...production }]).equals(a)).toBe(true);
    expect(encodeSets([{ ...production, predictions: [1, null, 1] }]).equals(a)).toBe(false);
    expect(encodeSets([{ ...production, vectors: [[0.015, -1.25e-7], null, [null, 3.0000001]] }]).equals(a)).toBe(
      false,
    );
    // Far smaller than the JSON it replaces once vectors are long.
    const entities = Array.from({ length: 100 }, (_, i) => `S${i}`);
    const wide: LoggedSet = {
      version: 1,
      stage: 'production',
      features: Array.from({ length: 50 }, (_, j) => `alpha_${j}@1`),
      entities,
      t: entities.map(() => '2018-02-08T21:00:00.000Z'),
      predictions: entities.map((_, i) => Math.cos(i)),
      probabilities: entities.map(() => null),
      statuses: entities.map(() => 'OK'),
      vectors: entities.map((_, i) => Array.from({ length: 50 }, (_, j) => Math.sin(i * 50 + j))),
    };
    expect(encodeSets([wide]).length).toBeLessThan(JSON.stringify(wide).length / 2);
  });
});
