import { defineConfig } from 'vitest/config';

// One run covers the whole workspace; unit tests sit beside their code, end-to-end tests in tests/.
export default defineConfig({
  test: {
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 180_000,
    projects: [
      { extends: true, test: { name: 'packages', include: ['packages/*/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'services', include: ['services/*/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'gateway', include: ['gateway/src/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['tests/**/*.test.ts'], fileParallelism: false } },
    ],
  },
});
