/**
 * Estimates of how many bytes `git log -p --unified=0` prints for a change. The generator
 * steers its commit sizes with these so the history's patch volume lands near the target;
 * the real volume is measured with git at the end.
 */

/** `@@ -a,b +c,d @@ <enclosing function>` line; git appends up to 80 characters of context. */
export const HUNK_HEADER_BYTES = 48;

/** One `+`/`-` line: marker, text, newline. */
export function patchLineBytes(line: string): number {
  return line.length + 2;
}

/** Patch bytes of all lines of a file added or deleted whole. */
export function wholeFileBytes(lines: readonly string[]): number {
  let bytes = HUNK_HEADER_BYTES;
  for (const line of lines) bytes += line.length + 2;
  return bytes;
}

/** `diff --git`, `index`, `---`, `+++` lines of a modified file. */
export function modifiedHeaderBytes(path: string): number {
  return 4 * path.length + 57;
}

/** Header lines of an added or deleted file. */
export function addedOrDeletedHeaderBytes(path: string): number {
  return 3 * path.length + 80;
}

/** Header lines of a rename (plus `index`/`---`/`+++` when the content changed too). */
export function renameHeaderBytes(from: string, to: string, edited: boolean): number {
  const pure = 2 * from.length + 2 * to.length + 59;
  return edited ? pure + from.length + to.length + 44 : pure;
}

/** A binary file's `Binary files … differ` entry. */
export function binaryChangeBytes(path: string): number {
  return 5 * path.length + 80;
}

/** `commit`, `Author`, `Date` lines and the indented message of one log entry. */
export function commitHeaderBytes(message: string, author: string, merge: boolean): number {
  let lines = 1;
  for (let i = 0; i < message.length; i++) if (message.charCodeAt(i) === 10) lines++;
  return 48 + author.length + 10 + 38 + 2 + message.length + 4 * lines + (merge ? 24 : 0);
}
