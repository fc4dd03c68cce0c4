import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lake, LakeError } from './index.ts';

// The lake's DuckDB work needs no database beyond opening the lake: PGlite is enough.
describe('interrupting a session', () => {
  let t: TestDatabase;
  let root: string;
  let lake: Lake;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    root = mkdtempSync(join(tmpdir(), 'ag-lake-interrupt-'));
    lake = await Lake.open({ root, db: t.db, threads: 1 });
  });
  afterAll(async () => {
    await lake?.close();
    await t?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('stops a statement that would run for hours, and the session answers the next one', async () => {
    await lake.withSession(async (session) => {
      // Summing 10^13 rows takes hours on one thread; interrupt until the statement gives up.
      const endless = session.all('SELECT sum(i) AS s FROM range(10000000000000) t(i)');
      let settled = false;
      const done = endless.then(
        () => 'finished',
        (error: unknown) => error,
      );
      void done.then(() => {
        settled = true;
      });
      while (!settled) {
        session.interrupt();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const error = await done;
      expect(error).toBeInstanceOf(LakeError);
      expect((error as LakeError).message).toMatch(/interrupt/i);
      expect(await session.all('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    });
  });
});
