import type { ParsedCommit } from '../../collectors/git/types.js';

/**
 * A stable id of a commit's change, independent of line numbers and whitespace (like `git patch-id
 * --stable`), so a cherry-pick or backport that lands on the same history is recognised as a
 * duplicate. Returns null for a commit that changes no lines.
 *
 * Two independent 32-bit FNV-style lanes give a 64-bit id; lines are hashed character by character
 * with whitespace skipped, so no normalised copy of any line is allocated.
 */
export function computePatchId(commit: ParsedCommit): string | null {
  const files = commit.files.length > 1 ? [...commit.files].sort((a, b) => comparePaths(pathOf(a), pathOf(b))) : commit.files;
  const lanes = new Uint32Array([0x811c9dc5, 0x01234567]);
  let lines = 0;
  for (const file of files) {
    mixText(lanes, pathOf(file), 0x01);
    for (const hunk of file.hunks) {
      for (const line of hunk.removed) {
        mixText(lanes, line, 0x2d);
        lines++;
      }
      for (const line of hunk.added) {
        mixText(lanes, line, 0x2b);
        lines++;
      }
    }
  }
  if (lines === 0) return null;
  return lanes[0]!.toString(16).padStart(8, '0') + lanes[1]!.toString(16).padStart(8, '0');
}

/** Fold `text` (without whitespace) and a separator into both lanes. */
function mixText(lanes: Uint32Array, text: string, separator: number): void {
  let a = Math.imul(lanes[0]! ^ separator, 0x01000193);
  let b = Math.imul(lanes[1]! ^ separator, 0x5bd1e995);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Space, tab, CR, LF, VT, FF: whitespace never changes the patch id.
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  lanes[0] = a >>> 0;
  lanes[1] = b >>> 0;
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function pathOf(file: { newPath: string | null; oldPath: string | null }): string {
  return file.newPath ?? file.oldPath ?? '';
}
