/**
 * Line normalisation and hashing: the comparison key of every line operation.
 *
 * These run on every changed line of a repository's history: they scan character codes
 * instead of running regular expressions, and allocate only the trimmed or collapsed string.
 */

/** Every character JavaScript's `\s` and `String.prototype.trim` treat as whitespace. */
function isWhitespaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

const WHITESPACE_RUN = /\s+/g;

/**
 * Trims a line and collapses every run of whitespace (spaces, tabs, `\r`, Unicode spaces) to
 * one space; a lone tab also becomes a space. Lines that are already normal are returned as
 * they are, without allocating.
 *
 * @example
 * normaliseLine('\t  return  a +\tb; ') // 'return a + b;'
 * normaliseLine('   ')                 // ''
 */
export function normaliseLine(text: string): string {
  // Native trim returns the same string when there is nothing to trim.
  const line = text.trim();
  const length = line.length;
  for (let i = 1; i < length - 1; i++) {
    const code = line.charCodeAt(i);
    if (code === 32 ? isWhitespaceCode(line.charCodeAt(i + 1)) : isWhitespaceCode(code)) {
      return line.replace(WHITESPACE_RUN, ' ');
    }
  }
  return line;
}

const UNICODE_ALPHANUMERIC = /[\p{L}\p{Nd}]/gu;

/**
 * Counts letters and decimal digits, ASCII and Unicode alike (`\p{L}`, `\p{Nd}`). ASCII lines
 * are counted without allocating; a regular expression takes over from the first non-ASCII
 * character.
 *
 * @example
 * alphanumericCount('});')        // 0
 * alphanumericCount('x = 42;')    // 3
 * alphanumericCount('größe = 1')  // 6
 */
export function alphanumericCount(text: string): number {
  let count = 0;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128) return count + countUnicodeAlphanumerics(text, i);
    // `code | 32` folds upper-case ASCII letters onto lower case; no other ASCII code lands in a–z.
    const folded = code | 32;
    if ((code >= 48 && code <= 57) || (folded >= 97 && folded <= 122)) count++;
  }
  return count;
}

function countUnicodeAlphanumerics(text: string, from: number): number {
  let count = 0;
  UNICODE_ALPHANUMERIC.lastIndex = from;
  while (UNICODE_ALPHANUMERIC.exec(text) !== null) count++;
  return count;
}

const TWO_POW_32 = 4294967296;

/**
 * A fast non-cryptographic 53-bit hash of a string (an integer in `[0, 2^53)`, exact in a
 * JavaScript number). Two independent 32-bit FNV-1a-style lanes with different multipliers are
 * each finished with a 32-bit avalanche mix; 21 bits of one and 32 of the other form the result.
 *
 * Why 53 bits: the copy/paste history keeps millions of window hashes and compares them
 * exactly; at 53 bits a false match among ten million entries has a chance near one in a
 * billion per lookup, while 32 bits would give one in four hundred.
 *
 * @example
 * hashString('return a + b;') === hashString('return a + b;') // true
 */
export function hashString(text: string): number {
  let a = HASH_SEED_A;
  let b = HASH_SEED_B;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193);
    b = Math.imul(b ^ code, 0x5bd1e995);
    b ^= b >>> 15;
  }
  return finishHash(a, b, length);
}

const HASH_SEED_A = 0x811c9dc5;
const HASH_SEED_B = 0x3c6ef372;

function finishHash(laneA: number, laneB: number, length: number): number {
  const a = avalanche32(laneA ^ length);
  const b = avalanche32(laneB ^ a);
  return (b & 0x1fffff) * TWO_POW_32 + (a >>> 0);
}

/** What {@link analyseLine} found out about a line. */
export interface LineAnalysis {
  /** {@link normaliseLine} of the line. */
  normalised: string;
  /** {@link alphanumericCount} of the normalised line. */
  alphanumerics: number;
  /** {@link hashString} of the normalised line, or 0 when not requested. */
  hash: number;
}

const analysis: LineAnalysis = { normalised: '', alphanumerics: 0, hash: 0 };

const ALPHANUMERIC = 1;
const SPACE = 2;
const OTHER_WHITESPACE = 3;
/** Character class of each ASCII code: 0 other, then the constants above. */
const ASCII_KIND = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  const folded = code | 32;
  if ((code >= 48 && code <= 57) || (folded >= 97 && folded <= 122)) ASCII_KIND[code] = ALPHANUMERIC;
  else if (code === 32) ASCII_KIND[code] = SPACE;
  else if (code >= 9 && code <= 13) ASCII_KIND[code] = OTHER_WHITESPACE;
}

/**
 * Normalises a line, counts its alphanumerics and (optionally) hashes it in one pass — the
 * same results as {@link normaliseLine}, {@link alphanumericCount} and {@link hashString}
 * called one after another, at about a third of the cost.
 *
 * Why one shared result object: this runs on every changed line of a history; returning a
 * fresh object per line would be pure garbage-collector load. Read the fields before the
 * next call.
 *
 * @example
 * const { normalised, alphanumerics, hash } = analyseLine('  x = 1;', true);
 */
export function analyseLine(text: string, withHash: boolean): Readonly<LineAnalysis> {
  let line = text.trim();
  for (;;) {
    let a = HASH_SEED_A;
    let b = HASH_SEED_B;
    let alphanumerics = 0;
    let nonAscii = false;
    let collapse = false;
    const length = line.length;
    for (let i = 0; i < length; i++) {
      const code = line.charCodeAt(i);
      if (code < 128) {
        const kind = ASCII_KIND[code]!;
        if (kind === ALPHANUMERIC) alphanumerics++;
        else if (kind === OTHER_WHITESPACE || (kind === SPACE && ASCII_KIND[line.charCodeAt(i + 1)]! >= SPACE)) {
          // A tab, or a space followed by more whitespace (the line is trimmed, so i + 1 exists).
          // A space before non-ASCII whitespace is caught when the loop reaches that character.
          collapse = true;
          break;
        }
      } else {
        if (isWhitespaceCode(code)) {
          collapse = true;
          break;
        }
        nonAscii = true;
      }
      if (withHash) {
        a = Math.imul(a ^ code, 0x01000193);
        b = Math.imul(b ^ code, 0x5bd1e995);
        b ^= b >>> 15;
      }
    }
    if (collapse) {
      // Rare: a run of whitespace inside the line. Collapse it and scan the result once more.
      line = line.replace(WHITESPACE_RUN, ' ');
      continue;
    }
    analysis.normalised = line;
    analysis.alphanumerics = nonAscii ? countUnicodeAlphanumerics(line, 0) : alphanumerics;
    analysis.hash = withHash ? finishHash(a, b, length) : 0;
    return analysis;
  }
}

/** The 32-bit finaliser popularised by MurmurHash3: every input bit affects every output bit. */
export function avalanche32(value: number): number {
  let h = value;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}
