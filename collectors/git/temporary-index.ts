/**
 * A throw-away git index, so that commands which only read the index (`check-attr --cached`,
 * `write-tree`) can work on any commit's tree, in bare and non-bare repositories alike, without
 * touching the repository's own index or working tree.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runGit } from './git-command.js';

/** Environment that points git at the temporary index. */
export type IndexEnv = Readonly<Record<string, string>>;

/**
 * Creates an index holding `treeish`'s tree (or an empty index when `treeish` is null), runs `use`
 * with the environment that selects it, and deletes it afterwards.
 *
 * @example
 * await withTemporaryIndex(repo, 'v1.0', (env) => runGit(repo, ['ls-files'], { env }));
 */
export async function withTemporaryIndex<T>(
  repoPath: string,
  treeish: string | null,
  use: (env: IndexEnv) => Promise<T>,
): Promise<T> {
  const directory = await mkdtemp(join(tmpdir(), 'codeledger-index-'));
  const env: IndexEnv = { GIT_INDEX_FILE: join(directory, 'index') };
  try {
    if (treeish !== null) await runGit(repoPath, ['read-tree', treeish], { env });
    return await use(env);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
