/*
 * Closing keywords as GitHub defines them: close, closes, closed, fix, fixes, fixed, resolve,
 * resolves, resolved — any case, optionally followed by a colon — directly before the reference
 * (`Fixes #12`, `closes: ABC-42`). As on GitHub, each reference needs its own keyword:
 * in `Fixes #1, #2` only #1 is closed.
 */

const KEYWORD = '(close[sd]?|fix(?:e[sd])?|resolve[sd]?)';

// The keyword, then a colon and/or blanks, ending exactly where the reference starts.
const KEYWORD_BEFORE = new RegExp(`(?<![\\w-])${KEYWORD}(?:[ \\t]*:[ \\t]*|[ \\t]+)$`, 'i');
const KEYWORD_ONLY = new RegExp(`^${KEYWORD}$`, 'i');

/** A closing keyword found in front of a reference. */
export interface ClosingKeyword {
  /** The keyword as written, e.g. `Fixes`. */
  readonly word: string;
  /** Offset of the keyword's first character. */
  readonly start: number;
}

/**
 * The closing keyword that directly precedes offset `referenceStart` of `text` on the same line,
 * or null.
 *
 * @example
 * closingKeywordBefore('Fixes: #12', 7); // { word: 'Fixes', start: 0 }
 * closingKeywordBefore('prefix #12', 7); // null
 */
export function closingKeywordBefore(text: string, referenceStart: number): ClosingKeyword | null {
  const lineStart = text.lastIndexOf('\n', referenceStart - 1) + 1;
  // Only the last few characters can hold "resolved:" and its blanks.
  const from = Math.max(lineStart, referenceStart - 32);
  const before = text.slice(from, referenceStart);
  const match = KEYWORD_BEFORE.exec(before);
  return match ? { word: match[1]!, start: from + match.index } : null;
}

/**
 * Whether `word` (a trailer key such as `Closes`) is a closing keyword.
 *
 * @example
 * isClosingKeyword('Resolves'); // true
 * isClosingKeyword('Refs'); // false
 */
export function isClosingKeyword(word: string): boolean {
  return KEYWORD_ONLY.test(word.trim());
}
