import { simpleGit } from 'simple-git';

/** Number of commits on the first-parent history of `ref` (for progress and ETA). */
export async function countFirstParentCommits(repoPath: string, ref: string): Promise<number> {
  const output = await simpleGit(repoPath).raw(['rev-list', '--count', '--first-parent', ref]);
  return Number.parseInt(output.trim(), 10) || 0;
}
