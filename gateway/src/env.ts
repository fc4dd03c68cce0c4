import { type AuthEnv, authEnv, isRole } from '@alphagraph/auth';
import {
  booleanFlag,
  defaultSubgraphUrl,
  type EnvSource,
  GATEWAY,
  httpEnv,
  type LogEnv,
  loadEnv,
  logEnv,
  SUBGRAPHS,
  type SubgraphName,
  subgraphUrlVariable,
  type TracingEnv,
  tracingEnv,
} from '@alphagraph/config';
import { type OperationLimits, operationLimitsEnv } from '@alphagraph/server';
import { z } from 'zod';
import { DEFAULT_FAIRNESS, type FairnessOptions, type RateLimit } from './internal/admission.ts';
import type { GraphiqlDevIdentity } from './internal/graphiql.ts';
import type { TrustedDocumentsOptions } from './internal/persisted.ts';
import { DEFAULT_SUBGRAPH_TIMEOUT_MS } from './server.ts';

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' });

/** One optional override per subgraph (SUBGRAPH_MARKET_DATA_URL, ...); an empty value counts as unset. */
const subgraphUrlsEnv = z
  .object(
    Object.fromEntries(SUBGRAPHS.map(({ name }) => [subgraphUrlVariable(name), z.literal('').or(httpUrl).optional()])),
  )
  .transform(
    (e) =>
      Object.fromEntries(
        SUBGRAPHS.map(({ name }) => [name, e[subgraphUrlVariable(name)] || defaultSubgraphUrl(name)]),
      ) as Record<SubgraphName, string>,
  );

/** `role=perSecond/burst,...`, e.g. `default=100/200,service=1000/2000`. */
const ratesSpec = z
  .string()
  .regex(
    /^\s*[a-z]+=\d+(\.\d+)?\/\d+\s*(,\s*[a-z]+=\d+(\.\d+)?\/\d+\s*)*$/,
    'must be role=perSecond/burst pairs separated by commas, e.g. default=100/200,service=1000/2000',
  )
  .transform((spec, ctx) => {
    const rates: Record<string, RateLimit> = { ...DEFAULT_FAIRNESS.rates } as Record<string, RateLimit>;
    for (const pair of spec.split(',')) {
      const [role, rate] = pair.trim().split('=') as [string, string];
      const [perSecond, burst] = rate.split('/').map(Number) as [number, number];
      if (role !== 'default' && !isRole(role)) ctx.addIssue({ code: 'custom', message: `unknown role ${role}` });
      if (perSecond <= 0 || burst < 1)
        ctx.addIssue({ code: 'custom', message: `${role}: rate and burst must be positive` });
      rates[role] = { perSecond, burst };
    }
    return rates as FairnessOptions['rates'];
  });

const fairnessEnv = z
  .object({
    GATEWAY_RATE_LIMITS: ratesSpec.default(DEFAULT_FAIRNESS.rates),
    GATEWAY_EXPENSIVE_COST: z.coerce.number().int().min(1).default(DEFAULT_FAIRNESS.expensiveCost),
    GATEWAY_MAX_EXPENSIVE_PER_CALLER: z.coerce.number().int().min(1).default(DEFAULT_FAIRNESS.maxExpensivePerCaller),
    GATEWAY_SUBGRAPH_TIMEOUT_SECONDS: z.coerce
      .number()
      .positive()
      .max(3600)
      .default(DEFAULT_SUBGRAPH_TIMEOUT_MS / 1000),
    GATEWAY_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).optional(),
    GATEWAY_METRICS: booleanFlag(true),
  })
  .transform((e) => ({
    fairness: {
      rates: e.GATEWAY_RATE_LIMITS,
      expensiveCost: e.GATEWAY_EXPENSIVE_COST,
      maxExpensivePerCaller: e.GATEWAY_MAX_EXPENSIVE_PER_CALLER,
    } satisfies FairnessOptions,
    subgraphTimeoutMs: Math.round(e.GATEWAY_SUBGRAPH_TIMEOUT_SECONDS * 1000),
    logging: e.GATEWAY_LOG_LEVEL,
    metrics: e.GATEWAY_METRICS,
  }));

/**
 * GATEWAY_PERSISTED_ONLY_ROLES: roles (comma-separated, e.g. `service`) whose callers may run only
 * persisted operations, by id, from the trusted documents (the SDK's manifest); a free-form query
 * from such a token is refused with PERSISTED_QUERY_ONLY. Unset or empty: every role may send
 * free-form queries. Persisted ids are accepted from everyone either way.
 */
const trustedDocumentsEnv = z
  .object({
    GATEWAY_PERSISTED_ONLY_ROLES: z
      .string()
      .transform((v, ctx) => {
        const roles = v
          .split(',')
          .map((r) => r.trim())
          .filter(Boolean);
        for (const r of roles) if (!isRole(r)) ctx.addIssue({ code: 'custom', message: `unknown role ${r}` });
        return roles.filter(isRole);
      })
      .optional(),
  })
  .transform((e): TrustedDocumentsOptions => ({ persistedOnlyRoles: e.GATEWAY_PERSISTED_ONLY_ROLES ?? [] }));

export interface GatewayEnv {
  port: number;
  host: string;
  stopGraceMs: number;
  subgraphUrls: Record<SubgraphName, string>;
  auth: AuthEnv;
  /** Development: who GraphiQL signs in as (GRAPHIQL_DEV_USER, GRAPHIQL_DEV_ROLES; the launcher sets them). */
  graphiqlDevIdentity: GraphiqlDevIdentity | undefined;
  /** GRAPHQL_MAX_*: the operation limits (the subgraphs read the same variables). */
  limits: OperationLimits;
  fairness: FairnessOptions;
  subgraphTimeoutMs: number;
  /**
   * LOG_LEVEL (trace → debug, fatal and silent → error), or GATEWAY_LOG_LEVEL when set; `debug`
   * adds subgraph requests with their variables and bodies.
   */
  logging: 'debug' | 'info' | 'warn' | 'error';
  /** GATEWAY_PERSISTED_ONLY_ROLES: who may run persisted operations only. */
  trustedDocuments: TrustedDocumentsOptions;
  /** LOG_FORMAT: JSON lines (default, production) or the runtime's readable ones (the dev launcher). */
  logFormat: 'json' | 'pretty';
  /** GATEWAY_METRICS (default on; `off` leaves the Prometheus plugins out, e.g. to measure their cost). */
  metrics: boolean;
  /** OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT: where the gateway's spans go (unset: nowhere). */
  tracing: TracingEnv;
}

const graphiqlEnv = z
  .object({
    GRAPHIQL_DEV_USER: z.string().min(1).optional(),
    GRAPHIQL_DEV_ROLES: z
      .string()
      .transform((v, ctx) => {
        const roles = v.split(',').map((r) => r.trim());
        for (const r of roles) if (!isRole(r)) ctx.addIssue({ code: 'custom', message: `unknown role ${r}` });
        return roles.filter(isRole);
      })
      .optional(),
  })
  .transform((e): GraphiqlDevIdentity | undefined =>
    e.GRAPHIQL_DEV_USER && e.GRAPHIQL_DEV_ROLES?.length
      ? { userId: e.GRAPHIQL_DEV_USER, roles: e.GRAPHIQL_DEV_ROLES }
      : undefined,
  );

/** Validates the gateway's configuration once, at boot; `source` defaults to `process.env`. */
export function loadGatewayEnv(source?: EnvSource): GatewayEnv {
  const env = loadEnv(
    {
      http: httpEnv(GATEWAY.defaultPort),
      subgraphs: subgraphUrlsEnv,
      auth: authEnv,
      graphiql: graphiqlEnv,
      limits: operationLimitsEnv,
      fairness: fairnessEnv,
      trustedDocuments: trustedDocumentsEnv,
      log: logEnv,
      tracing: tracingEnv,
    },
    source,
  );
  return {
    ...env.http,
    subgraphUrls: env.subgraphs,
    auth: env.auth,
    graphiqlDevIdentity: env.graphiql,
    limits: env.limits,
    ...env.fairness,
    trustedDocuments: env.trustedDocuments,
    // One level for every process (LOG_LEVEL); GATEWAY_LOG_LEVEL, when set, overrides it here.
    logging: env.fairness.logging ?? gatewayLevelOf(env.log.level),
    logFormat: env.log.format,
    tracing: env.tracing,
  };
}

/** LOG_LEVEL (pino's levels) as the gateway runtime's nearest level. */
export function gatewayLevelOf(level: LogEnv['level']): GatewayEnv['logging'] {
  switch (level) {
    case 'trace':
    case 'debug':
      return 'debug';
    case 'info':
      return 'info';
    case 'warn':
      return 'warn';
    default:
      return 'error';
  }
}
