import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { defaultDataDir, findRepoRoot, SUBGRAPHS } from '@alphagraph/config';
import { embeddedUrlFile } from './dev-auth.ts';
import { workspaceExport } from './workspace.ts';

/** The services' operator CLIs, as their package.json declare them. */
const MARKET_DATA_CLI_EXPORT = './cli';
const ALT_DATA_CLI_EXPORT = './cli';

/**
 * `alphagraph ingest …` runs market-data's own operator CLI in a separate process (packages never
 * import a service). It talks to DATABASE_URL, else the embedded database of a running
 * `alphagraph dev` (through its server), else the embedded database directly; the lake is
 * LAKE_ROOT or .alphagraph/lake.
 */
export async function ingest(
  argv: readonly string[],
  env: Record<string, string | undefined>,
  options: { dataDir?: string; io?: { out: (s: string) => void; err: (s: string) => void } } = {},
): Promise<number> {
  const root = findRepoRoot();
  const dataDir = options.dataDir ?? defaultDataDir();
  const urlFile = embeddedUrlFile(dataDir);
  const running = existsSync(urlFile) ? readFileSync(urlFile, 'utf8').trim() : undefined;
  const databaseUrl = env.DATABASE_URL || running;
  const childEnv: Record<string, string | undefined> = {
    LAKE_ROOT: join(dataDir, 'lake'),
    PGLITE_DIR: join(dataDir, 'pgdata'),
    ...env,
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    // The embedded server multiplexes clients over one session: no named prepared statements.
    ...(!env.DATABASE_URL && running ? { DATABASE_PREPARE: 'false' } : {}),
  };
  const args = [...argv];
  // File arguments are the caller's; the child runs from the repository root.
  if (args[0] === 'bars' || args[0] === 'observations') {
    for (let i = 1; i < args.length; i++) {
      const a = args[i]!;
      if (a.startsWith('-')) {
        if (!a.includes('=') && !['--force', '--json', '--no-progress', '--backfill'].includes(a)) i += 1;
        continue;
      }
      if (!isAbsolute(a)) args[i] = resolve(a);
    }
  }
  const child = spawn(
    process.execPath,
    [
      // Ingestion allocates many short-lived row objects: a larger young generation halves GC time.
      '--max-semi-space-size=64',
      '--import',
      import.meta.resolve('tsx'),
      // Observations belong to alt-data, bars (and the rest) to market-data.
      args[0] === 'observations'
        ? workspaceExport(SUBGRAPHS.find((s) => s.name === 'alt-data')!.package, ALT_DATA_CLI_EXPORT)
        : workspaceExport(SUBGRAPHS.find((s) => s.name === 'market-data')!.package, MARKET_DATA_CLI_EXPORT),
      'ingest',
      ...args,
    ],
    // The terminal goes to the child (its progress bars redraw in place) unless output is captured.
    { cwd: root, env: childEnv as NodeJS.ProcessEnv, stdio: options.io ? ['ignore', 'pipe', 'pipe'] : 'inherit' },
  );
  if (options.io) {
    const { out, err } = options.io;
    child.stdout?.on('data', (b: Buffer) => out(b.toString('utf8')));
    child.stderr?.on('data', (b: Buffer) => err(b.toString('utf8')));
  }
  return new Promise((done, fail) => {
    child.once('error', fail);
    child.once('exit', (code, signal) => done(code ?? (signal ? 1 : 0)));
  });
}
