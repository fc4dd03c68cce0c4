// Helpers for the fault tests: a real market-data process on a test database of either kind.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { TEST_AUTH_ENV } from '@alphagraph/auth/testing';
import { workspaceExport } from '@alphagraph/cli';
import { MAIN_EXPORT } from '@alphagraph/config';
import { type DatabaseHandle, openDatabase } from '@alphagraph/db';
import { lakeSnapshotFiles } from '@alphagraph/db/schema/lake';
import { type EmbeddedServer, serveEmbeddedPostgres } from '@alphagraph/db/server';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from '@alphagraph/db/testing';

export interface FaultDatabase {
  /** What the service processes connect to. */
  readonly env: Record<string, string>;
  /** The test's own connection, through the same server the services use. */
  readonly handle: DatabaseHandle;
  /** The Postgres URL (Postgres only), e.g. to terminate the services' backends. */
  readonly url: string | undefined;
  dispose(): Promise<void>;
}

/** A migrated test database; PGlite is served over a socket as the dev launcher does. */
export async function faultDatabase(kind: DatabaseKind): Promise<FaultDatabase> {
  const t: TestDatabase = await createTestDatabase(kind);
  let server: EmbeddedServer | undefined;
  let url = t.url;
  if (!url) {
    server = await serveEmbeddedPostgres({ pglite: t.pglite });
    url = server.url;
  }
  const embedded = server !== undefined;
  const handle = await openDatabase({ url, prepare: !embedded, poolSize: 2, pgliteDir: '' }, { migrate: false });
  return {
    env: { DATABASE_URL: url, DATABASE_PREPARE: embedded ? 'false' : 'true' },
    handle,
    url: embedded ? undefined : url,
    async dispose() {
      await handle.close();
      await server?.close();
      await t.dispose();
    },
  };
}

export interface ServiceProcess {
  readonly child: ChildProcess;
  readonly lines: string[];
  /** Resolves with the first log line matching `pattern` (already logged or to come). */
  lineMatching(pattern: RegExp, timeoutMs?: number): Promise<string>;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Starts market-data's declared main entry as its own process. */
export function startMarketData(env: Record<string, string>): ServiceProcess {
  return startServiceProcess('@alphagraph/market-data', env);
}

/** A service's JSON log line as `[service] msg` (what tests match on); other lines as they are. */
function readableLine(raw: string): string {
  if (!raw.startsWith('{')) return raw;
  try {
    const record = JSON.parse(raw) as { service?: unknown; msg?: unknown };
    return typeof record.service === 'string' && typeof record.msg === 'string'
      ? `[${record.service}] ${record.msg}`
      : raw;
  } catch {
    return raw;
  }
}

/** Starts a service package's declared main entry as its own process. */
export function startServiceProcess(pkg: string, env: Record<string, string>): ServiceProcess {
  const entry = workspaceExport(pkg, MAIN_EXPORT);
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: { ...process.env, ...TEST_AUTH_ENV, NODE_ENV: 'production', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const waiters: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const onLine = (raw: string) => {
    const line = readableLine(raw);
    lines.push(line);
    for (const w of waiters.filter((w) => w.pattern.test(line))) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve(line);
    }
  };
  createInterface({ input: child.stdout! }).on('line', onLine);
  createInterface({ input: child.stderr! }).on('line', onLine);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const tail = () => lines.slice(-30).join('\n');
  return {
    child,
    lines,
    exited,
    lineMatching: (pattern, timeoutMs = 600_000) =>
      new Promise<string>((resolve, reject) => {
        const seen = lines.find((l) => pattern.test(l));
        if (seen) return resolve(seen);
        const timer = setTimeout(
          () => reject(new Error(`no line ${pattern} in ${timeoutMs} ms:\n${tail()}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(new Error(`exited (code ${code}, signal ${signal}) before logging ${pattern}:\n${tail()}`));
        });
      }),
  };
}

/** Stops a service process (SIGTERM, then SIGKILL) if it still runs. */
export async function stopProcess(p: ServiceProcess | undefined): Promise<void> {
  if (!p || p.child.exitCode !== null || p.child.signalCode !== null) return;
  p.child.kill('SIGTERM');
  const timer = setTimeout(() => p.child.kill('SIGKILL'), 15_000);
  await p.exited;
  clearTimeout(timer);
}

/** The lake's files of one dataset directory, and which of them the catalog lists (any snapshot). */
export async function lakeFiles(handle: DatabaseHandle, root: string, dataset: string) {
  const dir = join(root, dataset);
  const onDisk = existsSync(dir) ? readdirSync(dir) : [];
  const listed = (await handle.db.selectDistinct({ path: lakeSnapshotFiles.path }).from(lakeSnapshotFiles)).map(
    (r) => r.path,
  );
  const referenced = new Set(listed.filter((p) => p.startsWith(`${dataset}/`)).map((p) => p.slice(dataset.length + 1)));
  return {
    onDisk,
    unreferenced: onDisk.filter((f) => !referenced.has(f)),
    /** Catalog entries (of every dataset) whose file is not in the lake. */
    missing: listed.filter((p) => !existsSync(join(root, p))),
  };
}
