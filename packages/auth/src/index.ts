export {
  AUDIT_GENESIS,
  type AuditEvent,
  type AuditEventInput,
  type AuditLog,
  auditHash,
  type ChainVerification,
  canonicalJson,
  createAuditLog,
} from './audit.ts';
export {
  createEntitlements,
  type EntitlementRecord,
  type Entitlements,
  entitlementResource,
  entitlementSubject,
} from './entitlements.ts';
export { type AuthEnv, authEnv } from './env.ts';
export { AuthError, type AuthErrorCode } from './errors.ts';
export { identityFromAuthorization, unauthenticatedError } from './identity.ts';
export {
  INTROSPECTION_DENIED,
  introspectionDenial,
  isIntrospection,
  mayExplore,
  withoutSuggestions,
} from './introspection.ts';
export {
  AUDIT_DENIED,
  AUDIT_READ,
  decideLicensedRead,
  ENTITLED_POLICY,
  type LicensedDataset,
  recordLicensedRead,
} from './licences.ts';
export {
  type AccessDenial,
  checkScopes,
  hasRequirement,
  NO_REQUIREMENT,
  type Requirement,
  requirementOf,
} from './policy.ts';
export { EXPLORER_ROLES, isRole, ROLES, type Role, scopesForRoles } from './roles.ts';
export { type EnforceOptions, enforceAuthorization, type PolicyDecider } from './subgraph.ts';
export { bearerToken, createTokenVerifier, type Identity, mintDevToken, type TokenVerifier } from './tokens.ts';
