import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllStocksCsv, sourceBars } from './source-data.ts';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const DEFINE = `mutation($i: DefineFeatureInput!) {
  defineFeature(input: $i) { ok created error { code message line column } feature { ref expression inputs lookback } } }`;
const MATERIALIZE = `mutation($i: MaterializeFeaturesInput!) {
  materializeFeatures(input: $i) { ok error { code message }
    run { id status rowsWritten universe eventTimeTo view { name lakeDataset columns } } } }`;
const RUN = `query($id: ID!) { materializationRun(id: $id) { status rowsWritten error timings { step milliseconds } } }`;
const ONLINE = `query($e: [String!]!, $f: [String!]!) { onlineFeatures(entities: $e, features: $f) {
  features rows { entity values { feature value eventTime availableAt status } vector statuses eventTimes } } }`;

describe('feature store through the gateway', () => {
  let p: TestPlatform;
  let researcher: string;
  let trader: string;

  beforeAll(async () => {
    p = await startTestPlatform();
    researcher = await p.token(['researcher'], 'rosa');
    trader = await p.token(['trader'], 'theo');
  });
  afterAll(async () => {
    await p?.dispose();
  });

  it('registered the built-in sets on first start', async () => {
    const body = await p.query('{ featureSets { name size } alpha: featureSet(name: "alpha158") { refs } }');
    expect(body.errors).toBeUndefined();
    expect(body.data.featureSets).toEqual([
      { name: 'alpha158', size: 158 },
      { name: 'alt_demo', size: 4 },
    ]);
    expect(body.data.alpha.refs.slice(0, 3)).toEqual(['kmid@1', 'klen@1', 'kmid2@1']);
  });

  it('defines a feature, materializes it and serves its latest values online', async () => {
    const bad = await p.query(
      DEFINE,
      { i: { name: 'e2e_gap', description: 'x', ttlSeconds: 60, expression: 'Mean($close, 0)' } },
      { token: researcher },
    );
    expect(bad.data.defineFeature).toMatchObject({ ok: false, error: { code: 'BAD_EXPRESSION', line: 1, column: 14 } });

    const defined = await p.query(
      DEFINE,
      {
        i: {
          name: 'e2e_gap',
          description: 'Open-to-close move of the session.',
          // Ten years: the demo's last bars are from 2018 and the value must still be current.
          ttlSeconds: 10 * 366 * 86_400,
          expression: '($close-$open)/$open',
        },
      },
      { token: researcher },
    );
    expect(defined.data.defineFeature).toMatchObject({
      ok: true,
      created: true,
      feature: { ref: 'e2e_gap@1', expression: '($close - $open) / $open', inputs: ['bars'], lookback: 0 },
    });

    const started = await p.query(
      MATERIALIZE,
      {
        i: {
          features: ['e2e_gap', 'ret_1d@1'],
          universe: ['AAPL', 'MSFT'],
          mode: 'BACKFILL',
          from: '2017-01-01T00:00:00Z',
          waitSeconds: 0,
        },
      },
      { token: researcher },
    );
    expect(started.errors).toBeUndefined();
    const run = started.data.materializeFeatures.run;
    expect(run.view.columns).toEqual(['e2e_gap__v1', 'ret_1d__v1']);
    // Runs go on in the background; poll the run like a client would.
    let status = run.status;
    for (let i = 0; i < 120 && (status === 'QUEUED' || status === 'RUNNING'); i++) {
      await new Promise((r) => setTimeout(r, 250));
      status = (await p.query(RUN, { id: run.id })).data.materializationRun.status;
    }
    const finished = (await p.query(RUN, { id: run.id })).data.materializationRun;
    const csv = readAllStocksCsv();
    const aapl = sourceBars(csv, 'AAPL');
    const msft = sourceBars(csv, 'MSFT');
    const since = (bars: typeof aapl) => bars.filter((b) => b.date >= '2017-01-01').length;
    expect(finished).toMatchObject({ status: 'SUCCEEDED', error: null, rowsWritten: since(aapl) + since(msft) });

    const online = await p.query(ONLINE, { e: ['AAPL', 'MSFT', 'NOPE'], f: ['e2e_gap', 'ret_1d'] }, { token: trader });
    expect(online.errors).toBeUndefined();
    const last = aapl.at(-1)!;
    const [first, second] = online.data.onlineFeatures.rows;
    expect(online.data.onlineFeatures.features).toEqual(['e2e_gap@1', 'ret_1d@1']);
    expect(first.values[0]).toEqual({
      feature: 'e2e_gap@1',
      value: (last.close! - last.open!) / last.open!,
      eventTime: `${last.date}T00:00:00.000Z`,
      availableAt: '2018-02-07T21:00:00.000Z',
      status: 'CURRENT',
    });
    // ret_1d's TTL is four days: the 2018 value is long expired, so it is withheld.
    expect(first.values[1]).toMatchObject({
      feature: 'ret_1d@1',
      value: null,
      status: 'EXPIRED',
      eventTime: `${last.date}T00:00:00.000Z`,
    });
    const lastMsft = msft.at(-1)!;
    expect(second.values[0].value).toBe((lastMsft.close! - lastMsft.open!) / lastMsft.open!);
    expect(online.data.onlineFeatures.rows[2].values.map((v: { status: string }) => v.status)).toEqual([
      'MISSING',
      'MISSING',
    ]);
    // The dense form is the same data as parallel lists in `features` order.
    expect(first.vector).toEqual([(last.close! - last.open!) / last.open!, null]);
    expect(first.statuses).toEqual(['CURRENT', 'EXPIRED']);
    expect(first.eventTimes).toEqual([`${last.date}T00:00:00.000Z`, `${last.date}T00:00:00.000Z`]);
    expect(online.data.onlineFeatures.rows[2]).toMatchObject({
      entity: 'NOPE',
      vector: [null, null],
      statuses: ['MISSING', 'MISSING'],
      eventTimes: [null, null],
    });

    const lineage = await p.query('{ datasetLineage(dataset: "bars") { features { ref } featureViews { name } } }');
    expect(lineage.data.datasetLineage.features.map((f: { ref: string }) => f.ref)).toContain('e2e_gap@1');
    expect(lineage.data.datasetLineage.featureViews).toEqual([{ name: run.view.name }]);
  });

  it('keeps values of features over licensed tweets from callers without an entitlement', async () => {
    const run = await p.query(
      MATERIALIZE,
      {
        i: {
          set: 'alt_demo',
          universe: ['AAPL'],
          mode: 'BACKFILL',
          from: '2015-01-01T00:00:00Z',
          to: '2015-02-01T00:00:00Z',
          waitSeconds: 60,
        },
      },
      { token: researcher },
    );
    expect(run.data.materializeFeatures.run.status).toBe('SUCCEEDED');
    const denied = await p.query(ONLINE, { e: ['AAPL'], f: ['tweet_count'] }, { token: trader });
    expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(denied.errors?.[0]?.message).toMatch(/licensed from StockNet/);
    const vix = await p.query(ONLINE, { e: ['AAPL'], f: ['vix_level'] }, { token: trader });
    expect(vix.errors).toBeUndefined();
    expect(vix.data.onlineFeatures.rows[0].values[0]).toMatchObject({
      eventTime: '2015-01-30T00:00:00.000Z',
      status: 'EXPIRED',
    });
  });

  it('materializes a MARKET feature over the VIX once, for the entity MARKET', async () => {
    const defined = await p.query(
      DEFINE,
      {
        i: {
          name: 'e2e_vix_change',
          description: 'day-on-day change of the VIX close',
          entity: 'MARKET',
          expression: '$cboe_vix_daily.close - Ref($cboe_vix_daily.close, 1)',
          ttlSeconds: 20 * 366 * 86_400,
        },
      },
      { token: researcher },
    );
    expect(defined.data.defineFeature.ok).toBe(true);
    const refused = await p.query(
      MATERIALIZE,
      { i: { features: ['e2e_vix_change', 'ret_1d'], mode: 'BACKFILL', from: '2018-01-29T00:00:00Z', waitSeconds: 0 } },
      { token: researcher },
    );
    expect(refused.data.materializeFeatures).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const run = await p.query(
      MATERIALIZE,
      {
        i: {
          features: ['e2e_vix_change'],
          mode: 'BACKFILL',
          from: '2018-01-29T00:00:00Z',
          to: '2018-02-08T00:00:00Z',
          waitSeconds: 60,
        },
      },
      { token: researcher },
    );
    expect(run.data.materializeFeatures.run).toMatchObject({
      status: 'SUCCEEDED',
      universe: ['MARKET'],
      rowsWritten: 8,
    });

    // The VIX closes straight from the shipped file: the last two sessions of the period.
    const closes = new Map(
      gunzipSync(readFileSync(join(import.meta.dirname, '..', '..', 'data', 'demo', 'vix_daily.csv.gz')))
        .toString('utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','))
        .map((cols) => [cols[0]!, Number(cols[4])] as const),
    );
    const online = await p.query(ONLINE, { e: ['MARKET'], f: ['e2e_vix_change'] }, { token: trader });
    expect(online.errors).toBeUndefined();
    const [value] = online.data.onlineFeatures.rows[0].values;
    expect(value).toMatchObject({ eventTime: '2018-02-07T00:00:00.000Z', status: 'CURRENT' });
    expect(value.value).toBeCloseTo(closes.get('2018-02-07')! - closes.get('2018-02-06')!, 9);
  });

  it('computes an as-of series on its own event times (the VIX) and joins it point in time into a training set', async () => {
    const define = async (name: string, expression: string) => {
      const r = await p.query(
        DEFINE,
        { i: { name, description: name, entity: 'MARKET', expression, ttlSeconds: 4 * 86_400 } },
        { token: researcher },
      );
      expect(r.data.defineFeature, name).toMatchObject({ ok: true, feature: { inputs: ['cboe_vix_daily'] } });
    };
    await define('e2e_vix_asof', 'AsOf($cboe_vix_daily.close)');
    await define('e2e_vix_mean_7d', 'Mean($cboe_vix_daily.close, 7d)');
    const refused = await p.query(
      DEFINE,
      {
        i: { name: 'e2e_bad', description: 'x', expression: 'Mean($close, 5d)' },
      },
      { token: researcher },
    );
    expect(refused.data.defineFeature.error.message).toMatch(/\$close is a market field on the session clock/);
    const run = await p.query(
      MATERIALIZE,
      { i: { features: ['e2e_vix_asof', 'e2e_vix_mean_7d'], waitSeconds: 60 } },
      { token: researcher },
    );
    expect(run.data.materializeFeatures.run).toMatchObject({ status: 'SUCCEEDED', universe: ['MARKET'] });

    // The observations as the graph serves them, for the independent computation below.
    const observations: { eventTime: string; availableAt: string; values: { close: number | null } }[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { data?: any; errors?: unknown } = await p.query(
        `query($after: String) { dataset(name: "cboe_vix_daily") { observations(from: "2017-12-01T00:00:00Z",
           to: "2018-02-10T00:00:00Z", first: 100, after: $after) { edges { node { eventTime availableAt values } }
           hasNextPage endCursor } } }`,
        { after },
        { token: researcher },
      );
      expect(page.errors).toBeUndefined();
      const conn = page.data.dataset.observations;
      observations.push(...conn.edges.map((e: { node: (typeof observations)[number] }) => e.node));
      if (!conn.hasNextPage) break;
      after = conn.endCursor;
    }
    expect(observations.length).toBeGreaterThan(40);

    // Every 5 hours over January 2018 and each publication instant and 1 ms before it.
    const times = new Set<number>();
    for (let t = Date.parse('2018-01-01T00:00:00Z'); t < Date.parse('2018-02-08T00:00:00Z'); t += 5 * 3_600_000) {
      times.add(t);
    }
    for (const o of observations.filter((o) => o.eventTime >= '2018-01-01')) {
      times.add(Date.parse(o.availableAt));
      times.add(Date.parse(o.availableAt) - 1);
    }
    const spine = [...times].sort((a, b) => a - b);
    const created = await p.query(
      `mutation($i: CreateTrainingSetInput!) { createTrainingSet(input: $i) { ok error { message } trainingSet { id } } }`,
      {
        i: {
          name: 'e2e-vix-as-of',
          features: ['e2e_vix_asof', 'e2e_vix_mean_7d'],
          spine: { rows: spine.map((t) => ({ entity: 'AAPL', t: new Date(t).toISOString() })) },
        },
      },
      { token: researcher },
    );
    expect(created.data.createTrainingSet.error).toBeNull();
    const rows = await p.query(
      `query($id: ID!) { trainingSet(id: $id) { rows(first: 1000) { edges { node { t values } } } } }`,
      { id: created.data.createTrainingSet.trainingSet.id },
      { token: researcher },
    );
    const got = rows.data.trainingSet.rows.edges.map(
      (e: { node: { values: Record<string, number | null> } }) => e.node.values,
    );
    expect(got).toHaveLength(spine.length);
    spine.forEach((t, i) => {
      const known = observations.filter((o) => Date.parse(o.availableAt) <= t);
      const last = known.reduce<(typeof known)[number] | undefined>(
        (a, o) => (!a || o.eventTime > a.eventTime ? o : a),
        undefined,
      );
      const fresh = last && Date.parse(last.eventTime) >= t - 4 * 86_400_000;
      const window = last
        ? known.filter(
            (o) => Date.parse(o.eventTime) > Date.parse(last.eventTime) - 7 * 86_400_000 && o.values.close !== null,
          )
        : [];
      const where = new Date(t).toISOString();
      expect(got[i].e2e_vix_asof__v1, where).toBe(fresh ? last!.values.close : null);
      if (fresh) {
        expect(got[i].e2e_vix_mean_7d__v1, where).toBeCloseTo(
          window.reduce((a, o) => a + o.values.close!, 0) / window.length,
          9,
        );
      } else expect(got[i].e2e_vix_mean_7d__v1, where).toBeNull();
    });
  });
});
