/**
 * Tokens as parallel typed arrays, reused from one file to the next so that analysing a long
 * history does not allocate an object per token.
 */

export const TOKEN_IDENTIFIER = 1;
export const TOKEN_NUMBER = 2;
/** A string, character, regex, heredoc or JSX literal, or one piece of an interpolated string. */
export const TOKEN_STRING = 3;
export const TOKEN_PUNCTUATION = 4;

/** Punctuation ids: single characters use their char code; operators that matter get ids above 127. */
export const PUNCT_AND_AND = 200;
export const PUNCT_OR_OR = 201;
export const PUNCT_NULLISH = 202;
export const PUNCT_OPTIONAL_CHAIN = 203;
export const PUNCT_ELVIS = 204;
export const PUNCT_FAT_ARROW = 205;
export const PUNCT_THIN_ARROW = 206;
export const PUNCT_DOUBLE_COLON = 207;
/** `==`, `===`, `!=`, `!==`, `<=`, `>=`, `<=>`, `=~`. */
export const PUNCT_COMPARISON = 208;
/** Compound and walrus assignments: `+=`, `:=`, `<<=`, … */
export const PUNCT_ASSIGN_OPERATOR = 209;
export const PUNCT_AND_ASSIGN = 210;
export const PUNCT_OR_ASSIGN = 211;
export const PUNCT_NULLISH_ASSIGN = 212;
export const PUNCT_INCREMENT = 213;

/** Token flag: first token on its physical line. */
export const FLAG_LINE_START = 1;
/** Token flag: whitespace (or a line break) right before the token. */
export const FLAG_SPACE_BEFORE = 2;
/** Token flag: the line continues the previous one after a backslash. */
export const FLAG_CONTINUATION = 4;
/** Token flag: part of a preprocessor directive, ignored by structure analysis. */
export const FLAG_PREPROCESSOR = 8;

/**
 * Growable token storage. `match` links each bracket to its partner; it is -1 for unmatched
 * brackets and meaningless for other tokens (the lexer sets it for brackets only).
 */
export class TokenBuffer {
  count = 0;
  kind = new Uint8Array(0);
  id = new Uint16Array(0);
  flags = new Uint8Array(0);
  start = new Int32Array(0);
  end = new Int32Array(0);
  line = new Int32Array(0);
  endLine = new Int32Array(0);
  match = new Int32Array(0);

  constructor(capacity = 4096) {
    this.allocate(capacity);
  }

  /** Empties the buffer, keeping its storage. */
  reset(expectedTokens: number): void {
    this.count = 0;
    if (this.kind.length < expectedTokens) this.allocate(expectedTokens);
  }

  /** Appends a token and returns its index. */
  push(kind: number, id: number, flags: number, start: number, end: number, line: number, endLine: number): number {
    const index = this.count;
    if (index === this.kind.length) this.allocate(index * 2);
    this.kind[index] = kind;
    this.id[index] = id;
    this.flags[index] = flags;
    this.start[index] = start;
    this.end[index] = end;
    this.line[index] = line;
    this.endLine[index] = endLine;
    this.count = index + 1;
    return index;
  }

  /** Token slots allocated. */
  get capacity(): number {
    return this.kind.length;
  }

  /** True when token `index` is the punctuation `punct`. */
  isPunct(index: number, punct: number): boolean {
    return index >= 0 && index < this.count && this.kind[index] === TOKEN_PUNCTUATION && this.id[index] === punct;
  }

  private allocate(capacity: number): void {
    const size = Math.max(capacity, 16);
    const count = this.count;
    this.kind = grow(this.kind, new Uint8Array(size), count);
    this.id = grow(this.id, new Uint16Array(size), count);
    this.flags = grow(this.flags, new Uint8Array(size), count);
    this.start = grow(this.start, new Int32Array(size), count);
    this.end = grow(this.end, new Int32Array(size), count);
    this.line = grow(this.line, new Int32Array(size), count);
    this.endLine = grow(this.endLine, new Int32Array(size), count);
    this.match = grow(this.match, new Int32Array(size), count);
  }
}

function grow<T extends Uint8Array | Uint16Array | Int32Array>(from: T, to: T, count: number): T {
  if (count > 0) to.set(from.subarray(0, count));
  return to;
}
