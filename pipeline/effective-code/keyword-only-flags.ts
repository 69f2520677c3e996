import { normaliseLine } from '../line-ops/normalise.js';
import { isKeywordOnlyLine, isKeywordOnlyRawLine } from '../source-analysis/analyse-source.js';
import { LINE_COMMENT, LINE_KEYWORD_ONLY } from './prepared-commit.js';

/**
 * Keyword- and punctuation-only lines (`} else {`, `end`, `begin`) are short; only lines of at
 * most this many characters are checked, which skips the cost for ordinary code lines.
 */
const KEYWORD_ONLY_MAX_LENGTH = 64;

/**
 * Sets LINE_KEYWORD_ONLY on every line of `lines` that is not comment-only and holds only
 * punctuation and structural keywords of `language` (gate row 3). It needs the line text only,
 * not the file, so the scoring stage does it, and only for the files whose lines it decides.
 *
 * @example
 * const flags = new Uint8Array(2);
 * markKeywordOnlyLines(['} else {', 'x = 1;'], flags, 'TypeScript'); // flags: [2, 0]
 */
export function markKeywordOnlyLines(lines: readonly string[], flags: Uint8Array, language: string | null): void {
  for (let i = 0; i < lines.length; i++) {
    if ((flags[i]! & LINE_COMMENT) !== 0) continue;
    const text = lines[i]!;
    if (text.length > KEYWORD_ONLY_MAX_LENGTH) continue;
    // Most lines are answered from the raw text; only unusual whitespace needs the normal form.
    const verdict = isKeywordOnlyRawLine(text, language);
    if (verdict ?? isKeywordOnlyLine(normaliseLine(text), language)) flags[i] = LINE_KEYWORD_ONLY;
  }
}
