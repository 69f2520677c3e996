/**
 * Edits a file the way people do: replace, add or remove a few statements inside a function,
 * add a function, rewrite one. Statements are replaced whole and blocks stay balanced, so the
 * code remains well formed and complexity analysis keeps working on it.
 */

import { indentOf, type CodeWriter, type LineRange } from './code-writer.js';
import type { LineEditor } from './line-editor.js';
import type { SeededRandom } from './seeded-random.js';

const EDIT_WEIGHTS = { replace: 45, insert: 35, remove: 20 } as const;

/** The function range containing `line`, or the nearest one before it. */
function rangeNear(ranges: readonly LineRange[], line: number): LineRange {
  let best = ranges[0]!;
  for (const range of ranges) {
    if (range.start <= line) best = range;
    else break;
  }
  return best;
}

/** First statement line at or after a random point of [from, to], wrapping once; -1 if none. */
function findStatement(random: SeededRandom, lines: readonly string[], writer: CodeWriter, from: number, to: number, near?: number): number {
  if (to < from) return -1;
  const span = to - from + 1;
  const offset = near !== undefined && near >= from && near <= to ? near - from : Math.floor(random.float() * span);
  // Why the cap: a 3,000-line file without statements would otherwise be scanned on every edit.
  const limit = Math.min(span, 400);
  for (let step = 0; step < limit; step++) {
    const index = from + ((offset + step) % span);
    if (writer.isStatement(lines[index]!)) return index;
  }
  return -1;
}

/** Length of the run of statements at `index` sharing its indentation (at most `max`). */
function statementRun(lines: readonly string[], writer: CodeWriter, index: number, max: number): number {
  const indent = indentOf(lines[index]!);
  let length = 1;
  while (length < max) {
    const next = lines[index + length];
    if (next === undefined || !writer.isStatement(next) || indentOf(next) !== indent) break;
    length++;
  }
  return length;
}

/**
 * Changes a few statements in one place; returns the line index edited. `near` aims the edit
 * at a line (churn on recently written code).
 */
export function editStatements(random: SeededRandom, editor: LineEditor, writer: CodeWriter, unit: string, near?: number): number {
  const lines = editor.lines;
  const ranges = writer.functionRanges(lines, unit);
  let from = 0;
  let to = lines.length - 1;
  if (ranges.length > 0) {
    const range = near !== undefined ? rangeNear(ranges, near) : random.pick(ranges);
    from = range.start + 1;
    to = range.end - 1;
  }
  const index = findStatement(random, lines, writer, from, to, near);
  if (index < 0) return addFunction(random, editor, writer, unit);
  const indent = indentOf(lines[index]!);
  const operation = random.weighted(EDIT_WEIGHTS);
  if (operation === 'insert') {
    editor.splice(index + 1, 0, writer.statements(random, indent, unit, random.int(1, 3)));
    return index + 1;
  }
  const run = statementRun(lines, writer, index, random.int(1, 3));
  // A removal keeps the statement above it, so no block is left empty (Python forbids that).
  const previous = index > 0 ? lines[index - 1]! : '';
  if (operation === 'remove' && writer.isStatement(previous) && indentOf(previous) === indent) {
    editor.splice(index, run, []);
    return index;
  }
  editor.splice(index, run, writer.statements(random, indent, unit, random.int(1, 3)));
  return index;
}

/** Adds a new function after a random existing one (or at the end); returns its first line. */
export function addFunction(random: SeededRandom, editor: LineEditor, writer: CodeWriter, unit: string): number {
  const lines = editor.lines;
  const ranges = writer.functionRanges(lines, unit);
  if (ranges.length === 0) {
    const at = writer.appendIndex(lines);
    const indent = writer.language === 'java' ? unit : '';
    editor.splice(at, 0, ['', ...writer.newFunction(random, indent, unit)]);
    return at + 1;
  }
  const after = random.pick(ranges);
  // Annotations and doc comments share the header's indentation, so the range start tells it.
  const indent = indentOf(lines[after.start]!);
  editor.splice(after.end + 1, 0, ['', ...writer.newFunction(random, indent, unit)]);
  return after.end + 2;
}

/** Replaces a random function by a newly written one; returns its first line or -1 when there is none. */
export function rewriteFunction(random: SeededRandom, editor: LineEditor, writer: CodeWriter, unit: string): number {
  const ranges = writer.functionRanges(editor.lines, unit);
  if (ranges.length === 0) return -1;
  const range = random.pick(ranges);
  editor.splice(range.start, range.end - range.start + 1, writer.newFunction(random, indentOf(editor.lines[range.start]!), unit));
  return range.start;
}

/** Removes the lines of `range` plus the blank line above it. */
export function removeRange(editor: LineEditor, range: LineRange): void {
  const start = range.start > 0 && editor.lines[range.start - 1] === '' ? range.start - 1 : range.start;
  editor.splice(start, range.end - start + 1, []);
}

/** Inserts a block of whole functions after a random function (or at the end) of the editor's file. */
export function insertFunctions(random: SeededRandom, editor: LineEditor, writer: CodeWriter, unit: string, block: readonly string[]): void {
  const ranges = writer.functionRanges(editor.lines, unit);
  // Python: a top-level block dropped between a class's methods would end the class early.
  const at = ranges.length > 0 && writer.language !== 'python' ? random.pick(ranges).end + 1 : writer.appendIndex(editor.lines);
  editor.splice(at, 0, ['', ...block]);
}

/**
 * Re-indents every line from `fromUnit` to `toUnit` and strips trailing blanks: a
 * whitespace-only reformat.
 */
export function reindent(lines: readonly string[], fromUnit: string, toUnit: string): string[] {
  const out = new Array<string>(lines.length);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    let level = 0;
    let position = 0;
    while (line.startsWith(fromUnit, position)) {
      level++;
      position += fromUnit.length;
    }
    out[i] = (level > 0 ? toUnit.repeat(level) + line.slice(position) : line).trimEnd();
  }
  return out;
}
