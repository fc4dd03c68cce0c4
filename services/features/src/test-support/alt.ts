import type { Db } from '@alphagraph/db';
import type { Lake } from '@alphagraph/lake';
import { type AltDatasetFixture, registerAltDataset } from './fixtures.ts';

export const TWEETS: AltDatasetFixture = {
  name: 'stocknet_tweets',
  vendor: 'StockNet',
  licensed: true,
  entityKind: 'instrument',
  latencySeconds: 60,
  fields: [
    { name: 'sentiment', type: 'float' },
    { name: 'tokens', type: 'int' },
  ],
};

export const VIX: AltDatasetFixture = {
  name: 'cboe_vix_daily',
  vendor: 'CBOE',
  licensed: false,
  entityKind: 'market',
  latencySeconds: 0,
  fields: [
    { name: 'open', type: 'float' },
    { name: 'high', type: 'float' },
    { name: 'low', type: 'float' },
    { name: 'close', type: 'float' },
  ],
};

/** Registers the demo's tweets and VIX datasets the way alt-data does (catalog rows, lake datasets). */
export async function registerDemoAltDatasets(db: Db, lake: Lake): Promise<void> {
  await registerAltDataset(db, lake, TWEETS);
  await registerAltDataset(db, lake, VIX);
}
