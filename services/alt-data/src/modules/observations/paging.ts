import { DomainError } from '@alphagraph/service';
import { decodeCursor, encodeCursor, filterDigest } from './cursor.ts';

export const MAX_PAGE = 1000;
const MAX_ENTITIES = 1000;

/** The arguments every observation listing takes. */
export interface ListingArgs {
  readonly entities?: readonly string[] | null;
  readonly from?: Date | string | null;
  readonly to?: Date | string | null;
  readonly asOf?: Date | string | null;
  readonly first?: number | null;
  readonly after?: string | null;
}

/** A listing's arguments, checked, with its cursor decoded. */
export interface ListingRead {
  readonly entities: readonly string[] | null;
  readonly from: Date | null;
  readonly to: Date | null;
  /** Pinned by the cursor, else the caller's `asOf`, never later than now. */
  readonly asOf: Date;
  readonly limit: number;
  readonly after: readonly [string, number, number] | null;
  readonly snapshotId: number | null;
  /** Builds the cursor of a row with key [entity, event time ms, seq]. */
  cursorAt(key: readonly [string, number, number], snapshotId: number | null): string;
}

const date = (v: Date | string | null | undefined) => (v == null ? null : new Date(v));

/**
 * Checks a listing's arguments. `list` names the listing in its cursors; `filter` is everything
 * besides paging that selects the rows (a cursor only continues the listing it came from).
 */
export function readListing(
  field: string,
  list: string,
  args: ListingArgs,
  extraFilter: unknown = null,
  now: Date = new Date(),
): ListingRead {
  const limit = args.first ?? 100;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
    throw new DomainError('BAD_USER_INPUT', `${field}: first must be between 1 and ${MAX_PAGE}, got ${limit}`);
  }
  const from = date(args.from);
  const to = date(args.to);
  if (from && to && from > to) {
    throw new DomainError('BAD_USER_INPUT', `${field}: from (${from.toISOString()}) is after to (${to.toISOString()})`);
  }
  const entities = args.entities ? [...new Set(args.entities)].sort() : null;
  if (entities && entities.length > MAX_ENTITIES) {
    throw new DomainError('BAD_USER_INPUT', `${field}: at most ${MAX_ENTITIES} entities per request`);
  }
  const filter = filterDigest({ entities, from, to, extraFilter });
  const cursor = args.after ? decodeCursor(list, args.after, filter) : null;
  const requested = date(args.asOf);
  if (cursor && requested && requested.getTime() !== cursor.asOf) {
    throw new DomainError(
      'BAD_USER_INPUT',
      `${field}: the cursor reads as of ${new Date(cursor.asOf).toISOString()}; pass the same asOf or none`,
    );
  }
  const asOf = cursor ? new Date(cursor.asOf) : requested && requested.getTime() < now.getTime() ? requested : now;
  return {
    entities,
    from,
    to,
    asOf,
    limit,
    after: cursor?.key ?? null,
    snapshotId: cursor?.snapshotId ?? null,
    cursorAt: (key, snapshotId) => encodeCursor(list, { key, asOf: asOf.getTime(), snapshotId, filter }),
  };
}
