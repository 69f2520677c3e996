/**
 * Deciding what to read on this run, given the branch head and the cursor (the newest commit
 * analysed last time): nothing, everything, only what is new, or — after a force push — from
 * the newest commit the old and the new history still share.
 */
import { gitClient, runGit, spawnGit } from './git-command.js';

/** What the history stream should read next. */
export type RangePlan =
  | { kind: 'full' }
  | { kind: 'up-to-date' }
  | { kind: 'incremental'; sinceExclusive: string }
  | {
      kind: 'rewritten';
      /**
       * Newest commit on both the old first-parent history (the cursor's) and the new one; null
       * when the cursor object is gone or the histories share nothing. With null, callers fall
       * back to their stored list through {@link findNewestOnFirstParent}.
       */
      commonAncestor: string | null;
    };

/**
 * Plans the range for a branch whose head is `branchSha`, given the last analysed commit.
 *
 * @example
 * const plan = await planRange(repoPath, head.sha, cursor);
 * if (plan.kind === 'incremental') streamFirstParentHistory({ repoPath, branchRef: head.sha, sinceExclusive: plan.sinceExclusive });
 */
export async function planRange(repoPath: string, branchSha: string, cursorSha: string | null): Promise<RangePlan> {
  if (cursorSha === null) return { kind: 'full' };
  if (cursorSha === branchSha) return { kind: 'up-to-date' };
  if (!(await commitExists(repoPath, cursorSha))) return { kind: 'rewritten', commonAncestor: null };
  if (await isOnFirstParentChain(repoPath, cursorSha, branchSha)) return { kind: 'incremental', sinceExclusive: cursorSha };
  return { kind: 'rewritten', commonAncestor: await newestSharedFirstParentCommit(repoPath, cursorSha, branchSha) };
}

/**
 * Returns the first of `candidateShasNewestFirst` that lies on `branchSha`'s first-parent
 * chain, or null if none does. Reads the chain once, as a stream, and stops as soon as the
 * answer cannot change.
 *
 * @example
 * await findNewestOnFirstParent(repoPath, head, storedShasNewestFirst) // '9e0d…' or null
 */
export async function findNewestOnFirstParent(
  repoPath: string,
  branchSha: string,
  candidateShasNewestFirst: string[],
): Promise<string | null> {
  if (candidateShasNewestFirst.length === 0) return null;
  const rank = new Map<string, number>();
  candidateShasNewestFirst.forEach((sha, index) => {
    if (!rank.has(sha)) rank.set(sha, index);
  });
  let best = Number.POSITIVE_INFINITY;
  const child = spawnGit(repoPath, ['rev-list', '--first-parent', branchSha, '--']);
  child.stdin.end();
  child.stderr.resume();
  let partial = '';
  try {
    for await (const chunk of child.stdout as AsyncIterable<Buffer>) {
      const lines = (partial + chunk.toString('latin1')).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) {
        const index = rank.get(line);
        if (index !== undefined && index < best) {
          best = index;
          if (best === 0) return candidateShasNewestFirst[0] ?? null;
        }
      }
    }
    const index = rank.get(partial);
    if (index !== undefined && index < best) best = index;
  } finally {
    if (child.exitCode === null) child.kill();
  }
  return Number.isFinite(best) ? (candidateShasNewestFirst[best] ?? null) : null;
}

async function commitExists(repoPath: string, sha: string): Promise<boolean> {
  const found = await gitClient(repoPath).raw(['rev-parse', '--verify', '--quiet', '--end-of-options', `${sha}^{commit}`]);
  return found.trim() !== '';
}

async function isAncestor(repoPath: string, ancestor: string, descendant: string): Promise<boolean> {
  const { exitCode } = await runGit(repoPath, ['merge-base', '--is-ancestor', ancestor, descendant], { okExitCodes: [0, 1] });
  return exitCode === 0;
}

/**
 * Whether `commit` is on `tip`'s first-parent chain. Walking `commit..tip` by first parents stops
 * at the first commit reachable from `commit`: that is `commit` itself exactly when it is on
 * the chain. Costs one pass over the commits after it.
 */
export async function isOnFirstParentChain(repoPath: string, commit: string, tip: string): Promise<boolean> {
  if (commit === tip) return true;
  if (!(await isAncestor(repoPath, commit, tip))) return false;
  const { stdout } = await runGit(repoPath, ['rev-list', '--first-parent', '--parents', `${commit}..${tip}`, '--']);
  const lines = stdout.toString('latin1').trimEnd().split('\n');
  const oldest = lines[lines.length - 1]?.split(' ');
  return oldest?.[1] === commit;
}

/**
 * Newest commit on both first-parent chains. For an ordinary force push this is the merge
 * base; checking the chains guards against a merge base that only one side reaches through a
 * merged branch, where resuming from it would skip or repeat commits.
 */
async function newestSharedFirstParentCommit(repoPath: string, oldTip: string, newTip: string): Promise<string | null> {
  const mergeBase = (await gitClient(repoPath).raw(['merge-base', oldTip, newTip])).trim();
  if (mergeBase === '') return null;
  if ((await isOnFirstParentChain(repoPath, mergeBase, oldTip)) && (await isOnFirstParentChain(repoPath, mergeBase, newTip))) {
    return mergeBase;
  }
  const { stdout } = await runGit(repoPath, ['rev-list', '--first-parent', oldTip, '--']);
  const oldChain = stdout.toString('latin1').trimEnd().split('\n');
  return findNewestOnFirstParent(repoPath, newTip, oldChain);
}
