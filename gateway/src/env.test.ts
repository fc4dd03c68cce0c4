import { TEST_AUTH, TEST_AUTH_ENV } from '@alphagraph/auth/testing';
import { ConfigError } from '@alphagraph/config';
import { describe, expect, it } from 'vitest';
import { loadGatewayEnv } from './env.ts';

describe('loadGatewayEnv', () => {
  it('defaults to port 4000 on 127.0.0.1 and the subgraphs on ports 4001-4005', () => {
    expect(loadGatewayEnv({ ...TEST_AUTH_ENV })).toEqual({
      auth: TEST_AUTH,
      graphiqlToken: undefined,
      port: 4000,
      host: '127.0.0.1',
      stopGraceMs: 5000,
      subgraphUrls: {
        'market-data': 'http://127.0.0.1:4001/graphql',
        'alt-data': 'http://127.0.0.1:4002/graphql',
        features: 'http://127.0.0.1:4003/graphql',
        models: 'http://127.0.0.1:4004/graphql',
        backtests: 'http://127.0.0.1:4005/graphql',
      },
    });
  });

  it('takes each subgraph URL from its own variable; an empty one counts as unset', () => {
    const env = loadGatewayEnv({
      ...TEST_AUTH_ENV,
      PORT: '8080',
      SUBGRAPH_MARKET_DATA_URL: 'https://market-data.internal/graphql',
      SUBGRAPH_BACKTESTS_URL: '',
    });
    expect(env.port).toBe(8080);
    expect(env.subgraphUrls['market-data']).toBe('https://market-data.internal/graphql');
    expect(env.subgraphUrls.backtests).toBe('http://127.0.0.1:4005/graphql');
  });

  it('reports every invalid value together', () => {
    const load = () =>
      loadGatewayEnv({ PORT: 'eighty', SUBGRAPH_ALT_DATA_URL: 'ftp://x', SUBGRAPH_MODELS_URL: 'models' });
    expect(load).toThrow(ConfigError);
    expect(load).toThrow(
      [
        'Invalid configuration:',
        '  - http: PORT: Invalid input: expected number, received NaN',
        '  - subgraphs: SUBGRAPH_ALT_DATA_URL: must be an http:// or https:// URL',
        '  - subgraphs: SUBGRAPH_MODELS_URL: must be an http:// or https:// URL',
        '  - auth: AUTH_JWT_SECRET: set exactly one of AUTH_JWT_SECRET (development), AUTH_JWKS_URL or AUTH_JWKS_FILE',
      ].join('\n'),
    );
  });
});
