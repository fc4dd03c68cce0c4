import type { Role } from '@alphagraph/auth';
import { BARS_DATASET, featureViewDataset, MARKET_ENTITY } from '@alphagraph/datasets';
import { seedAltCatalogEntry, seedInstruments } from '@alphagraph/datasets/testing';
import type { Db } from '@alphagraph/db';
import { featureInputs, features, featureViews, materializationRuns } from '@alphagraph/db/schema/features';
import type { DatabaseKind } from '@alphagraph/db/testing';
import type { Lake, StagedValue } from '@alphagraph/lake';
import { createTestRuntime, executeSubgraph, scopeFor, type TestRuntime } from '@alphagraph/service/testing';
import { eq } from 'drizzle-orm';
import type { FeaturesLimits } from '../../env.ts';
import { createFeatures } from '../../service.ts';

/**
 * Test fixtures written the way materialization writes them (the views contract): feature rows in
 * the registry, a feature view (`features.feature_views` + a wide lake dataset `fv_*` with entity,
 * event_time, available_at, tiebreak, `<name>__v<version>` DOUBLE), and a succeeded
 * materialization run per write pointing at the snapshot it published.
 */

export interface FixtureFeature {
  readonly name: string;
  readonly ttlSeconds: number;
  /** Lineage: the datasets the feature reads. */
  readonly inputs?: readonly string[];
  /** Default 1. */
  readonly version?: number;
}

/** [entity, event_time, available_at, values (one per feature, in order), tiebreak]. ISO strings keep microseconds. */
export type FixtureRow = readonly [string, string, string, readonly (number | null)[], string?];

/** Registers each feature's version (default 1) and a view over them; returns the refs and the view's dataset. */
export async function createFixtureView(
  deps: { db: Db; lake: Lake },
  options: { view: string; features: readonly FixtureFeature[] },
): Promise<{ refs: string[]; lakeDataset: string }> {
  const refs: string[] = [];
  for (const f of options.features) {
    const [row] = await deps.db
      .insert(features)
      .values({
        name: f.name,
        version: f.version ?? 1,
        owner: 'test',
        description: `fixture ${f.name}`,
        entity: 'instrument',
        expression: '$close',
        ttlSeconds: f.ttlSeconds,
      })
      .returning();
    for (const dataset of f.inputs ?? ['bars'])
      await deps.db.insert(featureInputs).values({ featureId: row!.id, dataset });
    refs.push(`${f.name}@${f.version ?? 1}`);
  }
  const lakeDataset = `fv_${options.view}_00000000`;
  await deps.db
    .insert(featureViews)
    .values({ name: lakeDataset, lakeDataset, features: refs, entityKind: 'instrument' });
  await deps.lake.registerDataset(featureViewDataset({ lakeDataset, features: refs }));
  return { refs, lakeDataset };
}

/**
 * Appends rows to a fixture view as one succeeded materialization run; returns the snapshot id.
 * Its entities are registered as instruments (as ingestion registers them), so spines name them.
 */
export async function appendViewRows(
  deps: { db: Db; lake: Lake },
  lakeDataset: string,
  rows: readonly FixtureRow[],
): Promise<number> {
  await seedInstruments(
    deps.db,
    [...new Set(rows.map(([e]) => e))].filter((e) => e !== MARKET_ENTITY),
  );
  const [view] = await deps.db.select().from(featureViews).where(eq(featureViews.lakeDataset, lakeDataset));
  const n = view!.features.length;
  const columns = view!.features.map((_, i) => `x${i} DOUBLE`).join(', ');
  const snapshot = await deps.lake.commit(lakeDataset, { mode: 'append' }, async (w) => {
    await w.session.run(
      `CREATE TEMP TABLE fx (entity VARCHAR, event_time TIMESTAMPTZ, available_at TIMESTAMPTZ, tiebreak VARCHAR, ${columns})`,
    );
    await w.session.append(
      'fx',
      rows.map(([e, ev, av, values, k]): StagedValue[] => [
        e,
        ev,
        av,
        k ?? 'run-1',
        ...Array.from({ length: n }, (_, i) => values[i] ?? null),
      ]),
    );
    const names = view!.features.map((ref, i) => `x${i} AS ${ref.replace('@', '__v')}`).join(', ');
    await w.writeQuery(`SELECT entity, event_time, available_at, tiebreak, ${names} FROM fx`);
  });
  await deps.db.insert(materializationRuns).values({
    view: view!.name,
    status: 'succeeded',
    kind: 'backfill',
    universe: [],
    snapshotId: snapshot.id,
    createdBy: 'test',
    startedAt: new Date(),
    finishedAt: new Date(),
  });
  return snapshot.id;
}

/** [symbol, session date, close, available_at (default: 21:00Z that day), batch]. */
export type FixtureBar = readonly [string, string, number, string?, string?];

/** Appends daily bars (open = high = low = close) to the lake's `bars` dataset, registering it on first use. */
export async function appendBars(lake: Lake, bars: readonly FixtureBar[]): Promise<number> {
  await lake.registerDataset(BARS_DATASET);
  const snapshot = await lake.commit(BARS_DATASET.name, { mode: 'append' }, async (w) => {
    await w.session.run(`CREATE TEMP TABLE fb (${BARS_DATASET.columns.map((c) => `${c.name} ${c.type}`).join(', ')})`);
    await w.session.append(
      'fb',
      bars.map(([s, date, c, av, batch]): StagedValue[] => [
        s,
        '1d',
        `${date}T00:00:00Z`,
        c,
        c,
        c,
        c,
        1e6,
        av ?? `${date}T21:00:00Z`,
        batch ?? 'b1',
      ]),
    );
    await w.writeQuery('SELECT * FROM fb');
  });
  return snapshot.id;
}

/** An alternative dataset in alt-data's catalog (as alt-data registers it), licensed or public. */
export async function registerAltDataset(
  db: Db,
  options: { name: string; vendor: string; licensed: boolean },
): Promise<void> {
  const licence = options.licensed ? 'commercial' : 'public';
  await seedAltCatalogEntry(db, {
    name: options.name,
    vendor: options.vendor,
    licence,
    licensed: options.licensed,
    description: 'fixture dataset',
    entityKind: 'instrument',
  });
}

/** A features subgraph on a fresh database and lake, queried through its schema (directives enforced). */
export async function startFeaturesHarness(kind: DatabaseKind, options: { limits?: Partial<FeaturesLimits> } = {}) {
  const runtime: TestRuntime = await createTestRuntime(kind);
  const service = await createFeatures(runtime, options);
  const run = async (
    query: string,
    variables: Record<string, unknown> = {},
    roles: Role[] = ['researcher'],
    user = 'rex',
  ) => {
    const result = await executeSubgraph({
      name: 'features',
      resolvers: service.resolvers,
      context: await service.context(scopeFor(roles, user)),
      query,
      variables,
      decidePolicy: service.decidePolicy,
    });
    // Tests read the answer's shape as the query wrote it.
    // biome-ignore lint/suspicious/noExplicitAny: GraphQL data is checked by the assertions that read it.
    return result as { data?: any; errors?: readonly { message: string; extensions?: Record<string, unknown> }[] };
  };
  return {
    runtime,
    service,
    run,
    deps: { db: runtime.handle.db, lake: runtime.lake },
    dispose: () => runtime.dispose(),
  };
}
export type FeaturesHarness = Awaited<ReturnType<typeof startFeaturesHarness>>;

export const CREATE = `mutation($i: CreateTrainingSetInput!) { createTrainingSet(input: $i) {
  ok error { code message }
  trainingSet { id status rowCount builds columns { name type kind source } inputs { lakeDataset snapshotId role } labelsAsOf
    split { validationStart testStart embargoSeconds } } } }`;

export const ROWS = `query($id: ID!, $first: Int, $after: String, $split: TrainingSplit) { trainingSet(id: $id) {
  rows(first: $first, after: $after, split: $split) { edges { cursor node { rowNumber entity t split values } } hasNextPage endCursor } } }`;

/** A row of the GraphQL preview. */
export interface PreviewRow {
  readonly rowNumber: number;
  readonly entity: string;
  readonly t: string;
  readonly split: string | null;
  readonly values: Record<string, number | string | null>;
}

/** Creates a training set through GraphQL and returns every row's values (fails the test on error). */
export async function createAndRead(h: FeaturesHarness, input: Record<string, unknown>) {
  const created = await h.run(CREATE, { i: input });
  if (created.errors || !created.data.createTrainingSet.ok) {
    throw new Error(
      `createTrainingSet failed: ${JSON.stringify(created.errors ?? created.data.createTrainingSet.error)}`,
    );
  }
  const ts = created.data.createTrainingSet.trainingSet;
  const rows = await h.run(ROWS, { id: ts.id, first: 1000 });
  if (rows.errors) throw new Error(JSON.stringify(rows.errors));
  const edges: { node: PreviewRow }[] = rows.data.trainingSet.rows.edges;
  return { ts, rows: edges.map((e) => e.node) };
}
