/**
 * Per-family lookup tables for the lexer (character classes, comment openers, string styles),
 * built once per lexical profile, and the character predicates the scanners share.
 */
import { CR, DOLLAR, EQ, LBRACKET, LF, SPACE, SQUOTE, TAB, UNDERSCORE } from './char-codes.js';
import type { BlockCommentSyntax, LexicalProfile } from './lexical-profiles.js';
import { type ProfileStringStyles, buildStringStyles } from './string-styles.js';

/** Character classes for the lexer's dispatch table (ASCII only; other characters are decided by code). */
export const CLASS_OTHER = 0;
export const CLASS_SPACE = 1;
export const CLASS_NEWLINE = 2;
export const CLASS_IDENT = 3;
export const CLASS_DIGIT = 4;

/** Bits of `commentStart[c]`: some line comment marker / block comment opener starts with `c`. */
export const COMMENT_LINE_MARKER = 1;
export const COMMENT_BLOCK_OPENER = 2;

/** Per-profile tables, built once. */
export interface CompiledProfile {
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

/** Tables for `profile` (cached). */
export function compileProfile(profile: LexicalProfile): CompiledProfile {
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

/** Non-ASCII blanks: no-break space, byte-order mark, Unicode spaces and line separators. */
export function isHighSpace(c: number): boolean {
  return c === 0xa0 || c === 0xfeff || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x3000;
}
/** `A`–`Z` or `a`–`z`. */
export function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
/** A character that can start an identifier in most languages (letters, `_`, `$`, non-ASCII). */
export function isIdentifierStartChar(c: number): boolean {
  return isAsciiLetter(c) || c === UNDERSCORE || c === DOLLAR || c >= 128;
}
/** A letter, digit, `_` or non-ASCII character. */
export function isWordChar(c: number): boolean {
  return isAsciiLetter(c) || (c >= 48 && c <= 57) || c === UNDERSCORE || c >= 128;
}
/** `0`–`9`. */
export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}
/** `0`–`9`, `a`–`f`, `A`–`F`. */
export function isHexDigit(c: number): boolean {
  return isDigit(c) || ((c | 32) >= 97 && (c | 32) <= 102);
}
/** `e`/`E` (decimal) or `p`/`P` (hexadecimal float) exponent markers, after which a sign belongs to the number. */
export function isExponentMarker(c: number): boolean {
  const lower = c | 32;
  return lower === 101 || lower === 112;
}
/** Level of a Lua long bracket `[==[` at `pos`, or -1. */
export function luaLongBracketLevel(text: string, pos: number, end: number): number {
  if (text.charCodeAt(pos) !== LBRACKET) return -1;
  let p = pos + 1;
  while (p < end && text.charCodeAt(p) === EQ) p++;
  return text.charCodeAt(p) === LBRACKET ? p - pos - 1 : -1;
}
