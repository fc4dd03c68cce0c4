import { type Identity, scopesForRoles } from '@alphagraph/auth';
import type { VersionRecord } from './store.ts';

/** Roles that see every version; other readers (analysts, traders) see only deployed ones. */
const ALL_VERSIONS = ['researcher', 'validator', 'admin', 'compliance'] as const;
const DEPLOYED = new Set(['canary', 'production']);

/**
 * Row-level visibility of versions (DESIGN section 6): researchers, validators, admins and
 * compliance read every version; analysts and traders only versions deployed to CANARY or
 * PRODUCTION ("traders see production models").
 */
export function seesAllVersions(identity: Identity | null): boolean {
  if (!identity) return false;
  const scopes = new Set<string>(scopesForRoles(identity.roles));
  return ALL_VERSIONS.some((r) => scopes.has(r));
}

export function visibleVersions(identity: Identity | null, versions: readonly VersionRecord[]): VersionRecord[] {
  return seesAllVersions(identity) ? [...versions] : versions.filter((v) => DEPLOYED.has(v.stage));
}
