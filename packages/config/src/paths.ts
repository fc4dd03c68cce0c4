import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The monorepo root: the nearest ancestor holding pnpm-workspace.yaml. */
export function findRepoRoot(start: string = dirname(fileURLToPath(import.meta.url))): string {
  let dir = resolve(start);
  for (;;) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** Where embedded state (PGlite data, the local lake) lives unless configured otherwise. */
export function defaultDataDir(): string {
  return join(findRepoRoot(), '.alphagraph');
}

/** The demo data shipped with the repository (see data/demo/SOURCES.md). */
export function demoDataDir(): string {
  return join(findRepoRoot(), 'data', 'demo');
}
