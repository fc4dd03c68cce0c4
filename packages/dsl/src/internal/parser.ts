import type { BinaryOperator, ComparisonOperator, Expr } from '../ast.ts';
import { DslError } from '../errors.ts';
import { OPERATORS } from '../operators.ts';
import { closestName } from './closest.ts';
import { createLexer, type Token } from './lexer.ts';

/** Deeper nesting than this is refused before it can exhaust the stack. */
export const MAX_NESTING = 100;

const COMPARISONS = new Set<string>(['>', '<', '>=', '<=', '==', '!=']);

/** ` (did you mean Ref?)` for a misspelt or mis-cased operator name (see `closestName`). */
function suggestion(name: string): string {
  const closest = closestName(name, OPERATORS.keys());
  return closest ? ` (did you mean ${closest}?)` : '';
}

/**
 * Recursive descent over the grammar
 *
 *   or      := and ('|' and)*
 *   and     := compare ('&' compare)*
 *   compare := sum (('>' | '<' | '>=' | '<=' | '==' | '!=') sum)?
 *   sum     := product (('+' | '-') product)*
 *   product := unary (('*' | '/') unary)*
 *   unary   := '-' unary | primary
 *   primary := number | duration | $field | Operator '(' or (',' or)* ')' | '(' or ')'
 *
 * Python (which evaluates Qlib's expressions) binds `&` and `|` tighter than comparisons; we bind
 * them looser, the way they read. To keep both readings from ever disagreeing, a comparison next
 * to `&` / `|` must be parenthesised, and comparisons do not chain.
 */
class Parser {
  private depth = 0;
  private readonly parenthesised = new WeakSet<Expr>();
  private current: Token | undefined;

  constructor(private readonly nextToken: () => Token) {}

  parse(): Expr {
    const expr = this.or();
    const next = this.peek();
    if (next.kind !== 'end') {
      const what = next.text === ')' ? "unmatched ')'" : `unexpected '${this.show(next)}' after a complete expression`;
      throw new DslError('SYNTAX', what, next.pos);
    }
    return expr;
  }

  private peek(): Token {
    this.current ??= this.nextToken();
    return this.current;
  }

  private take(): Token {
    const t = this.peek();
    this.current = undefined;
    return t;
  }

  private isPunct(text: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === text;
  }

  private show(t: Token): string {
    return t.kind === 'field' ? `$${t.text}` : t.text;
  }

  private expect(text: string, context: string): Token {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === text) return this.take();
    const found = t.kind === 'end' ? 'the end of the expression' : `'${this.show(t)}'`;
    throw new DslError('SYNTAX', `expected '${text}' ${context}, found ${found}`, t.pos);
  }

  private enter(t: Token): void {
    if (++this.depth > MAX_NESTING) throw new DslError('LIMIT', `expression nests deeper than ${MAX_NESTING}`, t.pos);
  }

  private or(): Expr {
    return this.logical('|', () => this.and());
  }

  private and(): Expr {
    return this.logical('&', () => this.compare());
  }

  private logical(op: '&' | '|', operand: () => Expr): Expr {
    let left = operand();
    while (this.isPunct(op)) {
      const opToken = this.take();
      const right = operand();
      for (const side of [left, right]) this.refuseBareComparison(side, opToken);
      left = { kind: 'binary', op, left, right, pos: left.pos, opPos: opToken.pos };
    }
    return left;
  }

  private refuseBareComparison(side: Expr, opToken: Token): void {
    if (side.kind === 'binary' && COMPARISONS.has(side.op) && !this.parenthesised.has(side)) {
      throw new DslError(
        'SYNTAX',
        `put parentheses around the comparison next to '${opToken.text}', e.g. ($close > $open) ${opToken.text} ($volume > 0)`,
        side.opPos,
      );
    }
  }

  private compare(): Expr {
    const left = this.sum();
    const t = this.peek();
    if (t.kind !== 'punct' || !COMPARISONS.has(t.text)) return left;
    this.take();
    const right = this.sum();
    const next = this.peek();
    if (next.kind === 'punct' && COMPARISONS.has(next.text)) {
      throw new DslError('SYNTAX', 'comparisons cannot be chained; combine them with & and parentheses', next.pos);
    }
    return { kind: 'binary', op: t.text as ComparisonOperator, left, right, pos: left.pos, opPos: t.pos };
  }

  private sum(): Expr {
    let left = this.product();
    while (this.isPunct('+') || this.isPunct('-')) {
      const t = this.take();
      const right = this.product();
      left = { kind: 'binary', op: t.text as BinaryOperator, left, right, pos: left.pos, opPos: t.pos };
    }
    return left;
  }

  private product(): Expr {
    let left = this.unary();
    while (this.isPunct('*') || this.isPunct('/')) {
      const t = this.take();
      const right = this.unary();
      left = { kind: 'binary', op: t.text as BinaryOperator, left, right, pos: left.pos, opPos: t.pos };
    }
    return left;
  }

  private unary(): Expr {
    if (this.isPunct('-')) {
      const t = this.take();
      this.enter(t);
      const operand = this.unary();
      this.depth--;
      return { kind: 'negate', operand, pos: t.pos };
    }
    return this.primary();
  }

  private primary(): Expr {
    const t = this.take();
    switch (t.kind) {
      case 'number':
        return { kind: 'number', value: t.value, pos: t.pos };
      case 'duration':
        return { kind: 'duration', seconds: t.value, text: t.text, pos: t.pos };
      case 'field':
        return { kind: 'field', name: t.text, pos: t.pos };
      case 'name':
        return this.call(t);
      case 'punct':
        if (t.text === '(') {
          this.enter(t);
          const inner = this.or();
          this.expect(')', 'to close the parenthesis');
          this.depth--;
          this.parenthesised.add(inner);
          return inner;
        }
        throw new DslError('SYNTAX', `unexpected '${t.text}', expected a value`, t.pos);
      case 'end':
        throw new DslError('SYNTAX', 'unexpected end of the expression, expected a value', t.pos);
    }
  }

  private call(name: Token): Expr {
    // Judged before looking further, so `read_csv('x')` fails on its name, not on its quote.
    if (!OPERATORS.has(name.text)) {
      throw new DslError(
        'UNKNOWN_OPERATOR',
        `unknown operator '${name.text}'${suggestion(name.text)}: fields start with $, operators are called like Mean($close, 5)`,
        name.pos,
      );
    }
    if (!this.isPunct('(')) {
      throw new DslError('SYNTAX', `operator ${name.text} needs its arguments: ${name.text}(...)`, name.pos);
    }
    const open = this.take();
    this.enter(open);
    const args: Expr[] = [];
    if (!this.isPunct(')')) {
      args.push(this.or());
      while (this.isPunct(',')) {
        this.take();
        args.push(this.or());
      }
    }
    this.expect(')', `to close ${name.text}(`);
    this.depth--;
    return { kind: 'call', name: name.text, args, pos: name.pos };
  }
}

/** Parses one expression into its syntax tree; throws a positioned `DslError` on anything else. */
export function parseTokens(source: string): Expr {
  return new Parser(createLexer(source)).parse();
}
