/**
 * Release tags, and which commits of the default branch each release shipped.
 */
import picomatch from 'picomatch';
import { gitClient, runGit } from './git-command.js';

/** A tag that names a commit. */
export interface ReleaseTag {
  name: string;
  /** The commit the tag points at (annotated tags peeled). */
  commitSha: string;
  /** Tagger date of an annotated tag, committer date of a lightweight tag's commit; seconds since the epoch. */
  time: number;
}

/** The first release of a commit. */
export interface Release {
  tag: string;
  time: number;
}

const FIELD = '\t'; // ref names cannot contain control characters

/**
 * Lists the tags whose name matches `pattern` (a picomatch glob, e.g. `v*` or `release/*`).
 * Tags of trees or blobs are left out.
 *
 * @example
 * await listTags(repoPath, 'v*') // [{ name: 'v1.0.0', commitSha: '3a4b…', time: 1704067200 }, …]
 */
export async function listTags(repoPath: string, pattern: string): Promise<ReleaseTag[]> {
  const matches = picomatch(pattern, { dot: true });
  const format = ['%(refname:strip=2)', '%(objecttype)', '%(objectname)', '%(*objecttype)', '%(*objectname)', '%(creatordate:unix)'].join('%09');
  const output = await gitClient(repoPath).raw(['for-each-ref', `--format=${format}`, 'refs/tags']);
  const tags: ReleaseTag[] = [];
  for (const line of output.split('\n')) {
    if (line === '') continue;
    const [name = '', type, id = '', peeledType, peeledId = '', time = ''] = line.split(FIELD);
    if (!matches(name)) continue;
    let commitSha: string | null = null;
    if (type === 'commit') commitSha = id;
    else if (type === 'tag' && peeledType === 'commit') commitSha = peeledId;
    else if (type === 'tag' && peeledType === 'tag') commitSha = await peelToCommit(repoPath, id); // a tag of a tag
    if (commitSha === null) continue;
    tags.push({ name, commitSha, time: Number(time) });
  }
  return tags;
}

async function peelToCommit(repoPath: string, objectId: string): Promise<string | null> {
  const sha = (await gitClient(repoPath).raw(['rev-parse', '--verify', '--quiet', `${objectId}^{commit}`])).trim();
  return sha === '' ? null : sha;
}

/**
 * For every commit of `branchSha`'s first-parent chain that some tag contains, the earliest such
 * tag by time (ties: the smaller name). A tag on the chain contains that commit and every older
 * one; for a tag off the chain (a release branch, a hotfix), the newest chain commit it contains
 * is found with `merge-base`. Commits newer than every tag are absent from the map.
 *
 * @example
 * const released = await releasedCommits(repoPath, head.sha, await listTags(repoPath, 'v*'));
 * released.get(sha) // { tag: 'v1.2.0', time: 1706745600 }
 */
export async function releasedCommits(repoPath: string, branchSha: string, tags: ReleaseTag[]): Promise<Map<string, Release>> {
  const released = new Map<string, Release>();
  if (tags.length === 0) return released;
  const { stdout } = await runGit(repoPath, ['rev-list', '--first-parent', '--reverse', branchSha, '--']);
  const chain = stdout.toString('latin1').split('\n');
  if (chain[chain.length - 1] === '') chain.pop();
  const position = new Map<string, number>();
  chain.forEach((sha, index) => position.set(sha, index));

  // Earliest tag whose newest contained chain commit is exactly at each position.
  const earliestAt = new Map<number, Release>();
  const offChain = new Map<string, number | null>(); // one merge-base per distinct commit
  for (const tag of tags) {
    let reach = position.get(tag.commitSha);
    if (reach === undefined) {
      if (!offChain.has(tag.commitSha)) offChain.set(tag.commitSha, await newestContainedPosition(repoPath, tag.commitSha, branchSha, chain, position));
      reach = offChain.get(tag.commitSha) ?? undefined;
    }
    if (reach === undefined) continue;
    const current = earliestAt.get(reach);
    if (current === undefined || isEarlier(tag.time, tag.name, current)) earliestAt.set(reach, { tag: tag.name, time: tag.time });
  }

  // Walk from the newest commit to the oldest, carrying the earliest tag seen so far: a commit
  // is shipped by every tag reaching it or anything newer.
  let earliest: Release | null = null;
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    const here = earliestAt.get(index);
    if (here !== undefined && (earliest === null || isEarlier(here.time, here.tag, earliest))) earliest = here;
    if (earliest !== null) released.set(chain[index] as string, earliest);
  }
  return released;
}

function isEarlier(time: number, name: string, than: Release): boolean {
  return time < than.time || (time === than.time && name < than.tag);
}

/** Position (oldest = 0) of the newest chain commit contained in `commit`, or null if none. */
async function newestContainedPosition(
  repoPath: string,
  commit: string,
  branchSha: string,
  chain: string[],
  position: ReadonlyMap<string, number>,
): Promise<number | null> {
  const bases = (await gitClient(repoPath).raw(['merge-base', '--all', commit, branchSha])).split('\n').filter(Boolean);
  let best: number | null = null;
  for (const base of bases) {
    const at = position.get(base);
    if (at !== undefined && (best === null || at > best)) best = at;
  }
  if (best !== null || bases.length === 0) return best;
  // The merge base lies on a merged side branch. The chain commits `commit` contains form a
  // prefix of the chain (each one's first parent is the one before), so binary-search its end.
  let low = 0;
  let high = chain.length - 1;
  let found: number | null = null;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const { exitCode } = await runGit(repoPath, ['merge-base', '--is-ancestor', chain[middle] as string, commit], { okExitCodes: [0, 1] });
    if (exitCode === 0) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}
