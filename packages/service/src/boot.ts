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
import type { DatabaseEnv, HttpEnv, LakeEnv } from '@alphagraph/config';
import { type DatabaseHandle, openDatabase } from '@alphagraph/db';
import { Lake } from '@alphagraph/lake';
import { createDownloads, type Downloads } from './downloads.ts';
import type { PlatformEnv } from './env.ts';
import {
  type RequestScope,
  type RunningSubgraph,
  type ServiceContext,
  type SubgraphResolvers,
  startSubgraphServer,
} from './server.ts';

export interface ServiceRuntime {
  readonly handle: DatabaseHandle;
  readonly lake: Lake;
  readonly audit: AuditLog;
  readonly entitlements: Entitlements;
  readonly downloads: Downloads;
  /** Verifies bearer tokens (one per process: with a JWKS, one key cache). */
  readonly verifier: TokenVerifier;
}

export interface ServiceWiring<C extends ServiceContext> {
  resolvers: SubgraphResolvers;
  context: (scope: RequestScope) => Promise<C>;
  /** Decides the subgraph's data-dependent @policy rules (licence entitlements). */
  decidePolicy?: PolicyDecider | undefined;
  /** Work after the server listens (e.g. loading demo data). */
  afterStart?: (() => Promise<void>) | undefined;
}

export interface BootOptions<C extends ServiceContext> {
  name: string;
  env: { http: HttpEnv; db: DatabaseEnv; lake: LakeEnv; auth: AuthEnv; platform: PlatformEnv };
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
  };
}

/**
 * Opens the control-plane database and the lake, starts the subgraph, and stops cleanly on
 * SIGINT/SIGTERM. Every service's main.ts is one call to this.
 */
export async function bootSubgraph<C extends ServiceContext>(options: BootOptions<C>): Promise<RunningSubgraph> {
  const handle = await openDatabase(options.env.db);
  const lake = await Lake.open({
    root: options.env.lake.root,
    db: handle.db,
    threads: options.env.lake.threads,
    memoryLimit: options.env.lake.memoryLimit,
  });
  const runtime = serviceRuntime({
    service: options.name,
    handle,
    lake,
    auth: options.env.auth,
    platform: options.env.platform,
  });
  const wired = await options.setup(runtime);
  const server = await startSubgraphServer<C>({
    name: options.name,
    resolvers: wired.resolvers,
    context: wired.context,
    verifier: runtime.verifier,
    decidePolicy: wired.decidePolicy,
    port: options.env.http.port,
    host: options.env.http.host,
    routes: [runtime.downloads.route],
  });
  console.log(`[${options.name}] listening on ${server.url}`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await lake.close();
    await handle.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stop().finally(() => process.exit(0));
    });
  }
  if (wired.afterStart) await wired.afterStart();
  console.log(`[${options.name}] ready`);
  return { url: server.url, stop };
}
