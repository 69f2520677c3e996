import { HUNK_HEADER_BYTES, patchLineBytes } from './patch-size.js';
import { withLines, type SourceFile } from './source-file.js';

/**
 * Applies hunks to a copy of a file's lines and keeps count of the patch bytes they cost.
 *
 * @example
 * const editor = new LineEditor(file);
 * editor.splice(10, 2, ['const total = sum(lines);']);
 * const next = editor.toFile();
 */
export class LineEditor {
  private current: string[];
  /** Estimated `+`/`-` and hunk-header bytes of the edits so far. */
  patchBytes = 0;
  hunks = 0;

  constructor(readonly original: SourceFile) {
    this.current = original.lines.slice();
  }

  get lines(): readonly string[] {
    return this.current;
  }

  /** Removes `removeCount` lines at `start` and inserts `insert` there. */
  splice(start: number, removeCount: number, insert: readonly string[]): void {
    const end = Math.min(this.current.length, start + removeCount);
    for (let i = start; i < end; i++) this.patchBytes += patchLineBytes(this.current[i]!);
    for (const line of insert) this.patchBytes += patchLineBytes(line);
    this.patchBytes += HUNK_HEADER_BYTES;
    this.hunks++;
    // Spreading a large array into splice() can exceed the argument limit; rebuild instead.
    if (insert.length > 5000) this.current = this.current.slice(0, start).concat(insert, this.current.slice(end));
    else this.current.splice(start, end - start, ...insert);
  }

  /**
   * Replaces every line with `lines`, compared position by position (right for changes that
   * keep the line count, such as reformats, renames of identifiers and version bumps): each
   * run of changed lines is one hunk.
   */
  replaceAll(lines: string[]): void {
    const shared = Math.min(lines.length, this.current.length);
    let inRun = false;
    for (let i = 0; i < shared; i++) {
      if (lines[i] !== this.current[i]) {
        this.patchBytes += patchLineBytes(lines[i]!) + patchLineBytes(this.current[i]!);
        if (!inRun) {
          this.hunks++;
          this.patchBytes += HUNK_HEADER_BYTES;
        }
        inRun = true;
      } else {
        inRun = false;
      }
    }
    for (let i = shared; i < lines.length; i++) this.patchBytes += patchLineBytes(lines[i]!);
    for (let i = shared; i < this.current.length; i++) this.patchBytes += patchLineBytes(this.current[i]!);
    if (lines.length !== this.current.length) {
      this.hunks++;
      this.patchBytes += HUNK_HEADER_BYTES;
    }
    this.current = lines;
  }

  /**
   * Replaces every line with `lines`, counting only the region between the common prefix and
   * suffix as changed (right for regenerated files that change in one place, such as code
   * generated from a schema after one field was added).
   */
  replaceChangedRegion(lines: string[]): void {
    const old = this.current;
    let prefix = 0;
    while (prefix < old.length && prefix < lines.length && old[prefix] === lines[prefix]) prefix++;
    let suffix = 0;
    while (suffix < old.length - prefix && suffix < lines.length - prefix && old[old.length - 1 - suffix] === lines[lines.length - 1 - suffix]) suffix++;
    if (prefix === old.length && prefix === lines.length) return;
    for (let i = prefix; i < old.length - suffix; i++) this.patchBytes += patchLineBytes(old[i]!);
    for (let i = prefix; i < lines.length - suffix; i++) this.patchBytes += patchLineBytes(lines[i]!);
    this.patchBytes += HUNK_HEADER_BYTES;
    this.hunks++;
    this.current = lines;
  }

  /** The edited file as a new version. */
  toFile(indentUnit?: string): SourceFile {
    return withLines(this.original, this.current, indentUnit);
  }
}
