import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Matrix } from '../eval/index.ts';
import { OnnxModelError } from './errors.ts';
import { createOnnxScorer, inspectOnnx } from './scorer.ts';

const model = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
const expected = JSON.parse(readFileSync(new URL('./fixtures/expected.json', import.meta.url), 'utf8')) as {
  features: string[];
  X: number[][];
  regression: number[];
  probability: number[];
};
const features = expected.features;
const X: Matrix = { rows: expected.X.length, cols: features.length, data: Float64Array.from(expected.X.flat()) };

/** float32 models: numpy's float64 reference agrees to float32 precision. */
function expectAllClose(actual: Float64Array | undefined, reference: number[], rel: number): void {
  expect(actual?.length).toBe(reference.length);
  reference.forEach((r, i) => {
    expect(Math.abs((actual?.[i] as number) - r), `row ${i}: ${actual?.[i]} vs ${r}`).toBeLessThanOrEqual(
      rel * Math.max(1, Math.abs(r)),
    );
  });
}

async function rejection(promise: Promise<unknown>): Promise<OnnxModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(OnnxModelError);
  return error as OnnxModelError;
}

describe('inspectOnnx', () => {
  it('accepts a linear regression with one float input [N, 4] and an [N, 1] output', async () => {
    const d = await inspectOnnx(model('linear_regression.onnx'), { features, task: 'regression' });
    expect(d).toMatchObject({ mode: 'single-tensor', output: 'variable', outputKind: 'value' });
    expect(d.inputs).toEqual([{ name: 'float_input', isTensor: true, type: 'float32', shape: ['N', 4] }]);
  });

  it('reads the probabilities [N, 2] of a classifier and ignores its int64 label', async () => {
    const d = await inspectOnnx(model('logistic_classifier.onnx'), { features, task: 'classification' });
    expect(d).toMatchObject({ mode: 'single-tensor', output: 'probabilities', outputKind: 'probability-two-columns' });
    expect(d.outputs.map((o) => [o.name, o.type])).toEqual([
      ['label', 'int64'],
      ['probabilities', 'float32'],
    ]);
  });

  it('accepts a single probability-of-class-1 output [N, 1]', async () => {
    const d = await inspectOnnx(model('logistic_single_output.onnx'), { features, task: 'classification' });
    expect(d).toMatchObject({ output: 'p_up', outputKind: 'probability-of-class-1' });
  });

  it('accepts one [N, 1] input per feature, named as the features in any order', async () => {
    const d = await inspectOnnx(model('per_feature_inputs.onnx'), { features, task: 'regression' });
    expect(d).toMatchObject({ mode: 'per-feature', output: 'prediction', outputKind: 'value' });
    expect(d.inputs.map((i) => i.name)).toEqual(['vol_20d', 'ret_1d', 'volume_z', 'ret_5d']);
  });

  it('refuses an input of width 3 for 4 features', async () => {
    const e = await rejection(inspectOnnx(model('bad_width.onnx'), { features, task: 'regression' }));
    expect(e.code).toBe('INPUT_WIDTH');
    expect(e.message).toBe(
      "model input 'float_input' has width 3 but the model is registered with 4 features (ret_1d, ret_5d, vol_20d, volume_z)",
    );
  });

  it('refuses per-feature inputs whose names are not the features', async () => {
    const renamed = ['ret_1d', 'ret_5d', 'vol_20d', 'volume'];
    const e = await rejection(inspectOnnx(model('per_feature_inputs.onnx'), { features: renamed, task: 'regression' }));
    expect(e.code).toBe('INPUT_NAMES');
    expect(e.message).toContain('no input for: volume');
    expect(e.message).toContain('inputs that are not features: volume_z');
  });

  it('refuses a file that is not ONNX, and an empty one', async () => {
    const e = await rejection(inspectOnnx(model('not_onnx.onnx'), { features, task: 'regression' }));
    expect(e.code).toBe('NOT_ONNX');
    expect(e.message).toMatch(/^not an ONNX file/);
    expect((await rejection(inspectOnnx(new Uint8Array(0), { features, task: 'regression' }))).code).toBe('NOT_ONNX');
  });

  it('refuses a ZipMap output and says to export with zipmap=False', async () => {
    const e = await rejection(inspectOnnx(model('zipmap_classifier.onnx'), { features, task: 'classification' }));
    expect(e.code).toBe('OUTPUT_NOT_TENSOR');
    expect(e.message).toContain("'output_probability' is not a tensor");
    expect(e.message).toContain('zipmap=False');
  });

  it('refuses a three-class probability output for a binary classifier', async () => {
    const e = await rejection(inspectOnnx(model('three_class.onnx'), { features, task: 'classification' }));
    expect(e.code).toBe('OUTPUT_SHAPE');
    expect(e.message).toContain("classification output 'probabilities' has shape [N, 3]");
  });

  it('refuses a [N, 2] output as a regression value', async () => {
    const e = await rejection(inspectOnnx(model('logistic_classifier.onnx'), { features, task: 'regression' }));
    expect(e.code).toBe('OUTPUT_SHAPE');
    expect(e.message).toContain("regression output 'probabilities' has shape [N, 2]; expected [N] or [N, 1]");
  });

  it('refuses duplicate feature names', async () => {
    const e = await rejection(
      inspectOnnx(model('linear_regression.onnx'), { features: ['a', 'a', 'b', 'c'], task: 'regression' }),
    );
    expect(e.code).toBe('INVALID_FEATURES');
  });
});

describe('createOnnxScorer', () => {
  it('scores a float32 linear regression like numpy (to float32 precision)', async () => {
    const scorer = await createOnnxScorer(model('linear_regression.onnx'), { features, task: 'regression' });
    try {
      const s = await scorer.score(X);
      expectAllClose(s.prediction, expected.regression, 1e-6);
      expect(s.probability).toBeUndefined();
    } finally {
      await scorer.close();
    }
  });

  it('scores a float64 model like numpy (to 1e-12)', async () => {
    const scorer = await createOnnxScorer(model('linear_regression_double.onnx'), { features, task: 'regression' });
    const s = await scorer.score(X);
    expectAllClose(s.prediction, expected.regression, 1e-12);
    await scorer.close();
  });

  it('feeds per-feature inputs by name, whatever their declaration order', async () => {
    const scorer = await createOnnxScorer(model('per_feature_inputs.onnx'), { features, task: 'regression' });
    expectAllClose((await scorer.score(X)).prediction, expected.regression, 1e-6);
    await scorer.close();
  });

  it('reads P(y=1) from column 1 of [N, 2] probabilities and thresholds the label', async () => {
    const scorer = await createOnnxScorer(model('logistic_classifier.onnx'), { features, task: 'classification' });
    const s = await scorer.score(X);
    expectAllClose(s.probability, expected.probability, 1e-6);
    expect([...s.prediction]).toEqual(expected.probability.map((p) => (p >= 0.5 ? 1 : 0)));
    // The fixture has both classes, so the threshold is really exercised.
    expect(new Set(s.prediction).size).toBe(2);
    await scorer.close();
  });

  it('reads a single [N, 1] probability output and honours a custom threshold', async () => {
    const scorer = await createOnnxScorer(model('logistic_single_output.onnx'), {
      features,
      task: 'classification',
      threshold: 0.9,
    });
    const s = await scorer.score(X);
    expectAllClose(s.probability, expected.probability, 1e-6);
    expect([...s.prediction]).toEqual(expected.probability.map((p) => (p >= 0.9 ? 1 : 0)));
    await scorer.close();
  });

  it('refuses a regression output read as probabilities when it leaves [0, 1]', async () => {
    const scorer = await createOnnxScorer(model('linear_regression.onnx'), { features, task: 'classification' });
    const e = await rejection(scorer.score(X));
    expect(e.code).toBe('OUTPUT_NOT_PROBABILITY');
    await scorer.close();
  });

  it('checks the matrix width, scores zero rows without running, and refuses after close', async () => {
    const scorer = await createOnnxScorer(model('linear_regression.onnx'), { features, task: 'regression' });
    const narrow: Matrix = { rows: 1, cols: 3, data: new Float64Array(3) };
    expect((await rejection(scorer.score(narrow))).code).toBe('INVALID_MATRIX');
    expect((await scorer.score({ rows: 0, cols: 4, data: new Float64Array(0) })).prediction.length).toBe(0);
    await scorer.close();
    await scorer.close();
    expect((await rejection(scorer.score(X))).code).toBe('CLOSED');
  });

  it('refuses the same models as inspectOnnx', async () => {
    expect((await rejection(createOnnxScorer(model('bad_width.onnx'), { features, task: 'regression' }))).code).toBe(
      'INPUT_WIDTH',
    );
  });
});
