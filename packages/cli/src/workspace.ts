import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@alphagraph/config';
import { z } from 'zod';

const manifestSchema = z.object({ name: z.string().optional(), exports: z.unknown() });

/** The directories pnpm-workspace.yaml lists (`dir` or `dir/*`), each holding a package.json. */
function workspaceDirs(root: string): string[] {
  const yaml = readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8');
  const list = /^packages:\n((?:[ \t]+-.*\n?)+)/m.exec(yaml)?.[1] ?? '';
  const patterns = [...list.matchAll(/-\s*["']?([^"'\n]+?)["']?\s*$/gm)].map((m) => m[1]!);
  return patterns.flatMap((pattern) => {
    if (!pattern.endsWith('/*')) return [join(root, pattern)];
    const parent = join(root, pattern.slice(0, -2));
    return readdirSync(parent, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => join(parent, d.name));
  });
}

/**
 * The file a workspace package declares under `exportKey` in its package.json (e.g. a service's
 * `./main`): the launcher starts what a package declares, found through the workspace, instead of
 * a path into another package's sources. The CLI depends on no service, so Node resolution cannot
 * find them.
 */
export function workspaceExport(packageName: string, exportKey: string, root: string = findRepoRoot()): string {
  for (const dir of workspaceDirs(root)) {
    const manifestPath = join(dir, 'package.json');
    if (!existsSync(manifestPath)) continue;
    const manifest = manifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    if (manifest.name !== packageName) continue;
    const exported = typeof manifest.exports === 'object' ? (manifest.exports as Record<string, unknown>) : {};
    const target = exported[exportKey];
    if (typeof target !== 'string')
      throw new Error(`${packageName} declares no "${exportKey}" export in ${manifestPath}`);
    return join(dir, target);
  }
  throw new Error(`no workspace package is named ${packageName} (see pnpm-workspace.yaml)`);
}
