/**
 * String literal styles: how a literal ends, escapes and interpolates. A lexer family keeps a
 * few prebuilt styles; an interpolation frame remembers which style to resume after `}`.
 */
import type { InterpolationSyntax, LexicalProfile, QuoteEscape } from './lexical-profiles.js';

export const INTERPOLATION_NONE = 0;
/** `${expr}` (JavaScript templates, Kotlin, Dart, Groovy, Scala, HCL). */
export const INTERPOLATION_DOLLAR_BRACE = 1;
/** `#{expr}` (Ruby, Elixir). */
export const INTERPOLATION_HASH_BRACE = 2;
/** `\(expr)` (Swift). */
export const INTERPOLATION_BACKSLASH_PAREN = 3;
/** `$(cmd)` and `${var}` (shell). */
export const INTERPOLATION_SHELL = 4;
/** `{expr}` with `{{` as a literal brace (C# `$"…"`). */
export const INTERPOLATION_BRACE = 5;
/** `{expr}` with `{{` literal and a format spec after `:` (Python f-strings). */
export const INTERPOLATION_PYTHON = 6;

/** One way of writing a string literal. */
export class StringStyle {
  constructor(
    /** Char code of the closing quote. */
    readonly quote: number,
    /** 1 for `"`, 3 for `"""`. */
    readonly quoteCount: number,
    /** Escape character code, or -1 when backslashes are literal. */
    readonly escape: number,
    /** A doubled quote stands for one quote (SQL, VB, C# verbatim). */
    readonly doubling: boolean,
    /** The literal may span lines; otherwise an unterminated literal ends at the line break. */
    readonly multiline: boolean,
    readonly interpolation: number,
    /** Raw strings closed by the quote plus this many `#` (Rust `r#"…"#`, Swift `#"…"#`). */
    readonly hashes = 0,
  ) {}
}

/** Maps a profile's interpolation name to its numeric code. */
export function interpolationCode(syntax: InterpolationSyntax): number {
  switch (syntax) {
    case 'dollar-brace':
      return INTERPOLATION_DOLLAR_BRACE;
    case 'hash-brace':
      return INTERPOLATION_HASH_BRACE;
    case 'backslash-paren':
      return INTERPOLATION_BACKSLASH_PAREN;
    case 'shell':
      return INTERPOLATION_SHELL;
    default:
      return INTERPOLATION_NONE;
  }
}

const DOUBLE_QUOTE = 34;
const SINGLE_QUOTE = 39;
const BACKTICK = 96;

/** The styles a profile uses, built once per profile. */
export interface ProfileStringStyles {
  readonly double: StringStyle | null;
  readonly single: StringStyle | null;
  readonly tripleDouble: StringStyle | null;
  readonly tripleSingle: StringStyle | null;
  readonly backtick: StringStyle | null;
  /** Python f-strings, C# `$"…"`, Scala `s"…"`: the interpolating variants. */
  readonly interpolatedDouble: StringStyle;
  readonly interpolatedSingle: StringStyle;
  readonly interpolatedTripleDouble: StringStyle;
  readonly interpolatedTripleSingle: StringStyle;
  /** Raw variants without escapes (Dart `r"…"`, C# verbatim `@"…"`). */
  readonly rawDouble: StringStyle;
  readonly rawSingle: StringStyle;
  readonly rawTripleDouble: StringStyle;
  readonly rawTripleSingle: StringStyle;
  /** C# `@$"…"`. */
  readonly verbatimInterpolated: StringStyle;
  /** C# `@"…"`. */
  readonly verbatim: StringStyle;
}

function escapeOf(escape: QuoteEscape, profile: LexicalProfile): number {
  return escape === 'backslash' ? profile.escapeChar : -1;
}

/** Builds the string styles of a lexical profile. */
export function buildStringStyles(profile: LexicalProfile): ProfileStringStyles {
  const multiline = profile.multilineStrings;
  const double =
    profile.doubleQuote === 'not-a-quote'
      ? null
      : new StringStyle(
          DOUBLE_QUOTE,
          1,
          escapeOf(profile.doubleQuote, profile),
          profile.doubleQuote === 'doubling',
          multiline,
          interpolationCode(profile.doubleQuoteInterpolation),
        );
  const single =
    profile.singleQuote === 'string' || profile.singleQuote === 'string-or-transpose'
      ? new StringStyle(
          SINGLE_QUOTE,
          1,
          escapeOf(profile.singleQuoteEscape, profile),
          profile.singleQuoteEscape === 'doubling',
          multiline,
          interpolationCode(profile.singleQuoteInterpolation),
        )
      : null;
  const tripleEscape = escapeOf(profile.tripleQuoteEscape, profile);
  const tripleInterpolation = interpolationCode(profile.tripleQuoteInterpolation);
  const tripleDouble =
    profile.tripleQuotes === 'none' ? null : new StringStyle(DOUBLE_QUOTE, 3, tripleEscape, false, true, tripleInterpolation);
  const tripleSingle =
    profile.tripleQuotes === 'both' ? new StringStyle(SINGLE_QUOTE, 3, tripleEscape, false, true, tripleInterpolation) : null;
  let backtick: StringStyle | null = null;
  if (profile.backtick === 'template') {
    backtick = new StringStyle(BACKTICK, 1, profile.escapeChar, false, true, INTERPOLATION_DOLLAR_BRACE);
  } else if (profile.backtick === 'raw') {
    backtick = new StringStyle(BACKTICK, 1, -1, false, true, INTERPOLATION_NONE);
  } else if (profile.backtick === 'command') {
    backtick = new StringStyle(BACKTICK, 1, profile.escapeChar, false, true, interpolationCode(profile.doubleQuoteInterpolation));
  }
  // Python f-strings interpolate with `{…}`; Scala interpolators with `${…}`; C# with `{…}`.
  const prefixInterpolation =
    profile.stringPrefixes === 'python'
      ? INTERPOLATION_PYTHON
      : profile.stringPrefixes === 'scala'
        ? INTERPOLATION_DOLLAR_BRACE
        : INTERPOLATION_BRACE;
  const escape = profile.escapeChar;
  return {
    double,
    single,
    tripleDouble,
    tripleSingle,
    backtick,
    interpolatedDouble: new StringStyle(DOUBLE_QUOTE, 1, escape, false, multiline, prefixInterpolation),
    interpolatedSingle: new StringStyle(SINGLE_QUOTE, 1, escape, false, multiline, prefixInterpolation),
    interpolatedTripleDouble: new StringStyle(DOUBLE_QUOTE, 3, tripleEscape, false, true, prefixInterpolation),
    interpolatedTripleSingle: new StringStyle(SINGLE_QUOTE, 3, tripleEscape, false, true, prefixInterpolation),
    rawDouble: new StringStyle(DOUBLE_QUOTE, 1, -1, false, multiline, INTERPOLATION_NONE),
    rawSingle: new StringStyle(SINGLE_QUOTE, 1, -1, false, multiline, INTERPOLATION_NONE),
    rawTripleDouble: new StringStyle(DOUBLE_QUOTE, 3, -1, false, true, INTERPOLATION_NONE),
    rawTripleSingle: new StringStyle(SINGLE_QUOTE, 3, -1, false, true, INTERPOLATION_NONE),
    verbatimInterpolated: new StringStyle(DOUBLE_QUOTE, 1, -1, true, true, INTERPOLATION_BRACE),
    verbatim: new StringStyle(DOUBLE_QUOTE, 1, -1, true, true, INTERPOLATION_NONE),
  };
}

const rawStyles = new Map<number, StringStyle>();

/**
 * A raw string closed by `"` (or `"""`) followed by `hashes` `#` characters, without escapes.
 * Cached: only a handful of hash counts ever occur.
 */
export function hashedRawStyle(hashes: number, quoteCount: number): StringStyle {
  const key = hashes * 4 + quoteCount;
  let style = rawStyles.get(key);
  if (!style) {
    style = new StringStyle(DOUBLE_QUOTE, quoteCount, -1, false, true, INTERPOLATION_NONE, hashes);
    rawStyles.set(key, style);
  }
  return style;
}
