import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createWorkerLease } from '@alphagraph/jobs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions } from '../../test-support/dates.ts';
import { syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness } from '../../test-support/harness.ts';
import { timeOrderedId } from '../views/naming.ts';
import { type RunStep, runMaterialization } from './job.ts';
import { createRunStore } from './runs.ts';
import { createScheduler } from './scheduler.ts';

const RUN = `query($id: ID!) {
  materializationRun(id: $id) { status timings { step } progress { done total unit fraction stage } }
}`;

describe.each(testDatabaseKinds())('a running materialization reports its progress on %s', (kind) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(kind);
    const days = sessions('2017-03-01', '2017-03-31');
    await writeBars(h.t.lake, syntheticBars(['AAA', 'BBB'], days[0]!, days.at(-1)!));
    const r = await h.gql(['researcher'], DEFINE, {
      i: { name: 'progress_mean', expression: 'Mean($close, 3)', description: 'progress' },
    });
    expect(r.data.defineFeature.feature.ttlSeconds).toBe(345_600);
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('shows the steps done and the step in progress while RUNNING, then all of them', async () => {
    const fs = h.service.featureStore;
    const found = await fs.features.resolveRefs(['progress_mean@1']);
    const view = await fs.views.ensure([found.get('progress_mean@1')!], 'progress');
    // The run holds after its source step until released: what a reader sees then is deterministic.
    let reached!: () => void;
    const heldAfterSource = new Promise<void>((resolve) => {
      reached = resolve;
    });
    let release!: () => void;
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const scheduler = createScheduler({
      db: h.t.handle.db,
      lake: h.t.lake,
      lease: createWorkerLease(h.t.handle.db, { id: 'progress-worker' }),
      execute: (job, worker, signal) =>
        runMaterialization(
          {
            db: h.t.handle.db,
            lake: h.t.lake,
            worker,
            signal,
            afterStep: async (step: RunStep) => {
              if (step !== 'source') return;
              reached();
              await released;
            },
          },
          job,
        ),
    });
    const run = await createRunStore(h.t.handle.db).create({
      id: timeOrderedId(),
      view: view.name,
      kind: 'incremental',
      periodFrom: null,
      periodTo: null,
      universe: ['AAA', 'BBB'],
      createdBy: 'test',
    });
    const queued = await h.gql(['viewer'], RUN, { id: run.id });
    expect(queued.data.materializationRun).toEqual({
      status: 'QUEUED',
      timings: [],
      progress: { done: 0, total: 5, unit: 'steps', fraction: 0, stage: null },
    });

    scheduler.submit(run);
    await heldAfterSource;
    const running = await h.gql(['viewer'], RUN, { id: run.id });
    expect(running.data.materializationRun).toEqual({
      status: 'RUNNING',
      timings: [{ step: 'resolve' }, { step: 'source' }],
      progress: { done: 2, total: 5, unit: 'steps', fraction: 0.4, stage: 'compute' },
    });

    release();
    await scheduler.idle();
    const done = await h.gql(['viewer'], RUN, { id: run.id });
    expect(done.data.materializationRun).toMatchObject({
      status: 'SUCCEEDED',
      progress: { done: 5, total: 5, unit: 'steps', fraction: 1, stage: null },
    });
    expect(done.data.materializationRun.timings.map((t: { step: string }) => t.step)).toEqual([
      'resolve',
      'source',
      'compute',
      'write',
      'publish',
    ]);
    await scheduler.stop();
  });
});
