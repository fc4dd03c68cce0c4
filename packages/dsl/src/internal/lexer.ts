import type { SourcePosition } from '../ast.ts';
import { DslError } from '../errors.ts';

export type TokenKind = 'number' | 'duration' | 'field' | 'name' | 'punct' | 'end';

export interface Token {
  readonly kind: TokenKind;
  /** The token's text (for `field`, without the `$`). */
  readonly text: string;
  /** For `number`: the parsed value; for `duration`: its length in seconds. */
  readonly value: number;
  readonly pos: SourcePosition;
}

/** The longest expression text accepted: far beyond any real feature, small enough to bound the work. */
export const MAX_EXPRESSION_LENGTH = 10_000;

const PUNCT_2 = new Set(['>=', '<=', '==', '!=']);
const PUNCT_1 = new Set(['(', ')', ',', '+', '-', '*', '/', '>', '<', '&', '|']);
const FIELD_PART = /^[a-z_][a-z0-9_]*/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/;
/** A duration literal: a whole count and a unit, `5d` (time windows over event times). */
const DURATION = /^(\d+)([smhdw])(?![A-Za-z0-9_.$])/;
/** Seconds per duration unit. */
export const DURATION_UNITS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** Hints for characters people try that the language does not have. */
function hintFor(ch: string): string {
  if (ch === '"' || ch === "'" || ch === '`') return 'the language has no strings';
  if (ch === ';') return 'an expression is a single formula';
  if (ch === '=') return 'compare with ==';
  if (ch === '!') return 'use != for "not equal"';
  return 'expected a number, a $field, an operator call, + - * / > < >= <= == != & | or parentheses';
}

/**
 * Splits an expression into tokens, one at a time, so that errors come in reading order (the
 * parser rejects `read_csv(` before the lexer meets its quote). Anything outside the grammar's
 * alphabet (quotes, `;`, comments, backticks, `=`) stops here with its position.
 */
export function createLexer(source: string): () => Token {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new DslError('LIMIT', `expression is longer than ${MAX_EXPRESSION_LENGTH} characters`);
  }
  let offset = 0;
  let line = 1;
  let lineStart = 0;
  const here = (): SourcePosition => ({ line, column: offset - lineStart + 1, offset });

  return () => {
    while (offset < source.length) {
      const ch = source[offset]!;
      if (ch === '\n') {
        offset++;
        line++;
        lineStart = offset;
        continue;
      }
      if (ch === ' ' || ch === '\t' || ch === '\r') {
        offset++;
        continue;
      }
      const pos = here();
      const rest = source.slice(offset, offset + 200);

      if (ch === '/' && (source[offset + 1] === '*' || source[offset + 1] === '/')) {
        throw new DslError(
          'SYNTAX',
          `unexpected '${source.slice(offset, offset + 2)}': the language has no comments`,
          pos,
        );
      }
      if (ch === '-' && source[offset + 1] === '-') {
        // `a--b` would be a - (-b) in Python, but `--` is also SQL's comment: refuse it outright.
        throw new DslError('SYNTAX', "unexpected '--': write a - (-b) if you mean it", pos);
      }
      const two = source.slice(offset, offset + 2);
      if (PUNCT_2.has(two)) {
        offset += 2;
        return { kind: 'punct', text: two, value: 0, pos };
      }
      if (PUNCT_1.has(ch)) {
        offset++;
        return { kind: 'punct', text: ch, value: 0, pos };
      }
      if (ch === '$') {
        const first = FIELD_PART.exec(source.slice(offset + 1, offset + 200));
        if (!first)
          throw new DslError('SYNTAX', "expected a field name after '$' (lower-case letters, digits, _)", pos);
        let name = first[0];
        let end = offset + 1 + name.length;
        if (source[end] === '.') {
          const second = FIELD_PART.exec(source.slice(end + 1, end + 200));
          if (!second) {
            throw new DslError('SYNTAX', `expected a field name after '$${name}.'`, pos);
          }
          name = `${name}.${second[0]}`;
          end += 1 + second[0].length;
        }
        if (NAME.test(source.slice(end, end + 1)) || source[end] === '.' || source[end] === '$') {
          throw new DslError('SYNTAX', `invalid field name '$${source.slice(offset + 1, end + 1)}…'`, pos);
        }
        offset = end;
        return { kind: 'field', text: name, value: 0, pos };
      }
      const duration = DURATION.exec(rest);
      if (duration) {
        const [text, count, unit] = duration as unknown as [string, string, string];
        offset += text.length;
        const value = Number(count) * DURATION_UNITS[unit]!;
        if (!Number.isSafeInteger(value)) throw new DslError('SYNTAX', `duration ${text} is out of range`, pos);
        return { kind: 'duration', text: `${Number(count)}${unit}`, value, pos };
      }
      const number = NUMBER.exec(rest);
      if (number) {
        const text = number[0];
        const after = source[offset + text.length];
        if (after !== undefined && /[A-Za-z0-9_.$]/.test(after)) {
          const hint = /[A-Za-z]/.test(after) ? ' (durations are a whole count and one of s m h d w: 5d, 12h)' : '';
          throw new DslError('SYNTAX', `invalid number '${text}${after}…'${hint}`, pos);
        }
        const value = Number(text);
        if (!Number.isFinite(value)) throw new DslError('SYNTAX', `number ${text} is out of range`, pos);
        // 1e-400 reads as 0: a literal must mean the number written.
        if (value === 0 && /[1-9]/.test(text.split(/[eE]/)[0]!)) {
          throw new DslError('LIMIT', `number ${text} is too small to represent (it would read as 0)`, pos);
        }
        offset += text.length;
        return { kind: 'number', text, value, pos };
      }
      const name = NAME.exec(rest);
      if (name) {
        offset += name[0].length;
        return { kind: 'name', text: name[0], value: 0, pos };
      }
      const code = ch.codePointAt(0) ?? 0;
      const shown = code >= 0x20 && code < 0x7f ? ch : `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
      throw new DslError('SYNTAX', `unexpected character '${shown}': ${hintFor(ch)}`, pos);
    }
    return { kind: 'end', text: '', value: 0, pos: here() };
  };
}
