// `ingestFile({ before })`: the demo load's cutoff (DEMO_BARS_UNTIL), which `alphagraph replay` uses.
import { testDatabaseKinds } from '@alphagraph/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTOR, createIngestKit, type IngestKit } from './test-support.ts';

const FILE = [
  'date,open,high,low,close,volume,Name',
  '2016-03-14,10,11,9,10.5,1000,AAA',
  '2016-03-15,10.5,11.5,10,11,1200,AAA',
  '2016-03-14,20,21,19,20.5,500,BBB',
  '2016-03-16,20.5,21,20,20.8,600,BBB',
].join('\n');

describe.each(testDatabaseKinds())('ingesting a file before a cutoff on %s', (kind) => {
  let k: IngestKit;
  beforeAll(async () => {
    k = await createIngestKit(kind);
  });
  afterAll(async () => {
    await k?.dispose();
  });

  it('lands only the rows before the cutoff, and the whole file later is a new ingestion', async () => {
    const path = k.file('cut.csv', `${FILE}\n`);
    const cut = await k.ingest.ingestion.ingestFile({
      path,
      mapping: 'all_stocks_5yr',
      actor: ACTOR,
      before: new Date('2016-03-15T00:00:00Z'),
    });
    expect(cut).toMatchObject({ status: 'committed', rowsRead: 2, inserted: 2 });
    expect((await k.latestBars()).map((b) => `${b.symbol} ${b.time.slice(0, 10)}`)).toEqual([
      'AAA 2016-03-14',
      'BBB 2016-03-14',
    ]);
    // Not mistaken for the cut ingestion: the rest of the file lands.
    const whole = await k.ingest.ingestion.ingestFile({ path, mapping: 'all_stocks_5yr', actor: ACTOR });
    expect(whole).toMatchObject({ status: 'committed', rowsRead: 4, inserted: 2 });
    expect(await k.latestBars()).toHaveLength(4);
  });
});
