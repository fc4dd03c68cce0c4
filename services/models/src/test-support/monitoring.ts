import type { DatabaseKind } from '@alphagraph/db/testing';
import type { OnlineReader, OnlineRow } from '../modules/monitoring/online-client.ts';
import { type ModelsHarness, seedSyntheticSet, startModelsHarness, syntheticRows } from './harness.ts';

export const UNIVERSE = ['S00', 'S01', 'S02', 'S03', 'S04', 'S05', 'S06', 'S07'];

/** Per entity, the values the stand-in features subgraph serves, by feature ref. */
export type Served = Map<string, Record<string, { value: number | null; status: 'CURRENT' | 'EXPIRED' | 'MISSING' }>>;

/**
 * The models harness with a deployed model to monitor: `mon`, a classifier over the synthetic
 * panel (features mon_signal, mon_noise, mon_gappy; label fwd_1), version 1 in PRODUCTION and
 * version 2 in CANARY (5% of capital), each trained, submitted and approved by another user, as
 * the lifecycle requires. Online values come from `served` (the features subgraph stands aside:
 * its own tests cover onlineFeatures); `onRead` runs inside each read.
 */
export async function startMonitoringHarness(kind: DatabaseKind, options: { natsUrl?: string | null } = {}) {
  const served: Served = new Map();
  const hooks: { onRead: (() => Promise<void>) | null } = { onRead: null };
  const reader: OnlineReader = async (_scope, { entities, features }) => {
    await hooks.onRead?.();
    const rows = new Map<string, OnlineRow>();
    for (const entity of entities) {
      const values = served.get(entity);
      if (!values) continue;
      const cells = features.map((f) => values[f] ?? { value: null, status: 'MISSING' as const });
      rows.set(entity, {
        entity,
        vector: cells.map((c) => (c.status === 'CURRENT' ? c.value : null)),
        statuses: cells.map((c) => c.status),
        eventTimes: cells.map((c) => (c.status === 'MISSING' ? null : '2016-06-01T20:00:00.000Z')),
      });
    }
    return { rows, unknownEntities: [] };
  };
  const h = await startModelsHarness(kind, { onlineReader: reader, natsUrl: options.natsUrl ?? null });
  const ts = await seedSyntheticSet(h, { name: 'mon', entities: UNIVERSE.length, dates: 120 });
  await h.ok(
    `mutation($input: RegisterModelInput!) { registerModel(input: $input) { id } }`,
    {
      input: {
        name: 'mon',
        task: 'CLASSIFICATION',
        description: 'Next-day direction, monitored',
        owner: 'alpha-team',
        universe: UNIVERSE,
        label: 'fwd_1',
        problem: {
          objective: 'ALPHA',
          statement: 'Predict the next-day direction from the signal features.',
          successCriteria: [{ metric: 'roc_auc', op: 'GTE', threshold: 0.5 }],
          maxScoringLatencyMs: 1000,
        },
      },
    },
    ['researcher'],
    'alice',
  );
  const deploy = async (to: 'PRODUCTION' | 'CANARY') => {
    const { trainModelVersion: v } = await h.ok(
      `mutation($input: TrainModelVersionInput!) { trainModelVersion(input: $input) { id number } }`,
      {
        input: {
          model: 'mon',
          trainingSet: ts.id,
          algorithm: 'logistic_regression',
          crossValidation: { folds: 0 },
        },
      },
      ['researcher'],
      'carol',
    );
    await h.service.versions.worker.idle();
    await h.ok(
      `mutation($id: ID!) { submitForValidation(version: $id, note: "for monitoring") { id } }`,
      { id: v.id },
      ['researcher'],
      'carol',
    );
    await h
      .ok(
        `mutation($id: ID!) { approveVersion(version: $id, findings: "reviewed for the monitoring tests", overrideJustification: "synthetic data; criteria are not the point of these tests") { id } }`,
        { id: v.id },
        ['validator'],
        'victor',
      )
      .catch(async () =>
        h.ok(
          `mutation($id: ID!) { approveVersion(version: $id, findings: "reviewed for the monitoring tests") { id } }`,
          { id: v.id },
          ['validator'],
          'victor',
        ),
      );
    const promote = `mutation($id: ID!, $to: PromotionTarget!, $f: Float) { promoteVersion(version: $id, to: $to, reason: "monitoring test rollout", capitalFraction: $f) { stage } }`;
    await h.ok(promote, { id: v.id, to: 'CANARY', f: 0.05 }, ['admin'], 'ada');
    if (to === 'PRODUCTION') await h.ok(promote, { id: v.id, to: 'PRODUCTION' }, ['admin'], 'ada');
    return v as { id: string; number: number };
  };
  const production = await deploy('PRODUCTION');
  const canary = await deploy('CANARY');
  const rows = syntheticRows({ entities: UNIVERSE.length, dates: 120 });
  const refs = ['mon_signal@1', 'mon_noise@1', 'mon_gappy@1'];
  /** Serves, for every entity, the features of its synthetic row on date index `k` (optionally shifted). */
  const serveDate = (k: number, shift: Partial<Record<string, number>> = {}) => {
    for (let e = 0; e < UNIVERSE.length; e++) {
      const row = rows[k * UNIVERSE.length + e]!;
      served.set(
        UNIVERSE[e]!,
        Object.fromEntries(
          refs.map((r, j) => [
            r,
            { value: row.features[j] === null ? null : row.features[j]! + (shift[r] ?? 0), status: 'CURRENT' as const },
          ]),
        ),
      );
    }
    return rows.slice(k * UNIVERSE.length, (k + 1) * UNIVERSE.length);
  };
  return { h, ts, served, hooks, production, canary, rows, refs, serveDate };
}
export type MonitoringHarness = Awaited<ReturnType<typeof startMonitoringHarness>>;
export type { ModelsHarness };
