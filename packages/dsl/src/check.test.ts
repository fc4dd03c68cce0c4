import { describe, expect, it } from 'vitest';
import { type CheckOptions, checkExpression, DslError, type ExpressionMode, parseExpression } from './index.ts';

const fields: CheckOptions['fields'] = {
  open: { dataset: 'market' },
  high: { dataset: 'market' },
  low: { dataset: 'market' },
  close: { dataset: 'market' },
  volume: { dataset: 'market' },
  'tweets.sentiment_mean': { dataset: 'tweets' },
  'tweets.count': { dataset: 'tweets' },
  'vix.close': { dataset: 'vix' },
};

const check = (source: string, mode: ExpressionMode = 'feature') =>
  checkExpression(parseExpression(source), { fields, mode });

function failure(source: string, mode: ExpressionMode = 'feature'): DslError {
  try {
    check(source, mode);
  } catch (error) {
    if (error instanceof DslError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to fail its checks`);
}

describe('checkExpression', () => {
  it('points at the offending window', () => {
    const error = failure('Mean($close, -3)');
    expect(error.code).toBe('ARGUMENT');
    expect(error.message).toBe('Mean expects a positive integer window, got -3 at 1:14');
    expect(error.position).toEqual({ line: 1, column: 14, offset: 13 });
  });

  it.each([
    ['Mean($close, 0)', 'Mean expects a positive integer window, got 0 at 1:14'],
    ['Std($close, 2.5)', 'Std expects a positive integer window, got 2.5 at 1:13'],
    ['Max($high, $low)', 'Max expects a positive integer window, got $low at 1:12'],
    ['Sum($close, 2 + 3)', 'Sum expects a positive integer window, got an expression at 1:13'],
    ['Min($low, 2000000)', 'Min expects a window of at most 1000000, got 2000000 at 1:11'],
    ['Skew($close, 2)', 'Skew expects a window of at least 3, got 2 at 1:14'],
    ['Kurt($close, 3)', 'Kurt expects a window of at least 4, got 3 at 1:14'],
    ['Corr($close, $volume, -1)', 'Corr expects a positive integer window, got -1 at 1:23'],
    [
      'Quantile($close, 5, 1.2)',
      'Quantile expects a quantile strictly between 0 and 1 (use Min or Max for 0 or 1), got 1.2 at 1:21',
    ],
    [
      'Quantile($close, 5, 0)',
      'Quantile expects a quantile strictly between 0 and 1 (use Min or Max for 0 or 1), got 0 at 1:21',
    ],
    ['Power($close, $open)', 'Power expects a numeric literal exponent, got $open at 1:15'],
    [
      'EMA($close, 0)',
      'EMA expects a positive integer span or a smoothing factor strictly between 0 and 1, got 0 at 1:13',
    ],
    [
      'EMA($close, 2.5)',
      'EMA expects a positive integer span or a smoothing factor strictly between 0 and 1, got 2.5 at 1:13',
    ],
    ['Ref($close, 0)', 'Ref expects a non-zero integer offset (Ref(x, 0) would just be x), got 0 at 1:13'],
    ['Ref($close, 1.5)', 'Ref expects a non-zero integer offset (Ref(x, 0) would just be x), got 1.5 at 1:13'],
  ])('rejects a bad literal: %s', (source, message) => {
    expect(failure(source).message).toBe(message);
  });

  it.each([
    ['Mean($close)', 'Mean expects 2 arguments (series, window), got 1 at 1:1'],
    ['Abs($close, 1)', 'Abs expects 1 argument (series), got 2 at 1:1'],
    ['Corr($close, 5)', 'Corr expects 3 arguments (series, other series, window), got 2 at 1:1'],
    ['1 + If($close > 1, 1)', 'If expects 3 arguments (condition, then, else), got 2 at 1:5'],
  ])('checks arity: %s', (source, message) => {
    const error = failure(source);
    expect(error.code).toBe('ARITY');
    expect(error.message).toBe(message);
  });

  it.each([
    ['Mean(5, $close)', 'ARGUMENT', 'Mean expects a series as its first argument, got a constant at 1:6'],
    ['Corr($close, 1, 5)', 'ARGUMENT', 'Corr expects a series as its second argument, got a constant at 1:14'],
    ['If($close, 1, 0)', 'TYPE', 'If expects a condition (a comparison, & or |) as its first argument at 1:4'],
    [
      '$close & ($open > 1)',
      'TYPE',
      '& expects a condition on each side (a comparison, & or |), e.g. ($close > $open) & ($volume > 0) at 1:1',
    ],
    ['1 + 2 * 3', 'ARGUMENT', 'the expression reads no field: a feature needs at least one $field at 1:1'],
    [
      '$foo',
      'UNKNOWN_FIELD',
      'unknown field $foo: market fields are $open $high $low $close $volume $vwap, alternative data is $dataset.field at 1:1',
    ],
    [
      '$closee - $open',
      'UNKNOWN_FIELD',
      'unknown field $closee (did you mean $close?): market fields are $open $high $low $close $volume $vwap, alternative data is $dataset.field at 1:1',
    ],
    ['$close / $vwap', 'UNKNOWN_FIELD', 'unknown field $vwap: no dataset provides it at 1:10'],
    [
      'Mean($tweets.cont, 3)',
      'UNKNOWN_FIELD',
      'unknown field $tweets.cont (did you mean $tweets.count?): no dataset provides it at 1:6',
    ],
    ['Mean($tweets.likes, 3)', 'UNKNOWN_FIELD', 'unknown field $tweets.likes: no dataset provides it at 1:6'],
    ['$__proto__.x + $close', 'UNKNOWN_FIELD', 'unknown field $__proto__.x: no dataset provides it at 1:1'],
  ])('checks kinds and fields: %s', (source, code, message) => {
    const error = failure(source);
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });

  it('rejects a look into the future in a feature and accepts it in a label', () => {
    const error = failure('$close / Ref($close, -1) - 1');
    expect(error.code).toBe('LOOKAHEAD');
    expect(error.message).toBe('Ref with a negative offset (-1) reads the future; only labels may do that at 1:22');
    expect(failure('Mean(Ref($close, -5), 5)').code).toBe('LOOKAHEAD');

    const label = check('Ref($close, -5) / Ref($close, -1) - 1', 'label');
    expect(label).toMatchObject({ lookahead: 5, lookback: 0, datasets: ['market'] });
    expect(check('Mean(Ref($close, -2), 3)', 'label')).toMatchObject({ lookahead: 2, lookback: 2 });
  });

  it('reports lineage: the fields and datasets read', () => {
    const checked = check('Corr($close, $tweets.sentiment_mean, 20) + $vix.close + Log($tweets.count + 1)');
    expect(checked.fields).toEqual(['close', 'tweets.count', 'tweets.sentiment_mean', 'vix.close']);
    expect(checked.datasets).toEqual(['market', 'tweets', 'vix']);
    expect(checked.type).toBe('number');
    expect(check('($close > $open) & ($volume > 0)').type).toBe('condition');
    expect(
      checkExpression(parseExpression('$close'), { fields: new Map([['close', { dataset: 'bars' }]]) }).datasets,
    ).toEqual(['bars']);
  });

  it('reports the warm-up history an expression needs', () => {
    expect(check('$close').lookback).toBe(0);
    expect(check('Mean($close, 5)').lookback).toBe(4);
    expect(check('Mean(Ref($close, 5), 10)').lookback).toBe(14);
    expect(check('Delta($close, 3)').lookback).toBe(3);
    expect(check('Corr($close / Ref($close, 1), $volume, 60)').lookback).toBe(60);
    expect(check('Mean(Std($close, 5), 10) + Ref($open, 30)').lookback).toBe(30);
    // EMA(span 3): alpha 0.5, 54 rows keep all but 0.5^54 < 1e-16 of the weight.
    expect(check('EMA($close, 3)').lookback).toBe(53);
    expect(check('EMA($close, 1)').lookback).toBe(0);
  });

  it('allows cross-sectional operators at any depth and conditions as 0/1 series', () => {
    expect(check('CSRank(Mean($close, 5))').lookback).toBe(4);
    expect(check('Mean(CSZScore($close / Ref($close, 1)), 5)').lookback).toBe(5);
    expect(check('CSRank(CSZScore($volume))').datasets).toEqual(['market']);
    expect(check('Mean($close > Ref($close, 1), 5)').type).toBe('number');
    expect(check('If(($close > $open) | ($volume == 0), Greater($close, 1), Less($open, -1))').type).toBe('number');
  });
});
