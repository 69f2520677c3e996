/**
 * Literals that need context to recognise: regular expressions (JavaScript, Ruby), Ruby percent
 * literals, and heredocs (Ruby, shell, PHP, Perl, HCL), whose bodies start on the next line.
 */
import {
  BACKSLASH,
  BACKTICK,
  COMMA,
  CR,
  DOLLAR,
  DQUOTE,
  EQ,
  GT,
  LBRACE,
  LBRACKET,
  LF,
  LPAREN,
  LT,
  MINUS,
  RBRACE,
  RBRACKET,
  RPAREN,
  SEMICOLON,
  SLASH,
  SPACE,
  SQUOTE,
  STAR,
  TAB,
  UNDERSCORE,
} from './char-codes.js';
import { isAsciiLetter, isIdentifierStartChar, isWordChar } from './lexer-profile.js';
import { LINE_CODE, type LexerState } from './lexer-state.js';
import { FLAG_SPACE_BEFORE, TOKEN_IDENTIFIER, TOKEN_STRING } from './token-buffer.js';

/** After a heredoc terminator only blanks or closing punctuation may follow on its line. */
function heredocTerminatorRest(text: string, from: number, lineEnd: number): boolean {
  for (let p = from; p < lineEnd; p++) {
    const c = text.charCodeAt(p);
    if (c === SPACE || c === TAB || c === CR || c === SEMICOLON || c === COMMA || c === RPAREN) continue;
    return false;
  }
  return true;
}

/** A regex literal `/…/flags` where an expression may start; false (nothing consumed) for division. */
export function regexLiteral(lexer: LexerState): boolean {
  const text = lexer.text;
  const pos = lexer.pos;
  const next = text.charCodeAt(pos + 1);
  if (next === SLASH || next === STAR) return false;
  if (!lexer.expressionMayStart()) {
    // Ruby: `split /,/` — a method call with a space before the regex and none after.
    if (!(lexer.profile.regexLiterals === 'ruby' && rubyRegexAfterMethod(lexer, pos, next))) return false;
  }
  let p = pos + 1;
  let inClass = false;
  while (p < lexer.end) {
    const c = text.charCodeAt(p);
    if (c === LF) return false;
    if (c === BACKSLASH) {
      p += 2;
      continue;
    }
    if (c === LBRACKET) inClass = true;
    else if (c === RBRACKET) inClass = false;
    else if (c === SLASH && !inClass) break;
    p++;
  }
  if (p >= lexer.end) return false;
  p++;
  while (p < lexer.end && isAsciiLetter(text.charCodeAt(p))) p++;
  lexer.pos = p;
  lexer.emit(TOKEN_STRING, 0, pos, p, lexer.line, lexer.line);
  return true;
}

function rubyRegexAfterMethod(lexer: LexerState, pos: number, next: number): boolean {
  const tokens = lexer.tokens;
  const last = tokens.count - 1;
  return (
    last >= 0 &&
    tokens.kind[last] === TOKEN_IDENTIFIER &&
    (lexer.pendingFlags & FLAG_SPACE_BEFORE) !== 0 &&
    next !== SPACE &&
    next !== EQ &&
    pos > 0
  );
}

/** Ruby `%w[a b]`, `%q(text)`, `%r{re}`, `%(text)`. */
export function percentLiteral(lexer: LexerState): boolean {
  const text = lexer.text;
  const pos = lexer.pos;
  if (!lexer.expressionMayStart()) return false;
  let p = pos + 1;
  const kind = text.charCodeAt(p);
  if (isAsciiLetter(kind)) {
    if ('qQwWiIrsx'.indexOf(String.fromCharCode(kind)) < 0) return false;
    p++;
  }
  const open = text.charCodeAt(p);
  if (p >= lexer.end || isWordChar(open) || open === SPACE || open === LF || open === TAB || open === EQ) return false;
  const close = open === LPAREN ? RPAREN : open === LBRACKET ? RBRACKET : open === LBRACE ? RBRACE : open === LT ? GT : open;
  let depth = 1;
  p++;
  const startLine = lexer.line;
  while (p < lexer.end) {
    const c = text.charCodeAt(p);
    if (c === BACKSLASH) {
      p += 2;
      continue;
    }
    if (c === LF) lexer.newlineInLiteral(p);
    else if (c === close && --depth === 0) {
      p++;
      break;
    } else if (c === open && open !== close) depth++;
    p++;
  }
  if (p > lexer.end) p = lexer.end;
  lexer.pos = p;
  lexer.emit(TOKEN_STRING, 0, pos, p, startLine, lexer.line);
  return true;
}

/** `<<~EOS`, `<<-EOF`, `<<'EOF'`, `<<<EOT`: records the terminator; the body starts on the next line. */
export function heredocMarker(lexer: LexerState): boolean {
  const text = lexer.text;
  const pos = lexer.pos;
  const style = lexer.profile.heredocs;
  let p = pos + 2;
  if (style === 'php') {
    if (text.charCodeAt(p) !== LT) return false;
    p++;
    while (text.charCodeAt(p) === SPACE) p++;
  } else {
    if (text.charCodeAt(p) === LT) return false;
    const c = text.charCodeAt(p);
    if (c === MINUS || (c === 126 && (style === 'ruby' || style === 'perl'))) p++;
    if (style === 'shell') while (text.charCodeAt(p) === SPACE) p++;
  }
  let quote = text.charCodeAt(p);
  if (style === 'shell' && quote === BACKSLASH) {
    p++;
    quote = text.charCodeAt(p);
  }
  let wordStart: number;
  let wordEnd: number;
  if (quote === DQUOTE || quote === SQUOTE || quote === BACKTICK) {
    wordStart = p + 1;
    wordEnd = wordStart;
    while (wordEnd < lexer.end && text.charCodeAt(wordEnd) !== quote && text.charCodeAt(wordEnd) !== LF) wordEnd++;
    if (text.charCodeAt(wordEnd) !== quote) return false;
    p = wordEnd + 1;
  } else {
    const first = text.charCodeAt(p);
    if (!isIdentifierStartChar(first) || first === DOLLAR) return false;
    // Ruby and Perl `<<word` without `~`/`-` is a heredoc only for upper-case words; `a <<b` is a shift.
    const dashed = text.charCodeAt(pos + 2) === MINUS || text.charCodeAt(pos + 2) === 126;
    if ((style === 'ruby' || style === 'perl') && !dashed && !(first >= 65 && first <= 90) && first !== UNDERSCORE) return false;
    wordStart = p;
    wordEnd = p;
    while (wordEnd < lexer.end && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
    p = wordEnd;
  }
  if (wordEnd === wordStart) return false;
  lexer.heredocs.push({ terminator: text.slice(wordStart, wordEnd) });
  lexer.pos = p;
  lexer.emit(TOKEN_STRING, 0, pos, p, lexer.line, lexer.line);
  return true;
}

/** Reads the bodies of pending heredocs; `lexer.pos` is at the start of the line after the marker. */
export function readHeredocBodies(lexer: LexerState): void {
  const text = lexer.text;
  const pending = lexer.heredocs.splice(0);
  for (let index = 0; index < pending.length; index++) {
    const terminator = pending[index]!.terminator;
    const bodyStart = lexer.pos;
    const startLine = lexer.line;
    let terminated = false;
    while (lexer.pos < lexer.end) {
      let lineEnd = text.indexOf('\n', lexer.pos);
      if (lineEnd < 0 || lineEnd > lexer.end) lineEnd = lexer.end;
      let p = lexer.pos;
      while (p < lineEnd && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB)) p++;
      lexer.lineFlags[lexer.line]! |= LINE_CODE;
      if (text.startsWith(terminator, p) && heredocTerminatorRest(text, p + terminator.length, lineEnd)) {
        lexer.pos = lineEnd;
        terminated = true;
        break;
      }
      if (lineEnd >= lexer.end) {
        lexer.pos = lexer.end;
        break;
      }
      lexer.pos = lineEnd + 1;
      lexer.line++;
      lexer.lineStartPos = lexer.pos;
    }
    lexer.tokens.push(TOKEN_STRING, 0, 0, bodyStart, lexer.pos, startLine, lexer.line);
    if (!terminated) break;
    // The next heredoc of the same line starts right after this one's terminator line.
    if (index + 1 < pending.length && lexer.pos < lexer.end) {
      lexer.pos++;
      lexer.line++;
      lexer.lineStartPos = lexer.pos;
    }
  }
  lexer.lineHasToken = true;
}
