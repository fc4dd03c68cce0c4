import type { IForbiddenRuleType } from 'dependency-cruiser';
import type { Workspace } from './workspace.ts';

/*
 * The boundaries of the workspace, as dependency-cruiser rules over paths relative to the root.
 *
 * Who may import whom:
 * - packages/* and tools/* are libraries: they import other packages, never an app (services,
 *   gateway, tests, bench), so a package can be reused by any of them.
 * - services/* are subgraphs: each imports packages only. A service reaches another service's data
 *   through the graph or through a reader the owner publishes in a package, never by import.
 * - gateway/ composes subgraphs over HTTP: it imports packages only.
 * - tests/ (end to end) treat the platform as a user would: they start services as processes through
 *   @alphagraph/cli and talk to them over HTTP, so they may import packages and the gateway's public
 *   entry (the GraphiQL browser test serves a tiny graph through it), never a service. They may write
 *   the database or lake directly to stage what no API can (a late correction of a published value).
 * - bench/ measures code paths in process: it imports packages and a service's public entry (its
 *   package.json `exports`), never a service's files or tables, nor tests or the gateway.
 *
 * Rules dependency-cruiser cannot express over resolved paths (an undeclared workspace dependency,
 * an import of a subpath a package does not export, a deep `src/` import, a service started by its
 * file path) are checked in imports.ts and named alike.
 */

const APPS = '^(services|gateway|tests|bench)/';
/** One capture group: the workspace package a path belongs to. */
const WORKSPACE_PACKAGE = '^(packages/[^/]+|services/[^/]+|tools/[^/]+|gateway|tests|bench)/';

/** Tables in @alphagraph/db by the service that owns them; the other schema files are shared. */
export const TABLE_OWNERS: Record<string, string> = {
  alt: 'alt-data',
  backtests: 'backtests',
  features: 'features',
  market: 'market-data',
  models: 'models',
};

const foreignTables: IForbiddenRuleType[] = Object.entries(TABLE_OWNERS).map(([file, owner]) => ({
  name: 'no-foreign-tables',
  comment: `Only ${owner} reads or writes its tables; others go through its graph or its published reader.`,
  severity: 'error',
  from: { path: '^(services/[^/]+|bench)/', pathNot: `^services/${owner}/` },
  to: { path: `^packages/db/src/schema/${file}\\.ts$` },
}));

const FIXED: IForbiddenRuleType[] = [
  {
    name: 'no-service-to-service',
    comment: 'A service reaches another one through the graph or a shared package, never by import.',
    severity: 'error',
    from: { path: '^services/([^/]+)/' },
    to: { path: '^services/', pathNot: '^services/$1/' },
  },
  {
    name: 'no-service-to-app',
    comment: 'A service imports packages only; the gateway, tests and bench sit above it.',
    severity: 'error',
    from: { path: '^services/' },
    to: { path: '^(gateway|tests|bench)/' },
  },
  {
    name: 'no-gateway-to-service',
    comment: 'The gateway talks to subgraphs over HTTP; it imports packages only.',
    severity: 'error',
    from: { path: '^gateway/' },
    to: { path: '^(services|tests|bench)/' },
  },
  {
    name: 'no-package-to-app',
    comment: 'Dependencies point one way: packages never import a service, the gateway, tests or bench.',
    severity: 'error',
    from: { path: '^(packages|tools)/' },
    to: { path: APPS },
  },
  {
    name: 'no-tests-to-service',
    comment: 'End-to-end tests start services as processes (@alphagraph/cli) and talk HTTP to them.',
    severity: 'error',
    from: { path: '^tests/' },
    to: { path: '^(services|bench)/' },
  },
  {
    name: 'no-bench-to-app',
    comment: 'Benchmarks import packages and services by their public entry, not tests or the gateway.',
    severity: 'error',
    from: { path: '^bench/' },
    to: { path: '^(gateway|tests)/' },
  },
  {
    name: 'no-cross-package-relative',
    comment: 'A relative path that leaves its workspace package bypasses package.json and its exports.',
    severity: 'error',
    from: { path: WORKSPACE_PACKAGE },
    to: { path: WORKSPACE_PACKAGE, pathNot: '^$1/', dependencyTypes: ['local'] },
  },
  {
    name: 'no-circular',
    comment: 'Import cycles make load order and ownership ambiguous.',
    severity: 'error',
    from: {},
    // A cycle closed only by type imports is erased at compile time: a service's context type is
    // derived from the modules its service.ts assembles, which in turn use that context type.
    to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
  },
  ...foreignTables,
  {
    name: 'no-undeclared-npm-dependency',
    comment: "An npm import the importing package's package.json does not declare works only by hoisting.",
    severity: 'error',
    from: {},
    to: { dependencyTypes: ['npm-no-pkg', 'npm-unknown'] },
  },
  {
    name: 'no-unresolvable',
    comment: "An import that resolves to nothing: a typo, or a package the importer's package.json does not declare.",
    severity: 'error',
    from: {},
    to: { couldNotResolve: true, pathNot: '^@alphagraph/' },
  },
];

/** The rules for a workspace: the fixed ones, and one naming the public entries of @alphagraph/db. */
export function createRules(workspace: Workspace): IForbiddenRuleType[] {
  const db = workspace.packages.find((pkg) => pkg.name === '@alphagraph/db');
  const entries = Object.values(typeof db?.manifest.exports === 'object' ? db.manifest.exports : {})
    .filter((target): target is string => typeof target === 'string')
    .map((target) => `${db?.dir}/${target.replace(/^\.\//, '')}`.replace(/[.]/g, '\\.'));
  if (entries.length === 0) return FIXED;
  const aggregate: IForbiddenRuleType = {
    name: 'no-table-aggregate',
    comment: "A public entry of @alphagraph/db re-exports a service's tables, hiding whose tables an importer reads.",
    severity: 'error',
    from: { path: `^(${entries.join('|')})$` },
    to: { path: `^packages/db/src/schema/(${Object.keys(TABLE_OWNERS).join('|')})\\.ts$` },
  };
  return [...FIXED, aggregate];
}
