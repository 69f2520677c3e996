/**
 * The per-line facts the effective-code engine reads from a source analysis — which lines are
 * comment-only and the CCN of the innermost function around each line — in a compact form that
 * holds no strings. Why: the replay stage keeps the facts of every file's current version
 * between commits, and a {@link SourceAnalysis} carries function names that are slices of the
 * analysed text, which would keep a second copy of every file alive.
 */
import type { FunctionSpan, SourceAnalysis } from './types.js';

/** Comment-only lines and innermost-function CCN ranges of one file version. */
export interface LineFacts {
  lineCount: number;
  /** 1 at index (line-1) when the line holds only comment text (see {@link SourceAnalysis.commentOnly}). */
  commentOnly: Uint8Array;
  /**
   * Disjoint line ranges sorted by line, three entries each: first line, last line (1-based,
   * inclusive) and the CCN of the innermost function covering them.
   */
  ranges: Int32Array;
}

/**
 * Flattens spans sorted by start line (outer before inner when they start on the same line) into
 * disjoint ranges. A sweep keeps the stack of open spans; each stretch of lines goes to the top of
 * the stack.
 */
export function flattenFunctionSpans(functions: readonly FunctionSpan[]): Int32Array {
  const capacity = functions.length * 2 + 1;
  const ranges = new Int32Array(capacity * 3);
  let count = 0;
  const emit = (start: number, end: number, ccn: number): void => {
    if (end < start) return;
    if (count === capacity) return;
    ranges[count * 3] = start;
    ranges[count * 3 + 1] = end;
    ranges[count * 3 + 2] = ccn;
    count++;
  };
  const stack: FunctionSpan[] = [];
  let cursor = 1;
  for (const span of functions) {
    while (stack.length > 0 && stack[stack.length - 1]!.endLine < span.startLine) {
      const done = stack.pop()!;
      emit(cursor, done.endLine, done.ccn);
      cursor = Math.max(cursor, done.endLine + 1);
    }
    if (stack.length > 0) emit(cursor, span.startLine - 1, stack[stack.length - 1]!.ccn);
    cursor = Math.max(cursor, span.startLine);
    stack.push(span);
  }
  while (stack.length > 0) {
    const done = stack.pop()!;
    emit(cursor, done.endLine, done.ccn);
    cursor = Math.max(cursor, done.endLine + 1);
  }
  return count * 3 === ranges.length ? ranges : ranges.slice(0, count * 3);
}

/**
 * The compact facts of an analysis (its `commentOnly` array is shared, not copied).
 *
 * @example
 * const facts = lineFactsOf(analyseSource('Go', 'func f() {\n\tif x {\n\t}\n}\n'));
 * ccnAtLine(facts, 2); // 2
 */
export function lineFactsOf(analysis: SourceAnalysis): LineFacts {
  return { lineCount: analysis.lineCount, commentOnly: analysis.commentOnly, ranges: flattenFunctionSpans(analysis.functions) };
}

/**
 * CCN of the innermost function containing `line` (1-based), or null outside any function.
 * Binary search over the flattened ranges.
 *
 * @example
 * ccnAtLine(lineFactsOf(analyseSource('Go', 'func f() {\n}\n')), 1); // 1
 */
export function ccnAtLine(facts: LineFacts, line: number): number | null {
  const { ranges } = facts;
  let low = 0;
  let high = ranges.length / 3 - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle * 3 + 1]! < line) low = middle + 1;
    else if (ranges[middle * 3]! > line) high = middle - 1;
    else return ranges[middle * 3 + 2]!;
  }
  return null;
}

/**
 * {@link ccnAtLine} for the `into.length` consecutive lines from `firstLine`, written into `into`
 * with 0 outside any function: one binary search, then a walk along the ranges (a hunk's lines
 * are consecutive, so searching again for each is wasted work).
 *
 * @example
 * const ccn = new Int32Array(3);
 * fillCcnOfLines(facts, 10, ccn); // ccn[i] === (ccnAtLine(facts, 10 + i) ?? 0)
 */
export function fillCcnOfLines(facts: LineFacts, firstLine: number, into: Int32Array): void {
  const { ranges } = facts;
  const count = ranges.length / 3;
  // The first range that does not end before `firstLine`.
  let low = 0;
  let high = count;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ranges[middle * 3 + 1]! < firstLine) low = middle + 1;
    else high = middle;
  }
  let range = low;
  for (let i = 0; i < into.length; i++) {
    const line = firstLine + i;
    while (range < count && ranges[range * 3 + 1]! < line) range++;
    into[i] = range < count && ranges[range * 3]! <= line ? ranges[range * 3 + 2]! : 0;
  }
}
