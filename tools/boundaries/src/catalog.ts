import type { Violation } from './violation.ts';
import { DEPENDENCY_FIELDS, readWorkspace, type Workspace, type WorkspacePackage } from './workspace.ts';

/*
 * Every external dependency takes its version from the pnpm catalog (pnpm-workspace.yaml), so one
 * line changes a version everywhere and two packages cannot drift apart. Stricter than "shared
 * versions only": a dependency one package uses today is the one a second package adds tomorrow.
 */

interface Use {
  pkg: WorkspacePackage;
  field: string;
  name: string;
  version: string;
}

export function checkCatalog(root: string): Violation[] {
  const workspace = readWorkspace(root);
  const uses = workspace.packages.flatMap((pkg) =>
    DEPENDENCY_FIELDS.flatMap((field) =>
      Object.entries(pkg.manifest[field] ?? {}).map(([name, version]): Use => ({ pkg, field, name, version })),
    ),
  );
  return [
    ...uses.flatMap((use) => useViolations(workspace, uses, use)),
    ...unusedEntries(workspace, uses),
    ...packageManagerViolations(workspace),
  ];
}

function manifestPath(pkg: WorkspacePackage): string {
  return pkg.dir === '.' ? 'package.json' : `${pkg.dir}/package.json`;
}

function useViolations(workspace: Workspace, uses: Use[], use: Use): Violation[] {
  const from = manifestPath(use.pkg);
  const where = `${from} ${use.field}.${use.name}`;
  if (use.version.startsWith('workspace:')) {
    if (workspace.packages.some((pkg) => pkg.dir !== '.' && pkg.name === use.name)) return [];
    return [
      {
        rule: 'no-unknown-workspace-package',
        from,
        to: use.name,
        message: `${where}: no workspace package is named ${use.name}`,
      },
    ];
  }
  if (use.version === 'catalog:' || use.version === 'catalog:default') {
    if (use.name in workspace.catalog) return [];
    return [
      {
        rule: 'no-missing-catalog-entry',
        from,
        to: use.name,
        message: `${where} is "catalog:" but pnpm-workspace.yaml's catalog has no ${use.name}`,
      },
    ];
  }
  const pinned = workspace.catalog[use.name];
  const others = uses
    .filter((other) => other.name === use.name && other.pkg !== use.pkg)
    .map((other) => manifestPath(other.pkg));
  const why =
    pinned !== undefined
      ? `the catalog pins it at ${pinned}`
      : others.length > 0
        ? `${[...new Set(others)].join(', ')} also use${others.length === 1 ? 's' : ''} it`
        : 'every external version lives in the catalog';
  return [
    {
      rule: 'no-literal-version',
      from,
      to: use.name,
      message: `${where} is "${use.version}": use "catalog:" (${why}) and put the version in pnpm-workspace.yaml`,
    },
  ];
}

/** An entry nobody uses is a version nobody tests; it also hides a dependency that was dropped. */
function unusedEntries(workspace: Workspace, uses: Use[]): Violation[] {
  return Object.keys(workspace.catalog)
    .filter((name) => !uses.some((use) => use.name === name))
    .map((name) => ({
      rule: 'no-unused-catalog-entry',
      from: 'pnpm-workspace.yaml',
      to: name,
      message: `pnpm-workspace.yaml catalog entry ${name} is used by no package.json`,
    }));
}

/** `packageManager` must stay a literal for corepack; it must still agree with the catalog. */
function packageManagerViolations(workspace: Workspace): Violation[] {
  const root = workspace.packages.find((pkg) => pkg.dir === '.');
  const declared = root?.manifest.packageManager;
  const pinned = workspace.catalog.pnpm;
  if (!declared?.startsWith('pnpm@') || pinned === undefined || declared === `pnpm@${pinned}`) return [];
  return [
    {
      rule: 'no-literal-version',
      from: 'package.json',
      to: 'pnpm',
      message: `package.json packageManager is "${declared}" but the catalog pins pnpm at ${pinned}`,
    },
  ];
}
