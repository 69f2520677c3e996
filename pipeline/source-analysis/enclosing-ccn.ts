/**
 * Answers "which function is this line in?" in O(log n). Nested spans are flattened once per
 * analysis into disjoint line ranges, each carrying its innermost function's CCN; the ranges
 * are cached per analysis object.
 */
import type { FunctionSpan, SourceAnalysis } from './types.js';

/** Disjoint, sorted line ranges with the CCN of the innermost function covering each. */
interface LineRanges {
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly ccns: Int32Array;
  readonly count: number;
}

const rangesByAnalysis = new WeakMap<SourceAnalysis, LineRanges>();

/**
 * Flattens spans sorted by start line (outer before inner when they start on the same line).
 * A sweep keeps the stack of open spans; each stretch of lines goes to the top of the stack.
 */
function flatten(functions: readonly FunctionSpan[]): LineRanges {
  const capacity = functions.length * 2 + 1;
  const starts = new Int32Array(capacity);
  const ends = new Int32Array(capacity);
  const ccns = new Int32Array(capacity);
  let count = 0;
  const emit = (start: number, end: number, ccn: number): void => {
    if (end < start) return;
    if (count === starts.length) return;
    starts[count] = start;
    ends[count] = end;
    ccns[count] = ccn;
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
  return { starts, ends, ccns, count };
}

/**
 * CCN of the innermost function containing `line` (1-based), or null when the line is outside
 * any function. Binary search; O(log n) after a one-time O(n) flattening per analysis.
 *
 * @example
 * enclosingCcn(analyseSource('Go', 'func f() {\n\tif x {\n\t}\n}\n'), 2); // 2
 */
export function enclosingCcn(analysis: SourceAnalysis, line: number): number | null {
  if (analysis.functions.length === 0) return null;
  let ranges = rangesByAnalysis.get(analysis);
  if (!ranges) {
    ranges = flatten(analysis.functions);
    rangesByAnalysis.set(analysis, ranges);
  }
  let low = 0;
  let high = ranges.count - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    if (ranges.ends[middle]! < line) low = middle + 1;
    else if (ranges.starts[middle]! > line) high = middle - 1;
    else return ranges.ccns[middle]!;
  }
  return null;
}
