import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// sha256 of each source file as recorded in the shared data's SOURCES.md when it was collected;
// each shipped .gz must decompress to exactly those bytes.
const SOURCES: Record<string, string> = {
  'stocknet_prices.csv.gz': 'b845628a35425a2c4ac47b5beeee769fd3bb4c2d20325959bdfc71d11fae0b5a',
  'GOOG.csv.gz': '60e961a567490b157f71888df9e6afb36190a34a40a6286aa38988e2343f1b1a',
  'EURUSD.csv.gz': '81e977905a006cc8fbc034ebdb83c999a8ed6ba00191dc7ea5ef5b386fb74a82',
  'btc_usd_hourly_2024.csv.gz': '44495fc4e88d203776cbc0ebec531e1d1c7242b881999022c55bd3781965d398',
  'vix_daily.csv.gz': 'fa8f8119bb2fa785bb408bcae541a1e630fef97f3acb160b94ed3115c1318db5',
  'oil_wti_daily.csv.gz': 'e296634680fca6c045838d4c07a174383386efa8b657adb7ece4cc7464ef49a8',
};

const demo = (name: string) => fileURLToPath(new URL(`../../../../data/demo/${name}`, import.meta.url));

describe('gzip copies in data/demo', () => {
  for (const [name, sha] of Object.entries(SOURCES)) {
    it(`${name} decompresses to the source bytes`, () => {
      const bytes = gunzipSync(readFileSync(demo(name)));
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(sha);
    });
  }

  it('are each described in SOURCES.md', () => {
    const sources = readFileSync(demo('SOURCES.md'), 'utf8');
    for (const [name, sha] of Object.entries(SOURCES)) {
      expect(sources).toContain(name);
      expect(sources).toContain(sha);
    }
    for (const derived of ['stocknet_tweets_sentiment.csv.gz', 'stocknet_corporate_actions.csv']) {
      expect(sources).toContain(derived);
    }
  });
});
