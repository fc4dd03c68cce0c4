import type { AuthEnv } from './env.ts';
import type { Role } from './roles.ts';
import { mintDevToken } from './tokens.ts';

/** A fixed development secret for tests (never used outside them). */
export const TEST_JWT_SECRET = 'alphagraph-test-secret-0123456789abcdef';

/** Verification settings matching `testToken`. */
export const TEST_AUTH: AuthEnv = {
  secret: TEST_JWT_SECRET,
  jwksUrl: undefined,
  jwksFile: undefined,
  issuer: 'alphagraph-dev',
  audience: 'alphagraph',
  algorithms: ['HS256'],
  clockToleranceSeconds: 5,
};

/** The same settings as environment variables, for processes a test starts. */
export const TEST_AUTH_ENV: Record<string, string> = { AUTH_JWT_SECRET: TEST_JWT_SECRET };

/** A valid token for `roles` (user id defaults to the first role's name). */
export function testToken(roles: readonly Role[], userId = `test-${roles[0] ?? 'anon'}`): Promise<string> {
  return mintDevToken({ secret: TEST_JWT_SECRET, userId, roles });
}
