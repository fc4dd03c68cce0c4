import { join } from 'node:path';
import { z } from 'zod';
import { defaultDataDir } from './paths.ts';

/** Accepts the usual spellings of a boolean environment flag. */
export const booleanFlag = (fallback: boolean) =>
  z
    .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off', ''])
    .optional()
    .transform((v) => (v === undefined || v === '' ? fallback : ['1', 'true', 'yes', 'on'].includes(v)));

/** How long a stopping server lets requests in flight finish, unless STOP_GRACE_SECONDS says otherwise. */
export const DEFAULT_STOP_GRACE_MS = 5_000;

export const httpEnv = (defaultPort: number) =>
  z
    .object({
      PORT: z.coerce.number().int().min(0).max(65535).default(defaultPort),
      HOST: z.string().min(1).default('127.0.0.1'),
      STOP_GRACE_SECONDS: z.coerce
        .number()
        .min(0)
        .max(600)
        .default(DEFAULT_STOP_GRACE_MS / 1000),
    })
    .transform((e) => ({ port: e.PORT, host: e.HOST, stopGraceMs: Math.round(e.STOP_GRACE_SECONDS * 1000) }));
export type HttpEnv = z.output<ReturnType<typeof httpEnv>>;

export const databaseEnv = z
  .object({
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional()
      .or(z.literal('').transform(() => undefined)),
    /** Named prepared statements; off when the server multiplexes clients over one session (PGlite socket). */
    DATABASE_PREPARE: booleanFlag(true),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(5),
    PGLITE_DIR: z.string().min(1).optional(),
  })
  .transform((e) => ({
    url: e.DATABASE_URL,
    prepare: e.DATABASE_PREPARE,
    poolSize: e.DATABASE_POOL_SIZE,
    pgliteDir: e.PGLITE_DIR ?? join(defaultDataDir(), 'pgdata'),
  }));
export type DatabaseEnv = z.output<typeof databaseEnv>;

export const lakeEnv = z
  .object({
    LAKE_ROOT: z.string().min(1).optional(),
    DUCKDB_THREADS: z.coerce.number().int().min(1).max(64).optional(),
    DUCKDB_MEMORY_LIMIT: z
      .string()
      .regex(/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i, 'must look like 2GB or 512MiB')
      .optional(),
    /** The longest one DuckDB statement may run, background work included. */
    DUCKDB_STATEMENT_DEADLINE_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
    /**
     * The longest the DuckDB work of one GraphQL request may run (the gateway stops waiting for a
     * subgraph after GATEWAY_SUBGRAPH_TIMEOUT_SECONDS, 30 by default); a client that goes away
     * stops it at once.
     */
    DUCKDB_REQUEST_DEADLINE_SECONDS: z.coerce.number().int().min(1).max(3_600).default(30),
    /** Unreferenced lake files younger than this are writes in flight; a sweep leaves them. */
    LAKE_SWEEP_GRACE_SECONDS: z.coerce.number().int().min(0).default(3600),
    /** How often a service sweeps its datasets' unreferenced files (also once at start); 0: never. */
    LAKE_SWEEP_INTERVAL_SECONDS: z.coerce
      .number()
      .int()
      .min(0)
      .max(7 * 86_400)
      .default(3600),
  })
  .transform((e) => ({
    root: e.LAKE_ROOT ?? join(defaultDataDir(), 'lake'),
    threads: e.DUCKDB_THREADS,
    memoryLimit: e.DUCKDB_MEMORY_LIMIT,
    statementDeadlineSeconds: e.DUCKDB_STATEMENT_DEADLINE_SECONDS,
    requestDeadlineSeconds: e.DUCKDB_REQUEST_DEADLINE_SECONDS,
    sweep: { graceMs: e.LAKE_SWEEP_GRACE_SECONDS * 1000, intervalMs: e.LAKE_SWEEP_INTERVAL_SECONDS * 1000 },
  }));
export type LakeEnv = z.output<typeof lakeEnv>;

/** Logging of every process: LOG_LEVEL, and LOG_FORMAT (json in production; the dev launcher asks for pretty). */
export const logEnv = z
  .object({
    LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).default('info'),
    LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  })
  .transform((e) => ({ level: e.LOG_LEVEL, format: e.LOG_FORMAT }));
export type LogEnv = z.output<typeof logEnv>;

const otlpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL (OTLP over HTTP)' });

/**
 * Traces of every process (OpenTelemetry, OTLP over HTTP with JSON bodies), with the standard
 * variables: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT (the full URL, e.g. http://jaeger:4318/v1/traces)
 * or OTEL_EXPORTER_OTLP_ENDPOINT (the collector's base URL; `/v1/traces` is appended). Neither
 * set (or set empty): `tracesUrl` is undefined and nothing is started or exported.
 */
export const tracingEnv = z
  .object({
    OTEL_EXPORTER_OTLP_ENDPOINT: z.literal('').or(otlpUrl).optional(),
    OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: z.literal('').or(otlpUrl).optional(),
  })
  .transform((e) => ({
    tracesUrl:
      e.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ||
      (e.OTEL_EXPORTER_OTLP_ENDPOINT ? `${e.OTEL_EXPORTER_OTLP_ENDPOINT.replace(/\/+$/, '')}/v1/traces` : undefined),
  }));
export type TracingEnv = z.output<typeof tracingEnv>;
