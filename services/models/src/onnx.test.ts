import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findRepoRoot } from '@alphagraph/config';
import { seedTrainingSet } from '@alphagraph/datasets/testing';
import { modelVersions } from '@alphagraph/db/schema/models';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ModelsHarness, rng, startModelsHarness } from './test-support/harness.ts';

const fixtures = join(findRepoRoot(), 'packages', 'ml', 'src', 'onnx', 'fixtures');
const onnx = (name: string) => readFileSync(join(fixtures, name)).toString('base64');
// The logistic fixture's parameters (make_onnx.py): P(y=1) = sigmoid(x · W + B), computed here independently.
const W = [0.5, -1.25, 2.0, 0.75];
const B = 0.1;
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

const REGISTER_EXTERNAL = `mutation($input: RegisterExternalVersionInput!) { registerExternalVersion(input: $input) { id number source algorithm tier status } }`;

describe.each(testDatabaseKinds())('models trained elsewhere (ONNX) on %s', (kind) => {
  let h: ModelsHarness;
  let ts: { id: string; lakeDataset: string; snapshotId: number };
  const features = ['f_a', 'f_b', 'f_c', 'f_d'];

  beforeAll(async () => {
    h = await startModelsHarness(kind);
    const random = rng(11);
    const rows = [];
    for (let d = 0; d < 60; d++) {
      const t = new Date(Date.UTC(2017, 0, 3 + d, 21));
      for (let e = 0; e < 5; e++) {
        const x = features.map(() => random() * 2 - 1);
        const z = x.reduce((a, v, j) => a + v * W[j]!, B);
        rows.push({
          entity: `E${e}`,
          t,
          split: (d < 40 ? 'train' : d < 48 ? 'validation' : 'test') as 'train' | 'validation' | 'test',
          features: x,
          label: z + (random() - 0.5) * 0.5 > 0 ? 0.01 : -0.01,
        });
      }
    }
    ts = await seedTrainingSet(
      { db: h.runtime.handle.db, lake: h.runtime.lake },
      { name: 'onnx_set', createdBy: 'alice', features, label: 'fwd_1', horizon: 1, rows },
    );
    await h.ok(
      `mutation($input: RegisterModelInput!) { registerModel(input: $input) { id } }`,
      {
        input: {
          name: 'ext',
          task: 'CLASSIFICATION',
          description: 'A logistic model trained in Python',
          owner: 'alpha-team',
          universe: [],
          label: 'fwd_1',
          problem: {
            objective: 'ALPHA',
            statement: 'Direction of the next session, trained outside the platform.',
            successCriteria: [{ metric: 'roc_auc', op: 'GTE', threshold: 0.6 }],
          },
        },
      },
      ['researcher'],
      'alice',
    );
  });
  afterAll(async () => {
    await h?.dispose();
  });

  const versions = async () =>
    Number((await h.runtime.handle.db.select({ n: sql<number>`count(*)` }).from(modelVersions))[0]!.n);

  it('refuses a file that is not ONNX, a width that does not match, or unknown features, storing nothing', async () => {
    const base = {
      model: 'ext',
      trainingSet: ts.id,
      features: features.map((f) => `${f}@1`),
      framework: 'numpy + onnx.helper',
    };
    const notOnnx = await h.exec(REGISTER_EXTERNAL, { input: { ...base, onnxBase64: onnx('not_onnx.onnx') } });
    expect(notOnnx.errors?.[0]?.message).toMatch(/^the ONNX file was refused: /);
    expect(notOnnx.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const width = await h.exec(REGISTER_EXTERNAL, { input: { ...base, onnxBase64: onnx('bad_width.onnx') } });
    expect(width.errors?.[0]?.message).toMatch(/the ONNX file was refused: .*3.*4|4.*3/);
    const zipmap = await h.exec(REGISTER_EXTERNAL, { input: { ...base, onnxBase64: onnx('zipmap_classifier.onnx') } });
    expect(zipmap.errors?.[0]?.message).toMatch(/zipmap/i);
    const unknown = await h.exec(REGISTER_EXTERNAL, {
      input: { ...base, features: ['nope@1'], onnxBase64: onnx('logistic_classifier.onnx') },
    });
    expect(unknown.errors?.[0]?.message).toMatch(/has no feature nope@1/);
    expect(await versions()).toBe(0);
  });

  it('scores an uploaded model in the platform: metrics, and predictions equal to an independent computation', async () => {
    const data = await h.ok(REGISTER_EXTERNAL, {
      input: {
        model: 'ext',
        trainingSet: ts.id,
        features: features.map((f) => `${f}@1`),
        framework: 'numpy + onnx.helper',
        onnxBase64: onnx('logistic_classifier.onnx'),
      },
    });
    expect(data.registerExternalVersion).toMatchObject({
      number: 1,
      source: 'EXTERNAL',
      algorithm: 'onnx',
      tier: 'VERY_HIGH',
      status: 'QUEUED',
    });
    await h.service.versions.worker.idle();
    const v = (
      await h.ok(
        `query($id: ID!) { modelVersion(id: $id) { status error artifact { format sha256 } metrics { rows rocAuc } criteria { metric met } importances { feature kind } } }`,
        { id: data.registerExternalVersion.id },
        ['validator'],
      )
    ).modelVersion;
    expect(v.status).toBe('READY');
    expect(v.artifact.format).toBe('onnx');
    expect(v.metrics.rows).toBe(60);
    expect(v.metrics.rocAuc).toBeGreaterThan(0.8);
    expect(v.criteria).toEqual([{ metric: 'roc_auc', met: true }]);
    expect(v.importances.every((i: { kind: string }) => i.kind === 'permutation')).toBe(true);

    const batch = (
      await h.ok(
        `mutation($v: ID!, $ts: ID!) { scoreVersion(version: $v, trainingSet: $ts) { lakeDataset snapshotId rows } }`,
        {
          v: data.registerExternalVersion.id,
          ts: ts.id,
        },
      )
    ).scoreVersion;
    expect(batch.rows).toBe(300);
    const scored = await h.runtime.lake.query<{ entity: string; t: Date; probability: number }>(
      `SELECT entity, t, probability FROM ${h.runtime.lake.scan(await h.runtime.lake.snapshot(batch.lakeDataset, batch.snapshotId))}`,
    );
    const inputs = await h.runtime.lake.query<Record<string, unknown>>(
      `SELECT entity, t, ${features.map((f) => `${f}__v1`).join(', ')} FROM ${h.runtime.lake.scan(await h.runtime.lake.snapshot(ts.lakeDataset, ts.snapshotId))}`,
    );
    const expected = new Map(
      inputs.map((r) => [
        `${r.entity}|${(r.t as Date).toISOString()}`,
        sigmoid(features.reduce((a, f, j) => a + Math.fround(Number(r[`${f}__v1`])) * W[j]!, B)),
      ]),
    );
    expect(scored).toHaveLength(300);
    let worst = 0;
    for (const r of scored) {
      const want = expected.get(`${r.entity}|${new Date(r.t).toISOString()}`)!;
      worst = Math.max(worst, Math.abs(r.probability - want));
    }
    // float32 arithmetic inside the model against float64 here.
    expect(worst).toBeLessThan(1e-6);
  });
});
