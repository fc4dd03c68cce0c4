import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cruise, type ICruiseResult, type IForbiddenRuleType, type IModule } from 'dependency-cruiser';
import { createRules } from './rules.ts';
import type { Violation } from './violation.ts';
import {
  declaredDependencies,
  exportedSubpaths,
  packageOf,
  readWorkspace,
  type Workspace,
  type WorkspacePackage,
} from './workspace.ts';

/** Generated code is not written by hand; node_modules is only not followed, so imports of it stay checked. */
const EXCLUDED = '(^|/)(generated|dist|migrations)/';

/** Every import rule of rules.ts and below, over the workspace at `root`. */
export async function checkImports(root: string): Promise<Violation[]> {
  const workspace = readWorkspace(root);
  const rules = createRules(workspace);
  const result = await cruiseWorkspace(workspace, rules);
  const commentOf = (name: string) => rules.find((rule) => rule.name === name)?.comment ?? name;
  return [
    ...result.summary.violations.map(
      (v): Violation => ({
        rule: v.rule.name,
        from: v.from,
        to: v.to,
        message: v.cycle
          ? `${v.from} is in an import cycle: ${[v.from, ...v.cycle.map((step) => step.name)].join(' -> ')}`
          : `${v.from} imports ${v.unresolvedTo ?? v.to}: ${commentOf(v.rule.name)}`,
      }),
    ),
    ...result.modules.flatMap((module) => workspaceImportViolations(workspace, module)),
    ...result.modules.flatMap((module) => serviceFilePathViolations(root, module)),
  ];
}

async function cruiseWorkspace(workspace: Workspace, rules: IForbiddenRuleType[]): Promise<ICruiseResult> {
  const dirs = workspace.packages.filter((pkg) => pkg.dir !== '.').map((pkg) => pkg.dir);
  const reported = await cruise(
    dirs,
    {
      baseDir: workspace.root,
      validate: true,
      ruleSet: { forbidden: rules },
      // Type-only imports count: a service importing another's types is still coupled to it.
      tsPreCompilationDeps: true,
      doNotFollow: { path: 'node_modules' },
      exclude: { path: EXCLUDED },
      // The JSON result keeps every module, which the name and file-path checks below walk.
      outputType: 'json',
    },
    {
      exportsFields: ['exports'],
      conditionNames: ['import', 'types', 'node', 'default'],
      extensions: ['.ts', '.mts', '.mjs', '.js', '.json'],
      mainFields: ['module', 'main', 'types'],
    },
  );
  return typeof reported.output === 'string'
    ? (JSON.parse(reported.output) as ICruiseResult)
    : (reported.output as ICruiseResult);
}

/**
 * Imports of a workspace package by name, checked against the two package.json files: the importer
 * must declare the package, and the subpath must be one the package exports. Checked by name, not by
 * resolved path, because pnpm leaves an undeclared or unexported import unresolved.
 */
function workspaceImportViolations(workspace: Workspace, module: IModule): Violation[] {
  const importer = packageOf(workspace, module.source);
  if (!importer) return [];
  const violations: Violation[] = [];
  for (const dependency of module.dependencies) {
    const target = workspacePackageNamed(workspace, dependency.module);
    if (!target || target.name === importer.name) continue;
    const subpath = `.${dependency.module.slice(target.name.length)}`;
    const base = { from: module.source, to: dependency.module };
    if (!declaredDependencies(importer.manifest).has(target.name)) {
      violations.push({
        ...base,
        rule: 'no-undeclared-workspace-dependency',
        message: `${module.source} imports ${dependency.module}, but ${importer.dir}/package.json does not declare ${target.name}`,
      });
    }
    if (subpath.startsWith('./src/')) {
      violations.push({
        ...base,
        rule: 'no-deep-import',
        message: `${module.source} imports ${dependency.module}: import ${target.name}'s public entry, not its files`,
      });
    } else if (!isExported(target, subpath)) {
      violations.push({
        ...base,
        rule: 'no-unexported-subpath',
        message: `${module.source} imports ${dependency.module}, which is not in ${target.dir}/package.json "exports"`,
      });
    }
  }
  return violations;
}

function workspacePackageNamed(workspace: Workspace, specifier: string): WorkspacePackage | undefined {
  return workspace.packages.find(
    (pkg) => pkg.dir !== '.' && (specifier === pkg.name || specifier.startsWith(`${pkg.name}/`)),
  );
}

function isExported(pkg: WorkspacePackage, subpath: string): boolean {
  for (const key of exportedSubpaths(pkg.manifest)) {
    if (key === subpath) return true;
    const star = key.indexOf('*');
    if (star >= 0 && subpath.startsWith(key.slice(0, star)) && subpath.endsWith(key.slice(star + 1))) return true;
  }
  return false;
}

/** A string naming a path into services/ (`'services'` as a path segment, `services/...`). */
const SERVICE_PATH = /['"`](?:\.\.\/)*services(?:\/|['"`])/;
/** tools/ is exempt: its checks and their fixtures name service paths by design. */
const PATH_CHECKED = /^(packages|gateway|tests|bench)\//;

/**
 * Starting a service by its file path is a dependency no package.json declares and no import shows,
 * so the import graph cannot see it; this looks for the path in the source instead.
 */
function serviceFilePathViolations(root: string, module: IModule): Violation[] {
  if (!PATH_CHECKED.test(module.source) || module.coreModule || module.couldNotResolve) return [];
  const lines = readFileSync(join(root, module.source), 'utf8').split('\n');
  return lines.flatMap((line, index) => {
    const match = SERVICE_PATH.exec(line);
    if (!match) return [];
    return [
      {
        rule: 'no-service-file-path',
        from: module.source,
        // The literal, not the line, so an allow-list entry survives edits above it.
        to: match[0],
        message: `${module.source}:${index + 1} names a service's files by path (${match[0]}...): start it through what its package.json declares`,
      },
    ];
  });
}
