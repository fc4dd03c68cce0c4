import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAllStocksCsv, type SourceBar, sourceBars } from './source-data.ts';
import { startTestPlatform, type TestPlatform } from './testkit.ts';

const DEFINE = `mutation($i: DefineFeatureInput!) {
  defineFeature(input: $i) { ok error { code message reason line column field } feature { ref ttlSeconds } } }`;
const MATERIALIZE = `mutation($i: MaterializeFeaturesInput!) {
  materializeFeatures(input: $i) { ok error { code message } run { id status } } }`;
const RUN = `query($id: ID!) { materializationRun(id: $id) {
  status progress { done total unit fraction stage } } }`;
const ONLINE = `query($e: [String!]!, $f: [String!]!, $t: DateTime) { onlineFeatures(entities: $e, features: $f, asOf: $t) {
  features asOf unknownEntities rows { entity values { feature value eventTime availableAt status } } } }`;
const PREVIEW = `query($x: String!, $s: [String!]!, $p: PeriodInput!) { previewFeature(expression: $x, symbols: $s, period: $p) {
  ok expression inputs lookback rows { symbol time value availableAt } error { code message reason line column } } }`;

const gap = (b: SourceBar) => (b.close! - b.open!) / b.open!;
const terminal = (status: string) => status !== 'QUEUED' && status !== 'RUNNING';

describe('the feature workflow affordances through the gateway', () => {
  let p: TestPlatform;
  let researcher: string;
  let trader: string;
  let aapl: SourceBar[];

  beforeAll(async () => {
    p = await startTestPlatform();
    researcher = await p.token(['researcher'], 'rosa');
    trader = await p.token(['trader'], 'theo');
    aapl = sourceBars(readAllStocksCsv(), 'AAPL');
  });
  afterAll(async () => {
    await p?.dispose();
  });

  const waitFor = async (id: string) => {
    let run = (await p.query(RUN, { id })).data.materializationRun;
    while (!terminal(run.status)) {
      await new Promise((r) => setTimeout(r, 100));
      run = (await p.query(RUN, { id })).data.materializationRun;
    }
    return run;
  };

  it('defines a feature without a TTL (4 days by default) and reads its online values as of a past instant', async () => {
    const defined = await p.query(
      DEFINE,
      { i: { name: 'online_gap', description: 'Open-to-close move.', expression: '($close-$open)/$open' } },
      { token: researcher },
    );
    expect(defined.data.defineFeature).toEqual({
      ok: true,
      error: null,
      feature: { ref: 'online_gap@1', ttlSeconds: 345_600 },
    });
    const started = await p.query(
      MATERIALIZE,
      {
        i: {
          features: ['online_gap'],
          universe: ['AAPL'],
          mode: 'BACKFILL',
          from: '2017-12-01T00:00:00Z',
          waitSeconds: 30,
        },
      },
      { token: researcher },
    );
    expect(await waitFor(started.data.materializeFeatures.run.id)).toMatchObject({ status: 'SUCCEEDED' });

    // Wednesday 17 January 2018, 12:00 UTC: the 16th's bar is the latest known (its close, 21:00 UTC).
    const body = await p.query(
      ONLINE,
      { e: ['aapl', 'NOPE'], f: ['online_gap'], t: '2018-01-17T12:00:00Z' },
      { token: trader },
    );
    expect(body.errors).toBeUndefined();
    const bar = aapl.find((b) => b.date === '2018-01-16')!;
    expect(body.data.onlineFeatures).toEqual({
      features: ['online_gap@1'],
      asOf: '2018-01-17T12:00:00.000Z',
      unknownEntities: ['NOPE'],
      rows: [
        {
          entity: 'AAPL',
          values: [
            {
              feature: 'online_gap@1',
              value: gap(bar),
              eventTime: '2018-01-16T00:00:00.000Z',
              availableAt: '2018-01-16T21:00:00.000Z',
              status: 'CURRENT',
            },
          ],
        },
        {
          entity: 'NOPE',
          values: [{ feature: 'online_gap@1', value: null, eventTime: null, availableAt: null, status: 'MISSING' }],
        },
      ],
    });
    // Today the 2018 value is far older than 4 days: withheld.
    const now = await p.query(ONLINE, { e: ['AAPL'], f: ['online_gap'], t: null }, { token: trader });
    expect(now.data.onlineFeatures.rows[0].values[0]).toMatchObject({ value: null, status: 'EXPIRED' });
  });

  it('lists the operators, suggests the closest one for a typo, and previews an expression unregistered', async () => {
    const ops = await p.query('{ featureOperators { name kind signature meaning nulls example } }');
    expect(ops.errors).toBeUndefined();
    expect(ops.data.featureOperators).toContainEqual({
      name: 'Ref',
      kind: 'ROLLING',
      signature: 'Ref(series, offset)',
      meaning: 'x k rows back (k < 0: -k rows ahead, labels only; 0 is refused)',
      nulls: 'no such row',
      example: 'Ref($close, 1)',
    });
    expect(ops.data.featureOperators.map((o: { name: string }) => o.name)).toEqual(
      expect.arrayContaining(['Mean', 'EMA', 'CSRank', 'If', '+ - *', '& |']),
    );

    const typo = await p.query(
      DEFINE,
      { i: { name: 'typo', description: 'x', expression: 'Reff($close, 1)' } },
      { token: researcher },
    );
    expect(typo.data.defineFeature.error).toEqual({
      code: 'BAD_EXPRESSION',
      message:
        "unknown operator 'Reff' (did you mean Ref?): fields start with $, operators are called like Mean($close, 5) at 1:1",
      reason: 'UNKNOWN_OPERATOR',
      line: 1,
      column: 1,
      field: 'expression',
    });

    const period = { from: '2018-01-02T00:00:00Z', to: '2018-01-06T00:00:00Z' };
    const preview = await p.query(
      PREVIEW,
      { x: '$close / Ref($close, 1) - 1', s: ['aapl'], p: period },
      { token: researcher },
    );
    expect(preview.errors).toBeUndefined();
    const days = aapl.filter((b) => b.date >= '2018-01-02' && b.date < '2018-01-06');
    expect(days.map((b) => b.date)).toEqual(['2018-01-02', '2018-01-03', '2018-01-04', '2018-01-05']);
    expect(preview.data.previewFeature).toMatchObject({
      ok: true,
      expression: '$close / Ref($close, 1) - 1',
      inputs: ['bars'],
      lookback: 1,
      error: null,
    });
    const rows = preview.data.previewFeature.rows;
    expect(
      rows.map((r: { symbol: string; time: string; availableAt: string }) => [r.symbol, r.time, r.availableAt]),
    ).toEqual(days.map((b) => ['AAPL', `${b.date}T00:00:00.000Z`, `${b.date}T21:00:00.000Z`]));
    days.forEach((b, i) => {
      const previous = aapl[aapl.indexOf(b) - 1]!;
      expect(rows[i].value).toBeCloseTo(b.close! / previous.close! - 1, 12);
    });
    // Nothing was registered.
    expect((await p.query('{ features(name: "preview") { ref } }')).data.features).toEqual([]);
    const refused = await p.query(PREVIEW, { x: '$close', s: ['AAPL', 'NOPE'], p: period }, { token: researcher });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'previewFeature: symbols: no instrument has the symbol NOPE',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('reports the progress of a running materialization', async () => {
    const listed = await p.query('{ instruments(first: 40) { edges { node { symbol } } } }');
    const symbols = listed.data?.instruments.edges.map((e: { node: { symbol: string } }) => e.node.symbol);
    expect(symbols?.length).toBeGreaterThanOrEqual(20);
    const started = await p.query(
      MATERIALIZE,
      { i: { set: 'alpha158', universe: symbols, mode: 'BACKFILL', from: '2013-01-01T00:00:00Z', waitSeconds: 0 } },
      { token: researcher },
    );
    expect(started.errors).toBeUndefined();
    const id = started.data.materializeFeatures.run.id;
    // Poll like a client: every answer while RUNNING is consistent, and one is seen part way.
    const seen: { done: number; fraction: number; stage: string | null }[] = [];
    let run = (await p.query(RUN, { id })).data.materializationRun;
    while (!terminal(run.status)) {
      if (run.status === 'RUNNING') {
        const { done, total, unit, fraction, stage } = run.progress;
        expect({ total, unit, fraction }).toEqual({ total: 5, unit: 'steps', fraction: done / 5 });
        expect(stage).toBe(['resolve', 'source', 'compute', 'write', 'publish'][done]);
        seen.push({ done, fraction, stage });
      }
      await new Promise((r) => setTimeout(r, 20));
      run = (await p.query(RUN, { id })).data.materializationRun;
    }
    expect(run).toEqual({
      status: 'SUCCEEDED',
      progress: { done: 5, total: 5, unit: 'steps', fraction: 1, stage: null },
    });
    expect(seen.some((s) => s.fraction > 0 && s.fraction < 1)).toBe(true);
    expect(seen.map((s) => s.done)).toEqual([...seen.map((s) => s.done)].sort((a, b) => a - b));
  });
});
