import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deriveTweetSentiment, scoreTweet, sentimentWords, tweetSentimentCsv } from './stocknet-tweets-sentiment.ts';

// Scores below are worked by hand from the AFINN-165 list: intelligent +2, good +3, win +4,
// big +1, loss -3; the other words of these examples are not in the list.

describe('sentimentWords', () => {
  it('drops mentions, links, cashtags, a leading rt and punctuation', () => {
    expect(sentimentWords('rt AT_USER summary of $ aapl $ wynn tradereducation - - URL')).toEqual([
      'summary',
      'of',
      'tradereducation',
    ]);
    expect(sentimentWords('$aapl and $ 100 , nice')).toEqual(['and', '100', 'nice']);
    // A ticker that is also a lexicon word is not scored: $ win is Windstream.
    expect(sentimentWords('$ win up today')).toEqual(['up', 'today']);
  });
});

describe('scoreTweet', () => {
  it('is the AFINN score per scored token', () => {
    const text = 'iphone users are more intelligent than samsung , blackberry and htc owners , $ aapl $ bbry , URL';
    expect(scoreTweet(text)).toEqual({ sentiment: 2 / 11, tokens: 11 });
    expect(scoreTweet('$ aapl good quarter , big loss for $ msft')).toEqual({ sentiment: (3 + 1 - 3) / 5, tokens: 5 });
  });

  it('flips a word after a negator', () => {
    expect(scoreTweet('not good')).toEqual({ sentiment: -3 / 2, tokens: 2 });
  });

  it('scores a tweet with no words as 0 over 0 tokens', () => {
    expect(scoreTweet('$ aapl URL')).toEqual({ sentiment: 0, tokens: 0 });
    expect(scoreTweet('')).toEqual({ sentiment: 0, tokens: 0 });
  });
});

describe('deriveTweetSentiment', () => {
  it('parses quoted fields with commas, quotes and line breaks, and writes no text or user', () => {
    const csv = [
      'ticker,date,created_at,user_id_str,text',
      'MSFT,2014-01-02,2014-01-02T10:00:00Z,42,"a win , for ""us""',
      'really good"',
      'AAPL,2014-01-01,2014-01-01T03:59:03Z,43,plain text',
    ].join('\n');
    const rows = deriveTweetSentiment(csv);
    expect(rows).toEqual([
      { ticker: 'AAPL', createdAt: '2014-01-01T03:59:03Z', sentiment: 0, tokens: 2 },
      { ticker: 'MSFT', createdAt: '2014-01-02T10:00:00Z', sentiment: 7 / 6, tokens: 6 },
    ]);
    expect(tweetSentimentCsv(rows)).toBe(
      'ticker,created_at,sentiment,tokens\nAAPL,2014-01-01T03:59:03Z,0,2\nMSFT,2014-01-02T10:00:00Z,1.166667,6\n',
    );
  });
});

const shipped = fileURLToPath(new URL('../../../../data/demo/stocknet_tweets_sentiment.csv.gz', import.meta.url));

describe('stocknet_tweets_sentiment.csv.gz', () => {
  it('has one row per source tweet and only the derived columns', () => {
    const lines = gunzipSync(readFileSync(shipped)).toString('utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('ticker,created_at,sentiment,tokens');
    const rows = lines.slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(106_338);
    expect(new Set(rows.map((r) => r[0])).size).toBe(87);
    const malformed = rows.filter(
      (r) =>
        r.length !== 4 ||
        !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(r[1]!) ||
        !Number.isFinite(Number(r[2])) ||
        !Number.isInteger(Number(r[3])),
    );
    expect(malformed).toEqual([]);
    expect(rows[0]).toEqual(['AAPL', '2013-12-31T23:10:08Z', '0', '8']);
  });
});
