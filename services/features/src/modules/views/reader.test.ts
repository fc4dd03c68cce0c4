import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticBars, writeBars } from '../../test-support/fixtures.ts';
import { createHarness, DEFINE, type Harness, MATERIALIZE } from '../../test-support/harness.ts';
import { resolveViews } from './reader.ts';

describe.each(testDatabaseKinds())('resolving feature versions to views on %s', (kind) => {
  let h: Harness;
  const materialize = async (features: string[]) => {
    const r = await h.gql(['researcher'], MATERIALIZE, { i: { features, universe: ['AAA'], waitSeconds: 60 } });
    expect(r.data.materializeFeatures.run.status).toBe('SUCCEEDED');
    return r.data.materializeFeatures.run as { view: { name: string }; snapshotId: number };
  };

  beforeAll(async () => {
    h = await createHarness(kind);
    await writeBars(h.t.lake, syntheticBars(['AAA'], '2024-01-02', '2024-03-28'));
    for (const [name, expression] of [
      ['f_one', '$close'],
      ['f_two', '$open'],
      ['f_three', 'Mean($close, 5)'],
      ['f_four', '$volume'],
    ] as const) {
      const r = await h.gql(['researcher'], DEFINE, { i: { name, expression, ttlSeconds: 3600, description: name } });
      expect(r.data.defineFeature.ok).toBe(true);
    }
  });
  afterAll(async () => {
    await h?.dispose();
  });

  it('reads every version from one view when one holds them all, else covers them with few views', async () => {
    const { db } = h.t.handle;
    const ab = await materialize(['f_one', 'f_two']);
    const bc = await materialize(['f_two', 'f_three']);
    // No view holds both: each comes from one view (ties go to the view with the newest run).
    expect(await resolveViews(db, ['f_one@1', 'f_three@1'])).toEqual([
      {
        view: bc.view.name,
        lakeDataset: bc.view.name,
        snapshotId: bc.snapshotId,
        columns: [{ ref: 'f_three@1', column: 'f_three__v1', ttlSeconds: 3600 }],
      },
      {
        view: ab.view.name,
        lakeDataset: ab.view.name,
        snapshotId: ab.snapshotId,
        columns: [{ ref: 'f_one@1', column: 'f_one__v1', ttlSeconds: 3600 }],
      },
    ]);
    // f_two is in both: the view whose latest run is newest wins.
    expect((await resolveViews(db, ['f_two']))[0]!.view).toBe(bc.view.name);
    const all = await materialize(['f_three', 'f_one', 'f_two']);
    const one = await resolveViews(db, ['f_one', 'f_two@1', 'f_three']);
    expect(one).toHaveLength(1);
    expect(one[0]).toMatchObject({ view: all.view.name, snapshotId: all.snapshotId });
    expect(one[0]!.columns.map((c) => c.ref)).toEqual(['f_three@1', 'f_one@1', 'f_two@1']);
  });

  it('says which versions no view holds yet, and which refs match nothing', async () => {
    const { db } = h.t.handle;
    await expect(resolveViews(db, ['f_one', 'f_four'])).rejects.toMatchObject({
      message: 'not materialized yet: f_four@1; run materializeFeatures for them first',
      extensions: { code: 'FAILED_PRECONDITION' },
    });
    await expect(resolveViews(db, ['f_one@7'])).rejects.toMatchObject({ extensions: { code: 'NOT_FOUND' } });
  });
});
