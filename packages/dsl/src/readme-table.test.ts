import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { operatorCatalogue, operatorTableMarkdown } from './operators.ts';
import { README_PATH, readmeOperatorTable, tableCells } from './readme-table.ts';

describe("the README's operator table", () => {
  it('is the table generated from the operators (run `npx tsx packages/dsl/src/readme-table.ts` after changing one)', () => {
    const readme = readmeOperatorTable(readFileSync(README_PATH, 'utf8'));
    const generated = tableCells(operatorTableMarkdown());
    expect(generated).toHaveLength(1 + operatorCatalogue().length);
    expect(tableCells(readme)).toEqual(generated);
  });

  it('reads cells whatever their padding, escaped pipes kept in their cell', () => {
    expect(tableCells('| a   | b \\| c |\n| --- | :-: |\n|  x | y |')).toEqual([
      ['a', 'b \\| c'],
      ['x', 'y'],
    ]);
  });
});
