import type { DiffHunk } from '../../collectors/git/types.js';
import type { LineFacts } from '../source-analysis/analyse-source.js';
import { FileContent } from './file-content.js';

/**
 * The current content of one file on the replayed first-parent history.
 *
 * History is replayed from zero-context hunks, so the content is exactly git's as long as every
 * diff of the file was seen; `lost` marks a file whose content is no longer trustworthy (a diff was
 * skipped or did not match), to be reloaded from its blob.
 */
export class FileState {
  content: FileContent;
  /**
   * Line facts (comment-only lines, function CCNs) of the current version, computed lazily and
   * dropped when the content changes. Compact on purpose: every file keeps its own between commits.
   */
  facts: LineFacts | null = null;
  /** Language the cached facts were computed for (a rename can change it). */
  factsLanguage: string | null = null;
  lost = false;

  constructor(content: FileContent = FileContent.EMPTY) {
    this.content = content;
  }
}

/**
 * Check that the removed lines of every hunk match the current content (a cheap guard against a
 * state that drifted, for example after a diff was skipped).
 */
export function hunksMatch(state: FileState, hunks: readonly DiffHunk[]): boolean {
  const { content } = state;
  const lineCount = content.lineCount;
  for (const hunk of hunks) {
    if (hunk.oldCount === 0) {
      if (hunk.oldStart > lineCount) return false;
      continue;
    }
    const start = hunk.oldStart - 1;
    if (start + hunk.removed.length > lineCount) return false;
    for (let i = 0; i < hunk.removed.length; i++) {
      if (!content.lineEquals(start + i, hunk.removed[i]!)) return false;
    }
  }
  return true;
}

/** Apply zero-context hunks to the file's content. */
export function applyHunks(state: FileState, hunks: readonly DiffHunk[]): void {
  state.content = state.content.applyHunks(hunks);
  state.facts = null;
}
