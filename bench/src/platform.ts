// The running platform as the gateway benchmarks use it: started on free ports with the demo data,
// the per-user rate limit lifted (one benchmark client is one user), tokens for any user, and a
// GraphQL POST that returns the data or throws with the errors.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Role } from '@alphagraph/auth';
import { type Platform, startPlatform } from '@alphagraph/cli';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';

/**
 * Where the control plane lives: `env` is DATABASE_URL when set, else embedded PGlite in the
 * repository's .alphagraph/ (the older benchmarks); `fresh-postgres` creates a database on the server
 * of `adminUrl`, starts the platform on it with a new lake directory, and drops both at the end.
 */
export type BenchDatabase = { kind: 'env' } | { kind: 'fresh-postgres'; adminUrl: string } | { kind: 'embedded-temp' };

export interface BenchPlatform {
  readonly platform: Platform;
  /** What the control plane is, for the printed figures. */
  readonly databaseLabel: string;
  /** A development token for a user with these roles. */
  token(roles: Role[], userId: string): Promise<string>;
  /**
   * POSTs an operation to the gateway (or `url`, e.g. a subgraph) with `token` (default: the dev
   * token); returns `data`, throws with the errors or the HTTP status.
   */
  post<T = any>(
    query: string,
    variables?: Record<string, unknown>,
    options?: { token?: string; url?: string },
  ): Promise<T>;
  /** The platform's processes (gateway and the five subgraphs) with their process ids. */
  processes(): PlatformProcess[];
  dispose(): Promise<void>;
}

export interface PlatformProcess {
  readonly name: string;
  readonly pid: number;
}

/** The Postgres server the soak and bystander benchmarks create their database on, unless told. */
export const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export async function startBenchPlatform(
  options: { database?: BenchDatabase; env?: Record<string, string>; log?: (line: string) => void } = {},
): Promise<BenchPlatform> {
  const database = options.database ?? { kind: 'env' };
  let fresh: TestDatabase | undefined;
  let dataDir: string | undefined;
  let databaseLabel = process.env.DATABASE_URL ? 'Postgres' : 'embedded PGlite';
  if (database.kind !== 'env') dataDir = mkdtempSync(join(tmpdir(), 'ag-bench-'));
  if (database.kind === 'fresh-postgres') {
    fresh = await createTestDatabase('postgres', { env: { TEST_DATABASE_URL: database.adminUrl } });
    const url = new URL(fresh.url!);
    databaseLabel = `Postgres ${url.host}, fresh database ${url.pathname.slice(1)}`;
  } else if (database.kind === 'embedded-temp') databaseLabel = `embedded PGlite in ${dataDir}`;
  let platform: Platform;
  try {
    platform = await startPlatform({
      databaseUrl: fresh?.url ?? (database.kind === 'env' ? process.env.DATABASE_URL || undefined : undefined),
      ...(dataDir ? { dataDir } : {}),
      demo: true,
      ports: 'free',
      log: options.log ?? (() => {}),
      // One benchmark client is one user: lift its per-user rate limit (GATEWAY_RATE_LIMITS) unless the
      // caller sets one, so the figures measure the platform, not the fairness limit.
      env: { GATEWAY_RATE_LIMITS: process.env.GATEWAY_RATE_LIMITS ?? 'default=100000/100000', ...options.env },
      // A benchmark shares its machine: a service that compiles its sources and loads its demo
      // catalog while other work runs may take longer than the launcher's two minutes to be ready.
      supervision: { readyTimeoutMs: 10 * 60_000 },
    });
  } catch (error) {
    await fresh?.dispose();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const defaultAuthorization = `Bearer ${platform.devToken}`;
  return {
    platform,
    databaseLabel,
    async token(roles, userId) {
      if (!platform.mintToken) throw new Error('the platform uses external auth: the benchmark cannot mint tokens');
      return platform.mintToken(roles, userId);
    },
    async post(query, variables = {}, { token, url } = {}) {
      const res = await fetch(url ?? platform.gatewayUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: token ? `Bearer ${token}` : defaultAuthorization,
        },
        body: JSON.stringify({ query, variables }),
      });
      const text = await res.text();
      let body: { errors?: unknown; data?: any };
      try {
        body = JSON.parse(text);
      } catch {
        throw new Error(`HTTP ${res.status}: ${text.slice(0, 200)}`);
      }
      if (body.errors) throw new Error(`HTTP ${res.status}: ${JSON.stringify(body.errors).slice(0, 500)}`);
      if (!res.ok) throw new Error(`HTTP ${res.status} without errors`);
      return body.data;
    },
    processes: () => childProcesses(platform),
    async dispose() {
      await platform.stop();
      await fresh?.dispose();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The platform's processes are this process's children (`startPlatform` spawns node for each
 * entry point); each is named by the workspace folder of its entry (gateway/, services/<name>/).
 */
function childProcesses(platform: Platform): PlatformProcess[] {
  const names = ['gateway', ...Object.keys(platform.subgraphUrls)];
  const found: PlatformProcess[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    let cmdline: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue; // exited while we looked
    }
    // The parent pid is the second field after the parenthesised command name.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (ppid !== process.pid) continue;
    const name = names.find((n) => cmdline.includes(n === 'gateway' ? '/gateway/' : `/services/${n}/`));
    if (name) found.push({ name, pid: Number(entry) });
  }
  return found.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name));
}

/** Resident set size of a process in bytes (VmRSS), or null when it is gone. */
export function residentBytes(pid: number): number | null {
  try {
    const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null;
  }
}

/** The 1, 5 and 15 minute load averages. */
export function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}

/** CPU time (user + system) a process has used, in seconds, or null when it is gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat(5), here 11 and 12 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}

/**
 * Waits until the processes together use less than `busyCores` of CPU over a window (the demo
 * data's background loading has finished), at most `maxSeconds`; returns the seconds waited.
 */
export async function waitUntilIdle(
  processes: readonly PlatformProcess[],
  options: { busyCores?: number; windowSeconds?: number; maxSeconds?: number } = {},
): Promise<number> {
  const { busyCores = 0.1, windowSeconds = 5, maxSeconds = 300 } = options;
  const total = () => processes.reduce((n, p) => n + (cpuSeconds(p.pid) ?? 0), 0);
  const start = performance.now();
  while ((performance.now() - start) / 1000 < maxSeconds) {
    const before = total();
    await new Promise((r) => setTimeout(r, windowSeconds * 1000));
    if ((total() - before) / windowSeconds < busyCores) break;
  }
  return (performance.now() - start) / 1000;
}
