import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mintDevToken, type Role } from '@alphagraph/auth';
import {
  defaultDataDir,
  GATEWAY,
  MAIN_EXPORT,
  SUBGRAPHS,
  type SubgraphName,
  subgraphUrlVariable,
} from '@alphagraph/config';
import { openDatabase } from '@alphagraph/db';
import { type EmbeddedServer, serveEmbeddedPostgres } from '@alphagraph/db/server';
import { devJwtSecret, embeddedUrlFile } from './dev-auth.ts';
import { freePort } from './ports.ts';
import { prettyLogLine } from './pretty-log.ts';
import { startTsProcess } from './process.ts';
import { type SupervisedProcess, type SupervisionOptions, superviseProcess } from './supervise.ts';
import { workspaceExport } from './workspace.ts';

export interface PlatformOptions {
  /** A Postgres URL; when absent, embedded PGlite in `dataDir` is served to the services. */
  databaseUrl?: string | undefined;
  /** Embedded state (PGlite data, lake) lives here; default .alphagraph/ in the repository. */
  dataDir?: string;
  /** Load the demo data and catalog on start (idempotent). */
  demo?: boolean;
  /** The roster's default ports (gateway 4000, subgraphs 4001-4005) or free ones chosen by the OS. */
  ports?: 'default' | 'free';
  /** Extra environment for every process (e.g. auth settings). */
  env?: Record<string, string>;
  /** How dead or unresponsive processes are restarted (defaults: see `superviseProcess`). */
  supervision?: SupervisionOptions;
  /** Where the processes' lines go, as they print them (JSON); default: the console, pretty. */
  log?: (line: string) => void;
  /**
   * Start only these subgraphs (tests that need two of them on a busy machine); default all. The
   * gateway still serves the whole graph: a query reaching a subgraph not started fails.
   */
  subgraphs?: readonly SubgraphName[] | undefined;
}

export interface Platform {
  readonly gatewayUrl: string;
  readonly subgraphUrls: Readonly<Record<SubgraphName, string>>;
  readonly databaseUrl: string;
  readonly lakeRoot: string;
  /** Each process's Prometheus endpoint (/metrics), the gateway's first. */
  readonly metricsUrls: Readonly<Record<SubgraphName | 'gateway', string>>;
  /** A development token (roles researcher and compliance) GraphiQL sends by default; null with external auth. */
  readonly devToken: string | null;
  /** Mints a development token for any user and roles (null with external auth). */
  readonly mintToken: ((roles: Role[], userId: string) => Promise<string>) | null;
  /** Stops one subgraph for good (to exercise partial failure) and starts it again on the same port. */
  stopService(name: SubgraphName): Promise<void>;
  startService(name: SubgraphName): Promise<void>;
  /** A running process's id (undefined while it is down), e.g. to kill it and watch it come back. */
  pid(name: SubgraphName | 'gateway'): number | undefined;
  /** How many times the launcher restarted a process after it died or stopped answering. */
  restarts(name: SubgraphName | 'gateway'): number;
  stop(): Promise<void>;
}

/**
 * Starts the whole platform: the five subgraphs and the gateway, each its own process, supervised:
 * a process that dies, or stops answering its health check, is restarted on the same port with
 * backoff. Without a database URL it serves embedded PGlite over loopback so all processes share
 * one database.
 */
/** The development identity: the printed token's and GraphiQL's. */
const DEV_USER = 'dev';
const DEV_ROLES = ['researcher', 'compliance'] as const;

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const pretty = options.log === undefined;
  const log = options.log ?? ((line: string) => console.log(prettyLogLine(line)));
  const dataDir = options.dataDir ?? defaultDataDir();
  const lakeRoot = join(dataDir, 'lake');
  let embedded: EmbeddedServer | undefined;
  let databaseUrl = options.databaseUrl;
  if (!databaseUrl) {
    embedded = await serveEmbeddedPostgres({ dataDir: join(dataDir, 'pgdata') });
    databaseUrl = embedded.url;
    writeFileSync(embeddedUrlFile(dataDir), `${databaseUrl}\n`);
    log(`[platform] embedded Postgres (PGlite) in ${join(dataDir, 'pgdata')} served at ${databaseUrl}`);
  }
  // Development auth: a per-data-directory HS256 secret unless the caller configures auth itself.
  const externalAuth = ['AUTH_JWT_SECRET', 'AUTH_JWKS_URL', 'AUTH_JWKS_FILE'].some((k) => options.env?.[k]);
  const authEnv: Record<string, string> = externalAuth ? {} : { AUTH_JWT_SECRET: devJwtSecret(dataDir) };
  const devToken = externalAuth
    ? null
    : await mintDevToken({ secret: authEnv.AUTH_JWT_SECRET!, userId: DEV_USER, roles: DEV_ROLES });
  const prepare = embedded ? 'false' : 'true';
  // Migrate once up front so the services do not queue on the migration lock at start.
  const migrator = await openDatabase({ url: databaseUrl, prepare: !embedded, poolSize: 1, pgliteDir: '' });
  await migrator.close();

  const port = async (p: { defaultPort: number }) => (options.ports === 'free' ? freePort() : p.defaultPort);
  const ports = {} as Record<SubgraphName | 'gateway', number>;
  for (const p of [...SUBGRAPHS, GATEWAY]) ports[p.name] = await port(p);
  const subgraphUrls = Object.fromEntries(
    SUBGRAPHS.map(({ name }) => [name, `http://127.0.0.1:${ports[name]}/graphql`]),
  ) as Record<SubgraphName, string>;

  const peerUrls = Object.fromEntries(SUBGRAPHS.map(({ name }) => [subgraphUrlVariable(name), subgraphUrls[name]]));
  const baseEnv = {
    ...process.env,
    // graphql-js checks every type test against other realms unless NODE_ENV is production: a
    // fifth of the CPU of a large response. The processes are production processes even in dev.
    NODE_ENV: 'production',
    ...authEnv,
    ...options.env,
    DATABASE_URL: databaseUrl,
    DATABASE_PREPARE: prepare,
    LAKE_ROOT: lakeRoot,
    DEMO_DATA: options.demo ? 'true' : 'false',
    PUBLIC_URL: `http://127.0.0.1:${ports.gateway}`,
    HOST: '127.0.0.1',
  };
  const services = new Map<SubgraphName, SupervisedProcess>();
  const health = (p: number) => `http://127.0.0.1:${p}/healthz`;
  const launch = async ({ name, package: pkg }: (typeof SUBGRAPHS)[number]) => {
    const p = await superviseProcess({
      name,
      start: (timeoutMs) =>
        startTsProcess({
          name,
          entry: workspaceExport(pkg, MAIN_EXPORT),
          // Every service knows its peers' URLs (models reads online features from features).
          env: { ...baseEnv, ...peerUrls, PORT: String(ports[name]) },
          // The service's JSON line {"service":"<name>",…,"msg":"ready"} (see @alphagraph/service's logger).
          readyLine: new RegExp(`^\\{.*"service":"${name}".*"msg":"ready"\\}$`),
          log,
          timeoutMs,
        }),
      healthUrl: health(ports[name]),
      log,
      supervision: options.supervision,
    });
    services.set(name, p);
    return p;
  };
  const gatewayEnv: Record<string, string | undefined> = {
    ...baseEnv,
    PORT: String(ports.gateway),
    // The runtime's own readable lines on a terminal; JSON when the lines go elsewhere.
    ...(pretty ? { LOG_FORMAT: 'pretty' } : {}),
    // GraphiQL signs in as the dev user with fresh tokens the gateway mints (they outlive no session).
    ...(devToken ? { GRAPHIQL_DEV_USER: DEV_USER, GRAPHIQL_DEV_ROLES: DEV_ROLES.join(',') } : {}),
  };
  for (const { name } of SUBGRAPHS) gatewayEnv[subgraphUrlVariable(name)] = subgraphUrls[name];

  const stopAll = async (gateway?: SupervisedProcess) => {
    await gateway?.stop();
    await Promise.all([...services.values()].map((s) => s.stop()));
    if (embedded) {
      rmSync(embeddedUrlFile(dataDir), { force: true });
      await embedded.close();
    }
  };
  let gateway: SupervisedProcess | undefined;
  try {
    const started = options.subgraphs ? SUBGRAPHS.filter((s) => options.subgraphs?.includes(s.name)) : SUBGRAPHS;
    await Promise.all(started.map((s) => launch(s)));
    gateway = await superviseProcess({
      name: GATEWAY.name,
      start: (timeoutMs) =>
        startTsProcess({
          name: GATEWAY.name,
          entry: workspaceExport(GATEWAY.package, MAIN_EXPORT),
          env: gatewayEnv,
          readyLine: /^Alphagraph gateway: /,
          log,
          timeoutMs,
        }),
      healthUrl: health(ports.gateway),
      log,
      supervision: options.supervision,
    });
  } catch (error) {
    await stopAll(gateway);
    throw error;
  }
  const running = gateway;
  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    subgraphUrls,
    databaseUrl,
    lakeRoot,
    metricsUrls: Object.fromEntries(
      [GATEWAY, ...SUBGRAPHS].map(({ name }) => [name, `http://127.0.0.1:${ports[name]}/metrics`]),
    ) as Record<SubgraphName | 'gateway', string>,
    devToken,
    mintToken: externalAuth
      ? null
      : (roles, userId) => mintDevToken({ secret: authEnv.AUTH_JWT_SECRET!, userId, roles }),
    stopService: async (name) => {
      await services.get(name)?.stop();
    },
    startService: async (name) => {
      await launch(SUBGRAPHS.find((s) => s.name === name)!);
    },
    pid: (name) => (name === 'gateway' ? running.pid : services.get(name)?.pid),
    restarts: (name) => (name === 'gateway' ? running.restarts : (services.get(name)?.restarts ?? 0)),
    stop: () => stopAll(running),
  };
}
