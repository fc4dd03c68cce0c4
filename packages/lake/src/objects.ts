import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { LakeError } from './errors.ts';

/** An immutable object (a model artifact) stored under the lake root, addressed by its key. */
export interface StoredObject {
  /** Relative to the lake root: `_objects/<key>`. */
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

const KEY = /^[a-z0-9][a-z0-9_.-]*(\/[a-z0-9][a-z0-9_.-]*)*$/;
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function pathOf(root: string, key: string): string {
  if (!KEY.test(key) || key.includes('..')) {
    throw new LakeError('OBJECT_INVALID_KEY', `object key ${JSON.stringify(key)} is not lower-case path segments`);
  }
  const path = resolve(root, '_objects', key);
  if (!path.startsWith(resolve(root, '_objects') + sep)) {
    throw new LakeError('OBJECT_INVALID_KEY', `object key ${key} leaves the object store`);
  }
  return path;
}

/**
 * Stores `bytes` under `key`, written to a temporary name and renamed, so a reader never sees a
 * partial object. Objects are immutable: storing different bytes under an existing key is refused
 * (the same bytes again is a no-op).
 */
export function putObject(root: string, key: string, bytes: Uint8Array): StoredObject {
  const path = pathOf(root, key);
  const digest = sha256(bytes);
  const stored = { path: relative(root, path).split(sep).join('/'), sha256: digest, bytes: bytes.length };
  if (existsSync(path)) {
    if (sha256(readFileSync(path)) === digest) return stored;
    throw new LakeError('OBJECT_CONFLICT', `object ${key} exists with different content; objects are immutable`);
  }
  mkdirSync(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.tmp-${randomUUID()}`);
  writeFileSync(tmp, bytes);
  renameSync(tmp, path);
  return stored;
}

/** Reads an object by the path `putObject` returned, checking its sha256. */
export function getObject(root: string, object: Pick<StoredObject, 'path' | 'sha256'>): Uint8Array {
  const key = object.path.replace(/^_objects\//, '');
  const path = pathOf(root, key);
  if (!existsSync(path)) throw new LakeError('OBJECT_NOT_FOUND', `object ${object.path} is not in the lake`);
  const bytes = readFileSync(path);
  if (sha256(bytes) !== object.sha256) {
    throw new LakeError('OBJECT_CORRUPT', `object ${object.path} does not match its recorded sha256 ${object.sha256}`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
