import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeProtectedHeader,
  errors,
  type JWTVerifyGetKey,
  jwtVerify,
  SignJWT,
} from 'jose';
import { z } from 'zod';
import type { AuthEnv } from './env.ts';
import { AuthError } from './errors.ts';
import { isRole, ROLES, type Role, scopesForRoles } from './roles.ts';

/** Who is calling, as proven by a verified token. */
export interface Identity {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** The roles' scopes, with everything they include. */
  readonly scopes: readonly Role[];
  readonly tokenId: string | undefined;
}

const claimsSchema = z.object({
  sub: z.string().min(1, 'sub (the user id) must not be empty'),
  roles: z
    .array(z.string())
    .min(1, 'roles must name at least one role')
    .refine((roles) => roles.every(isRole), { message: `roles may only contain ${ROLES.join(', ')}` }),
  jti: z.string().optional(),
});

export interface TokenVerifier {
  /** Verifies a bearer token and returns the caller's identity, or throws an AuthError saying why not. */
  verify(token: string): Promise<Identity>;
}

/** Verifies JWTs with the issuer, audience and algorithms pinned by configuration. */
export function createTokenVerifier(env: AuthEnv): TokenVerifier {
  const key = verificationKey(env);
  const algorithms = [...env.algorithms];
  return {
    async verify(token) {
      if (token?.split('.').length !== 3) {
        throw new AuthError('TOKEN_MALFORMED', 'bearer token is malformed: expected a JWT (header.payload.signature)');
      }
      let alg: string | undefined;
      try {
        alg = decodeProtectedHeader(token).alg;
      } catch (cause) {
        throw new AuthError('TOKEN_MALFORMED', 'bearer token is malformed: its header is not valid JSON', { cause });
      }
      if (!alg || alg.toLowerCase() === 'none' || !algorithms.includes(alg as (typeof algorithms)[number])) {
        throw new AuthError(
          'TOKEN_ALGORITHM_NOT_ALLOWED',
          `bearer token uses algorithm ${alg ?? '(none)'}; accepted: ${algorithms.join(', ')}`,
        );
      }
      try {
        const { payload } = await jwtVerify(token, key as Uint8Array, options(env, algorithms));
        const claims = claimsSchema.safeParse(payload);
        if (!claims.success) {
          throw new AuthError(
            'TOKEN_CLAIMS_INVALID',
            `bearer token claims are invalid: ${claims.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
          );
        }
        const roles = claims.data.roles as Role[];
        return { userId: claims.data.sub, roles, scopes: scopesForRoles(roles), tokenId: claims.data.jti };
      } catch (error) {
        throw toAuthError(error, env);
      }
    },
  };
}

function options(env: AuthEnv, algorithms: string[]) {
  return {
    issuer: env.issuer,
    audience: env.audience,
    algorithms,
    clockTolerance: env.clockToleranceSeconds,
    requiredClaims: ['exp', 'sub'],
  };
}

function verificationKey(env: AuthEnv): Uint8Array | JWTVerifyGetKey {
  if (env.secret) return new TextEncoder().encode(env.secret);
  if (env.jwksUrl) return createRemoteJWKSet(new URL(env.jwksUrl));
  if (env.jwksFile) return createLocalJWKSet(JSON.parse(readFileSync(env.jwksFile, 'utf8')));
  throw new AuthError('AUTH_MISCONFIGURED', 'no token verification key is configured');
}

function toAuthError(error: unknown, env: AuthEnv): AuthError {
  if (error instanceof AuthError) return error;
  if (error instanceof errors.JWTExpired)
    return new AuthError('TOKEN_EXPIRED', 'bearer token has expired', { cause: error });
  if (error instanceof errors.JWTClaimValidationFailed) {
    switch (error.claim) {
      case 'nbf':
        return new AuthError('TOKEN_NOT_YET_VALID', 'bearer token is not valid yet (nbf is in the future)', {
          cause: error,
        });
      case 'iat':
        return new AuthError('TOKEN_NOT_YET_VALID', 'bearer token was issued in the future (iat)', { cause: error });
      case 'aud':
        return new AuthError(
          'TOKEN_WRONG_AUDIENCE',
          `bearer token is not for this audience (expected ${env.audience})`,
          {
            cause: error,
          },
        );
      case 'iss':
        return new AuthError('TOKEN_WRONG_ISSUER', `bearer token has the wrong issuer (expected ${env.issuer})`, {
          cause: error,
        });
      default:
        return new AuthError('TOKEN_CLAIMS_INVALID', `bearer token claim ${error.claim} is invalid: ${error.reason}`, {
          cause: error,
        });
    }
  }
  if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey) {
    return new AuthError('TOKEN_BAD_SIGNATURE', 'bearer token signature does not verify', { cause: error });
  }
  if (error instanceof errors.JOSEAlgNotAllowed) {
    return new AuthError('TOKEN_ALGORITHM_NOT_ALLOWED', 'bearer token algorithm is not accepted', { cause: error });
  }
  return new AuthError('TOKEN_MALFORMED', 'bearer token is malformed', { cause: error });
}

/** Mints an HS256 development token (the CLI and tests use it; production tokens come from an IdP). */
export async function mintDevToken(options: {
  secret: string;
  userId: string;
  roles: readonly Role[];
  issuer?: string;
  audience?: string;
  ttlSeconds?: number;
}): Promise<string> {
  return new SignJWT({ roles: [...options.roles] })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setSubject(options.userId)
    .setIssuer(options.issuer ?? 'alphagraph-dev')
    .setAudience(options.audience ?? 'alphagraph')
    .setIssuedAt()
    .setJti(randomUUID())
    .setExpirationTime(Math.floor(Date.now() / 1000) + (options.ttlSeconds ?? 12 * 3600))
    .sign(new TextEncoder().encode(options.secret));
}

/** Reads `Authorization: Bearer <token>`; returns undefined when there is no such header. */
export function bearerToken(header: string | null | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!m) throw new AuthError('TOKEN_MALFORMED', 'Authorization header must be "Bearer <token>"');
  return m[1];
}
