/**
 * The copy/paste memory of a repository: hashes of every window of N consecutive substantive
 * normalised lines that appeared in the files of earlier commits.
 */
import { addedTextOf } from './commit-line-table.js';
import { ContextWindowScanner } from './context-windows.js';
import { createLineScanColumns, scanLineInto, type LineScanColumns } from './line-scan.js';
import type { OpsFile, OpsThresholds } from './types.js';
import { isWindowLineOfLength, WindowSequence } from './window-hash.js';
import { WindowHashSet } from './window-hash-set.js';

/** The serialised bytes are not a copy/paste history this version can read. */
export class CopyPasteHistoryFormatError extends Error {
  override name = 'CopyPasteHistoryFormatError';
}

/** Which lines form windows, and how long a window is. Both must match the thresholds used for detection. */
export type CopyPasteHistorySettings = Pick<OpsThresholds, 'copyPasteMinLines' | 'trivialMinAlphanumeric'>;

/** Per-line results of `scanLineInto` for a commit's added lines, in file, hunk and line order. */
export type AnalysedLines = LineScanColumns;

const MAGIC = 0x48504c43; // "CLPH" read as a little-endian u32
/** Bump when the layout or the line/window hash functions change: old caches must not be read. */
const FORMAT_VERSION = 2;
const HEADER_BYTES = 24;

/**
 * Remembers every window of `copyPasteMinLines` consecutive substantive lines (see
 * `isWindowLine`) written to a file by earlier commits.
 *
 * The engine asks {@link has} while deciding a commit, then calls {@link recordCommit} with the
 * same files. Windows are 53-bit hashes in a {@link WindowHashSet}: 13–27 bytes each.
 *
 * @example
 * const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
 * const ops = detectLineOps(files, history, DEFAULT_OPS_THRESHOLDS);
 * history.recordCommit(files);
 * const bytes = history.serialize(); // for the resumable state cache
 */
export class CopyPasteHistory {
  /** Window length in substantive lines (= `copyPasteMinLines`). */
  readonly windowLines: number;
  /** Lines with fewer alphanumerics are left out of windows (= `trivialMinAlphanumeric`). */
  readonly minAlphanumeric: number;
  private readonly windows: WindowHashSet;
  /** Window-line hashes of the hunk being recorded, context included. */
  private readonly sequence = new WindowSequence();
  private windowHashes = new Float64Array(256);
  private readonly context: ContextWindowScanner;
  /** One-line scan results of context lines and of added lines detection did not analyse. */
  private readonly scanned: LineScanColumns = createLineScanColumns(1);
  /** The files whose added-line analysis `analysed` holds (see reuseAnalysedAddedLines), or null. */
  private analysedFiles: readonly OpsFile[] | null = null;
  private analysedCount = 0;
  private analysed: LineScanColumns = createLineScanColumns(0);

  /**
   * @param settings the detection thresholds (only the copy/paste window length and the trivial cut are used)
   * @param initialCapacity hash slots to allocate up front; the set grows on demand
   */
  constructor(settings: CopyPasteHistorySettings, initialCapacity?: number) {
    const { copyPasteMinLines, trivialMinAlphanumeric } = settings;
    if (!Number.isInteger(copyPasteMinLines) || copyPasteMinLines < 1) {
      throw new RangeError(`copyPasteMinLines must be a positive integer, got ${copyPasteMinLines}`);
    }
    if (!Number.isInteger(trivialMinAlphanumeric) || trivialMinAlphanumeric < 0) {
      throw new RangeError(`trivialMinAlphanumeric must be a non-negative integer, got ${trivialMinAlphanumeric}`);
    }
    this.windowLines = copyPasteMinLines;
    this.minAlphanumeric = trivialMinAlphanumeric;
    this.windows = new WindowHashSet(initialCapacity);
    this.context = new ContextWindowScanner(copyPasteMinLines, trivialMinAlphanumeric);
  }

  /** Number of distinct windows remembered. */
  get size(): number {
    return this.windows.size;
  }

  /** Whether a window hash (from {@link windowHash}) was seen in an earlier commit. */
  has(windowHashValue: number): boolean {
    return this.windows.has(windowHashValue);
  }

  /**
   * Throws a `RangeError` when this history was built with other window settings than
   * `thresholds`: its hashes would never match, silently disabling copy/paste detection.
   */
  assertCompatible(thresholds: CopyPasteHistorySettings): void {
    if (thresholds.copyPasteMinLines !== this.windowLines || thresholds.trivialMinAlphanumeric !== this.minAlphanumeric) {
      throw new RangeError(
        `Copy/paste history was built with copyPasteMinLines=${this.windowLines}, trivialMinAlphanumeric=${this.minAlphanumeric}; ` +
          `the thresholds say ${thresholds.copyPasteMinLines} and ${thresholds.trivialMinAlphanumeric}`,
      );
    }
  }

  /**
   * Records the windows a commit wrote. For each hunk, its added lines are taken together with
   * up to N − 1 substantive lines of unchanged context on each side from `newContent`, so a
   * block assembled over several commits, or two blocks joined by a deletion, is remembered as
   * the file now shows it. Windows lying wholly in untouched context were recorded by the
   * commits that wrote them. Without `newContent`, the hunk's region of `hunkContexts` serves as
   * the file content, or `hunkContextHashes` gives the context lines' hashes directly; without
   * any of them, only the added lines are recorded.
   *
   * @example
   * history.recordCommit([{ hunks: [{ removed: [], added }], newContent: lines, hunkNewStarts: [1] }]);
   */
  recordCommit(files: readonly OpsFile[]): void {
    const reusableFiles = this.takeAnalysedFileCount(files);
    let addedIndex = 0;
    for (let f = 0; f < files.length; f++) {
      const file = files[f]!;
      const analysed = f < reusableFiles ? this.analysed : null;
      if (file.recordWindows === false) {
        if (analysed !== null) for (const hunk of file.hunks) addedIndex += hunk.added.length;
        continue;
      }
      const { hunkNewStarts, hunkContexts } = file;
      const contextHashes = file.newContent === null && hunkContexts === undefined ? (file.hunkContextHashes ?? null) : null;
      for (let hunk = 0; hunk < file.hunks.length; hunk++) {
        const hunkLines = file.hunks[hunk]!;
        const added = hunkLines.added;
        if (contextHashes !== null) {
          this.sequence.clear();
          this.pushHashes(contextHashes.hashes, contextHashes.offsets[2 * hunk]!, contextHashes.offsets[2 * hunk + 1]!);
          addedIndex = this.pushAddedLines(hunkLines, analysed, addedIndex);
          this.pushHashes(contextHashes.hashes, contextHashes.offsets[2 * hunk + 1]!, contextHashes.offsets[2 * hunk + 2]!);
          this.insertWindows();
          continue;
        }
        // Either the whole new version, or this hunk's region of it with line numbers shifted to match.
        const region = file.newContent === null ? (hunkContexts?.[hunk] ?? null) : null;
        const newContent = region === null ? file.newContent : region.lines;
        const fileNewStart = hunkNewStarts[hunk];
        const newStart = region === null || fileNewStart === undefined ? fileNewStart : fileNewStart - region.start + 1;
        const hasContext = newContent !== null && newStart !== undefined;
        // git's newStart is the first added line, or for a pure deletion the line before the gap.
        const regionStart = hasContext
          ? Math.min(newContent.length, Math.max(0, added.length > 0 ? newStart - 1 : newStart))
          : 0;
        this.sequence.clear();
        if (hasContext) this.context.before((index) => newContent[index]!, regionStart, this.sequence);
        addedIndex = this.pushAddedLines(hunkLines, analysed, addedIndex);
        if (hasContext) this.context.after((index) => newContent[index]!, newContent.length, Math.min(newContent.length, regionStart + added.length), this.sequence);
        this.insertWindows();
      }
    }
  }

  /**
   * Lets the next {@link recordCommit} reuse the normalised lengths, alphanumeric counts and
   * hashes detection already computed for the added lines of `files` (in file, hunk and line
   * order), instead of scanning every added line a second time. The reuse applies when the
   * recorded array starts with the same file objects (it may append more files, e.g. gated
   * ones that only seed the history).
   * @internal used by `detectLineOps`
   */
  reuseAnalysedAddedLines(files: readonly OpsFile[], lines: AnalysedLines): void {
    // Copied, because the caller's columns are reused for its next commit.
    const count = lines.hashes.length;
    if (this.analysed.hashes.length < count) this.analysed = createLineScanColumns(Math.max(count, this.analysed.hashes.length * 2));
    this.analysed.hashes.set(lines.hashes);
    this.analysed.normalisedLengths.set(lines.normalisedLengths);
    this.analysed.alphanumerics.set(lines.alphanumerics);
    this.analysed.normalisedStarts.set(lines.normalisedStarts);
    this.analysedFiles = files;
    this.analysedCount = count;
  }

  /**
   * How many leading files of `files` the analysis left by detection covers (once): all the
   * detected files if `files` starts with them (same objects) and their added-line count still
   * matches, else none.
   */
  private takeAnalysedFileCount(files: readonly OpsFile[]): number {
    const memo = this.analysedFiles;
    this.analysedFiles = null;
    if (memo === null || memo.length > files.length) return 0;
    let addedCount = 0;
    for (let f = 0; f < memo.length; f++) {
      const file = files[f]!;
      if (file !== memo[f]) return 0;
      for (const hunk of file.hunks) addedCount += hunk.added.length;
    }
    return addedCount === this.analysedCount ? memo.length : 0;
  }

  /**
   * Serialises the history: a 24-byte little-endian header (magic, format version, window
   * length, trivial cut, window count, reserved) followed by every window hash as a float64.
   */
  serialize(): Uint8Array {
    const keys = this.windows.keys();
    const bytes = new Uint8Array(HEADER_BYTES + keys.length * 8);
    const view = new DataView(bytes.buffer);
    view.setUint32(0, MAGIC, true);
    view.setUint32(4, FORMAT_VERSION, true);
    view.setUint32(8, this.windowLines, true);
    view.setUint32(12, this.minAlphanumeric, true);
    view.setUint32(16, keys.length, true);
    view.setUint32(20, 0, true);
    for (let i = 0; i < keys.length; i++) view.setFloat64(HEADER_BYTES + i * 8, keys[i]!, true);
    return bytes;
  }

  /**
   * Rebuilds a history written by {@link serialize}.
   * @throws CopyPasteHistoryFormatError when the bytes are truncated, foreign or of another format version.
   */
  static deserialize(bytes: Uint8Array): CopyPasteHistory {
    if (bytes.byteLength < HEADER_BYTES) {
      throw new CopyPasteHistoryFormatError(`Copy/paste history too short: ${bytes.byteLength} bytes`);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (view.getUint32(0, true) !== MAGIC) throw new CopyPasteHistoryFormatError('Not a copy/paste history (bad magic)');
    const version = view.getUint32(4, true);
    if (version !== FORMAT_VERSION) {
      throw new CopyPasteHistoryFormatError(`Copy/paste history format ${version} is not supported (expected ${FORMAT_VERSION})`);
    }
    const count = view.getUint32(16, true);
    if (bytes.byteLength !== HEADER_BYTES + count * 8) {
      throw new CopyPasteHistoryFormatError(
        `Copy/paste history holds ${bytes.byteLength} bytes, expected ${HEADER_BYTES + count * 8} for ${count} windows`,
      );
    }
    const history = new CopyPasteHistory(
      { copyPasteMinLines: view.getUint32(8, true), trivialMinAlphanumeric: view.getUint32(12, true) },
      // Room for the stored windows below the set's growth threshold, so loading never rehashes.
      Math.ceil(count / 0.5) + 1,
    );
    for (let i = 0; i < count; i++) {
      const key = view.getFloat64(HEADER_BYTES + i * 8, true);
      if (!(Number.isInteger(key) && key >= 0 && key <= Number.MAX_SAFE_INTEGER)) {
        throw new CopyPasteHistoryFormatError(`Copy/paste history holds an invalid window hash at index ${i}`);
      }
      history.windows.add(key);
    }
    return history;
  }

  /**
   * Pushes the hashes of a hunk's added window lines — from the analysis detection left (whose
   * added lines start at `addedIndex`) when there is one, else from the hunk's own scans or
   * texts — and returns the analysis index after them.
   */
  private pushAddedLines(hunkLines: OpsFile['hunks'][number], analysed: LineScanColumns | null, addedIndex: number): number {
    const count = hunkLines.added.length;
    if (analysed === null) {
      const scans = 'addedScan' in hunkLines ? hunkLines.addedScan : undefined;
      if (scans === undefined) {
        for (let i = 0; i < count; i++) this.pushIfWindowLine(addedTextOf(hunkLines, i));
      } else {
        for (let i = 0; i < count; i++) {
          if (isWindowLineOfLength(scans.normalisedLengths[i]!, scans.alphanumerics[i]!, this.minAlphanumeric)) this.sequence.push(scans.hashes[i]!);
        }
      }
      return addedIndex;
    }
    for (let i = addedIndex; i < addedIndex + count; i++) {
      if (isWindowLineOfLength(analysed.normalisedLengths[i]!, analysed.alphanumerics[i]!, this.minAlphanumeric)) {
        this.sequence.push(analysed.hashes[i]!);
      }
    }
    return addedIndex + count;
  }

  /** Pushes `hashes[from … to)` onto the sequence. */
  private pushHashes(hashes: Float64Array, from: number, to: number): void {
    for (let i = from; i < to; i++) this.sequence.push(hashes[i]!);
  }

  /** Pushes the line's hash if it takes part in windows; tells whether it did. */
  private pushIfWindowLine(text: string): boolean {
    if (!this.scanWindowLine(text)) return false;
    this.sequence.push(this.scanned.hashes[0]!);
    return true;
  }

  /** Scans a line into `scanned` and tells whether it takes part in windows. */
  private scanWindowLine(text: string): boolean {
    const scanned = this.scanned;
    scanLineInto(text, scanned, 0);
    return isWindowLineOfLength(scanned.normalisedLengths[0]!, scanned.alphanumerics[0]!, this.minAlphanumeric);
  }

  private insertWindows(): void {
    const { sequence } = this;
    if (this.windowHashes.length < sequence.length) this.windowHashes = new Float64Array(sequence.length * 2);
    const hashes = this.windowHashes;
    const windows = sequence.windowHashesInto(this.windowLines, hashes);
    for (let start = 0; start < windows; start++) this.windows.add(hashes[start]!);
  }
}
