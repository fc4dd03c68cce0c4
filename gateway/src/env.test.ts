import { TEST_AUTH, TEST_AUTH_ENV } from '@alphagraph/auth/testing';
import { ConfigError } from '@alphagraph/config';
import { DEFAULT_OPERATION_LIMITS } from '@alphagraph/server';
import { describe, expect, it } from 'vitest';
import { loadGatewayEnv } from './env.ts';
import { DEFAULT_FAIRNESS } from './internal/admission.ts';

describe('loadGatewayEnv', () => {
  it('defaults to port 4000 on 127.0.0.1 and the subgraphs on ports 4001-4005', () => {
    expect(loadGatewayEnv({ ...TEST_AUTH_ENV })).toEqual({
      auth: TEST_AUTH,
      graphiqlDevIdentity: undefined,
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
      limits: DEFAULT_OPERATION_LIMITS,
      fairness: DEFAULT_FAIRNESS,
      subgraphTimeoutMs: 30_000,
      logging: 'info',
      trustedDocuments: { persistedOnlyRoles: [] },
      logFormat: 'json',
      metrics: true,
      tracing: { tracesUrl: undefined },
    });
  });

  it('takes its log level from LOG_LEVEL like every process, unless GATEWAY_LOG_LEVEL overrides it', () => {
    expect(loadGatewayEnv({ ...TEST_AUTH_ENV }).logging).toBe('info');
    expect(loadGatewayEnv({ ...TEST_AUTH_ENV, LOG_LEVEL: 'warn' }).logging).toBe('warn');
    expect(loadGatewayEnv({ ...TEST_AUTH_ENV, LOG_LEVEL: 'trace' }).logging).toBe('debug');
    expect(loadGatewayEnv({ ...TEST_AUTH_ENV, LOG_LEVEL: 'silent' }).logging).toBe('error');
    expect(loadGatewayEnv({ ...TEST_AUTH_ENV, LOG_LEVEL: 'warn', GATEWAY_LOG_LEVEL: 'debug' }).logging).toBe('debug');
  });

  it('turns the Prometheus plugins off with GATEWAY_METRICS=off and exports traces where OTEL_* says', () => {
    const env = (extra: Record<string, string>) => loadGatewayEnv({ ...TEST_AUTH_ENV, ...extra });
    expect(env({ GATEWAY_METRICS: 'off' }).metrics).toBe(false);
    // The base endpoint gets the traces path; the traces endpoint is taken as it is, and wins.
    expect(env({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318/' }).tracing).toEqual({
      tracesUrl: 'http://jaeger:4318/v1/traces',
    });
    expect(
      env({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://jaeger:4318', OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://t:1/x' })
        .tracing,
    ).toEqual({ tracesUrl: 'http://t:1/x' });
    expect(env({ OTEL_EXPORTER_OTLP_ENDPOINT: '' }).tracing).toEqual({ tracesUrl: undefined });
    expect(() => env({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://jaeger:4317' })).toThrow(
      /tracing: OTEL_EXPORTER_OTLP_ENDPOINT: must be an http/,
    );
  });

  it('reads the operation limits, rate limits per role, the subgraph deadline and the log level', () => {
    const env = loadGatewayEnv({
      ...TEST_AUTH_ENV,
      GRAPHQL_MAX_DEPTH: '8',
      GRAPHQL_MAX_COST: '1000',
      GATEWAY_RATE_LIMITS: 'default=5/10, trader=50/100',
      GATEWAY_MAX_EXPENSIVE_PER_CALLER: '1',
      GATEWAY_SUBGRAPH_TIMEOUT_SECONDS: '2.5',
      GATEWAY_LOG_LEVEL: 'debug',
    });
    expect(env.limits).toEqual({ ...DEFAULT_OPERATION_LIMITS, maxDepth: 8, maxCost: 1000 });
    expect(env.fairness.rates).toEqual({
      default: { perSecond: 5, burst: 10 },
      service: DEFAULT_FAIRNESS.rates.service,
      trader: { perSecond: 50, burst: 100 },
    });
    expect(env.fairness.maxExpensivePerCaller).toBe(1);
    expect(env.subgraphTimeoutMs).toBe(2500);
    expect(env.logging).toBe('debug');
  });

  it('refuses limits and rates that make no sense, naming each', () => {
    const load = () => loadGatewayEnv({ ...TEST_AUTH_ENV, GRAPHQL_MAX_DEPTH: '0', GATEWAY_RATE_LIMITS: 'wizard=1/1' });
    expect(load).toThrow(/GRAPHQL_MAX_DEPTH/);
    expect(load).toThrow(/unknown role wizard/);
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
