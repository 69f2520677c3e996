import type { TextMatch } from './reference.js';

/*
 * GitHub issue and pull-request references as GitHub itself autolinks them: `#123`, `GH-123`,
 * `owner/name#123`, and full web addresses `https://<host>/owner/name/issues/123` or
 * `…/pull/123` (any host, so GitHub Enterprise Server addresses work too). A reference found here
 * is only a candidate: it links only when such an issue or pull request was collected.
 */

// Numbers stay below 10^9 (GitHub numbers are 32-bit) so colour codes like #1234567890 never match.
const NUMBER = '([1-9]\\d{0,8})(?![\\w])';
const OWNER = '([A-Za-z0-9][A-Za-z0-9-]*)';
const NAME = '([A-Za-z0-9._-]+)';

const WEB_ADDRESS = new RegExp(`\\bhttps?://[^\\s/?#]+/${OWNER}/${NAME}/(?:issues|pull)/${NUMBER}`, 'g');
// Not inside a path or a longer word: `docs/acme/web#1` and `x.acme/web#1` are not references.
const QUALIFIED = new RegExp(`(?<![\\w./-])${OWNER}/${NAME}#${NUMBER}`, 'g');
// Not after a word character (`PR#1`, `page#12`), `&` (`&#123;` entities), `#` or `/`.
const BARE = new RegExp(`(?<![\\w&#/-])#${NUMBER}`, 'g');
const GH_PREFIX = new RegExp(`(?<![\\w-])GH-${NUMBER}`, 'gi');

/**
 * The GitHub references in `text`, in order of position. Where two patterns match overlapping
 * text (a web address and what is inside it), the one that starts first and is longest wins.
 *
 * @example
 * findGithubReferences('Fixes #12, see acme/api#3').map((m) => m.target);
 * // [{ kind: 'github', repo: null, number: 12 }, { kind: 'github', repo: 'acme/api', number: 3 }]
 */
export function findGithubReferences(text: string): TextMatch[] {
  if (text.length === 0) return [];
  const found: TextMatch[] = [];
  for (const match of text.matchAll(WEB_ADDRESS)) found.push(qualified(match, match[1]!, match[2]!, match[3]!));
  for (const match of text.matchAll(QUALIFIED)) found.push(qualified(match, match[1]!, match[2]!, match[3]!));
  for (const match of text.matchAll(BARE)) found.push(bare(match, match[1]!));
  for (const match of text.matchAll(GH_PREFIX)) found.push(bare(match, match[1]!));
  return withoutOverlaps(found);
}

function qualified(match: RegExpMatchArray, owner: string, name: string, number: string): TextMatch {
  const start = match.index!;
  return { target: { kind: 'github', repo: `${owner}/${name}`, number: Number(number) }, start, end: start + match[0].length };
}

function bare(match: RegExpMatchArray, number: string): TextMatch {
  const start = match.index!;
  return { target: { kind: 'github', repo: null, number: Number(number) }, start, end: start + match[0].length };
}

/**
 * Matches sorted by position, dropping any that overlaps one kept before it (the earlier start
 * wins; at the same start, the longer match).
 *
 * @example
 * withoutOverlaps([{ start: 5, end: 7, target }, { start: 0, end: 9, target }]); // the 0..9 match only
 */
export function withoutOverlaps(matches: readonly TextMatch[]): TextMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: TextMatch[] = [];
  let reached = -1;
  for (const match of sorted) {
    if (match.start < reached) continue;
    kept.push(match);
    reached = match.end;
  }
  return kept;
}
