import { MARKET_ENTITY, resolveSymbols } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { TrainingSetError } from './errors.ts';

/** How many unknown entities a refusal names before it says "and N more". */
export const MAX_NAMED_UNKNOWN = 20;

/** `A, B, C` or `A, …, T and 5 more`: the names a refusal lists. */
export function nameSome(names: readonly string[], max = MAX_NAMED_UNKNOWN): string {
  const shown = names.slice(0, max).join(', ');
  return names.length > max ? `${shown} and ${names.length - max} more` : shown;
}

/**
 * The canonical symbol of each spine entity (case-insensitive, through market-data's instrument
 * registry), or a refusal naming the unknown ones under `argument`. MARKET (the market-wide
 * series' entity) is its own canonical spelling.
 */
export async function canonicalEntities(
  db: Db,
  entities: readonly string[],
  argument: string,
): Promise<ReadonlyMap<string, string>> {
  const symbols = [...new Set(entities)].filter((e) => e !== MARKET_ENTITY);
  const { canonical, unknown } = await resolveSymbols(db, symbols);
  if (unknown.length > 0) {
    throw new TrainingSetError(
      'INVALID_SPEC',
      `${argument}: ${unknown.length} unknown ${unknown.length === 1 ? 'entity' : 'entities'} ` +
        `(no instrument has ${unknown.length === 1 ? 'this symbol' : 'these symbols'}): ${nameSome(unknown)}`,
    );
  }
  return new Map([
    ...canonical,
    ...(entities.includes(MARKET_ENTITY) ? [[MARKET_ENTITY, MARKET_ENTITY] as const] : []),
  ]);
}
