import { parse } from 'graphql';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { identityFromAuthorization } from './identity.ts';
import { introspectionDenial } from './introspection.ts';
import { TEST_AUTH, TEST_JWT_SECRET, testToken } from './testing.ts';
import { createTokenVerifier, type Identity } from './tokens.ts';

const verifier = createTokenVerifier(TEST_AUTH);

/** What a client receives for a refused header: the error's JSON (the 401 rides in extensions.http). */
async function refusal(header: string): Promise<unknown> {
  const error = await identityFromAuthorization(verifier, header).then(
    () => null,
    (e: { toJSON(): unknown }) => e,
  );
  return error?.toJSON();
}

describe('token to identity (the gateway and every subgraph)', () => {
  it('takes no header as an anonymous caller and a good bearer token as its identity', async () => {
    expect(await identityFromAuthorization(verifier, null)).toBeNull();
    expect(await identityFromAuthorization(verifier, undefined)).toBeNull();
    const identity = await identityFromAuthorization(verifier, `Bearer ${await testToken(['analyst'], 'alice')}`);
    expect(identity).toMatchObject({ userId: 'alice', roles: ['analyst'], scopes: ['viewer', 'analyst'] });
  });

  it('refuses a bad header or token with 401, UNAUTHENTICATED and the reason', async () => {
    expect(await refusal('Basic YWxpY2U6c2VjcmV0')).toEqual({
      message: 'Authorization header must be "Bearer <token>"',
      extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_MALFORMED', http: { status: 401 } },
    });
    expect(await refusal('Bearer abc.def')).toEqual({
      message: 'bearer token is malformed: expected a JWT (header.payload.signature)',
      extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_MALFORMED', http: { status: 401 } },
    });
    const expired = await new SignJWT({ roles: ['analyst'] })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('alice')
      .setIssuer('alphagraph-dev')
      .setAudience('alphagraph')
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(new TextEncoder().encode(TEST_JWT_SECRET));
    expect(await refusal(`Bearer ${expired}`)).toEqual({
      message: 'bearer token has expired',
      extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_EXPIRED', http: { status: 401 } },
    });
  });
});

describe('the introspection rule (the gateway and every subgraph)', () => {
  const who = (roles: Identity['roles']): Identity => ({ userId: 'u', roles, scopes: roles, tokenId: undefined });
  const schemaQuery = parse('{ __schema { queryType { name } } }');
  const typeQuery = parse('{ __type(name: "Query") { name } }');

  it('lets explorer roles introspect, and anyone ask for __typename', () => {
    expect(introspectionDenial(schemaQuery, who(['analyst']))).toBeNull();
    expect(introspectionDenial(parse('{ __typename }'), null)).toBeNull();
    expect(introspectionDenial(parse('{ instruments { symbol } }'), who(['service']))).toBeNull();
  });

  it('refuses machines and anonymous callers with one message, FORBIDDEN and 403', () => {
    for (const [document, identity] of [
      [schemaQuery, who(['service'])],
      [typeQuery, null],
    ] as const) {
      expect(introspectionDenial(document, identity)?.toJSON()).toEqual({
        message: 'introspection is only available to roles that use the explorer; send such a token',
        extensions: { code: 'FORBIDDEN', http: { status: 403 } },
      });
    }
  });
});
