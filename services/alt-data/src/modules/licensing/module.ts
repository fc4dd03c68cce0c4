import type { AccessDenial, AuditLog, Entitlements } from '@alphagraph/auth';
import { defineModule, type ServiceModule } from '@alphagraph/service';

export interface LicensingProvider {
  readonly entitlements: Entitlements;
  readonly audit: AuditLog;
}

function createLicensingLoaders() {
  return {
    /** This request's licence decisions by dataset id (see ./policy.ts). */
    licenceDecisions: new Map<string, Promise<AccessDenial | null>>(),
  };
}

// The declared type keeps the context (derived from modules) independent of the resolvers that read it.
export type LicensingModule = ServiceModule<'licensing', LicensingProvider, ReturnType<typeof createLicensingLoaders>>;

/**
 * Licence decisions and audited licensed reads. It resolves no field itself: the `entitled` policy
 * (./policy.ts) guards the fields of the other modules.
 */
export function createLicensingModule(provider: LicensingProvider): LicensingModule {
  return defineModule({ name: 'licensing', provider, loaders: createLicensingLoaders, resolvers: {} });
}
