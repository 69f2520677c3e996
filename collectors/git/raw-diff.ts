/**
 * Parsing of `git diff-tree -r -z --raw --full-index` output: one entry per changed path, with
 * modes, blob ids and the change letter, but no content. Paths are kept as bytes so they can be
 * handed back to git exactly.
 */
import type { FileChangeStatus } from './types.js';

/** One line of a raw diff. */
export interface RawDiffEntry {
  /** null for the `000000` mode of a side that does not exist. */
  oldMode: string | null;
  newMode: string | null;
  /** null for the all-zero id of a side that does not exist. */
  oldBlob: string | null;
  newBlob: string | null;
  status: FileChangeStatus;
  /** Similarity of a rename or copy, in percent. */
  similarity: number | null;
  /** Path bytes before the change (null when added). */
  oldPath: Buffer | null;
  /** Path bytes after the change (null when deleted). */
  newPath: Buffer | null;
}

const STATUS_BY_LETTER: Readonly<Record<string, FileChangeStatus>> = {
  A: 'added',
  M: 'modified',
  D: 'deleted',
  R: 'renamed',
  C: 'copied',
  T: 'type-changed',
};

const ZERO_ID = /^0+$/;

/**
 * Parses NUL-separated raw diff output.
 *
 * @example
 * parseRawDiff(Buffer.from(':000000 100644 0000… e69d… A\0new.txt\0'))
 * // [{ status: 'added', oldPath: null, newPath: <Buffer 'new.txt'>, … }]
 */
export function parseRawDiff(output: Buffer): RawDiffEntry[] {
  const entries: RawDiffEntry[] = [];
  let pos = 0;
  const nextToken = (): Buffer => {
    const end = output.indexOf(0, pos);
    if (end === -1) throw new Error('Truncated raw diff output');
    const token = output.subarray(pos, end);
    pos = end + 1;
    return token;
  };
  while (pos < output.length) {
    const meta = nextToken().toString('latin1');
    if (!meta.startsWith(':')) throw new Error(`Unexpected raw diff line: ${JSON.stringify(meta)}`);
    const [oldMode = '', newMode = '', oldBlob = '', newBlob = '', statusField = ''] = meta.slice(1).split(' ');
    const letter = statusField.charAt(0);
    const status = STATUS_BY_LETTER[letter];
    if (status === undefined) throw new Error(`Unsupported raw diff status: ${JSON.stringify(statusField)}`);
    const twoPaths = letter === 'R' || letter === 'C';
    const first = nextToken();
    const second = twoPaths ? nextToken() : first;
    entries.push({
      oldMode: ZERO_ID.test(oldMode) ? null : oldMode,
      newMode: ZERO_ID.test(newMode) ? null : newMode,
      oldBlob: ZERO_ID.test(oldBlob) ? null : oldBlob,
      newBlob: ZERO_ID.test(newBlob) ? null : newBlob,
      status,
      similarity: twoPaths ? Number.parseInt(statusField.slice(1), 10) : null,
      oldPath: status === 'added' ? null : first,
      newPath: status === 'deleted' ? null : second,
    });
  }
  return entries;
}
