/**
 * A single-pass tokenizer shared by every language family. It walks the text once with
 * char-code comparisons (no regular expressions, no substring per token), marks which lines
 * hold code and which hold comment text, and fills a reusable {@link TokenBuffer} with the
 * tokens structure analysis needs: identifiers (with keyword ids), numbers, literals and
 * punctuation, brackets linked to their partners.
 *
 * It never throws on malformed input: an unterminated string or comment runs to the end of
 * its line or of the file, and unbalanced brackets are left unmatched.
 */
import {
  AMP,
  AT,
  BACKSLASH,
  BACKTICK,
  BANG,
  CARET,
  COLON,
  CR,
  DOLLAR,
  DOT,
  DQUOTE,
  EQ,
  GT,
  HASH,
  LBRACE,
  LBRACKET,
  LF,
  LPAREN,
  LT,
  MINUS,
  PERCENT,
  PIPE,
  PLUS,
  QUESTION,
  RBRACE,
  RBRACKET,
  RPAREN,
  SLASH,
  SPACE,
  SQUOTE,
  STAR,
  TAB,
} from './char-codes.js';
import { comment, hashComment, lineComment, lineStartDocs, scanPhpMarkup } from './comment-scanner.js';
import { jsxElement, jsxScan } from './jsx-scanner.js';
import {
  CLASS_DIGIT,
  CLASS_IDENT,
  CLASS_NEWLINE,
  CLASS_SPACE,
  compileProfile,
  isDigit,
  isExponentMarker,
  isHexDigit,
  isHighSpace,
  isWordChar,
} from './lexer-profile.js';
import { type LexerKeywords, LexerState, MODE_STRING } from './lexer-state.js';
import type { LexicalProfile } from './lexical-profiles.js';
import { heredocMarker, percentLiteral, readHeredocBodies, regexLiteral } from './literal-scanner.js';
import {
  backtick,
  csharpString,
  doubleQuote,
  hashRawString,
  luaLongString,
  prefixedString,
  pythonFormatSpec,
  singleQuote,
  stringBody,
} from './string-scanner.js';
import {
  FLAG_CONTINUATION,
  FLAG_SPACE_BEFORE,
  PUNCT_AND_AND,
  PUNCT_AND_ASSIGN,
  PUNCT_ASSIGN_OPERATOR,
  PUNCT_COMPARISON,
  PUNCT_DOUBLE_COLON,
  PUNCT_ELVIS,
  PUNCT_FAT_ARROW,
  PUNCT_INCREMENT,
  PUNCT_NULLISH,
  PUNCT_NULLISH_ASSIGN,
  PUNCT_OPTIONAL_CHAIN,
  PUNCT_OR_ASSIGN,
  PUNCT_OR_OR,
  PUNCT_THIN_ARROW,
  TOKEN_IDENTIFIER,
  TOKEN_NUMBER,
  TOKEN_PUNCTUATION,
  TOKEN_STRING,
  type TokenBuffer,
} from './token-buffer.js';

export { LINE_CODE, LINE_COMMENT, type LexerKeywords } from './lexer-state.js';

/**
 * The lexer. One instance is reused for every file: state is reset by {@link SourceLexer.lex}.
 *
 * @example
 * const lexer = new SourceLexer();
 * lexer.lex(profile, keywords, text, 0, text.length, 1, lineFlags, tokens);
 */
export class SourceLexer extends LexerState {
  /**
   * Tokenizes `text[start, end)`, whose first character is on line `startLine`, marking
   * `lineFlags[line]` with {@link LINE_CODE} / {@link LINE_COMMENT} and appending tokens.
   */
  lex(
    profile: LexicalProfile,
    keywords: LexerKeywords | null,
    text: string,
    start: number,
    end: number,
    startLine: number,
    lineFlags: Uint8Array,
    tokens: TokenBuffer,
  ): void {
    this.compiled = compileProfile(profile);
    this.profile = profile;
    this.keywordTable = profile.keywords && keywords ? keywords.table : null;
    this.roles = keywords ? keywords.roles : null;
    this.expressionRole = keywords ? keywords.expressionRole : 0;
    this.text = text;
    this.pos = start;
    this.rangeStart = start;
    this.end = Math.min(end, text.length);
    this.line = startLine;
    this.lineStartPos = start;
    this.lineFlags = lineFlags;
    this.tokens = tokens;
    this.pendingFlags = FLAG_SPACE_BEFORE;
    this.lineHasToken = false;
    this.inPreprocessor = false;
    this.expressionStart = true;
    this.deferStringMarks = false;
    this.bracketDepth = 0;
    this.modeDepth = 0;
    this.modeStyle.length = 0;
    this.heredocs.length = 0;
    if (profile.phpTags) scanPhpMarkup(this);
    this.run();
    // Drop references to the text so a large file is not kept alive by the shared lexer.
    this.text = '';
  }

  private run(): void {
    const text = this.text;
    const end = this.end;
    const charClass = this.compiled.charClass;
    const commentStart = this.compiled.commentStart;
    const hashComments = this.profile.hashComments !== 'none';
    const lineStartRules = this.compiled.lineStartRules;
    let pos = this.pos;
    while (pos < end) {
      let c = text.charCodeAt(pos);
      const cls = c < 128 ? charClass[c]! : isHighSpace(c) ? CLASS_SPACE : CLASS_IDENT;
      if (cls === CLASS_SPACE) {
        // Skip the whole run of blanks (indentation is a large share of source text).
        do {
          pos++;
          c = text.charCodeAt(pos);
        } while (pos < end && (c === SPACE || c === TAB));
        this.pendingFlags |= FLAG_SPACE_BEFORE;
        continue;
      }
      this.pos = pos;
      if (cls === CLASS_NEWLINE) {
        this.newline();
      } else if (lineStartRules && !this.lineHasToken && this.lineStartRule(c)) {
        // consumed by a line-start rule
      } else if (cls === CLASS_IDENT) {
        this.identifier();
      } else if (cls === CLASS_DIGIT) {
        this.number();
      } else if (c < 128 && commentStart[c] !== 0 && comment(this, c, commentStart[c]!)) {
        // comment
      } else if (c === HASH && hashComments && hashComment(this)) {
        // comment
      } else {
        this.punctuation(c);
      }
      pos = this.pos;
    }
    this.pos = pos;
  }

  private newline(): void {
    this.pos++;
    this.line++;
    this.lineStartPos = this.pos;
    this.lineHasToken = false;
    this.pendingFlags = FLAG_SPACE_BEFORE;
    this.inPreprocessor = false;
    if (this.heredocs.length > 0) readHeredocBodies(this);
  }

  /** Rules that only apply to the first non-blank character of a line. Returns true when it consumed text. */
  private lineStartRule(c: number): boolean {
    const profile = this.profile;
    const text = this.text;
    const pos = this.pos;
    const column0 = pos === this.lineStartPos;
    if (profile.preprocessor && c === HASH) {
      this.inPreprocessor = true;
      return false;
    }
    for (const marker of profile.lineStartComments) {
      if (text.startsWith(marker, pos)) {
        lineComment(this, pos);
        return true;
      }
    }
    if (c === HASH && profile.hashComments === 'line-start') {
      lineComment(this, pos);
      return true;
    }
    if (column0 && c === EQ && profile.lineStartDocs !== 'none') return lineStartDocs(this);
    if (column0 && profile.fortranFixedForm && (c === 99 || c === 67 || c === STAR)) {
      lineComment(this, pos);
      return true;
    }
    if (profile.remComments) {
      let p = pos;
      if (text.charCodeAt(p) === AT) p++;
      if (
        (text.charCodeAt(p) | 32) === 114 &&
        (text.charCodeAt(p + 1) | 32) === 101 &&
        (text.charCodeAt(p + 2) | 32) === 109 &&
        !isWordChar(text.charCodeAt(p + 3))
      ) {
        lineComment(this, pos);
        return true;
      }
    }
    return false;
  }

  private identifier(): void {
    const text = this.text;
    const end = this.end;
    const identPart = this.compiled.identPart;
    const start = this.pos;
    let pos = start;
    let hash = 0;
    let c = text.charCodeAt(pos);
    for (;;) {
      hash = (Math.imul(hash, 31) + c) | 0;
      pos++;
      if (pos >= end) break;
      c = text.charCodeAt(pos);
      if (c < 128 ? identPart[c] === 0 : isHighSpace(c)) break;
    }
    const profile = this.profile;
    const next = pos < end ? text.charCodeAt(pos) : 0;
    if (profile.stringPrefixes !== 'none' && (next === DQUOTE || next === SQUOTE || next === HASH)) {
      if (prefixedString(this, start, pos, next)) return;
    }
    if (profile.identifierSuffixes && (next === QUESTION || next === BANG) && text.charCodeAt(pos + 1) !== EQ) {
      pos++;
      this.pos = pos;
      this.emit(TOKEN_IDENTIFIER, 0, start, pos, this.line, this.line);
      return;
    }
    this.pos = pos;
    let id = 0;
    const table = this.keywordTable;
    const first = text.charCodeAt(start);
    if (table !== null && first >= 97 && first <= 122 && pos - start <= table.maxLength) {
      id = table.lookup(text, start, pos - start, hash);
      if (id !== 0 && !this.isKeywordUse(start, pos, next)) id = 0;
    }
    this.emit(TOKEN_IDENTIFIER, id, start, pos, this.line, this.line);
  }

  /** False when a keyword-shaped word is used as a name: `obj.if`, `Foo::class`, `@if`, `{ if: 1 }`. */
  private isKeywordUse(start: number, end: number, next: number): boolean {
    const tokens = this.tokens;
    const last = tokens.count - 1;
    if (last >= 0 && tokens.kind[last] === TOKEN_PUNCTUATION) {
      const punct = tokens.id[last];
      if (punct === DOT || punct === PUNCT_OPTIONAL_CHAIN || punct === PUNCT_DOUBLE_COLON) return false;
      if (punct === PUNCT_THIN_ARROW && this.profile.phpTags) return false;
    }
    const before = start > this.rangeStart ? this.text.charCodeAt(start - 1) : 0;
    if (before === AT || before === HASH || before === DOLLAR) return false;
    if (this.profile.keywordLabels && next === COLON && this.text.charCodeAt(end + 1) !== COLON) return false;
    if (this.profile.rubyLiterals && before === COLON && (start < 2 || this.text.charCodeAt(start - 2) !== COLON)) return false;
    return true;
  }

  private number(): void {
    const text = this.text;
    const end = this.end;
    const identPart = this.compiled.identPart;
    const start = this.pos;
    let pos = start + 1;
    const hex = text.charCodeAt(start) === 48 && (text.charCodeAt(pos) | 32) === 120;
    const quoteSeparators = this.profile.singleQuote === 'char';
    while (pos < end) {
      const c = text.charCodeAt(pos);
      if (c < 128 && identPart[c] === 1 && c !== DOLLAR) {
        pos++;
      } else if (c === DOT && pos + 1 < end && isDigit(text.charCodeAt(pos + 1))) {
        pos++;
      } else if ((c === PLUS || c === MINUS) && !hex && isExponentMarker(text.charCodeAt(pos - 1))) {
        pos++;
      } else if (c === SQUOTE && quoteSeparators && pos + 1 < end && isHexDigit(text.charCodeAt(pos + 1))) {
        // C++14 digit separators: 1'000'000.
        pos++;
      } else {
        break;
      }
    }
    this.pos = pos;
    this.emit(TOKEN_NUMBER, 0, start, pos, this.line, this.line);
  }

  private punctuation(c: number): void {
    const text = this.text;
    const pos = this.pos;
    const next = pos + 1 < this.end ? text.charCodeAt(pos + 1) : 0;
    const profile = this.profile;
    switch (c) {
      case DQUOTE:
        if (doubleQuote(this)) return;
        break;
      case SQUOTE:
        if (singleQuote(this)) return;
        break;
      case BACKTICK:
        if (backtick(this)) return;
        break;
      case SLASH:
        if (profile.regexLiterals !== 'none' && regexLiteral(this)) return;
        if (next === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 2);
        break;
      case BACKSLASH:
        if (this.backslash(next)) return;
        break;
      case LT:
        if (next === LT && profile.heredocs !== 'none' && heredocMarker(this)) return;
        if (profile.jsx && jsxElement(this)) return;
        if (next === EQ) return this.operator(PUNCT_COMPARISON, text.charCodeAt(pos + 2) === GT ? 3 : 2);
        if (next === LT && text.charCodeAt(pos + 2) === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 3);
        break;
      case GT:
        if (next === EQ) return this.operator(PUNCT_COMPARISON, 2);
        if (next === GT) {
          // Keep `>>` as two tokens (closing generics) unless it is an assignment.
          const third = text.charCodeAt(pos + 2);
          if (third === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 3);
          if (third === GT && text.charCodeAt(pos + 3) === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 4);
        }
        break;
      case EQ:
        if (next === EQ) return this.operator(PUNCT_COMPARISON, text.charCodeAt(pos + 2) === EQ ? 3 : 2);
        if (next === GT) return this.operator(PUNCT_FAT_ARROW, 2);
        if (next === 126) return this.operator(PUNCT_COMPARISON, 2);
        break;
      case BANG:
        if (next === EQ) return this.operator(PUNCT_COMPARISON, text.charCodeAt(pos + 2) === EQ ? 3 : 2);
        break;
      case AMP:
        if (next === AMP) return text.charCodeAt(pos + 2) === EQ ? this.operator(PUNCT_AND_ASSIGN, 3) : this.operator(PUNCT_AND_AND, 2);
        if (next === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 2);
        break;
      case PIPE:
        if (next === PIPE) return text.charCodeAt(pos + 2) === EQ ? this.operator(PUNCT_OR_ASSIGN, 3) : this.operator(PUNCT_OR_OR, 2);
        if (next === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 2);
        break;
      case QUESTION:
        this.questionMark(next);
        return;
      case MINUS:
        if (next === GT) return this.operator(PUNCT_THIN_ARROW, 2);
        if (next === MINUS) return this.operator(PUNCT_INCREMENT, 2);
        if (next === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 2);
        break;
      case PLUS:
        if (next === PLUS) return this.operator(PUNCT_INCREMENT, 2);
        if (next === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 2);
        break;
      case STAR:
      case CARET:
        if (next === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 2);
        if (c === STAR && next === STAR && text.charCodeAt(pos + 2) === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 3);
        break;
      case PERCENT:
        if (profile.rubyLiterals && percentLiteral(this)) return;
        if (next === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 2);
        break;
      case COLON:
        if (this.modeDepth > 0 && pythonFormatSpec(this)) return;
        if (next === COLON) return this.operator(PUNCT_DOUBLE_COLON, 2);
        if (next === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 2);
        break;
      case DOT:
        if (isDigit(next)) {
          this.number();
          return;
        }
        break;
      case AT:
      case DOLLAR:
        if (profile.csharpStrings && csharpString(this)) return;
        break;
      case HASH:
        if (profile.hashRawStrings && hashRawString(this)) return;
        break;
      case LBRACKET:
        if (profile.luaLongBrackets && luaLongString(this)) return;
        this.openBracket(c);
        return;
      case LPAREN:
      case LBRACE:
        this.openBracket(c);
        return;
      case RPAREN:
      case RBRACKET:
      case RBRACE:
        this.closeBracket(c);
        return;
      default:
        break;
    }
    this.operator(c, 1);
  }

  private operator(id: number, length: number): void {
    const start = this.pos;
    this.pos = start + length;
    this.emit(TOKEN_PUNCTUATION, id, start, start + length, this.line, this.line);
  }

  private questionMark(next: number): void {
    const text = this.text;
    const pos = this.pos;
    if (next === QUESTION) {
      this.operator(text.charCodeAt(pos + 2) === EQ ? PUNCT_NULLISH_ASSIGN : PUNCT_NULLISH, text.charCodeAt(pos + 2) === EQ ? 3 : 2);
    } else if (next === DOT && !isDigit(text.charCodeAt(pos + 2))) {
      this.operator(PUNCT_OPTIONAL_CHAIN, 2);
    } else if (next === MINUS && text.charCodeAt(pos + 2) === GT) {
      this.operator(PUNCT_OPTIONAL_CHAIN, 3);
    } else if (next === COLON && text.charCodeAt(pos + 2) !== COLON) {
      this.operator(PUNCT_ELVIS, 2);
    } else if (next === GT && this.profile.phpTags) {
      this.pos = pos + 2;
      scanPhpMarkup(this);
    } else {
      this.operator(QUESTION, 1);
    }
  }

  private backslash(next: number): boolean {
    const text = this.text;
    const pos = this.pos;
    if (next === LF || (next === CR && text.charCodeAt(pos + 2) === LF)) {
      // Line continuation: the next line belongs to the same logical line (and directive).
      const keepPreprocessor = this.inPreprocessor;
      this.pos = pos + (next === LF ? 1 : 2);
      this.newlineWithinStatement();
      this.inPreprocessor = keepPreprocessor;
      this.pendingFlags |= FLAG_CONTINUATION;
      return true;
    }
    if (this.profile.backslashCharacters && pos + 1 < this.end) {
      this.pos = pos + 2;
      this.emit(TOKEN_STRING, 0, pos, pos + 2, this.line, this.line);
      return true;
    }
    return false;
  }

  /** Consumes the `\n` at `pos` as a line break inside one statement. */
  private newlineWithinStatement(): void {
    this.pos++;
    this.line++;
    this.lineStartPos = this.pos;
    this.lineHasToken = false;
    this.pendingFlags = FLAG_SPACE_BEFORE;
  }

  private openBracket(c: number): void {
    const start = this.pos;
    this.pos = start + 1;
    const index = this.emit(TOKEN_PUNCTUATION, c, start, start + 1, this.line, this.line);
    this.tokens.match[index] = -1;
    if (this.bracketDepth === this.brackets.length) {
      const bigger = new Int32Array(this.brackets.length * 2);
      bigger.set(this.brackets);
      this.brackets = bigger;
    }
    this.brackets[this.bracketDepth++] = index;
    this.expressionStart = true;
  }

  private closeBracket(c: number): void {
    const opener = c === RPAREN ? LPAREN : c === RBRACKET ? LBRACKET : LBRACE;
    const floor = this.modeDepth > 0 ? this.modeFloor[this.modeDepth - 1]! : 0;
    const tokens = this.tokens;
    // Search a few levels down for the partner: skipping an unclosed `(` keeps the braces around it matched.
    const lowest = Math.max(floor, this.bracketDepth - 8);
    let partnerLevel = -1;
    for (let level = this.bracketDepth - 1; level >= lowest; level--) {
      if (tokens.id[this.brackets[level]!] === opener) {
        partnerLevel = level;
        break;
      }
    }
    if (partnerLevel < 0 && this.modeDepth > 0 && this.modeCloser[this.modeDepth - 1] === c) {
      this.bracketDepth = floor;
      this.closeInterpolation();
      return;
    }
    const start = this.pos;
    this.pos = start + 1;
    const index = this.emit(TOKEN_PUNCTUATION, c, start, start + 1, this.line, this.line);
    this.tokens.match[index] = -1;
    if (partnerLevel >= 0) {
      const partner = this.brackets[partnerLevel]!;
      tokens.match[partner] = index;
      tokens.match[index] = partner;
      this.bracketDepth = partnerLevel;
    }
  }

  /** The closer of the innermost interpolation was reached at `this.pos`: resume what it interrupted. */
  private closeInterpolation(): void {
    const depth = --this.modeDepth;
    const kind = this.modeKind[depth]!;
    const start = this.pos;
    this.pos = start + 1;
    if (kind === MODE_STRING) {
      stringBody(this, this.modeStyle[depth]!, start);
    } else {
      jsxScan(this, kind, this.modeAux[depth]!, start + 1);
    }
  }
}
