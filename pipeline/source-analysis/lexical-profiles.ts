/**
 * Lexical families: how each group of languages writes comments and strings. The lexer is one
 * engine driven by these records, so adding a language is usually a matter of data.
 */

/** A block comment delimiter pair. */
export interface BlockCommentSyntax {
  readonly open: string;
  readonly close: string;
  /** True where the language lets block comments nest (Rust, Swift, Kotlin, Scala, Haskell, …). */
  readonly nests: boolean;
}

/** How a quoted literal escapes its own quote. */
export type QuoteEscape = 'backslash' | 'doubling' | 'none';

/** What `'` means outside strings. */
export type SingleQuoteMeaning =
  /** A string literal like `"`. */
  | 'string'
  /** A short character literal (C, Java, Go, C#, Kotlin). */
  | 'char'
  /** A character literal when it closes within one character, else a tick (Rust lifetimes, OCaml type variables). */
  | 'char-or-tick'
  /** A string, unless it follows a value, where it is the transpose operator (MATLAB, Julia). */
  | 'string-or-transpose'
  /** Not a quote at all (Swift, Lisp, markup text). */
  | 'none';

/** Interpolation syntax inside double-quoted strings. */
export type InterpolationSyntax = 'none' | 'dollar-brace' | 'hash-brace' | 'backslash-paren' | 'shell';

/** Everything the lexer needs to know about one family. */
export interface LexicalProfile {
  /** Family id, for diagnostics and tests. */
  readonly family: string;
  /** Line comment markers other than `#` (which has its own rule below). */
  readonly lineComments: readonly string[];
  /** Markers that start a comment only as the first non-blank text of a line. */
  readonly lineStartComments: readonly string[];
  readonly blockComments: readonly BlockCommentSyntax[];
  /** Where `#` starts a comment: anywhere, only at the start of a shell word, or only at line start. */
  readonly hashComments: 'none' | 'anywhere' | 'word-start' | 'line-start';
  readonly doubleQuote: QuoteEscape | 'not-a-quote';
  readonly doubleQuoteInterpolation: InterpolationSyntax;
  readonly singleQuote: SingleQuoteMeaning;
  readonly singleQuoteEscape: QuoteEscape;
  readonly singleQuoteInterpolation: InterpolationSyntax;
  /** Whether ordinary quoted strings may span lines; where they may not, an unterminated one ends at the newline. */
  readonly multilineStrings: boolean;
  readonly backtick: 'none' | 'template' | 'raw' | 'command' | 'identifier';
  /** Triple-quoted strings: none, only `"""`, or both `"""` and `'''`. */
  readonly tripleQuotes: 'none' | 'double' | 'both';
  readonly tripleQuoteEscape: QuoteEscape;
  readonly tripleQuoteInterpolation: InterpolationSyntax;
  /** Identifier prefixes that turn the following quote into a special string. */
  readonly stringPrefixes: 'none' | 'python' | 'rust' | 'cpp' | 'scala' | 'dart';
  /** C# `@"…"`, `$"…"` and `"""…"""` strings. */
  readonly csharpStrings: boolean;
  /** Swift `#"…"#` raw strings. */
  readonly hashRawStrings: boolean;
  readonly regexLiterals: 'none' | 'js' | 'ruby';
  /** JSX elements in expression position (JavaScript, TSX). */
  readonly jsx: boolean;
  readonly heredocs: 'none' | 'ruby' | 'shell' | 'php' | 'perl' | 'hcl';
  /** C-style `#` directives at line start; their tokens are kept out of structure analysis. */
  readonly preprocessor: boolean;
  /**
   * A statement that is only a string literal is documentation, so its lines count as comment
   * lines: docstrings and standalone `"""…"""` blocks are how Python comments at length, and
   * treating them as code would credit documentation as effective code.
   */
  readonly docstrings: boolean;
  readonly dollarInIdentifiers: boolean;
  /** Ruby method names may end in `?` or `!`. */
  readonly identifierSuffixes: boolean;
  /** Haskell/OCaml identifiers may contain `'` (`x'`). */
  readonly quoteInIdentifiers: boolean;
  /** A keyword written as `word:` is a label or key, not a keyword (JS object keys, Ruby hash keys, Swift labels). */
  readonly keywordLabels: boolean;
  /** Ruby `:symbol` and `%w[…]`-style literals. */
  readonly rubyLiterals: boolean;
  /** Documentation blocks opened at column 0: Ruby `=begin`…`=end`, Perl POD `=pod`…`=cut`. */
  readonly lineStartDocs: 'none' | 'ruby' | 'pod';
  /** PHP: text outside `<?php … ?>` is markup. */
  readonly phpTags: boolean;
  /** Lua `[[…]]` strings and `--[[…]]` comments with optional `=` levels. */
  readonly luaLongBrackets: boolean;
  /** YAML: quotes open a string only where a scalar starts. */
  readonly quotesAtValueStartOnly: boolean;
  /** Batch files and Visual Basic: `REM` comments. */
  readonly remComments: boolean;
  /** Fixed-form Fortran: `c`, `C` or `*` in column 1 is a comment. */
  readonly fortranFixedForm: boolean;
  /** SCSS/Less: `//` right after `:` is part of a URL, not a comment. */
  readonly lineCommentNotAfterColon: boolean;
  /** Lisp family: `\x` outside strings is a character (Clojure `\;`). */
  readonly backslashCharacters: boolean;
  /** Haskell: `--` followed by another symbol character is an operator, not a comment. */
  readonly dashCommentNeedsNonSymbol: boolean;
  /** PHP 8: `#[` opens an attribute, not a comment. */
  readonly hashBracketAttributes: boolean;
  /** Escape character inside strings (PowerShell uses the backtick). */
  readonly escapeChar: number;
  /** Look keywords up at all (only needed where structure is analysed or regex/JSX detection needs them). */
  readonly keywords: boolean;
}

const BACKSLASH = 92;
const BACKTICK = 96;

const BASE: LexicalProfile = Object.freeze({
  family: 'base',
  lineComments: [],
  lineStartComments: [],
  blockComments: [],
  hashComments: 'none',
  doubleQuote: 'backslash',
  doubleQuoteInterpolation: 'none',
  singleQuote: 'string',
  singleQuoteEscape: 'backslash',
  singleQuoteInterpolation: 'none',
  multilineStrings: false,
  backtick: 'none',
  tripleQuotes: 'none',
  tripleQuoteEscape: 'backslash',
  tripleQuoteInterpolation: 'none',
  stringPrefixes: 'none',
  csharpStrings: false,
  hashRawStrings: false,
  regexLiterals: 'none',
  jsx: false,
  heredocs: 'none',
  preprocessor: false,
  docstrings: false,
  dollarInIdentifiers: false,
  identifierSuffixes: false,
  quoteInIdentifiers: false,
  keywordLabels: false,
  rubyLiterals: false,
  lineStartDocs: 'none',
  phpTags: false,
  luaLongBrackets: false,
  quotesAtValueStartOnly: false,
  remComments: false,
  fortranFixedForm: false,
  lineCommentNotAfterColon: false,
  backslashCharacters: false,
  dashCommentNeedsNonSymbol: false,
  hashBracketAttributes: false,
  escapeChar: BACKSLASH,
  keywords: false,
});

function profile(family: string, overrides: Partial<LexicalProfile>): LexicalProfile {
  return Object.freeze({ ...BASE, ...overrides, family });
}

const SLASH_COMMENTS = { lineComments: ['//'], blockComments: [{ open: '/*', close: '*/', nests: false }] } as const;
const NESTED_SLASH_COMMENTS = { lineComments: ['//'], blockComments: [{ open: '/*', close: '*/', nests: true }] } as const;

/** The lexical families, keyed by id. */
export const LEXICAL_PROFILES = Object.freeze({
  javascript: profile('javascript', {
    ...SLASH_COMMENTS,
    backtick: 'template',
    regexLiterals: 'js',
    jsx: true,
    dollarInIdentifiers: true,
    keywordLabels: true,
    keywords: true,
  }),
  typescript: profile('typescript', {
    ...SLASH_COMMENTS,
    backtick: 'template',
    regexLiterals: 'js',
    dollarInIdentifiers: true,
    keywordLabels: true,
    keywords: true,
  }),
  java: profile('java', {
    ...SLASH_COMMENTS,
    singleQuote: 'char',
    tripleQuotes: 'double',
    dollarInIdentifiers: true,
    keywords: true,
  }),
  kotlin: profile('kotlin', {
    ...NESTED_SLASH_COMMENTS,
    singleQuote: 'char',
    doubleQuoteInterpolation: 'dollar-brace',
    tripleQuotes: 'double',
    tripleQuoteEscape: 'none',
    tripleQuoteInterpolation: 'dollar-brace',
    backtick: 'identifier',
    keywords: true,
  }),
  go: profile('go', { ...SLASH_COMMENTS, singleQuote: 'char', backtick: 'raw', keywords: true }),
  c: profile('c', { ...SLASH_COMMENTS, singleQuote: 'char', preprocessor: true, stringPrefixes: 'cpp', keywords: true }),
  csharp: profile('csharp', {
    ...SLASH_COMMENTS,
    singleQuote: 'char',
    preprocessor: true,
    csharpStrings: true,
    keywords: true,
  }),
  php: profile('php', {
    ...SLASH_COMMENTS,
    hashComments: 'anywhere',
    hashBracketAttributes: true,
    multilineStrings: true,
    backtick: 'command',
    heredocs: 'php',
    phpTags: true,
    dollarInIdentifiers: true,
    keywordLabels: true,
    keywords: true,
  }),
  swift: profile('swift', {
    ...NESTED_SLASH_COMMENTS,
    singleQuote: 'none',
    doubleQuoteInterpolation: 'backslash-paren',
    tripleQuotes: 'double',
    tripleQuoteInterpolation: 'backslash-paren',
    hashRawStrings: true,
    backtick: 'identifier',
    preprocessor: true,
    dollarInIdentifiers: true,
    keywordLabels: true,
    keywords: true,
  }),
  rust: profile('rust', {
    ...NESTED_SLASH_COMMENTS,
    singleQuote: 'char-or-tick',
    multilineStrings: true,
    stringPrefixes: 'rust',
    keywords: true,
  }),
  scala: profile('scala', {
    ...NESTED_SLASH_COMMENTS,
    singleQuote: 'char-or-tick',
    tripleQuotes: 'double',
    tripleQuoteEscape: 'none',
    stringPrefixes: 'scala',
    backtick: 'identifier',
    dollarInIdentifiers: true,
    keywords: true,
  }),
  dart: profile('dart', {
    ...NESTED_SLASH_COMMENTS,
    doubleQuoteInterpolation: 'dollar-brace',
    singleQuoteInterpolation: 'dollar-brace',
    tripleQuotes: 'both',
    tripleQuoteInterpolation: 'dollar-brace',
    stringPrefixes: 'dart',
    dollarInIdentifiers: true,
    keywords: true,
  }),
  groovy: profile('groovy', {
    ...SLASH_COMMENTS,
    doubleQuoteInterpolation: 'dollar-brace',
    tripleQuotes: 'both',
    tripleQuoteInterpolation: 'dollar-brace',
    regexLiterals: 'js',
    dollarInIdentifiers: true,
  }),
  python: profile('python', {
    hashComments: 'anywhere',
    tripleQuotes: 'both',
    stringPrefixes: 'python',
    docstrings: true,
    keywords: true,
  }),
  ruby: profile('ruby', {
    hashComments: 'anywhere',
    doubleQuoteInterpolation: 'hash-brace',
    multilineStrings: true,
    backtick: 'command',
    regexLiterals: 'ruby',
    heredocs: 'ruby',
    identifierSuffixes: true,
    keywordLabels: true,
    rubyLiterals: true,
    lineStartDocs: 'ruby',
    keywords: true,
  }),
  shell: profile('shell', {
    hashComments: 'word-start',
    singleQuoteEscape: 'none',
    doubleQuoteInterpolation: 'shell',
    multilineStrings: true,
    backtick: 'command',
    heredocs: 'shell',
  }),
  perl: profile('perl', {
    hashComments: 'anywhere',
    multilineStrings: true,
    backtick: 'command',
    heredocs: 'perl',
    lineStartDocs: 'pod',
  }),
  powershell: profile('powershell', {
    hashComments: 'anywhere',
    blockComments: [{ open: '<#', close: '#>', nests: false }],
    singleQuoteEscape: 'doubling',
    multilineStrings: true,
    escapeChar: BACKTICK,
  }),
  hash: profile('hash', { hashComments: 'anywhere', multilineStrings: true }),
  hashLineStart: profile('hashLineStart', { hashComments: 'line-start', doubleQuote: 'not-a-quote', singleQuote: 'none' }),
  makefile: profile('makefile', { hashComments: 'anywhere', doubleQuote: 'not-a-quote', singleQuote: 'none' }),
  yaml: profile('yaml', {
    hashComments: 'word-start',
    singleQuoteEscape: 'doubling',
    multilineStrings: true,
    quotesAtValueStartOnly: true,
  }),
  toml: profile('toml', { hashComments: 'anywhere', singleQuoteEscape: 'none', tripleQuotes: 'both' }),
  ini: profile('ini', { lineStartComments: [';', '#'], doubleQuote: 'not-a-quote', singleQuote: 'none' }),
  hcl: profile('hcl', {
    ...SLASH_COMMENTS,
    hashComments: 'anywhere',
    doubleQuoteInterpolation: 'dollar-brace',
    singleQuote: 'none',
    heredocs: 'hcl',
  }),
  cmake: profile('cmake', {
    hashComments: 'anywhere',
    blockComments: [{ open: '#[[', close: ']]', nests: false }],
    singleQuote: 'none',
    multilineStrings: true,
  }),
  nim: profile('nim', {
    hashComments: 'anywhere',
    blockComments: [{ open: '#[', close: ']#', nests: true }],
    singleQuote: 'char',
    tripleQuotes: 'double',
  }),
  julia: profile('julia', {
    hashComments: 'anywhere',
    blockComments: [{ open: '#=', close: '=#', nests: true }],
    singleQuote: 'string-or-transpose',
    tripleQuotes: 'double',
  }),
  r: profile('r', { hashComments: 'anywhere', multilineStrings: true, backtick: 'identifier' }),
  elixir: profile('elixir', {
    hashComments: 'anywhere',
    doubleQuoteInterpolation: 'hash-brace',
    multilineStrings: true,
    tripleQuotes: 'both',
    tripleQuoteInterpolation: 'hash-brace',
  }),
  sql: profile('sql', {
    lineComments: ['--'],
    blockComments: [{ open: '/*', close: '*/', nests: false }],
    doubleQuote: 'doubling',
    singleQuoteEscape: 'doubling',
    multilineStrings: true,
    backtick: 'identifier',
  }),
  dashDash: profile('dashDash', { lineComments: ['--'], doubleQuote: 'doubling', singleQuote: 'char' }),
  lua: profile('lua', { lineComments: ['--'], luaLongBrackets: true }),
  haskell: profile('haskell', {
    lineComments: ['--'],
    blockComments: [{ open: '{-', close: '-}', nests: true }],
    singleQuote: 'char-or-tick',
    quoteInIdentifiers: true,
    dashCommentNeedsNonSymbol: true,
  }),
  ml: profile('ml', {
    lineComments: ['//'],
    blockComments: [{ open: '(*', close: '*)', nests: true }],
    singleQuote: 'char-or-tick',
    tripleQuotes: 'double',
    quoteInIdentifiers: true,
    multilineStrings: true,
  }),
  ocaml: profile('ocaml', {
    blockComments: [{ open: '(*', close: '*)', nests: true }],
    singleQuote: 'char-or-tick',
    quoteInIdentifiers: true,
    multilineStrings: true,
  }),
  pascal: profile('pascal', {
    lineComments: ['//'],
    blockComments: [
      { open: '{', close: '}', nests: false },
      { open: '(*', close: '*)', nests: false },
    ],
    doubleQuote: 'not-a-quote',
    singleQuoteEscape: 'doubling',
  }),
  lisp: profile('lisp', {
    lineComments: [';'],
    blockComments: [{ open: '#|', close: '|#', nests: true }],
    singleQuote: 'none',
    multilineStrings: true,
    backslashCharacters: true,
  }),
  erlang: profile('erlang', { lineComments: ['%'], singleQuote: 'string', multilineStrings: true }),
  matlab: profile('matlab', {
    lineComments: ['%'],
    blockComments: [{ open: '%{', close: '%}', nests: false }],
    doubleQuote: 'doubling',
    singleQuote: 'string-or-transpose',
    singleQuoteEscape: 'doubling',
  }),
  fortran: profile('fortran', {
    lineComments: ['!'],
    doubleQuote: 'doubling',
    singleQuoteEscape: 'doubling',
    fortranFixedForm: true,
  }),
  fortranFree: profile('fortranFree', { lineComments: ['!'], doubleQuote: 'doubling', singleQuoteEscape: 'doubling' }),
  visualBasic: profile('visualBasic', {
    lineComments: ["'"],
    doubleQuote: 'doubling',
    singleQuote: 'none',
    remComments: true,
  }),
  batch: profile('batch', { lineStartComments: ['::'], doubleQuote: 'not-a-quote', singleQuote: 'none', remComments: true }),
  markup: profile('markup', {
    blockComments: [{ open: '<!--', close: '-->', nests: false }],
    doubleQuote: 'not-a-quote',
    singleQuote: 'none',
  }),
  css: profile('css', { blockComments: [{ open: '/*', close: '*/', nests: false }] }),
  scss: profile('scss', { ...SLASH_COMMENTS, lineCommentNotAfterColon: true }),
  cLikeComments: profile('cLikeComments', { ...SLASH_COMMENTS, singleQuote: 'char' }),
  zig: profile('zig', { lineComments: ['//'], singleQuote: 'char' }),
  assembly: profile('assembly', { lineComments: [';'], hashComments: 'line-start', singleQuote: 'char' }),
  json: profile('json', {}),
});

export type LexicalFamily = keyof typeof LEXICAL_PROFILES;
