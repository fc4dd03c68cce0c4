import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { operatorTableMarkdown } from './operators.ts';

/**
 * The README's operator table is generated from the operator table (operators.ts) between these
 * markers; readme-table.test.ts fails when they drift. Regenerate with
 * `npx tsx packages/dsl/src/readme-table.ts`.
 */
export const TABLE_BEGIN = '<!-- operators:begin (generated: npx tsx packages/dsl/src/readme-table.ts) -->';
export const TABLE_END = '<!-- operators:end -->';

export const README_PATH = fileURLToPath(new URL('../../../README.md', import.meta.url));

/**
 * A Markdown table's cells, trimmed, separator row dropped: the table whatever padding a formatter
 * (biome formats the README) gave it.
 */
export function tableCells(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.trim().startsWith('|') && !/^\|[\s|:-]+\|$/.test(line.trim()))
    .map((line) =>
      line
        .trim()
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((cell) => cell.trim()),
    );
}

/** The README's operator table (between the markers). */
export function readmeOperatorTable(readme: string): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin === -1 || end < begin) throw new Error(`README.md has no ${TABLE_BEGIN} ... ${TABLE_END} section`);
  return readme.slice(begin + TABLE_BEGIN.length, end);
}

/** The README text with its operator table replaced by the generated one. */
export function withOperatorTable(readme: string): string {
  const begin = readme.indexOf(TABLE_BEGIN);
  const end = readme.indexOf(TABLE_END);
  if (begin === -1 || end < begin) throw new Error(`README.md has no ${TABLE_BEGIN} ... ${TABLE_END} section`);
  return `${readme.slice(0, begin + TABLE_BEGIN.length)}\n${operatorTableMarkdown()}\n${readme.slice(end)}`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(README_PATH, withOperatorTable(readFileSync(README_PATH, 'utf8')));
}
