import { createGraphQLError } from '@graphql-tools/utils';
import { buildSchema, type FieldNode, parse, visit } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type Denial, placeDenials } from './denials.ts';

const schema = buildSchema(`
  type Feature { ref: String! expression: String }
  type Bar { close: Float! }
  type Instrument {
    symbol: String!
    features: [Feature!]
    models: [String!]
    bars: [Bar!]!
  }
  type Query { instrument(symbol: String!): Instrument instruments: [Instrument!]! audit: [String!]! }
`);

/** The scope generic-auth leaves: every field named `Type.field` in `denied` refused, without a path. */
function scopeFor(query: string, denied: string[], variables: Record<string, unknown> = {}) {
  const document = parse(query);
  const denials: Denial[] = [];
  // Type of each field by name: enough for this schema, where field names are unique per type.
  const owner = (name: string) =>
    ['Feature', 'Bar', 'Instrument', 'Query'].find((t) => name in (schema.getType(t) as any).getFields())!;
  visit(document, {
    Field(node: FieldNode) {
      const coordinate = `${owner(node.name.value)}.${node.name.value}`;
      if (denied.includes(coordinate)) {
        denials.push({
          node,
          error: createGraphQLError(`${coordinate} requires role analyst; you have viewer`, {
            nodes: [node],
            extensions: { code: 'FORBIDDEN' },
          }),
        });
      }
    },
  });
  return { schema, document, operationName: undefined, variables, denials };
}

const paths = (errors: readonly { path?: readonly (string | number)[] | undefined }[]) => errors.map((e) => e.path);

describe('placing denied fields in the answer', () => {
  it('puts a denied field under a list as null in every element, with an error at each path', () => {
    const scope = scopeFor('{ instrument(symbol: "AAPL") { symbol features { ref expression } } }', [
      'Feature.expression',
    ]);
    const data = { instrument: { symbol: 'AAPL', features: [{ ref: 'a@1' }, { ref: 'b@1' }] } };
    const out = placeDenials(
      scope,
      data,
      scope.denials.map((d) => d.error),
    );
    expect(out.data).toEqual({
      instrument: {
        symbol: 'AAPL',
        features: [
          { ref: 'a@1', expression: null },
          { ref: 'b@1', expression: null },
        ],
      },
    });
    expect(paths(out.errors)).toEqual([
      ['instrument', 'features', 0, 'expression'],
      ['instrument', 'features', 1, 'expression'],
    ]);
    expect(out.errors[0]!.message).toBe('Feature.expression requires role analyst; you have viewer');
  });

  it('keeps the query order of keys and places a fragment used twice at both places', () => {
    const scope = scopeFor(
      '{ a: instrument(symbol: "AAPL") { ...F } b: instrument(symbol: "MSFT") { ...F } } fragment F on Instrument { models symbol }',
      ['Instrument.models'],
    );
    const data = { a: { symbol: 'AAPL' }, b: { symbol: 'MSFT' } };
    const out = placeDenials(
      scope,
      data,
      scope.denials.map((d) => d.error),
    );
    expect(JSON.stringify(out.data)).toBe('{"a":{"models":null,"symbol":"AAPL"},"b":{"models":null,"symbol":"MSFT"}}');
    expect(paths(out.errors)).toEqual([
      ['a', 'models'],
      ['b', 'models'],
    ]);
  });

  it('nulls the nearest nullable parent of a denied non-null field, as null propagation does', () => {
    const scope = scopeFor('{ instrument(symbol: "AAPL") { symbol bars { close } } }', ['Instrument.bars']);
    const out = placeDenials(
      scope,
      { instrument: { symbol: 'AAPL' } },
      scope.denials.map((d) => d.error),
    );
    expect(out.data).toEqual({ instrument: null });
    expect(paths(out.errors)).toEqual([['instrument', 'bars']]);
    const root = scopeFor('{ audit instrument(symbol: "AAPL") { symbol } }', ['Query.audit']);
    const rootOut = placeDenials(
      root,
      { instrument: { symbol: 'AAPL' } },
      root.denials.map((d) => d.error),
    );
    expect(rootOut.data).toBeNull();
    expect(paths(rootOut.errors)).toEqual([['audit']]);
  });

  it('nulls a field whose every subfield was denied, and reports them at its path', () => {
    const scope = scopeFor('{ instrument(symbol: "AAPL") { symbol features { expression } } }', ['Feature.expression']);
    // generic-auth took `features` out with its only subfield.
    const out = placeDenials(
      scope,
      { instrument: { symbol: 'AAPL' } },
      scope.denials.map((d) => d.error),
    );
    expect(out.data).toEqual({ instrument: { symbol: 'AAPL', features: null } });
    expect(paths(out.errors)).toEqual([['instrument', 'features']]);
  });

  it('reports a denial with no place in the answer once, without a path, and keeps other errors', () => {
    const scope = scopeFor('{ instruments { features { ref expression } } }', ['Feature.expression']);
    const other = createGraphQLError('features is unavailable', { path: ['instruments', 0, 'features'] });
    const out = placeDenials(scope, { instruments: [{ features: null }] }, [
      other,
      ...scope.denials.map((d) => d.error),
    ]);
    expect(out.data).toEqual({ instruments: [{ features: null }] });
    expect(paths(out.errors)).toEqual([['instruments', 0, 'features'], undefined]);
  });

  it('leaves out a denied field that @skip excludes', () => {
    const scope = scopeFor(
      'query($s: Boolean!) { instrument(symbol: "AAPL") { symbol models @skip(if: $s) } }',
      ['Instrument.models'],
      {
        s: true,
      },
    );
    const out = placeDenials(
      scope,
      { instrument: { symbol: 'AAPL' } },
      scope.denials.map((d) => d.error),
    );
    expect(out.data).toEqual({ instrument: { symbol: 'AAPL' } });
  });
});
