import { describe, expect, it } from 'vitest';
import {
  ALPHA158,
  type CheckOptions,
  checkExpression,
  compileExpression,
  DslError,
  EMA_MAX_SPAN,
  EMA_MIN_ALPHA,
  EXPRESSION_BUDGET,
  parseExpression,
} from './index.ts';
import { emaTruncation } from './internal/ops/smoothing.ts';

const fields: CheckOptions['fields'] = {
  open: { dataset: 'bars' },
  close: { dataset: 'bars' },
  volume: { dataset: 'bars' },
  vwap: { dataset: 'bars' },
  high: { dataset: 'bars' },
  low: { dataset: 'bars' },
};
const check = (source: string) => checkExpression(parseExpression(source), { fields, mode: 'feature' });

function refusal(source: string): DslError {
  try {
    check(source);
  } catch (error) {
    if (error instanceof DslError) return error;
    throw error;
  }
  throw new Error(`expected ${source.slice(0, 60)} to be refused`);
}

const nested = (op: (inner: string) => string, depth: number, base = '$close') => {
  let e = base;
  for (let i = 0; i < depth; i++) e = op(e);
  return e;
};

describe('the complexity budget', () => {
  it('refuses Mean(..., 2) nested 99 deep (it would stall DuckDB planning) and names the limit', () => {
    const error = refusal(nested((x) => `Mean(${x}, 2)`, 99));
    expect(error.code).toBe('LIMIT');
    expect(error.message).toContain(`more than ${EXPRESSION_BUDGET.maxWindowDepth} window operators`);
  });

  it('accepts window operators stacked up to the budget and refuses one more', () => {
    expect(check(nested((x) => `Mean(${x}, 2)`, EXPRESSION_BUDGET.maxWindowDepth)).lookback).toBe(
      EXPRESSION_BUDGET.maxWindowDepth,
    );
    expect(refusal(nested((x) => `Mean(${x}, 2)`, EXPRESSION_BUDGET.maxWindowDepth + 1)).code).toBe('LIMIT');
    // IdxMax compiles to two stacked windows.
    expect(refusal(nested((x) => `IdxMax(${x}, 2)`, 7)).code).toBe('LIMIT');
  });

  it('refuses EMA($close, 1e-10): its truncated window would be 368,413,584,378 rows', () => {
    // Independent figure: ceil(ln(1e-16) / ln(1 - 1e-10)).
    expect(Math.ceil(Math.log(1e-16) / Math.log(1 - 1e-10))).toBe(368_413_584_378);
    const error = refusal('EMA($close, 1e-10)');
    expect(error.code).toBe('ARGUMENT');
    expect(error.message).toBe(
      `EMA expects a span of at most 54,286 or a smoothing factor of at least 0.0000369 (its weights must fall below 1e-16 within the complexity budget of 1,000,000 rows; this one needs 368,413,584,378 rows), got 1e-10 at 1:13`,
    );
  });

  it('refuses EMA($close, 1e-17): 1 - 1e-17 is 1 in doubles, the literal is outside the budget', () => {
    expect(1 - 1e-17).toBe(1);
    const error = refusal('EMA($close, 1e-17)');
    expect(error.code).toBe('LIMIT');
    expect(error.message).toBe(
      'number 1e-17 is outside the range of literals (0, or between 1e-15 and 1000000000000000 in magnitude) at 1:13',
    );
    expect(refusal('EMA($close, 1e-15)').message).toContain('this one needs 36,870,831,526,388,760 rows');
  });

  it('puts the EMA bounds exactly where the lookback budget ends', () => {
    expect(emaTruncation(EMA_MAX_SPAN).rows).toBeLessThanOrEqual(EXPRESSION_BUDGET.maxLookback);
    expect(emaTruncation(EMA_MAX_SPAN + 1).rows).toBeGreaterThan(EXPRESSION_BUDGET.maxLookback);
    expect(check(`EMA($close, ${EMA_MAX_SPAN})`).lookback).toBeLessThan(EXPRESSION_BUDGET.maxLookback);
    expect(check(`EMA($close, ${EMA_MIN_ALPHA})`).lookback).toBeLessThan(EXPRESSION_BUDGET.maxLookback);
    expect(refusal(`EMA($close, ${EMA_MAX_SPAN + 1})`).code).toBe('ARGUMENT');
    expect(refusal('EMA($close, 0.0000368)').code).toBe('ARGUMENT');
  });

  it('refuses a lookback summed through nesting past the budget, keeping lookback a 32-bit Int', () => {
    const error = refusal('Ref(Ref($close, 900000), 900000)');
    expect(error.code).toBe('LIMIT');
    expect(error.message).toBe(
      'expression reads 1,800,000 rows of history around a value, more than the complexity budget of 1,000,000 at 1:1',
    );
    expect(refusal('Mean($close, 1e12)').message).toBe(
      'Mean expects a window of at most 1000000, got 1000000000000 at 1:14',
    );
  });

  it.each([
    [
      '$close * 1e-17',
      'number 1e-17 is outside the range of literals (0, or between 1e-15 and 1000000000000000 in magnitude) at 1:10',
    ],
    [
      '$close + 1e300',
      'number 1e+300 is outside the range of literals (0, or between 1e-15 and 1000000000000000 in magnitude) at 1:10',
    ],
    [
      'Power($close, 5e-324)',
      'number 5e-324 is outside the range of literals (0, or between 1e-15 and 1000000000000000 in magnitude) at 1:15',
    ],
    [
      'Quantile($close, 5, 1e-20)',
      'number 1e-20 is outside the range of literals (0, or between 1e-15 and 1000000000000000 in magnitude) at 1:21',
    ],
  ])('refuses the literal in %s', (source, message) => {
    const error = refusal(source);
    expect(error.code).toBe('LIMIT');
    expect(error.message).toBe(message);
  });

  it('refuses Greater nested until its SQL would double past the budget', () => {
    const error = refusal(nested((x) => `Greater(${x}, $open)`, 20));
    expect(error.code).toBe('LIMIT');
    expect(error.message).toContain('SQL terms');
  });

  it('refuses more nodes than the budget', () => {
    const error = refusal(Array.from({ length: 300 }, () => '$close').join(' + '));
    expect(error.code).toBe('LIMIT');
    expect(error.message).toContain(`more than ${EXPRESSION_BUDGET.maxNodes} numbers, fields and operators`);
  });

  it('leaves every Alpha158 factor well inside the budget', () => {
    for (const [name, text] of Object.entries(ALPHA158)) {
      expect(() => check(text), name).not.toThrow();
    }
    const all = compileExpression(
      nested((x) => `Mean(${x}, 2)`, EXPRESSION_BUDGET.maxWindowDepth),
      {
        fields,
        source: {
          relation: 'bars',
          entityColumn: 'e',
          timeColumn: 't',
          availableAtColumn: 'a',
          columns: { close: 'c' },
        },
      },
    );
    expect(all.lookback).toBe(EXPRESSION_BUDGET.maxWindowDepth);
  });
});
