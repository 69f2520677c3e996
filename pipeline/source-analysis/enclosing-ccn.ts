/**
 * Answers "which function is this line in?" in O(log n). Nested spans are flattened once per
 * analysis into disjoint line ranges, each carrying its innermost function's CCN; the ranges
 * are cached per analysis object.
 */
import { ccnAtLine, lineFactsOf, type LineFacts } from './line-facts.js';
import type { SourceAnalysis } from './types.js';

const factsByAnalysis = new WeakMap<SourceAnalysis, LineFacts>();

/**
 * CCN of the innermost function containing `line` (1-based), or null when the line is outside
 * any function. Binary search; O(log n) after a one-time O(n) flattening per analysis.
 *
 * @example
 * enclosingCcn(analyseSource('Go', 'func f() {\n\tif x {\n\t}\n}\n'), 2); // 2
 */
export function enclosingCcn(analysis: SourceAnalysis, line: number): number | null {
  if (analysis.functions.length === 0) return null;
  let facts = factsByAnalysis.get(analysis);
  if (!facts) {
    facts = lineFactsOf(analysis);
    factsByAnalysis.set(analysis, facts);
  }
  return ccnAtLine(facts, line);
}
