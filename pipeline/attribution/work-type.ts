import { CommitParser } from 'conventional-commits-parser';
import { WORK_TYPES } from '../config/types.js';

/** The work type of a commit and the weight it carries. */
export interface WorkTypeResult {
  /** One of the configured work types, `chore(deps)` for dependency updates, or `untyped`. */
  type: string;
  /** `conventional`: from a conventional-commit header; `revert`: a git revert; `default`: no type found. */
  source: 'conventional' | 'revert' | 'default';
  weight: number;
}

/** A revert commit and what it reverts. */
export interface RevertInfo {
  /** The first reverted commit named by a "This reverts commit <sha>" line (lower case; may be abbreviated), or null. */
  revertedSha: string | null;
  /** Every reverted commit named, in message order (git writes one line per reverted commit). */
  revertedShas: string[];
}

/**
 * Spellings teams use for the standard types. Mapping them is not guessing: each is the same
 * word the conventional type abbreviates.
 */
export const DEFAULT_WORK_TYPE_ALIASES: Readonly<Record<string, string>> = Object.freeze({
  feature: 'feat',
  bugfix: 'fix',
  hotfix: 'fix',
  doc: 'docs',
  tests: 'test',
});

// Dependency updates: Dependabot writes `build(deps)` / `chore(deps)` (`deps-dev` for development
// dependencies, `ci(deps)` for workflow actions when configured so); Renovate writes `chore(deps)`.
const DEPENDENCY_TYPES = new Set(['chore', 'build', 'ci']);
const DEPENDENCY_SCOPES = new Set(['deps', 'deps-dev', 'dev-deps']);
const DEPENDENCY_WORK_TYPE = 'chore(deps)';
const UNTYPED = 'untyped';
const REVERT = 'revert';
const RECOGNISED_TYPES = new Set<string>(WORK_TYPES.filter((type) => type !== UNTYPED && type !== DEPENDENCY_WORK_TYPE));

// Merge commits of hosted pull requests carry the PR title on the first body line:
// GitHub "Merge pull request #12 from owner/branch", GitLab "Merge branch 'x' into 'main'".
const MERGE_HEADER = /^(?:Merge pull request #\d+ from \S+|Merge branch '[^']+' into '[^']+')$/;

// One parser for every commit: its patterns are compiled once. `!` before the colon marks a
// breaking change and keeps the type (`feat!:` is a feat). Issue references are not read (links
// are found elsewhere): the parser's default reference pattern backtracks on every header and
// took most of its time.
const parser = new CommitParser({
  headerPattern: /^(\w*)(?:\(([^()\r\n]*)\))?: (.*)$/,
  breakingHeaderPattern: /^(\w*)(?:\(([^()\r\n]*)\))?!: (.*)$/,
  headerCorrespondence: ['type', 'scope', 'subject'],
  mergePattern: MERGE_HEADER,
  issuePrefixes: [],
  referenceActions: [],
});

const REVERTS_COMMIT = /This reverts commit ([0-9a-f]{7,64})\b/gi;
const MENTIONS_REVERTED_COMMIT = /This reverts commit [0-9a-f]{7,64}\b/i;
// `git revert` writes `Revert "<subject>"`; reverting a revert writes `Reapply "<subject>"`.
const GIT_REVERT_SUBJECT = /^(?:Revert|Reapply) "/;
const CONVENTIONAL_REVERT_SUBJECT = /^revert(?:\([^()\r\n]*\))?!?: /i;

function firstLine(message: string): string {
  const trimmed = message.replace(/^\s+/, '');
  const end = trimmed.indexOf('\n');
  return (end === -1 ? trimmed : trimmed.slice(0, end)).replace(/\r$/, '').trim();
}

/** The lines the parser needs: the subject, plus the PR title when the subject is a merge header. */
function headerText(message: string): string {
  const subject = firstLine(message);
  if (!MERGE_HEADER.test(subject)) return subject;
  const rest = message.replace(/^\s+/, '').slice(subject.length);
  const title = firstLine(rest);
  return title === '' ? subject : `${subject}\n\n${title}`;
}

function isGitRevert(message: string): boolean {
  return GIT_REVERT_SUBJECT.test(firstLine(message)) || MENTIONS_REVERTED_COMMIT.test(message);
}

/**
 * Whether a commit is a revert, and which commits it reverts: git's "This reverts commit
 * <sha>." lines (full or abbreviated shas), a `Revert "…"` / `Reapply "…"` subject (as git and
 * GitHub's revert button write), or a conventional `revert:` subject.
 *
 * @example
 * parseRevert('Revert "Add export"\n\nThis reverts commit 4f2a9c1e.'); // { revertedSha: '4f2a9c1e', revertedShas: ['4f2a9c1e'] }
 * parseRevert('Revert "Add export" (#124)\n\nReverts acme/web#120'); // { revertedSha: null, revertedShas: [] }
 * parseRevert('Add export'); // null
 */
export function parseRevert(message: string): RevertInfo | null {
  const revertedShas = [...message.matchAll(REVERTS_COMMIT)].map((match) => match[1]!.toLowerCase());
  if (revertedShas.length > 0) return { revertedSha: revertedShas[0]!, revertedShas };
  const subject = firstLine(message);
  if (GIT_REVERT_SUBJECT.test(subject) || CONVENTIONAL_REVERT_SUBJECT.test(subject)) {
    return { revertedSha: null, revertedShas: [] };
  }
  return null;
}

function weightOf(type: string, weights: Record<string, number>): number {
  const weight = weights[type];
  if (weight === undefined) throw new Error(`No weight configured for work type "${type}"`);
  return weight;
}

/**
 * The work type of a commit from its message (metrics.md §1 "WorkType"): git reverts are
 * `revert`; otherwise the conventional-commit type of the header (or of the PR title in a
 * hosted merge commit), case-insensitive, with dependency scopes (`chore(deps)`,
 * `build(deps)`) as `chore(deps)`; anything else is `untyped`.
 *
 * @param weights weight per work type (the config's `weights.workTypes`)
 * @example
 * classifyWorkType('feat(api)!: drop v1 endpoints', weights); // { type: 'feat', source: 'conventional', weight: 1 }
 * classifyWorkType('build(deps): bump lodash from 4.17.20 to 4.17.21', weights); // { type: 'chore(deps)', … weight: 0 }
 * classifyWorkType('Tidy up', weights); // { type: 'untyped', source: 'default', weight: 1 }
 * @throws Error when `weights` has no entry for the type found
 */
export function classifyWorkType(message: string, weights: Record<string, number>): WorkTypeResult {
  if (isGitRevert(message)) return { type: REVERT, source: 'revert', weight: weightOf(REVERT, weights) };

  const header = headerText(message);
  // Every conventional header has a colon; skipping the parser for the rest saves most of its cost.
  const parsed = header.includes(':') ? parser.parse(header) : null;
  const rawType = typeof parsed?.type === 'string' ? parsed.type.toLowerCase() : '';
  const written = DEFAULT_WORK_TYPE_ALIASES[rawType] ?? rawType;
  const scope = typeof parsed?.scope === 'string' ? parsed.scope.trim().toLowerCase() : '';

  let type: string | null = null;
  if (DEPENDENCY_TYPES.has(written) && DEPENDENCY_SCOPES.has(scope)) type = DEPENDENCY_WORK_TYPE;
  else if (RECOGNISED_TYPES.has(written)) type = written;

  if (type === null) return { type: UNTYPED, source: 'default', weight: weightOf(UNTYPED, weights) };
  return { type, source: 'conventional', weight: weightOf(type, weights) };
}
