/**
 * Character classes shared by line normalisation, scanning and hashing. Everything here is
 * decided from UTF-16 code units so the hot loops never run a regular expression on ASCII text.
 */

/** An ASCII letter or decimal digit. */
export const ASCII_ALPHANUMERIC = 1;
/** The ASCII space (32). */
export const ASCII_SPACE = 2;
/** Tab, line feed, vertical tab, form feed, carriage return (9–13). */
export const ASCII_OTHER_WHITESPACE = 3;

/**
 * Class of every ASCII code: 0 for anything else, then the constants above. Whitespace classes
 * compare `>= ASCII_SPACE`.
 */
export const ASCII_KIND: Uint8Array = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  // `code | 32` folds upper-case ASCII letters onto lower case; no other ASCII code lands in a–z.
  const folded = code | 32;
  if ((code >= 48 && code <= 57) || (folded >= 97 && folded <= 122)) ASCII_KIND[code] = ASCII_ALPHANUMERIC;
  else if (code === 32) ASCII_KIND[code] = ASCII_SPACE;
  else if (code >= 9 && code <= 13) ASCII_KIND[code] = ASCII_OTHER_WHITESPACE;
}

/**
 * Every character JavaScript's `\s` and `String.prototype.trim` treat as whitespace.
 *
 * @example
 * isWhitespaceCode(0x09)   // true (tab)
 * isWhitespaceCode(0x3000) // true (ideographic space)
 * isWhitespaceCode(0x41)   // false
 */
export function isWhitespaceCode(code: number): boolean {
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

const UNICODE_ALPHANUMERIC = /[\p{L}\p{Nd}]/gu;

/**
 * Counts letters and decimal digits (`\p{L}`, `\p{Nd}`, whole code points) from `from` to the
 * end of `text`. Used once a line turns out to hold non-ASCII characters.
 *
 * @example
 * countUnicodeAlphanumerics('größe = 1', 0) // 6
 */
export function countUnicodeAlphanumerics(text: string, from: number): number {
  let count = 0;
  UNICODE_ALPHANUMERIC.lastIndex = from;
  while (UNICODE_ALPHANUMERIC.exec(text) !== null) count++;
  return count;
}
