/**
 * The unchanged lines around a hunk that the copy/paste history records together with the
 * hunk's added lines: up to N − 1 substantive ("window") lines on each side, so that a block
 * assembled over several commits is remembered as the file now shows it.
 */
import { createLineScanColumns, scanLineInto } from './line-scan.js';
import type { OpsContextHashes } from './types.js';
import { isWindowLineOfLength } from './window-hash.js';

/** Where found line hashes go, in file order. */
export interface LineHashSink {
  push(lineHash: number): void;
}

/**
 * Finds the window lines around hunks of one file version and reports their line hashes (the
 * `scanLineInto` hashes copy/paste windows are made of).
 *
 * @example
 * const scanner = new ContextWindowScanner(5, 3);
 * scanner.before((i) => lines[i]!, 10, sequence); // up to 4 window lines above line index 10
 */
export class ContextWindowScanner {
  private readonly scanned = createLineScanColumns(1);
  private readonly reversed: Float64Array;

  /**
   * @param windowLines window length N (`copyPasteMinLines`): N − 1 lines are looked for on each side
   * @param minAlphanumeric lines with fewer alphanumerics take no part in windows (`trivialMinAlphanumeric`)
   */
  constructor(
    readonly windowLines: number,
    readonly minAlphanumeric: number,
  ) {
    this.reversed = new Float64Array(Math.max(0, windowLines - 1));
  }

  /** Pushes the hashes of up to N − 1 window lines found walking back from index `regionStart` (exclusive), in file order; returns how many. */
  before(lineAt: (index: number) => string, regionStart: number, sink: LineHashSink): number {
    const wanted = this.windowLines - 1;
    const reversed = this.reversed;
    let found = 0;
    for (let index = regionStart - 1; index >= 0 && found < wanted; index--) {
      if (this.isWindowLine(lineAt(index))) reversed[found++] = this.scanned.hashes[0]!;
    }
    for (let k = found - 1; k >= 0; k--) sink.push(reversed[k]!);
    return found;
  }

  /** Pushes the hashes of up to N − 1 window lines from index `regionEnd` on (below `length`); returns how many. */
  after(lineAt: (index: number) => string, length: number, regionEnd: number, sink: LineHashSink): number {
    const wanted = this.windowLines - 1;
    let found = 0;
    for (let index = regionEnd; index < length && found < wanted; index++) {
      if (this.isWindowLine(lineAt(index))) {
        sink.push(this.scanned.hashes[0]!);
        found++;
      }
    }
    return found;
  }

  /** Scans a line and tells whether it takes part in windows; its hash is then `scanned.hashes[0]`. */
  private isWindowLine(text: string): boolean {
    const scanned = this.scanned;
    scanLineInto(text, scanned, 0);
    return isWindowLineOfLength(scanned.normalisedLengths[0]!, scanned.alphanumerics[0]!, this.minAlphanumeric);
  }
}

/**
 * Collects {@link OpsContextHashes} hunk by hunk: call {@link startHunk}, push the hunk's line
 * hashes before its added lines, call {@link startAfter}, push those after, and take the result
 * with {@link finish}.
 *
 * @example
 * const collector = new ContextHashCollector(hunks.length);
 * collector.startHunk(); scanner.before(lineAt, start, collector);
 * collector.startAfter(); scanner.after(lineAt, length, end, collector);
 * file.hunkContextHashes = collector.finish();
 */
export class ContextHashCollector implements LineHashSink {
  private readonly offsets: Int32Array;
  private hashes: Float64Array;
  private count = 0;
  private boundary = 0;

  constructor(hunkCount: number, expectedHashes = hunkCount * 8) {
    this.offsets = new Int32Array(hunkCount * 2 + 1);
    this.hashes = new Float64Array(Math.max(expectedHashes, 8));
  }

  /** Starts the "before" hashes of the next hunk. */
  startHunk(): void {
    this.offsets[this.boundary++] = this.count;
  }

  /** Starts the "after" hashes of the current hunk. */
  startAfter(): void {
    this.offsets[this.boundary++] = this.count;
  }

  push(lineHash: number): void {
    if (this.count === this.hashes.length) {
      const bigger = new Float64Array(this.hashes.length * 2);
      bigger.set(this.hashes);
      this.hashes = bigger;
    }
    this.hashes[this.count++] = lineHash;
  }

  /** The collected hashes (hunks never started have none). */
  finish(): OpsContextHashes {
    while (this.boundary < this.offsets.length) this.offsets[this.boundary++] = this.count;
    return { offsets: this.offsets, hashes: this.hashes.length === this.count ? this.hashes : this.hashes.slice(0, this.count) };
  }
}
