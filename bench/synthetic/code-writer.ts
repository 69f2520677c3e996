/**
 * The interface every language writer implements: write new files and functions, and tell
 * where the functions and statements of an existing file are, so edits keep code well formed.
 */

import type { Language } from './source-file.js';
import type { SeededRandom } from './seeded-random.js';

/** What a new file is about and how big it should be. */
export interface FileSpec {
  /** Words naming the file's main concept, e.g. `['invoice', 'list']`. */
  subject: readonly string[];
  role: 'source' | 'test';
  /** Approximate number of lines wanted. */
  targetLines: number;
  indentUnit: string;
  /** Java package or Go package the file belongs to (ignored by other languages). */
  packageName: string;
}

/** An inclusive range of line indexes. */
export interface LineRange {
  start: number;
  end: number;
}

/** Writes and reads one language. */
export interface CodeWriter {
  readonly language: Language;
  /** Indentation unit new files of this language use. */
  readonly defaultIndent: string;
  /** Lines of a new file. */
  newFile(random: SeededRandom, spec: FileSpec): string[];
  /** A new function (or section, for data languages) whose first line is indented by `indent`. */
  newFunction(random: SeededRandom, indent: string, unit: string): string[];
  /** A balanced run of about `count` statements, indented by `indent`. */
  statements(random: SeededRandom, indent: string, unit: string, count: number): string[];
  /**
   * Ranges of whole functions (including leading annotations and doc comments); edits to
   * statements stay inside them and moves/copies take them whole.
   */
  functionRanges(lines: readonly string[], unit: string): LineRange[];
  /** Whether a line is one complete statement that can be replaced or removed on its own. */
  isStatement(line: string): boolean;
  /** Index at which a new function goes when the file has no function to put it after. */
  appendIndex(lines: readonly string[]): number;
}

/** Leading whitespace of a line. */
export function indentOf(line: string): string {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === 32 || line.charCodeAt(i) === 9)) i++;
  return line.slice(0, i);
}

/** Whether `line` is indented by exactly `unit` (one level) and has content after it. */
export function isAtFirstLevel(line: string, unit: string): boolean {
  if (!line.startsWith(unit)) return false;
  const next = line.charCodeAt(unit.length);
  return next !== 32 && next !== 9 && !Number.isNaN(next);
}

/** Whether the brackets of one line balance (so the line is a statement on its own). */
export function bracketsBalance(line: string): boolean {
  let round = 0;
  let curly = 0;
  let square = 0;
  for (let i = 0; i < line.length; i++) {
    switch (line.charCodeAt(i)) {
      case 40: round++; break; // (
      case 41: round--; break; // )
      case 123: curly++; break; // {
      case 125: curly--; break; // }
      case 91: square++; break; // [
      case 93: square--; break; // ]
    }
  }
  return round === 0 && curly === 0 && square === 0;
}

/**
 * Moves a range's start up over the annotations and doc comments directly above it, so a
 * moved or copied function takes them along.
 */
export function includeLeadingDecorations(lines: readonly string[], start: number): number {
  let first = start;
  while (first > 0) {
    const above = lines[first - 1]!.trimStart();
    if (above.startsWith('@') || above.startsWith('//') || above.startsWith('/**') || above.startsWith('* ') || above === '*' || above.startsWith('*/')) first--;
    else break;
  }
  return first;
}
