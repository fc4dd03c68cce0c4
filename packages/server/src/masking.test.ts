import type { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskFormattedError, maskThrownError } from './masking.ts';

describe('maskFormattedError (subgraphs)', () => {
  it('keeps a coded error, without the stack trace a development server adds', () => {
    expect(
      maskFormattedError({
        message: 'model demo is not registered',
        path: ['model'],
        extensions: { code: 'NOT_FOUND', stacktrace: ['Error: x', '  at f (a.ts:1:1)'] },
      }),
    ).toEqual({ message: 'model demo is not registered', path: ['model'], extensions: { code: 'NOT_FOUND' } });
  });

  it('hides an uncoded or internal error behind the one generic message, keeping where it happened', () => {
    const where = { locations: [{ line: 1, column: 3 }], path: ['models'] };
    for (const extensions of [undefined, { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at db.ts:9:9'] }]) {
      expect(
        maskFormattedError({
          message: 'relation "models" does not exist',
          ...where,
          ...(extensions ? { extensions } : {}),
        }),
      ).toEqual({ message: 'Internal server error', ...where, extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    }
  });
});

describe('maskThrownError (the gateway)', () => {
  it('says the same as a subgraph for an unexpected throw', () => {
    expect((maskThrownError(new Error('password=hunter2')) as GraphQLError).toJSON()).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });
});
