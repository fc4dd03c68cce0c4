import { DateTimeScalar } from '@alphagraph/server';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { rereadEnumDefaults } from './enum-defaults.ts';
import { assertNever } from './exhaustive.ts';
import { assembleService, defineModule, mergeModuleResolvers } from './modules.ts';

const scope = { identity: null, requestId: 'r1' };

describe('assembleService', () => {
  it('merges the fields of a type that several modules resolve', () => {
    const a = defineModule({ name: 'a', provider: 1, resolvers: { Query: { x: () => 1 } } });
    const b = defineModule({ name: 'b', provider: 2, resolvers: { Query: { y: () => 2 }, T: { z: () => 3 } } });
    const { resolvers, stores } = assembleService({ modules: [a, b], scalars: { DateTime: DateTimeScalar } });
    expect(Object.keys(resolvers).sort()).toEqual(['DateTime', 'Query', 'T']);
    expect(Object.keys(resolvers.Query!).sort()).toEqual(['x', 'y']);
    expect(stores).toEqual({ a: 1, b: 2 });
  });

  it('refuses two modules resolving the same field', () => {
    const a = defineModule({ name: 'a', provider: null, resolvers: { Instrument: { bars: () => [] } } });
    const b = defineModule({ name: 'b', provider: null, resolvers: { Instrument: { bars: () => [] } } });
    expect(() => assembleService({ modules: [a, b] })).toThrow('modules a and b both resolve Instrument.bars');
  });

  it('refuses a module resolving a scalar the service declares', () => {
    const a = defineModule({ name: 'a', provider: null, resolvers: { DateTime: DateTimeScalar } });
    expect(() => mergeModuleResolvers([{ name: 'scalars', resolvers: { DateTime: DateTimeScalar } }, a])).toThrow(
      'modules scalars and a both resolve DateTime',
    );
  });

  it('refuses two modules with one name, and two loaders with one name', () => {
    const a = defineModule({ name: 'a', provider: null, resolvers: {} });
    expect(() => assembleService({ modules: [a, a] })).toThrow('two modules are named a');
    const l1 = defineModule({ name: 'l1', provider: null, loaders: () => ({ byId: 1 }), resolvers: {} });
    const l2 = defineModule({ name: 'l2', provider: null, loaders: () => ({ byId: 2 }), resolvers: {} });
    expect(() => assembleService({ modules: [l1, l2] })).toThrow('modules l1 and l2 both provide the context');
  });

  it('builds every module loader afresh for each request, beside the providers', async () => {
    let built = 0;
    const m = defineModule({
      name: 'counter',
      provider: { label: 'p' },
      loaders: (s) => ({ seen: { n: ++built, requestId: s.requestId } }),
      resolvers: {},
    });
    const service = assembleService({ modules: [m] });
    const first = await service.context(scope);
    const second = await service.context({ identity: null, requestId: 'r2' });
    expect(first.stores.counter.label).toBe('p');
    expect(first.requestId).toBe('r1');
    // One probe at assembly (to find collisions), then one per request.
    expect([first.seen, second.seen]).toEqual([
      { n: 2, requestId: 'r1' },
      { n: 3, requestId: 'r2' },
    ]);
  });
});

describe('enum values', () => {
  const typeDefs = parse(`
    enum Interval { DAY HOUR }
    input Range { interval: Interval = HOUR }
    type Query { bars(interval: Interval = DAY, range: Range = {}): String }
  `);
  const resolvers = {
    Interval: { DAY: '1d', HOUR: '1h' },
    Query: {
      bars: (_r: unknown, a: { interval: string; range: { interval: string } }) => `${a.interval} ${a.range.interval}`,
    },
  };

  it('reach resolvers as domain values, whether given or defaulted', async () => {
    const schema = rereadEnumDefaults(buildSubgraphSchema({ typeDefs, resolvers }));
    const run = (source: string) => graphql({ schema, source });
    expect((await run('{ bars }')).data).toEqual({ bars: '1d 1h' });
    expect((await run('{ bars(interval: HOUR, range: { interval: DAY }) }')).data).toEqual({ bars: '1h 1d' });
  });
});

describe('enum resolvers', () => {
  it('fail the field on a domain value they do not map, where a ternary used to pick a default', async () => {
    const typeDefs = parse('enum Status { DRAFT ACTIVE DEPRECATED } type Query { status: Status }');
    const schema = buildSubgraphSchema({
      typeDefs,
      resolvers: {
        Status: { DRAFT: 'draft', ACTIVE: 'active', DEPRECATED: 'deprecated' },
        Query: { status: () => 'archived' },
      },
    });
    const result = await graphql({ schema, source: '{ status }' });
    expect(result.data).toEqual({ status: null });
    expect(result.errors?.[0]?.message).toBe('Enum "Status" cannot represent value: "archived"');
  });
});

describe('assertNever', () => {
  it('fails loudly on a value the union did not foresee', () => {
    const status = 'archived' as 'draft' | 'active';
    const name = (s: 'draft' | 'active') => {
      switch (s) {
        case 'draft':
          return 'DRAFT';
        case 'active':
          return 'ACTIVE';
        default:
          return assertNever(s, 'feature status');
      }
    };
    expect(() => name(status)).toThrow('unexpected feature status: "archived"');
  });
});
