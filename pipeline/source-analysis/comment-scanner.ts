/**
 * Comment scanners: line comments, block comments (nesting where the language nests them), Lua
 * long comments, column-0 documentation blocks, and PHP's markup outside `<?php … ?>`. Each marks
 * the lines it covers that hold comment text.
 */
import {
  AMP,
  BACKSLASH,
  COLON,
  CR,
  DOLLAR,
  EQ,
  LBRACKET,
  LF,
  LPAREN,
  LT,
  MINUS,
  PIPE,
  QUESTION,
  RPAREN,
  SEMICOLON,
  SPACE,
  TAB,
} from './char-codes.js';
import {
  COMMENT_BLOCK_OPENER,
  COMMENT_LINE_MARKER,
  isAsciiLetter,
  isWordChar,
  luaLongBracketLevel,
} from './lexer-profile.js';
import { LINE_CODE, LINE_COMMENT, type LexerState } from './lexer-state.js';
import type { BlockCommentSyntax } from './lexical-profiles.js';
import { FLAG_SPACE_BEFORE } from './token-buffer.js';

/** Haskell: `-->` and `--|`-style runs followed by another operator character are operators. */
function isHaskellSymbolAfterDashes(text: string, pos: number, end: number): boolean {
  let p = pos;
  while (p < end && text.charCodeAt(p) === MINUS) p++;
  if (p >= end) return false;
  const c = text.charCodeAt(p);
  return '!#$%&*+./<=>?@\\^|~:'.indexOf(String.fromCharCode(c)) >= 0;
}

/** Tries block and line comments starting with `c`. */
export function comment(lexer: LexerState, c: number, starts: number): boolean {
  const text = lexer.text;
  const pos = lexer.pos;
  if (starts & COMMENT_BLOCK_OPENER) {
    for (const block of lexer.compiled.blockComments) {
      if (block.open.charCodeAt(0) === c && text.startsWith(block.open, pos)) {
        blockComment(lexer, block);
        return true;
      }
    }
  }
  if (starts & COMMENT_LINE_MARKER) {
    for (const marker of lexer.compiled.lineMarkers) {
      if (marker.charCodeAt(0) !== c || !text.startsWith(marker, pos)) continue;
      if (lexer.profile.lineCommentNotAfterColon && pos > lexer.rangeStart && text.charCodeAt(pos - 1) === COLON) continue;
      if (lexer.profile.dashCommentNeedsNonSymbol && isHaskellSymbolAfterDashes(text, pos, lexer.end)) continue;
      if (lexer.profile.luaLongBrackets && marker === '--' && luaLongComment(lexer, pos + 2)) return true;
      lineComment(lexer, pos);
      return true;
    }
  }
  return false;
}

/** `#` comments, subject to the family's rule. */
export function hashComment(lexer: LexerState): boolean {
  const text = lexer.text;
  const pos = lexer.pos;
  const rule = lexer.profile.hashComments;
  if (rule === 'line-start') return false;
  const previous = pos > lexer.rangeStart ? text.charCodeAt(pos - 1) : LF;
  if (rule === 'word-start') {
    if (
      previous !== SPACE &&
      previous !== TAB &&
      previous !== LF &&
      previous !== CR &&
      previous !== SEMICOLON &&
      previous !== PIPE &&
      previous !== AMP &&
      previous !== LPAREN &&
      previous !== RPAREN
    ) {
      return false;
    }
  } else {
    // `$#` is a variable in Perl and shell, `\#` an escaped hash in Makefiles.
    if (previous === DOLLAR || previous === BACKSLASH) return false;
    if (lexer.profile.hashBracketAttributes && text.charCodeAt(pos + 1) === LBRACKET) return false;
  }
  lineComment(lexer, pos);
  return true;
}

/** A line comment from `start` to the end of the line (continued after a trailing backslash in C-family code). */
export function lineComment(lexer: LexerState, start: number): void {
  const text = lexer.text;
  let stop = text.indexOf('\n', start);
  if (stop < 0 || stop > lexer.end) stop = lexer.end;
  if (lexer.profile.preprocessor) {
    // In C and C++ a backslash at the end of a line comment continues it onto the next line.
    while (stop < lexer.end) {
      let last = stop - 1;
      if (last >= start && text.charCodeAt(last) === CR) last--;
      if (last < start || text.charCodeAt(last) !== BACKSLASH) break;
      lexer.lineFlags[lexer.line]! |= LINE_COMMENT;
      lexer.line++;
      lexer.lineStartPos = stop + 1;
      const next = text.indexOf('\n', stop + 1);
      stop = next < 0 || next > lexer.end ? lexer.end : next;
    }
  }
  if (lexer.profile.phpTags) {
    // `?>` ends PHP mode even inside a line comment.
    const close = text.indexOf('?>', start);
    if (close >= 0 && close < stop) {
      lexer.lineFlags[lexer.line]! |= LINE_COMMENT;
      lexer.pos = close + 2;
      scanPhpMarkup(lexer);
      return;
    }
  }
  lexer.lineFlags[lexer.line]! |= LINE_COMMENT;
  lexer.pos = stop;
}

function blockComment(lexer: LexerState, block: BlockCommentSyntax): void {
  if (!block.nests) {
    const start = lexer.pos;
    const close = lexer.text.indexOf(block.close, start + block.open.length);
    const stop = close < 0 || close + block.close.length > lexer.end ? lexer.end : close + block.close.length;
    const startLine = lexer.line;
    lexer.markCommentText(start, stop, startLine);
    lexer.advanceLines(start, stop);
    lexer.pos = stop;
    if (lexer.line !== startLine) lexer.lineHasToken = false;
    lexer.pendingFlags |= FLAG_SPACE_BEFORE;
    return;
  }
  nestedBlockComment(lexer, block);
}

/** Block comments that nest (Rust, Swift, Kotlin, Scala, Haskell, OCaml): depth is counted. */
function nestedBlockComment(lexer: LexerState, block: BlockCommentSyntax): void {
  const text = lexer.text;
  const end = lexer.end;
  const flags = lexer.lineFlags;
  const open = block.open;
  const close = block.close;
  const openFirst = open.charCodeAt(0);
  const closeFirst = close.charCodeAt(0);
  let pos = lexer.pos + open.length;
  let line = lexer.line;
  let depth = 1;
  let sawText = true;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === LF) {
      if (sawText) flags[line]! |= LINE_COMMENT;
      line++;
      pos++;
      lexer.lineStartPos = pos;
      sawText = false;
      continue;
    }
    if (c === closeFirst && text.startsWith(close, pos)) {
      pos += close.length;
      sawText = true;
      if (--depth === 0) break;
      continue;
    }
    if (c === openFirst && text.startsWith(open, pos)) {
      pos += open.length;
      depth++;
      sawText = true;
      continue;
    }
    if (c !== SPACE && c !== TAB && c !== CR) sawText = true;
    pos++;
  }
  if (sawText) flags[line]! |= LINE_COMMENT;
  // A comment that ended on a later line leaves that line without tokens so far.
  if (line !== lexer.line) lexer.lineHasToken = false;
  lexer.line = line;
  lexer.pos = pos;
  lexer.pendingFlags |= FLAG_SPACE_BEFORE;
}

/** Lua `--[[ … ]]` and `--[==[ … ]==]`. `pos` is right after `--`. */
function luaLongComment(lexer: LexerState, pos: number): boolean {
  const level = luaLongBracketLevel(lexer.text, pos, lexer.end);
  if (level < 0) return false;
  const close = ']' + '='.repeat(level) + ']';
  const start = lexer.pos;
  let stop = lexer.text.indexOf(close, pos + level + 2);
  stop = stop < 0 || stop + close.length > lexer.end ? lexer.end : stop + close.length;
  const startLine = lexer.line;
  lexer.advanceLines(start, stop);
  lexer.markCommentText(start, stop, startLine);
  lexer.pos = stop;
  return true;
}

/** Ruby `=begin … =end`, Perl POD `=pod … =cut`, both at column 0. */
export function lineStartDocs(lexer: LexerState): boolean {
  const text = lexer.text;
  const pos = lexer.pos;
  const ruby = lexer.profile.lineStartDocs === 'ruby';
  if (ruby) {
    if (!text.startsWith('=begin', pos) || isWordChar(text.charCodeAt(pos + 6))) return false;
  } else if (!isAsciiLetter(text.charCodeAt(pos + 1))) {
    return false;
  }
  const closer = ruby ? '\n=end' : '\n=cut';
  let close = text.indexOf(closer, pos);
  let stop: number;
  if (close < 0 || close >= lexer.end) {
    stop = lexer.end;
  } else {
    close += 1;
    const lineEnd = text.indexOf('\n', close);
    stop = lineEnd < 0 || lineEnd > lexer.end ? lexer.end : lineEnd;
  }
  const startLine = lexer.line;
  lexer.advanceLines(pos, stop);
  lexer.markCommentText(pos, stop, startLine);
  lexer.pos = stop;
  return true;
}

/** Markup outside `<?php … ?>`: HTML comments are comments, other text is code. */
export function scanPhpMarkup(lexer: LexerState): void {
  const text = lexer.text;
  const flags = lexer.lineFlags;
  let pos = lexer.pos;
  while (pos < lexer.end) {
    const c = text.charCodeAt(pos);
    if (c === LF) {
      lexer.line++;
      pos++;
      lexer.lineStartPos = pos;
      lexer.lineHasToken = false;
      continue;
    }
    if (c === LT && text.charCodeAt(pos + 1) === QUESTION) {
      pos += 2;
      if (text.startsWith('php', pos)) pos += 3;
      else if (text.charCodeAt(pos) === EQ) pos++;
      lexer.pos = pos;
      lexer.expressionStart = true;
      return;
    }
    if (c === LT && text.startsWith('<!--', pos)) {
      lexer.pos = pos;
      blockComment(lexer, { open: '<!--', close: '-->', nests: false });
      pos = lexer.pos;
      continue;
    }
    if (c !== SPACE && c !== TAB && c !== CR) flags[lexer.line]! |= LINE_CODE;
    pos++;
  }
  lexer.pos = pos;
}
