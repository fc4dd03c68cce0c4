import { TEST_JWT_SECRET } from '@alphagraph/auth/testing';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const Q = '{ instrument(symbol: "AAPL") { symbol } }';
const secret = new TextEncoder().encode(TEST_JWT_SECRET);
const now = () => Math.floor(Date.now() / 1000);
const claims = () =>
  new SignJWT({ roles: ['admin'] })
    .setSubject('mallory')
    .setIssuer('alphagraph-dev')
    .setAudience('alphagraph')
    .setExpirationTime(now() + 600);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

describe('authentication and authorization through the platform', () => {
  let p: TestPlatform;
  beforeAll(async () => {
    p = await startTestPlatform();
  });
  afterAll(async () => {
    await p?.dispose();
  });

  it('refuses every kind of bad token with 401 and a message that says why, at the gateway and at a subgraph', async () => {
    const attacks: [string, string, RegExp][] = [
      [
        'expired',
        await claims()
          .setExpirationTime(now() - 60)
          .setProtectedHeader({ alg: 'HS256' })
          .sign(secret),
        /expired/,
      ],
      [
        'not yet valid',
        await claims()
          .setNotBefore(now() + 3600)
          .setProtectedHeader({ alg: 'HS256' })
          .sign(secret),
        /not valid yet/,
      ],
      [
        'wrongly signed',
        await claims()
          .setProtectedHeader({ alg: 'HS256' })
          .sign(new TextEncoder().encode('x'.repeat(40))),
        /signature/,
      ],
      [
        'alg none',
        `${b64({ alg: 'none' })}.${b64({ sub: 'm', roles: ['admin'], iss: 'alphagraph-dev', aud: 'alphagraph', exp: now() + 60 })}.`,
        /algorithm none/,
      ],
      [
        'wrong audience',
        await claims().setAudience('other').setProtectedHeader({ alg: 'HS256' }).sign(secret),
        /audience/,
      ],
      ['malformed', 'abc.def', /malformed/],
    ];
    for (const url of [p.gatewayUrl, p.subgraphUrls['market-data']]) {
      for (const [name, token, message] of attacks) {
        const body = await p.query(Q, {}, { token, url });
        expect(body.status, `${name} via ${url}`).toBe(401);
        expect(body.data ?? null, name).toBeNull();
        expect(body.errors?.[0]?.message, name).toMatch(message);
        expect(body.errors?.[0]?.extensions?.code, name).toBe('UNAUTHENTICATED');
      }
    }
  });

  it('a direct subgraph call with no token, or with forged identity headers, gets nothing', async () => {
    const forged = { 'x-user-id': 'admin', 'x-roles': 'admin', 'x-hive-user': '{"roles":["admin"]}' };
    for (const headers of [{}, forged]) {
      const body = await p.query(
        '{ instrument(symbol: "AAPL") { symbol bars(last: 1) { close } } }',
        {},
        {
          url: p.subgraphUrls['market-data'],
          token: null,
          headers,
        },
      );
      expect(body.data?.instrument ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
      const entities = await p.query(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Instrument { symbol } } }',
        { r: [{ __typename: 'Instrument', symbol: 'AAPL' }] },
        { url: p.subgraphUrls['market-data'], token: null, headers },
      );
      expect(entities.data?._entities).toEqual([null]);
      expect(entities.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
    // A viewer token sent directly still gets only what a viewer may see.
    const viewer = await p.query(
      '{ instrument(symbol: "AAPL") { symbol bars(last: 1) { close } } }',
      {},
      {
        url: p.subgraphUrls['market-data'],
        token: await p.token(['viewer']),
      },
    );
    // bars is nullable (a viewer may be denied it): the denial nulls only bars, as at the gateway.
    expect(viewer.data).toEqual({ instrument: { symbol: 'AAPL', bars: null } });
    expect(viewer.errors?.[0]?.path).toEqual(['instrument', 'bars']);
    expect(viewer.errors?.[0]?.message).toBe('Instrument.bars requires role analyst; you have viewer');
  });

  it('introspection and field suggestions are for explorer roles only; errors never leak internals', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    expect((await p.query(introspect, {}, { token: await p.token(['analyst']) })).data).toEqual({
      __schema: { queryType: { name: 'Query' } },
    });
    for (const token of [await p.token(['service']), null]) {
      const denied = await p.query(introspect, {}, { token });
      expect(denied.data ?? null).toBeNull();
      expect(denied.errors?.[0]?.message).toMatch(/introspection is only available to roles that use the explorer/);
    }
    const typo = '{ instrument(symbol: "AAPL") { symbl } }';
    expect((await p.query(typo)).errors?.[0]?.message).toMatch(/Did you mean "symbol"\?/);
    const machine = await p.query(typo, {}, { token: await p.token(['service']) });
    expect(machine.errors?.[0]?.message).toBe('Cannot query field "symbl" on type "Instrument".');
    const direct = await p.query('{ _service { sdl } }', {}, { url: p.subgraphUrls.models, token: null });
    expect(direct.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('introspection is refused with one message and one status, at the gateway and at a subgraph', async () => {
    const introspect = '{ __schema { queryType { name } } }';
    for (const url of [p.gatewayUrl, p.subgraphUrls.models]) {
      for (const token of [await p.token(['service']), null]) {
        const denied = await p.query(introspect, {}, { token, url });
        expect({ status: denied.status, data: denied.data ?? null, errors: denied.errors }, url).toEqual({
          status: 403,
          data: null,
          errors: [
            {
              message: 'introspection is only available to roles that use the explorer; send such a token',
              extensions: { code: 'FORBIDDEN' },
            },
          ],
        });
      }
    }
  });

  it('admins grant and revoke entitlements; compliance sees them and the audit log verifies', async () => {
    const admin = await p.token(['admin'], 'alice-admin');
    const compliance = await p.token(['compliance'], 'carol-compliance');
    const grant = `mutation($i: GrantEntitlementInput!) { grantEntitlement(input: $i) { ok entitlement { id subject resource active grantedBy } error { code message field } } }`;
    const granted = await p.query(
      grant,
      { i: { subject: 'user:bob', resource: 'dataset:stocknet_tweets', reason: 'licence L-1' } },
      { token: admin },
    );
    expect(granted.data.grantEntitlement).toMatchObject({
      ok: true,
      entitlement: { subject: 'user:bob', resource: 'dataset:stocknet_tweets', active: true, grantedBy: 'alice-admin' },
      error: null,
    });
    const bad = await p.query(
      grant,
      { i: { subject: 'bob', resource: 'dataset:stocknet_tweets', reason: 'x' } },
      { token: admin },
    );
    expect(bad.data.grantEntitlement).toEqual({
      ok: false,
      entitlement: null,
      error: { code: 'BAD_USER_INPUT', message: 'subject must be user:<id> or role:<role>', field: 'subject' },
    });
    const asResearcher = await p.query(
      grant,
      { i: { subject: 'user:me', resource: 'vendor:StockNet', reason: 'x' } },
      {
        token: await p.token(['researcher']),
      },
    );
    expect(asResearcher.errors?.[0]?.message).toBe(
      'Mutation.grantEntitlement requires role admin; you have researcher',
    );

    const revoke = `mutation { revokeEntitlement(subject: "user:bob", resource: "dataset:stocknet_tweets") { ok entitlement { active revokedBy } } }`;
    expect((await p.query(revoke, {}, { token: admin })).data.revokeEntitlement).toEqual({
      ok: true,
      entitlement: { active: false, revokedBy: 'alice-admin' },
    });
    const listed = await p.query(
      '{ entitlements(subject: "user:bob", includeRevoked: true) { resource active } }',
      {},
      { token: compliance },
    );
    expect(listed.data.entitlements).toEqual([{ resource: 'dataset:stocknet_tweets', active: false }]);

    const log = await p.query(
      '{ auditLog(filter: { actor: "alice-admin" }) { action resource details } auditChain { ok checked firstBrokenId } }',
      {},
      { token: compliance },
    );
    expect(log.data.auditLog.map((e: any) => e.action)).toEqual([
      'mutation:revokeEntitlement',
      'mutation:grantEntitlement',
    ]);
    expect(log.data.auditLog[0].details.before.revokedAt).toBeNull();
    expect(log.data.auditLog[0].details.after.revokedBy).toBe('alice-admin');
    expect(log.data.auditChain).toMatchObject({ ok: true, firstBrokenId: null });
    expect(log.data.auditChain.checked).toBeGreaterThanOrEqual(2);
    const notCompliance = await p.query('{ auditChain { ok } }', {}, { token: admin });
    expect(notCompliance.errors?.[0]?.message).toBe('Query.auditChain requires role compliance; you have admin');
  });
});
