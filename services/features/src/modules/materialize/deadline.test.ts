import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createWorkerLease } from '@alphagraph/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../test-support/dates.ts';
import { syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness } from '../../test-support/harness.ts';
import { timeOrderedId } from '../views/naming.ts';
import type { FeatureViewRecord } from '../views/store.ts';
import type { MaterializeJob } from './job.ts';
import { createRunStore, type RunRecord, runLifecycle } from './runs.ts';
import { createScheduler } from './scheduler.ts';

const DAYS = sessions('2017-03-01', '2017-03-31');

describe.each(testDatabaseKinds())('a materialization run past its deadline on %s', (kind) => {
  let h: Harness;
  let view: FeatureViewRecord;
  const queue = () =>
    createRunStore(h.t.handle.db).create({
      id: timeOrderedId(),
      view: view.name,
      kind: 'incremental',
      periodFrom: null,
      periodTo: null,
      universe: ['AAA'],
      createdBy: 'test',
    });
  const succeed = (job: MaterializeJob, worker: string): Promise<RunRecord> =>
    runLifecycle.transition(h.t.handle.db, {
      id: job.run.id,
      to: 'succeeded',
      set: { rowsWritten: 0, finishedAt: new Date() },
      heldBy: worker,
    });

  beforeAll(async () => {
    h = await createHarness(kind);
    await writeBars(h.t.lake, syntheticBars(['AAA'], DAYS[0]!, DAYS.at(-1)!));
    const r = await h.gql(['researcher'], DEFINE, {
      i: { name: 'dl_mean', expression: 'Mean($close, 3)', ttlSeconds: 864_000, description: 'deadline' },
    });
    expect(r.data.defineFeature.error).toBeNull();
    const fs = h.service.featureStore;
    const found = await fs.features.resolveRefs(['dl_mean@1']);
    view = await fs.views.ensure([found.get('dl_mean@1')!], 'deadline_view');
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('interrupts the run’s DuckDB statement, fails the run naming the deadline, then runs the next one', async () => {
    const interrupted: unknown[] = [];
    let calls = 0;
    const scheduler = createScheduler({
      db: h.t.handle.db,
      lake: h.t.lake,
      lease: createWorkerLease(h.t.handle.db, { id: 'worker-deadline' }),
      deadlineMs: 200,
      waitPollMs: 20,
      // The first run is a statement that would take hours; the second an ordinary one.
      execute: async (job, worker, signal) => {
        if (++calls > 1) return succeed(job, worker);
        try {
          await h.t.lake.withSession(async (session) => {
            // Interrupt until the statement gives up: an interrupt before it starts would be lost.
            let timer: NodeJS.Timeout | undefined;
            signal.addEventListener('abort', () => {
              timer = setInterval(() => session.interrupt(), 20);
            });
            try {
              await session.all('SELECT sum(i) AS s FROM range(10000000000000) t(i)');
            } finally {
              clearInterval(timer);
            }
          });
        } catch (error) {
          interrupted.push(error);
        }
        return runLifecycle.transition(h.t.handle.db, {
          id: job.run.id,
          to: 'failed',
          set: { error: (signal.reason as Error).message, finishedAt: new Date() },
          heldBy: worker,
        });
      },
    });
    const stuck = await queue();
    const next = await queue();
    scheduler.submit(stuck);
    await scheduler.idle();
    const runs = new Map((await createRunStore(h.t.handle.db).byIds([stuck.id, next.id])).map((r) => [r.id, r]));
    expect(interrupted).toHaveLength(1);
    expect(String(interrupted[0])).toMatch(/interrupt/i);
    expect(runs.get(stuck.id)).toMatchObject({
      status: 'failed',
      error:
        'the run passed its deadline of 0.2 s (FEATURES_RUN_DEADLINE_SECONDS) and was stopped; materialize fewer features, entities or a shorter period per run, or raise the deadline',
    });
    expect(runs.get(next.id)).toMatchObject({ status: 'succeeded' });
    await scheduler.stop();
  });

  it('fails a run that ignores its deadline after the grace, and the queue moves on without it', async () => {
    let calls = 0;
    const scheduler = createScheduler({
      db: h.t.handle.db,
      lake: h.t.lake,
      lease: createWorkerLease(h.t.handle.db, { id: 'worker-hung' }),
      deadlineMs: 100,
      graceMs: 100,
      waitPollMs: 20,
      // The first run never returns (work nothing can interrupt).
      execute: (job, worker) => (++calls === 1 ? new Promise<RunRecord>(() => {}) : succeed(job, worker)),
    });
    const hung = await queue();
    const next = await queue();
    scheduler.submit(hung);
    await scheduler.idle();
    const runs = new Map((await createRunStore(h.t.handle.db).byIds([hung.id, next.id])).map((r) => [r.id, r]));
    expect(runs.get(hung.id)).toMatchObject({ status: 'failed', claimedBy: 'worker-hung' });
    expect(runs.get(hung.id)!.error).toMatch(/^the run passed its deadline of 0.1 s \(FEATURES_RUN_DEADLINE_SECONDS\)/);
    expect(runs.get(next.id)).toMatchObject({ status: 'succeeded' });
    await scheduler.stop();
  });

  it('a real run told its deadline passed publishes nothing and fails naming it', async () => {
    const scheduler = createScheduler({
      db: h.t.handle.db,
      lake: h.t.lake,
      lease: createWorkerLease(h.t.handle.db, { id: 'worker-real' }),
      // Fires on the next turn of the event loop: before the run's first await returns.
      deadlineMs: 0,
      waitPollMs: 20,
    });
    const run = await queue();
    scheduler.submit(run);
    await scheduler.idle();
    const [stored] = await createRunStore(h.t.handle.db).byIds([run.id]);
    expect(stored).toMatchObject({ status: 'failed', snapshotId: null });
    expect(stored!.error).toMatch(/^the run passed its deadline of 0 s/);
    expect(await h.t.lake.currentSnapshot(view.lakeDataset)).toBeNull();
    await scheduler.stop();
  });
});
