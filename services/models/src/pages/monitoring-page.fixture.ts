import { predictionOutcomes } from '@alphagraph/db/schema/models';
import type { DatabaseKind } from '@alphagraph/db/testing';
import type { OnlineReader } from '../modules/monitoring/online-client.ts';
import { type ModelsHarness, rng, seedSyntheticSet, startModelsHarness } from '../test-support/harness.ts';

export const MODEL = 'mon';
export const UNIVERSE = Array.from({ length: 40 }, (_, i) => `S${String(i).padStart(2, '0')}`);
/** Eight weekday sessions; the signal feature is shifted from the sixth on, most rows are stale on the eighth. */
export const SESSIONS = [
  '2026-11-02',
  '2026-11-03',
  '2026-11-04',
  '2026-11-05',
  '2026-11-06',
  '2026-11-09',
  '2026-11-10',
  '2026-11-11',
];
export const SHIFT_FROM = 5;
export const SHIFT = 3;
/** On the last session only this many instruments have current values (the volume drops out of its band). */
export const LAST_CURRENT = 10;

const problem = {
  objective: 'ALPHA',
  statement: 'Predict the next-day direction of each instrument from its signal features.',
  successCriteria: [{ metric: 'roc_auc', op: 'GTE', threshold: 0.55 }],
  maxScoringLatencyMs: 100_000,
  maxFeatures: 10,
};

export interface ServedRow {
  session: string;
  entity: string;
  probability: number;
  prediction: number;
  label: number;
}

/**
 * A deployed classifier monitored over SESSIONS: signals served each session from a fake online
 * reader (the signal feature shifted by SHIFT from session SHIFT_FROM), each served row's realized
 * outcome stored as the outcome join would (knowable the next day), and runMonitoring after each
 * session. Returns the rows served, to compute references from.
 */
export async function startMonitoredModel(kind: DatabaseKind) {
  const values = new Map<string, number>();
  const reader: OnlineReader = async (_scope, { entities, features, asOf }) => {
    const session = asOf!.toISOString().slice(0, 10);
    const k = SESSIONS.indexOf(session);
    const random = rng(1000 + k);
    const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
    const rows = new Map(
      entities.map((entity, i) => {
        const stale = k === SESSIONS.length - 1 && i >= LAST_CURRENT;
        const vector = features.map((f) => {
          const x = gauss() + (f.includes('signal') && k >= SHIFT_FROM ? SHIFT : 0);
          if (f.includes('signal')) values.set(`${session}|${entity}`, x);
          return stale ? null : x;
        });
        return [
          entity,
          {
            entity,
            vector,
            statuses: features.map(() => (stale ? ('EXPIRED' as const) : ('CURRENT' as const))),
            eventTimes: features.map(() => `${session}T20:00:00.000Z`),
          },
        ];
      }),
    );
    return { rows, unknownEntities: [] };
  };
  const h: ModelsHarness = await startModelsHarness(kind, { onlineReader: reader });
  const ts = await seedSyntheticSet(h, { name: MODEL, entities: 10, dates: 120 });
  await h.ok(
    `mutation($input: RegisterModelInput!) { registerModel(input: $input) { id } }`,
    {
      input: {
        name: MODEL,
        task: 'CLASSIFICATION',
        description: 'Next-day direction, monitored',
        owner: 'alpha-team',
        universe: UNIVERSE,
        label: 'fwd_1',
        problem,
      },
    },
    ['researcher'],
    'alice',
  );
  const trained = await h.ok(
    `mutation($input: TrainModelVersionInput!) { trainModelVersion(input: $input) { id number } }`,
    { input: { model: MODEL, trainingSet: ts.id, algorithm: 'logistic_regression', hyperparameters: {}, seed: 1 } },
    ['researcher'],
    'carol',
  );
  await h.service.versions.worker.idle();
  const id = trained.trainModelVersion.id;
  await h.ok(`mutation($id: ID!) { submitForValidation(version: $id, note: "ready for review") { id } }`, { id }, [
    'researcher',
  ]);
  await h.ok(
    `mutation($id: ID!) { approveVersion(version: $id, findings: "metrics and CV reviewed, stable") { stage } }`,
    { id },
    ['validator'],
    'victor',
  );
  for (const [to, fraction] of [
    ['CANARY', 0.05],
    ['PRODUCTION', null],
  ] as const) {
    await h.ok(
      `mutation($id: ID!, $to: PromotionTarget!, $f: Float) { promoteVersion(version: $id, to: $to, reason: "monitoring page test", capitalFraction: $f) { stage } }`,
      { id, to, f: fraction },
      ['admin'],
      'ada',
    );
  }
  await h.ok(
    `mutation { configureMonitoring(model: "${MODEL}", input: { minDriftSamples: 30 }) { minDriftSamples } }`,
    {},
    ['admin'],
    'ada',
  );

  const [model] = await h.service.stores.models.byNames([MODEL]);
  const served: ServedRow[] = [];
  const label = rng(77);
  for (const session of SESSIONS) {
    const answer = await h.ok(
      `query($m: String!, $a: DateTime) { signals(model: $m, asOf: $a) { requestId sets { version rows { symbol status prediction probability } } } }`,
      { m: MODEL, a: `${session}T21:00:00.000Z` },
      ['trader'],
      'tess',
    );
    const [set] = answer.signals.sets;
    const rows = set.rows.filter((r: { status: string }) => r.status === 'OK');
    const outcomes = rows.map((r: { symbol: string; prediction: number; probability: number }) => {
      const row: ServedRow = {
        session,
        entity: r.symbol,
        probability: r.probability,
        prediction: r.prediction,
        label: 0.02 * values.get(`${session}|${r.symbol}`)! + 0.01 * (label() - 0.5),
      };
      served.push(row);
      return {
        modelId: model!.id,
        version: set.version as number,
        stage: 'production',
        entity: row.entity,
        session,
        t: new Date(`${session}T21:00:00.000Z`),
        prediction: row.prediction,
        probability: row.probability,
        label: row.label,
        knownAt: new Date(new Date(`${session}T21:00:00.000Z`).getTime() + 86_400_000),
        requestId: answer.signals.requestId,
      };
    });
    await h.runtime.handle.db.insert(predictionOutcomes).values(outcomes);
    await h.ok(
      `mutation($m: String!, $a: DateTime) { runMonitoring(model: $m, asOf: $a) { reports { version } } }`,
      { m: MODEL, a: `${session}T21:30:00.000Z` },
      ['admin'],
      'ada',
    );
  }
  return { h, served, version: trained.trainModelVersion.number as number };
}
