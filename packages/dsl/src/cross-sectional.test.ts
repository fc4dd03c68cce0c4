import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluate, openTestDuck, type TestDuck } from './test-support/duck.ts';

/**
 * A 3-entity universe over 3 days:
 *   day 0: A 1, B 3, C 2      day 1: all 5      day 2: A 2, B null, C 7
 */
const universe = { A: { close: [1, 5, 2] }, B: { close: [3, 5, null] }, C: { close: [2, 5, 7] } };
const _ = null;

let duck: TestDuck;
beforeAll(async () => {
  duck = await openTestDuck();
});
afterAll(() => duck?.close());

function expectColumn(actual: Record<string, (number | null)[]>, expected: Record<string, (number | null)[]>) {
  for (const [entity, values] of Object.entries(expected)) {
    values.forEach((want, i) => {
      const got = actual[entity]![i];
      if (want === null) expect(got, `${entity} row ${i}`).toBeNull();
      else expect(got, `${entity} row ${i}`).toBeCloseTo(want, 12);
    });
  }
}

describe('cross-sectional operators', () => {
  it('CSRank ranks each time across the universe, ties averaged, nulls left out', async () => {
    const { values } = await evaluate(duck, { v: 'CSRank($close)' }, universe);
    // day 1: three-way tie at 5 -> average rank 2 of 3; day 2: B is null, A and C rank 1 and 2 of 2
    expectColumn(values.v!, { A: [1 / 3, 2 / 3, 1 / 2], B: [1, 2 / 3, _], C: [2 / 3, 2 / 3, 1] });
  });

  it('CSZScore standardises across the universe with ddof 1, null for a zero spread', async () => {
    const { values } = await evaluate(duck, { v: 'CSZScore($close)' }, universe);
    // day 0: mean 2, std 1; day 1: std 0; day 2: mean 4.5, std sqrt(12.5)
    const z = 2.5 / Math.sqrt(12.5);
    expectColumn(values.v!, { A: [-1, _, -z], B: [1, _, _], C: [0, _, z] });
  });

  it('nests with time-series operators in either order', async () => {
    const { values, compiled } = await evaluate(
      duck,
      {
        rankOfMean: 'CSRank(Mean($close, 2))',
        meanOfRank: 'Mean(CSRank($close), 2)',
        both: 'CSZScore(Delta(CSRank($close), 1))',
      },
      universe,
    );
    // Mean($close, 2): A [1, 3, 3.5], B [3, 4, 5], C [2, 3.5, 6]
    expectColumn(values.rankOfMean!, { A: [1 / 3, 1 / 3, 1 / 3], B: [1, 1, 2 / 3], C: [2 / 3, 2 / 3, 1] });
    // CSRank: A [1/3, 2/3, 1/2], B [1, 2/3, null], C [2/3, 2/3, 1]
    expectColumn(values.meanOfRank!, { A: [1 / 3, 1 / 2, 7 / 12], B: [1, 5 / 6, 2 / 3], C: [2 / 3, 2 / 3, 5 / 6] });
    // Delta(CSRank, 1): day 1 A 1/3, B -1/3, C 0 -> z-scores 1, -1, 0; day 2 A -1/6, C 1/3 -> -1/sqrt2, 1/sqrt2
    expectColumn(values.both!, { A: [_, 1, -Math.SQRT1_2], B: [_, -1, _], C: [_, 0, Math.SQRT1_2] });
    expect(compiled.sql).toMatch(/win3_time AS/);
  });

  it('stamps a cross-sectional value with the latest availability in the cross-section', async () => {
    // C's day-1 row arrives at 23:30 instead of 22:00; every entity's rank that day used it.
    const { availableAt } = await evaluate(duck, { v: 'CSRank($close)', own: '$close' }, universe, {
      availableAt: { C: [22, 23.5, 22] },
    });
    const hours = (d: Date) => d.getUTCHours() + d.getUTCMinutes() / 60;
    expect(availableAt.A!.map(hours)).toEqual([22, 23.5, 22]);
    expect(availableAt.B!.map(hours)).toEqual([22, 23.5, 22]);
  });
});
