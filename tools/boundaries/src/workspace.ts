import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const DEPENDENCY_FIELDS = [
  'dependencies',
  'devDependencies',
  'peerDependencies',
  'optionalDependencies',
] as const;
export type DependencyField = (typeof DEPENDENCY_FIELDS)[number];

export interface Manifest {
  name?: string;
  packageManager?: string;
  exports?: string | Record<string, unknown>;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** Directory relative to the workspace root, `/`-separated; `.` for the root package. */
  dir: string;
  name: string;
  manifest: Manifest;
}

export interface Workspace {
  root: string;
  /** The root package first, then every package pnpm-workspace.yaml lists. */
  packages: WorkspacePackage[];
  catalog: Record<string, string>;
}

interface WorkspaceFile {
  packages?: string[];
  catalog?: Record<string, string>;
}

export function readWorkspace(root: string): Workspace {
  const file = (parse(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8')) ?? {}) as WorkspaceFile;
  const dirs = (file.packages ?? []).flatMap((pattern) => expandPattern(root, pattern));
  const packages = ['.', ...dirs].map((dir) => {
    const manifest = JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')) as Manifest;
    return { dir, name: manifest.name ?? dir, manifest };
  });
  return { root, packages, catalog: file.catalog ?? {} };
}

/** pnpm's globs here are only ever `dir` or `dir/*`; anything richer would need a glob library. */
function expandPattern(root: string, pattern: string): string[] {
  const clean = pattern.replace(/\/$/, '');
  if (!clean.endsWith('/*')) return existsSync(join(root, clean, 'package.json')) ? [clean] : [];
  const parent = clean.slice(0, -2);
  if (!existsSync(join(root, parent))) return [];
  return readdirSync(join(root, parent), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, parent, entry.name, 'package.json')))
    .map((entry) => `${parent}/${entry.name}`)
    .sort();
}

export function declaredDependencies(manifest: Manifest): Map<string, string> {
  const all = new Map<string, string>();
  for (const field of DEPENDENCY_FIELDS) {
    for (const [name, version] of Object.entries(manifest[field] ?? {})) all.set(name, version);
  }
  return all;
}

/** The workspace package a file belongs to: the one with the longest directory prefix. */
export function packageOf(workspace: Workspace, file: string): WorkspacePackage | undefined {
  let best: WorkspacePackage | undefined;
  for (const pkg of workspace.packages) {
    if (pkg.dir === '.') continue;
    if ((file === pkg.dir || file.startsWith(`${pkg.dir}/`)) && (!best || pkg.dir.length > best.dir.length)) best = pkg;
  }
  return best;
}

/** The subpaths a package's `exports` field makes importable (`.`, `./testing`, ...). */
export function exportedSubpaths(manifest: Manifest): Set<string> {
  const { exports } = manifest;
  if (exports === undefined) return new Set(['.']);
  if (typeof exports === 'string') return new Set(['.']);
  const keys = Object.keys(exports);
  // An exports object keyed by conditions (`import`, `default`) rather than subpaths exports `.` only.
  return keys.every((key) => key.startsWith('.')) ? new Set(keys) : new Set(['.']);
}
