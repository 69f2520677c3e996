import type { DiffHunk } from '../../collectors/git/types.js';

/**
 * Hands out the per-hunk flag and CCN arrays of one prepared file as zero-filled views of two
 * shared buffers (one `Uint8Array`, one `Int32Array`) instead of four arrays per hunk.
 *
 * Why: a prepared file crosses to the scoring thread by structured clone, which copies every
 * typed array's buffer on its own; small typed arrays also have to be moved off the V8 heap
 * first. Views of one buffer are cloned as one buffer and stay views on the other side.
 *
 * @example
 * const columns = new LineColumns(diff.hunks);
 * const startCcn = columns.hunkCcn();           // one entry per hunk
 * const flags = columns.flags(hunk.added.length);
 */
export class LineColumns {
  private readonly flagBuffer: Uint8Array;
  private readonly ccnBuffer: Int32Array;
  private readonly hunkCount: number;
  private flagAt = 0;
  private ccnAt: number;

  constructor(hunks: readonly DiffHunk[]) {
    let lines = 0;
    for (const hunk of hunks) lines += hunk.removed.length + hunk.added.length;
    this.hunkCount = hunks.length;
    this.flagBuffer = new Uint8Array(lines);
    this.ccnBuffer = new Int32Array(lines + hunks.length);
    this.ccnAt = hunks.length;
  }

  /** One entry per hunk (taken from the start of the CCN buffer). */
  hunkCcn(): Int32Array {
    return this.ccnBuffer.subarray(0, this.hunkCount);
  }

  /** The next `count` flag bytes. */
  flags(count: number): Uint8Array {
    const view = this.flagBuffer.subarray(this.flagAt, this.flagAt + count);
    this.flagAt += count;
    return view;
  }

  /** The next `count` CCN entries. */
  ccn(count: number): Int32Array {
    const view = this.ccnBuffer.subarray(this.ccnAt, this.ccnAt + count);
    this.ccnAt += count;
    return view;
  }
}
