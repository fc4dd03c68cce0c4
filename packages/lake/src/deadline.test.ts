import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Lake, LakeError, withQueryScope } from './index.ts';

/** Summing 10^13 rows takes hours on one thread: only an interrupt ends it. */
const ENDLESS = 'SELECT sum(i) AS s FROM range(10000000000000) t(i)';

async function failure(work: Promise<unknown>): Promise<{ error: LakeError; ms: number }> {
  const started = Date.now();
  const error = await work.then(
    () => {
      throw new Error('the statement finished; it should have been stopped');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(LakeError);
  return { error: error as LakeError, ms: Date.now() - started };
}

// The lake's DuckDB work needs no database beyond opening the lake: PGlite is enough.
describe('deadlines and cancellation of DuckDB statements', () => {
  let t: TestDatabase;
  let root: string;
  let lake: Lake;
  let bounded: Lake;
  beforeAll(async () => {
    t = await createTestDatabase('pglite');
    root = mkdtempSync(join(tmpdir(), 'ag-lake-deadline-'));
    lake = await Lake.open({ root, db: t.db, threads: 1 });
    bounded = await Lake.open({ root, db: t.db, threads: 1, statementDeadlineSeconds: 1 });
  });
  afterAll(async () => {
    await lake?.close();
    await bounded?.close();
    await t?.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it("stops any statement at the lake's statement deadline, naming it, and answers the next one", async () => {
    const { error } = await failure(bounded.query(ENDLESS));
    expect(error.code).toBe('DEADLINE_EXCEEDED');
    expect(error.message).toBe(
      "the analytic query was stopped: it passed the lake's statement deadline of 1 s (DUCKDB_STATEMENT_DEADLINE_SECONDS)",
    );
    expect(await bounded.query('SELECT 42 AS x')).toEqual([{ x: 42 }]);
    // A session's statements too (the way jobs run their SQL), and the session stays usable.
    await bounded.withSession(async (session) => {
      expect((await failure(session.all(ENDLESS))).error.code).toBe('DEADLINE_EXCEEDED');
      expect(await session.all('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    });
  });

  it("stops a statement at its scope's deadline, with the scope's name for it", async () => {
    const scope = { deadlineAt: Date.now() + 300, deadlineName: 'the test deadline of 0.3 s' };
    const { error, ms } = await failure(withQueryScope(scope, () => lake.query(ENDLESS)));
    expect(error.code).toBe('DEADLINE_EXCEEDED');
    expect(error.message).toBe('the analytic query was stopped: it passed the test deadline of 0.3 s');
    expect(ms).toBeGreaterThanOrEqual(250);
    // A deadline already past refuses the statement before it starts.
    const past = { deadlineAt: Date.now() - 1, deadlineName: 'a past deadline' };
    expect((await failure(withQueryScope(past, () => lake.query('SELECT 1')))).error.code).toBe('DEADLINE_EXCEEDED');
  });

  it('stops the statements of work whose caller went away, and refuses new ones', async () => {
    const abandoned = new AbortController();
    const work = withQueryScope({ signal: abandoned.signal }, () =>
      lake.withSession(async (session) => {
        await session.run('CREATE TEMP TABLE t AS SELECT 1 AS x');
        return session.all(ENDLESS);
      }),
    );
    setTimeout(() => abandoned.abort(), 200);
    const { error } = await failure(work);
    expect(error.code).toBe('CANCELLED');
    expect(error.message).toBe('the analytic query was stopped: its caller went away before it finished');
    const again = await failure(withQueryScope({ signal: abandoned.signal }, () => lake.query('SELECT 1')));
    expect(again.error.code).toBe('CANCELLED');
    // Work outside the scope is untouched.
    expect(await lake.query('SELECT 7 AS x')).toEqual([{ x: 7 }]);
  });

  it('nests scopes (the earlier deadline and either signal), and lets background work leave them', async () => {
    const outer = { deadlineAt: Date.now() + 60_000, deadlineName: 'the outer deadline' };
    const inner = { deadlineAt: Date.now() + 200, deadlineName: 'the inner deadline' };
    const nested = await failure(withQueryScope(outer, () => withQueryScope(inner, () => lake.query(ENDLESS))));
    expect(nested.error.message).toMatch(/the inner deadline$/);

    const abandoned = new AbortController();
    abandoned.abort();
    // A job kicked off from inside a request runs in the context captured outside of it (the jobs kit's rule).
    const outside = AsyncLocalStorage.snapshot();
    const background = withQueryScope({ signal: abandoned.signal }, () =>
      outside(() => lake.query<{ x: number }>('SELECT 3 AS x')),
    );
    expect(await background).toEqual([{ x: 3 }]);
  });
});
