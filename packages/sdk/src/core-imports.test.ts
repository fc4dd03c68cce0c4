import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The core runs in Node 20 and in a browser: only fetch, ReadableStream, AbortController and
// TextDecoder. Node-only helpers live in the `node` entry (src/node.ts).
const SRC = new URL('.', import.meta.url).pathname;
const NODE_ONLY = /from ['"](node:|fs['"]|path['"]|stream['"]|http['"]|buffer['"])/;

function coreFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return coreFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && entry.name !== 'node.ts' ? [path] : [];
  });
}

describe('the core has no Node-only import', () => {
  it('imports nothing from node: in any file but node.ts', () => {
    const files = coreFiles(SRC);
    expect(files.some((f) => f.endsWith('client.ts'))).toBe(true);
    const offenders = files.filter((f) => NODE_ONLY.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
