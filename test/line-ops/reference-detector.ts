/**
 * A deliberately plain implementation of the line-operation rules (metrics.md §1), used to
 * check the optimised detector: strings instead of hashes, Maps instead of typed tables, one
 * obvious loop per rule. Slow, but easy to read against the documented rules.
 */
import type { FileOps, LineOp, OpsFile, OpsHunk, OpsLimits, OpsTextHunk, OpsThresholds } from '../../pipeline/line-ops/types.js';

const normalise = (text: string): string => text.trim().replace(/\s+/g, ' ');
const alphanumerics = (text: string): number => text.match(/[\p{L}\p{Nd}]/gu)?.length ?? 0;

interface RefLine {
  text: string;
  normalised: string;
  alphanumerics: number;
  comment: boolean;
  keywordOnly: boolean;
  hunk: number;
  op: LineOp | null;
}

function linesOf(hunk: OpsHunk | OpsTextHunk, side: 'removed' | 'added'): Array<{ text: string; comment: boolean; keywordOnly: boolean }> {
  if ('addedFlags' in hunk) {
    const flags = side === 'removed' ? hunk.removedFlags : hunk.addedFlags;
    return hunk[side].map((text, i) => ({ text, comment: (flags[i]! & 1) !== 0, keywordOnly: (flags[i]! & 2) !== 0 }));
  }
  return hunk[side];
}

/** Window membership of a normalised line (not blank, enough alphanumerics). */
function isWindowLine(normalised: string, minAlphanumeric: number): boolean {
  return normalised.length > 0 && alphanumerics(normalised) >= minAlphanumeric;
}

/** Bigram multiset Dice, the obvious way (the reference the fast profiles are tested against). */
export function dice(a: string, b: string): number {
  const bigrams = (s: string): string[] => Array.from({ length: Math.max(0, s.length - 1) }, (_, i) => s.slice(i, i + 2));
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.length === 0 || right.length === 0) return a === b ? 1 : 0;
  const counts = new Map<string, number>();
  for (const g of left) counts.set(g, (counts.get(g) ?? 0) + 1);
  let shared = 0;
  for (const g of right) {
    const n = counts.get(g) ?? 0;
    if (n > 0) {
      shared++;
      counts.set(g, n - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}

/**
 * Non-crossing alignment maximising summed similarity, block by block along the diagonal; ties
 * prefer skipping the removed line, then skipping the added line, then pairing.
 */
function align(removed: string[], added: string[], minSimilarity: number, comparisonsPerLine: number): Array<[number, number]> {
  const r = removed.length;
  const a = added.length;
  const pairs: Array<[number, number]> = [];
  if (r === 0 || a === 0) return pairs;
  const blocks = Math.min(r, a, Math.max(1, Math.ceil((r * a) / ((r + a) * comparisonsPerLine))));
  for (let block = 0; block < blocks; block++) {
    const r0 = Math.floor((block * r) / blocks);
    const r1 = Math.floor(((block + 1) * r) / blocks);
    const a0 = Math.floor((block * a) / blocks);
    const a1 = Math.floor(((block + 1) * a) / blocks);
    const score: number[][] = [];
    const choice: string[][] = [];
    for (let i = 0; i <= r1 - r0; i++) {
      score.push(new Array<number>(a1 - a0 + 1).fill(0));
      choice.push(new Array<string>(a1 - a0 + 1).fill(''));
    }
    for (let i = 1; i <= r1 - r0; i++) {
      for (let j = 1; j <= a1 - a0; j++) {
        let best = score[i - 1]![j]!;
        let chosen = 'up';
        if (score[i]![j - 1]! > best) {
          best = score[i]![j - 1]!;
          chosen = 'left';
        }
        const similarity = dice(removed[r0 + i - 1]!, added[a0 + j - 1]!);
        if (similarity >= minSimilarity && score[i - 1]![j - 1]! + similarity > best) {
          best = score[i - 1]![j - 1]! + similarity;
          chosen = 'pair';
        }
        score[i]![j] = best;
        choice[i]![j] = chosen;
      }
    }
    const blockPairs: Array<[number, number]> = [];
    for (let i = r1 - r0, j = a1 - a0; i > 0 && j > 0; ) {
      const chosen = choice[i]![j];
      if (chosen === 'pair') {
        blockPairs.unshift([r0 + i - 1, a0 + j - 1]);
        i--;
        j--;
      } else if (chosen === 'up') i--;
      else j--;
    }
    pairs.push(...blockPairs);
  }
  return pairs;
}

/** Words (letters, digits, `_`, `$`, any non-ASCII non-space) and single other visible characters. */
const tokens = (text: string): string[] => text.match(/(?:[A-Za-z0-9_$]|[^\s\x00-\x7f])+|\S/g) ?? [];

function substitution(before: string, after: string): string | null {
  if (before === after) return null;
  const left = tokens(before);
  const right = tokens(after);
  if (left.length !== right.length) return null;
  let found: [string, string] | null = null;
  for (let k = 0; k < left.length; k++) {
    if (left[k] === right[k]) continue;
    if (found === null) found = [left[k]!, right[k]!];
    else if (found[0] !== left[k] || found[1] !== right[k]) return null;
  }
  return found === null ? null : JSON.stringify(found);
}

/** The reference detector: holds its own copy/paste history as a set of window texts. */
export class ReferenceDetector {
  private readonly windows = new Set<string>();

  constructor(
    private readonly thresholds: OpsThresholds,
    private readonly limits: OpsLimits,
  ) {}

  /** Decides every line of one commit (the history is read, not changed). */
  detect(files: readonly OpsFile[]): FileOps[] {
    const t = this.thresholds;
    const removed: RefLine[] = [];
    const added: RefLine[] = [];
    let hunkIndex = 0;
    for (const file of files) {
      for (const hunk of file.hunks) {
        for (const [side, list] of [
          ['removed', removed],
          ['added', added],
        ] as const) {
          for (const line of linesOf(hunk, side)) {
            const normalised = normalise(line.text);
            list.push({ ...line, normalised, alphanumerics: alphanumerics(normalised), hunk: hunkIndex, op: null });
          }
        }
        hunkIndex++;
      }
    }

    // Gate rows: blank, re-indented inside a hunk, comment, trivial.
    for (const line of [...removed, ...added]) if (line.normalised === '') line.op = 'noop';
    for (const a of added) {
      if (a.op !== null) continue;
      const r = removed.find((x) => x.op === null && x.hunk === a.hunk && x.normalised === a.normalised && x.comment === a.comment);
      if (r) r.op = a.op = 'noop';
    }
    for (const line of [...removed, ...added]) {
      if (line.op !== null) continue;
      if (line.comment) line.op = 'comment';
      else if (line.keywordOnly || line.alphanumerics < t.trivialMinAlphanumeric) line.op = 'trivial';
    }

    // Moves: long equal lines anywhere in the commit.
    for (const a of added) {
      if (a.op !== null || a.alphanumerics < t.moveMinAlphanumeric) continue;
      const r = removed.find((x) => x.op === null && x.alphanumerics >= t.moveMinAlphanumeric && x.normalised === a.normalised);
      if (r) r.op = a.op = 'move';
    }

    // Copy/paste: windows of N window lines per hunk, known from history or earlier in the commit.
    const n = t.copyPasteMinLines;
    const firstSeen = new Map<string, number>();
    let positionBase = 0;
    for (let h = 0; h < hunkIndex; h++) {
      const hunkLines = added.filter((x) => x.hunk === h);
      if (hunkLines.length < n) continue;
      const windowLines = hunkLines.filter((x) => isWindowLine(x.normalised, t.trivialMinAlphanumeric));
      for (let start = 0; start + n <= windowLines.length; start++) {
        const key = JSON.stringify(windowLines.slice(start, start + n).map((x) => x.normalised));
        const position = positionBase + start;
        let copied = this.windows.has(key);
        if (!copied) {
          const seenAt = firstSeen.get(key);
          if (seenAt === undefined) firstSeen.set(key, position);
          else copied = position - seenAt >= n;
        }
        if (copied) for (const line of windowLines.slice(start, start + n)) if (line.op === null) line.op = 'copy_paste';
      }
      positionBase += windowLines.length;
    }

    // Updates per hunk, then find/replace across the commit.
    const updates: Array<[RefLine, RefLine]> = [];
    for (let h = 0; h < hunkIndex; h++) {
      const r = removed.filter((x) => x.hunk === h && x.op === null);
      const a = added.filter((x) => x.hunk === h && x.op === null);
      const pairs = align(
        r.map((x) => x.normalised),
        a.map((x) => x.normalised),
        t.updateSimilarity,
        this.limits.alignmentComparisonsPerLine,
      );
      for (const [i, j] of pairs) {
        r[i]!.op = 'update_pair';
        a[j]!.op = 'update';
        updates.push([r[i]!, a[j]!]);
      }
    }
    const keys = updates.map(([r, a]) => substitution(r.normalised, a.normalised));
    const counts = new Map<string, number>();
    for (const key of keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
    updates.forEach(([r, a], p) => {
      const key = keys[p];
      if (key === null || key === undefined || counts.get(key)! < t.findReplaceMinLines) return;
      r.op = 'find_replace_pair';
      a.op = 'find_replace';
    });

    for (const line of removed) line.op ??= 'delete';
    for (const line of added) line.op ??= 'add';

    let removedAt = 0;
    let addedAt = 0;
    return files.map((file) => ({
      hunks: file.hunks.map((hunk) => {
        const result = {
          removed: removed.slice(removedAt, removedAt + hunk.removed.length).map((x) => x.op!),
          added: added.slice(addedAt, addedAt + hunk.added.length).map((x) => x.op!),
        };
        removedAt += hunk.removed.length;
        addedAt += hunk.added.length;
        return result;
      }),
    }));
  }

  /** Records the windows of a commit: added lines plus up to N − 1 window lines of context on each side. */
  record(files: readonly OpsFile[]): void {
    const n = this.thresholds.copyPasteMinLines;
    const min = this.thresholds.trivialMinAlphanumeric;
    for (const file of files) {
      file.hunks.forEach((hunk, h) => {
        const addedTexts = linesOf(hunk, 'added').map((x) => x.text);
        const sequence: string[] = [];
        // Without the whole file, the hunk's context region stands in for it, line numbers shifted.
        const region = file.newContent === null ? (file.hunkContexts?.[h] ?? null) : null;
        const content = region ? region.lines : file.newContent;
        const newStart = region ? file.hunkNewStarts[h]! - region.start + 1 : file.hunkNewStarts[h];
        const hasContext = content !== null && newStart !== undefined;
        const regionStart = hasContext ? Math.min(content.length, Math.max(0, addedTexts.length > 0 ? newStart - 1 : newStart)) : 0;
        if (hasContext) {
          const before: string[] = [];
          for (let i = regionStart - 1; i >= 0 && before.length < n - 1; i--) {
            const normalised = normalise(content[i]!);
            if (isWindowLine(normalised, min)) before.unshift(normalised);
          }
          sequence.push(...before);
        }
        for (const text of addedTexts) {
          const normalised = normalise(text);
          if (isWindowLine(normalised, min)) sequence.push(normalised);
        }
        if (hasContext) {
          let found = 0;
          for (let i = Math.min(content.length, regionStart + addedTexts.length); i < content.length && found < n - 1; i++) {
            const normalised = normalise(content[i]!);
            if (isWindowLine(normalised, min)) {
              sequence.push(normalised);
              found++;
            }
          }
        }
        for (let start = 0; start + n <= sequence.length; start++) this.windows.add(JSON.stringify(sequence.slice(start, start + n)));
      });
    }
  }

  /** Number of distinct windows recorded. */
  get size(): number {
    return this.windows.size;
  }
}
