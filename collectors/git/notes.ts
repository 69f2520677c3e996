/**
 * git notes refs (such as `refs/notes/ai`, where tools record which commits they helped write).
 */
import { gitClient } from './git-command.js';

/**
 * Whether the notes ref exists. A short name is taken as under `refs/notes/`.
 *
 * @example
 * const notesRef = (await hasNotesRef(repoPath, 'refs/notes/ai')) ? 'refs/notes/ai' : undefined;
 */
export async function hasNotesRef(repoPath: string, ref: string): Promise<boolean> {
  const fullRef = ref.startsWith('refs/') ? ref : `refs/notes/${ref}`;
  // --quiet: a missing ref exits 1 without a message, which simple-git returns as empty output.
  const sha = await gitClient(repoPath).raw(['rev-parse', '--verify', '--quiet', '--end-of-options', fullRef]);
  return sha.trim() !== '';
}
