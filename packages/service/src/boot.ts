import { createHmac } from 'node:crypto';
import {
  type AuditLog,
  type AuthEnv,
  createAuditLog,
  createEntitlements,
  createTokenVerifier,
  type Entitlements,
  type PolicyDecider,
  type TokenVerifier,
} from '@alphagraph/auth';
import type { DatabaseEnv, HttpEnv, LakeEnv, LogEnv, TracingEnv } from '@alphagraph/config';
import { type DatabaseHandle, openDatabase } from '@alphagraph/db';
import { Lake } from '@alphagraph/lake';
import { exitOnShutdownSignal, type OperationLimits, startTracing } from '@alphagraph/server';
import { createDownloads, type Downloads } from './downloads.ts';
import type { PlatformEnv } from './env.ts';
import { dependencyErrorsPlugin } from './errors.ts';
import type { HttpRoute } from './http.ts';
import { createLogger, type Logger } from './logger.ts';
import { checkReadiness, serviceReadinessChecks } from './readiness.ts';
import {
  type RequestScope,
  type RunningSubgraph,
  type ServiceContext,
  type SubgraphResolvers,
  startSubgraphServer,
} from './server.ts';
import { type LakeSweeper, startLakeSweeper } from './sweeper.ts';

export interface ServiceRuntime {
  readonly handle: DatabaseHandle;
  readonly lake: Lake;
  readonly audit: AuditLog;
  readonly entitlements: Entitlements;
  readonly downloads: Downloads;
  /** Verifies bearer tokens (one per process: with a JWKS, one key cache). */
  readonly verifier: TokenVerifier;
  /** The process's logger (JSON lines; during a request each carries its request id and user id). */
  readonly log: Logger;
}

export interface ServiceWiring<C extends ServiceContext> {
  resolvers: SubgraphResolvers;
  context: (scope: RequestScope) => Promise<C>;
  /** Decides the subgraph's data-dependent @policy rules (licence entitlements). */
  decidePolicy?: PolicyDecider | undefined;
  /** Starts the service's background work (schedulers, sweeps) once the server listens. */
  start?: (() => void | Promise<void>) | undefined;
  /**
   * Ends that work on shutdown: after the server stopped taking requests (none is still being
   * answered), before the lake and the database close (so the work can still record its state).
   */
  stop?: ((options: { graceMs: number }) => Promise<void>) | undefined;
  /** Work after the server listens and `start` ran (e.g. loading demo data). */
  afterStart?: (() => Promise<void>) | undefined;
  /** The service's own HTTP routes beside /graphql and downloads (pages the gateway passes through). */
  routes?: readonly HttpRoute[] | undefined;
}

export interface BootOptions<C extends ServiceContext> {
  name: string;
  env: {
    http: HttpEnv;
    db: DatabaseEnv;
    lake: LakeEnv;
    auth: AuthEnv;
    platform: PlatformEnv;
    limits?: OperationLimits | undefined;
    /** LOG_LEVEL; default info. */
    log?: LogEnv | undefined;
    /** Where spans are exported (service name `alphagraph-<name>`); unset: tracing is off. */
    tracing?: TracingEnv | undefined;
  };
  /** Wires stores and resolvers once the database (migrated) and lake are open. */
  setup(runtime: ServiceRuntime): Promise<ServiceWiring<C>>;
}

/** The runtime every service is wired on: database, lake, audit log, entitlements, downloads. */
export function serviceRuntime(options: {
  service: string;
  handle: DatabaseHandle;
  lake: Lake;
  auth: AuthEnv;
  platform: PlatformEnv;
  log?: Logger | undefined;
}): ServiceRuntime {
  const { handle, lake, auth, platform } = options;
  const secret =
    platform.downloadSecret ?? (auth.secret && createHmac('sha256', auth.secret).update('downloads').digest('hex'));
  if (!secret) throw new Error('DOWNLOAD_SECRET is required when tokens are verified against a JWKS');
  const verifier = createTokenVerifier(auth);
  return {
    handle,
    lake,
    audit: createAuditLog(handle.db),
    entitlements: createEntitlements(handle.db),
    downloads: createDownloads({
      service: options.service,
      lake,
      secret,
      publicUrl: platform.publicUrl,
      verifier,
      ttlSeconds: platform.downloadTtlSeconds,
    }),
    verifier,
    log: options.log ?? createLogger({ service: options.service }),
  };
}

/** Runs every step, in order, even when one before it failed: the database closes whatever happened. */
async function stopInOrder(log: Logger, steps: readonly (readonly [string, () => Promise<void>])[]): Promise<void> {
  let failure: unknown;
  for (const [done, step] of steps) {
    try {
      await step();
      log.info(done);
    } catch (error) {
      failure ??= error;
      log.error({ err: error }, `stopping failed before it ${done}`);
    }
  }
  if (failure) throw failure;
}

/**
 * Opens the control-plane database and the lake, starts the subgraph and the service's work, and
 * owns the process's shutdown (the one SIGINT/SIGTERM handler): stop taking requests, stop the
 * service's work, then close the lake and the database. Every service's main.ts is one call to this.
 */
export async function bootSubgraph<C extends ServiceContext>(options: BootOptions<C>): Promise<RunningSubgraph> {
  const logger = createLogger({ service: options.name, level: options.env.log?.level });
  const log = (line: string) => logger.info(line);
  // First, so that the spans of the start (migrations, the demo load) are exported too.
  const tracing = await startTracing({ serviceName: `alphagraph-${options.name}`, env: options.env.tracing });
  if (tracing.enabled) logger.info({ url: options.env.tracing?.tracesUrl }, 'exporting traces over OTLP');
  const handle = await openDatabase(options.env.db);
  const lake = await Lake.open({
    root: options.env.lake.root,
    db: handle.db,
    threads: options.env.lake.threads,
    memoryLimit: options.env.lake.memoryLimit,
    statementDeadlineSeconds: options.env.lake.statementDeadlineSeconds,
  });
  const runtime = serviceRuntime({
    service: options.name,
    handle,
    lake,
    auth: options.env.auth,
    platform: options.env.platform,
    log: logger,
  });
  // Readiness: "loading" until the demo load (afterStart) finished, its failure once it failed.
  let demo: string | null = 'the demo load has not finished';
  const readiness = serviceReadinessChecks({ handle, lake, demo: () => demo });
  const wired = await options.setup(runtime);
  const server = await startSubgraphServer<C>({
    name: options.name,
    resolvers: wired.resolvers,
    context: wired.context,
    verifier: runtime.verifier,
    decidePolicy: wired.decidePolicy,
    port: options.env.http.port,
    host: options.env.http.host,
    stopGraceMs: options.env.http.stopGraceMs,
    limits: options.env.limits,
    requestDeadlineSeconds: options.env.lake.requestDeadlineSeconds,
    routes: [runtime.downloads.route, ...(wired.routes ?? [])],
    plugins: [dependencyErrorsPlugin<C>()],
    readiness: () => checkReadiness(readiness),
    log: logger,
  });
  logger.info({ url: server.url }, `listening on ${server.url}`);
  // Each service sweeps the directories of the datasets it owns (and alone writes).
  const { graceMs, intervalMs } = options.env.lake.sweep;
  const sweeper: LakeSweeper | undefined =
    intervalMs > 0
      ? startLakeSweeper({ root: lake.root, db: handle.db, owner: options.name, graceMs, intervalMs, log })
      : undefined;
  let stopped: Promise<void> | undefined;
  const stop = () => {
    const stopWork = wired.stop;
    stopped ??= stopInOrder(logger, [
      ['stopped taking requests', () => server.stop()],
      ...(stopWork ? [['stopped its work', () => stopWork({ graceMs: options.env.http.stopGraceMs })] as const] : []),
      ...(sweeper ? [['stopped sweeping the lake', () => sweeper.stop()] as const] : []),
      ['closed the lake', () => lake.close()],
      ['closed the database', () => handle.close()],
      ...(tracing.enabled ? [['exported its last spans', () => tracing.shutdown()] as const] : []),
    ]);
    return stopped;
  };
  exitOnShutdownSignal(async (signal) => {
    log(`${signal}: stopping`);
    await stop();
  });
  if (wired.start) await wired.start();
  if (wired.afterStart) {
    try {
      await wired.afterStart();
    } catch (error) {
      demo = `the demo load failed: ${(error as Error)?.message ?? String(error)}`;
      throw error;
    }
  }
  demo = null;
  log('ready');
  return { url: server.url, stop };
}
