import type { Entitlements, Identity } from '@alphagraph/auth';
import type { Db } from '@alphagraph/db';
import { readAltCatalog } from './alt-data.ts';
import { BARS_DATASET } from './market-data.ts';

export interface LicensedInput {
  readonly dataset: string;
  readonly vendor: string;
}

/**
 * Licences along a lineage: the licensed alternative datasets among `datasets` (what the features
 * read, as recorded in their lineage; a dataset alt-data does not list counts as licensed), and those `identity` holds no active entitlement to (on the
 * dataset or its vendor, for the user or one of their roles). `bars` and public datasets need none.
 * Shared by every service that serves values derived from alternative data (features' training
 * sets and online values, models trained on them).
 */
export async function licenceCheck(options: {
  db: Db;
  entitlements: Entitlements;
  identity: Identity;
  datasets: readonly string[];
}): Promise<{ licensed: LicensedInput[]; missing: LicensedInput[] }> {
  const catalog = new Map((await readAltCatalog(options.db)).map((entry) => [entry.name, entry]));
  const licensed: LicensedInput[] = [];
  for (const name of [...new Set(options.datasets)].sort()) {
    if (name === BARS_DATASET.name) continue;
    const source = catalog.get(name);
    // Fails closed, as the `entitled` policy does: a dataset alt-data does not list counts as licensed.
    if (!source || source.licensed) licensed.push({ dataset: name, vendor: source?.vendor ?? 'unknown' });
  }
  const missing: LicensedInput[] = [];
  for (const input of licensed) {
    if (!(await options.entitlements.isEntitled(options.identity, { name: input.dataset, vendor: input.vendor }))) {
      missing.push(input);
    }
  }
  return { licensed, missing };
}

/** What a user reads to fix a refusal. */
export function describeMissing(
  missing: readonly LicensedInput[],
  identity: Identity,
  what = "the training set's features",
): string {
  const list = missing.map((m) => `dataset:${m.dataset} or vendor:${m.vendor}`).join('; ');
  return (
    `${what} read licensed data; user ${identity.userId} (roles ${identity.roles.join(', ')}) ` +
    `needs an entitlement to ${list}. An admin can grant one with grantEntitlement.`
  );
}
