import { AsyncLocalStorage } from 'node:async_hooks';
import { type Db, openDatabase } from '@alphagraph/db';
import { workers } from '@alphagraph/db/schema/jobs';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '@alphagraph/db/testing';
import { eq, inArray, type SQL, sql } from 'drizzle-orm';
import { integer, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';
import { register } from 'prom-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobWorker, createWorkerLease, defineLifecycle, JobsError } from './index.ts';

// A job kind of the test's own, in a schema of its own: the kit knows nothing of features' tables.
const CHORE_STATUSES = ['waiting', 'working', 'done', 'failed'] as const;
const choresSchema = pgSchema('jobs_contract');
const chores = choresSchema.table('chores', {
  id: text('id').primaryKey(),
  grp: text('grp').notNull(),
  status: text('status', { enum: CHORE_STATUSES }).notNull(),
  holder: text('holder'),
  error: text('error'),
  attempts: integer('attempts').notNull().default(0),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
const CREATE_CHORES = `
  create schema jobs_contract;
  create table jobs_contract.chores (
    id text primary key, grp text not null, status text not null, holder text, error text,
    attempts integer not null default 0, created_at timestamptz not null default now());
  create unique index chores_one_working_per_grp on jobs_contract.chores (grp) where status = 'working';`;

const chore = defineLifecycle({
  name: 'chore',
  table: chores,
  columns: { id: 'id', status: 'status', holder: 'holder', error: 'error', createdAt: 'createdAt' },
  transitions: { waiting: ['working', 'failed'], working: ['done', 'failed'], done: [], failed: ['waiting'] },
  initial: 'waiting',
  abandoned: {
    held: ['working'],
    to: 'failed',
    message: ({ worker, leaseSeconds }) =>
      `abandoned: ${worker} sent no heartbeat for ${leaseSeconds} s; requeue the chore to run it again`,
  },
});

/** The claim condition of a chore: nothing of its group is being worked on. */
function groupIdle(candidate: typeof chores): SQL {
  return sql`not exists (select 1 from ${chores} as working where working.grp = ${candidate.grp} and working.status = 'working')`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a lifecycle declaration', () => {
  it('must handle every status of its column and sweep only along the table', () => {
    const declaration = {
      name: 'chore',
      table: chores,
      columns: { id: 'id', status: 'status', holder: 'holder', error: 'error', createdAt: 'createdAt' },
      initial: 'waiting',
      abandoned: { held: ['working'], to: 'failed', message: () => 'gone' },
    } as const;
    const incomplete = () =>
      // @ts-expect-error `failed` is a status of the column that the transition table leaves out.
      defineLifecycle({ ...declaration, transitions: { waiting: ['working'], working: ['done'], done: [] } });
    expect(incomplete).toBeTypeOf('function');
    expect(() =>
      defineLifecycle({
        ...declaration,
        transitions: { waiting: ['working'], working: ['done'], done: [], failed: [] },
      }),
    ).toThrow(
      new JobsError(
        'JOB_LIFECYCLE_INVALID',
        'the chore lifecycle sweeps abandoned work to failed, which working may not move to',
      ),
    );
    expect(chore.final).toEqual(['done']);
    expect(chore.sourcesOf('failed')).toEqual(['waiting', 'working']);
  });
});

describe.each(testDatabaseKinds())('the jobs kit on %s', (kind) => {
  let t: TestDatabase;
  /** A second process on the same database: its own pool on Postgres (PGlite has one session). */
  let other: { db: Db; close(): Promise<void> };
  let n = 0;
  const add = async (grp: string) => chore.create(t.db, { id: `c${String(++n).padStart(3, '0')}`, grp });
  const statusOf = async (ids: readonly string[]) =>
    new Map(
      (
        await t.db
          .select()
          .from(chores)
          .where(inArray(chores.id, [...ids]))
      ).map((r) => [r.id, r]),
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await t.exec(CREATE_CHORES);
    const second = t.url
      ? await openDatabase({ url: t.url, prepare: true, poolSize: 2, pgliteDir: '' }, { migrate: false })
      : null;
    other = { db: second?.db ?? t.db, close: async () => second?.close() };
  });
  afterAll(async () => {
    await other?.close();
    await t?.dispose();
  });

  it('two competing workers run each job exactly once, never two of one group at a time, oldest first', async () => {
    const ran: { worker: string; id: string; grp: string; event: 'start' | 'end' }[] = [];
    const workerOn = (db: Db, id: string) =>
      createJobWorker({
        db,
        lifecycle: chore,
        lease: createWorkerLease(db, { id }),
        claim: { to: 'working', where: groupIdle, set: () => ({ attempts: sql`${chores.attempts} + 1` }) },
        work: async (job, worker) => {
          ran.push({ worker, id: job.id, grp: job.grp, event: 'start' });
          await sleep(5);
          ran.push({ worker, id: job.id, grp: job.grp, event: 'end' });
          await chore.transition(db, { id: job.id, to: 'done', heldBy: worker });
        },
        waitPollMs: 20,
      });
    const a = workerOn(t.db, 'worker-a');
    const b = workerOn(other.db, 'worker-b');
    const jobs = [];
    for (let i = 0; i < 12; i++) {
      jobs.push(await add(i % 3 === 0 ? 'g1' : 'g2'));
      a.submit();
      b.submit();
    }
    await Promise.all([a.idle(), b.idle()]);

    const starts = ran.filter((e) => e.event === 'start').map((e) => e.id);
    expect([...starts].sort()).toEqual(jobs.map((j) => j.id).sort());
    const rows = await statusOf(jobs.map((j) => j.id));
    for (const job of jobs) {
      expect(rows.get(job.id)).toMatchObject({ status: 'done', attempts: 1 });
      expect(['worker-a', 'worker-b']).toContain(rows.get(job.id)!.holder);
    }
    for (const grp of ['g1', 'g2']) {
      const mine = ran.filter((e) => e.grp === grp);
      expect(mine.map((e) => e.event)).toEqual(mine.map((_, i) => (i % 2 === 0 ? 'start' : 'end')));
      expect(mine.filter((e) => e.event === 'start').map((e) => e.id)).toEqual(
        jobs.filter((j) => j.grp === grp).map((j) => j.id),
      );
    }
    await Promise.all([a.stop(), b.stop()]);
  });

  it('claims racing from both processes take each job once', async () => {
    const jobs = await Promise.all(['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((g) => add(g)));
    const claims = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        chore.claim(i % 2 ? other.db : t.db, { to: 'working', worker: i % 2 ? 'racer-b' : 'racer-a' }),
      ),
    );
    const taken = claims.filter((c) => c !== null).map((c) => c!.id);
    expect([...taken].sort()).toEqual(jobs.map((j) => j.id).sort());
    for (const c of claims.filter((c) => c !== null)) {
      await chore.transition(t.db, { id: c!.id, to: 'done', heldBy: c!.holder! });
    }
  });

  it('refuses a transition the table does not allow, and leaves the job as it was', async () => {
    const job = await add('refused');
    await expect(chore.transition(t.db, { id: job.id, to: 'done' })).rejects.toThrow(
      new JobsError(
        'JOB_TRANSITION_REFUSED',
        `chore ${job.id} cannot move to done from its current state (allowed from working)`,
      ),
    );
    expect(await chore.tryTransition(t.db, { id: job.id, to: 'waiting' })).toBeNull();
    const claimed = await chore.claim(t.db, { id: job.id, to: 'working', worker: 'w-refused' });
    expect(claimed).toMatchObject({ status: 'working', holder: 'w-refused' });
    // Only its holder may finish it.
    expect(await chore.tryTransition(t.db, { id: job.id, to: 'done', heldBy: 'someone-else' })).toBeNull();
    // Inside a transaction that rolls back (a failed lake publish), the move is undone with it.
    await expect(
      t.db.transaction(async (tx) => {
        await chore.transition(tx, { id: job.id, to: 'done', heldBy: 'w-refused' });
        throw new Error('publish failed');
      }),
    ).rejects.toThrow('publish failed');
    expect((await statusOf([job.id])).get(job.id)).toMatchObject({ status: 'working', holder: 'w-refused' });
    await chore.transition(t.db, { id: job.id, to: 'done', heldBy: 'w-refused' });
  });

  it('fails the work of a worker whose lease lapsed; that worker then cannot finish it', async () => {
    const stalled = createWorkerLease(t.db, { id: 'worker-stalled', heartbeatMs: 200, leaseMs: 1_000 });
    const job = await add('lapsed');
    const claimed = await stalled.hold(() => chore.claim(t.db, { id: job.id, to: 'working', worker: stalled.id }));
    expect(claimed).toMatchObject({ status: 'working', holder: 'worker-stalled' });
    // It holds nothing now, so it stops heartbeating, as a stalled process would.
    const sweeper = createWorkerLease(other.db, { id: 'worker-sweeper', heartbeatMs: 200, leaseMs: 1_000 });
    expect((await chore.sweep(other.db, sweeper)).map((r) => r.id)).not.toContain(job.id);
    await sleep(1_300);
    const swept = await chore.sweep(other.db, sweeper);
    expect(swept.map((r) => r.id)).toEqual([job.id]);
    expect(swept[0]).toMatchObject({
      status: 'failed',
      holder: 'worker-stalled',
      error: 'abandoned: worker-stalled sent no heartbeat for 1 s; requeue the chore to run it again',
    });
    await expect(chore.transition(t.db, { id: job.id, to: 'done', heldBy: 'worker-stalled' })).rejects.toMatchObject({
      code: 'JOB_TRANSITION_REFUSED',
    });
    expect((await statusOf([job.id])).get(job.id)!.status).toBe('failed');
  });

  it('heartbeats keep a busy worker’s work; work with no holder or an unknown one is swept, named unknown', async () => {
    const busy = createWorkerLease(t.db, { id: 'worker-busy', heartbeatMs: 100, leaseMs: 500 });
    const sweeper = createWorkerLease(other.db, { id: 'worker-watching', heartbeatMs: 100, leaseMs: 500 });
    const job = await add('busy');
    const orphan = await add('orphan');
    await t.db.update(chores).set({ status: 'working' }).where(eq(chores.id, orphan.id));
    const sweeps: string[][] = [];
    await busy.hold(async () => {
      await chore.claim(t.db, { id: job.id, to: 'working', worker: busy.id });
      for (let i = 0; i < 4; i++) {
        await sleep(300);
        sweeps.push((await chore.sweep(other.db, sweeper)).map((r) => r.id));
      }
      await chore.transition(t.db, { id: job.id, to: 'done', heldBy: busy.id });
    });
    expect(sweeps).toEqual([[orphan.id], [], [], []]);
    expect((await statusOf([job.id, orphan.id])).get(orphan.id)!.error).toBe(
      'abandoned: unknown sent no heartbeat for 1 s; requeue the chore to run it again',
    );
    expect((await statusOf([job.id])).get(job.id)!.status).toBe('done');
    await busy.stop();
    const [row] = await t.db.select().from(workers).where(eq(workers.id, 'worker-busy'));
    expect(row).toBeUndefined();
  });

  it("runs a job in the worker's own context, not in that of the request that submitted it", async () => {
    // A request's context carries its DuckDB deadline and cancellation (packages/lake withQueryScope).
    const requestContext = new AsyncLocalStorage<string>();
    const seen: (string | undefined)[] = [];
    const worker = createJobWorker({
      db: t.db,
      lifecycle: chore,
      lease: createWorkerLease(t.db, { id: 'worker-context' }),
      claim: { to: 'working' },
      work: async (job, holder) => {
        seen.push(requestContext.getStore());
        await chore.transition(t.db, { id: job.id, to: 'done', heldBy: holder });
      },
      waitPollMs: 20,
    });
    const job = await add('context');
    await requestContext.run('request-1', async () => {
      expect(requestContext.getStore()).toBe('request-1');
      worker.submit();
      await worker.waitFor(job.id, 10_000);
    });
    expect(seen).toEqual([undefined]);
    expect((await statusOf([job.id])).get(job.id)!.status).toBe('done');
    await worker.stop();
  });

  it('stop() claims nothing more and waits for the job in progress', async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const worker = createJobWorker({
      db: t.db,
      lifecycle: chore,
      lease: createWorkerLease(t.db, { id: 'worker-stopping' }),
      claim: { to: 'working' },
      work: async (job, holder) => {
        await gate;
        await chore.transition(t.db, { id: job.id, to: 'done', heldBy: holder });
      },
      pollMs: 20,
    });
    const first = await add('stop-1');
    worker.start();
    while ((await statusOf([first.id])).get(first.id)!.status !== 'working') await sleep(10);
    const second = await add('stop-2');
    let stopped = false;
    const stopping = worker.stop().then(() => (stopped = true));
    await sleep(100);
    expect(stopped).toBe(false);
    release();
    await stopping;
    const rows = await statusOf([first.id, second.id]);
    expect(rows.get(first.id)!.status).toBe('done');
    expect(rows.get(second.id)!.status).toBe('waiting');
    expect(await worker.waitFor(first.id, 0)).toMatchObject({ id: first.id, status: 'done' });
    await chore.transition(t.db, { id: second.id, to: 'failed' });
  });

  it('stop() with a grace period gives a job still running back to the queue; another worker runs it once', async () => {
    const releasing = defineLifecycle({
      name: 'chore',
      table: chores,
      columns: { id: 'id', status: 'status', holder: 'holder', error: 'error', createdAt: 'createdAt' },
      transitions: {
        waiting: ['working', 'failed'],
        working: ['done', 'failed', 'waiting'],
        done: [],
        failed: ['waiting'],
      },
      initial: 'waiting',
      abandoned: { held: ['working'], to: 'failed', message: ({ worker }) => `abandoned by ${worker}` },
      released: { to: 'waiting' },
    });
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const finishedBy: string[] = [];
    const lateRefusals: unknown[] = [];
    const workerNamed = (id: string, waitForGate: boolean) =>
      createJobWorker({
        db: t.db,
        lifecycle: releasing,
        lease: createWorkerLease(t.db, { id }),
        claim: { to: 'working', set: () => ({ attempts: sql`${chores.attempts} + 1` }) },
        work: async (job, holder) => {
          if (waitForGate) await gate;
          const done = await releasing.tryTransition(t.db, { id: job.id, to: 'done', heldBy: holder });
          if (done) finishedBy.push(holder);
          else lateRefusals.push(job.id);
        },
        pollMs: 20,
      });
    const gauge = async (name: string) =>
      (await register.getSingleMetric(name)!.get()).values.find((v) => v.labels.kind === 'chore')?.value;
    const doneRuns = async () =>
      (await register.getSingleMetric('alphagraph_job_runs_total')!.get()).values.find(
        (v) => v.labels.kind === 'chore' && v.labels.status === 'done',
      )?.value ?? 0;
    const doneBefore = await doneRuns();
    const job = await add('release-1');
    const stopping = workerNamed('worker-released', true);
    // The queue as /metrics reports it: the job waits (and nothing else of this kind does).
    expect(await gauge('alphagraph_job_queue_depth')).toBe(1);
    expect(await gauge('alphagraph_job_queue_oldest_age_seconds')).toBeGreaterThanOrEqual(0);
    stopping.start();
    while ((await statusOf([job.id])).get(job.id)!.status !== 'working') await sleep(10);

    expect(await stopping.stop({ graceMs: 50 })).toBe(job.id);
    expect((await statusOf([job.id])).get(job.id)).toMatchObject({ status: 'waiting', holder: null, attempts: 1 });

    // The stopped worker's job finishes late: its transition is refused, the job stays queued.
    open();
    while (lateRefusals.length === 0) await sleep(10);
    expect((await statusOf([job.id])).get(job.id)!.status).toBe('waiting');

    const taking = workerNamed('worker-taking-over', false);
    await taking.idle();
    expect((await statusOf([job.id])).get(job.id)).toMatchObject({
      status: 'done',
      holder: 'worker-taking-over',
      attempts: 2,
    });
    expect(finishedBy).toEqual(['worker-taking-over']);
    expect(await doneRuns()).toBe(doneBefore + 1);
    expect(await gauge('alphagraph_job_queue_depth')).toBe(0);
    await taking.stop();
  });

  it('stop() with a grace period waits for a job that finishes within it, and gives nothing back', async () => {
    const releasing = defineLifecycle({
      name: 'chore',
      table: chores,
      columns: { id: 'id', status: 'status', holder: 'holder', error: 'error', createdAt: 'createdAt' },
      transitions: { waiting: ['working', 'failed'], working: ['done', 'failed', 'waiting'], done: [], failed: [] },
      initial: 'waiting',
      abandoned: { held: ['working'], to: 'failed', message: () => 'abandoned' },
      released: { to: 'waiting' },
    });
    let open: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    const worker = createJobWorker({
      db: t.db,
      lifecycle: releasing,
      lease: createWorkerLease(t.db, { id: 'worker-finishing' }),
      claim: { to: 'working' },
      work: async (job, holder) => {
        await gate;
        await releasing.transition(t.db, { id: job.id, to: 'done', heldBy: holder });
      },
      pollMs: 20,
    });
    const job = await add('release-2');
    worker.start();
    while ((await statusOf([job.id])).get(job.id)!.status !== 'working') await sleep(10);
    const stopped = worker.stop({ graceMs: 600_000 });
    open();
    expect(await stopped).toBeUndefined();
    expect((await statusOf([job.id])).get(job.id)).toMatchObject({ status: 'done', holder: 'worker-finishing' });
  });

  it('refuses a declaration that releases held work to a status it may not move to', () => {
    expect(() =>
      defineLifecycle({
        name: 'chore',
        table: chores,
        columns: { id: 'id', status: 'status', holder: 'holder', error: 'error', createdAt: 'createdAt' },
        transitions: { waiting: ['working', 'failed'], working: ['done', 'failed'], done: [], failed: [] },
        initial: 'waiting',
        abandoned: { held: ['working'], to: 'failed', message: () => 'abandoned' },
        released: { to: 'waiting' },
      }),
    ).toThrow(
      new JobsError(
        'JOB_LIFECYCLE_INVALID',
        'the chore lifecycle releases held work to waiting, which working may not move to',
      ),
    );
  });
});
