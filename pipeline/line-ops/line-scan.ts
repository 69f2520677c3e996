/**
 * One pass over a raw changed line that yields everything detection compares lines by — the
 * hash, length and alphanumeric count of its normalised form — without building the
 * normalised string.
 */
import {
  ASCII_ALPHANUMERIC,
  ASCII_KIND,
  ASCII_OTHER_WHITESPACE,
  ASCII_SPACE,
  countUnicodeAlphanumerics,
  isWhitespaceCode,
} from './char-classes.js';
import { finishHash, HASH_SEED_A, HASH_SEED_B, mixLaneA, mixLaneB } from './line-hash.js';

/**
 * Where {@link scanLineInto} writes its results: four columns indexed alike. Typed arrays,
 * because storing a 53-bit hash into an object field or returning it from a function boxes it
 * in a fresh heap number, while a `Float64Array` holds it as it is.
 */
export interface LineScanColumns {
  /** `hashString(normaliseLine(text))`. */
  hashes: Float64Array;
  /** `normaliseLine(text).length`: 0 exactly for blank and whitespace-only lines. */
  normalisedLengths: Int32Array;
  /** `alphanumericCount(text)` (whitespace never counts, so raw and normalised text agree). */
  alphanumerics: Int32Array;
  /**
   * Where the normalised text starts in the raw text when it is a plain slice of it,
   * `text.slice(start, start + normalisedLength)` (only the ends were trimmed); -1 when inner
   * whitespace had to be collapsed (or the line holds non-ASCII characters).
   */
  normalisedStarts: Int32Array;
}

/** 1 for ASCII letters and digits, else 0: added unconditionally in the general loop. */
const ASCII_ALPHANUMERIC_COUNT = Uint8Array.from(ASCII_KIND, (kind) => (kind === ASCII_ALPHANUMERIC ? 1 : 0));

/**
 * What the fast path needs to know about two adjacent ASCII characters, from one lookup in a
 * 16 KiB table indexed by both 7-bit codes: bits 0–1 count their letters and digits, bit 2
 * says the first is a space, bit 3 the second, and bit 4 that the pair breaks normal form by
 * itself (a tab or other ASCII whitespace, or two spaces).
 */
const PAIR_ALPHANUMERICS = 3;
const PAIR_FIRST_SPACE = 4;
const PAIR_SECOND_SPACE = 8;
const PAIR_IRREGULAR = 16;
const ASCII_PAIRS = new Uint8Array(128 * 128);
for (let first = 0; first < 128; first++) {
  for (let second = 0; second < 128; second++) {
    const firstKind = ASCII_KIND[first]!;
    const secondKind = ASCII_KIND[second]!;
    let bits = (firstKind === ASCII_ALPHANUMERIC ? 1 : 0) + (secondKind === ASCII_ALPHANUMERIC ? 1 : 0);
    if (firstKind === ASCII_SPACE) bits |= PAIR_FIRST_SPACE;
    if (secondKind === ASCII_SPACE) bits |= PAIR_SECOND_SPACE;
    const twoSpaces = firstKind === ASCII_SPACE && secondKind === ASCII_SPACE;
    if (firstKind === ASCII_OTHER_WHITESPACE || secondKind === ASCII_OTHER_WHITESPACE || twoSpaces) bits |= PAIR_IRREGULAR;
    ASCII_PAIRS[(first << 7) | second] = bits;
  }
}

/**
 * Scans a raw line once and writes, at `index` of `into`, the hash, length and alphanumeric
 * count of its normalised form (trimmed, whitespace runs collapsed to one space) — exactly what
 * `hashString(normaliseLine(text))`, `normaliseLine(text).length` and `alphanumericCount(text)`
 * give, without building the normalised string.
 *
 * Why two paths: in almost every line of code the only whitespace between the trimmed ends is
 * single spaces, so the normalised form is the trimmed raw text itself. The fast path assumes
 * that, hashes two characters per step and classifies them with table lookups and bit
 * arithmetic instead of branches (spaces sit at unpredictable places, so a branch on them
 * mispredicts often); it only records whether the assumption broke (a tab, two whitespace
 * characters in a row, a non-ASCII character), and then the general path scans the line again.
 *
 * @example
 * const columns = createLineScanColumns(1);
 * scanLineInto('\t  x  = 1;', columns, 0);
 * // columns.hashes[0] === hashString('x = 1;'), normalisedLengths[0] === 6, alphanumerics[0] === 2
 */
export function scanLineInto(text: string, into: LineScanColumns, index: number): void {
  let start = 0;
  let end = text.length;
  while (start < end && isWhitespaceAt(text, start)) start++;
  while (end > start && isWhitespaceAt(text, end - 1)) end--;
  let a = HASH_SEED_A;
  let b = HASH_SEED_B;
  let alphanumerics = 0;
  // Non-zero once the trimmed text is not already normal or not pure ASCII.
  let irregular = 0;
  let previousSpace = 0;
  let i = start;
  for (; i + 1 < end; i += 2) {
    const first = text.charCodeAt(i);
    const second = text.charCodeAt(i + 1);
    // `& 127` keeps the lookup in range; non-ASCII characters are flagged by `>>> 7` instead.
    const pair = ASCII_PAIRS[((first & 127) << 7) | (second & 127)]!;
    alphanumerics += pair & PAIR_ALPHANUMERICS;
    // A space ending the previous pair and one starting this pair are two in a row.
    irregular |= (previousSpace & pair) | (pair & PAIR_IRREGULAR) | ((first | second) >>> 7);
    previousSpace = (pair & PAIR_SECOND_SPACE) >> 1;
    const word = first | (second << 16);
    a = mixLaneA(a, word);
    b = mixLaneB(b, word);
  }
  if (i < end) {
    // The last character (never whitespace: the range is trimmed) pairs with nothing.
    const last = text.charCodeAt(i);
    alphanumerics += ASCII_PAIRS[(last & 127) << 7]! & PAIR_ALPHANUMERICS;
    irregular |= last >>> 7;
    a = mixLaneA(a, last);
    b = mixLaneB(b, last);
  }
  if (irregular !== 0) {
    scanIrregularLine(text, start, end, into, index);
    return;
  }
  const length = end - start;
  into.hashes[index] = finishHash(a, b, length);
  into.normalisedLengths[index] = length;
  into.alphanumerics[index] = alphanumerics;
  into.normalisedStarts[index] = start;
}

/**
 * The general path of {@link scanLineInto} over the trimmed range `[start, end)`: collapses
 * inner whitespace runs and counts non-ASCII letters and digits.
 */
function scanIrregularLine(text: string, start: number, end: number, into: LineScanColumns, index: number): void {
  let a = HASH_SEED_A;
  let b = HASH_SEED_B;
  let alphanumerics = 0;
  let nonAscii = false;
  let length = 0;
  // The hash takes code units in pairs (see line-hash.ts): the first unit of a pair waits here.
  let pendingUnit = -1;
  for (let i = start; i < end; i++) {
    let code = text.charCodeAt(i);
    if (code > 32 && code < 127) {
      alphanumerics += ASCII_ALPHANUMERIC_COUNT[code]!;
    } else if (code < 128 ? ASCII_KIND[code]! >= ASCII_SPACE : isWhitespaceCode(code)) {
      // An inner run of whitespace (the ends are trimmed, so content follows): one space.
      while (isWhitespaceAt(text, i + 1)) i++;
      code = 32;
    } else if (code >= 128) {
      nonAscii = true;
    }
    length++;
    if (pendingUnit < 0) {
      pendingUnit = code;
    } else {
      const word = pendingUnit | (code << 16);
      a = mixLaneA(a, word);
      b = mixLaneB(b, word);
      pendingUnit = -1;
    }
  }
  if (pendingUnit >= 0) {
    a = mixLaneA(a, pendingUnit);
    b = mixLaneB(b, pendingUnit);
  }
  into.hashes[index] = finishHash(a, b, length);
  into.normalisedLengths[index] = length;
  into.alphanumerics[index] = nonAscii ? countUnicodeAlphanumerics(text, start) : alphanumerics;
  into.normalisedStarts[index] = -1;
}

/** What {@link scanLine} found out about a line (see {@link LineScanColumns} for the fields). */
export interface LineScan {
  hash: number;
  normalisedLength: number;
  alphanumerics: number;
}

const scratch = createLineScanColumns(1);

/**
 * Empty scan columns for `size` lines.
 *
 * @example
 * const columns = createLineScanColumns(lines.length);
 * lines.forEach((line, i) => scanLineInto(line, columns, i));
 */
export function createLineScanColumns(size: number): LineScanColumns {
  return {
    hashes: new Float64Array(size),
    normalisedLengths: new Int32Array(size),
    alphanumerics: new Int32Array(size),
    normalisedStarts: new Int32Array(size),
  };
}

/**
 * {@link scanLineInto} for one line, as a fresh object: convenient outside hot loops.
 *
 * @example
 * scanLine('  return  a;') // { hash: hashString('return a;'), normalisedLength: 9, alphanumerics: 7 }
 */
export function scanLine(text: string): LineScan {
  scanLineInto(text, scratch, 0);
  return { hash: scratch.hashes[0]!, normalisedLength: scratch.normalisedLengths[0]!, alphanumerics: scratch.alphanumerics[0]! };
}

function isWhitespaceAt(text: string, index: number): boolean {
  const code = text.charCodeAt(index);
  return code < 128 ? ASCII_KIND[code]! >= ASCII_SPACE : isWhitespaceCode(code);
}

function skipWhitespace(text: string, from: number): number {
  let index = from;
  while (index < text.length && isWhitespaceAt(text, index)) index++;
  return index;
}

/**
 * Whether two raw lines have the same normalised form (`normaliseLine(a) === normaliseLine(b)`),
 * decided without building either normalised string.
 *
 * @example
 * normalisedEquals('  return  a;', 'return a;\t') // true
 * normalisedEquals('ab', 'a b')                   // false
 */
export function normalisedEquals(a: string, b: string): boolean {
  if (a === b) return true;
  const aLength = a.length;
  const bLength = b.length;
  let i = skipWhitespace(a, 0);
  let j = skipWhitespace(b, 0);
  for (;;) {
    // Compare a run of content characters.
    while (i < aLength && j < bLength) {
      const aCode = a.charCodeAt(i);
      if (aCode !== b.charCodeAt(j)) break;
      if (isWhitespaceAt(a, i)) break;
      i++;
      j++;
    }
    // Both sides must now reach a whitespace run, or the end, together.
    const aNext = skipWhitespace(a, i);
    const bNext = skipWhitespace(b, j);
    if (aNext === aLength || bNext === bLength) return aNext === aLength && bNext === bLength;
    // Content continues on both sides: a mismatch unless both just crossed a whitespace run.
    if (aNext === i || bNext === j) return false;
    i = aNext;
    j = bNext;
  }
}
