import { authEnv } from '@alphagraph/auth';
import {
  booleanFlag,
  databaseEnv,
  type EnvSource,
  httpEnv,
  lakeEnv,
  loadEnv,
  logEnv,
  type SubgraphName,
  subgraphDefaultPort,
  tracingEnv,
} from '@alphagraph/config';
import { operationLimitsEnv } from '@alphagraph/server';
import { z } from 'zod';

export const demoEnv = z
  .object({
    DEMO_DATA: booleanFlag(false),
    DEMO_DATA_DIR: z.string().min(1).optional(),
    /**
     * Load only the demo bars of sessions before this date (YYYY-MM-DD), e.g. for `alphagraph replay`,
     * which ingests the later sessions one by one. Unset: every bar.
     */
    DEMO_BARS_UNTIL: z.iso.date().optional(),
  })
  .transform((e) => ({ load: e.DEMO_DATA, dir: e.DEMO_DATA_DIR, barsUntil: e.DEMO_BARS_UNTIL }));

const platformEnv = z
  .object({
    /** Where clients reach the platform (the gateway); links such as downloads point there. */
    PUBLIC_URL: z.url({ protocol: /^https?$/ }).default('http://127.0.0.1:4000'),
    /** Signs download links; defaults to a key derived from AUTH_JWT_SECRET in development. */
    DOWNLOAD_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    DOWNLOAD_TTL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(900),
  })
  .transform((e) => ({
    publicUrl: e.PUBLIC_URL,
    downloadSecret: e.DOWNLOAD_SECRET,
    downloadTtlSeconds: e.DOWNLOAD_TTL_SECONDS,
  }));
export type PlatformEnv = z.output<typeof platformEnv>;

/**
 * The configuration every subgraph shares: HTTP (on the subgraph's port from the roster unless
 * PORT says otherwise), database, lake, demo data, token verification, operation limits, tracing.
 */
export function loadServiceEnv(name: SubgraphName, source: EnvSource) {
  return loadEnv(
    {
      http: httpEnv(subgraphDefaultPort(name)),
      db: databaseEnv,
      lake: lakeEnv,
      demo: demoEnv,
      auth: authEnv,
      platform: platformEnv,
      // The gateway's limits (GRAPHQL_MAX_*), applied again to every call that reaches the subgraph.
      limits: operationLimitsEnv,
      log: logEnv,
      // OTEL_EXPORTER_OTLP_(TRACES_)ENDPOINT: where spans go; unset, none are exported.
      tracing: tracingEnv,
    },
    source,
  );
}
export type ServiceEnv = ReturnType<typeof loadServiceEnv>;
