/**
 * Whether a `?` token is a ternary operator (a decision point) rather than a nullable type
 * marker (`int?`, `T? x`), an optional parameter (`x?)`) or a generic wildcard (`<?>`).
 */
import { FLAG_SPACE_BEFORE, TOKEN_PUNCTUATION, type TokenBuffer } from './token-buffer.js';

const LPAREN = 40;
const RPAREN = 41;
const COMMA = 44;
const DOT = 46;
const COLON = 58;
const SEMICOLON = 59;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const LBRACKET = 91;
const RBRACKET = 93;

/** Characters after which a `?` that hugs its operand is a type marker, not a ternary. */
function endsTypeMarker(c: number): boolean {
  return (
    c === 32 ||
    c === 9 ||
    c === 10 ||
    c === 13 ||
    c === RPAREN ||
    c === COMMA ||
    c === GT ||
    c === RBRACKET ||
    c === SEMICOLON ||
    c === EQ ||
    c === COLON ||
    c === DOT ||
    c === QUESTION ||
    c === LBRACKET ||
    c === LPAREN ||
    Number.isNaN(c)
  );
}

/**
 * True when the `?` at token `i` (whose previous significant token is `previous`) reads as a
 * ternary. Heuristic: a ternary follows an operand and is written `a ? b : c` or `a?b:c`; a
 * nullable marker hugs its type and is followed by a blank or a closing character.
 *
 * @example
 * // `x ? 1 : 2` → true; `int? count` → false; `List<?>` → false; `f(a?, b)` → false
 */
export function isTernaryQuestion(tokens: TokenBuffer, text: string, i: number, previous: number): boolean {
  if (previous < 0) return false;
  if (tokens.kind[previous] === TOKEN_PUNCTUATION) {
    const punct = tokens.id[previous];
    if (punct === LT || punct === COMMA || punct === LPAREN || punct === COLON) return false;
  }
  if (tokens.flags[i]! & FLAG_SPACE_BEFORE) return true;
  return !endsTypeMarker(text.charCodeAt(tokens.end[i]!));
}
