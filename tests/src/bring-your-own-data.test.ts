// Bring your own data (issue 16) through the gateway, end to end: an admin registers a licensed
// dataset, a service pushes observations with irregular event times, publication lags, an exact
// tie, corrections and a re-delivered batch; a researcher, once entitled, defines as-of features
// over it, materializes them and builds a training set, and every row equals a point-in-time
// computation written here from the rows the test sent. Without the entitlement the raw values,
// the online feature values and the training set are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const REGISTER = `mutation($i: RegisterDatasetInput!) { registerDataset(input: $i) { ok created error { message } } }`;
const INGEST = `mutation($i: IngestObservationsInput!) { ingestObservations(input: $i) {
  ok repeated error { code message }
  report { rowsRead accepted quarantined rejected issues { line entity field rule outcome message } } } }`;
const DEFINE = `mutation($i: DefineFeatureInput!) { defineFeature(input: $i) { ok error { message } feature { inputs } } }`;
const MATERIALIZE = `mutation($i: MaterializeFeaturesInput!) {
  materializeFeatures(input: $i) { ok error { code message } run { status error } } }`;
const CREATE_SET = `mutation($i: CreateTrainingSetInput!) {
  createTrainingSet(input: $i) { ok error { code message } trainingSet { id } } }`;
const SET_ROWS = `query($id: ID!) { trainingSet(id: $id) { status rows(first: 1000) { edges { node { entity t values } } } } }`;
const GRANT = `mutation($i: GrantEntitlementInput!) { grantEntitlement(input: $i) { ok error { message } } }`;

const DATASET = 'desk_signal';

interface Sent {
  entity: string;
  eventTime: string;
  seq?: number;
  availableAt: string;
  values: { score: number };
}

/** The first delivery: irregular times, lags from one minute to three days, an exact tie (seq 0 and 1). */
const B1: Sent[] = [
  {
    entity: 'AAPL',
    eventTime: '2018-01-02T14:00:00Z',
    seq: 0,
    availableAt: '2018-01-02T14:05:00Z',
    values: { score: 0.2 },
  },
  {
    entity: 'AAPL',
    eventTime: '2018-01-02T14:00:00Z',
    seq: 1,
    availableAt: '2018-01-02T14:05:00Z',
    values: { score: -0.4 },
  },
  { entity: 'AAPL', eventTime: '2018-01-03T09:13:00Z', availableAt: '2018-01-03T15:00:00Z', values: { score: 0.5 } },
  { entity: 'AAPL', eventTime: '2018-01-05T20:00:00Z', availableAt: '2018-01-08T08:00:00Z', values: { score: -0.1 } },
  { entity: 'MSFT', eventTime: '2018-01-02T10:00:00Z', availableAt: '2018-01-02T10:01:00Z', values: { score: 0.9 } },
  { entity: 'MSFT', eventTime: '2018-01-04T16:30:00Z', availableAt: '2018-01-04T16:31:00Z', values: { score: 0.3 } },
  // Known after a later event: the series' last value does not move back to it.
  { entity: 'MSFT', eventTime: '2018-01-04T12:00:00Z', availableAt: '2018-01-06T00:00:00Z', values: { score: -0.7 } },
];
/** Corrections (same entity, event time and seq; later availability) and a new observation. */
const B2: Sent[] = [
  { entity: 'AAPL', eventTime: '2018-01-03T09:13:00Z', availableAt: '2018-01-04T12:00:00Z', values: { score: 0.45 } },
  {
    entity: 'AAPL',
    eventTime: '2018-01-02T14:00:00Z',
    seq: 1,
    availableAt: '2018-01-09T00:00:00Z',
    values: { score: -0.35 },
  },
  { entity: 'MSFT', eventTime: '2018-01-09T11:00:00Z', availableAt: '2018-01-09T11:10:00Z', values: { score: 0.1 } },
];
/** One good row and one out of its declared range (quarantined, so never read). */
const B3: Sent[] = [
  { entity: 'MSFT', eventTime: '2018-01-10T09:00:00Z', availableAt: '2018-01-10T09:30:00Z', values: { score: -0.2 } },
  { entity: 'AAPL', eventTime: '2018-01-10T09:00:00Z', availableAt: '2018-01-10T09:30:00Z', values: { score: 5 } },
];
const STORED = [...B1, ...B2, B3[0]!];

/**
 * The reference, in plain loops: at (entity, t), each observation (event time, seq) in its latest
 * version available at t; the last of them by (event time, seq) is the as-of value, and the 3-day
 * mean averages those whose event time is within 3 days before that last one's.
 */
function reference(entity: string, t: number): { asOf: number | null; mean3d: number | null } {
  const latest = new Map<string, Sent>();
  for (const o of STORED) {
    if (o.entity !== entity || Date.parse(o.availableAt) > t) continue;
    const key = `${o.eventTime}/${o.seq ?? 0}`;
    const prev = latest.get(key);
    if (!prev || Date.parse(o.availableAt) > Date.parse(prev.availableAt)) latest.set(key, o);
  }
  const series = [...latest.values()].sort(
    (a, b) => Date.parse(a.eventTime) - Date.parse(b.eventTime) || (a.seq ?? 0) - (b.seq ?? 0),
  );
  const last = series.at(-1);
  if (!last) return { asOf: null, mean3d: null };
  const from = Date.parse(last.eventTime) - 3 * 86_400_000;
  const window = series.filter((o) => Date.parse(o.eventTime) > from).map((o) => o.values.score);
  return { asOf: last.values.score, mean3d: window.reduce((a, b) => a + b, 0) / window.length };
}

describe('bring your own data through the gateway', () => {
  let p: TestPlatform;
  let admin: string;
  let service: string;
  let researcher: string;

  beforeAll(async () => {
    p = await startTestPlatform();
    admin = await p.token(['admin'], 'ada');
    service = await p.token(['service'], 'desk-feed');
    researcher = await p.token(['researcher'], 'rosa');
  });
  afterAll(async () => {
    await p?.dispose();
  });

  const ingest = async (rows: Sent[], batchId: string) =>
    (await p.query(INGEST, { i: { dataset: DATASET, source: 'desk feed', batchId, rows } }, { token: service })).data
      .ingestObservations;

  it('takes a registered dataset from ingestObservations through as-of features to a point-in-time training set', async () => {
    const registered = await p.query(
      REGISTER,
      {
        i: {
          vendor: 'Desk Research',
          name: DATASET,
          description: 'the desk’s signal, irregular',
          licence: 'internal use only',
          licensed: true,
          entityKind: 'INSTRUMENT',
          latencySeconds: 300,
          fields: [{ name: 'score', type: 'FLOAT', description: 'signal', minimum: -1, maximum: 1, required: true }],
        },
      },
      { token: admin },
    );
    expect(registered.data.registerDataset).toMatchObject({ ok: true, created: true });

    expect(await ingest(B1, 'b1')).toMatchObject({ ok: true, repeated: false, report: { accepted: B1.length } });
    expect(await ingest(B2, 'b2')).toMatchObject({ ok: true, repeated: false, report: { accepted: B2.length } });
    // A re-delivered batch changes nothing.
    expect(await ingest(B1, 'b1')).toMatchObject({ ok: true, repeated: true });
    const third = await ingest(B3, 'b3');
    expect(third.report).toMatchObject({ rowsRead: 2, accepted: 1, quarantined: 1 });
    expect(third.report.issues).toEqual([
      {
        line: 2,
        entity: 'AAPL',
        field: 'score',
        rule: 'OUT_OF_RANGE',
        outcome: 'quarantined',
        message: 'score = 5 is outside its allowed range [-1, 1]',
      },
    ]);

    for (const [name, expression] of [
      ['byod_desk_asof', `AsOf($${DATASET}.score)`],
      ['byod_desk_mean_3d', `Mean($${DATASET}.score, 3d)`],
    ] as const) {
      const defined = await p.query(
        DEFINE,
        { i: { name, description: name, expression, noTtl: true } },
        { token: researcher },
      );
      expect(defined.data.defineFeature, name).toMatchObject({ ok: true, feature: { inputs: [DATASET] } });
    }
    const materialize = () =>
      p.query(
        MATERIALIZE,
        { i: { features: ['byod_desk_asof', 'byod_desk_mean_3d'], universe: ['AAPL', 'MSFT'], waitSeconds: 60 } },
        { token: researcher },
      );

    // Computing the features reveals no values, so it needs no entitlement; reading them does.
    const run = await materialize();
    expect(run.data.materializeFeatures).toMatchObject({ ok: true, run: { status: 'SUCCEEDED' } });
    const values = await p.query(
      `{ dataset(name: "${DATASET}") { observations(first: 1) { edges { node { values } } } } }`,
      {},
      { token: researcher },
    );
    expect(values.errors?.[0]?.message).toMatch(/dataset desk_signal is licensed from Desk Research/);
    const online = await p.query(
      `query($e: [String!]!, $f: [String!]!) { onlineFeatures(entities: $e, features: $f) { rows { entity } } }`,
      { e: ['AAPL'], f: ['byod_desk_asof'] },
      { token: researcher },
    );
    expect(online.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/the feature reads dataset desk_signal, licensed from Desk Research/),
      extensions: { code: 'FORBIDDEN' },
    });

    expect(
      (
        await p.query(
          GRANT,
          { i: { subject: 'user:rosa', resource: `dataset:${DATASET}`, reason: 'desk research ticket 42' } },
          { token: admin },
        )
      ).data.grantEntitlement,
    ).toMatchObject({ ok: true });

    // Every publication instant, 1 ms before it, and every 7 hours across the period.
    const times = new Set<number>();
    for (let t = Date.parse('2018-01-01T00:00:00Z'); t < Date.parse('2018-01-12T00:00:00Z'); t += 7 * 3_600_000) {
      times.add(t);
    }
    for (const o of [...B1, ...B2, ...B3]) {
      times.add(Date.parse(o.availableAt));
      times.add(Date.parse(o.availableAt) - 1);
    }
    const spine = ['AAPL', 'MSFT'].flatMap((entity) =>
      [...times].sort((a, b) => a - b).map((t) => ({ entity, t: new Date(t).toISOString() })),
    );
    const createSet = (name: string, token: string) =>
      p.query(
        CREATE_SET,
        { i: { name, features: ['byod_desk_asof', 'byod_desk_mean_3d'], spine: { rows: spine } } },
        { token },
      );
    const created = await createSet('byod-desk', researcher);
    expect(created.data.createTrainingSet.error).toBeNull();
    const rows = await p.query(SET_ROWS, { id: created.data.createTrainingSet.trainingSet.id }, { token: researcher });
    const got = rows.data.trainingSet.rows.edges.map(
      (e: { node: { entity: string; t: string; values: Record<string, number | null> } }) => e.node,
    );
    expect(got).toHaveLength(spine.length);
    got.forEach((row: { entity: string; t: string; values: Record<string, number | null> }, i: number) => {
      const where = `${row.entity} ${row.t}`;
      expect([row.entity, Date.parse(row.t)], where).toEqual([spine[i]!.entity, Date.parse(spine[i]!.t)]);
      const want = reference(row.entity, Date.parse(row.t));
      expect(row.values.byod_desk_asof__v1, where).toBe(want.asOf);
      if (want.mean3d === null) expect(row.values.byod_desk_mean_3d__v1, where).toBeNull();
      else expect(row.values.byod_desk_mean_3d__v1, where).toBeCloseTo(want.mean3d, 12);
    });
    // The correction of the tie: known from 2018-01-09 on, not before.
    const at = (entity: string, t: string) =>
      got.find((r: { entity: string; t: string }) => r.entity === entity && Date.parse(r.t) === Date.parse(t));
    expect(at('MSFT', '2018-01-06T00:00:00.000Z')?.values.byod_desk_asof__v1).toBe(0.3);

    // Another researcher, not entitled, cannot build the same training set.
    const other = await createSet('byod-desk-unentitled', await p.token(['researcher'], 'rick'));
    expect(JSON.stringify(other)).toMatch(/entitlement/);
  });
});
