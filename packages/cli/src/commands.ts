import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startPlatform } from './platform.ts';

const USAGE = `alphagraph <command>

Commands:
  dev      start the platform (five subgraphs + gateway) with demo data.
           Uses DATABASE_URL when set, embedded PGlite under .alphagraph/ otherwise.
  help     this text
`;

const cliEnv = z.object({ DATABASE_URL: z.string().optional() });

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], env: Record<string, string | undefined> = process.env): Promise<number> {
  const [command = 'help', ...rest] = argv;
  switch (command) {
    case 'dev':
      return dev(rest, env);
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return 0;
    default:
      process.stderr.write(`alphagraph: unknown command ${JSON.stringify(command)}\n\n${USAGE}`);
      return 2;
  }
}

async function dev(argv: string[], env: Record<string, string | undefined>): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { 'no-demo': { type: 'boolean', default: false } } });
  const { DATABASE_URL } = cliEnv.parse(env);
  const platform = await startPlatform({ databaseUrl: DATABASE_URL || undefined, demo: !values['no-demo'] });
  process.stdout.write(
    [
      '',
      'Alphagraph is running.',
      `  GraphQL explorer: ${platform.gatewayUrl}`,
      `  Database:         ${DATABASE_URL ? 'Postgres (DATABASE_URL)' : 'embedded PGlite (.alphagraph/pgdata)'}`,
      `  Lake:             ${platform.lakeRoot}`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  process.stdout.write('stopping…\n');
  await platform.stop();
  return 0;
}
