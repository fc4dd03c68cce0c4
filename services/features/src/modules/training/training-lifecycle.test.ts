import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { seedInstruments } from '@alphagraph/datasets/testing';
import { auditEvents } from '@alphagraph/db/schema/governance';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { quoteLiteral } from '@alphagraph/lake';
import { desc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeatureSetStore } from '../sets/store.ts';
import {
  appendBars,
  appendViewRows,
  CREATE,
  createAndRead,
  createFixtureView,
  type FeaturesHarness,
  registerAltDataset,
  startFeaturesHarness,
} from './test-support.ts';

const DAY = 86_400;
// Ten January 2016 sessions of L (no holiday between 01-04 and 01-15).
const SESSIONS = ['04', '05', '06', '07', '08', '11', '12', '13', '14', '15'].map((d) => `2016-01-${d}`);
const CLOSES = [100, 102, 99, 103, 108, 104, 101, 106, 110, 109];

describe.each(testDatabaseKinds())('training-set lifecycle on %s', (kind) => {
  let h: FeaturesHarness;
  let px: { refs: string[]; lakeDataset: string };

  beforeAll(async () => {
    h = await startFeaturesHarness(kind);
    px = await createFixtureView(h.deps, { view: 'lc', features: [{ name: 'lc', ttlSeconds: 10 * DAY }] });
    await appendViewRows(
      h.deps,
      px.lakeDataset,
      SESSIONS.map((d, i) => ['L', `${d}T00:00:00Z`, `${d}T21:00:00Z`, [CLOSES[i]!]]),
    );
    await appendBars(
      h.deps.lake,
      SESSIONS.map((d, i) => ['L', d, CLOSES[i]!]),
    );
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const schedule = (times: string[]) => ({
    entities: ['L'],
    spine: { schedule: { calendar: 'XNYS', times } },
    period: { from: SESSIONS[0]!, to: SESSIONS.at(-1)! },
  });

  it('labels look forward from the latest bar known at t, in label_* columns apart from features', async () => {
    const { ts, rows } = await createAndRead(h, {
      name: 'labels',
      features: [px.refs[0]],
      ...schedule(['15:30', '16:30']),
      labels: [
        { name: 'fwd_2', forwardReturn: { horizon: 2 } },
        {
          name: 'tb',
          tripleBarrier: { horizon: 3, profitTake: 1, stopLoss: 1, volatilitySpan: 3, volatilityMinPeriods: 2 },
        },
      ],
    });
    expect(ts.columns.map((c: any) => [c.name, c.kind])).toEqual([
      ['row_no', 'KEY'],
      ['entity', 'KEY'],
      ['t', 'KEY'],
      ['lc__v1', 'FEATURE'],
      ['label_fwd_2', 'LABEL'],
      ['label_tb', 'LABEL'],
      ['label_tb_touch', 'LABEL'],
    ]);
    expect(ts.inputs.map((i: any) => i.role)).toEqual(['FEATURE_VIEW', 'BARS']);
    // At 15:30 the session's bar is not closed yet: the anchor is the previous session's bar.
    const anchor = rows.map((_, k) => Math.floor(k / 2) - (k % 2 === 0 ? 1 : 0));
    const fwd = anchor.map((i) => (i >= 0 && i + 2 < CLOSES.length ? CLOSES[i + 2]! / CLOSES[i]! - 1 : null));
    rows.forEach((r, k) => {
      expect(r.values.lc__v1).toBe(anchor[k]! >= 0 ? CLOSES[anchor[k]!] : null);
      if (fwd[k] === null) expect(r.values.label_fwd_2).toBeNull();
      else expect(r.values.label_fwd_2).toBeCloseTo(fwd[k]!, 12);
    });
    // Triple barrier by hand, alpha = 1/2. Anchor 3 (close 103; returns .02, -.0294, .0404 weighted
    // 1/4, 1/2, 1): sigma = .0305, upper 106.1: the next close, 108, touches it -> +1 at 01-08's close.
    expect(rows[7]!.values).toMatchObject({ label_tb: 1, label_tb_touch: '2016-01-08T21:00:00.000000Z' });
    // Anchor 4 (108; one more return, .0485): sigma = .0259, lower 105.2: the next close, 104 -> -1.
    expect(rows[9]!.values).toMatchObject({ label_tb: -1, label_tb_touch: '2016-01-11T21:00:00.000000Z' });
    // Anchor 8 has one bar after it: not enough for the vertical barrier, no touch: unknown.
    expect(rows[17]!.values).toMatchObject({ label_tb: null, label_tb_touch: null });
  });

  it('takes features from a feature set and entities from the universe of instruments with bars', async () => {
    const second = await createFixtureView(h.deps, {
      view: 'second',
      features: [{ name: 'second', ttlSeconds: 10 * DAY }],
    });
    await appendViewRows(h.deps, second.lakeDataset, [['L', '2016-01-04T00:00:00Z', '2016-01-04T21:00:00Z', [2]]]);
    const [a, b] = await h.service.stores.features
      .resolveRefs([second.refs[0]!, px.refs[0]!])
      .then((m) => [...m.values()]);
    await createFeatureSetStore(h.deps.db).define({
      name: 'fx_set',
      description: 'fixture',
      owner: 'test',
      featureIds: [a!.id, b!.id],
    });
    const { ts, rows } = await createAndRead(h, {
      name: 'from-set',
      featureSets: ['fx_set'],
      universe: 'BARS',
      spine: { schedule: { calendar: 'XNYS', times: ['16:30'] } },
      period: { from: SESSIONS[0]!, to: SESSIONS[0]! },
    });
    expect(
      ts.columns.filter((c: { kind: string }) => c.kind === 'FEATURE').map((c: { source: string }) => c.source),
    ).toEqual(['second@1', 'lc@1']);
    expect(rows).toEqual([
      {
        rowNumber: 0,
        entity: 'L',
        t: '2016-01-04T21:30:00.000000Z',
        split: null,
        values: { second__v1: 2, lc__v1: 100 },
      },
    ]);
    const missing = await h.run(CREATE, {
      i: { name: 'x', featureSets: ['nope'], spine: { rows: [{ entity: 'L', t: '2016-01-05T00:00:00Z' }] } },
    });
    expect(missing.data.createTrainingSet.error).toEqual({ code: 'NOT_FOUND', message: 'no feature set named nope' });
  });

  it('splits by time with an embargo (in seconds) before each boundary', async () => {
    const { ts, rows } = await createAndRead(h, {
      name: 'splits',
      features: [px.refs[0]],
      ...schedule(['16:30']),
      split: { train: 0.6, validation: 0.2, embargoSeconds: DAY },
    });
    expect(ts.split).toEqual({
      validationStart: '2016-01-12T21:30:00.000Z',
      testStart: '2016-01-14T21:30:00.000Z',
      embargoSeconds: DAY,
    });
    // 01-11 21:30 is within a day before validation; 01-13 21:30 within a day before test.
    expect(rows.map((r) => r.split)).toEqual([
      'TRAIN',
      'TRAIN',
      'TRAIN',
      'TRAIN',
      'TRAIN',
      'EMBARGO',
      'VALIDATION',
      'EMBARGO',
      'TEST',
      'TEST',
    ]);
    const only = await h.run(
      `query($id: ID!) { trainingSet(id: $id) { rows(split: TEST) { edges { node { rowNumber } } } } }`,
      { id: ts.id },
    );
    expect(only.data.trainingSet.rows.edges.map((e: any) => e.node.rowNumber)).toEqual([8, 9]);
  });

  it('reports per-column statistics matching an independent computation', async () => {
    const { ts } = await createAndRead(h, {
      name: 'stats',
      features: [px.refs[0]],
      ...schedule(['16:30']),
      labels: [{ name: 'f1', forwardReturn: { horizon: 1 } }],
    });
    const r = await h.run(
      `query($id: ID!) { trainingSet(id: $id) { statistics { column kind count nulls mean std min max } } }`,
      { id: ts.id },
    );
    const [feature, label] = r.data.trainingSet.statistics;
    const mean = CLOSES.reduce((a, b) => a + b, 0) / CLOSES.length;
    const std = Math.sqrt(CLOSES.reduce((a, c) => a + (c - mean) ** 2, 0) / (CLOSES.length - 1));
    expect(feature).toMatchObject({ column: 'lc__v1', kind: 'FEATURE', count: 10, nulls: 0, min: 99, max: 110 });
    expect(feature.mean).toBeCloseTo(mean, 10);
    expect(feature.std).toBeCloseTo(std, 10);
    const returns = CLOSES.slice(1).map((c, i) => c / CLOSES[i]! - 1);
    expect(label).toMatchObject({ column: 'label_f1', kind: 'LABEL', count: 9, nulls: 1 });
    expect(label.mean).toBeCloseTo(returns.reduce((a, b) => a + b, 0) / 9, 12);
    expect(label.max).toBeCloseTo(Math.max(...returns), 12);
  });

  it('a rebuild after new data was appended returns identical content, byte for byte', async () => {
    const pin = await createFixtureView(h.deps, { view: 'pin', features: [{ name: 'pin', ttlSeconds: 10 * DAY }] });
    await appendViewRows(
      h.deps,
      pin.lakeDataset,
      SESSIONS.map((d, i) => ['L', `${d}T00:00:00Z`, `${d}T21:00:00Z`, [CLOSES[i]!]]),
    );
    const spec = {
      name: 'pinned',
      features: pin.refs,
      ...schedule(['16:30']),
      labels: [{ name: 'f2', forwardReturn: { horizon: 2 } }],
    };
    const { ts, rows } = await createAndRead(h, spec);
    const filesOf = async (id: string) => {
      const out = await h.run(`query($id: ID!) { trainingSet(id: $id) { builds rowCount } }`, { id });
      const [record] = await h.service.stores.trainingSets.store.byIds([id]);
      const snapshot = await h.deps.lake.snapshot(record!.lakeDataset, record!.snapshotId!);
      return {
        ...out.data.trainingSet,
        hash: snapshot.files.map((f) => createHash('sha256').update(readFileSync(f)).digest('hex')),
      };
    };
    const before = await filesOf(ts.id);
    // A correction of every value and of a bar, both available before the spine times.
    await appendViewRows(
      h.deps,
      pin.lakeDataset,
      SESSIONS.map((d) => ['L', `${d}T00:00:00Z`, `${d}T21:10:00Z`, [-1]]),
    );
    await appendBars(h.deps.lake, [['L', SESSIONS[5]!, 1, `${SESSIONS[5]}T21:05:00Z`, 'b2']]);
    const rebuilt = await h.run(
      `mutation($id: ID!) { rebuildTrainingSet(id: $id) { ok error { message } trainingSet { builds } } }`,
      { id: ts.id },
    );
    expect(rebuilt.data.rebuildTrainingSet).toEqual({ ok: true, error: null, trainingSet: { builds: 2 } });
    const after = await filesOf(ts.id);
    expect(after.hash).toEqual(before.hash);
    expect(after.rowCount).toBe(before.rowCount);
    // The same spec created now does read the new data.
    const fresh = await createAndRead(h, spec);
    expect(fresh.rows.map((r) => r.values.pin__v1)).toEqual(SESSIONS.map(() => -1));
    // ... and labels use the corrected close of 01-11 (1).
    expect(fresh.rows[3]!.values.label_f2).toBeCloseTo(1 / CLOSES[3]! - 1, 12);
    expect(rows.map((r) => r.values.pin__v1)).toEqual(CLOSES);
    expect(rows[3]!.values.label_f2).toBeCloseTo(CLOSES[5]! / CLOSES[3]! - 1, 12);
  });

  it('reads a spine from an uploaded Parquet file (request body or the uploads directory), zone-less times as UTC', async () => {
    const dir = join(h.deps.lake.root, '_uploads');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'spine.parquet');
    // X: an instrument with no feature value.
    await seedInstruments(h.deps.db, ['X']);
    await h.deps.lake.query(
      `COPY (SELECT * FROM (VALUES ('L', TIMESTAMP '2016-01-05 21:30:00'), ('L', TIMESTAMP '2016-01-04 21:30:00'), ('X', TIMESTAMP '2016-01-04 21:30:00')) v(entity, t))
       TO ${quoteLiteral(file)} (FORMAT parquet)`,
    );
    const expected = [CLOSES[1], CLOSES[0], null];
    const uploaded = await createAndRead(h, {
      name: 'uploaded',
      features: [px.refs[0]],
      spine: { uploadedFile: 'spine.parquet' },
    });
    expect(uploaded.rows.map((r) => [r.entity, r.t, r.values.lc__v1])).toEqual([
      ['L', '2016-01-05T21:30:00.000000Z', expected[0]],
      ['L', '2016-01-04T21:30:00.000000Z', expected[1]],
      ['X', '2016-01-04T21:30:00.000000Z', null],
    ]);
    const inline = await createAndRead(h, {
      name: 'base64',
      features: [px.refs[0]],
      spine: { parquetBase64: readFileSync(file).toString('base64') },
    });
    expect(inline.rows.map((r) => r.values.lc__v1)).toEqual(expected);
    expect(inline.ts.inputs.map((i: any) => i.role)).toEqual(['FEATURE_VIEW', 'SPINE']);
  });

  it('needs an entitlement along a licensed lineage to build and to read; builds are audited', async () => {
    await registerAltDataset(h.deps.db, { name: 'licensed_tweets', vendor: 'Vendor X', licensed: true });
    const lic = await createFixtureView(h.deps, {
      view: 'lic',
      features: [{ name: 'lic_score', ttlSeconds: DAY, inputs: ['licensed_tweets'] }],
    });
    await appendViewRows(h.deps, lic.lakeDataset, [['L', '2016-01-04T00:00:00Z', '2016-01-04T21:00:00Z', [0.5]]]);
    const input = {
      name: 'licensed',
      features: lic.refs,
      spine: { rows: [{ entity: 'L', t: '2016-01-05T00:00:00Z' }] },
    };
    const denied = await h.run(CREATE, { i: input });
    expect(denied.data.createTrainingSet.error).toEqual({
      code: 'NOT_ENTITLED',
      message: expect.stringMatching(
        /user rex \(roles researcher\) needs an entitlement to dataset:licensed_tweets or vendor:Vendor X/,
      ),
    });
    const events = () => h.deps.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(3);
    expect((await events())[0]).toMatchObject({
      actor: 'rex',
      action: 'denied:licensed-data',
      resource: 'dataset:licensed_tweets',
    });

    await h.runtime.entitlements.grant({
      subject: 'user:rex',
      resource: 'dataset:licensed_tweets',
      grantedBy: 'ada',
      reason: 'test',
    });
    const { ts, rows } = await createAndRead(h, input);
    expect(rows.map((r) => r.values.lic_score__v1)).toEqual([0.5]);
    const [read, built] = await events();
    expect(built).toMatchObject({
      actor: 'rex',
      action: 'mutation:createTrainingSet',
      resource: `training-set:${ts.id}`,
    });
    expect(built!.details).toMatchObject({ features: ['lic_score@1'], licensed: ['licensed_tweets'], rows: 1 });
    expect(read).toMatchObject({
      actor: 'rex',
      action: 'read:licensed-data',
      details: { what: 'rows', datasets: ['licensed_tweets'] },
    });

    // Another researcher without the entitlement sees the set's metadata but no values.
    const other = await h.run(
      `query($id: ID!) { trainingSet(id: $id) { name rowCount rows { edges { cursor } } } }`,
      { id: ts.id },
      ['researcher'],
      'ria',
    );
    expect(other.data.trainingSet).toBeNull();
    expect(other.errors?.[0]?.message).toMatch(
      /user ria \(roles researcher\) needs an entitlement to dataset:licensed_tweets/,
    );
    const download = await h.run(
      `query($id: ID!) { trainingSet(id: $id) { download { rows } } }`,
      { id: ts.id },
      ['researcher'],
      'ria',
    );
    expect(download.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const mine = await h.run(`query($id: ID!) { trainingSet(id: $id) { download { url rows bytes } } }`, { id: ts.id });
    expect(mine.data.trainingSet.download).toMatchObject({
      url: expect.stringMatching(/\/downloads\/test\//),
      rows: 1,
    });
  });

  it('records a failed build as FAILED with a message that leaks no SQL or paths, and lists sets in lineage', async () => {
    const gone = await createFixtureView(h.deps, { view: 'gone', features: [{ name: 'gone', ttlSeconds: DAY }] });
    const snapshotId = await appendViewRows(h.deps, gone.lakeDataset, [
      ['L', '2016-01-04T00:00:00Z', '2016-01-04T21:00:00Z', [1]],
    ]);
    const { ts } = await createAndRead(h, {
      name: 'fragile',
      features: gone.refs,
      spine: { rows: [{ entity: 'L', t: '2016-01-05T00:00:00Z' }] },
    });
    for (const f of (await h.deps.lake.snapshot(gone.lakeDataset, snapshotId)).files) rmSync(f);
    const rebuilt = await h.run(`mutation($id: ID!) { rebuildTrainingSet(id: $id) { ok error { code message } } }`, {
      id: ts.id,
    });
    expect(rebuilt.data.rebuildTrainingSet).toEqual({
      ok: false,
      error: { code: 'BUILD_FAILED', message: `training set ${ts.id} failed to build: the server log has the details` },
    });
    const after = await h.run(`query($id: ID!) { trainingSet(id: $id) { status error builds } }`, { id: ts.id });
    expect(after.data.trainingSet).toEqual({ status: 'FAILED', error: 'the server log has the details', builds: 1 });
    const [audited] = await h.deps.db.select().from(auditEvents).orderBy(desc(auditEvents.id)).limit(1);
    expect(audited).toMatchObject({ action: 'mutation:rebuildTrainingSet', details: { status: 'failed' } });

    const lineage = await h.run(`{ datasetLineage(dataset: "bars") { trainingSets { name } } }`);
    const names = lineage.data.datasetLineage.trainingSets.map((t: { name: string }) => t.name);
    expect(names).toEqual(expect.arrayContaining(['fragile', 'labels', 'stats']));
  });
});
