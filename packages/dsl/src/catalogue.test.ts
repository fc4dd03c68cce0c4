import { describe, expect, it } from 'vitest';
import { checkExpression, MARKET_FIELDS } from './check.ts';
import { editDistance } from './internal/closest.ts';
import { OPERATORS, operatorCatalogue, operatorTableMarkdown } from './operators.ts';
import { parseExpression } from './parse.ts';

const fields = {
  ...Object.fromEntries(MARKET_FIELDS.map((f) => [f, { dataset: 'market' }])),
  // AsOf's example reads an alternative dataset's field as an as-of series.
  'vendor.sentiment': { dataset: 'vendor', eventTime: true },
};

describe('the operator catalogue', () => {
  it('lists every operator called by name once, with a signature, a meaning, a null rule and an example', () => {
    const catalogue = operatorCatalogue();
    const called = catalogue.filter((o) => o.kind !== 'infix').map((o) => o.name);
    expect(called).toEqual([...OPERATORS.keys()]);
    expect(catalogue.find((o) => o.name === 'Quantile')).toEqual({
      name: 'Quantile',
      kind: 'rolling',
      signature: 'Quantile(series, window, quantile)',
      meaning: 'q-quantile of the window (0 < q < 1), linear interpolation at (n-1)q (pandas default)',
      nulls: 'no non-null value in the window',
      example: 'Quantile($close, 20, 0.8)',
    });
    for (const o of catalogue) {
      expect(o.meaning.length, o.name).toBeGreaterThan(0);
      expect(o.nulls.length, o.name).toBeGreaterThan(0);
    }
  });

  it('gives examples that are valid features and use their operator', () => {
    for (const o of operatorCatalogue()) {
      expect(() => checkExpression(parseExpression(o.example), { fields, mode: 'feature' }), o.example).not.toThrow();
      if (o.kind !== 'infix') expect(o.example, o.name).toContain(`${o.name}(`);
    }
  });

  it('renders as a Markdown table, one row per operator, pipes escaped', () => {
    const lines = operatorTableMarkdown().split('\n');
    expect(lines[0]).toBe('| Operator | Value | Null when | Example |');
    expect(lines).toHaveLength(2 + operatorCatalogue().length);
    expect(lines).toContain(
      '| `Ref(series, offset)` | x k rows back (k < 0: -k rows ahead, labels only; 0 is refused) | no such row | `Ref($close, 1)` |',
    );
    expect(lines.at(-1)).toBe(
      '| `(c1) & (c2)` | both / either condition; a comparison beside them needs parentheses | never | `($close > $open) & ($volume > Mean($volume, 5))` |',
    );
  });
});

describe('edit distance', () => {
  it.each([
    ['ref', 'ref', 0],
    ['reff', 'ref', 1],
    ['stdd', 'std', 1],
    ['ca', 'ac', 1],
    ['mena', 'mean', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s -> %s is %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });
});
