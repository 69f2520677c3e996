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
import type { BlockCommentSyntax, LexicalProfile } from './lexical-profiles.js';
import type { KeywordTable } from './keyword-table.js';
import {
  buildStringStyles,
  hashedRawStyle,
  INTERPOLATION_BACKSLASH_PAREN,
  INTERPOLATION_BRACE,
  INTERPOLATION_DOLLAR_BRACE,
  INTERPOLATION_HASH_BRACE,
  INTERPOLATION_NONE,
  INTERPOLATION_PYTHON,
  INTERPOLATION_SHELL,
  type ProfileStringStyles,
  StringStyle,
} from './string-styles.js';
import {
  FLAG_CONTINUATION,
  FLAG_LINE_START,
  FLAG_PREPROCESSOR,
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

/** Line flag: the line holds code (any token or literal text). */
export const LINE_CODE = 1;
/** Line flag: the line holds comment text. */
export const LINE_COMMENT = 2;

/** Keyword information the lexer needs: ids, and which keywords may precede an expression. */
export interface LexerKeywords {
  readonly table: KeywordTable;
  /** Role bits per keyword id, or null when the language has no keyword roles. */
  readonly roles: Uint16Array | null;
  /** The role bit meaning "an expression (regex, JSX) may follow". */
  readonly expressionRole: number;
}

const CLASS_OTHER = 0;
const CLASS_SPACE = 1;
const CLASS_NEWLINE = 2;
const CLASS_IDENT = 3;
const CLASS_DIGIT = 4;

const COMMENT_LINE_MARKER = 1;
const COMMENT_BLOCK_OPENER = 2;

const MODE_STRING = 1;
const MODE_JSX_TAG = 2;
const MODE_JSX_CHILDREN = 3;

// Char codes used below.
const TAB = 9;
const LF = 10;
const CR = 13;
const SPACE = 32;
const BANG = 33;
const DQUOTE = 34;
const HASH = 35;
const DOLLAR = 36;
const PERCENT = 37;
const AMP = 38;
const SQUOTE = 39;
const LPAREN = 40;
const RPAREN = 41;
const STAR = 42;
const PLUS = 43;
const COMMA = 44;
const MINUS = 45;
const DOT = 46;
const SLASH = 47;
const COLON = 58;
const SEMICOLON = 59;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const LBRACKET = 91;
const BACKSLASH = 92;
const RBRACKET = 93;
const CARET = 94;
const UNDERSCORE = 95;
const BACKTICK = 96;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;

/** Per-profile tables, built once. */
interface CompiledProfile {
  readonly profile: LexicalProfile;
  readonly charClass: Uint8Array;
  readonly identPart: Uint8Array;
  readonly commentStart: Uint8Array;
  readonly lineMarkers: readonly string[];
  readonly blockComments: readonly BlockCommentSyntax[];
  readonly styles: ProfileStringStyles;
  /** The family has rules for the first character of a line (directives, `REM`, column-1 comments). */
  readonly lineStartRules: boolean;
}

const compiledProfiles = new WeakMap<LexicalProfile, CompiledProfile>();

function compileProfile(profile: LexicalProfile): CompiledProfile {
  const cached = compiledProfiles.get(profile);
  if (cached) return cached;
  const charClass = new Uint8Array(128);
  const identPart = new Uint8Array(128);
  for (let c = 0; c < 128; c++) {
    if (c === SPACE || c === TAB || c === CR || c === 11 || c === 12 || c === 0) charClass[c] = CLASS_SPACE;
    else if (c === LF) charClass[c] = CLASS_NEWLINE;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === UNDERSCORE) charClass[c] = CLASS_IDENT;
    else if (c >= 48 && c <= 57) charClass[c] = CLASS_DIGIT;
    if (charClass[c] === CLASS_IDENT || charClass[c] === CLASS_DIGIT) identPart[c] = 1;
  }
  if (profile.dollarInIdentifiers) {
    charClass[DOLLAR] = CLASS_IDENT;
    identPart[DOLLAR] = 1;
  }
  if (profile.quoteInIdentifiers) identPart[SQUOTE] = 1;
  const commentStart = new Uint8Array(128);
  for (const marker of profile.lineComments) commentStart[marker.charCodeAt(0)]! |= COMMENT_LINE_MARKER;
  for (const block of profile.blockComments) commentStart[block.open.charCodeAt(0)]! |= COMMENT_BLOCK_OPENER;
  const compiled: CompiledProfile = {
    profile,
    charClass,
    identPart,
    commentStart,
    lineMarkers: profile.lineComments,
    blockComments: profile.blockComments,
    styles: buildStringStyles(profile),
    lineStartRules:
      profile.preprocessor ||
      profile.lineStartComments.length > 0 ||
      profile.hashComments === 'line-start' ||
      profile.lineStartDocs !== 'none' ||
      profile.fortranFixedForm ||
      profile.remComments,
  };
  compiledProfiles.set(profile, compiled);
  return compiled;
}

function isHighSpace(c: number): boolean {
  return c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isIdentifierStartChar(c: number): boolean {
  return isAsciiLetter(c) || c === UNDERSCORE || c === DOLLAR || c >= 128;
}

function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === UNDERSCORE || c >= 128;
}

/** A heredoc whose body starts on the next line. */
interface PendingHeredoc {
  readonly terminator: string;
}

/**
 * The lexer. One instance is reused for every file: state is reset by {@link lex}.
 *
 * @example
 * const lexer = new SourceLexer();
 * lexer.lex(profile, keywords, text, 0, text.length, 1, lineFlags, tokens);
 */
export class SourceLexer {
  private compiled!: CompiledProfile;
  private profile!: LexicalProfile;
  private keywordTable: KeywordTable | null = null;
  private roles: Uint16Array | null = null;
  private expressionRole = 0;
  private text = '';
  private pos = 0;
  private end = 0;
  private rangeStart = 0;
  private line = 1;
  private lineStartPos = 0;
  private lineFlags!: Uint8Array;
  private tokens!: TokenBuffer;
  /** Flags for the next token (space before, continuation). */
  private pendingFlags = 0;
  private lineHasToken = false;
  private inPreprocessor = false;
  private expressionStart = false;
  /** Defer line marking of the current string (Python docstring candidates). */
  private deferStringMarks = false;
  private brackets = new Int32Array(256);
  private bracketDepth = 0;
  private modeKind = new Uint8Array(64);
  private modeFloor = new Int32Array(64);
  private modeCloser = new Int32Array(64);
  private modeAux = new Int32Array(64);
  private modeStyle: (StringStyle | null)[] = [];
  private modeDepth = 0;
  private heredocs: PendingHeredoc[] = [];

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
    if (profile.phpTags) this.scanPhpMarkup();
    this.run();
    // Drop references to the text so a large file is not kept alive by the shared lexer.
    this.text = '';
  }

  // ---------------------------------------------------------------------------------------
  // Main loop

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
        } while (c === SPACE || c === TAB);
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
      } else if (c < 128 && commentStart[c] !== 0 && this.comment(c, commentStart[c]!)) {
        // comment
      } else if (c === HASH && hashComments && this.hashComment()) {
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
    if (this.pendingHeredocsExist()) this.readHeredocBodies();
  }

  private pendingHeredocsExist(): boolean {
    return this.heredocs.length > 0;
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
        this.lineComment(pos);
        return true;
      }
    }
    if (c === HASH && profile.hashComments === 'line-start') {
      this.lineComment(pos);
      return true;
    }
    if (column0 && c === EQ && profile.lineStartDocs !== 'none') return this.lineStartDocs();
    if (column0 && profile.fortranFixedForm && (c === 99 || c === 67 || c === STAR)) {
      this.lineComment(pos);
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
        this.lineComment(pos);
        return true;
      }
    }
    return false;
  }

  // ---------------------------------------------------------------------------------------
  // Token emission and line marks

  /** Appends a token and marks its first and last lines as code. */
  private emit(kind: number, id: number, start: number, end: number, startLine: number, endLine: number): number {
    const flags = this.lineFlags;
    flags[startLine]! |= LINE_CODE;
    if (endLine !== startLine) flags[endLine]! |= LINE_CODE;
    return this.pushToken(kind, id, start, end, startLine, endLine);
  }

  /** Appends a token without touching line marks (the caller marks lines itself). */
  private pushToken(kind: number, id: number, start: number, end: number, startLine: number, endLine: number): number {
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
  private markCodeLines(fromLine: number, toLine: number): void {
    const flags = this.lineFlags;
    for (let l = fromLine; l <= toLine; l++) flags[l]! |= LINE_CODE;
  }

  /** Marks the lines of `text[start, end)` holding non-blank text as comment. */
  private markCommentText(start: number, end: number, startLine: number): void {
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

  // ---------------------------------------------------------------------------------------
  // Comments

  /** Tries block and line comments starting with `c`. */
  private comment(c: number, starts: number): boolean {
    const text = this.text;
    const pos = this.pos;
    if (starts & COMMENT_BLOCK_OPENER) {
      for (const block of this.compiled.blockComments) {
        if (block.open.charCodeAt(0) === c && text.startsWith(block.open, pos)) {
          this.blockComment(block);
          return true;
        }
      }
    }
    if (starts & COMMENT_LINE_MARKER) {
      for (const marker of this.compiled.lineMarkers) {
        if (marker.charCodeAt(0) !== c || !text.startsWith(marker, pos)) continue;
        if (this.profile.lineCommentNotAfterColon && pos > this.rangeStart && text.charCodeAt(pos - 1) === COLON) continue;
        if (this.profile.dashCommentNeedsNonSymbol && isHaskellSymbolAfterDashes(text, pos, this.end)) continue;
        if (this.profile.luaLongBrackets && marker === '--' && this.luaLongComment(pos + 2)) return true;
        this.lineComment(pos);
        return true;
      }
    }
    return false;
  }

  /** `#` comments, subject to the family's rule. */
  private hashComment(): boolean {
    const text = this.text;
    const pos = this.pos;
    const rule = this.profile.hashComments;
    if (rule === 'line-start') return false;
    const previous = pos > this.rangeStart ? text.charCodeAt(pos - 1) : LF;
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
      if (this.profile.hashBracketAttributes && text.charCodeAt(pos + 1) === LBRACKET) return false;
    }
    this.lineComment(pos);
    return true;
  }

  private lineComment(start: number): void {
    const text = this.text;
    let stop = text.indexOf('\n', start);
    if (stop < 0 || stop > this.end) stop = this.end;
    if (this.profile.preprocessor) {
      // In C and C++ a backslash at the end of a line comment continues it onto the next line.
      while (stop < this.end) {
        let last = stop - 1;
        if (last >= start && text.charCodeAt(last) === CR) last--;
        if (last < start || text.charCodeAt(last) !== BACKSLASH) break;
        this.lineFlags[this.line]! |= LINE_COMMENT;
        this.line++;
        this.lineStartPos = stop + 1;
        const next = text.indexOf('\n', stop + 1);
        stop = next < 0 || next > this.end ? this.end : next;
      }
    }
    if (this.profile.phpTags) {
      // `?>` ends PHP mode even inside a line comment.
      const close = text.indexOf('?>', start);
      if (close >= 0 && close < stop) {
        this.lineFlags[this.line]! |= LINE_COMMENT;
        this.pos = close + 2;
        this.scanPhpMarkup();
        return;
      }
    }
    this.lineFlags[this.line]! |= LINE_COMMENT;
    this.pos = stop;
  }

  private blockComment(block: BlockCommentSyntax): void {
    if (!block.nests) {
      const start = this.pos;
      const close = this.text.indexOf(block.close, start + block.open.length);
      const stop = close < 0 || close + block.close.length > this.end ? this.end : close + block.close.length;
      const startLine = this.line;
      this.markCommentText(start, stop, startLine);
      this.advanceLines(start, stop);
      this.pos = stop;
      if (this.line !== startLine) this.lineHasToken = false;
      this.pendingFlags |= FLAG_SPACE_BEFORE;
      return;
    }
    this.nestedBlockComment(block);
  }

  /** Block comments that nest (Rust, Swift, Kotlin, Scala, Haskell, OCaml): depth is counted. */
  private nestedBlockComment(block: BlockCommentSyntax): void {
    const text = this.text;
    const end = this.end;
    const flags = this.lineFlags;
    const open = block.open;
    const close = block.close;
    const openFirst = open.charCodeAt(0);
    const closeFirst = close.charCodeAt(0);
    let pos = this.pos + open.length;
    let line = this.line;
    let depth = 1;
    let sawText = true;
    while (pos < end) {
      const c = text.charCodeAt(pos);
      if (c === LF) {
        if (sawText) flags[line]! |= LINE_COMMENT;
        line++;
        pos++;
        this.lineStartPos = pos;
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
    if (line !== this.line) this.lineHasToken = false;
    this.line = line;
    this.pos = pos;
    this.pendingFlags |= FLAG_SPACE_BEFORE;
  }

  /** Lua `--[[ … ]]` and `--[==[ … ]==]`. `pos` is right after `--`. */
  private luaLongComment(pos: number): boolean {
    const level = luaLongBracketLevel(this.text, pos, this.end);
    if (level < 0) return false;
    const close = ']' + '='.repeat(level) + ']';
    const start = this.pos;
    let stop = this.text.indexOf(close, pos + level + 2);
    stop = stop < 0 || stop + close.length > this.end ? this.end : stop + close.length;
    const startLine = this.line;
    this.advanceLines(start, stop);
    this.markCommentText(start, stop, startLine);
    this.pos = stop;
    return true;
  }

  /** Lua `[[ … ]]` and `[==[ … ]==]` strings. */
  private luaLongString(): boolean {
    const start = this.pos;
    const level = luaLongBracketLevel(this.text, start, this.end);
    if (level < 0) return false;
    const close = ']' + '='.repeat(level) + ']';
    let stop = this.text.indexOf(close, start + level + 2);
    stop = stop < 0 || stop + close.length > this.end ? this.end : stop + close.length;
    const startLine = this.line;
    this.advanceLines(start, stop);
    this.pos = stop;
    this.emit(TOKEN_STRING, 0, start, stop, startLine, this.line);
    this.markCodeLines(startLine, this.line);
    return true;
  }

  /** Ruby `=begin … =end`, Perl POD `=pod … =cut`, both at column 0. */
  private lineStartDocs(): boolean {
    const text = this.text;
    const pos = this.pos;
    const ruby = this.profile.lineStartDocs === 'ruby';
    if (ruby) {
      if (!text.startsWith('=begin', pos) || isWordChar(text.charCodeAt(pos + 6))) return false;
    } else if (!isAsciiLetter(text.charCodeAt(pos + 1))) {
      return false;
    }
    const closer = ruby ? '\n=end' : '\n=cut';
    let close = text.indexOf(closer, pos);
    let stop: number;
    if (close < 0 || close >= this.end) {
      stop = this.end;
    } else {
      close += 1;
      const lineEnd = text.indexOf('\n', close);
      stop = lineEnd < 0 || lineEnd > this.end ? this.end : lineEnd;
    }
    const startLine = this.line;
    this.advanceLines(pos, stop);
    this.markCommentText(pos, stop, startLine);
    this.pos = stop;
    return true;
  }

  /** Moves `line` past the newlines in `text[from, to)`. */
  private advanceLines(from: number, to: number): void {
    const text = this.text;
    let p = text.indexOf('\n', from);
    while (p >= 0 && p < to) {
      this.line++;
      this.lineStartPos = p + 1;
      p = text.indexOf('\n', p + 1);
    }
  }

  // ---------------------------------------------------------------------------------------
  // Identifiers and numbers

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
      if (this.prefixedString(start, pos, next)) return;
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

  // ---------------------------------------------------------------------------------------
  // Punctuation and literals

  private punctuation(c: number): void {
    const text = this.text;
    const pos = this.pos;
    const next = pos + 1 < this.end ? text.charCodeAt(pos + 1) : 0;
    const profile = this.profile;
    switch (c) {
      case DQUOTE:
        if (this.doubleQuote()) return;
        break;
      case SQUOTE:
        if (this.singleQuote()) return;
        break;
      case BACKTICK:
        if (this.backtick()) return;
        break;
      case SLASH:
        if (profile.regexLiterals !== 'none' && this.regexLiteral()) return;
        if (next === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 2);
        break;
      case BACKSLASH:
        if (this.backslash(next)) return;
        break;
      case LT:
        if (next === LT && profile.heredocs !== 'none' && this.heredocMarker()) return;
        if (profile.jsx && this.jsxElement()) return;
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
        if (profile.rubyLiterals && this.percentLiteral()) return;
        if (next === EQ) return this.operator(PUNCT_ASSIGN_OPERATOR, 2);
        break;
      case COLON:
        if (this.modeDepth > 0 && this.pythonFormatSpec()) return;
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
        if (profile.csharpStrings && this.csharpString()) return;
        break;
      case HASH:
        if (profile.hashRawStrings && this.hashRawString()) return;
        break;
      case LBRACKET:
        if (profile.luaLongBrackets && this.luaLongString()) return;
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
      this.scanPhpMarkup();
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

  // ---------------------------------------------------------------------------------------
  // Strings

  private doubleQuote(): boolean {
    const profile = this.profile;
    const styles = this.compiled.styles;
    if (styles.double === null) return false;
    if (profile.quotesAtValueStartOnly && !this.atYamlValueStart()) return false;
    const text = this.text;
    const pos = this.pos;
    if (profile.csharpStrings && text.startsWith('"""', pos)) {
      this.stringLiteral(styles.rawTripleDouble, pos, 3);
      return true;
    }
    if (styles.tripleDouble !== null && text.charCodeAt(pos + 1) === DQUOTE && text.charCodeAt(pos + 2) === DQUOTE) {
      this.stringLiteral(styles.tripleDouble, pos, 3);
      return true;
    }
    this.stringLiteral(styles.double, pos, 1);
    return true;
  }

  private singleQuote(): boolean {
    const profile = this.profile;
    const styles = this.compiled.styles;
    const text = this.text;
    const pos = this.pos;
    switch (profile.singleQuote) {
      case 'none':
        return false;
      case 'char':
        this.charLiteral(pos);
        return true;
      case 'char-or-tick': {
        const next = text.charCodeAt(pos + 1);
        const closesAt2 = text.charCodeAt(pos + 2) === SQUOTE;
        const surrogate = next >= 0xd800 && next <= 0xdbff && text.charCodeAt(pos + 3) === SQUOTE;
        if (next === BACKSLASH || (closesAt2 && next !== SQUOTE && next !== LF) || surrogate) {
          this.charLiteral(pos);
          return true;
        }
        return false;
      }
      case 'string-or-transpose': {
        const previous = pos > this.rangeStart ? text.charCodeAt(pos - 1) : 0;
        if (isWordChar(previous) || previous === RPAREN || previous === RBRACKET || previous === RBRACE || previous === SQUOTE || previous === DOT) {
          return false;
        }
        break;
      }
      default:
        break;
    }
    if (profile.quotesAtValueStartOnly && !this.atYamlValueStart()) return false;
    if (styles.tripleSingle !== null && text.charCodeAt(pos + 1) === SQUOTE && text.charCodeAt(pos + 2) === SQUOTE) {
      this.stringLiteral(styles.tripleSingle, pos, 3);
      return true;
    }
    if (styles.single === null) return false;
    this.stringLiteral(styles.single, pos, 1);
    return true;
  }

  private backtick(): boolean {
    const profile = this.profile;
    const pos = this.pos;
    if (profile.backtick === 'none') return false;
    if (profile.backtick === 'identifier') {
      const text = this.text;
      let stop = pos + 1;
      while (stop < this.end) {
        const c = text.charCodeAt(stop);
        if (c === BACKTICK || c === LF) break;
        stop++;
      }
      if (stop < this.end && text.charCodeAt(stop) === BACKTICK) stop++;
      this.pos = stop;
      this.emit(TOKEN_IDENTIFIER, 0, pos, stop, this.line, this.line);
      return true;
    }
    this.stringLiteral(this.compiled.styles.backtick!, pos, 1);
    return true;
  }

  /** A character literal: to the closing quote, or to the end of the line when unterminated. */
  private charLiteral(start: number): void {
    const text = this.text;
    const end = this.end;
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
    this.pos = pos;
    this.emit(TOKEN_STRING, 0, start, pos, this.line, this.line);
  }

  /**
   * A string starting at `tokenStart` whose opening delimiter is `openLength` long. Handles
   * Python docstrings: a string that is a whole statement marks its lines as comment, not code.
   */
  private stringLiteral(style: StringStyle, tokenStart: number, openLength: number): void {
    const docstringCandidate = this.profile.docstrings && this.atLogicalLineStart();
    const startLine = this.line;
    const modeDepth = this.modeDepth;
    this.deferStringMarks = docstringCandidate;
    this.pos = tokenStart + openLength;
    this.stringBody(style, tokenStart);
    this.deferStringMarks = false;
    // An f-string that opened an interpolation is an expression; its lines are already code.
    if (!docstringCandidate || this.modeDepth !== modeDepth) return;
    if (this.onlyCommentFollows(this.pos)) this.markCommentText(tokenStart, this.pos, startLine);
    else this.markCodeLines(startLine, this.line);
  }

  /** True when only blanks, a comment or the end of the line follow `pos`. */
  private onlyCommentFollows(pos: number): boolean {
    const text = this.text;
    while (pos < this.end) {
      const c = text.charCodeAt(pos);
      if (c === SPACE || c === TAB || c === CR) {
        pos++;
        continue;
      }
      return c === LF || c === HASH || c === SEMICOLON;
    }
    return true;
  }

  private atLogicalLineStart(): boolean {
    return !this.lineHasToken && (this.pendingFlags & FLAG_CONTINUATION) === 0 && this.bracketDepth === 0 && this.modeDepth === 0;
  }

  /**
   * Scans a string body from `this.pos` (after the opening delimiter). Emits one token per
   * literal piece; at an interpolation it pushes a frame and returns to code mode.
   */
  private stringBody(style: StringStyle, tokenStart: number): void {
    const text = this.text;
    const end = this.end;
    const flags = this.lineFlags;
    const quote = style.quote;
    const escape = style.escape;
    const interpolation = style.interpolation;
    const mark = !this.deferStringMarks;
    const startLine = this.line;
    let line = startLine;
    let pos = this.pos;
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
            if (this.closesHashes(style, pos)) {
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
        if (this.closesHashes(style, pos)) {
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
        this.lineStartPos = pos;
        continue;
      }
      if (c === escape) {
        if (interpolation === INTERPOLATION_BACKSLASH_PAREN && text.charCodeAt(pos + 1) === LPAREN) {
          this.openInterpolation(style, tokenStart, pos, 2, RPAREN, startLine, line);
          return;
        }
        pos++;
        if (pos < end) {
          const escaped = text.charCodeAt(pos);
          if (escaped === LF || (escaped === CR && text.charCodeAt(pos + 1) === LF)) {
            if (escaped === CR) pos++;
            if (mark) flags[line]! |= LINE_CODE;
            line++;
            this.lineStartPos = pos + 1;
          }
          pos++;
        }
        continue;
      }
      if (interpolation !== INTERPOLATION_NONE) {
        const next = text.charCodeAt(pos + 1);
        switch (interpolation) {
          case INTERPOLATION_DOLLAR_BRACE:
            if (c === DOLLAR && next === LBRACE) return this.openInterpolation(style, tokenStart, pos, 2, RBRACE, startLine, line);
            break;
          case INTERPOLATION_HASH_BRACE:
            if (c === HASH && next === LBRACE) return this.openInterpolation(style, tokenStart, pos, 2, RBRACE, startLine, line);
            break;
          case INTERPOLATION_SHELL:
            if (c === DOLLAR && next === LPAREN) return this.openInterpolation(style, tokenStart, pos, 2, RPAREN, startLine, line);
            if (c === DOLLAR && next === LBRACE) return this.openInterpolation(style, tokenStart, pos, 2, RBRACE, startLine, line);
            break;
          case INTERPOLATION_BRACE:
          case INTERPOLATION_PYTHON:
            if (c === LBRACE) {
              if (next === LBRACE) {
                pos += 2;
                continue;
              }
              return this.openInterpolation(style, tokenStart, pos, 1, RBRACE, startLine, line);
            }
            break;
          default:
            break;
        }
      }
      pos++;
    }
    this.pos = pos;
    this.line = line;
    if (mark) this.emit(TOKEN_STRING, 0, tokenStart, pos, startLine, line);
    else this.pushToken(TOKEN_STRING, 0, tokenStart, pos, startLine, line);
  }

  private closesHashes(style: StringStyle, pos: number): boolean {
    const text = this.text;
    for (let i = 0; i < style.hashes; i++) if (text.charCodeAt(pos + i) !== HASH) return false;
    return true;
  }

  private openInterpolation(
    style: StringStyle,
    tokenStart: number,
    pos: number,
    openerLength: number,
    closer: number,
    startLine: number,
    line: number,
  ): void {
    const pieceEnd = pos + openerLength;
    this.pos = pieceEnd;
    this.line = line;
    this.emit(TOKEN_STRING, 0, tokenStart, pieceEnd, startLine, line);
    this.markCodeLines(startLine, line);
    this.pushMode(MODE_STRING, closer, 0, style);
  }

  private pushMode(kind: number, closer: number, aux: number, style: StringStyle | null): void {
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

  /** The closer of the innermost interpolation was reached at `this.pos`: resume what it interrupted. */
  private closeInterpolation(): void {
    const depth = --this.modeDepth;
    const kind = this.modeKind[depth]!;
    const start = this.pos;
    this.pos = start + 1;
    if (kind === MODE_STRING) {
      this.stringBody(this.modeStyle[depth]!, start);
    } else {
      this.jsxScan(kind, this.modeAux[depth]!, start + 1);
    }
  }

  /** Python f-string format spec (`{value:>10}`): literal text up to the closing brace. */
  private pythonFormatSpec(): boolean {
    if (this.modeDepth === 0) return false;
    const depth = this.modeDepth - 1;
    if (this.modeKind[depth] !== MODE_STRING || this.modeStyle[depth]!.interpolation !== INTERPOLATION_PYTHON) return false;
    if (this.bracketDepth !== this.modeFloor[depth]) return false;
    const text = this.text;
    let pos = this.pos + 1;
    let nested = 0;
    while (pos < this.end) {
      const c = text.charCodeAt(pos);
      if (c === LBRACE) nested++;
      else if (c === RBRACE) {
        if (nested === 0) break;
        nested--;
      } else if (c === LF && !this.modeStyle[depth]!.multiline) break;
      else if (c === LF) this.newlineInLiteral(pos);
      pos++;
    }
    this.emit(TOKEN_STRING, 0, this.pos, pos, this.line, this.line);
    this.pos = pos;
    return true;
  }

  private newlineInLiteral(pos: number): void {
    this.lineFlags[this.line]! |= LINE_CODE;
    this.line++;
    this.lineStartPos = pos + 1;
  }

  /** Identifier immediately followed by a quote: `r"…"`, `f'…'`, `b"…"`, `R"(…)"`, `s"…${x}"`. */
  private prefixedString(start: number, identEnd: number, quote: number): boolean {
    const text = this.text;
    const length = identEnd - start;
    const styles = this.compiled.styles;
    const triple = quote !== HASH && text.charCodeAt(identEnd + 1) === quote && text.charCodeAt(identEnd + 2) === quote;
    switch (this.profile.stringPrefixes) {
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
        this.stringLiteral(style, start, length + (triple ? 3 : 1));
        return true;
      }
      case 'rust': {
        const word = text.slice(start, identEnd);
        if ((word === 'r' || word === 'br' || word === 'cr') && (quote === DQUOTE || quote === HASH)) {
          let p = identEnd;
          while (text.charCodeAt(p) === HASH) p++;
          if (text.charCodeAt(p) !== DQUOTE) return false;
          this.stringLiteral(hashedRawStyle(p - identEnd, 1), start, p - start + 1);
          return true;
        }
        if ((word === 'b' || word === 'c') && quote === DQUOTE) {
          this.stringLiteral(styles.double!, start, length + 1);
          return true;
        }
        if (word === 'b' && quote === SQUOTE) {
          this.charLiteral(identEnd);
          this.tokens.start[this.tokens.count - 1] = start;
          return true;
        }
        return false;
      }
      case 'cpp': {
        if (length > 3 || quote === HASH) return false;
        const word = text.slice(start, identEnd);
        if (quote === DQUOTE && (word === 'R' || word === 'u8R' || word === 'uR' || word === 'UR' || word === 'LR')) {
          this.cppRawString(start, identEnd);
          return true;
        }
        if (word === 'u8' || word === 'u' || word === 'U' || word === 'L') {
          if (quote === DQUOTE) this.stringLiteral(styles.double!, start, length + 1);
          else {
            this.charLiteral(identEnd);
            this.tokens.start[this.tokens.count - 1] = start;
          }
          return true;
        }
        return false;
      }
      case 'scala': {
        if (quote !== DQUOTE) return false;
        this.stringLiteral(triple ? styles.interpolatedTripleDouble : styles.interpolatedDouble, start, length + (triple ? 3 : 1));
        return true;
      }
      case 'dart': {
        if (length !== 1 || text.charCodeAt(start) !== 114 || quote === HASH) return false;
        const style = quote === DQUOTE
          ? triple ? styles.rawTripleDouble : styles.rawDouble
          : triple ? styles.rawTripleSingle : styles.rawSingle;
        this.stringLiteral(style, start, length + (triple ? 3 : 1));
        return true;
      }
      default:
        return false;
    }
  }

  /** C++ `R"delim( … )delim"`. */
  private cppRawString(start: number, quotePos: number): void {
    const text = this.text;
    const open = text.indexOf('(', quotePos + 1);
    const lineEnd = text.indexOf('\n', quotePos);
    if (open < 0 || open - quotePos - 1 > 16 || (lineEnd >= 0 && open > lineEnd)) {
      this.pos = quotePos;
      this.stringLiteral(this.compiled.styles.double!, quotePos, 1);
      this.tokens.start[this.tokens.count - 1] = start;
      return;
    }
    const closer = ')' + text.slice(quotePos + 1, open) + '"';
    const close = text.indexOf(closer, open + 1);
    const stop = close < 0 || close + closer.length > this.end ? this.end : close + closer.length;
    const startLine = this.line;
    this.advanceLines(start, stop);
    this.pos = stop;
    this.emit(TOKEN_STRING, 0, start, stop, startLine, this.line);
    this.markCodeLines(startLine, this.line);
  }

  /** C# `@"…"`, `$"…"`, `$@"…"`, `@$"…"`, `$"""…"""`. */
  private csharpString(): boolean {
    const text = this.text;
    const pos = this.pos;
    const styles = this.compiled.styles;
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
      this.stringLiteral(interpolated ? styles.interpolatedTripleDouble : styles.rawTripleDouble, pos, p - pos + 3);
      return true;
    }
    const style = verbatim ? (interpolated ? styles.verbatimInterpolated : styles.verbatim) : styles.interpolatedDouble;
    this.stringLiteral(style, pos, p - pos + 1);
    return true;
  }

  /** Swift `#"…"#` raw strings. */
  private hashRawString(): boolean {
    const text = this.text;
    let p = this.pos;
    while (text.charCodeAt(p) === HASH) p++;
    if (text.charCodeAt(p) !== DQUOTE) return false;
    const hashes = p - this.pos;
    const triple = text.startsWith('"""', p);
    this.stringLiteral(hashedRawStyle(hashes, triple ? 3 : 1), this.pos, hashes + (triple ? 3 : 1));
    return true;
  }

  /** YAML quotes open a string only where a scalar starts. */
  private atYamlValueStart(): boolean {
    const text = this.text;
    let p = this.pos - 1;
    while (p >= this.lineStartPos) {
      const c = text.charCodeAt(p);
      if (c === SPACE || c === TAB) {
        p--;
        continue;
      }
      return c === COLON || c === MINUS || c === LBRACKET || c === LBRACE || c === COMMA || c === QUESTION;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // Regex, percent literals, heredocs

  /** True when an expression (regex, JSX element) may start here rather than a binary operator. */
  private expressionMayStart(): boolean {
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

  private regexLiteral(): boolean {
    const text = this.text;
    const pos = this.pos;
    const next = text.charCodeAt(pos + 1);
    if (next === SLASH || next === STAR) return false;
    if (!this.expressionMayStart()) {
      // Ruby: `split /,/` — a method call with a space before the regex and none after.
      if (!(this.profile.regexLiterals === 'ruby' && this.rubyRegexAfterMethod(pos, next))) return false;
    }
    let p = pos + 1;
    let inClass = false;
    while (p < this.end) {
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
    if (p >= this.end) return false;
    p++;
    while (p < this.end && isAsciiLetter(text.charCodeAt(p))) p++;
    this.pos = p;
    this.emit(TOKEN_STRING, 0, pos, p, this.line, this.line);
    return true;
  }

  private rubyRegexAfterMethod(pos: number, next: number): boolean {
    const tokens = this.tokens;
    const last = tokens.count - 1;
    return (
      last >= 0 &&
      tokens.kind[last] === TOKEN_IDENTIFIER &&
      (this.pendingFlags & FLAG_SPACE_BEFORE) !== 0 &&
      next !== SPACE &&
      next !== EQ &&
      pos > 0
    );
  }

  /** Ruby `%w[a b]`, `%q(text)`, `%r{re}`, `%(text)`. */
  private percentLiteral(): boolean {
    const text = this.text;
    const pos = this.pos;
    if (!this.expressionMayStart()) return false;
    let p = pos + 1;
    const kind = text.charCodeAt(p);
    if (isAsciiLetter(kind)) {
      if ('qQwWiIrsx'.indexOf(String.fromCharCode(kind)) < 0) return false;
      p++;
    }
    const open = text.charCodeAt(p);
    if (p >= this.end || isWordChar(open) || open === SPACE || open === LF || open === TAB || open === EQ) return false;
    const close = open === LPAREN ? RPAREN : open === LBRACKET ? RBRACKET : open === LBRACE ? RBRACE : open === LT ? GT : open;
    let depth = 1;
    p++;
    const startLine = this.line;
    while (p < this.end) {
      const c = text.charCodeAt(p);
      if (c === BACKSLASH) {
        p += 2;
        continue;
      }
      if (c === LF) this.newlineInLiteral(p);
      else if (c === close && --depth === 0) {
        p++;
        break;
      } else if (c === open && open !== close) depth++;
      p++;
    }
    if (p > this.end) p = this.end;
    this.pos = p;
    this.emit(TOKEN_STRING, 0, pos, p, startLine, this.line);
    return true;
  }

  /** `<<~EOS`, `<<-EOF`, `<<'EOF'`, `<<<EOT`: records the terminator; the body starts on the next line. */
  private heredocMarker(): boolean {
    const text = this.text;
    const pos = this.pos;
    const style = this.profile.heredocs;
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
      while (wordEnd < this.end && text.charCodeAt(wordEnd) !== quote && text.charCodeAt(wordEnd) !== LF) wordEnd++;
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
      while (wordEnd < this.end && isWordChar(text.charCodeAt(wordEnd))) wordEnd++;
      p = wordEnd;
    }
    if (wordEnd === wordStart) return false;
    this.heredocs.push({ terminator: text.slice(wordStart, wordEnd) });
    this.pos = p;
    this.emit(TOKEN_STRING, 0, pos, p, this.line, this.line);
    return true;
  }

  /** Reads the bodies of pending heredocs; `this.pos` is at the start of the line after the marker. */
  private readHeredocBodies(): void {
    const text = this.text;
    const pending = this.heredocs.splice(0);
    for (let index = 0; index < pending.length; index++) {
      const terminator = pending[index]!.terminator;
      const bodyStart = this.pos;
      const startLine = this.line;
      let terminated = false;
      while (this.pos < this.end) {
        let lineEnd = text.indexOf('\n', this.pos);
        if (lineEnd < 0 || lineEnd > this.end) lineEnd = this.end;
        let p = this.pos;
        while (p < lineEnd && (text.charCodeAt(p) === SPACE || text.charCodeAt(p) === TAB)) p++;
        this.lineFlags[this.line]! |= LINE_CODE;
        if (text.startsWith(terminator, p) && heredocTerminatorRest(text, p + terminator.length, lineEnd)) {
          this.pos = lineEnd;
          terminated = true;
          break;
        }
        if (lineEnd >= this.end) {
          this.pos = this.end;
          break;
        }
        this.pos = lineEnd + 1;
        this.line++;
        this.lineStartPos = this.pos;
      }
      this.tokens.push(TOKEN_STRING, 0, 0, bodyStart, this.pos, startLine, this.line);
      if (!terminated) break;
      // The next heredoc of the same line starts right after this one's terminator line.
      if (index + 1 < pending.length && this.pos < this.end) {
        this.pos++;
        this.line++;
        this.lineStartPos = this.pos;
      }
    }
    this.lineHasToken = true;
  }

  // ---------------------------------------------------------------------------------------
  // JSX

  /** `<Tag …>…</Tag>` or `<>…</>` in expression position. */
  private jsxElement(): boolean {
    const text = this.text;
    const pos = this.pos;
    const next = text.charCodeAt(pos + 1);
    if (!(isAsciiLetter(next) || next === GT || next === UNDERSCORE || next === DOLLAR)) return false;
    if (!this.expressionMayStart()) return false;
    if (next !== GT && this.looksLikeTypeParameters(pos + 1)) return false;
    if (next === GT) {
      this.jsxScan(MODE_JSX_CHILDREN, 1, pos, pos + 2);
    } else {
      this.jsxScan(MODE_JSX_TAG, 1, pos, pos + 1);
    }
    return true;
  }

  /** TSX generic arrow functions: `<T,>(x) =>` and `<T extends U>(x) =>`. */
  private looksLikeTypeParameters(pos: number): boolean {
    const text = this.text;
    let p = pos;
    while (p < this.end && isWordChar(text.charCodeAt(p))) p++;
    while (text.charCodeAt(p) === SPACE) p++;
    if (text.charCodeAt(p) === COMMA) return true;
    return text.startsWith('extends ', p);
  }

  /**
   * Scans JSX from `from` in tag or children mode until the outermost element closes or an
   * expression container `{` is reached (which pushes a frame and returns to code mode).
   */
  private jsxScan(mode: number, depth: number, pieceStart: number, from = pieceStart): void {
    const text = this.text;
    const end = this.end;
    const flags = this.lineFlags;
    const startLine = this.line;
    let pos = from;
    let line = this.line;
    let quote = 0;
    while (pos < end) {
      const c = text.charCodeAt(pos);
      if (c === LF) {
        line++;
        pos++;
        this.lineStartPos = pos;
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
          this.finishJsxPiece(pieceStart, pos, startLine, line);
          this.pos = pos + 1;
          this.pushMode(MODE_JSX_TAG, RBRACE, depth, null);
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
        this.finishJsxPiece(pieceStart, pos, startLine, line);
        this.pos = pos + 1;
        this.pushMode(MODE_JSX_CHILDREN, RBRACE, depth, null);
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
              this.lineStartPos = p + 1;
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
    this.pos = pos;
    this.finishJsxPiece(pieceStart, pos, startLine, line);
  }

  /** JSX pieces mark their lines as they are scanned, so the token itself marks nothing. */
  private finishJsxPiece(start: number, end: number, startLine: number, line: number): void {
    this.line = line;
    this.pushToken(TOKEN_STRING, 0, start, end, startLine, line);
  }

  // ---------------------------------------------------------------------------------------
  // PHP

  /** Markup outside `<?php … ?>`: HTML comments are comments, other text is code. */
  private scanPhpMarkup(): void {
    const text = this.text;
    const flags = this.lineFlags;
    let pos = this.pos;
    while (pos < this.end) {
      const c = text.charCodeAt(pos);
      if (c === LF) {
        this.line++;
        pos++;
        this.lineStartPos = pos;
        this.lineHasToken = false;
        continue;
      }
      if (c === LT && text.charCodeAt(pos + 1) === QUESTION) {
        pos += 2;
        if (text.startsWith('php', pos)) pos += 3;
        else if (text.charCodeAt(pos) === EQ) pos++;
        this.pos = pos;
        this.expressionStart = true;
        return;
      }
      if (c === LT && text.startsWith('<!--', pos)) {
        this.pos = pos;
        this.blockComment({ open: '<!--', close: '-->', nests: false });
        pos = this.pos;
        continue;
      }
      if (c !== SPACE && c !== TAB && c !== CR) flags[this.line]! |= LINE_CODE;
      pos++;
    }
    this.pos = pos;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexDigit(c: number): boolean {
  return isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
}

function isExponentMarker(c: number): boolean {
  const lower = c | 32;
  return lower === 101 || lower === 112;
}

/** Haskell: `-->` and `--|`-style runs followed by another operator character are operators. */
function isHaskellSymbolAfterDashes(text: string, pos: number, end: number): boolean {
  let p = pos;
  while (p < end && text.charCodeAt(p) === MINUS) p++;
  if (p >= end) return false;
  const c = text.charCodeAt(p);
  return '!#$%&*+./<=>?@\\^|~:'.indexOf(String.fromCharCode(c)) >= 0;
}

/** Level of a Lua long bracket `[==[` at `pos`, or -1. */
function luaLongBracketLevel(text: string, pos: number, end: number): number {
  if (text.charCodeAt(pos) !== LBRACKET) return -1;
  let p = pos + 1;
  while (p < end && text.charCodeAt(p) === EQ) p++;
  return text.charCodeAt(p) === LBRACKET ? p - pos - 1 : -1;
}

/** After a heredoc terminator only blanks or closing punctuation may follow on its line. */
function heredocTerminatorRest(text: string, from: number, lineEnd: number): boolean {
  for (let p = from; p < lineEnd; p++) {
    const c = text.charCodeAt(p);
    if (c === SPACE || c === TAB || c === CR || c === SEMICOLON || c === COMMA || c === RPAREN) continue;
    return false;
  }
  return true;
}
