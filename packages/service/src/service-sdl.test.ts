import { createTokenVerifier } from '@alphagraph/auth';
import { TEST_AUTH, testToken } from '@alphagraph/auth/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningSubgraph, startSubgraphServer } from './server.ts';

describe('_service { sdl } at a subgraph follows the introspection rule', () => {
  let subgraph: RunningSubgraph;
  beforeAll(async () => {
    subgraph = await startSubgraphServer({
      name: 'models',
      resolvers: {},
      context: async (scope) => scope,
      verifier: createTokenVerifier(TEST_AUTH),
      port: 0,
      host: '127.0.0.1',
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  async function serviceSdl(token: string | null) {
    const res = await fetch(subgraph.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    return (await res.json()) as {
      data?: { _service: { sdl: string } | null } | null;
      errors?: { message: string; extensions?: { code?: string } }[];
    };
  }

  it('gives the SDL to explorer roles only: a service identity is refused as for introspection, no token is unauthenticated', async () => {
    expect((await serviceSdl(await testToken(['analyst']))).data?._service?.sdl).toMatch(/type Model\b/);
    const machine = await serviceSdl(await testToken(['service']));
    expect(machine.data?._service ?? null).toBeNull();
    expect(machine.errors?.[0]).toMatchObject({
      message: 'introspection is only available to roles that use the explorer; send such a token',
      extensions: { code: 'FORBIDDEN' },
    });
    expect((await serviceSdl(null)).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
