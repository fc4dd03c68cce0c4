import { defineConfig } from 'vitest/config';

// One run covers the whole workspace; unit tests sit beside their code, end-to-end tests in tests/.
export default defineConfig({
  // graphql ships CJS and ESM builds; Apollo's packages require() the CJS one, so tests must load
  // that same instance (as Node does) or schemas look like they come "from another realm".
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'packages', include: ['packages/*/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'tools', include: ['tools/*/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'services', include: ['services/*/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'gateway', include: ['gateway/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
