import { describe, expect, it } from 'vitest';
import { CopyPasteHistory, CopyPasteHistoryFormatError } from '../../pipeline/line-ops/copy-paste-history.js';
import { DEFAULT_OPS_THRESHOLDS } from '../../pipeline/line-ops/defaults.js';
import { detectLineOps } from '../../pipeline/line-ops/detect-line-ops.js';
import { hashString, normaliseLine } from '../../pipeline/line-ops/normalise.js';
import type { OpsFile } from '../../pipeline/line-ops/types.js';
import { windowHash } from '../../pipeline/line-ops/window-hash.js';
import { ContextHashCollector, ContextWindowScanner } from '../../pipeline/line-ops/context-windows.js';
import { countOps, distinctLines, file, hunk } from './helpers.js';
import { generateHistory } from './random-history.js';

/** The same file with its per-hunk context regions reduced to window-line hashes, the way the replay stage hands them over. */
function withContextHashes(opsFile: OpsFile): OpsFile {
  if (opsFile.newContent !== null || opsFile.hunkContexts === undefined) return opsFile;
  const scanner = new ContextWindowScanner(DEFAULT_OPS_THRESHOLDS.copyPasteMinLines, DEFAULT_OPS_THRESHOLDS.trivialMinAlphanumeric);
  const collector = new ContextHashCollector(opsFile.hunks.length, 1);
  opsFile.hunks.forEach((h, index) => {
    collector.startHunk();
    const region = opsFile.hunkContexts![index] ?? null;
    const newStart = opsFile.hunkNewStarts[index];
    if (region === null || newStart === undefined) return collector.startAfter();
    const lineAt = (i: number) => region.lines[i]!;
    const relative = newStart - region.start + 1;
    const start = Math.min(region.lines.length, Math.max(0, h.added.length > 0 ? relative - 1 : relative));
    scanner.before(lineAt, start, collector);
    collector.startAfter();
    scanner.after(lineAt, region.lines.length, Math.min(region.lines.length, start + h.added.length), collector);
  });
  const { hunkContexts: _regions, ...rest } = opsFile;
  return { ...rest, hunkContextHashes: collector.finish() };
}

function hashOfBlock(lines: readonly string[]): number {
  return windowHash(Float64Array.from(lines.map((line) => hashString(normaliseLine(line)))), 0, lines.length);
}

describe('CopyPasteHistory.recordCommit', () => {
  it('records every window of the added lines, skipping blank and punctuation-only lines', () => {
    const lines = distinctLines('Rec', 7);
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([file(hunk([], [lines[0]!, '', ...lines.slice(1, 4), '  });', ...lines.slice(4)]))]);
    expect(history.size).toBe(3);
    for (let start = 0; start + 5 <= 7; start++) expect(history.has(hashOfBlock(lines.slice(start, start + 5)))).toBe(true);
    expect(history.has(hashOfBlock([lines[1]!, lines[0]!, ...lines.slice(2, 5)]))).toBe(false);
  });

  it('includes up to N − 1 substantive context lines of the new content on each side', () => {
    const content = distinctLines('Ctx', 20);
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    // One line added at line 10 (index 9): windows 5..9 … 9..13 touch it.
    history.recordCommit([{ hunks: [hunk([], [content[9]!])], newContent: content, hunkNewStarts: [10] }]);
    expect(history.size).toBe(5);
    expect(history.has(hashOfBlock(content.slice(5, 10)))).toBe(true);
    expect(history.has(hashOfBlock(content.slice(9, 14)))).toBe(true);
    expect(history.has(hashOfBlock(content.slice(4, 9)))).toBe(false);
  });

  it('records the windows a pure deletion creates across the gap', () => {
    const block = distinctLines('Join', 6);
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    const withSeparator = [...block.slice(0, 3), 'const separatorLine = removeMeLater();', ...block.slice(3)];
    history.recordCommit([{ hunks: [hunk([], withSeparator)], newContent: withSeparator, hunkNewStarts: [1] }]);
    expect(history.has(hashOfBlock(block.slice(0, 5)))).toBe(false);
    // git prints a deletion of old line 4 as "@@ -4 +3,0 @@": newStart is the line before the gap.
    history.recordCommit([{ hunks: [hunk([withSeparator[3]!], [])], newContent: block, hunkNewStarts: [3] }]);
    expect(history.has(hashOfBlock(block.slice(0, 5)))).toBe(true);
    expect(history.has(hashOfBlock(block.slice(1, 6)))).toBe(true);
  });

  it('takes context from per-hunk regions when the whole new version is not given', () => {
    const content = distinctLines('Region', 20);
    const whole = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    whole.recordCommit([{ hunks: [hunk([], [content[9]!])], newContent: content, hunkNewStarts: [10] }]);
    const regions = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    regions.recordCommit([
      { hunks: [hunk([], [content[9]!])], newContent: null, hunkNewStarts: [10], hunkContexts: [{ start: 4, lines: content.slice(3, 16) }] },
    ]);
    expect(regions.size).toBe(5);
    expect(sortedKeys(regions)).toEqual(sortedKeys(whole));
    // A region too small to hold the context records fewer windows, never wrong ones.
    const small = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    small.recordCommit([{ hunks: [hunk([], [content[9]!])], newContent: null, hunkNewStarts: [10], hunkContexts: [{ start: 9, lines: content.slice(8, 11) }] }]);
    expect(small.size).toBe(0);
  });

  it('records the same windows from context hashes as from the context regions they were taken from', () => {
    let withHashes = 0;
    for (const seed of [3, 17, 41]) {
      const fromRegions = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
      const fromHashes = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
      for (const commit of generateHistory(seed, 60)) {
        const files = [...commit.files, ...commit.recordOnly];
        const converted = files.map(withContextHashes);
        withHashes += converted.filter((f) => f.hunkContextHashes !== undefined).length;
        detectLineOps(commit.files, fromRegions, DEFAULT_OPS_THRESHOLDS);
        fromRegions.recordCommit(files);
        const detected = converted.slice(0, commit.files.length);
        detectLineOps(detected, fromHashes, DEFAULT_OPS_THRESHOLDS);
        fromHashes.recordCommit(converted);
      }
      expect(fromHashes.size).toBeGreaterThan(0);
      expect(sortedKeys(fromHashes)).toEqual(sortedKeys(fromRegions));
    }
    expect(withHashes).toBeGreaterThan(20);
  });

  it('skips blank context lines when collecting context', () => {
    const content = ['', ...distinctLines('Gap', 4).flatMap((line) => [line, '', '}']), 'const addedHere = newCode();'];
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([{ hunks: [hunk([], [content.at(-1)!])], newContent: content, hunkNewStarts: [content.length] }]);
    expect(history.has(hashOfBlock([...distinctLines('Gap', 4), 'const addedHere = newCode();']))).toBe(true);
  });
});

describe('CopyPasteHistory and detection together', () => {
  it('records the same windows whether or not it reuses the line analysis of detectLineOps', () => {
    const content = [...distinctLines('Reuse', 12), '', '}', ...distinctLines('More', 6)];
    const files: OpsFile[] = [
      { hunks: [hunk([], content.slice(3, 9)), hunk(['gone();'], [])], newContent: content, hunkNewStarts: [4, 14] },
      file(hunk([], [...distinctLines('NoContent', 7), '   '])),
    ];
    const reusing = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    detectLineOps(files, reusing, DEFAULT_OPS_THRESHOLDS);
    reusing.recordCommit(files);
    const fresh = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    fresh.recordCommit(files.map((f) => ({ ...f })));
    expect(reusing.size).toBeGreaterThan(0);
    expect(sortedKeys(reusing)).toEqual(sortedKeys(fresh));
  });

  it('reuses the analysis for the detected files when more files follow them', () => {
    const detected: OpsFile[] = [file(hunk([], distinctLines('Seen', 7)))];
    const extra: OpsFile[] = [file(hunk([], distinctLines('Gated', 6)))];
    const reusing = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    detectLineOps(detected, reusing, DEFAULT_OPS_THRESHOLDS);
    reusing.recordCommit([...detected, ...extra]);
    const fresh = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    fresh.recordCommit([...detected, ...extra].map((f) => ({ ...f })));
    expect(reusing.size).toBe(3 + 2);
    expect(sortedKeys(reusing)).toEqual(sortedKeys(fresh));
  });

  it('leaves out files marked recordWindows: false, also while reusing the analysis', () => {
    const skipped: OpsFile = { ...file(hunk([], distinctLines('Skipped', 6))), recordWindows: false };
    const kept = file(hunk([], distinctLines('Kept', 5)));
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    detectLineOps([skipped, kept], history, DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([skipped, kept]);
    expect(history.size).toBe(1);
    expect(history.has(hashOfBlock(distinctLines('Kept', 5)))).toBe(true);
  });

  it('ignores the reused analysis when another commit is recorded', () => {
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    detectLineOps([file(hunk([], distinctLines('Detected', 5)))], history, DEFAULT_OPS_THRESHOLDS);
    const other = [file(hunk([], distinctLines('Recorded', 5)))];
    history.recordCommit(other);
    expect(history.has(hashOfBlock(distinctLines('Recorded', 5)))).toBe(true);
    expect(history.has(hashOfBlock(distinctLines('Detected', 5)))).toBe(false);
  });
});

function sortedKeys(history: CopyPasteHistory): number[] {
  const bytes = history.serialize();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const keys: number[] = [];
  for (let offset = 24; offset < bytes.byteLength; offset += 8) keys.push(view.getFloat64(offset, true));
  return keys.sort((a, b) => a - b);
}

describe('CopyPasteHistory serialisation', () => {
  it('round-trips its settings and windows', () => {
    const history = new CopyPasteHistory({ copyPasteMinLines: 4, trivialMinAlphanumeric: 2 });
    for (let commit = 0; commit < 50; commit++) history.recordCommit([file(hunk([], distinctLines(`C${commit}x`, 30)))]);
    const bytes = history.serialize();
    const restored = CopyPasteHistory.deserialize(bytes);
    expect(restored.windowLines).toBe(4);
    expect(restored.minAlphanumeric).toBe(2);
    expect(restored.size).toBe(history.size);
    expect(restored.serialize().byteLength).toBe(bytes.byteLength);
    for (let commit = 0; commit < 50; commit++) {
      expect(restored.has(hashOfBlock(distinctLines(`C${commit}x`, 30).slice(10, 14)))).toBe(true);
    }
  });

  it('detects the same copies after a round trip, also from a view into a larger buffer', () => {
    const block = distinctLines('Saved', 5);
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([file(hunk([], block))]);
    const bytes = history.serialize();
    const padded = new Uint8Array(bytes.byteLength + 3);
    padded.set(bytes, 3);
    const restored = CopyPasteHistory.deserialize(padded.subarray(3));
    const files: OpsFile[] = [file(hunk([], block))];
    expect(countOps(detectLineOps(files, restored, DEFAULT_OPS_THRESHOLDS))).toEqual({ copy_paste: 5 });
  });

  it('rejects truncated, foreign and future-format bytes', () => {
    const history = new CopyPasteHistory(DEFAULT_OPS_THRESHOLDS);
    history.recordCommit([file(hunk([], distinctLines('Bad', 6)))]);
    const bytes = history.serialize();
    expect(() => CopyPasteHistory.deserialize(bytes.subarray(0, 10))).toThrow(CopyPasteHistoryFormatError);
    expect(() => CopyPasteHistory.deserialize(bytes.subarray(0, bytes.byteLength - 8))).toThrow(/expected/);
    const foreign = bytes.slice();
    foreign[0] = 0;
    expect(() => CopyPasteHistory.deserialize(foreign)).toThrow(/magic/);
    const future = bytes.slice();
    new DataView(future.buffer).setUint32(4, 99, true);
    expect(() => CopyPasteHistory.deserialize(future)).toThrow(/format 99/);
  });

  it('rejects invalid settings', () => {
    expect(() => new CopyPasteHistory({ copyPasteMinLines: 0, trivialMinAlphanumeric: 3 })).toThrow(RangeError);
  });
});
