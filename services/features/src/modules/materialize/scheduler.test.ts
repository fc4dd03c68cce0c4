import { type Db, openDatabase } from '@alphagraph/db';
import { materializationRuns, onlineValues } from '@alphagraph/db/schema/features';
import { workers } from '@alphagraph/db/schema/jobs';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createWorkerLease, JobsError } from '@alphagraph/jobs';
import { Lake } from '@alphagraph/lake';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../test-support/dates.ts';
import { syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness } from '../../test-support/harness.ts';
import { timeOrderedId } from '../views/naming.ts';
import type { FeatureViewRecord } from '../views/store.ts';
import type { MaterializeJob } from './job.ts';
import { runMaterialization } from './job.ts';
import { requestMaterialization } from './request.ts';
import { createRunStore, type RunRecord, runLifecycle } from './runs.ts';
import { createScheduler } from './scheduler.ts';

const DAYS = sessions('2017-03-01', '2017-03-31');

/** Another features process on the same database and lake: its own pool (Postgres) and DuckDB. */
async function otherProcess(h: Harness): Promise<{ db: Db; lake: Lake; close(): Promise<void> }> {
  const url = h.t.database.url;
  const handle = url
    ? await openDatabase({ url, prepare: true, poolSize: 2, pgliteDir: '' }, { migrate: false })
    : null;
  const db = handle?.db ?? h.t.handle.db;
  const lake = await Lake.open({ root: h.t.lake.root, db, threads: 1 });
  return {
    db,
    lake,
    close: async () => {
      await lake.close();
      await handle?.close();
    },
  };
}

interface Event {
  readonly worker: string;
  readonly run: string;
  readonly view: string;
  readonly event: 'start' | 'end';
}

describe.each(testDatabaseKinds())('the materialization queue shared by processes on %s', (kind) => {
  let h: Harness;
  let b: Awaited<ReturnType<typeof otherProcess>>;
  let views: FeatureViewRecord[];
  const events: Event[] = [];

  /** Records when it starts and ends, and finishes the run as the claiming worker. */
  const recording = (db: Db) => async (job: MaterializeJob, worker: string) => {
    events.push({ worker, run: job.run.id, view: job.view.name, event: 'start' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    events.push({ worker, run: job.run.id, view: job.view.name, event: 'end' });
    return runLifecycle.transition(db, {
      id: job.run.id,
      to: 'succeeded',
      set: { rowsWritten: 0, finishedAt: new Date() },
      heldBy: worker,
    });
  };
  const queue = async (view: FeatureViewRecord) =>
    createRunStore(h.t.handle.db).create({
      id: timeOrderedId(),
      view: view.name,
      kind: 'incremental',
      periodFrom: null,
      periodTo: null,
      universe: ['AAA'],
      createdBy: 'test',
    });
  const statusOf = async (ids: readonly string[]) => {
    const rows = await createRunStore(h.t.handle.db).byIds(ids);
    return new Map(rows.map((r) => [r.id, r]));
  };

  beforeAll(async () => {
    h = await createHarness(kind);
    b = await otherProcess(h);
    await writeBars(h.t.lake, syntheticBars(['AAA', 'BBB'], DAYS[0]!, DAYS.at(-1)!));
    for (const name of ['q_one', 'q_two']) {
      const r = await h.gql(['researcher'], DEFINE, {
        i: { name, expression: 'Mean($close, 3)', ttlSeconds: 864_000, description: name },
      });
      expect(r.data.defineFeature.error).toBeNull();
    }
    const fs = h.service.featureStore;
    const found = await fs.features.resolveRefs(['q_one@1', 'q_two@1']);
    views = [
      await fs.views.ensure([found.get('q_one@1')!], 'queue_one'),
      await fs.views.ensure([found.get('q_two@1')!], 'queue_two'),
    ];
  });
  afterAll(async () => {
    await b?.close();
    await h?.dispose();
  });

  it('runs each queued run exactly once, never two of one view at a time, in order per view', async () => {
    const a = createScheduler({
      db: h.t.handle.db,
      lake: h.t.lake,
      lease: createWorkerLease(h.t.handle.db, { id: 'worker-a' }),
      execute: recording(h.t.handle.db),
      waitPollMs: 20,
    });
    const other = createScheduler({
      db: b.db,
      lake: b.lake,
      lease: createWorkerLease(b.db, { id: 'worker-b' }),
      execute: recording(b.db),
      waitPollMs: 20,
    });
    const runs: RunRecord[] = [];
    for (let i = 0; i < 10; i++) {
      const run = await queue(views[i % 3 === 0 ? 1 : 0]!);
      runs.push(run);
      // Both processes hear of every run and race to claim it.
      a.submit(run);
      other.submit(run);
    }
    await Promise.all([a.idle(), other.idle()]);

    const ids = runs.map((r) => r.id);
    const starts = events.filter((e) => e.event === 'start' && ids.includes(e.run));
    expect(starts.map((e) => e.run).sort()).toEqual([...ids].sort());
    const recorded = await statusOf(ids);
    for (const run of runs) {
      expect(recorded.get(run.id)).toMatchObject({ status: 'succeeded' });
      expect(['worker-a', 'worker-b']).toContain(recorded.get(run.id)!.claimedBy);
    }
    for (const view of views) {
      const mine = events.filter((e) => e.view === view.name && ids.includes(e.run));
      // start, end, start, end…: a run of the view ends before the next one starts.
      expect(mine.map((e) => e.event)).toEqual(mine.map((_, i) => (i % 2 === 0 ? 'start' : 'end')));
      mine.forEach((e, i) => {
        if (i % 2 === 1) expect(e.run).toBe(mine[i - 1]!.run);
      });
      // Oldest first.
      expect(mine.filter((e) => e.event === 'start').map((e) => e.run)).toEqual(
        runs.filter((r) => r.view === view.name).map((r) => r.id),
      );
    }
    await Promise.all([a.stop(), other.stop()]);
  });

  it('a caller waits for a run another process executes; queued runs of a stopped process are picked up', async () => {
    const stopped = createScheduler({
      db: h.t.handle.db,
      lake: h.t.lake,
      lease: createWorkerLease(h.t.handle.db, { id: 'worker-stopped' }),
      execute: recording(h.t.handle.db),
    });
    await stopped.stop();
    const left = [await queue(views[0]!), await queue(views[1]!)];
    stopped.submit(left[0]!);
    expect((await statusOf([left[0]!.id])).get(left[0]!.id)!.status).toBe('queued');

    const live = createScheduler({
      db: b.db,
      lake: b.lake,
      lease: createWorkerLease(b.db, { id: 'worker-live' }),
      execute: recording(b.db),
      pollMs: 50,
      waitPollMs: 20,
    });
    live.start();
    // The stopped process's scheduler still answers waitFor: from the database.
    const finished = await stopped.waitFor(left[1]!.id, 30_000);
    expect(finished).toMatchObject({ id: left[1]!.id, status: 'succeeded', claimedBy: 'worker-live' });
    await live.idle();
    expect((await statusOf([left[0]!.id])).get(left[0]!.id)).toMatchObject({
      status: 'succeeded',
      claimedBy: 'worker-live',
    });
    await live.stop();
  });

  it('fails a run left running by a dead process, leaves a live one’s alone, then runs what queued behind', async () => {
    const { db } = h.t.handle;
    await db.insert(workers).values({
      id: 'worker-dead',
      host: 'gone',
      pid: 1,
      heartbeatAt: sql`now() - interval '1 hour'`,
    });
    const orphan = await queue(views[0]!);
    await db
      .update(materializationRuns)
      .set({ status: 'running', claimedBy: 'worker-dead', startedAt: new Date(), asOf: new Date() })
      .where(eq(materializationRuns.id, orphan.id));
    const busyLease = createWorkerLease(db, { id: 'worker-busy' });
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const busy = await queue(views[1]!);
    const holding = busyLease.hold(async () => {
      await db
        .update(materializationRuns)
        .set({ status: 'running', claimedBy: 'worker-busy', startedAt: new Date(), asOf: new Date() })
        .where(eq(materializationRuns.id, busy.id));
      await gate;
    });
    const behindOrphan = await queue(views[0]!);
    const behindBusy = await queue(views[1]!);

    const sweeper = createScheduler({
      db: b.db,
      lake: b.lake,
      lease: createWorkerLease(b.db, { id: 'worker-sweeper' }),
      execute: recording(b.db),
      waitPollMs: 20,
    });
    sweeper.submit(behindOrphan);
    expect(await sweeper.waitFor(behindOrphan.id, 30_000)).toMatchObject({ status: 'succeeded' });
    const now = await statusOf([orphan.id, busy.id, behindBusy.id]);
    expect(now.get(orphan.id)).toMatchObject({ status: 'failed' });
    expect(now.get(orphan.id)!.error).toBe(
      'interrupted: the features process running it (worker-dead) stopped: no heartbeat for over 60 s; ' +
        'nothing was published; request the run again',
    );
    expect(now.get(busy.id)!.status).toBe('running');
    expect(now.get(behindBusy.id)!.status).toBe('queued');

    await runLifecycle.transition(db, {
      id: busy.id,
      to: 'succeeded',
      set: { finishedAt: new Date() },
      heldBy: 'worker-busy',
    });
    release();
    await holding;
    await sweeper.idle();
    expect((await statusOf([behindBusy.id])).get(behindBusy.id)!.status).toBe('succeeded');
    await sweeper.stop();
  });

  it('real runs of one view requested through both processes write every bar once', async () => {
    const fs = h.service.featureStore;
    const viaB = {
      ...fs,
      scheduler: createScheduler({ db: b.db, lake: b.lake, lease: createWorkerLease(b.db, { id: 'worker-real' }) }),
    };
    const requested: RunRecord[] = [];
    for (let i = 0; i < 4; i++) {
      const outcome = await requestMaterialization(
        i % 2 === 0 ? fs : viaB,
        { features: ['q_one@1', 'q_two@1'], universe: ['AAA', 'BBB'], waitSeconds: 0 },
        'test',
      );
      if (!outcome.ok) throw new Error(outcome.error.message);
      requested.push(outcome.run);
    }
    await Promise.all([fs.scheduler.idle(), viaB.scheduler.idle()]);
    const done = await statusOf(requested.map((r) => r.id));
    expect([...done.values()].map((r) => r.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect([...done.values()].reduce((n, r) => n + (r.rowsWritten ?? 0), 0)).toBe(DAYS.length * 2);
    const view = (await fs.views.byNames([requested[0]!.view]))[0]!;
    const snapshot = (await h.t.lake.currentSnapshot(view.lakeDataset))!;
    const [counts] = await h.t.lake.query<{ n: bigint; keys: bigint }>(
      `SELECT count(*) AS n, count(DISTINCT (entity, event_time)) AS keys FROM ${h.t.lake.scan(snapshot)}`,
    );
    expect(Number(counts!.n)).toBe(DAYS.length * 2);
    expect(Number(counts!.keys)).toBe(DAYS.length * 2);
    await viaB.scheduler.stop();
  });

  it('a worker whose run was swept cannot publish it: nothing of it becomes visible', async () => {
    const { db } = h.t.handle;
    const fs = h.service.featureStore;
    const found = await fs.features.resolveRefs(['q_one@1']);
    const view = await fs.views.ensure([found.get('q_one@1')!], 'queue_zombie');
    await db.insert(workers).values({
      id: 'worker-zombie',
      host: 'stalled',
      pid: 2,
      heartbeatAt: sql`now() - interval '1 hour'`,
    });
    const queued = await queue(view);
    const [claimed] = await db
      .update(materializationRuns)
      .set({ status: 'running', claimedBy: 'worker-zombie', startedAt: new Date(), asOf: new Date() })
      .where(eq(materializationRuns.id, queued.id))
      .returning();
    const swept = await runLifecycle.sweep(db, createWorkerLease(db, { id: 'worker-sweeping' }));
    expect(swept.map((r) => r.id)).toContain(queued.id);

    // The stalled worker wakes up and finishes its computation.
    const job = { run: claimed!, view, features: [found.get('q_one@1')!] };
    await expect(runMaterialization({ db, lake: h.t.lake, worker: 'worker-zombie' }, job)).rejects.toBeInstanceOf(
      JobsError,
    );
    expect(await h.t.lake.currentSnapshot(view.lakeDataset)).toBeNull();
    const online = await db
      .select()
      .from(onlineValues)
      .where(inArray(onlineValues.runId, [queued.id]));
    expect(online).toEqual([]);
    expect((await statusOf([queued.id])).get(queued.id)).toMatchObject({
      status: 'failed',
      error: expect.stringContaining('(worker-zombie) stopped'),
    });
  });
});
