import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { maskGatewayError } from './mask-error.ts';

const MESSAGE = 'Unexpected error.';

describe('maskGatewayError', () => {
  it('hides an unexpected throw behind the generic message', () => {
    const masked = maskGatewayError(new Error('password=hunter2 at db.internal'), MESSAGE);
    expect(masked).toBeInstanceOf(GraphQLError);
    expect((masked as GraphQLError).toJSON()).toEqual({
      message: MESSAGE,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('hides a GraphQLError that wraps an unexpected throw, keeping its path', () => {
    const wrapped = new GraphQLError('relation "users" does not exist', {
      path: ['me'],
      originalError: new Error('relation "users" does not exist'),
    });
    expect((maskGatewayError(wrapped, MESSAGE) as GraphQLError).toJSON()).toEqual({
      message: MESSAGE,
      path: ['me'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
  });

  it('names the subgraph past its deadline, without the copy of the call the runtime attached', () => {
    const error = new GraphQLError('The operation was aborted due to timeout', {
      path: ['instruments', 'lastClose'],
      extensions: {
        serviceName: 'prices',
        code: 'GATEWAY_TIMEOUT',
        request: { url: 'http://prices/graphql', method: 'POST', body: '{"variables":{"secret":1}}' },
        http: { status: 504 },
      },
    });
    expect((maskGatewayError(error, MESSAGE) as GraphQLError).toJSON()).toEqual({
      message: 'Subgraph "prices" did not answer in time.',
      path: ['instruments', 'lastClose'],
      extensions: { code: 'GATEWAY_TIMEOUT', serviceName: 'prices' },
    });
  });

  it('keeps a deliberate GraphQLError as it is', () => {
    const error = new GraphQLError('Not entitled to dataset "tweets"', { extensions: { code: 'FORBIDDEN' } });
    expect(maskGatewayError(error, MESSAGE)).toBe(error);
  });

  it('strips the stack trace a development-mode subgraph attached', () => {
    const error = new GraphQLError('boom', {
      path: ['x'],
      extensions: {
        code: 'INTERNAL_SERVER_ERROR',
        serviceName: 'models',
        stacktrace: ['Error: boom', '  at f (a.ts:1:1)'],
      },
    });
    expect((maskGatewayError(error, MESSAGE) as GraphQLError).toJSON()).toEqual({
      message: 'boom',
      path: ['x'],
      extensions: { code: 'INTERNAL_SERVER_ERROR', serviceName: 'models' },
    });
  });

  it('names a subgraph that timed out, dropping the transport details', () => {
    const error = new GraphQLError('The operation was aborted due to timeout', {
      path: ['backtest'],
      originalError: new Error('The operation was aborted due to timeout'),
      extensions: { code: 'TIMEOUT_ERROR', serviceName: 'backtests', request: { method: 'POST', body: '{}' } },
    });
    expect((maskGatewayError(error, MESSAGE) as GraphQLError).toJSON()).toEqual({
      message: 'Subgraph "backtests" did not answer in time.',
      path: ['backtest'],
      extensions: { code: 'TIMEOUT_ERROR', serviceName: 'backtests' },
    });
  });
});
