import { parseTrailers, type Trailer } from '../attribution/trailers.js';
import { closingKeywordBefore, isClosingKeyword } from './closing-keywords.js';
import { clip, evidenceAround } from './evidence.js';
import { findGithubReferences } from './github-references.js';
import { findJiraKeys } from './jira-keys.js';
import { maskNonProse } from './markdown-prose.js';
import type { FoundReference, TextEvidenceKind, TextMatch } from './reference.js';

/*
 * Per field of a pull request or commit: every reference, with where it was found, its evidence
 * and whether a closing keyword introduced it. Nothing here looks at the warehouse except through
 * the set of known Jira projects; whether a GitHub number or a sha exists is decided later.
 */

/** What the finders need to know about the warehouse. */
export interface FinderContext {
  /** Upper-case Jira project keys that may be linked. */
  readonly jiraProjects: ReadonlySet<string>;
}

// Trailer keys whose value names the commit being fixed (`Fixes: 1a2b3c4d ("subject")`).
const FIXES_KEYS = new Set(['fixes', 'fix', 'fixed']);
const SHA_VALUE = /^([0-9a-f]{7,40})(?![0-9a-z])/i;
const TRAILER_START = /^[A-Za-z0-9][A-Za-z0-9-]*[ \t]*:/;
// Subjects git hosts write when they merge a branch; the branch name is group 1.
const MERGE_SUBJECTS = [
  /^Merge pull request #\d+ from (\S+)/, // GitHub: `from <owner>/<branch>`
  /^Merge (?:remote-tracking )?branch '([^']+)'/, // git, GitLab
  /^Merged in (\S+) \(pull request #\d+\)/, // Bitbucket
];

/**
 * References in one field of plain text (a title, a commit message without its trailers). When
 * `searchIn` is given (the same text with some parts blanked out), references are searched there
 * and the evidence is cut from `text`.
 *
 * @example
 * findTextReferences('Fixes ABC-42 and #7', 'title', { jiraProjects: new Set(['ABC']) });
 * // [{ target: { kind: 'jira', key: 'ABC-42' }, kind: 'title', evidence: 'Fixes ABC-42 and #7', closes: true },
 * //  { target: { kind: 'github', repo: null, number: 7 }, kind: 'title', evidence: 'Fixes ABC-42 and #7', closes: false }]
 */
export function findTextReferences(
  text: string | null | undefined,
  kind: TextEvidenceKind,
  context: FinderContext,
  searchIn: string = text ?? '',
): FoundReference[] {
  if (!text) return [];
  const matches: TextMatch[] = [...findJiraKeys(searchIn, context.jiraProjects), ...findGithubReferences(searchIn)];
  matches.sort((a, b) => a.start - b.start);
  return matches.map((match) => {
    const keyword = closingKeywordBefore(searchIn, match.start);
    return {
      target: match.target,
      kind,
      evidence: evidenceAround(text, keyword?.start ?? match.start, match.end),
      closes: keyword !== null,
    };
  });
}

/**
 * References in a pull request description (Markdown): code, quotes and HTML comments are skipped.
 *
 * @example
 * findBodyReferences('Closes #3\n\n<!-- e.g. ABC-1 -->', { jiraProjects: new Set(['ABC']) }).length; // 1
 */
export function findBodyReferences(body: string | null | undefined, context: FinderContext): FoundReference[] {
  if (!body) return [];
  return findTextReferences(body, 'body', context, maskNonProse(body));
}

/**
 * Jira keys in a branch name, in any case (`feature/abc-123-login`). A bare number
 * (`123-fix-typo`) is not a reference: too many branches start with one that means nothing.
 *
 * @example
 * findBranchReferences('feature/abc-123-login', { jiraProjects: new Set(['ABC']) })[0]?.target; // { kind: 'jira', key: 'ABC-123' }
 */
export function findBranchReferences(branch: string | null | undefined, context: FinderContext): FoundReference[] {
  if (!branch) return [];
  return findJiraKeys(branch, context.jiraProjects, { anyCase: true }).map((match) => ({
    target: match.target,
    kind: 'branch',
    evidence: clip(branch),
    closes: false,
  }));
}

/**
 * References in a commit message: trailers (`Refs: ABC-1`, `Fixes: #2`, `Fixes: <sha>`) as
 * `trailer` evidence, the merged branch of a merge subject (`Merge pull request #3 from
 * acme/abc-7-login`, read like a branch name, so in any case) as `branch` evidence, everything
 * else as `message` evidence. A `Fixes: <sha>` trailer yields a sha reference only: the quoted
 * subject that usually follows it belongs to the fixed commit.
 *
 * @example
 * findMessageReferences('fix: null check\n\nFixes: 1a2b3c4d5e6f ("feat: ABC-9 login")', { jiraProjects: new Set(['ABC']) });
 * // [{ target: { kind: 'sha', sha: '1a2b3c4d5e6f' }, kind: 'trailer', evidence: 'Fixes: 1a2b3c4d5e6f ("feat: ABC-9 login")', closes: true }]
 */
export function findMessageReferences(message: string | null | undefined, context: FinderContext): FoundReference[] {
  if (!message) return [];
  const trailers = parseTrailers(message);
  const prose = trailers.length > 0 ? withoutTrailerLines(message) : message;
  const inProse = findTextReferences(message, 'message', context, prose);
  // A key the subject already shows in upper case is reported once, as message text.
  const seen = new Set(inProse.map((reference) => targetKey(reference.target)));
  const inMergedBranch = mergedBranchReferences(message, context).filter((reference) => !seen.has(targetKey(reference.target)));
  return [...inProse, ...inMergedBranch, ...trailers.flatMap((trailer) => trailerReferences(trailer, context))];
}

/** Ticket keys in the branch a merge commit's subject names, with the subject as evidence. */
function mergedBranchReferences(message: string, context: FinderContext): FoundReference[] {
  const subject = message.split('\n', 1)[0]!.trim();
  for (const pattern of MERGE_SUBJECTS) {
    const match = pattern.exec(subject);
    if (match) return findBranchReferences(match[1], context).map((reference) => ({ ...reference, evidence: clip(subject) }));
  }
  return [];
}

function targetKey(target: FoundReference['target']): string {
  return target.kind === 'jira' ? `jira:${target.key}` : target.kind === 'sha' ? `sha:${target.sha}` : `github:${target.repo ?? ''}#${target.number}`;
}

function trailerReferences(trailer: Trailer, context: FinderContext): FoundReference[] {
  const evidence = clip(`${trailer.key}: ${trailer.value}`);
  const sha = FIXES_KEYS.has(trailer.normalizedKey) ? SHA_VALUE.exec(trailer.value) : null;
  if (sha) return [{ target: { kind: 'sha', sha: sha[1]!.toLowerCase() }, kind: 'trailer', evidence, closes: true }];
  const keyCloses = isClosingKeyword(trailer.key);
  return findTextReferences(trailer.value, 'trailer', context).map((reference) => ({
    ...reference,
    evidence,
    closes: keyCloses || reference.closes,
  }));
}

/**
 * The message with the trailer lines of its last paragraph blanked out (offsets kept), so a
 * reference in a trailer is reported once, as a trailer.
 */
function withoutTrailerLines(message: string): string {
  const lines = message.split('\n');
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.trim() !== '') start--;
  let inTrailer = false;
  for (let index = start; index < end; index++) {
    const line = lines[index]!;
    const continuation: boolean = /^[ \t]/.test(line) && inTrailer;
    inTrailer = continuation || TRAILER_START.test(line);
    if (inTrailer) lines[index] = line.replace(/[^\n]/g, ' ');
  }
  return lines.join('\n');
}
