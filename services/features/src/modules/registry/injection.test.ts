import { readFileSync } from 'node:fs';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';

interface Case {
  readonly surface: 'expression' | 'symbol' | 'feature-name' | 'feature-ref';
  readonly input?: string;
  readonly generate?: { kind: 'parentheses' | 'nested-mean' | 'negations'; depth: number };
  readonly note: string;
}

const corpus: { cases: Case[] } = JSON.parse(
  readFileSync(new URL('../../test-support/injection-corpus.json', import.meta.url), 'utf8'),
);

function inputOf(c: Case): string {
  if (c.input !== undefined) return c.input;
  const { kind, depth } = c.generate!;
  if (kind === 'parentheses') return `${'('.repeat(depth)}$close${')'.repeat(depth)}`;
  if (kind === 'negations') return `${'-'.repeat(depth).split('').join(' ')} $close`;
  let e = '$close';
  for (let i = 0; i < depth; i++) e = `Mean(${e}, 2)`;
  return e;
}

const CODES = ['BAD_EXPRESSION', 'BAD_INPUT', 'NOT_FOUND'];

describe.each(testDatabaseKinds())('the injection corpus through the features service on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('holds at least 50 attempts', () => {
    expect(corpus.cases.length).toBeGreaterThanOrEqual(50);
  });

  it.each(corpus.cases.map((c, i) => [i, c.surface, c.note, c] as const))(
    '%i: refuses the %s attempt (%s) with a clear error',
    async (i, _surface, _note, c) => {
      const input = inputOf(c);
      const define = (overrides: Record<string, unknown>) =>
        h.gql(['researcher'], DEFINE, {
          i: { name: `inj_${i}`, expression: '$close', description: 'injection', ttlSeconds: 86_400, ...overrides },
        });
      const results =
        c.surface === 'expression'
          ? [(await define({ expression: input })).data?.defineFeature]
          : c.surface === 'feature-name'
            ? [(await define({ name: input })).data?.defineFeature]
            : c.surface === 'symbol'
              ? [
                  (await define({ universe: [input] })).data?.defineFeature,
                  (
                    await h.gql(['researcher'], MATERIALIZE, {
                      i: { features: ['inj_probe'], universe: [input], mode: 'INCREMENTAL', waitSeconds: 0 },
                    })
                  ).data?.materializeFeatures,
                ]
              : [
                  (
                    await h.gql(['researcher'], MATERIALIZE, {
                      i: { features: [input], universe: ['AAA'], mode: 'INCREMENTAL', waitSeconds: 0 },
                    })
                  ).data?.materializeFeatures,
                ];
      for (const result of results) {
        expect(result, 'an answer, not a GraphQL error').toBeTruthy();
        expect(result.ok).toBe(false);
        expect(CODES).toContain(result.error.code);
        expect(result.error.message.length).toBeGreaterThan(10);
        expect(result.error.message).not.toMatch(/internal|duckdb|postgres|syntax error at/i);
      }
    },
  );

  it('stored nothing and still answers afterwards', async () => {
    const read = await h.gql(['analyst'], '{ features { ref lookback } }');
    expect(read.errors).toBeUndefined();
    expect(read.data.features.filter((f: { ref: string }) => f.ref.startsWith('inj_'))).toEqual([]);
  });
});
