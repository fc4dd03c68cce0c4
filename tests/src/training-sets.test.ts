import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@alphagraph/db';
import { materializationRuns } from '@alphagraph/db/schema/features';
import { Lake, quoteLiteral } from '@alphagraph/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllStocksCsv, sourceBars } from './source-data.ts';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const MATERIALIZE = `mutation($i: MaterializeFeaturesInput!) {
  materializeFeatures(input: $i) { ok error { message } run { id status view { lakeDataset } } } }`;
const RUN = `query($id: ID!) { materializationRun(id: $id) { status error } }`;
const CREATE = `mutation($i: CreateTrainingSetInput!) { createTrainingSet(input: $i) {
  ok error { code message } trainingSet { id status rowCount builds split { validationStart testStart embargoSeconds } } } }`;
const ROWS = `query($id: ID!) { trainingSet(id: $id) { rows(first: 1000) { edges { node { rowNumber entity t split values } } } } }`;
const DOWNLOAD = `query($id: ID!, $split: TrainingSplit) { trainingSet(id: $id) { download(split: $split) { url rows bytes } } }`;
const CHECKED = `mutation($i: CreateTrainingSetInput!) { createTrainingSet(input: $i) {
  ok error { code message } warnings { code message column split }
  trainingSet { id rowCount featureRefs splitRows { split rows } } } }`;
const READ_BACK = `query($id: ID!) { trainingSet(id: $id) { featureRefs splitRows { split rows } warnings { code column split } } }`;
const REBUILD = `mutation($id: ID!) { rebuildTrainingSet(id: $id) { ok error { message } trainingSet { builds } } }`;

// Ten XNYS sessions around the 2016 DST change (Sunday 03-13): 16:30 New York is 21:30Z, then 20:30Z.
const SESSIONS = ['07', '08', '09', '10', '11', '14', '15', '16', '17', '18'].map((d) => `2016-03-${d}`);
const SPEC = {
  name: 'e2e-daily',
  entities: ['MSFT', 'AAPL'],
  spine: { schedule: { calendar: 'XNYS', times: ['16:30'] } },
  period: { from: SESSIONS[0], to: SESSIONS.at(-1) },
  features: ['ret_1d@1'],
  labels: [{ name: 'fwd_5', forwardReturn: { horizon: 5 } }],
  split: { train: 0.6, validation: 0.2, embargoSeconds: 86_400 },
};

describe('training sets through the gateway', () => {
  let p: TestPlatform;
  let rosa: string;
  let view: string;
  let source: Record<string, ReturnType<typeof sourceBars>>;

  const materialize = async (input: Record<string, unknown>) => {
    const started = await p.query(MATERIALIZE, { i: { mode: 'BACKFILL', waitSeconds: 0, ...input } }, { token: rosa });
    expect(started.data?.materializeFeatures?.ok, JSON.stringify(started)).toBe(true);
    const run = started.data.materializeFeatures.run;
    for (let i = 0; i < 240; i++) {
      const { status, error } = (await p.query(RUN, { id: run.id })).data.materializationRun;
      if (status === 'SUCCEEDED') return run.view.lakeDataset as string;
      if (status === 'FAILED') throw new Error(`materialization failed: ${error}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error('materialization did not finish');
  };
  const create = async (input: Record<string, unknown>, token = rosa) =>
    (await p.query(CREATE, { i: input }, { token })).data.createTrainingSet;
  const fetchDownload = async (id: string, token: string, split: string | null = null) => {
    const link = (await p.query(DOWNLOAD, { id, split }, { token })).data.trainingSet.download;
    const response = await fetch(link.url, { headers: { authorization: `Bearer ${token}` } });
    return { link, status: response.status, bytes: Buffer.from(await response.arrayBuffer()) };
  };

  beforeAll(async () => {
    // Parsed before the platform starts: parsing blocks the event loop for seconds, long enough
    // for the gateway to close a kept-alive connection the next request would then reuse.
    const csv = readAllStocksCsv();
    source = { AAPL: sourceBars(csv, 'AAPL'), MSFT: sourceBars(csv, 'MSFT') };
    p = await startTestPlatform();
    rosa = await p.token(['researcher'], 'rosa');
    view = await materialize({
      features: ['ret_1d@1'],
      universe: ['AAPL', 'MSFT'],
      from: '2016-01-01T00:00:00Z',
      to: '2016-06-01T00:00:00Z',
    });
  });
  afterAll(async () => {
    await p?.dispose();
  });

  it('builds a point-in-time training set whose values match the source CSV', async () => {
    const created = await create(SPEC);
    expect(created.error).toBeNull();
    expect(created.trainingSet).toMatchObject({ status: 'READY', rowCount: 20, builds: 1 });
    expect(created.trainingSet.split).toEqual({
      validationStart: '2016-03-15T20:30:00.000Z',
      testStart: '2016-03-17T20:30:00.000Z',
      embargoSeconds: 86_400,
    });
    const rows = (await p.query(ROWS, { id: created.trainingSet.id }, { token: rosa })).data.trainingSet.rows.edges.map(
      (e: any) => e.node,
    );
    const expected = ['AAPL', 'MSFT'].flatMap((symbol) => {
      const bars = source[symbol]!;
      return SESSIONS.map((date) => {
        const i = bars.findIndex((b) => b.date === date);
        const close = (k: number) => bars[k]!.close!;
        return { symbol, date, ret: close(i) / close(i - 1) - 1, fwd: close(i + 5) / close(i) - 1 };
      });
    });
    // Spine order: by time, then entity; at 16:30 New York the session's own close (16:00) is known.
    rows.forEach((r: any, k: number) => {
      const date = SESSIONS[Math.floor(k / 2)]!;
      const want = expected.find((e) => e.symbol === r.entity && e.date === date)!;
      expect([r.rowNumber, r.entity]).toEqual([k, k % 2 === 0 ? 'AAPL' : 'MSFT']);
      expect(r.t).toBe(`${date}T${date < '2016-03-13' ? '21' : '20'}:30:00.000000Z`);
      expect(r.values.ret_1d__v1).toBeCloseTo(want.ret, 12);
      expect(r.values.label_fwd_5).toBeCloseTo(want.fwd, 12);
    });
    // Ten instants: 6 train, 2 validation (from 03-15), 2 test (from 03-17); 03-14 and 03-16 fall within
    // a day before a boundary.
    expect(rows.map((r: any) => r.split)).toEqual(
      ['TRAIN', 'TRAIN', 'TRAIN', 'TRAIN', 'TRAIN', 'EMBARGO', 'VALIDATION', 'EMBARGO', 'TEST', 'TEST'].flatMap((s) => [
        s,
        s,
      ]),
    );
  });

  it('serves its Parquet only to its owner, and a rebuild after a correction returns the same bytes', async () => {
    const { trainingSet } = await create(SPEC);
    const first = await fetchDownload(trainingSet.id, rosa);
    expect(first.status).toBe(200);
    expect(first.link.rows).toBe(20);
    expect(first.bytes.subarray(0, 4).toString()).toBe('PAR1');
    const rick = await p.token(['researcher'], 'rick');
    const stolen = await fetch(first.link.url, { headers: { authorization: `Bearer ${rick}` } });
    expect(stolen.status).toBe(403);
    const analyst = await p.query(DOWNLOAD, { id: trainingSet.id }, { token: await p.token(['analyst'], 'ann') });
    expect(analyst.errors?.[0]?.message).toMatch(/requires role researcher; you have analyst/);

    // A correction of AAPL's 03-14 value, published ten minutes after the original: a new run of the view.
    const handle = await openDatabase(
      { url: p.databaseUrl, prepare: true, poolSize: 1, pgliteDir: '' },
      { migrate: false },
    );
    const lake = await Lake.open({ root: p.lakeRoot, db: handle.db, threads: 1 });
    try {
      const scan = lake.scan((await lake.currentSnapshot(view))!);
      const snapshot = await lake.commit(view, { mode: 'append' }, (w) =>
        w
          .writeQuery(`SELECT entity, event_time, available_at + INTERVAL 10 MINUTE AS available_at, 'zz-correction' AS tiebreak,
            0.5 AS ret_1d__v1 FROM ${scan} WHERE entity = 'AAPL' AND event_time = TIMESTAMPTZ '2016-03-14 00:00:00+00'`)
          .then(() => {}),
      );
      expect(snapshot.addedRows).toBe(1);
      // Views are named after their lake dataset (the views contract).
      await handle.db.insert(materializationRuns).values({
        view,
        status: 'succeeded',
        kind: 'backfill',
        universe: ['AAPL'],
        snapshotId: snapshot.id,
        createdBy: 'e2e-correction',
        startedAt: new Date(),
        finishedAt: new Date(),
      });
    } finally {
      await lake.close();
      await handle.close();
    }

    const rebuilt = (await p.query(REBUILD, { id: trainingSet.id }, { token: rosa })).data.rebuildTrainingSet;
    expect(rebuilt).toEqual({ ok: true, error: null, trainingSet: { builds: 2 } });
    const again = await fetchDownload(trainingSet.id, rosa);
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    expect(sha(again.bytes)).toBe(sha(first.bytes));

    // The same spec built now reads the correction (AAPL on 03-14 is row 10).
    const fresh = await create(SPEC);
    const rows = (await p.query(ROWS, { id: fresh.trainingSet.id }, { token: rosa })).data.trainingSet.rows.edges;
    expect(rows[10].node).toMatchObject({
      entity: 'AAPL',
      t: '2016-03-14T20:30:00.000000Z',
      values: { ret_1d__v1: 0.5 },
    });
  });

  it('needs an entitlement to build and to read a set over licensed tweets; both are audited', async () => {
    await materialize({
      features: ['tweet_count@1'],
      universe: ['AAPL'],
      from: '2014-01-01T00:00:00Z',
      to: '2014-03-01T00:00:00Z',
    });
    const input = {
      name: 'e2e-tweets',
      features: ['tweet_count@1'],
      spine: { rows: [{ entity: 'AAPL', t: '2014-01-10T22:00:00Z' }] },
    };
    const denied = await create(input);
    expect(denied.error.code).toBe('NOT_ENTITLED');
    expect(denied.error.message).toMatch(
      /user rosa \(roles researcher\) needs an entitlement to dataset:stocknet_tweets or vendor:StockNet/,
    );

    const admin = await p.token(['admin'], 'ada');
    const grant = `mutation($i: GrantEntitlementInput!) { grantEntitlement(input: $i) { ok } }`;
    const granted = await p.query(
      grant,
      { i: { subject: 'user:rosa', resource: 'dataset:stocknet_tweets', reason: 'e2e' } },
      { token: admin },
    );
    expect(granted.data.grantEntitlement.ok).toBe(true);
    const built = await create(input);
    expect(built.trainingSet).toMatchObject({ status: 'READY', rowCount: 1 });
    expect((await fetchDownload(built.trainingSet.id, rosa)).status).toBe(200);

    const rick = await p.token(['researcher'], 'rick');
    const other = await p.query(DOWNLOAD, { id: built.trainingSet.id }, { token: rick });
    expect(other.errors?.[0]?.message).toMatch(
      /user rick \(roles researcher\) needs an entitlement to dataset:stocknet_tweets/,
    );

    const compliance = await p.token(['compliance'], 'cleo');
    const audit = `query($f: AuditFilter) { auditLog(filter: $f) { actor action resource } }`;
    const events = async (actor: string) =>
      (await p.query(audit, { f: { actor } }, { token: compliance })).data.auditLog;
    expect(await events('rosa')).toEqual(
      expect.arrayContaining([
        { actor: 'rosa', action: 'denied:licensed-data', resource: 'dataset:stocknet_tweets' },
        { actor: 'rosa', action: 'mutation:createTrainingSet', resource: `training-set:${built.trainingSet.id}` },
        { actor: 'rosa', action: 'read:licensed-data', resource: `training-set:${built.trainingSet.id}` },
      ]),
    );
    expect(await events('rick')).toEqual([
      { actor: 'rick', action: 'denied:licensed-data', resource: 'dataset:stocknet_tweets' },
    ]);
  });

  it('refuses unknown symbols by name and reads lower-case ones as the instrument (issue 13 item 3)', async () => {
    const refused = await p.query(
      MATERIALIZE,
      { i: { features: ['ret_1d'], universe: ['aapl', 'NOSUCH'], mode: 'BACKFILL', from: '2016-01-01T00:00:00Z' } },
      { token: rosa },
    );
    expect(refused.data.materializeFeatures).toEqual({
      ok: false,
      run: null,
      error: { message: 'universe: 1 unknown symbol (no instrument has it): NOSUCH' },
    });
    const unknown = await create({ ...SPEC, name: 'e2e-unknown', entities: ['aapl', 'NOSUCH', 'NOPE'] });
    expect(unknown).toEqual({
      ok: false,
      trainingSet: null,
      error: {
        code: 'INVALID_SPEC',
        message: 'entities: 2 unknown entities (no instrument has these symbols): NOSUCH, NOPE',
      },
    });
    const lower = await create({ ...SPEC, name: 'e2e-lower', entities: ['msft', 'Aapl'] });
    expect(lower.trainingSet).toMatchObject({ status: 'READY', rowCount: 20 });
    const rows = (await p.query(ROWS, { id: lower.trainingSet.id }, { token: rosa })).data.trainingSet.rows.edges;
    expect(rows.slice(0, 2).map((e: any) => e.node.entity)).toEqual(['AAPL', 'MSFT']);
    expect(rows[0].node.values.ret_1d__v1).not.toBeNull();
  });

  it('warns of an all-null feature and a short embargo, counts rows per split, pins a bare name (issue 13 item 4)', async () => {
    // June 2015 (22 sessions): before the first materialized ret_1d value (the view starts in 2016).
    const early = {
      ...SPEC,
      name: 'e2e-early',
      features: ['ret_1d'],
      period: { from: '2015-06-01', to: '2015-06-30' },
      split: { train: 0.6, validation: 0.2, embargoSeconds: 7 },
    };
    const created = (await p.query(CHECKED, { i: early }, { token: rosa })).data.createTrainingSet;
    expect(created.ok).toBe(true);
    expect(created.warnings).toEqual([
      {
        code: 'EMBARGO_SHORTER_THAN_LABEL',
        message:
          "split.embargoSeconds is 7 seconds, shorter than label fwd_5's horizon of 5 1d bars (at least 432000 seconds): " +
          'the labels of rows just before a split boundary read prices from the next split; set embargoSeconds to at least 432000',
        column: 'label_fwd_5',
        split: null,
      },
      {
        code: 'ALL_NULL_COLUMN',
        message:
          'feature column ret_1d__v1 (ret_1d@1) is null in all 44 rows: no value of it was known at any spine time ' +
          '(the spine is before its first materialized value, or every value was older than its TTL)',
        column: 'ret_1d__v1',
        split: null,
      },
    ]);
    // 22 instants: 13 TRAIN, 4 VALIDATION, 5 TEST; a 7-second embargo catches no 16:30 row.
    const splitRows = [
      { split: 'TRAIN', rows: 26 },
      { split: 'VALIDATION', rows: 8 },
      { split: 'TEST', rows: 10 },
      { split: 'EMBARGO', rows: 0 },
    ];
    expect(created.trainingSet).toMatchObject({ rowCount: 44, featureRefs: ['ret_1d@1'], splitRows });
    const stored = (await p.query(READ_BACK, { id: created.trainingSet.id }, { token: rosa })).data.trainingSet;
    expect(stored).toEqual({
      featureRefs: ['ret_1d@1'],
      splitRows,
      warnings: [
        { code: 'EMBARGO_SHORTER_THAN_LABEL', column: 'label_fwd_5', split: null },
        { code: 'ALL_NULL_COLUMN', column: 'ret_1d__v1', split: null },
      ],
    });
  });

  it('downloads Parquet carrying its spec, snapshots and split vocabulary, the split spelled as the API (issue 13 item 8)', async () => {
    const created = (await p.query(CHECKED, { i: { ...SPEC, name: 'e2e-metadata' } }, { token: rosa })).data
      .createTrainingSet;
    const id = created.trainingSet.id;
    const stored = (
      await p.query(
        `query($id: ID!) { trainingSet(id: $id) { inputs { lakeDataset snapshotId role } } }`,
        { id },
        { token: rosa },
      )
    ).data.trainingSet;
    const download = await fetchDownload(id, rosa, 'TRAIN');
    expect(download.status).toBe(200);
    const file = join(tmpdir(), `ag-e2e-${id}.parquet`);
    writeFileSync(file, download.bytes);
    const handle = await openDatabase(
      { url: p.databaseUrl, prepare: true, poolSize: 1, pgliteDir: '' },
      { migrate: false },
    );
    const lake = await Lake.open({ root: p.lakeRoot, db: handle.db, threads: 1 });
    try {
      const kv = await lake.query<{ key: string; value: string }>(
        `SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata(${quoteLiteral(file)}) ORDER BY key`,
      );
      const meta = Object.fromEntries(
        kv.filter((r) => r.key.startsWith('alphagraph.')).map((r) => [r.key, JSON.parse(r.value)]),
      );
      expect(Object.keys(meta)).toEqual([
        'alphagraph.features',
        'alphagraph.snapshots',
        'alphagraph.spec',
        'alphagraph.splits',
        'alphagraph.training_set',
        'alphagraph.warnings',
      ]);
      expect(meta['alphagraph.spec']).toMatchObject({
        name: 'e2e-metadata',
        entities: ['MSFT', 'AAPL'],
        features: ['ret_1d@1'],
        split: { train: 0.6, validation: 0.2, embargoSeconds: 86_400 },
      });
      expect(meta['alphagraph.snapshots']).toEqual(
        stored.inputs.map((i: any) => ({ ...i, role: i.role.toLowerCase() })),
      );
      expect(meta['alphagraph.snapshots'].map((i: any) => i.role)).toEqual(['feature_view', 'bars']);
      expect(meta['alphagraph.features']).toEqual([{ ref: 'ret_1d@1', column: 'ret_1d__v1' }]);
      expect(meta['alphagraph.splits']).toEqual({
        column: 'split',
        values: ['TRAIN', 'VALIDATION', 'TEST', 'EMBARGO'],
        validationStart: '2016-03-15T20:30:00.000Z',
        testStart: '2016-03-17T20:30:00.000Z',
        embargoSeconds: 86_400,
      });
      expect(meta['alphagraph.training_set']).toEqual({
        id,
        name: 'e2e-metadata',
        lakeDataset: expect.stringMatching(/^ts_/),
        split: 'TRAIN',
      });
      expect(meta['alphagraph.warnings']).toEqual(created.warnings);
      const splits = await lake.query<{ split: string; n: bigint }>(
        `SELECT split, count(*) AS n FROM read_parquet(${quoteLiteral(file)}) GROUP BY split`,
      );
      expect(splits.map((r) => [r.split, Number(r.n)])).toEqual([['TRAIN', 10]]);
    } finally {
      await lake.close();
      await handle.close();
    }
  });
});
