import { describe, expect, it } from 'vitest';
import { DslError, type Expr, formatExpression, parseExpression } from './index.ts';

function failure(source: string): DslError {
  try {
    parseExpression(source);
  } catch (error) {
    if (error instanceof DslError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(source)} to be rejected`);
}

/** The tree without positions, to compare shapes. */
function shape(e: Expr): unknown {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'field':
      return `$${e.name}`;
    case 'negate':
      return ['neg', shape(e.operand)];
    case 'binary':
      return [e.op, shape(e.left), shape(e.right)];
    case 'call':
      return [e.name, ...e.args.map(shape)];
  }
}

const unknown = ': fields start with $, operators are called like Mean($close, 5) at 1:1';

describe('parseExpression', () => {
  it('builds a typed tree with line:column positions', () => {
    const ast = parseExpression('Mean($close, 5) /\n  $tweets.sentiment_mean');
    expect(ast).toMatchObject({
      kind: 'binary',
      op: '/',
      pos: { line: 1, column: 1 },
      opPos: { line: 1, column: 17 },
      left: {
        kind: 'call',
        name: 'Mean',
        args: [{ kind: 'field', name: 'close', pos: { line: 1, column: 6 } }, { value: 5 }],
      },
      right: { kind: 'field', name: 'tweets.sentiment_mean', pos: { line: 2, column: 3, offset: 20 } },
    });
  });

  it('reads integers, decimals and scientific notation as numbers', () => {
    expect(shape(parseExpression('1 + 2.5 + .5 + 1e-12 + 3E+2 + 7.'))).toEqual([
      '+',
      ['+', ['+', ['+', ['+', 1, 2.5], 0.5], 1e-12], 300],
      7,
    ]);
  });

  it('gives * and / precedence over + and -, unary minus over both, and is left-associative', () => {
    expect(shape(parseExpression('-$close * 2 + $open / 4 - 1'))).toEqual([
      '-',
      ['+', ['*', ['neg', '$close'], 2], ['/', '$open', 4]],
      1,
    ]);
    expect(shape(parseExpression('$close - $open - $low'))).toEqual(['-', ['-', '$close', '$open'], '$low']);
    expect(shape(parseExpression('2 - -3'))).toEqual(['-', 2, ['neg', 3]]);
  });

  it('binds comparisons looser than arithmetic and & tighter than |', () => {
    expect(shape(parseExpression('$close > Ref($close, 1) + 1'))).toEqual([
      '>',
      '$close',
      ['+', ['Ref', '$close', 1], 1],
    ]);
    expect(shape(parseExpression('($close > $open) & ($volume > 0) | ($high == $low)'))).toEqual([
      '|',
      ['&', ['>', '$close', '$open'], ['>', '$volume', 0]],
      ['==', '$high', '$low'],
    ]);
  });

  it('parses every Qlib-style call form', () => {
    expect(shape(parseExpression('Quantile($close, 20, 0.8)'))).toEqual(['Quantile', '$close', 20, 0.8]);
    expect(shape(parseExpression('If(($close>$open), Corr($close, Log($volume+1), 5), -1)'))).toEqual([
      'If',
      ['>', '$close', '$open'],
      ['Corr', '$close', ['Log', ['+', '$volume', 1]], 5],
      ['neg', 1],
    ]);
  });

  it('requires parentheses where Python (Qlib) would group & and | differently', () => {
    // Python reads `a > b & c > d` as `a > (b & c) > d`; we refuse rather than guess.
    const error = failure('$close > $open & $volume > 0');
    expect(error.code).toBe('SYNTAX');
    expect(error.message).toBe(
      "put parentheses around the comparison next to '&', e.g. ($close > $open) & ($volume > 0) at 1:8",
    );
    expect(failure('($close > $open) | $volume > 0').message).toMatch(/at 1:28$/);
  });

  it('refuses chained comparisons', () => {
    expect(failure('$low < $close < $high').message).toBe(
      'comparisons cannot be chained; combine them with & and parentheses at 1:15',
    );
  });

  it.each([
    ['$close; DROP TABLE bars', "unexpected character ';': an expression is a single formula at 1:7"],
    ["'abc'", "unexpected character ''': the language has no strings at 1:1"],
    ['Mean($close, "5")', `unexpected character '"': the language has no strings at 1:14`],
    ['`close`', "unexpected character '`': the language has no strings at 1:1"],
    ['$close -- comment', "unexpected '--': write a - (-b) if you mean it at 1:8"],
    ['$close /* comment */', "unexpected '/*': the language has no comments at 1:8"],
    ['$close // comment', "unexpected '//': the language has no comments at 1:8"],
    ["read_csv('/etc/passwd')", `unknown operator 'read_csv'${unknown}`],
    ['COPY bars TO x', `unknown operator 'COPY'${unknown}`],
    ["ATTACH 'x.db'", `unknown operator 'ATTACH'${unknown}`],
    ['INSTALL httpfs', `unknown operator 'INSTALL'${unknown}`],
    ['Sum2($close, 5)', `unknown operator 'Sum2' (did you mean Sum?)${unknown}`],
    ['Reff($close, 1)', `unknown operator 'Reff' (did you mean Ref?)${unknown}`],
    ['STDD($close, 5)', `unknown operator 'STDD' (did you mean Std?)${unknown}`],
    ['Qantile($close, 5, 0.5)', `unknown operator 'Qantile' (did you mean Quantile?)${unknown}`],
    ['Corelation($close, $open, 5)', `unknown operator 'Corelation'${unknown}`],
    ['mean($close, 5)', `unknown operator 'mean' (did you mean Mean?)${unknown}`],
    ['Mean($close, 5) UNION SELECT 1', "unexpected 'UNION' after a complete expression at 1:17"],
    ['Mean($close, 5)\n  ; SELECT 1', "unexpected character ';': an expression is a single formula at 2:3"],
    ['$close = $open', "unexpected character '=': compare with == at 1:8"],
    ['$Close', "expected a field name after '$' (lower-case letters, digits, _) at 1:1"],
    ['$tweets.', "expected a field name after '$tweets.' at 1:1"],
    ['$a.b.c', "invalid field name '$a.b.…' at 1:1"],
    ['12abc', "invalid number '12a…' (durations are a whole count and one of s m h d w: 5d, 12h) at 1:1"],
    ['5days', "invalid number '5d…' (durations are a whole count and one of s m h d w: 5d, 12h) at 1:1"],
    ['1e999', 'number 1e999 is out of range at 1:1'],
    [
      '$close × 2',
      "unexpected character 'U+00D7': expected a number, a $field, an operator call, + - * / > < >= <= == != & | or parentheses at 1:8",
    ],
    ['Mean($close, 5', "expected ')' to close Mean(, found the end of the expression at 1:15"],
    ['($close + 1', "expected ')' to close the parenthesis, found the end of the expression at 1:12"],
    ['$close)', "unmatched ')' at 1:7"],
    ['$close +', 'unexpected end of the expression, expected a value at 1:9'],
    ['Mean', 'operator Mean needs its arguments: Mean(...) at 1:1'],
    ['', 'unexpected end of the expression, expected a value at 1:1'],
  ])('rejects %j at parse time', (source, message) => {
    const error = failure(source);
    expect(error).toBeInstanceOf(DslError);
    expect(error.message).toBe(message);
    expect(error.position).toBeDefined();
  });

  it('bounds the length and nesting of an expression', () => {
    expect(failure(`${'('.repeat(150)}$close${')'.repeat(150)}`).code).toBe('LIMIT');
    expect(failure(`${'Abs('.repeat(120)}$close${')'.repeat(120)}`).code).toBe('LIMIT');
    expect(failure(`$close${' + $close'.repeat(2000)}`).code).toBe('LIMIT');
  });
});

describe('formatExpression', () => {
  it.each([
    ['($close-$open)/($high-$low+1e-12)', '($close - $open) / ($high - $low + 1e-12)'],
    ['Mean($close>Ref($close,1),5)', 'Mean($close > Ref($close, 1), 5)'],
    ['$a.b - ($c.d - 1)', '$a.b - ($c.d - 1)'],
    ['-(-$close)', '-(-$close)'],
    ['-($close + 1) * 2', '-($close + 1) * 2'],
    ['($close>$open)&(($volume>0)|($high==$low))', '($close > $open) & (($volume > 0) | ($high == $low))'],
    ['Mean($close, -3)', 'Mean($close, -3)'],
  ])('formats %s canonically', (source, canonical) => {
    const formatted = formatExpression(parseExpression(source));
    expect(formatted).toBe(canonical);
    expect(shape(parseExpression(formatted))).toEqual(shape(parseExpression(source)));
  });
});
