import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { authEnv } from './env.ts';
import { AuthError } from './errors.ts';
import { TEST_AUTH, TEST_JWT_SECRET } from './testing.ts';
import { bearerToken, createTokenVerifier, mintDevToken } from './tokens.ts';

const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);
const base = () =>
  new SignJWT({ roles: ['analyst'] })
    .setSubject('alice')
    .setIssuer('alphagraph-dev')
    .setAudience('alphagraph')
    .setIssuedAt()
    .setExpirationTime(now() + 600);

async function rejection(token: string, verifier = createTokenVerifier(TEST_AUTH)): Promise<AuthError> {
  const error = await verifier.verify(token).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AuthError);
  return error as AuthError;
}

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('token verification', () => {
  it('accepts a valid token and expands roles to scopes', async () => {
    const token = await mintDevToken({ secret: TEST_JWT_SECRET, userId: 'alice', roles: ['researcher'] });
    const id = await createTokenVerifier(TEST_AUTH).verify(token);
    expect(id.userId).toBe('alice');
    expect(id.roles).toEqual(['researcher']);
    expect(id.scopes).toEqual(['viewer', 'analyst', 'researcher']);
  });

  it('refuses an expired token', async () => {
    const token = await base()
      .setExpirationTime(now() - 60)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(secret);
    const e = await rejection(token);
    expect([e.code, e.message, e.status]).toEqual(['TOKEN_EXPIRED', 'bearer token has expired', 401]);
  });

  it('refuses a token that is not valid yet', async () => {
    const token = await base()
      .setNotBefore(now() + 3600)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(secret);
    const e = await rejection(token);
    expect(e.code).toBe('TOKEN_NOT_YET_VALID');
    expect(e.message).toMatch(/not valid yet/);
  });

  it('refuses a token signed with another key', async () => {
    const token = await base()
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('another-secret-another-secret-0000'));
    expect((await rejection(token)).code).toBe('TOKEN_BAD_SIGNATURE');
  });

  it('refuses alg none, even with a well-formed payload', async () => {
    const payload = { sub: 'mallory', roles: ['admin'], iss: 'alphagraph-dev', aud: 'alphagraph', exp: now() + 600 };
    const e = await rejection(`${b64({ alg: 'none', typ: 'JWT' })}.${b64(payload)}.`);
    expect(e.code).toBe('TOKEN_ALGORITHM_NOT_ALLOWED');
    expect(e.message).toMatch(/algorithm none/);
  });

  it('refuses a token for another audience or issuer', async () => {
    const aud = await base().setAudience('someone-else').setProtectedHeader({ alg: 'HS256' }).sign(secret);
    expect((await rejection(aud)).code).toBe('TOKEN_WRONG_AUDIENCE');
    const iss = await base().setIssuer('evil').setProtectedHeader({ alg: 'HS256' }).sign(secret);
    expect((await rejection(iss)).code).toBe('TOKEN_WRONG_ISSUER');
  });

  it('refuses malformed tokens and headers', async () => {
    expect((await rejection('not-a-jwt')).code).toBe('TOKEN_MALFORMED');
    expect((await rejection('a.b.c')).code).toBe('TOKEN_MALFORMED');
    expect(() => bearerToken('Basic dXNlcjpwYXNz')).toThrow(/Bearer <token>/);
    expect(bearerToken(undefined)).toBeUndefined();
  });

  it('refuses unknown roles and a missing subject', async () => {
    const roles = await base().setProtectedHeader({ alg: 'HS256' }).sign(secret);
    const bad = await new SignJWT({ roles: ['superuser'] })
      .setSubject('x')
      .setIssuer('alphagraph-dev')
      .setAudience('alphagraph')
      .setExpirationTime(now() + 60)
      .setProtectedHeader({ alg: 'HS256' })
      .sign(secret);
    expect((await createTokenVerifier(TEST_AUTH).verify(roles)).roles).toEqual(['analyst']);
    const e = await rejection(bad);
    expect(e.code).toBe('TOKEN_CLAIMS_INVALID');
    expect(e.message).toMatch(/roles may only contain/);
  });

  it('verifies RS256 against a JWKS file and then refuses HS256 tokens', async () => {
    const { publicKey, privateKey } = await generateKeyPair('RS256');
    const dir = mkdtempSync(join(tmpdir(), 'ag-jwks-'));
    const jwksFile = join(dir, 'jwks.json');
    writeFileSync(jwksFile, JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' }] }));
    const env = authEnv.parse({
      AUTH_JWKS_FILE: jwksFile,
      AUTH_ISSUER: 'https://idp.example',
      AUTH_AUDIENCE: 'alphagraph',
    });
    const verifier = createTokenVerifier(env);
    const good = await base()
      .setIssuer('https://idp.example')
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(privateKey);
    expect((await verifier.verify(good)).roles).toEqual(['analyst']);
    const hs = await base().setIssuer('https://idp.example').setProtectedHeader({ alg: 'HS256' }).sign(secret);
    expect((await rejection(hs, verifier)).code).toBe('TOKEN_ALGORITHM_NOT_ALLOWED');
  });

  it('refuses configuration with no key or two keys, naming the problem', () => {
    expect(() => authEnv.parse({})).toThrow(/set exactly one of AUTH_JWT_SECRET/);
    expect(() => authEnv.parse({ AUTH_JWT_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });
});
