import { buildASTSchema, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  checkOperationLimits,
  costAnnotationsFromSdl,
  countTokens,
  DEFAULT_OPERATION_LIMITS,
  measureOperation,
} from './limits.ts';

const SDL = parse(/* GraphQL */ `
  directive @cost(weight: Int!) on FIELD_DEFINITION
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!]) on FIELD_DEFINITION
  type Bar { close: Float }
  type BarEdge { node: Bar! }
  type BarConnection { edges: [BarEdge!]! }
  type Instrument {
    symbol: String!
    bars(last: Int): [Bar!]! @listSize(slicingArguments: ["last"], assumedSize: 2500)
    peers: [Instrument!]!
  }
  type Report { rows: Int }
  type Query {
    instrument(symbol: String!): Instrument
    bars(symbols: [String!]!, first: Int = 1000): BarConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"])
    quality: Report! @cost(weight: 5000)
  }
`);
const schema = buildASTSchema(SDL);
const annotations = costAnnotationsFromSdl(SDL);
const measure = (query: string, variables?: Record<string, unknown>) =>
  measureOperation({ schema, document: parse(query), variables, annotations });

describe('measureOperation', () => {
  it('costs objects 1 each, scalars 0, lists by their slicing argument, assumed size or 10 (hand-checked)', () => {
    // instrument 1 + bars(last: 3) 3 × 1
    expect(measure('{ instrument(symbol: "A") { symbol bars(last: 3) { close } } }').cost).toBe(4);
    // no `last`: the assumed 2,500
    expect(measure('{ instrument(symbol: "A") { bars { close } } }').cost).toBe(2501);
    // peers has no @listSize: 10 × (1 + 3)
    expect(measure('{ instrument(symbol: "A") { peers { bars(last: 3) { close } } } }').cost).toBe(1 + 10 * 4);
    // a variable as the slicing argument
    expect(measure('query ($n: Int) { instrument(symbol: "A") { bars(last: $n) { close } } }', { n: 7 }).cost).toBe(8);
  });

  it('sizes a connection’s edges by its slicing argument, defaulting to the argument’s default', () => {
    // connection 1 + edges 20 × (edge 1 + node 1)
    expect(measure('{ bars(symbols: ["A"], first: 20) { edges { node { close } } } }').cost).toBe(41);
    expect(measure('{ bars(symbols: ["A"]) { edges { node { close } } } }').cost).toBe(2001);
  });

  it('weighs a field by @cost', () => {
    expect(measure('{ a: quality { rows } b: quality { rows } }').cost).toBe(10_000);
  });

  it('counts fragments once each: 40 doubling fragments measure 2^40 fields without expanding them', () => {
    const fragments = ['fragment F0 on Query { instrument(symbol: "A") { symbol } }'];
    for (let i = 1; i <= 40; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
    const m = measure(`{ ...F40 }\n${fragments.join('\n')}`);
    expect(m.fields).toBe(2 ** 41);
    expect(m.rootFields).toBe(2 ** 40);
    expect(m.depth).toBe(2);
    expect(checkOperationLimits(m, DEFAULT_OPERATION_LIMITS)?.extensions).toMatchObject({ limit: 'maxFields' });
  });

  it('survives a fragment cycle (the validator reports it)', () => {
    expect(() => measure('{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }')).not.toThrow();
  });

  it('counts depth, aliases and directives', () => {
    const m = measure('{ x: instrument(symbol: "A") @skip(if: false) { y: peers { symbol @include(if: true) } } }');
    expect(m).toMatchObject({ depth: 3, aliases: 2, directives: 2, rootFields: 1 });
  });
});

describe('countTokens', () => {
  it('counts lexical tokens, comments aside, and stops one past the limit', () => {
    expect(countTokens('{ a(b: 1) } # comment', 100)).toBe(8);
    expect(countTokens('{ a a a a a a a a }', 3)).toBe(4);
  });
});
