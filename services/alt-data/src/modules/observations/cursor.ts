import { createHash } from 'node:crypto';
import { DomainError } from '@alphagraph/service';
import { z } from 'zod';

/**
 * A page cursor pins what the first page was read from: the position after the last row, the
 * as-of time, the lake snapshot and the filter. Later pages therefore read exactly the same
 * versions, even when a correction was published in between or the caller's clock moved on.
 */
export interface PageCursor {
  /** The last row's key: [entity, event time in ms, seq]. */
  readonly key: readonly [string, number, number];
  readonly asOf: number;
  readonly snapshotId: number | null;
  /** A digest of the filter arguments: a cursor only continues the listing it came from. */
  readonly filter: string;
}

const cursorSchema = z.object({
  k: z.tuple([z.string(), z.number().int(), z.number().int()]),
  a: z.number().int(),
  s: z.number().int().nullable(),
  f: z.string(),
});

export function filterDigest(filter: unknown): string {
  return createHash('sha256').update(JSON.stringify(filter)).digest('base64url').slice(0, 16);
}

export function encodeCursor(list: string, c: PageCursor): string {
  const body = JSON.stringify({ k: c.key, a: c.asOf, s: c.snapshotId, f: c.filter });
  return Buffer.from(`${list}:${body}`).toString('base64url');
}

/** Decodes a cursor of `list`, refusing one from another list or another filter. */
export function decodeCursor(list: string, cursor: string, filter: string): PageCursor {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const notOurs = () => new DomainError('BAD_USER_INPUT', `after: ${cursor} is not a cursor from this list`);
  if (!text.startsWith(`${list}:`)) throw notOurs();
  let parsed: z.output<typeof cursorSchema>;
  try {
    parsed = cursorSchema.parse(JSON.parse(text.slice(list.length + 1)));
  } catch {
    throw notOurs();
  }
  if (parsed.f !== filter) {
    throw new DomainError(
      'BAD_USER_INPUT',
      'after: this cursor belongs to a listing with other arguments; pass the same entities, from, to and fields',
    );
  }
  return { key: parsed.k, asOf: parsed.a, snapshotId: parsed.s, filter: parsed.f };
}
