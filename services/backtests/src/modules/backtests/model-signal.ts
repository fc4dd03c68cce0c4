import { type Identity, scopesForRoles } from '@alphagraph/auth';
import { DEPLOYED_STAGES, type PublishedModelVersion, readModelVersions } from '@alphagraph/datasets';
import type { Db } from '@alphagraph/db';
import { BacktestServiceError } from './errors.ts';
import type { RunSpec } from './spec.ts';

/** Scopes that read every model version (the models subgraph's rule); others read deployed ones. */
const ALL_VERSIONS = ['researcher', 'validator', 'admin', 'compliance'] as const;

/** Whether the caller reads every version of a model, or only CANARY and PRODUCTION ones. */
export function seesAllVersions(identity: Identity): boolean {
  const scopes = new Set<string>(scopesForRoles(identity.roles));
  return ALL_VERSIONS.some((r) => scopes.has(r));
}

/**
 * The model version a spec's signal names, checked for the caller: it exists and is ready, and a
 * caller without researcher, validator, admin or compliance scope trades only a version deployed
 * to CANARY or PRODUCTION (as the models subgraph shows them). `caller` null is the service itself
 * (the demo, a sweep's best configuration). Returns null for a feature-expression signal.
 */
export async function checkModelSignal(
  db: Db,
  spec: RunSpec,
  caller: Identity | null,
): Promise<PublishedModelVersion | null> {
  const signal = spec.signal;
  if (signal?.kind !== 'model') return null;
  const [version] = await readModelVersions(db, [{ model: signal.model, version: signal.version }]);
  const hidden = version && caller && !seesAllVersions(caller) && !DEPLOYED_STAGES.includes(version.stage);
  if (!version || hidden) {
    // A version the caller may not read is refused without saying whether it exists (as the models
    // subgraph hides it), but with the rule, so the caller knows what to ask for.
    throw new BacktestServiceError(
      hidden ? 'FORBIDDEN' : 'NOT_FOUND',
      hidden
        ? `model ${signal.model} version ${signal.version} is not one you may read: analysts and traders trade only versions deployed to CANARY or PRODUCTION`
        : `model ${signal.model} has no version ${signal.version}`,
    );
  }
  if (version.status !== 'ready') {
    throw new BacktestServiceError(
      'NO_DATA',
      `model ${signal.model} version ${signal.version} is ${version.status}, not ready: it has no predictions to trade`,
    );
  }
  return version;
}
