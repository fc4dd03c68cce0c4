import { predictionLogDatasetName, predictionsDatasetName } from '@alphagraph/datasets';
import { predictionRequests } from '@alphagraph/db/schema/models';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MonitoringHarness, startMonitoringHarness, UNIVERSE } from '../../test-support/monitoring.ts';

const SIGNALS = `query($m: String!, $a: DateTime) { signals(model: $m, asOf: $a) { model status requestId asOf scoringMs
  scoringMsPer1000 maxScoringLatencyMs latencyBreached killSwitch { killedBy reason }
  sets { version stage capitalFraction features rows { symbol status prediction probability featureStatuses featureEventTimes } } } }`;
const LOG = `mutation($input: LogPredictionsInput!) { logPredictions(input: $input) { requestId rows duplicate } }`;

describe.each(testDatabaseKinds())('signals and the prediction log on %s', (kind) => {
  let m: MonitoringHarness;
  beforeAll(async () => {
    m = await startMonitoringHarness(kind);
  }, 120_000);
  afterAll(async () => {
    await m?.h.dispose();
  });

  const lakeRows = async (dataset: string) => {
    const snapshot = await m.h.runtime.lake.currentSnapshot(dataset);
    return snapshot
      ? m.h.runtime.lake.query<Record<string, unknown>>(`SELECT * FROM ${m.h.runtime.lake.scan(snapshot)}`)
      : [];
  };

  it('scores production and canary on the online values with the batch scorer, and says why a row has no signal', async () => {
    const day = m.serveDate(100);
    m.served.get('S01')!['mon_noise@1'] = { value: null, status: 'EXPIRED' };
    m.served.delete('S02');
    const { signals } = await m.h.ok(SIGNALS, { m: 'mon', a: '2016-06-01T21:00:00Z' }, ['trader'], 'tina');
    expect(signals).toMatchObject({
      model: 'mon',
      status: 'OK',
      asOf: '2016-06-01T21:00:00.000Z',
      latencyBreached: false,
    });
    expect(
      signals.sets.map((s: { version: number; stage: string; capitalFraction: number }) => [
        s.version,
        s.stage,
        s.capitalFraction,
      ]),
    ).toEqual([
      [m.production.number, 'PRODUCTION', 1],
      [m.canary.number, 'CANARY', 0.05],
    ]);
    const rows = signals.sets[0].rows as {
      symbol: string;
      status: string;
      prediction: number | null;
      probability: number | null;
      featureStatuses: string[];
    }[];
    expect(rows.map((r) => r.symbol)).toEqual(UNIVERSE);
    expect(rows.find((r) => r.symbol === 'S01')).toMatchObject({
      status: 'FEATURE_EXPIRED',
      prediction: null,
      featureStatuses: ['CURRENT', 'EXPIRED', 'CURRENT'],
    });
    expect(rows.find((r) => r.symbol === 'S02')).toMatchObject({
      status: 'FEATURE_MISSING',
      prediction: null,
      featureStatuses: ['MISSING', 'MISSING', 'MISSING'],
    });

    // The same feature vectors scored as a batch (scoreVersion over the training set) give the same numbers.
    await m.h.ok(
      `mutation($v: ID!, $t: ID!) { scoreVersion(version: $v, trainingSet: $t) { rows } }`,
      { v: m.production.id, t: m.ts.id },
      ['researcher'],
      'carol',
    );
    const batch = await lakeRows(predictionsDatasetName('mon'));
    const t = day[0]!.t.getTime();
    for (const r of rows.filter((r) => r.status === 'OK')) {
      const b = batch.find(
        (x) => x.entity === r.symbol && new Date(x.t as string).getTime() === t && x.version === m.production.number,
      )!;
      expect(r.probability).toBeCloseTo(b.probability as number, 12);
      expect(r.prediction).toBe(b.prediction);
    }
    expect(rows.filter((r) => r.status === 'OK')).toHaveLength(6);
  });

  it('is for traders and services only; an unknown model and a future asOf are refused by name', async () => {
    const researcher = await m.h.exec(SIGNALS, { m: 'mon' }, ['researcher'], 'rita');
    expect(researcher.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await m.h.ok(SIGNALS, { m: 'mon' }, ['service'], 'svc')).signals.status).toBe('OK');
    const unknown = await m.h.exec(SIGNALS, { m: 'nope' }, ['trader']);
    expect(unknown.errors?.[0]?.message).toBe('signals: no model is named nope');
    const future = await m.h.exec(SIGNALS, { m: 'mon', a: '2999-01-01T00:00:00Z' }, ['trader']);
    expect(future.errors?.[0]?.message).toMatch(/asOf 2999-01-01T00:00:00.000Z is in the future/);
  });

  it('logs every answer durably before it returns, and the flush puts each row in the lake once', async () => {
    m.serveDate(101);
    const { signals } = await m.h.ok(SIGNALS, { m: 'mon', a: '2016-06-02T21:00:00Z' }, ['trader'], 'tina');
    const pending = await m.h.service.monitoring.log.pending((await m.h.service.stores.models.byNames(['mon']))[0]!.id);
    expect(pending).toBeGreaterThanOrEqual(1);
    const model = (await m.h.service.stores.models.byNames(['mon']))[0]!;
    // Two flushes at once (two replicas, or the schedule and a replay): each row lands once, neither fails.
    const [a, b] = await Promise.all([
      m.h.service.monitoring.log.flush(model),
      m.h.service.monitoring.log.flush(model),
    ]);
    expect(a + b).toBe(pending * 2 * UNIVERSE.length);
    const all = await lakeRows(predictionLogDatasetName('mon'));
    expect(all).toHaveLength(a + b);
    expect(new Set(all.map((r) => `${r.request_id}|${r.entity}|${r.version}`)).size).toBe(a + b);
    expect(await m.h.service.monitoring.log.pending(model.id)).toBe(0);
    await m.h.service.monitoring.log.flush(model);
    const logged = (await lakeRows(predictionLogDatasetName('mon'))).filter((r) => r.request_id === signals.requestId);
    expect(logged).toHaveLength(2 * UNIVERSE.length);
    const s00 = logged.find((r) => r.entity === 'S00' && r.version === m.production.number)!;
    expect(s00).toMatchObject({ source: 'signals', stage: 'production', status: 'OK' });
    expect(s00.prediction).toBe(signals.sets[0].rows[0].prediction);
    expect(s00.feature_refs).toEqual(m.refs);
    expect(s00.features).toHaveLength(m.refs.length);
    expect(new Date(s00.t as string).toISOString()).toBe('2016-06-02T21:00:00.000Z');
  });

  it('flushes a request an older release queued as JSON, beside encoded ones, values and nulls intact', async () => {
    const model = (await m.h.service.stores.models.byNames(['mon']))[0]!;
    await m.h.service.monitoring.log.flush(model);
    const legacy = {
      version: m.production.number,
      stage: 'production',
      features: m.refs,
      entities: ['S07', 'S08'],
      t: ['2016-06-03T21:00:00.000Z', '2016-06-03T21:00:00.000Z'],
      predictions: [1, null],
      probabilities: [0.9, null],
      statuses: ['OK', 'FEATURE_MISSING'],
      vectors: [m.refs.map((_, j) => (j === 0 ? null : j / 8)), null],
    };
    await m.h.runtime.handle.db.insert(predictionRequests).values({
      modelId: model.id,
      requestId: 'from-an-older-release',
      source: 'signals',
      contentHash: 'json',
      rows: 2,
      scoringMs: 4,
      payload: { sets: [legacy] },
      actor: 'tina',
    });
    expect(await m.h.service.monitoring.log.flush(model)).toBe(2);
    const rows = (await lakeRows(predictionLogDatasetName('mon')))
      .filter((r) => r.request_id === 'from-an-older-release')
      .sort((a, b) => String(a.entity).localeCompare(String(b.entity)));
    expect(rows.map((r) => [r.entity, r.prediction, r.probability, r.status, r.features, r.feature_refs])).toEqual([
      ['S07', 1, 0.9, 'OK', legacy.vectors[0], m.refs],
      ['S08', null, null, 'FEATURE_MISSING', null, null],
    ]);
  });

  it('logPredictions is idempotent by request id, refuses other content under a used id, and checks every row first', async () => {
    const input = (prediction: number, symbol = 'S03') => ({
      model: 'mon',
      version: m.production.number,
      requestId: 'ext-batch-1',
      predictions: [
        { symbol, t: '2016-06-03T21:00:00Z', prediction, probability: 0.7, features: [0.1, 0.2, null] },
        { symbol: 's04', t: '2016-06-03T21:00:00Z', prediction: 0, probability: 0.2 },
      ],
    });
    expect((await m.h.ok(LOG, { input: input(1) }, ['service'], 'svc')).logPredictions).toEqual({
      requestId: 'ext-batch-1',
      rows: 2,
      duplicate: false,
    });
    expect((await m.h.ok(LOG, { input: input(1) }, ['service'], 'svc')).logPredictions).toEqual({
      requestId: 'ext-batch-1',
      rows: 2,
      duplicate: true,
    });
    const other = await m.h.exec(LOG, { input: input(0) }, ['service'], 'svc');
    expect(other.errors?.[0]).toMatchObject({ extensions: { code: 'CONFLICT' } });
    expect(other.errors?.[0]?.message).toMatch(/request id ext-batch-1 was already logged with other predictions/);
    const outside = await m.h.exec(
      LOG,
      { input: { ...input(1, 'AAPL'), requestId: 'ext-batch-2' } },
      ['service'],
      'svc',
    );
    expect(outside.errors?.[0]?.message).toBe(
      'logPredictions: nothing was logged: row 0: AAPL is not in the universe of mon',
    );
    const badVersion = await m.h.exec(
      LOG,
      { input: { ...input(1), version: 99, requestId: 'ext-batch-3' } },
      ['service'],
      'svc',
    );
    expect(badVersion.errors?.[0]?.message).toBe('logPredictions: model mon has no version 99');
    expect((await m.h.exec(LOG, { input: input(1) }, ['trader'])).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const model = (await m.h.service.stores.models.byNames(['mon']))[0]!;
    await m.h.service.monitoring.log.flush(model);
    const logged = (await lakeRows(predictionLogDatasetName('mon'))).filter((r) =>
      String(r.request_id).startsWith('ext-batch'),
    );
    expect(logged.map((r) => [r.request_id, r.entity, r.source, r.prediction])).toEqual(
      expect.arrayContaining([
        ['ext-batch-1', 'S03', 'external', 1],
        ['ext-batch-1', 'S04', 'external', 0],
      ]),
    );
    expect(logged).toHaveLength(2);
  });

  it('a kill switch pulled while a request scores stops that request: no signal is served or logged', async () => {
    const model = (await m.h.service.stores.models.byNames(['mon']))[0]!;
    await m.h.service.monitoring.log.flush(model);
    m.hooks.onRead = async () => {
      m.hooks.onRead = null;
      await m.h.ok(
        `mutation { killSwitch(model: "mon", reason: "desk halted the strategy") { name } }`,
        {},
        ['trader'],
        'tina',
      );
    };
    const { signals } = await m.h.ok(SIGNALS, { m: 'mon' }, ['trader'], 'tom');
    expect(signals).toMatchObject({
      status: 'MODEL_KILLED',
      sets: [],
      killSwitch: { killedBy: 'tina', reason: 'desk halted the strategy' },
    });
    expect(await m.h.service.monitoring.log.pending(model.id)).toBe(0);
    expect((await m.h.ok(SIGNALS, { m: 'mon' }, ['trader'], 'tom')).signals.status).toBe('MODEL_KILLED');
    await m.h.ok(
      `mutation { resume(model: "mon", reason: "desk resumed after review") { name } }`,
      {},
      ['trader'],
      'tina',
    );
    expect((await m.h.ok(SIGNALS, { m: 'mon' }, ['trader'], 'tom')).signals.status).toBe('OK');
  });
});
