/**
 * The file changes of one commit being built: applies them to the repository model at once,
 * remembers each path's version before the commit (for reverts and merges) and adds up the
 * estimated patch bytes.
 */

import {
  addedOrDeletedHeaderBytes,
  binaryChangeBytes,
  modifiedHeaderBytes,
  renameHeaderBytes,
  wholeFileBytes,
} from './patch-size.js';
import type { RepoModel } from './repo-model.js';
import type { SourceFile } from './source-file.js';

/** A path's version before and after the commit (null: absent). */
export interface FileChange {
  before: SourceFile | null;
  after: SourceFile | null;
}

/** Changes of one commit. */
export class ChangeSet {
  readonly files = new Map<string, FileChange>();
  /** Estimated patch bytes (file headers, hunk headers and changed lines). */
  patchBytes = 0;

  constructor(private readonly model: RepoModel) {}

  private record(path: string, after: SourceFile | null): void {
    const existing = this.files.get(path);
    if (existing) existing.after = after;
    else this.files.set(path, { before: this.model.get(path) ?? null, after });
    if (after) this.model.set(path, after);
    else this.model.delete(path);
  }

  /**
   * Writes `file` at `path`. For a modification pass the editor's byte count; without it the
   * whole old and new content is counted (a full rewrite).
   */
  write(path: string, file: SourceFile, editBytes?: number): void {
    const before = this.model.get(path);
    if (file.binary) this.patchBytes += binaryChangeBytes(path);
    else if (!before) this.patchBytes += addedOrDeletedHeaderBytes(path) + wholeFileBytes(file.lines);
    else this.patchBytes += modifiedHeaderBytes(path) + (editBytes ?? wholeFileBytes(before.lines) + wholeFileBytes(file.lines));
    this.record(path, file);
  }

  /** Deletes the file at `path`. */
  remove(path: string): void {
    const before = this.model.get(path);
    if (!before) return;
    this.patchBytes += before.binary ? binaryChangeBytes(path) : addedOrDeletedHeaderBytes(path) + wholeFileBytes(before.lines);
    this.record(path, null);
  }

  /** Moves the file at `from` to `to`, optionally as an edited version (`editBytes` from its editor). */
  rename(from: string, to: string, edited?: { file: SourceFile; editBytes: number }): void {
    const before = this.model.get(from);
    if (!before) return;
    this.patchBytes += renameHeaderBytes(from, to, edited !== undefined) + (edited?.editBytes ?? 0);
    this.record(from, null);
    this.record(to, edited?.file ?? before);
  }

  /** Whether the commit touches nothing (yet). */
  get isEmpty(): boolean {
    return this.files.size === 0;
  }
}
