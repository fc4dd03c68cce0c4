import { createHash } from 'node:crypto';

/** A feature version as the contract names it: `name@version`. */
export const refOf = (f: { readonly name: string; readonly version: number }): string => `${f.name}@${f.version}`;

const COLUMN = /^[a-z][a-z0-9_]*$/;
const MAX_IDENTIFIER = 63;

/**
 * The view column holding a feature version's values: `${name}__v${version}` (lower_snake). Shared
 * with the training-set builder through the views contract.
 */
export function featureColumn(name: string, version: number): string {
  const column = `${name}__v${version}`;
  if (!COLUMN.test(column) || column.length > MAX_IDENTIFIER || !Number.isSafeInteger(version) || version < 1) {
    throw new Error(`feature ${name}@${version} has no valid column name (${column})`);
  }
  return column;
}

/**
 * The view (and lake dataset) name for an exact list of feature versions: `fv_<slug>_<hash8>`,
 * the hash over the sorted refs, so the same versions in any order are the same view.
 */
export function viewNameFor(refs: readonly string[], slugHint: string | null): string {
  const sorted = [...new Set(refs)].sort();
  const hash = createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 8);
  const hint = slugHint ?? (sorted.length === 1 ? sorted[0]!.split('@')[0]! : 'adhoc');
  const slug =
    hint
      .toLowerCase()
      .replace(/[^a-z0-9_]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'adhoc';
  return `fv_${slug}_${hash}`;
}

/**
 * A time-ordered run id (UUID version 7): its text sorts by creation time, so the view's
 * `tiebreak` column ranks a later run's row above an earlier run's for the same (entity,
 * event_time, available_at).
 */
let lastMs = 0;
let counter = 0;
export function timeOrderedId(now: number = Date.now()): string {
  // Within one millisecond a 12-bit counter keeps the order of ids minted by this process.
  if (now <= lastMs) {
    counter++;
    if (counter > 0xfff) {
      lastMs++;
      counter = 0;
    }
  } else {
    lastMs = now;
    counter = 0;
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let ms = lastMs;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = 0x70 | ((counter >> 8) & 0x0f);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
