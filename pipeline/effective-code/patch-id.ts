import type { ParsedCommit } from '../../collectors/git/types.js';
import { hashString } from '../line-ops/normalise.js';

/**
 * A stable id of a commit's change, independent of line numbers and whitespace (like `git patch-id
 * --stable`), so a cherry-pick or backport that lands on the same history is recognised as a
 * duplicate. Returns null for a commit that changes no lines.
 */
export function computePatchId(commit: ParsedCommit): string | null {
  const files = [...commit.files].sort((a, b) => pathOf(a).localeCompare(pathOf(b)));
  let h1 = 0x811c9dc5;
  let h2 = 0x12345678;
  let lines = 0;
  const mix = (text: string): void => {
    const h = hashString(text);
    h1 = Math.imul(h1 ^ (h >>> 0), 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ Math.floor(h / 4294967296), 0x5bd1e995) >>> 0;
  };
  for (const file of files) {
    mix(`\u0000file ${pathOf(file)}`);
    for (const hunk of file.hunks) {
      for (const line of hunk.removed) {
        mix(`-${stripWhitespace(line)}`);
        lines++;
      }
      for (const line of hunk.added) {
        mix(`+${stripWhitespace(line)}`);
        lines++;
      }
    }
  }
  if (lines === 0) return null;
  return h1.toString(16).padStart(8, '0') + h2.toString(16).padStart(8, '0');
}

function pathOf(file: { newPath: string | null; oldPath: string | null }): string {
  return file.newPath ?? file.oldPath ?? '';
}

function stripWhitespace(line: string): string {
  return line.replace(/\s+/g, '');
}
