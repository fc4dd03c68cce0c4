import { afterEach, describe, expect, it } from 'vitest';
import { checkCatalog } from './catalog.ts';
import { createFixture, type Fixture, type Tree, workspaceFile } from './test-support/fixture.ts';

const CATALOG = { zod: '^4.1.0', pnpm: '10.34.9', vitest: '^4.1.12' };

function tree(overrides: Tree = {}): Tree {
  return {
    'pnpm-workspace.yaml': workspaceFile(['packages/*', 'services/*'], CATALOG),
    'package.json': {
      name: 'root',
      packageManager: 'pnpm@10.34.9',
      devDependencies: { pnpm: 'catalog:', vitest: 'catalog:' },
    },
    'packages/config/package.json': { name: '@alphagraph/config', dependencies: { zod: 'catalog:' } },
    'services/market-data/package.json': {
      name: '@alphagraph/market-data',
      dependencies: { '@alphagraph/config': 'workspace:*', zod: 'catalog:' },
    },
    ...overrides,
  };
}

describe('checkCatalog', () => {
  let fixture: Fixture | undefined;
  afterEach(() => fixture?.remove());
  const check = (overrides: Tree = {}) => {
    fixture = createFixture(tree(overrides));
    return checkCatalog(fixture.root);
  };

  it('passes when every external version comes from the catalog', () => {
    expect(check()).toEqual([]);
  });

  it('rejects a literal version of a dependency the catalog has', () => {
    expect(
      check({ 'packages/config/package.json': { name: '@alphagraph/config', dependencies: { zod: '^4.0.0' } } }),
    ).toEqual([
      {
        rule: 'no-literal-version',
        from: 'packages/config/package.json',
        to: 'zod',
        message:
          'packages/config/package.json dependencies.zod is "^4.0.0": use "catalog:" (the catalog pins it at ^4.1.0) and put the version in pnpm-workspace.yaml',
      },
    ]);
  });

  it('rejects a literal version two packages share, naming both', () => {
    const violations = check({
      'packages/config/package.json': {
        name: '@alphagraph/config',
        dependencies: { zod: 'catalog:', 'csv-parse': '^7.0.3' },
      },
      'services/market-data/package.json': {
        name: '@alphagraph/market-data',
        dependencies: { '@alphagraph/config': 'workspace:*', zod: 'catalog:', 'csv-parse': '^7.0.3' },
      },
    });
    expect(violations.map((v) => v.message)).toEqual([
      'packages/config/package.json dependencies.csv-parse is "^7.0.3": use "catalog:" (services/market-data/package.json also uses it) and put the version in pnpm-workspace.yaml',
      'services/market-data/package.json dependencies.csv-parse is "^7.0.3": use "catalog:" (packages/config/package.json also uses it) and put the version in pnpm-workspace.yaml',
    ]);
  });

  it('rejects a literal version only one package uses', () => {
    const violations = check({
      'packages/config/package.json': {
        name: '@alphagraph/config',
        dependencies: { zod: 'catalog:' },
        devDependencies: { sentiment: '^5.0.2' },
      },
    });
    expect(violations.map((v) => [v.rule, v.from, v.to])).toEqual([
      ['no-literal-version', 'packages/config/package.json', 'sentiment'],
    ]);
    expect(violations[0]?.message).toContain('every external version lives in the catalog');
  });

  it('rejects "catalog:" for a name the catalog lacks, and a workspace range naming no package', () => {
    const violations = check({
      'packages/config/package.json': {
        name: '@alphagraph/config',
        dependencies: { zod: 'catalog:', jose: 'catalog:', '@alphagraph/nope': 'workspace:*' },
      },
    });
    expect(violations.map((v) => [v.rule, v.from, v.to])).toEqual([
      ['no-missing-catalog-entry', 'packages/config/package.json', 'jose'],
      ['no-unknown-workspace-package', 'packages/config/package.json', '@alphagraph/nope'],
    ]);
  });

  it('rejects a catalog entry nobody uses, and a packageManager that disagrees with the catalog', () => {
    const violations = check({
      'package.json': { name: 'root', packageManager: 'pnpm@10.0.0', devDependencies: { pnpm: 'catalog:' } },
    });
    expect(violations.map((v) => v.message)).toEqual([
      'pnpm-workspace.yaml catalog entry vitest is used by no package.json',
      'package.json packageManager is "pnpm@10.0.0" but the catalog pins pnpm at 10.34.9',
    ]);
  });
});
