import type { Db } from '@alphagraph/db';
import { altDatasets, vendors } from '@alphagraph/db/schema/alt';
import { featureInputs, features, trainingSets } from '@alphagraph/db/schema/features';
import { instruments } from '@alphagraph/db/schema/market';
import { type MODEL_STAGES, models, modelVersions } from '@alphagraph/db/schema/models';
import type { Lake, StagedValue } from '@alphagraph/lake';
import { trainingSetDataset } from './features.ts';

/**
 * An entry in alt-data's catalog, written as alt-data registers one: for the tests of services
 * that read the catalog through `readAltCatalog` and may not write alt-data's tables themselves.
 */
export async function seedAltCatalogEntry(
  db: Db,
  entry: {
    readonly name: string;
    readonly vendor: string;
    /** The vendor's and the dataset's licence text. */
    readonly licence: string;
    readonly licensed: boolean;
    readonly description: string;
    readonly entityKind: 'instrument' | 'market';
    readonly latencySeconds?: number;
    readonly fields?: readonly { name: string; type: 'float' | 'int' }[];
  },
): Promise<void> {
  const [vendor] = await db
    .insert(vendors)
    .values({ name: entry.vendor, licence: entry.licence })
    .onConflictDoUpdate({ target: vendors.name, set: { licence: entry.licence } })
    .returning();
  await db
    .insert(altDatasets)
    .values({
      vendorId: vendor!.id,
      name: entry.name,
      description: entry.description,
      licence: entry.licence,
      licensed: entry.licensed,
      entityKind: entry.entityKind,
      ...(entry.latencySeconds === undefined ? {} : { latencySeconds: entry.latencySeconds }),
      ...(entry.fields === undefined ? {} : { fields: entry.fields.map((f) => ({ ...f, description: f.name })) }),
    })
    .onConflictDoNothing();
}

/** A row of a seeded training set: entity, t, split, feature values (in order), label value. */
export interface SeededTrainingRow {
  readonly entity: string;
  readonly t: Date;
  readonly split: 'train' | 'validation' | 'test' | 'embargo';
  readonly features: readonly (number | null)[];
  readonly label: number | null;
}

/**
 * A built training set, written as features publishes one (the training_sets row with its
 * resolution, feature versions with their lineage, and the lake dataset of its build): for the
 * tests of services that read training sets through `readTrainingSets` and may not build them.
 * Features are registered as `<name>@1` reading `lineage` (default `bars`); the label is a
 * forward return over `horizon` bars named `label`.
 */
export async function seedTrainingSet(
  deps: { readonly db: Db; readonly lake: Lake },
  spec: {
    readonly name: string;
    readonly createdBy: string;
    readonly features: readonly string[];
    readonly label: string;
    readonly horizon: number;
    readonly rows: readonly SeededTrainingRow[];
    readonly lineage?: readonly string[];
    readonly split?: { validationStart: string; testStart: string; embargoSeconds: number };
  },
): Promise<{ id: string; lakeDataset: string; snapshotId: number }> {
  const { db, lake } = deps;
  const resolved: { ref: string; featureId: string; column: string }[] = [];
  for (const name of spec.features) {
    const [row] = await db
      .insert(features)
      .values({
        name,
        version: 1,
        owner: 'test',
        description: `test feature ${name}`,
        entity: 'instrument',
        expression: '$close',
        ttlSeconds: 86_400 * 5,
      })
      .onConflictDoUpdate({ target: [features.name, features.version], set: { owner: 'test' } })
      .returning();
    for (const dataset of spec.lineage ?? ['bars']) {
      await db.insert(featureInputs).values({ featureId: row!.id, dataset }).onConflictDoNothing();
    }
    resolved.push({ ref: `${name}@1`, featureId: row!.id, column: `${name}__v1` });
  }
  const labelColumn = `label_${spec.label}`;
  const columns = [
    { name: 'row_no', type: 'BIGINT', kind: 'key', source: null },
    { name: 'entity', type: 'VARCHAR', kind: 'key', source: null },
    { name: 't', type: 'TIMESTAMPTZ', kind: 'key', source: null },
    { name: 'split', type: 'VARCHAR', kind: 'split', source: null },
    ...resolved.map((f) => ({ name: f.column, type: 'DOUBLE', kind: 'feature', source: f.ref })),
    { name: labelColumn, type: 'DOUBLE', kind: 'label', source: spec.label },
  ] as const;
  const lakeDataset = `ts_${spec.name}`.slice(0, 60);
  await lake.registerDataset(trainingSetDataset(lakeDataset, columns));
  const width = 4 + resolved.length + 1;
  const snapshot = await lake.commit(lakeDataset, { mode: 'overwrite' }, async (w) => {
    await w.session.run(
      `CREATE OR REPLACE TEMP TABLE seeded (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`,
    );
    await w.session.append(
      'seeded',
      spec.rows.map((r, i): StagedValue[] => {
        const values: StagedValue[] = [BigInt(i), r.entity, r.t, r.split, ...r.features, r.label];
        if (values.length !== width) throw new Error(`seeded row ${i} has ${values.length} values, not ${width}`);
        return values;
      }),
    );
    await w.writeQuery('SELECT * FROM seeded ORDER BY row_no');
  });
  const [ts] = await db
    .insert(trainingSets)
    .values({
      name: spec.name,
      createdBy: spec.createdBy,
      spec: { seeded: true },
      resolution: {
        features: resolved.map((f) => ({
          ...f,
          lakeDataset: 'fv_seeded',
          snapshotId: 1,
          viewColumn: f.column,
          ttlSeconds: 0,
        })),
        labels: [{ kind: 'forward_return', name: spec.label, horizon: spec.horizon }],
        bars: null,
        spine: { kind: 'stored', lakeDataset, snapshotId: snapshot.id },
        split: spec.split ?? null,
        columns,
      },
      status: 'ready',
      lakeDataset,
      snapshotId: snapshot.id,
      rowCount: spec.rows.length,
      builds: 1,
      builtAt: new Date(),
    })
    .returning();
  return { id: ts!.id, lakeDataset, snapshotId: snapshot.id };
}

/**
 * A trained model version, written as models records one (the model and its version row): for
 * the tests of services that read versions through `readModelVersions` and may not train them.
 */
export async function seedModelVersion(
  db: Db,
  spec: {
    readonly model: string;
    readonly task?: 'classification' | 'regression';
    readonly number: number;
    readonly stage?: (typeof MODEL_STAGES)[number];
    readonly trainingSetId: string;
    readonly algorithm?: string;
    readonly hyperparameters?: Record<string, unknown>;
    readonly seed?: number;
    /** Feature columns of the training set, `name__v1` for a seeded feature `name`. */
    readonly features: readonly string[];
    readonly label: string;
    readonly createdBy?: string;
  },
): Promise<void> {
  const [model] = await db
    .insert(models)
    .values({
      name: spec.model,
      description: `test model ${spec.model}`,
      task: spec.task ?? 'regression',
      owner: spec.createdBy ?? 'test',
    })
    .onConflictDoUpdate({ target: models.name, set: { owner: spec.createdBy ?? 'test' } })
    .returning();
  await db.insert(modelVersions).values({
    modelId: model!.id,
    number: spec.number,
    source: 'platform',
    trainingSetId: spec.trainingSetId,
    algorithm: spec.algorithm ?? 'linear_regression',
    tier: 'LOW',
    hyperparameters: spec.hyperparameters ?? {},
    seed: spec.seed ?? 1,
    crossValidation: {},
    features: spec.features.map((column) => ({ ref: `${column.replace(/__v(\d+)$/, '@$1')}`, column })),
    label: spec.label,
    status: 'ready',
    stage: spec.stage ?? 'registered',
    createdBy: spec.createdBy ?? 'test',
    finishedAt: new Date(),
    progress: 1,
  });
}

/**
 * Instruments in market-data's registry, as ingestion registers them: for the tests of services
 * that resolve symbols through `resolveSymbols` and may not write market-data's tables themselves.
 * Symbols already registered are left as they are.
 */
export async function seedInstruments(db: Db, symbols: readonly string[]): Promise<void> {
  if (symbols.length === 0) return;
  await db
    .insert(instruments)
    .values(
      symbols.map((symbol) => ({
        symbol,
        name: symbol,
        exchange: 'XNYS',
        assetClass: 'equity' as const,
        currency: 'USD',
        timezone: 'America/New_York',
        calendar: 'XNYS',
      })),
    )
    .onConflictDoNothing({ target: instruments.symbol });
}
