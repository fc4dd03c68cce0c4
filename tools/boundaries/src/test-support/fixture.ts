import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { stringify } from 'yaml';
import { declaredDependencies, readWorkspace } from '../workspace.ts';

/** File contents by path; objects are written as JSON (package.json files). */
export type Tree = Record<string, string | object>;

export interface Fixture {
  root: string;
  remove(): void;
}

/**
 * Writes a workspace to a temporary directory and links each package's declared workspace
 * dependencies into its node_modules, as pnpm does, so imports resolve as they do in the repo.
 */
export function createFixture(tree: Tree): Fixture {
  const root = mkdtempSync(join(tmpdir(), 'boundaries-'));
  for (const [path, content] of Object.entries(tree)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  const workspace = readWorkspace(root);
  for (const pkg of workspace.packages) {
    for (const [name, version] of declaredDependencies(pkg.manifest)) {
      const target = workspace.packages.find((other) => other.name === name);
      if (!version.startsWith('workspace:') || !target) continue;
      const link = join(root, pkg.dir, 'node_modules', name);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(root, target.dir), link, 'dir');
    }
  }
  return { root, remove: () => rmSync(root, { recursive: true, force: true }) };
}

export function workspaceFile(packages: string[], catalog: Record<string, string> = {}): string {
  return stringify({ packages, catalog });
}

export function manifest(
  name: string,
  options: { exports?: Record<string, string>; dependencies?: Record<string, string> } = {},
): object {
  const exports = options.exports ?? { '.': './src/index.ts' };
  return { name, private: true, type: 'module', exports, dependencies: options.dependencies ?? {} };
}
