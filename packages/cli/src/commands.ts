import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAuditLog, isRole, mintDevToken, ROLES, type Role } from '@alphagraph/auth';
import { defaultDataDir } from '@alphagraph/config';
import { openDatabase } from '@alphagraph/db';
import { isAlphagraphError } from '@alphagraph/sdk';
import { shutdownSignal } from '@alphagraph/server';
import { z } from 'zod';
import { ALERTS_USAGE, alertsCommand } from './api/alerts.ts';
import { BACKTEST_USAGE, backtestCommand } from './api/backtests.ts';
import { CONNECTION_USAGE, type Out, UsageError } from './api/connection.ts';
import { FEATURES_USAGE, featuresCommand } from './api/features.ts';
import { MODELS_USAGE, modelsCommand } from './api/models.ts';
import { TRAINING_SET_USAGE, trainingSetCommand } from './api/training-sets.ts';
import { demoUniverse, runModelsDemo } from './demo-models.ts';
import { devJwtSecret, embeddedUrlFile } from './dev-auth.ts';
import { ingest } from './ingest.ts';
import { startPlatform } from './platform.ts';
import { REPLAY_USAGE, replayCommand } from './replay/command.ts';

const USAGE = `alphagraph <command>

Commands:
  dev                      start the platform (five subgraphs + gateway) with demo data.
                           Uses DATABASE_URL when set, embedded PGlite under .alphagraph/ otherwise.
  token --role R [--role R…] [--user ID] [--ttl HOURS]
                           mint a development token (signed with the dev secret or AUTH_JWT_SECRET).
                           Roles: ${ROLES.join(', ')}
  audit verify             verify the audit log's hash chain; exit 1 naming the first broken row.
  ingest bars <file> --mapping <name> [--rules rule=action,…] [--conflicts correct|keep_stored] [--force]
                           validate and load a CSV/Parquet file of bars as one batch, with a progress
                           bar and a report (runs market-data's ingestion in its own process).
  ingest observations <file> --dataset <name> [--batch-id ID] [--backfill] [--json] [--no-progress]
                           push a CSV or Parquet file to a registered dataset as one atomic batch
                           (runs alt-data's ingestion, the ingestObservations path, in its own process)
  ingest mappings | rules  the declared column mappings; the data rules and their defaults
${REPLAY_USAGE}
  help                     this text

Workflows, each a client of the GraphQL API through @alphagraph/sdk:
${CONNECTION_USAGE}
${FEATURES_USAGE}
${TRAINING_SET_USAGE}
${MODELS_USAGE}
${BACKTEST_USAGE}
${ALERTS_USAGE}
`;

/** The commands that are clients of the GraphQL API (their errors name the subcommand too). */
const API_COMMANDS = new Set(['features', 'training-set', 'models', 'backtest', 'alerts']);

const cliEnv = z.object({
  DATABASE_URL: z.string().optional(),
  AUTH_JWT_SECRET: z.string().optional(),
  AUTH_ISSUER: z.string().optional(),
  AUTH_AUDIENCE: z.string().optional(),
});

const stdio: Out = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  tty: Boolean(process.stderr.isTTY),
};

/** Runs one CLI command; returns the process exit code. */
export async function runCli(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  io: Out = stdio,
): Promise<number> {
  const [command = 'help', ...rest] = argv;
  try {
    switch (command) {
      case 'dev':
        return await dev(rest, env, io);
      case 'token':
        return await token(rest, env, io);
      case 'audit':
        return await audit(rest, env, io);
      case 'ingest':
        return await ingest(rest, env);
      case 'replay':
        return await replayCommand(rest, env, io, cliEnv.parse(env).DATABASE_URL || undefined);
      case 'features':
        return await featuresCommand(rest, env, io);
      case 'training-set':
        return await trainingSetCommand(rest, env, io);
      case 'models':
        return await modelsCommand(rest, env, io);
      case 'backtest':
        return await backtestCommand(rest, env, io);
      case 'alerts':
        return await alertsCommand(rest, env, io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      default:
        io.err(`alphagraph: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`alphagraph ${error.message}\n`);
      return 2;
    }
    // The platform's own message, and its code for scripts (FORBIDDEN, NOT_FOUND, INVALID_SPEC…).
    const code = isAlphagraphError(error) ? ` [${error.code}]` : '';
    const name = API_COMMANDS.has(command) && rest[0] ? `${command} ${rest[0]}` : command;
    io.err(`alphagraph ${name}: ${error instanceof Error ? error.message : String(error)}${code}\n`);
    return 1;
  }
}

async function dev(argv: string[], env: Record<string, string | undefined>, io: Out): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'no-demo': { type: 'boolean', default: false } } });
  const { DATABASE_URL } = cliEnv.parse(env);
  const platform = await startPlatform({ databaseUrl: DATABASE_URL || undefined, demo: !values['no-demo'] });
  if (!values['no-demo'] && platform.mintToken) {
    // The models walkthrough of the demo (train, validate) runs through the gateway like a user.
    try {
      await runModelsDemo({ gatewayUrl: platform.gatewayUrl, token: platform.mintToken, universe: demoUniverse() });
    } catch (error) {
      io.err(`the models demo did not complete: ${error instanceof Error ? error.message : String(error)}\n`);
    }
  }
  io.out(
    [
      '',
      'Alphagraph is running.',
      `  GraphQL explorer: ${platform.gatewayUrl}  (open it in a browser)`,
      `  Database:         ${DATABASE_URL ? 'Postgres (DATABASE_URL)' : 'embedded PGlite (.alphagraph/pgdata)'}`,
      `  Lake:             ${platform.lakeRoot}`,
      '  Metrics (Prometheus text), readiness at /readyz on each:',
      ...Object.entries(platform.metricsUrls).map(([name, url]) => `    ${name.padEnd(12)} ${url}`),
      ...(platform.devToken
        ? [
            '  Development token (roles researcher, compliance; 12 hours; GraphiQL signs in by itself):',
            `    ${platform.devToken}`,
            '  Other roles: npx pnpm@10.34.9 exec alphagraph token --role analyst',
          ]
        : []),
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await shutdownSignal();
  io.out('stopping…\n');
  await platform.stop();
  return 0;
}

async function token(argv: string[], env: Record<string, string | undefined>, io: Out): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      role: { type: 'string', multiple: true },
      user: { type: 'string' },
      ttl: { type: 'string', default: '12' },
    },
  });
  const roles = values.role ?? [];
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0) {
    io.err(
      `token: pass --role with one of ${ROLES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}\n`,
    );
    return 2;
  }
  const ttlHours = Number(values.ttl);
  if (!Number.isFinite(ttlHours) || ttlHours <= 0 || ttlHours > 24 * 30) {
    io.err('token: --ttl is a number of hours between 0 and 720\n');
    return 2;
  }
  const e = cliEnv.parse(env);
  const secret = e.AUTH_JWT_SECRET ?? devJwtSecret(defaultDataDir());
  io.out(
    `${await mintDevToken({
      secret,
      userId: values.user ?? `dev-${roles[0]}`,
      roles: roles as Role[],
      ttlSeconds: Math.round(ttlHours * 3600),
      ...(e.AUTH_ISSUER ? { issuer: e.AUTH_ISSUER } : {}),
      ...(e.AUTH_AUDIENCE ? { audience: e.AUTH_AUDIENCE } : {}),
    })}\n`,
  );
  return 0;
}

async function audit(argv: string[], env: Record<string, string | undefined>, io: Out): Promise<number> {
  if (argv[0] !== 'verify') {
    io.err('audit: the only subcommand is `verify`\n');
    return 2;
  }
  const { DATABASE_URL } = cliEnv.parse(env);
  const dataDir = defaultDataDir();
  // A running `alphagraph dev` holds the embedded database; reach it through its server.
  const running = existsSync(embeddedUrlFile(dataDir))
    ? readFileSync(embeddedUrlFile(dataDir), 'utf8').trim()
    : undefined;
  const url = DATABASE_URL || running;
  const handle = await openDatabase(
    { url, prepare: !running || !!DATABASE_URL, poolSize: 1, pgliteDir: join(dataDir, 'pgdata') },
    { migrate: false },
  );
  try {
    const report = await createAuditLog(handle.db).verify();
    if (report.ok) {
      io.out(`audit chain verified: ${report.checked} events, no break\n`);
      return 0;
    }
    io.err(
      `audit chain BROKEN after ${report.checked} good events: row ${report.firstBroken?.id ?? '?'}: ${report.firstBroken?.reason}\n`,
    );
    return 1;
  } finally {
    await handle.close();
  }
}
