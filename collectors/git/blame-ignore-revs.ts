/**
 * The commits a repository asks blame to ignore (mass reformatting, codemods), read from its
 * `.git-blame-ignore-revs` file.
 */
import { gitClient, runGit } from './git-command.js';

const IGNORE_REVS_FILE = '.git-blame-ignore-revs';
/** An object id, full or abbreviated (git requires at least 4 hex digits). */
const HEX_ID = /^[0-9a-f]{4,64}$/i;

/**
 * Reads `.git-blame-ignore-revs` as it is at `commitish` and returns the full shas of the commits
 * it lists. `#` starts a comment (whole line or trailing); blank lines are skipped; abbreviated
 * ids are resolved; ids that are unknown, ambiguous or not commits are skipped. A missing file
 * gives an empty set.
 *
 * @example
 * await readBlameIgnoreRevs(repoPath, 'HEAD') // Set { 'c0ffee…', … }
 */
export async function readBlameIgnoreRevs(repoPath: string, commitish: string): Promise<Set<string>> {
  const git = gitClient(repoPath);
  const blob = (await git.raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${commitish}:${IGNORE_REVS_FILE}`])).trim();
  if (blob === '') return new Set();
  const content = await git.raw(['cat-file', 'blob', blob]);
  const ids = parseIgnoreRevs(content);
  if (ids.length === 0) return new Set();
  // One batch query resolves every id; "^{commit}" makes non-commits report as missing.
  const { stdout } = await runGit(repoPath, ['cat-file', '--batch-check=%(objectname) %(objecttype)'], {
    input: ids.map((id) => `${id}^{commit}\n`).join(''),
  });
  const commits = new Set<string>();
  for (const line of stdout.toString('latin1').split('\n')) {
    const [sha, type] = line.split(' ');
    if (type === 'commit' && sha !== undefined) commits.add(sha);
  }
  return commits;
}

/**
 * The ids listed in an ignore-revs file, in order, with comments and blank lines removed and
 * anything that is not a hex object id dropped.
 *
 * @example
 * parseIgnoreRevs('# formatting\nabc1234 # prettier\n\n') // ['abc1234']
 */
export function parseIgnoreRevs(content: string): string[] {
  const ids: string[] = [];
  for (const rawLine of content.split('\n')) {
    const hash = rawLine.indexOf('#');
    const line = (hash === -1 ? rawLine : rawLine.slice(0, hash)).trim();
    if (HEX_ID.test(line)) ids.push(line.toLowerCase());
  }
  return ids;
}
