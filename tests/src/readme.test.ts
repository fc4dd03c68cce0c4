// The README is the one document a newcomer has: it must stand on its own.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@alphagraph/config';
import { describe, expect, it } from 'vitest';

const root = findRepoRoot();
const readme = readFileSync(join(root, 'README.md'), 'utf8');

describe('the README', () => {
  it('points at nothing outside the repository, and every file it links exists', () => {
    expect(readme.match(/\.\.\/[\w./-]+/g) ?? []).toEqual([]);
    expect(readme).not.toMatch(/DESIGN(\.md| §)/);
    const links = [...readme.matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)]
      .map((m) => m[1]!)
      .filter((l) => !/^https?:/.test(l));
    for (const link of links) expect(existsSync(join(root, link)), `README links ${link}`).toBe(true);
  });

  it('explains the concepts it relies on, and every in-page link has its heading', () => {
    for (const heading of [
      '### Time: event time, availability, as-of',
      '### Roles',
      '### The feature expression language',
    ]) {
      expect(readme).toContain(heading);
    }
    const anchors = new Set(
      [...readme.matchAll(/^#+ (.+)$/gm)].map((m) =>
        m[1]!
          .toLowerCase()
          .replace(/[^\w\s-]/g, '')
          .replace(/\s/g, '-'),
      ),
    );
    for (const [, anchor] of readme.matchAll(/\]\(#([^)]+)\)/g)) expect(anchors.has(anchor!), `#${anchor}`).toBe(true);
  });
});
