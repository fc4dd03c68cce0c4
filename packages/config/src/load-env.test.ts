import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ConfigError, databaseEnv, httpEnv, lakeEnv, loadEnv } from './index.ts';

describe('loadEnv', () => {
  it('returns typed values with defaults', () => {
    const env = loadEnv({ http: httpEnv(4001), db: databaseEnv, lake: lakeEnv }, { PORT: '5000' });
    expect(env.http.port).toBe(5000);
    expect(env.db.url).toBeUndefined();
    expect(env.db.prepare).toBe(true);
    expect(env.lake.root).toMatch(/\.alphagraph[/\\]lake$/);
  });

  it('reports every problem of every concern together', () => {
    let caught: unknown;
    try {
      loadEnv(
        { http: httpEnv(4001), db: databaseEnv, lake: lakeEnv, extra: z.object({ X: z.string() }) },
        { PORT: 'abc', DATABASE_URL: 'mysql://x', DUCKDB_MEMORY_LIMIT: 'lots' },
      );
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toContain('http: PORT');
    expect(problems.join('\n')).toContain('db: DATABASE_URL: must be a postgres://');
    expect(problems.join('\n')).toContain('lake: DUCKDB_MEMORY_LIMIT');
    expect(problems.join('\n')).toContain('extra: X');
  });
});
