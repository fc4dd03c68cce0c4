import { randomUUID } from 'node:crypto';
import { sessionClose, sessionDays } from '@alphagraph/calendar';
import { predictionsDataset } from '@alphagraph/datasets';
import { seedModelVersion } from '@alphagraph/datasets/testing';
import type { Lake, StagedValue } from '@alphagraph/lake';
import { scopeFor } from '@alphagraph/service/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BACKTEST,
  createHarness,
  DB_KIND,
  type Harness,
  RUN,
  syntheticBars,
  writeBars,
} from '../../test-support/harness.ts';

const SYMBOLS = ['AAA', 'BBB', 'CCC'];
const FROM = '2015-01-02';
const TO = '2015-06-30';
const DAYS = sessionDays('XNYS', '2015-02-02', TO);
const SWITCH = DAYS[40]!;
const TRADES = `query($id: ID!) { backtest(id: $id) { trades(first: 5000) { nodes { symbol size entryTime entryPrice exitTime exitPrice open } } } }`;

/** Batch predictions as models' scoreVersion writes them: `available_at = t`, the instant they could be acted on. */
async function writePredictions(
  lake: Lake,
  model: string,
  rows: readonly { entity: string; t: Date; prediction: number; version: number }[],
): Promise<void> {
  const dataset = predictionsDataset(model);
  await lake.registerDataset(dataset);
  const batch = `batch-${randomUUID()}`;
  await lake.commit(dataset.name, { mode: 'append' }, async (w) => {
    await w.session.run(
      `CREATE OR REPLACE TEMP TABLE staged (entity VARCHAR, t TIMESTAMPTZ, prediction DOUBLE, probability DOUBLE,
         version INTEGER, available_at TIMESTAMPTZ, batch_id VARCHAR)`,
    );
    await w.session.append(
      'staged',
      rows.map((r): StagedValue[] => [r.entity, r.t, r.prediction, null, r.version, r.t, batch]),
    );
    await w.writeQuery('SELECT * FROM staged');
  });
}

const SPEC = {
  name: 'model-top1',
  universe: SYMBOLS,
  periodStart: DAYS[0],
  periodEnd: TO,
  signal: { model: 'alpha', modelVersion: 1 },
  strategy: { rule: { type: 'topK', long: 1, short: 0 }, rebalance: 'daily' },
};

let h: Harness;
beforeAll(async () => {
  h = await createHarness(DB_KIND);
  await writeBars(h.t.lake, syntheticBars(SYMBOLS, FROM, TO, 3));
  const ts = randomUUID();
  await seedModelVersion(h.t.database.db, {
    model: 'alpha',
    number: 1,
    trainingSetId: ts,
    features: ['f__v1'],
    label: 'fwd',
  });
  await seedModelVersion(h.t.database.db, {
    model: 'alpha',
    number: 2,
    stage: 'production',
    trainingSetId: ts,
    features: ['f__v1'],
    label: 'fwd',
  });
  // Version 1 ranks AAA first until SWITCH, then BBB; version 2 always CCC. Scored at each session's close.
  const rows = DAYS.flatMap((day) =>
    SYMBOLS.flatMap((entity) => {
      const t = sessionClose('XNYS', day);
      const top1 = day <= SWITCH ? 'AAA' : 'BBB';
      return [
        { entity, t, version: 1, prediction: entity === top1 ? 1 : entity === 'CCC' ? 0.5 : 0 },
        { entity, t, version: 2, prediction: entity === 'CCC' ? 1 : 0 },
      ];
    }),
  );
  await writePredictions(h.t.lake, 'alpha', rows);
});
afterAll(async () => {
  await h?.dispose();
});

async function run(spec: Record<string, unknown>, roles: ('researcher' | 'analyst' | 'trader')[] = ['researcher']) {
  const r = await h.gql(roles, RUN, { s: spec });
  expect(r.errors).toBeUndefined();
  return r.data.runBacktest;
}

describe('backtests of a model version’s batch predictions', () => {
  it('trades the predictions, filling at the next open after each was available', async () => {
    const started = await run(SPEC);
    expect(started.error).toBeNull();
    await h.service.idle();
    const b = (await h.gql(['analyst'], BACKTEST, { id: started.backtest.id })).data.backtest;
    expect(b.status).toBe('SUCCEEDED');
    expect(b.signal).toBe('model:alpha@1');
    expect(b.inputs.map((i: { dataset: string }) => i.dataset)).toContain('predictions_alpha');
    const trades = (await h.gql(['analyst'], TRADES, { id: b.id })).data.backtest.trades.nodes;
    const opens = new Map(syntheticBars(SYMBOLS, FROM, TO, 3).map((x) => [`${x.symbol}|${x.date}`, x.open]));
    // AAA from the open after the first prediction; the first prediction ranking BBB first is at the
    // close after SWITCH, so AAA is sold and BBB bought at the open of the session after that one.
    const aaa = trades.filter((t: { symbol: string }) => t.symbol === 'AAA');
    const bbb = trades.filter((t: { symbol: string }) => t.symbol === 'BBB');
    expect(trades.filter((t: { symbol: string }) => t.symbol === 'CCC')).toEqual([]);
    expect(aaa[0].entryTime.slice(0, 10)).toBe(DAYS[1]);
    expect(aaa[0].entryPrice).toBe(opens.get(`AAA|${DAYS[1]}`));
    const after = DAYS[DAYS.indexOf(SWITCH) + 2]!;
    expect(aaa.at(-1).exitTime.slice(0, 10)).toBe(after);
    expect(aaa.at(-1).exitPrice).toBe(opens.get(`AAA|${after}`));
    expect(bbb[0].entryTime.slice(0, 10)).toBe(after);
    expect(bbb.at(-1).open).toBe(true);
    for (const t of trades) expect(t.entryTime.slice(0, 10) > DAYS[0]!).toBe(true);
  });

  it('lets analysts and traders trade only deployed versions, and stores nothing on refusal', async () => {
    const before = (await h.service.backtests.store.list({ first: 1000, createdBy: null })).length;
    // runBacktest admits researchers only; the rule holds for any other caller of the service too
    // (a rerun, a sweep, a future trader-facing entry point).
    for (const role of ['analyst', 'trader'] as const) {
      const refused = h.service.backtests.run(
        { ...scopeFor([role], `u-${role}`), requestId: randomUUID() },
        {
          ...SPEC,
          name: 'hidden',
        },
      );
      await expect(refused).rejects.toMatchObject({ failure: 'FORBIDDEN' });
      await expect(refused).rejects.toThrow(/alpha version 1 is not one you may read.*CANARY or PRODUCTION/);
    }
    const missing = await run({ ...SPEC, name: 'missing', signal: { model: 'alpha', modelVersion: 9 } });
    expect(missing.error).toEqual({ code: 'NOT_FOUND', message: 'model alpha has no version 9' });
    const unknown = await run({ ...SPEC, name: 'unknown', signal: { model: 'nope', modelVersion: 1 } });
    expect(unknown.error.code).toBe('NOT_FOUND');
    expect((await h.service.backtests.store.list({ first: 1000, createdBy: null })).length).toBe(before);
    // A production version is readable by a trader.
    const deployed = await h.service.backtests.run(
      { ...scopeFor(['trader'], 'u-trader'), requestId: randomUUID() },
      { ...SPEC, name: 'deployed', signal: { model: 'alpha', modelVersion: 2 } },
    );
    await h.service.idle();
    const trades = (await h.gql(['analyst'], TRADES, { id: deployed.id })).data.backtest.trades.nodes;
    expect(new Set(trades.map((t: { symbol: string }) => t.symbol))).toEqual(new Set(['CCC']));
  });

  it('resolves Backtest.model and Model.backtests across subgraphs', async () => {
    const r = await h.gql(
      ['analyst'],
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Model { name backtests { name model { name } modelVersion } } } }`,
      { r: [{ __typename: 'Model', name: 'alpha' }] },
    );
    expect(r.errors).toBeUndefined();
    const model = r.data._entities[0];
    expect(model.name).toBe('alpha');
    const names = model.backtests.map((b: { name: string }) => b.name).sort();
    expect(names).toEqual(['deployed', 'model-top1']);
    for (const b of model.backtests) expect(b.model).toEqual({ name: 'alpha' });
  });
});
