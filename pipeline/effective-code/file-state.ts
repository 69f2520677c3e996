import type { DiffHunk } from '../../collectors/git/types.js';
import type { SourceAnalysis } from '../source-analysis/analyse-source.js';
import { spliceHunks } from './hunk-splice.js';

/**
 * The current content of one file on the replayed first-parent history.
 *
 * History is replayed from zero-context hunks, so the content is exactly git's as long as every
 * diff of the file was seen; `lost` marks a file whose content is no longer trustworthy (a diff was
 * skipped or did not match), to be reloaded from its blob.
 */
export class FileState {
  lines: string[];
  /** Source analysis of the current version, computed lazily and dropped when the content changes. */
  analysis: SourceAnalysis | null = null;
  /** Language the cached analysis was made for (a rename can change it). */
  analysisLanguage: string | null = null;
  lost = false;

  constructor(lines: string[] = []) {
    this.lines = lines;
  }

  /** The whole text, as the tokenizer wants it. */
  text(): string {
    return this.lines.join('\n');
  }
}

/**
 * Check that the removed lines of every hunk match the current content (a cheap guard against a
 * state that drifted, for example after a diff was skipped).
 */
export function hunksMatch(state: FileState, hunks: readonly DiffHunk[]): boolean {
  for (const hunk of hunks) {
    if (hunk.oldCount === 0) {
      if (hunk.oldStart > state.lines.length) return false;
      continue;
    }
    const start = hunk.oldStart - 1;
    if (start + hunk.removed.length > state.lines.length) return false;
    for (let i = 0; i < hunk.removed.length; i++) {
      if (state.lines[start + i] !== hunk.removed[i]) return false;
    }
  }
  return true;
}

/** Apply zero-context hunks to the file's content. */
export function applyHunks(state: FileState, hunks: readonly DiffHunk[]): void {
  state.lines = spliceHunks(state.lines, hunks, (hunk, i) => hunk.added[i]!).values;
  state.analysis = null;
}
