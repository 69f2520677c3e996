/**
 * Source analysis for the effective-code engine: which lines are comment-only, which functions
 * a file version holds and how complex each is (metrics.md §1, gate rows 2–3 and Complexity).
 *
 * Languages are GitHub Linguist names. Functions and cyclomatic complexity are found for
 * JavaScript, TypeScript, TSX, Java, Kotlin, Go, Python, C, C++, C#, Objective-C, Ruby, PHP,
 * Swift, Rust, Scala, Dart and the script part of Vue and Svelte components; comment-only lines
 * for those and for many more (see `language-registry.ts`).
 */
import { analyseOrThrow, countLines } from './analyse.js';
import { resolveLanguage } from './language-registry.js';
import type { SourceAnalysis } from './types.js';

export type { FunctionSpan, SourceAnalysis } from './types.js';
export { enclosingCcn } from './enclosing-ccn.js';
export { ccnAtLine, fillCcnOfLines, lineFactsOf, type LineFacts } from './line-facts.js';
export { complexityWeight, DEFAULT_COMPLEXITY_WEIGHT, type ComplexityWeightParams } from './complexity-weight.js';
export { isKeywordOnlyLine, isKeywordOnlyRawLine } from './keyword-only-line.js';

/**
 * Analyses one version of a file: line count, comment-only lines and functions with their
 * cyclomatic complexity. Never throws: malformed input (unterminated strings or comments,
 * unbalanced braces) yields fewer functions, not an error.
 *
 * @example
 * const analysis = analyseSource('TypeScript', 'function f(a: number) {\n  // note\n  return a > 0 ? a : -a;\n}\n');
 * analysis.commentOnly; // Uint8Array [0, 1, 0, 0]
 * analysis.functions; // [{ name: 'f', startLine: 1, endLine: 4, ccn: 2 }]
 *
 * `lineCount`, when the caller already knows it, must equal `countLines(text)`; it saves a pass
 * over the text.
 */
export function analyseSource(language: string | null, text: string, lineCount?: number): SourceAnalysis {
  try {
    return analyseOrThrow(language, text, lineCount);
  } catch {
    // A defect in the analysis must not stop a whole history run: treat the file as having no
    // comment lines and no functions (complexity weight 1.0), as for an unknown language.
    lineCount ??= countLines(text);
    return { lineCount, commentOnly: new Uint8Array(lineCount), functions: [] };
  }
}

/**
 * True when functions and complexity are computed for `language`; otherwise only comment-only
 * lines are found (or nothing, for unknown languages).
 *
 * @example
 * supportsComplexity('Kotlin'); // true
 * supportsComplexity('YAML'); // false
 */
export function supportsComplexity(language: string | null): boolean {
  const spec = resolveLanguage(language);
  return spec !== null && (spec.structure !== null || spec.sections === 'component');
}
