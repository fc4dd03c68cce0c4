import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { quoteLiteral } from '@alphagraph/lake';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendViewRows,
  CREATE,
  createAndRead,
  createFixtureView,
  type FeaturesHarness,
  startFeaturesHarness,
} from './test-support.ts';

const DAY = 86_400;
/** Small enough that the test's spine files (about 500 bytes) pass and the large one does not. */
const MAX_BYTES = 4_096;

describe.each(testDatabaseKinds())('uploaded spines on %s', (kind) => {
  let h: FeaturesHarness;
  let refs: string[];
  let outside: string;
  let uploads: string;
  const writeSpine = (path: string, rows = 2) =>
    h.deps.lake.query(
      `COPY (SELECT 'L' AS entity, TIMESTAMP '2016-01-04 21:30:00' + INTERVAL (i) MINUTE AS t, 'padding ' || i AS note
             FROM range(${rows}) r(i)) TO ${quoteLiteral(path)} (FORMAT parquet, COMPRESSION uncompressed)`,
    );
  const create = (name: string, spine: Record<string, unknown>) =>
    h.run(CREATE, { i: { name, features: refs, spine } });

  beforeAll(async () => {
    h = await startFeaturesHarness(kind, { limits: { spineMaxBytes: MAX_BYTES } });
    const px = await createFixtureView(h.deps, { view: 'up', features: [{ name: 'up', ttlSeconds: 10 * DAY }] });
    refs = px.refs;
    await appendViewRows(h.deps, px.lakeDataset, [['L', '2016-01-04T00:00:00Z', '2016-01-04T21:00:00Z', [7]]]);
    uploads = join(h.deps.lake.root, '_uploads');
    mkdirSync(uploads, { recursive: true });
    outside = mkdtempSync(join(tmpdir(), 'ag-outside-lake-'));
  });
  afterAll(async () => {
    await h?.dispose();
    rmSync(outside, { recursive: true, force: true });
  });

  it('refuses a symlink in _uploads/ to a Parquet file outside the lake, as if it were missing', async () => {
    const secret = join(outside, 'secret.parquet');
    await writeSpine(secret);
    symlinkSync(secret, join(uploads, 'link.parquet'));
    const r = await create('via_link', { uploadedFile: 'link.parquet' });
    expect(r.errors).toBeUndefined();
    expect(r.data.createTrainingSet).toMatchObject({
      ok: false,
      trainingSet: null,
      error: {
        code: 'INVALID_SPEC',
        message:
          "no uploaded spine named link.parquet (files are read from the lake's _uploads/ directory; links out of it are not followed)",
      },
    });
    // A link to the uploads directory's parent, and a dangling link, fare the same.
    symlinkSync(join(uploads, '..'), join(uploads, 'up.parquet'));
    symlinkSync(join(outside, 'gone.parquet'), join(uploads, 'dangling.parquet'));
    for (const name of ['up.parquet', 'dangling.parquet']) {
      const again = await create(`via_${name.split('.')[0]}`, { uploadedFile: name });
      expect(again.data.createTrainingSet.error.message).toMatch(new RegExp(`^no uploaded spine named ${name}`));
    }
  });

  it('reads a regular uploaded file, and a link that stays inside _uploads/', async () => {
    await writeSpine(join(uploads, 'plain.parquet'));
    symlinkSync(join(uploads, 'plain.parquet'), join(uploads, 'alias.parquet'));
    for (const name of ['plain.parquet', 'alias.parquet']) {
      const { rows } = await createAndRead(h, {
        name: `ok_${name.split('.')[0]}`,
        features: refs,
        spine: { uploadedFile: name },
      });
      expect(rows.map((r) => [r.entity, r.t, r.values.up__v1])).toEqual([
        ['L', '2016-01-04T21:30:00.000000Z', 7],
        ['L', '2016-01-04T21:31:00.000000Z', 7],
      ]);
    }
  });

  it('refuses an uploaded file or a parquetBase64 spine larger than FEATURES_SPINE_MAX_BYTES, naming the limit', async () => {
    const big = join(uploads, 'big.parquet');
    await writeSpine(big, 2_000);
    const size = statSync(big).size;
    expect(size).toBeGreaterThan(MAX_BYTES);
    const uploaded = await create('too_big', { uploadedFile: 'big.parquet' });
    expect(uploaded.data.createTrainingSet.error).toEqual({
      code: 'INVALID_SPEC',
      message: `uploaded spine big.parquet is ${size.toLocaleString('en-US')} bytes, more than the limit of 4,096 (FEATURES_SPINE_MAX_BYTES)`,
    });
    const inline = await create('too_big_inline', { parquetBase64: readFileSync(big).toString('base64') });
    expect(inline.data.createTrainingSet.error.code).toBe('INVALID_SPEC');
    expect(inline.data.createTrainingSet.error.message).toMatch(
      /^spine\.parquetBase64 is [\d,]+ bytes, more than the limit of 4,096 \(FEATURES_SPINE_MAX_BYTES\)$/,
    );
  });
});
