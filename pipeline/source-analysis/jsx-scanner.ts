/**
 * JSX elements in JavaScript and TSX: tags, attributes and text are read as literal pieces (so
 * apostrophes in text are not quotes), and `{…}` containers return to code until their `}`.
 */
import {
  COLON,
  COMMA,
  CR,
  DOLLAR,
  DOT,
  DQUOTE,
  GT,
  LBRACE,
  LF,
  LT,
  MINUS,
  RBRACE,
  SLASH,
  SPACE,
  SQUOTE,
  TAB,
  UNDERSCORE,
} from './char-codes.js';
import { isAsciiLetter, isWordChar } from './lexer-profile.js';
import { LINE_CODE, type LexerState, MODE_JSX_CHILDREN, MODE_JSX_TAG } from './lexer-state.js';
import { TOKEN_STRING } from './token-buffer.js';

/** `<Tag …>…</Tag>` or `<>…</>` in expression position. */
export function jsxElement(lexer: LexerState): boolean {
  const text = lexer.text;
  const pos = lexer.pos;
  const next = text.charCodeAt(pos + 1);
  if (!(isAsciiLetter(next) || next === GT || next === UNDERSCORE || next === DOLLAR)) return false;
  if (!lexer.expressionMayStart()) return false;
  if (next !== GT && looksLikeTypeParameters(lexer, pos + 1)) return false;
  if (!canClose(lexer, pos, next)) return false;
  if (next === GT) {
    jsxScan(lexer, MODE_JSX_CHILDREN, 1, pos, pos + 2);
  } else {
    jsxScan(lexer, MODE_JSX_TAG, 1, pos, pos + 1);
  }
  return true;
}

/**
 * An element is only taken for JSX when something later can close it: `</>` for a fragment,
 * `</Name` or a self-closing `/>` for a tag. Otherwise (Flow generics `<T>(x) => x` in a
 * `.js` file) reading JSX would swallow the rest of the file.
 */
function canClose(lexer: LexerState, pos: number, next: number): boolean {
  const text = lexer.text;
  if (next === GT) return text.indexOf('</>', pos + 2) >= 0;
  let nameEnd = pos + 1;
  while (nameEnd < lexer.end && isTagNameChar(text.charCodeAt(nameEnd))) nameEnd++;
  return text.indexOf('/>', nameEnd) >= 0 || text.indexOf('</' + text.slice(pos + 1, nameEnd), nameEnd) >= 0;
}

function isTagNameChar(c: number): boolean {
  return isWordChar(c) || c === DOT || c === COLON || c === MINUS || c === DOLLAR;
}

/** TSX generic arrow functions: `<T,>(x) =>` and `<T extends U>(x) =>`. */
function looksLikeTypeParameters(lexer: LexerState, pos: number): boolean {
  const text = lexer.text;
  let p = pos;
  while (p < lexer.end && isWordChar(text.charCodeAt(p))) p++;
  while (text.charCodeAt(p) === SPACE) p++;
  if (text.charCodeAt(p) === COMMA) return true;
  return text.startsWith('extends ', p);
}

/**
 * Scans JSX from `from` in tag or children mode until the outermost element closes or an
 * expression container `{` is reached (which pushes a frame and returns to code mode).
 */
export function jsxScan(lexer: LexerState, mode: number, depth: number, pieceStart: number, from = pieceStart): void {
  const text = lexer.text;
  const end = lexer.end;
  const flags = lexer.lineFlags;
  const startLine = lexer.line;
  let pos = from;
  let line = lexer.line;
  let quote = 0;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === LF) {
      line++;
      pos++;
      lexer.lineStartPos = pos;
      continue;
    }
    if (mode === MODE_JSX_TAG) {
      if (quote !== 0) {
        if (c === quote) quote = 0;
        flags[line]! |= LINE_CODE;
        pos++;
        continue;
      }
      if (c === DQUOTE || c === SQUOTE) {
        quote = c;
      } else if (c === LBRACE) {
        finishJsxPiece(lexer, pieceStart, pos, startLine, line);
        lexer.pos = pos + 1;
        lexer.pushMode(MODE_JSX_TAG, RBRACE, depth, null);
        return;
      } else if (c === SLASH && text.charCodeAt(pos + 1) === GT) {
        flags[line]! |= LINE_CODE;
        pos += 2;
        if (--depth === 0) break;
        mode = MODE_JSX_CHILDREN;
        continue;
      } else if (c === GT) {
        mode = MODE_JSX_CHILDREN;
      }
      if (c !== SPACE && c !== TAB && c !== CR) flags[line]! |= LINE_CODE;
      pos++;
      continue;
    }
    // Children.
    if (c === LBRACE) {
      finishJsxPiece(lexer, pieceStart, pos, startLine, line);
      lexer.pos = pos + 1;
      lexer.pushMode(MODE_JSX_CHILDREN, RBRACE, depth, null);
      return;
    }
    if (c === LT) {
      flags[line]! |= LINE_CODE;
      if (text.charCodeAt(pos + 1) === SLASH) {
        const close = text.indexOf('>', pos + 2);
        const stop = close < 0 || close >= end ? end : close + 1;
        for (let p = pos; p < stop; p++) {
          if (text.charCodeAt(p) === LF) {
            line++;
            lexer.lineStartPos = p + 1;
          }
        }
        pos = stop;
        flags[line]! |= LINE_CODE;
        if (--depth === 0) break;
        continue;
      }
      depth++;
      pos++;
      if (text.charCodeAt(pos) === GT) pos++;
      else mode = MODE_JSX_TAG;
      continue;
    }
    if (c !== SPACE && c !== TAB && c !== CR) flags[line]! |= LINE_CODE;
    pos++;
  }
  if (pos > end) pos = end;
  lexer.pos = pos;
  finishJsxPiece(lexer, pieceStart, pos, startLine, line);
}

/** JSX pieces mark their lines as they are scanned, so the token itself marks nothing. */
function finishJsxPiece(lexer: LexerState, start: number, end: number, startLine: number, line: number): void {
  lexer.line = line;
  lexer.pushToken(TOKEN_STRING, 0, start, end, startLine, line);
}
