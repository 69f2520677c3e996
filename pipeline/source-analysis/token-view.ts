/**
 * Navigation over one file's tokens for the structure finders: previous and next significant
 * tokens (skipping preprocessor directives), punctuation and word tests, operand ends, and
 * angle-bracket matching (angle brackets are not linked by the lexer, since `<` is also a
 * comparison).
 */
import { BANG, GT, LT, QUESTION, RBRACE, RBRACKET, RPAREN } from './char-codes.js';
import {
  FLAG_PREPROCESSOR,
  PUNCT_INCREMENT,
  TOKEN_IDENTIFIER,
  TOKEN_NUMBER,
  TOKEN_STRING,
  type TokenBuffer,
} from './token-buffer.js';

/** A read-only view of a token buffer and its text. */
export class TokenView {
  tokens!: TokenBuffer;
  text = '';
  roles!: Uint16Array;

  /** Points the view at one file's tokens. */
  reset(tokens: TokenBuffer, text: string, roles: Uint16Array): void {
    this.tokens = tokens;
    this.text = text;
    this.roles = roles;
  }

  /** The source text of token `i`. */
  textOf(i: number): string {
    return this.text.slice(this.tokens.start[i]!, this.tokens.end[i]!);
  }

  previous(i: number): number {
    const flags = this.tokens.flags;
    let j = i - 1;
    while (j >= 0 && flags[j]! & FLAG_PREPROCESSOR) j--;
    return j;
  }

  next(i: number): number {
    const tokens = this.tokens;
    let j = i + 1;
    while (j < tokens.count && tokens.flags[j]! & FLAG_PREPROCESSOR) j++;
    return j < tokens.count ? j : -1;
  }

  isPunctAt(i: number, punct: number): boolean {
    return this.tokens.isPunct(i, punct);
  }

  isWord(i: number, word: string): boolean {
    const tokens = this.tokens;
    if (i < 0 || i >= tokens.count || tokens.kind[i] !== TOKEN_IDENTIFIER) return false;
    const start = tokens.start[i]!;
    return tokens.end[i]! - start === word.length && this.text.startsWith(word, start);
  }

  /** True when token `i` can end an operand: a name, literal or closing bracket. */
  endsValue(i: number): boolean {
    if (i < 0) return false;
    const tokens = this.tokens;
    switch (tokens.kind[i]) {
      case TOKEN_IDENTIFIER:
      case TOKEN_NUMBER:
      case TOKEN_STRING:
        return true;
      default: {
        const punct = tokens.id[i];
        return punct === RPAREN || punct === RBRACKET || punct === RBRACE || punct === PUNCT_INCREMENT || punct === BANG || punct === QUESTION;
      }
    }
  }

  /** The `<` matching the `>` at `close` (angle brackets are not linked by the lexer), or -1. */
  openingAngle(close: number): number {
    let depth = 0;
    let j = close;
    for (let steps = 0; j >= 0 && steps < 32; steps++, j = this.previous(j)) {
      if (this.isPunctAt(j, GT)) depth++;
      else if (this.isPunctAt(j, LT) && --depth === 0) return j;
    }
    return -1;
  }

  /** Index after the `>` closing the `<` at `open` (bounded). */
  skipAngles(open: number, limit: number): number {
    let depth = 0;
    for (let j = open; j < limit && j < open + 64; j++) {
      if (this.isPunctAt(j, LT)) depth++;
      else if (this.isPunctAt(j, GT) && --depth === 0) return j + 1;
    }
    return open;
  }
}
