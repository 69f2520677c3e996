/**
 * A seeded generator of small, plausible commit histories for comparing the detector with the
 * reference rules: files evolve commit by commit, and the edits deliberately include the cases
 * the rules distinguish (re-indentation, moves, pasted blocks, similar edits, renames, blank,
 * comment, keyword-only and non-ASCII lines, irregular whitespace).
 */
import type { OpsContextRegion, OpsFile, OpsHunk, OpsLine, OpsTextHunk } from '../../pipeline/line-ops/types.js';

/** A small deterministic pseudo-random source (an LCG; quality is irrelevant here). */
export class Random {
  constructor(private seed: number) {}

  /** An integer in `[0, n)`. */
  below(n: number): number {
    this.seed = (Math.imul(this.seed, 1103515245) + 12345) >>> 0;
    return (this.seed >>> 8) % n;
  }

  /** True with probability `p`. */
  chance(p: number): boolean {
    return this.below(1_000_000) < p * 1_000_000;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.below(items.length)]!;
  }
}

const NAMES = ['total', 'count', 'price', 'userId', 'orderItems', 'größe', 'résumé', 'value', 'index', 'customerName'];
const CALLS = ['compute', 'lookup', 'render', 'validate', 'fetchAll', 'merge', 'émettre'];
const INDENTS = ['', '  ', '    ', '\t', '\t\t', '        ', ' \t '];
const SHORT = ['}', '});', 'end', '} else {', ')', 'return;', 'x++', ']'];

/** One generated changed line with the flags the engine would compute. */
interface GeneratedLine {
  text: string;
  comment: boolean;
  keywordOnly: boolean;
}

function codeLine(random: Random): string {
  const name = random.pick(NAMES);
  const call = random.pick(CALLS);
  const argument = random.pick(NAMES);
  const spaced = random.chance(0.2) ? random.pick(['  ', '\t', ' \u3000']) : ' '; // occasionally an inner run of spaces
  switch (random.below(5)) {
    case 0:
      return `const ${name}${random.below(20)} =${spaced}${call}(${argument}, ${random.below(100)});`;
    case 1:
      return `${name}.${call}(${argument}${random.chance(0.5) ? `, options${random.below(9)}` : ''});`;
    case 2:
      return `if (${name} >${spaced}${random.below(50)}) return ${call}(${argument});`;
    case 3:
      return `let ${name}${random.below(6)} = ${argument}${random.chance(0.2) ? '\u00a0' : ' '}+ ${random.below(1000)};`;
    default:
      return `${call}AndThenSomethingLonger(${name}, ${argument}, ${random.below(30)}); // ${random.pick(NAMES)}`;
  }
}

function generatedLine(random: Random): GeneratedLine {
  const indent = random.pick(INDENTS);
  const trailing = random.chance(0.1) ? random.pick([' ', '\t', '\r', '  ']) : '';
  const roll = random.below(20);
  if (roll === 0) return { text: random.pick(['', '   ', '\t']), comment: false, keywordOnly: false };
  if (roll === 1) return { text: `${indent}// ${codeLine(random)}`, comment: true, keywordOnly: false };
  if (roll === 2) return { text: `${indent}${random.pick(SHORT)}`, comment: false, keywordOnly: random.chance(0.5) };
  return { text: `${indent}${codeLine(random)}${trailing}`, comment: false, keywordOnly: false };
}

/** Re-indents, re-spaces or lightly edits a line, or renames one token in it. */
function variantOf(random: Random, line: GeneratedLine, rename: [string, string] | null): GeneratedLine {
  const text = line.text.trim();
  if (rename && text.includes(rename[0])) return { ...line, text: `${random.pick(INDENTS)}${text.split(rename[0]).join(rename[1])}` };
  switch (random.below(4)) {
    case 0:
      return { ...line, text: `${random.pick(INDENTS)}${text}` };
    case 1:
      // Only the spacing inside the line changes: still a whitespace-only edit.
      return { ...line, text: text.replace(' ', random.pick(['  ', '\t', ' \u00a0', '\u2003'])) };
    case 2:
      return { ...line, text: `${random.pick(INDENTS)}${text.replace(/\d+/, String(random.below(500)))}` };
    default:
      return { ...line, text: `${random.pick(INDENTS)}${text.slice(0, Math.max(1, text.length - 4))}${random.pick(['x);', 'y;', ''])}` };
  }
}

interface SimulatedFile {
  lines: GeneratedLine[];
}

/** One generated commit: the files handed to detection, and optional record-only files. */
export interface GeneratedCommit {
  files: OpsFile[];
  recordOnly: OpsFile[];
}

function toHunk(random: Random, removed: GeneratedLine[], added: GeneratedLine[]): OpsHunk | OpsTextHunk {
  if (random.chance(0.5)) {
    const line = (l: GeneratedLine): OpsLine => ({ text: l.text, comment: l.comment, keywordOnly: l.keywordOnly });
    return { removed: removed.map(line), added: added.map(line) };
  }
  const flags = (lines: GeneratedLine[]): Uint8Array => Uint8Array.from(lines, (l) => (l.comment ? 1 : 0) | (l.keywordOnly ? 2 : 0));
  return { removed: removed.map((l) => l.text), added: added.map((l) => l.text), removedFlags: flags(removed), addedFlags: flags(added) };
}

/**
 * Generates `commitCount` commits over a few evolving files. Each commit edits some files at
 * one to three places; an edit removes a run of lines and adds new lines, variants of the
 * removed ones (updates, re-indentation, renames), lines moved from another edit of the same
 * commit, or a block copied from another file.
 */
export function generateHistory(seed: number, commitCount: number): GeneratedCommit[] {
  const random = new Random(seed);
  const files: SimulatedFile[] = Array.from({ length: 4 }, () => ({
    lines: Array.from({ length: 10 + random.below(30) }, () => generatedLine(random)),
  }));
  const commits: GeneratedCommit[] = [];
  for (let c = 0; c < commitCount; c++) {
    const rename: [string, string] | null = random.chance(0.2) ? [random.pick(NAMES), random.pick(['renamed', 'other', 'λx'])] : null;
    const movedOut: GeneratedLine[] = [];
    const opsFiles: OpsFile[] = [];
    const recordOnly: OpsFile[] = [];
    if (random.chance(0.1)) {
      commits.push({ files: renameCommit(random, files), recordOnly: [] });
      continue;
    }
    for (const file of files) {
      if (!random.chance(0.6)) continue;
      const edits = 1 + random.below(3);
      const old = file.lines;
      // Distinct, sorted edit points, each removing a run that ends before the next point.
      const points = [...new Set(Array.from({ length: edits }, () => random.below(old.length + 1)))].sort((a, b) => a - b);
      const next: GeneratedLine[] = [];
      const hunks: Array<OpsHunk | OpsTextHunk> = [];
      const hunkNewStarts: number[] = [];
      let cursor = 0;
      points.forEach((point, k) => {
        const limit = k + 1 < points.length ? points[k + 1]! : old.length;
        const removeCount = Math.min(limit - point, random.below(6));
        next.push(...old.slice(cursor, point));
        const removed = old.slice(point, point + removeCount);
        const added: GeneratedLine[] = [];
        for (const line of removed) {
          // Commenting code out or back in keeps the text but flips the flag (no no-op pairing).
          if (random.chance(0.1)) added.push({ ...line, comment: !line.comment });
          else if (random.chance(0.25)) movedOut.push(line);
          else if (random.chance(0.6)) added.push(variantOf(random, line, rename));
        }
        const extra = random.below(4);
        for (let i = 0; i < extra; i++) added.push(generatedLine(random));
        if (movedOut.length > 0 && random.chance(0.4)) added.push(movedOut.shift()!);
        if (random.chance(0.15)) {
          const source = random.pick(files).lines;
          const from = random.below(Math.max(1, source.length - 6));
          added.push(...source.slice(from, from + 5 + random.below(4)));
        }
        if (random.chance(0.5)) added.sort(() => random.below(3) - 1);
        if (removed.length + added.length === 0) added.push(generatedLine(random));
        // git's newStart: the first added line, or the line before the gap of a pure deletion.
        hunkNewStarts.push(added.length > 0 ? next.length + 1 : next.length);
        next.push(...added);
        hunks.push(toHunk(random, removed, added));
        cursor = point + removeCount;
      });
      next.push(...old.slice(cursor));
      file.lines = next;
      const texts = next.map((l) => l.text);
      const opsFile: OpsFile = { hunks, newContent: null, hunkNewStarts };
      // The whole new version, or only lines around each hunk (as a caller without the file would send).
      if (random.chance(0.6)) opsFile.newContent = texts;
      else if (random.chance(0.7)) opsFile.hunkContexts = hunks.map((hunk, h) => contextRegion(random, texts, hunkNewStarts[h]!, hunk.added.length));
      (random.chance(0.1) ? recordOnly : opsFiles).push(opsFile);
    }
    commits.push({ files: opsFiles, recordOnly });
  }
  return commits;
}

/**
 * A commit that renames one identifier wherever it occurs (a find/replace): every line holding
 * it becomes a one-line hunk replacing it with the renamed line.
 */
function renameCommit(random: Random, files: SimulatedFile[]): OpsFile[] {
  const from = random.pick(NAMES);
  const to = random.pick(['renamedValue', 'other', 'λx']);
  const opsFiles: OpsFile[] = [];
  for (const file of files) {
    const hunks: Array<OpsHunk | OpsTextHunk> = [];
    const hunkNewStarts: number[] = [];
    file.lines = file.lines.map((line, index) => {
      if (!line.text.includes(from)) return line;
      const renamed = { ...line, text: line.text.split(from).join(to) };
      hunks.push(toHunk(random, [line], [renamed]));
      hunkNewStarts.push(index + 1);
      return renamed;
    });
    if (hunks.length > 0) opsFiles.push({ hunks, newContent: file.lines.map((l) => l.text), hunkNewStarts });
  }
  return opsFiles;
}

/** Up to 3–16 lines of the new version on each side of a hunk, like a preparer's context region. */
function contextRegion(random: Random, lines: readonly string[], newStart: number, addedCount: number): OpsContextRegion | null {
  if (random.chance(0.1)) return null;
  const margin = 3 + random.below(14);
  const first = addedCount > 0 ? newStart - 1 : newStart;
  const start = Math.max(0, first - margin);
  const end = Math.min(lines.length, first + addedCount + margin);
  return { start: start + 1, lines: lines.slice(start, end) };
}
