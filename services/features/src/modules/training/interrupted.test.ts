import { trainingSets } from '@alphagraph/db/schema/features';
import { workers } from '@alphagraph/db/schema/jobs';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { createWorkerLease } from '@alphagraph/jobs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeatures } from '../../service.ts';
import {
  appendViewRows,
  createAndRead,
  createFixtureView,
  type FeaturesHarness,
  startFeaturesHarness,
} from './test-support.ts';

const DAY = 86_400;
const SESSIONS = ['2016-01-04', '2016-01-05', '2016-01-06', '2016-01-07'];
const REBUILD = `mutation($id: ID!) { rebuildTrainingSet(id: $id) { ok error { code message } trainingSet { status rowCount builds } } }`;
const STATUS = `query($id: ID!) { trainingSet(id: $id) { status error } }`;

describe.each(testDatabaseKinds())('training sets left building by a stopped process on %s', (kind) => {
  let h: FeaturesHarness;
  let ref: string;

  /** A ready training set, then marked building by `builder` as a crash mid-build leaves it. */
  const leftBuilding = async (name: string, builder: string | null) => {
    const { ts } = await createAndRead(h, {
      name,
      features: [ref],
      entities: ['L'],
      spine: { schedule: { calendar: 'XNYS', times: ['16:30'] } },
      period: { from: SESSIONS[0], to: SESSIONS.at(-1) },
    });
    expect(ts.status).toBe('READY');
    await h.deps.db.update(trainingSets).set({ status: 'building', builder }).where(eq(trainingSets.id, ts.id));
    return ts.id as string;
  };
  const status = async (id: string) => (await h.run(STATUS, { id })).data.trainingSet;

  beforeAll(async () => {
    h = await startFeaturesHarness(kind);
    const view = await createFixtureView(h.deps, { view: 'ix', features: [{ name: 'ix', ttlSeconds: 10 * DAY }] });
    ref = view.refs[0]!;
    await appendViewRows(
      h.deps,
      view.lakeDataset,
      SESSIONS.map((d, i) => ['L', `${d}T00:00:00Z`, `${d}T21:00:00Z`, [100 + i]]),
    );
    await h.deps.db
      .insert(workers)
      .values({ id: 'worker-gone', host: 'old', pid: 1, heartbeatAt: sql`now() - interval '1 hour'` });
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('on start, fails the sets whose builder is gone and leaves the ones a live replica builds', async () => {
    const crashed = await leftBuilding('crashed', 'worker-gone');
    const unrecorded = await leftBuilding('unrecorded', null);
    const elsewhere = await leftBuilding('elsewhere', 'worker-elsewhere');
    // Another replica, alive: it heartbeats while it builds.
    const replica = createWorkerLease(h.deps.db, { id: 'worker-elsewhere' });
    let release: () => void = () => {};
    const building = replica.hold(
      () =>
        new Promise<void>((resolve) => {
          release = resolve;
        }),
    );

    // A features process starts on the same database.
    const restarted = await createFeatures(h.runtime);
    expect(await status(crashed)).toEqual({
      status: 'FAILED',
      error:
        'interrupted: the build stopped when the features process running it (worker-gone) went away; ' +
        'nothing was published; rebuildTrainingSet builds it again',
    });
    expect((await status(unrecorded)).error).toContain('(unknown) went away');
    expect(await status(elsewhere)).toEqual({ status: 'BUILDING', error: null });

    // As the message says, a rebuild brings it back.
    const rebuilt = await h.run(REBUILD, { id: crashed });
    expect(rebuilt.data.rebuildTrainingSet).toMatchObject({ ok: true, trainingSet: { status: 'READY', builds: 2 } });
    const [row] = await h.deps.db.select().from(trainingSets).where(eq(trainingSets.id, crashed));
    expect(row!.builder).toBe(h.service.featureStore.lease.id);

    release();
    await building;
    await restarted.stop();
  });

  it('a rebuild takes over a set whose builder is gone, and refuses one a live replica is building', async () => {
    const stuck = await leftBuilding('stuck', 'worker-gone');
    const rebuilt = await h.run(REBUILD, { id: stuck });
    expect(rebuilt.data.rebuildTrainingSet).toMatchObject({ ok: true, trainingSet: { status: 'READY' } });

    const busy = await leftBuilding('busy', h.service.featureStore.lease.id);
    await h.service.featureStore.lease.hold(async () => {
      const refused = await h.run(REBUILD, { id: busy });
      expect(refused.data.rebuildTrainingSet).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: `training set ${busy} is already building` },
      });
    });
  });
});
