import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkImports } from './imports.ts';
import { createFixture, type Fixture, manifest, type Tree, workspaceFile } from './test-support/fixture.ts';
import type { Violation } from './violation.ts';

const ws = (...names: string[]) => Object.fromEntries(names.map((name) => [name, 'workspace:*']));

/** A small workspace laid out like the repo, whose every import is allowed. */
function cleanTree(): Tree {
  return {
    'pnpm-workspace.yaml': workspaceFile(['packages/*', 'services/*', 'gateway', 'tests', 'bench']),
    'package.json': { name: 'fixture', private: true },
    'packages/db/package.json': manifest('@alphagraph/db', {
      exports: {
        '.': './src/index.ts',
        './schema': './src/schema/index.ts',
        './schema/features': './src/schema/features.ts',
        './schema/alt': './src/schema/alt.ts',
      },
    }),
    'packages/db/src/index.ts': 'export const openDatabase = () => 1;\n',
    'packages/db/src/schema/index.ts': "export * from './lake.ts';\n",
    'packages/db/src/schema/lake.ts': 'export const lakeSnapshots = 1;\n',
    'packages/db/src/schema/features.ts': 'export const features = 1;\n',
    'packages/db/src/schema/alt.ts': 'export const vendors = 1;\n',
    'packages/lake/package.json': manifest('@alphagraph/lake', { dependencies: ws('@alphagraph/db') }),
    'packages/lake/src/index.ts':
      "import { lakeSnapshots } from '@alphagraph/db/schema';\nexport const lake = lakeSnapshots;\n",
    'services/features/package.json': manifest('@alphagraph/features', {
      dependencies: ws('@alphagraph/db', '@alphagraph/lake'),
    }),
    'services/features/src/index.ts':
      "import { features } from '@alphagraph/db/schema/features';\nimport { lake } from '@alphagraph/lake';\nexport const createFeatures = () => features + lake;\n",
    'services/alt-data/package.json': manifest('@alphagraph/alt-data', { dependencies: ws('@alphagraph/db') }),
    'services/alt-data/src/index.ts': "export { vendors } from '@alphagraph/db/schema/alt';\n",
    'gateway/package.json': manifest('@alphagraph/gateway', { dependencies: ws('@alphagraph/lake') }),
    'gateway/src/index.ts': "export { lake } from '@alphagraph/lake';\n",
    'tests/package.json': manifest('@alphagraph/e2e', { dependencies: ws('@alphagraph/gateway', '@alphagraph/db') }),
    'tests/src/e2e.test.ts': "import { lake } from '@alphagraph/gateway';\nexport const seen = lake;\n",
    // Benchmarks may import a service by its public entry.
    'bench/package.json': manifest('@alphagraph/bench', { dependencies: ws('@alphagraph/features') }),
    'bench/src/materialize.bench.ts': "import { createFeatures } from '@alphagraph/features';\ncreateFeatures();\n",
  };
}

/** One file (or manifest change) per rule, each breaking that rule only. */
function violatingTree(): Tree {
  const tree = cleanTree();
  return {
    ...tree,
    'services/features/package.json': manifest('@alphagraph/features', {
      dependencies: ws('@alphagraph/db', '@alphagraph/lake', '@alphagraph/alt-data'),
    }),
    'services/features/src/catalog.ts': "export { vendors } from '@alphagraph/alt-data';\n",
    'services/features/src/alt-tables.ts': "export { vendors } from '@alphagraph/db/schema/alt';\n",
    'services/features/src/deep.ts': "export { lake } from '@alphagraph/lake/src/index.ts';\n",
    'services/features/src/internal.ts': "export { lake } from '@alphagraph/lake/internal';\n",
    'services/features/src/relative.ts': "export { lake } from '../../../packages/lake/src/index.ts';\n",
    'services/alt-data/src/undeclared.ts': "export { lake } from '@alphagraph/lake';\n",
    'services/alt-data/src/npm.ts': "export { pad } from 'left-pad';\n",
    'services/alt-data/src/typo.ts': "export { nothing } from './nowhere.ts';\n",
    'node_modules/left-pad/package.json': { name: 'left-pad', version: '1.3.0', main: 'index.js' },
    'node_modules/left-pad/index.js': 'exports.pad = 1;\n',
    'packages/lake/package.json': manifest('@alphagraph/lake', {
      dependencies: ws('@alphagraph/db', '@alphagraph/features'),
    }),
    'packages/lake/src/uses-service.ts': "export { createFeatures } from '@alphagraph/features';\n",
    'packages/lake/src/spawn.ts':
      "import { join } from 'node:path';\nexport const entry = join('services', 'features', 'src', 'main.ts');\n",
    'packages/lake/src/a.ts': "import { b } from './b.ts';\nexport const a = () => b;\n",
    'packages/lake/src/b.ts': "import { a } from './a.ts';\nexport const b = () => a;\n",
    'packages/db/src/schema/index.ts': "export * from './lake.ts';\nexport * from './features.ts';\n",
    'gateway/package.json': manifest('@alphagraph/gateway', {
      dependencies: ws('@alphagraph/lake', '@alphagraph/features'),
    }),
    'gateway/src/subgraphs.ts': "export { createFeatures } from '@alphagraph/features';\n",
    'tests/package.json': manifest('@alphagraph/e2e', {
      dependencies: ws('@alphagraph/gateway', '@alphagraph/features'),
    }),
    'tests/src/in-process.test.ts': "export { createFeatures } from '@alphagraph/features';\n",
    'bench/src/schema.bench.ts': "export { features } from '../../packages/db/src/schema/features.ts';\n",
  };
}

const byRule = (violations: Violation[]) => violations.map((v) => `${v.rule} ${v.from} -> ${v.to}`).sort();

describe('checkImports', () => {
  it('passes a workspace whose imports follow the boundaries', async () => {
    const fixture = createFixture(cleanTree());
    try {
      expect(await checkImports(fixture.root)).toEqual([]);
    } finally {
      fixture.remove();
    }
  });

  describe('on a workspace breaking each rule once', () => {
    let fixture: Fixture;
    let violations: Violation[];
    beforeAll(async () => {
      fixture = createFixture(violatingTree());
      violations = await checkImports(fixture.root);
    });
    afterAll(() => fixture.remove());

    it('reports each violation once, and nothing else', () => {
      expect(byRule(violations)).toEqual(
        [
          'no-service-to-service services/features/src/catalog.ts -> services/alt-data/src/index.ts',
          'no-foreign-tables services/features/src/alt-tables.ts -> packages/db/src/schema/alt.ts',
          'no-deep-import services/features/src/deep.ts -> @alphagraph/lake/src/index.ts',
          'no-unexported-subpath services/features/src/internal.ts -> @alphagraph/lake/internal',
          'no-cross-package-relative services/features/src/relative.ts -> packages/lake/src/index.ts',
          'no-undeclared-workspace-dependency services/alt-data/src/undeclared.ts -> @alphagraph/lake',
          'no-undeclared-npm-dependency services/alt-data/src/npm.ts -> node_modules/left-pad/index.js',
          'no-unresolvable services/alt-data/src/typo.ts -> ./nowhere.ts',
          'no-package-to-app packages/lake/src/uses-service.ts -> services/features/src/index.ts',
          "no-service-file-path packages/lake/src/spawn.ts -> 'services'",
          'no-circular packages/lake/src/a.ts -> packages/lake/src/b.ts',
          'no-table-aggregate packages/db/src/schema/index.ts -> packages/db/src/schema/features.ts',
          'no-gateway-to-service gateway/src/subgraphs.ts -> services/features/src/index.ts',
          'no-tests-to-service tests/src/in-process.test.ts -> services/features/src/index.ts',
          'no-cross-package-relative bench/src/schema.bench.ts -> packages/db/src/schema/features.ts',
          'no-foreign-tables bench/src/schema.bench.ts -> packages/db/src/schema/features.ts',
        ].sort(),
      );
    });

    it.each([
      ['no-service-to-service', 'services/features/src/catalog.ts'],
      ['no-package-to-app', 'packages/lake/src/uses-service.ts'],
      ['no-gateway-to-service', 'gateway/src/subgraphs.ts'],
      ['no-tests-to-service', 'tests/src/in-process.test.ts'],
      ['no-deep-import', 'services/features/src/deep.ts'],
      ['no-unexported-subpath', 'services/features/src/internal.ts'],
      ['no-cross-package-relative', 'services/features/src/relative.ts'],
      ['no-circular', 'packages/lake/src/a.ts'],
      ['no-undeclared-workspace-dependency', 'services/alt-data/src/undeclared.ts'],
      ['no-undeclared-npm-dependency', 'services/alt-data/src/npm.ts'],
      ['no-foreign-tables', 'services/features/src/alt-tables.ts'],
      ['no-table-aggregate', 'packages/db/src/schema/index.ts'],
      ['no-service-file-path', 'packages/lake/src/spawn.ts'],
      ['no-unresolvable', 'services/alt-data/src/typo.ts'],
    ])('%s names %s in its message', (rule, file) => {
      const found = violations.find((v) => v.rule === rule && v.from === file);
      expect(found?.message).toContain(file);
    });

    it('says why, naming both package.json files involved', () => {
      const messages = violations.map((v) => v.message);
      expect(messages).toContain(
        'services/alt-data/src/undeclared.ts imports @alphagraph/lake, but services/alt-data/package.json does not declare @alphagraph/lake',
      );
      expect(messages).toContain(
        'services/features/src/internal.ts imports @alphagraph/lake/internal, which is not in packages/lake/package.json "exports"',
      );
      expect(messages).toContain(
        'packages/lake/src/a.ts is in an import cycle: packages/lake/src/a.ts -> packages/lake/src/b.ts -> packages/lake/src/a.ts',
      );
      expect(messages).toContain(
        "packages/lake/src/spawn.ts:2 names a service's files by path ('services'...): start it through what its package.json declares",
      );
    });
  });
});
