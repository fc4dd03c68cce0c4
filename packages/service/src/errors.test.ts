import { openDatabase } from '@alphagraph/db';
import { createTestDatabase } from '@alphagraph/db/testing';
import { maskFormattedError } from '@alphagraph/server';
import { ApolloServer } from '@apollo/server';
import { describe, expect, it } from 'vitest';
import { DATABASE_UNAVAILABLE_MESSAGE, DomainError, dependencyErrorsPlugin } from './index.ts';

/** A subgraph's error handling as its server sets it up: masking, with the plugin before it. */
async function serverOver(read: () => Promise<unknown>) {
  const server = new ApolloServer({
    typeDefs: 'type Query { read: Int, refused: Int, broken: Int }',
    resolvers: {
      Query: {
        read: async () => {
          await read();
          return 1;
        },
        refused: () => {
          throw new DomainError('BAD_USER_INPUT', 'not that');
        },
        broken: () => {
          throw new Error('syntax error at or near "SELEC" in SELEC 1');
        },
      },
    },
    formatError: (formatted) => maskFormattedError(formatted),
    plugins: [dependencyErrorsPlugin()],
  });
  await server.start();
  return server;
}

async function errorsOf(server: ApolloServer, query: string) {
  const response = await server.executeOperation({ query });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return response.body.singleResult.errors?.map((e) => ({ message: e.message, code: e.extensions?.code }));
}

describe('a lost database connection', () => {
  it('is UNAVAILABLE with a message saying to retry, on embedded PGlite closed under the service', async () => {
    const t = await createTestDatabase('pglite');
    const server = await serverOver(() => t.exec('select 1'));
    expect(await errorsOf(server, '{ read }')).toBeUndefined();
    await t.dispose();
    expect(await errorsOf(server, '{ read }')).toEqual([
      { message: DATABASE_UNAVAILABLE_MESSAGE, code: 'UNAVAILABLE' },
    ]);
    await server.stop();
  });

  it('is UNAVAILABLE when Postgres cannot be reached (connection refused), without the host in the message', async () => {
    const handle = await openDatabase(
      { url: 'postgres://postgres@127.0.0.1:1/none', prepare: false, poolSize: 1, pgliteDir: '' },
      { migrate: false },
    );
    const server = await serverOver(() => handle.exec('select 1'));
    const errors = await errorsOf(server, '{ read }');
    expect(errors).toEqual([{ message: DATABASE_UNAVAILABLE_MESSAGE, code: 'UNAVAILABLE' }]);
    expect(DATABASE_UNAVAILABLE_MESSAGE).toMatch(/retry/);
    await server.stop();
    await handle.close();
  });

  it('leaves other errors as they were: domain errors keep their code, the rest stay masked', async () => {
    const server = await serverOver(async () => {});
    expect(await errorsOf(server, '{ refused }')).toEqual([{ message: 'not that', code: 'BAD_USER_INPUT' }]);
    expect(await errorsOf(server, '{ broken }')).toEqual([
      { message: 'Internal server error', code: 'INTERNAL_SERVER_ERROR' },
    ]);
    await server.stop();
  });
});
