/**
 * stocknet_tweets.csv → stocknet_tweets_sentiment.csv.gz: one row per tweet with its ticker, its
 * creation time and a lexicon sentiment score. Tweet text and user ids are read but never written.
 *
 *   npx tsx packages/cli/src/derive/stocknet-tweets-sentiment.ts \
 *     --from ../shared/data/stocknet_tweets.csv --to data/demo/stocknet_tweets_sentiment.csv.gz
 */
import { parse } from 'csv-parse/sync';
import Sentiment from 'sentiment';
import {
  csvRecord,
  DeriveError,
  decimal,
  parseDeriveArgs,
  readSource,
  report,
  runIfMain,
  writeOutput,
} from './common.ts';

export interface TweetSentiment {
  ticker: string;
  /** ISO-8601 UTC, as in the source. */
  createdAt: string;
  /** AFINN-165 score per scored token (the `sentiment` package's "comparative"); 0 without tokens. */
  sentiment: number;
  /** How many tokens were scored: the denominator of `sentiment`. */
  tokens: number;
}

export const TWEET_SENTIMENT_COLUMNS = ['ticker', 'created_at', 'sentiment', 'tokens'] as const;

const PLACEHOLDERS = new Set(['AT_USER', 'URL']);
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
const STARTS_WITH_LETTER = /^\p{L}/u;
const analyzer = new Sentiment();

/**
 * The words of a StockNet tweet that carry sentiment. The source is already lower-cased and split
 * on spaces. Dropped: the placeholders `AT_USER` (a mention) and `URL`; cashtags, written `$ aapl`
 * (or `$aapl`), because a ticker is not a word of opinion and some collide with lexicon words;
 * a leading `rt` (retweet marker); tokens without a letter or digit (punctuation). Dollar amounts
 * (`$ 100`) lose the `$` and keep the number.
 */
export function sentimentWords(text: string): string[] {
  const tokens = text.split(/\s+/).filter((t) => t !== '');
  const words: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (PLACEHOLDERS.has(token)) continue;
    if (i === 0 && token === 'rt') continue;
    if (token === '$') {
      if (STARTS_WITH_LETTER.test(tokens[i + 1] ?? '')) i++;
      continue;
    }
    if (token.startsWith('$') && STARTS_WITH_LETTER.test(token.slice(1))) continue;
    if (!HAS_WORD_CHARACTER.test(token)) continue;
    words.push(token);
  }
  return words;
}

/** Scores one tweet with AFINN-165 (negation-aware) through the `sentiment` package. */
export function scoreTweet(text: string): { sentiment: number; tokens: number } {
  const result = analyzer.analyze(sentimentWords(text).join(' '));
  // The package counts an empty input as one empty token; count only real ones.
  const tokens = result.tokens.filter((t) => t !== '').length;
  return { sentiment: tokens === 0 ? 0 : result.score / tokens, tokens };
}

interface TweetRecord {
  ticker: string;
  created_at: string;
  text: string;
}

/** Parses the source CSV (quoted fields may hold commas, quotes and line breaks) and scores each tweet. */
export function deriveTweetSentiment(csvText: string): TweetSentiment[] {
  const records = parse(csvText, { columns: true, skip_empty_lines: true, bom: true }) as TweetRecord[];
  const out = records.map((r, i) => {
    if (!r.ticker || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(r.created_at)) {
      throw new DeriveError(`record ${i + 1}: expected a ticker and an ISO-8601 UTC created_at`);
    }
    return { ticker: r.ticker, createdAt: r.created_at, ...scoreTweet(r.text ?? '') };
  });
  // Stable order for a reproducible file: by ticker, then time (ties keep source order).
  return out.sort((a, b) =>
    a.ticker === b.ticker ? a.createdAt.localeCompare(b.createdAt) : a.ticker.localeCompare(b.ticker),
  );
}

export function tweetSentimentCsv(rows: readonly TweetSentiment[]): string {
  const lines = [TWEET_SENTIMENT_COLUMNS.join(',')];
  for (const r of rows) lines.push(csvRecord([r.ticker, r.createdAt, decimal(r.sentiment, 6), r.tokens]));
  return `${lines.join('\n')}\n`;
}

runIfMain(import.meta.url, (argv) => {
  const { from, to } = parseDeriveArgs(argv, 'stocknet-tweets-sentiment.ts --from stocknet_tweets.csv --to out.csv.gz');
  const source = readSource(from);
  const rows = deriveTweetSentiment(source.text);
  const written = writeOutput(to, Buffer.from(tweetSentimentCsv(rows), 'utf8'));
  const scored = rows.filter((r) => r.tokens > 0);
  report({
    source: from,
    'source sha256': source.sha256,
    rows: rows.length,
    tickers: new Set(rows.map((r) => r.ticker)).size,
    'zero tokens': rows.length - scored.length,
    'non-zero score': rows.filter((r) => r.sentiment !== 0).length,
    written: written.path,
    bytes: written.bytes,
    sha256: written.sha256,
    'csv sha256': written.contentSha256,
  });
});
