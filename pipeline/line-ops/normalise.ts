/**
 * Line normalisation: the comparison key of every line operation is a line trimmed, with every
 * run of whitespace collapsed to one space.
 *
 * Detection itself never builds normalised strings for every line: {@link scanLine} hashes and
 * measures the normalised form while reading the raw text. The functions here build the string
 * when it is really needed (similarity, token substitution) and serve callers outside.
 */
import { ASCII_ALPHANUMERIC, ASCII_KIND, countUnicodeAlphanumerics, isWhitespaceCode } from './char-classes.js';
import { scanLine } from './line-scan.js';

export { avalanche32, hashString } from './line-hash.js';

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
    if (ASCII_KIND[code] === ASCII_ALPHANUMERIC) count++;
  }
  return count;
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

/**
 * Normalises a line, counts its alphanumerics and (optionally) hashes it — the same results as
 * {@link normaliseLine}, {@link alphanumericCount} and `hashString` called one after
 * another. Callers that do not need the normalised string should use `scanLineInto`, which
 * allocates nothing.
 *
 * Returns one shared result object (no garbage per line): read the fields before the next call.
 *
 * @example
 * const { normalised, alphanumerics, hash } = analyseLine('  x = 1;', true);
 */
export function analyseLine(text: string, withHash: boolean): Readonly<LineAnalysis> {
  const scan = scanLine(text);
  analysis.normalised = normaliseLine(text);
  analysis.alphanumerics = scan.alphanumerics;
  analysis.hash = withHash ? scan.hash : 0;
  return analysis;
}
