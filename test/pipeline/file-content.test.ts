import { describe, expect, it } from 'vitest';
import type { DiffHunk } from '../../collectors/git/types.js';
import { FileContent } from '../../pipeline/effective-code/file-content.js';
import { FileState, hunksMatch } from '../../pipeline/effective-code/file-state.js';
import { countLines } from '../../pipeline/source-analysis/analyse.js';
import { applyHunksToTags, untaggedLines } from '../../pipeline/effective-code/line-tags.js';

/** The plain-array definition of applying zero-context hunks, as git's hunk headers mean them. */
function spliceLines<T>(old: readonly T[], hunks: readonly DiffHunk[], added: (hunk: DiffHunk, i: number) => T): { values: T[]; removed: T[][] } {
  const values: T[] = [];
  const removed: T[][] = [];
  let cursor = 0;
  for (const hunk of hunks) {
    const removeAt = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1;
    const keepUntil = Math.min(Math.max(removeAt, cursor), old.length);
    values.push(...old.slice(cursor, keepUntil));
    const removedEnd = Math.min(keepUntil + hunk.oldCount, old.length);
    removed.push(old.slice(keepUntil, removedEnd));
    for (let i = 0; i < hunk.added.length; i++) values.push(added(hunk, i));
    cursor = removedEnd;
  }
  values.push(...old.slice(cursor));
  return { values, removed };
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SAMPLES = ['', 'x', 'const value = 1;', '  return a + b;  ', 'caf\u00e9', 'na\u00efve \u00ff', 'emoji \u{1f600}', '\u4e2d\u6587', '\t\t}', 'a\rb'];

/** Random zero-context hunks that apply to `lines` (removed lines taken from it, in order). */
function randomHunks(lines: readonly string[], next: () => number, wideAllowed: boolean): DiffHunk[] {
  const hunks: DiffHunk[] = [];
  let position = 0;
  let newShift = 0;
  const pick = () => {
    const sample = SAMPLES[Math.floor(next() * SAMPLES.length)]!;
    return wideAllowed || !/[^\u0000-\u00ff]/.test(sample) ? sample : 'plain';
  };
  while (position <= lines.length && hunks.length < 4 && next() < 0.8) {
    position += Math.floor(next() * 4);
    if (position > lines.length) break;
    const oldCount = Math.min(lines.length - position, Math.floor(next() * 3));
    const added = Array.from({ length: Math.floor(next() * 4) }, pick);
    if (oldCount === 0 && added.length === 0) continue;
    const oldStart = oldCount === 0 ? position : position + 1;
    const newStart = added.length === 0 ? position + newShift : position + newShift + 1;
    hunks.push({ oldStart, oldCount, newStart, newCount: added.length, removed: lines.slice(position, position + oldCount), added });
    newShift += added.length - oldCount;
    position += oldCount + 1;
  }
  return hunks;
}

describe('FileContent', () => {
  it('replays random zero-context hunks exactly like a plain line array, latin1 and wide', () => {
    const next = random(7);
    for (let round = 0; round < 300; round++) {
      let lines: string[] = [];
      let content = FileContent.EMPTY;
      const wideAllowed = round % 3 === 0;
      for (let step = 0; step < 12; step++) {
        const hunks = randomHunks(lines, next, wideAllowed);
        const state = new FileState(content);
        expect(hunksMatch(state, hunks)).toBe(true);
        lines = spliceLines(lines, hunks, (hunk, i) => hunk.added[i]!).values;
        content = content.applyHunks(hunks);
        expect(content.lineCount).toBe(lines.length);
        expect(content.linesBetween(0, content.lineCount)).toEqual(lines);
        expect(content.text()).toBe(lines.join('\n'));
        expect(content.head(5)).toBe(lines.map((line) => line + '\n').join('').slice(0, 5));
        if (lines.some((line) => /[^\u0000-\u00ff]/.test(line))) expect(content.wide).toBe(true);
      }
    }
  });

  it('tells a line that differs from the content, also when only a wide character differs', () => {
    const content = FileContent.fromLines(['alpha', 'caf\u00e9', 'x\u0101']);
    const state = new FileState(content);
    const change = (removed: string[], oldStart: number): DiffHunk[] => [{ oldStart, oldCount: removed.length, newStart: oldStart, newCount: 0, removed, added: [] }];
    expect(hunksMatch(state, change(['caf\u00e9', 'x\u0101'], 2))).toBe(true);
    expect(hunksMatch(state, change(['x\u0001'], 3))).toBe(false);
    expect(hunksMatch(state, change(['alph'], 1))).toBe(false);
    expect(hunksMatch(state, change(['x\u0101', 'more'], 3))).toBe(false);
    expect(hunksMatch(state, [{ oldStart: 4, oldCount: 0, newStart: 4, newCount: 1, removed: [], added: ['z'] }])).toBe(false);
  });

  it('reads blobs as the diff parser presents lines: UTF-8, carriage returns stripped, no phantom last line', () => {
    const blob = Buffer.concat([Buffer.from('one\r\ntwo\r\r\n\ncaf'), Buffer.from([0xc3, 0xa9, 0xff]), Buffer.from('\nlast\r')]);
    const content = FileContent.fromBlob(blob);
    expect(content.linesBetween(0, content.lineCount)).toEqual(['one', 'two\r', '', 'caf\u00e9\ufffd', 'last']);
    expect(FileContent.fromBlob(Buffer.from('a\n\n')).linesBetween(0, 2)).toEqual(['a', '']);
    expect(FileContent.fromBlob(Buffer.alloc(0)).lineCount).toBe(0);
    expect(FileContent.fromLines(['']).lineCount).toBe(1);
    expect(FileContent.fromLines(['']).text()).toBe('');
  });
});

describe('FileContent.textLineCount', () => {
  it('counts the lines of text() as countLines does, also with empty last lines', () => {
    const cases: string[][] = [[], [''], ['a'], ['a', ''], ['a', '', ''], ['', 'a'], ['', ''], ['é', 'ü', ''], ['\u4e2d']];
    for (const lines of cases) {
      const content = FileContent.fromLines(lines);
      expect(content.textLineCount()).toBe(countLines(content.text()));
    }
  });
});

describe('applyHunksToTags', () => {
  it('moves tags like lines and returns the tags each hunk removed', () => {
    const next = random(11);
    for (let round = 0; round < 300; round++) {
      const lines = Array.from({ length: Math.floor(next() * 12) }, (_, i) => `line ${i}`);
      const tags = Int32Array.from(lines, (_, i) => (i % 3 === 0 ? 0 : i + 1));
      const hunks = randomHunks(lines, next, false);
      const expected = spliceLines([...tags], hunks, () => 0);
      const { tags: moved, removed } = applyHunksToTags(tags, hunks);
      expect([...moved]).toEqual(expected.values);
      expect(removed.map((r) => [...r])).toEqual(expected.removed);
    }
    expect([...untaggedLines(3)]).toEqual([0, 0, 0]);
  });
});
