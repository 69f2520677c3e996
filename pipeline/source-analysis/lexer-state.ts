/**
 * The lexer's mutable state and the primitive operations every scanner uses: emitting tokens,
 * marking lines as code or comment, and the interpolation/JSX mode stack. Fields are public so
 * the scanner modules can work on them directly; nothing outside the lexer uses this class.
 */
import { CR, RBRACE, RBRACKET, RPAREN, SPACE, TAB } from './char-codes.js';
import type { KeywordTable } from './keyword-table.js';
import type { CompiledProfile } from './lexer-profile.js';
import type { LexicalProfile } from './lexical-profiles.js';
import type { StringStyle } from './string-styles.js';
import {
  FLAG_CONTINUATION,
  FLAG_LINE_START,
  FLAG_PREPROCESSOR,
  PUNCT_INCREMENT,
  TOKEN_IDENTIFIER,
  TOKEN_NUMBER,
  TOKEN_STRING,
  type TokenBuffer,
} from './token-buffer.js';

/** Line flag: the line holds code (any token or literal text). */
export const LINE_CODE = 1;
/** Line flag: the line holds comment text. */
export const LINE_COMMENT = 2;

/** Mode stack frames: what an interpolation's closing brace resumes. */
export const MODE_STRING = 1;
export const MODE_JSX_TAG = 2;
export const MODE_JSX_CHILDREN = 3;

/** Keyword information the lexer needs: ids, and which keywords may precede an expression. */
export interface LexerKeywords {
  readonly table: KeywordTable;
  /** Role bits per keyword id, or null when the language has no keyword roles. */
  readonly roles: Uint16Array | null;
  /** The role bit meaning "an expression (regex, JSX) may follow". */
  readonly expressionRole: number;
}

/** A heredoc whose body starts on the next line. */
export interface PendingHeredoc {
  readonly terminator: string;
}

/** State shared by the lexer and its scanners; see `SourceLexer`. */
export class LexerState {
  compiled!: CompiledProfile;
  profile!: LexicalProfile;
  keywordTable: KeywordTable | null = null;
  roles: Uint16Array | null = null;
  expressionRole = 0;
  text = '';
  pos = 0;
  end = 0;
  rangeStart = 0;
  line = 1;
  lineStartPos = 0;
  lineFlags!: Uint8Array;
  tokens!: TokenBuffer;
  /** Flags for the next token (space before, continuation). */
  pendingFlags = 0;
  lineHasToken = false;
  inPreprocessor = false;
  expressionStart = false;
  /** Defer line marking of the current string (Python docstring candidates). */
  deferStringMarks = false;
  brackets = new Int32Array(256);
  bracketDepth = 0;
  modeKind = new Uint8Array(64);
  modeFloor = new Int32Array(64);
  modeCloser = new Int32Array(64);
  modeAux = new Int32Array(64);
  modeStyle: (StringStyle | null)[] = [];
  modeDepth = 0;
  heredocs: PendingHeredoc[] = [];

  /** Appends a token and marks its first and last lines as code. */
  emit(kind: number, id: number, start: number, end: number, startLine: number, endLine: number): number {
    const flags = this.lineFlags;
    flags[startLine]! |= LINE_CODE;
    if (endLine !== startLine) flags[endLine]! |= LINE_CODE;
    return this.pushToken(kind, id, start, end, startLine, endLine);
  }

  /** Appends a token without touching line marks (the caller marks lines itself). */
  pushToken(kind: number, id: number, start: number, end: number, startLine: number, endLine: number): number {
    let flags = this.pendingFlags;
    if (!this.lineHasToken) flags |= FLAG_LINE_START;
    if (this.inPreprocessor) flags |= FLAG_PREPROCESSOR;
    const index = this.tokens.push(kind, id, flags, start, end, startLine, endLine);
    this.pendingFlags = 0;
    this.lineHasToken = true;
    this.expressionStart = false;
    return index;
  }

  /** Marks every line in `[fromLine, toLine]` as code. */
  markCodeLines(fromLine: number, toLine: number): void {
    const flags = this.lineFlags;
    for (let l = fromLine; l <= toLine; l++) flags[l]! |= LINE_CODE;
  }

  /** Marks the lines of `text[start, end)` holding non-blank text as comment. */
  markCommentText(start: number, end: number, startLine: number): void {
    const text = this.text;
    const flags = this.lineFlags;
    let line = startLine;
    let lineStart = start;
    while (lineStart < end) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0 || lineEnd > end) lineEnd = end;
      for (let p = lineStart; p < lineEnd; p++) {
        const c = text.charCodeAt(p);
        if (c !== SPACE && c !== TAB && c !== CR) {
          flags[line]! |= LINE_COMMENT;
          break;
        }
      }
      lineStart = lineEnd + 1;
      line++;
    }
  }

  /** Moves `line` past the newlines in `text[from, to)`. */
  advanceLines(from: number, to: number): void {
    const text = this.text;
    let p = text.indexOf('\n', from);
    while (p >= 0 && p < to) {
      this.line++;
      this.lineStartPos = p + 1;
      p = text.indexOf('\n', p + 1);
    }
  }

  /** A line break at `pos` inside a literal: the line is code, the next one starts after it. */
  newlineInLiteral(pos: number): void {
    this.lineFlags[this.line]! |= LINE_CODE;
    this.line++;
    this.lineStartPos = pos + 1;
  }

  /**
   * Enters code inside a literal (interpolation or JSX container) until `closer` is met at the
   * current bracket depth; `style` (strings) or `aux` (JSX element depth) says what to resume.
   */
  pushMode(kind: number, closer: number, aux: number, style: StringStyle | null): void {
    if (this.modeDepth === this.modeKind.length) {
      // Pathological nesting: stop tracking deeper frames rather than grow without bound.
      return;
    }
    const depth = this.modeDepth;
    this.modeKind[depth] = kind;
    this.modeFloor[depth] = this.bracketDepth;
    this.modeCloser[depth] = closer;
    this.modeAux[depth] = aux;
    this.modeStyle[depth] = style;
    this.modeDepth = depth + 1;
    this.expressionStart = true;
  }

  /** Nothing precedes the current position in its logical line (no token, continuation or open bracket). */
  atLogicalLineStart(): boolean {
    return !this.lineHasToken && (this.pendingFlags & FLAG_CONTINUATION) === 0 && this.bracketDepth === 0 && this.modeDepth === 0;
  }

  /** True when an expression (regex, JSX element) may start here rather than a binary operator. */
  expressionMayStart(): boolean {
    if (this.expressionStart) return true;
    const tokens = this.tokens;
    const last = tokens.count - 1;
    if (last < 0) return true;
    switch (tokens.kind[last]) {
      case TOKEN_NUMBER:
      case TOKEN_STRING:
        return false;
      case TOKEN_IDENTIFIER: {
        const id = tokens.id[last]!;
        return id !== 0 && this.roles !== null && (this.roles[id]! & this.expressionRole) !== 0;
      }
      default: {
        const punct = tokens.id[last];
        return punct !== RPAREN && punct !== RBRACKET && punct !== RBRACE && punct !== PUNCT_INCREMENT;
      }
    }
  }
}
