import { describe, expect, it } from 'vitest';
import { CopyPasteHistory } from '../../pipeline/line-ops/copy-paste-history.js';
import { DEFAULT_OPS_LIMITS, DEFAULT_OPS_THRESHOLDS } from '../../pipeline/line-ops/defaults.js';
import { detectLineOps } from '../../pipeline/line-ops/detect-line-ops.js';
import type { FileOps, LineOp, OpsLimits, OpsThresholds } from '../../pipeline/line-ops/types.js';
import { generateHistory } from './random-history.js';
import { ReferenceDetector } from './reference-detector.js';

/** Runs a generated history through both detectors and returns every commit's ops from each. */
function runBoth(seed: number, commits: number, thresholds: OpsThresholds, limits: OpsLimits) {
  const history = generateHistory(seed, commits);
  const detector = new CopyPasteHistory(thresholds);
  const reference = new ReferenceDetector(thresholds, limits);
  const actual: FileOps[][] = [];
  const expected: FileOps[][] = [];
  for (const { files, recordOnly } of history) {
    actual.push(detectLineOps(files, detector, thresholds, limits));
    expected.push(reference.detect(files));
    // Same prefix of file objects, as the engine passes them: detection's analysis is reused.
    detector.recordCommit(recordOnly.length > 0 ? [...files, ...recordOnly] : files);
    reference.record([...files, ...recordOnly]);
  }
  return { actual, expected, windows: [detector.size, reference.size] };
}

function tally(results: FileOps[][]): Partial<Record<LineOp, number>> {
  const counts: Partial<Record<LineOp, number>> = {};
  for (const commit of results) {
    for (const file of commit) {
      for (const hunk of file.hunks) for (const op of [...hunk.removed, ...hunk.added]) counts[op] = (counts[op] ?? 0) + 1;
    }
  }
  return counts;
}

describe('detectLineOps against a plain reference of the rules', () => {
  it('agrees on every line of 300 randomized commits with the default thresholds', () => {
    const { actual, expected, windows } = runBoth(20240611, 300, DEFAULT_OPS_THRESHOLDS, DEFAULT_OPS_LIMITS);
    for (let c = 0; c < actual.length; c++) expect(actual[c], `commit ${c}`).toEqual(expected[c]);
    expect(windows[0]).toBe(windows[1]);
    // The generator must actually reach every rule, or the comparison proves little.
    const counts = tally(expected);
    for (const op of ['noop', 'comment', 'trivial', 'move', 'copy_paste', 'update', 'find_replace', 'add', 'delete'] as const) {
      expect(counts[op] ?? 0, op).toBeGreaterThan(0);
    }
  });

  it('agrees with other thresholds and a tight alignment bound (block-wise alignment)', () => {
    const thresholds: OpsThresholds = {
      updateSimilarity: 0.35,
      moveMinAlphanumeric: 8,
      copyPasteMinLines: 3,
      findReplaceMinLines: 2,
      trivialMinAlphanumeric: 2,
    };
    const { actual, expected, windows } = runBoth(7, 200, thresholds, { alignmentComparisonsPerLine: 1 });
    for (let c = 0; c < actual.length; c++) expect(actual[c], `commit ${c}`).toEqual(expected[c]);
    expect(windows[0]).toBe(windows[1]);
  });
});
