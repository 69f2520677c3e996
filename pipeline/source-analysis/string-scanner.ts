/**
 * String literal scanners: quotes of every family, triple quotes, raw and prefixed strings,
 * character literals, and interpolation (`${…}`, `#{…}`, `\(…)`, f-string `{…}`), which pushes a
 * frame and returns to code until the matching closer. Python docstrings mark comment lines.
 */
import {
  AT,
  BACKSLASH,
  BACKTICK,
  COLON,
  COMMA,
  CR,
  DOLLAR,
  DOT,
  DQUOTE,
  HASH,
  LBRACE,
  LBRACKET,
  LF,
  LPAREN,
  MINUS,
  QUESTION,
  RBRACE,
  RBRACKET,
  RPAREN,
  SEMICOLON,
  SPACE,
  SQUOTE,
  TAB,
} from './char-codes.js';
import { isWordChar, luaLongBracketLevel } from './lexer-profile.js';
import { LINE_CODE, type LexerState, MODE_STRING } from './lexer-state.js';
import {
  INTERPOLATION_BACKSLASH_PAREN,
  INTERPOLATION_BRACE,
  INTERPOLATION_DOLLAR_BRACE,
  INTERPOLATION_HASH_BRACE,
  INTERPOLATION_NONE,
  INTERPOLATION_PYTHON,
  INTERPOLATION_SHELL,
  type StringStyle,
  hashedRawStyle,
} from './string-styles.js';
import { TOKEN_IDENTIFIER, TOKEN_STRING } from './token-buffer.js';

/** A `"` string (or `"""` where the family has triple quotes); false when `"` is not a quote here. */
export function doubleQuote(lexer: LexerState): boolean {
  const profile = lexer.profile;
  const styles = lexer.compiled.styles;
  if (styles.double === null) return false;
  if (profile.quotesAtValueStartOnly && !atYamlValueStart(lexer)) return false;
  const text = lexer.text;
  const pos = lexer.pos;
  if (profile.csharpStrings && text.startsWith('"""', pos)) {
    stringLiteral(lexer, styles.rawTripleDouble, pos, 3);
    return true;
  }
  if (styles.tripleDouble !== null && text.charCodeAt(pos + 1) === DQUOTE && text.charCodeAt(pos + 2) === DQUOTE) {
    stringLiteral(lexer, styles.tripleDouble, pos, 3);
    return true;
  }
  stringLiteral(lexer, styles.double, pos, 1);
  return true;
}

/** A `'` string or character literal; false for ticks, transposes and families where `'` is not a quote. */
export function singleQuote(lexer: LexerState): boolean {
  const profile = lexer.profile;
  const styles = lexer.compiled.styles;
  const text = lexer.text;
  const pos = lexer.pos;
  switch (profile.singleQuote) {
    case 'none':
      return false;
    case 'char':
      charLiteral(lexer, pos);
      return true;
    case 'char-or-tick': {
      const next = text.charCodeAt(pos + 1);
      const closesAt2 = text.charCodeAt(pos + 2) === SQUOTE;
      const surrogate = next >= 0xd800 && next <= 0xdbff && text.charCodeAt(pos + 3) === SQUOTE;
      if (next === BACKSLASH || (closesAt2 && next !== SQUOTE && next !== LF) || surrogate) {
        charLiteral(lexer, pos);
        return true;
      }
      return false;
    }
    case 'string-or-transpose': {
      const previous = pos > lexer.rangeStart ? text.charCodeAt(pos - 1) : 0;
      if (isWordChar(previous) || previous === RPAREN || previous === RBRACKET || previous === RBRACE || previous === SQUOTE || previous === DOT) {
        return false;
      }
      break;
    }
    default:
      break;
  }
  if (profile.quotesAtValueStartOnly && !atYamlValueStart(lexer)) return false;
  if (styles.tripleSingle !== null && text.charCodeAt(pos + 1) === SQUOTE && text.charCodeAt(pos + 2) === SQUOTE) {
    stringLiteral(lexer, styles.tripleSingle, pos, 3);
    return true;
  }
  if (styles.single === null) return false;
  stringLiteral(lexer, styles.single, pos, 1);
  return true;
}

/** A backtick template, raw string, command or quoted identifier, per family; false where it means nothing. */
export function backtick(lexer: LexerState): boolean {
  const profile = lexer.profile;
  const pos = lexer.pos;
  if (profile.backtick === 'none') return false;
  if (profile.backtick === 'identifier') {
    const text = lexer.text;
    let stop = pos + 1;
    while (stop < lexer.end) {
      const c = text.charCodeAt(stop);
      if (c === BACKTICK || c === LF) break;
      stop++;
    }
    if (stop < lexer.end && text.charCodeAt(stop) === BACKTICK) stop++;
    lexer.pos = stop;
    lexer.emit(TOKEN_IDENTIFIER, 0, pos, stop, lexer.line, lexer.line);
    return true;
  }
  stringLiteral(lexer, lexer.compiled.styles.backtick!, pos, 1);
  return true;
}

/** A character literal: to the closing quote, or to the end of the line when unterminated. */
function charLiteral(lexer: LexerState, start: number): void {
  const text = lexer.text;
  const end = lexer.end;
  let pos = start + 1;
  while (pos < end) {
    const c = text.charCodeAt(pos);
    if (c === BACKSLASH) {
      if (text.charCodeAt(pos + 1) === LF) break;
      pos += 2;
      continue;
    }
    if (c === LF) break;
    pos++;
    if (c === SQUOTE) break;
  }
  if (pos > end) pos = end;
  lexer.pos = pos;
  lexer.emit(TOKEN_STRING, 0, start, pos, lexer.line, lexer.line);
}

/**
 * A string starting at `tokenStart` whose opening delimiter is `openLength` long. Handles
 * Python docstrings: a string that is a whole statement marks its lines as comment, not code.
 */
function stringLiteral(lexer: LexerState, style: StringStyle, tokenStart: number, openLength: number): void {
  const docstringCandidate = lexer.profile.docstrings && lexer.atLogicalLineStart();
  const startLine = lexer.line;
  const modeDepth = lexer.modeDepth;
  lexer.deferStringMarks = docstringCandidate;
  lexer.pos = tokenStart + openLength;
  stringBody(lexer, style, tokenStart);
  lexer.deferStringMarks = false;
  // An f-string that opened an interpolation is an expression; its lines are already code.
  if (!docstringCandidate || lexer.modeDepth !== modeDepth) return;
  if (onlyCommentFollows(lexer, lexer.pos)) lexer.markCommentText(tokenStart, lexer.pos, startLine);
  else lexer.markCodeLines(startLine, lexer.line);
}

/** True when only blanks, a comment or the end of the line follow `pos`. */
function onlyCommentFollows(lexer: LexerState, pos: number): boolean {
  const text = lexer.text;
  while (pos < lexer.end) {
    const c = text.charCodeAt(pos);
    if (c === SPACE || c === TAB || c === CR) {
      pos++;
      continue;
    }
    return c === LF || c === HASH || c === SEMICOLON;
  }
  return true;
}

/**
 * Scans a string body from `lexer.pos` (after the opening delimiter). Emits one token per
 * literal piece; at an interpolation it pushes a frame and returns to code mode.
 */
export function stringBody(lexer: LexerState, style: StringStyle, tokenStart: number): void {
  const text = lexer.text;
  const end = lexer.end;
  const flags = lexer.lineFlags;
  const quote = style.quote;
  const escape = style.escape;
  const interpolation = style.interpolation;
  const mark = !lexer.deferStringMarks;
  const startLine = lexer.line;
  let line = startLine;
  let pos = lexer.pos;
  for (;;) {
    if (pos >= end) {
      pos = end;
      break;
    }
    const c = text.charCodeAt(pos);
    if (c === quote) {
      if (style.quoteCount === 3) {
        if (text.charCodeAt(pos + 1) === quote && text.charCodeAt(pos + 2) === quote) {
          pos += 3;
          // Kotlin and Scala allow extra quotes right before the closing triple.
          while (pos < end && text.charCodeAt(pos) === quote) pos++;
          if (closesHashes(lexer, style, pos)) {
            pos += style.hashes;
            break;
          }
          if (style.hashes === 0) break;
          continue;
        }
        pos++;
        continue;
      }
      if (style.doubling && text.charCodeAt(pos + 1) === quote) {
        pos += 2;
        continue;
      }
      pos++;
      if (style.hashes === 0) break;
      if (closesHashes(lexer, style, pos)) {
        pos += style.hashes;
        break;
      }
      continue;
    }
    if (c === LF) {
      if (!style.multiline) break;
      if (mark) flags[line]! |= LINE_CODE;
      line++;
      pos++;
      lexer.lineStartPos = pos;
      continue;
    }
    if (c === escape) {
      if (interpolation === INTERPOLATION_BACKSLASH_PAREN && text.charCodeAt(pos + 1) === LPAREN) {
        openInterpolation(lexer, style, tokenStart, pos, 2, RPAREN, startLine, line);
        return;
      }
      pos++;
      if (pos < end) {
        const escaped = text.charCodeAt(pos);
        if (escaped === LF || (escaped === CR && text.charCodeAt(pos + 1) === LF)) {
          if (escaped === CR) pos++;
          if (mark) flags[line]! |= LINE_CODE;
          line++;
          lexer.lineStartPos = pos + 1;
        }
        pos++;
      }
      continue;
    }
    if (interpolation !== INTERPOLATION_NONE) {
      const next = text.charCodeAt(pos + 1);
      switch (interpolation) {
        case INTERPOLATION_DOLLAR_BRACE:
          if (c === DOLLAR && next === LBRACE) return openInterpolation(lexer, style, tokenStart, pos, 2, RBRACE, startLine, line);
          break;
        case INTERPOLATION_HASH_BRACE:
          if (c === HASH && next === LBRACE) return openInterpolation(lexer, style, tokenStart, pos, 2, RBRACE, startLine, line);
          break;
        case INTERPOLATION_SHELL:
          if (c === DOLLAR && next === LPAREN) return openInterpolation(lexer, style, tokenStart, pos, 2, RPAREN, startLine, line);
          if (c === DOLLAR && next === LBRACE) return openInterpolation(lexer, style, tokenStart, pos, 2, RBRACE, startLine, line);
          break;
        case INTERPOLATION_BRACE:
        case INTERPOLATION_PYTHON:
          if (c === LBRACE) {
            if (next === LBRACE) {
              pos += 2;
              continue;
            }
            return openInterpolation(lexer, style, tokenStart, pos, 1, RBRACE, startLine, line);
          }
          break;
        default:
          break;
      }
    }
    pos++;
  }
  lexer.pos = pos;
  lexer.line = line;
  if (mark) lexer.emit(TOKEN_STRING, 0, tokenStart, pos, startLine, line);
  else lexer.pushToken(TOKEN_STRING, 0, tokenStart, pos, startLine, line);
}

function closesHashes(lexer: LexerState, style: StringStyle, pos: number): boolean {
  const text = lexer.text;
  for (let i = 0; i < style.hashes; i++) if (text.charCodeAt(pos + i) !== HASH) return false;
  return true;
}

function openInterpolation(
  lexer: LexerState,
  style: StringStyle,
  tokenStart: number,
  pos: number,
  openerLength: number,
  closer: number,
  startLine: number,
  line: number,
): void {
  const pieceEnd = pos + openerLength;
  lexer.pos = pieceEnd;
  lexer.line = line;
  lexer.emit(TOKEN_STRING, 0, tokenStart, pieceEnd, startLine, line);
  lexer.markCodeLines(startLine, line);
  lexer.pushMode(MODE_STRING, closer, 0, style);
}

/** Python f-string format spec (`{value:>10}`): literal text up to the closing brace. */
export function pythonFormatSpec(lexer: LexerState): boolean {
  if (lexer.modeDepth === 0) return false;
  const depth = lexer.modeDepth - 1;
  if (lexer.modeKind[depth] !== MODE_STRING || lexer.modeStyle[depth]!.interpolation !== INTERPOLATION_PYTHON) return false;
  if (lexer.bracketDepth !== lexer.modeFloor[depth]) return false;
  const text = lexer.text;
  let pos = lexer.pos + 1;
  let nested = 0;
  while (pos < lexer.end) {
    const c = text.charCodeAt(pos);
    if (c === LBRACE) nested++;
    else if (c === RBRACE) {
      if (nested === 0) break;
      nested--;
    } else if (c === LF && !lexer.modeStyle[depth]!.multiline) break;
    else if (c === LF) lexer.newlineInLiteral(pos);
    pos++;
  }
  lexer.emit(TOKEN_STRING, 0, lexer.pos, pos, lexer.line, lexer.line);
  lexer.pos = pos;
  return true;
}

/** Identifier immediately followed by a quote: `r"…"`, `f'…'`, `b"…"`, `R"(…)"`, `s"…${x}"`. */
export function prefixedString(lexer: LexerState, start: number, identEnd: number, quote: number): boolean {
  const text = lexer.text;
  const length = identEnd - start;
  const styles = lexer.compiled.styles;
  const triple = quote !== HASH && text.charCodeAt(identEnd + 1) === quote && text.charCodeAt(identEnd + 2) === quote;
  switch (lexer.profile.stringPrefixes) {
    case 'python': {
      if (length > 2 || quote === HASH) return false;
      let interpolated = false;
      for (let i = start; i < identEnd; i++) {
        const c = text.charCodeAt(i) | 32;
        if (c === 102) interpolated = true;
        else if (c !== 114 && c !== 98 && c !== 117) return false;
      }
      let style: StringStyle | null;
      if (interpolated) {
        style = quote === DQUOTE
          ? triple ? styles.interpolatedTripleDouble : styles.interpolatedDouble
          : triple ? styles.interpolatedTripleSingle : styles.interpolatedSingle;
      } else {
        style = quote === DQUOTE ? (triple ? styles.tripleDouble : styles.double) : triple ? styles.tripleSingle : styles.single;
      }
      if (style === null) return false;
      stringLiteral(lexer, style, start, length + (triple ? 3 : 1));
      return true;
    }
    case 'rust': {
      const word = text.slice(start, identEnd);
      if ((word === 'r' || word === 'br' || word === 'cr') && (quote === DQUOTE || quote === HASH)) {
        let p = identEnd;
        while (text.charCodeAt(p) === HASH) p++;
        if (text.charCodeAt(p) !== DQUOTE) return false;
        stringLiteral(lexer, hashedRawStyle(p - identEnd, 1), start, p - start + 1);
        return true;
      }
      if ((word === 'b' || word === 'c') && quote === DQUOTE) {
        stringLiteral(lexer, styles.double!, start, length + 1);
        return true;
      }
      if (word === 'b' && quote === SQUOTE) {
        charLiteral(lexer, identEnd);
        lexer.tokens.start[lexer.tokens.count - 1] = start;
        return true;
      }
      return false;
    }
    case 'cpp': {
      if (length > 3 || quote === HASH) return false;
      const word = text.slice(start, identEnd);
      if (quote === DQUOTE && (word === 'R' || word === 'u8R' || word === 'uR' || word === 'UR' || word === 'LR')) {
        cppRawString(lexer, start, identEnd);
        return true;
      }
      if (word === 'u8' || word === 'u' || word === 'U' || word === 'L') {
        if (quote === DQUOTE) stringLiteral(lexer, styles.double!, start, length + 1);
        else {
          charLiteral(lexer, identEnd);
          lexer.tokens.start[lexer.tokens.count - 1] = start;
        }
        return true;
      }
      return false;
    }
    case 'scala': {
      if (quote !== DQUOTE) return false;
      stringLiteral(lexer, triple ? styles.interpolatedTripleDouble : styles.interpolatedDouble, start, length + (triple ? 3 : 1));
      return true;
    }
    case 'dart': {
      if (length !== 1 || text.charCodeAt(start) !== 114 || quote === HASH) return false;
      const style = quote === DQUOTE
        ? triple ? styles.rawTripleDouble : styles.rawDouble
        : triple ? styles.rawTripleSingle : styles.rawSingle;
      stringLiteral(lexer, style, start, length + (triple ? 3 : 1));
      return true;
    }
    default:
      return false;
  }
}

/** C++ `R"delim( … )delim"`. */
function cppRawString(lexer: LexerState, start: number, quotePos: number): void {
  const text = lexer.text;
  const open = text.indexOf('(', quotePos + 1);
  const lineEnd = text.indexOf('\n', quotePos);
  if (open < 0 || open - quotePos - 1 > 16 || (lineEnd >= 0 && open > lineEnd)) {
    lexer.pos = quotePos;
    stringLiteral(lexer, lexer.compiled.styles.double!, quotePos, 1);
    lexer.tokens.start[lexer.tokens.count - 1] = start;
    return;
  }
  const closer = ')' + text.slice(quotePos + 1, open) + '"';
  const close = text.indexOf(closer, open + 1);
  const stop = close < 0 || close + closer.length > lexer.end ? lexer.end : close + closer.length;
  const startLine = lexer.line;
  lexer.advanceLines(start, stop);
  lexer.pos = stop;
  lexer.emit(TOKEN_STRING, 0, start, stop, startLine, lexer.line);
  lexer.markCodeLines(startLine, lexer.line);
}

/** C# `@"…"`, `$"…"`, `$@"…"`, `@$"…"`, `$"""…"""`. */
export function csharpString(lexer: LexerState): boolean {
  const text = lexer.text;
  const pos = lexer.pos;
  const styles = lexer.compiled.styles;
  let p = pos;
  let verbatim = false;
  let interpolated = false;
  while (p < pos + 3) {
    const c = text.charCodeAt(p);
    if (c === AT) verbatim = true;
    else if (c === DOLLAR) interpolated = true;
    else break;
    p++;
  }
  if (text.charCodeAt(p) !== DQUOTE) return false;
  if (text.startsWith('"""', p)) {
    stringLiteral(lexer, interpolated ? styles.interpolatedTripleDouble : styles.rawTripleDouble, pos, p - pos + 3);
    return true;
  }
  const style = verbatim ? (interpolated ? styles.verbatimInterpolated : styles.verbatim) : styles.interpolatedDouble;
  stringLiteral(lexer, style, pos, p - pos + 1);
  return true;
}

/** Swift `#"…"#` raw strings. */
export function hashRawString(lexer: LexerState): boolean {
  const text = lexer.text;
  let p = lexer.pos;
  while (text.charCodeAt(p) === HASH) p++;
  if (text.charCodeAt(p) !== DQUOTE) return false;
  const hashes = p - lexer.pos;
  const triple = text.startsWith('"""', p);
  stringLiteral(lexer, hashedRawStyle(hashes, triple ? 3 : 1), lexer.pos, hashes + (triple ? 3 : 1));
  return true;
}

/** YAML quotes open a string only where a scalar starts. */
function atYamlValueStart(lexer: LexerState): boolean {
  const text = lexer.text;
  let p = lexer.pos - 1;
  while (p >= lexer.lineStartPos) {
    const c = text.charCodeAt(p);
    if (c === SPACE || c === TAB) {
      p--;
      continue;
    }
    return c === COLON || c === MINUS || c === LBRACKET || c === LBRACE || c === COMMA || c === QUESTION;
  }
  return true;
}

/** Lua `[[ … ]]` and `[==[ … ]==]` strings. */
export function luaLongString(lexer: LexerState): boolean {
  const start = lexer.pos;
  const level = luaLongBracketLevel(lexer.text, start, lexer.end);
  if (level < 0) return false;
  const close = ']' + '='.repeat(level) + ']';
  let stop = lexer.text.indexOf(close, start + level + 2);
  stop = stop < 0 || stop + close.length > lexer.end ? lexer.end : stop + close.length;
  const startLine = lexer.line;
  lexer.advanceLines(start, stop);
  lexer.pos = stop;
  lexer.emit(TOKEN_STRING, 0, start, stop, startLine, lexer.line);
  lexer.markCodeLines(startLine, lexer.line);
  return true;
}
