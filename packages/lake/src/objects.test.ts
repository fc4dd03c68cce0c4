import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { getObject, putObject } from './objects.ts';

const dirs: string[] = [];
const root = () => {
  const d = mkdtempSync(join(tmpdir(), 'ag-objects-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('lake objects', () => {
  it('stores bytes immutably under a key with their sha256, and reads them back checked', () => {
    const r = root();
    const bytes = new TextEncoder().encode('{"a":1}');
    const stored = putObject(r, 'models/m/1/model.json', bytes);
    // sha256 of {"a":1}, computed independently (sha256sum).
    expect(stored).toEqual({
      path: '_objects/models/m/1/model.json',
      sha256: '015abd7f5cc57a2dd94b7590f04ad8084273905ee33ec5cebeae62276a97f862',
      bytes: 7,
    });
    expect(new TextDecoder().decode(getObject(r, stored))).toBe('{"a":1}');
    expect(putObject(r, 'models/m/1/model.json', bytes)).toEqual(stored);
    expect(() => putObject(r, 'models/m/1/model.json', new TextEncoder().encode('{"a":2}'))).toThrow(/immutable/);
    expect(readdirSync(join(r, '_objects/models/m/1'))).toEqual(['model.json']);
  });

  it('refuses keys that leave the store and objects whose bytes changed', () => {
    const r = root();
    expect(() => putObject(r, '../escape', new Uint8Array([1]))).toThrow(/lower-case path segments/);
    expect(() => putObject(r, 'A/b', new Uint8Array([1]))).toThrow(/lower-case path segments/);
    const stored = putObject(r, 'x/y.bin', new Uint8Array([1, 2, 3]));
    writeFileSync(join(r, stored.path), new Uint8Array([9]));
    expect(() => getObject(r, stored)).toThrow(/does not match its recorded sha256/);
    expect(() => getObject(r, { path: '_objects/x/missing', sha256: stored.sha256 })).toThrow(/not in the lake/);
  });
});
