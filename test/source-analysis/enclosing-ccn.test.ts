import { describe, expect, it } from 'vitest';
import {
  analyseSource,
  enclosingCcn,
  fillCcnOfLines,
  lineFactsOf,
  type FunctionSpan,
  type SourceAnalysis,
} from '../../pipeline/source-analysis/analyse-source.js';
import { lines } from './helpers.js';

function analysisOf(functions: FunctionSpan[], lineCount: number): SourceAnalysis {
  return { lineCount, commentOnly: new Uint8Array(lineCount), functions };
}

/** Innermost containing span by brute force: the last one (in analysis order) that contains the line. */
function bruteForce(functions: readonly FunctionSpan[], line: number): number | null {
  let ccn: number | null = null;
  for (const span of functions) if (span.startLine <= line && line <= span.endLine) ccn = span.ccn;
  return ccn;
}

describe('enclosingCcn', () => {
  it('returns the innermost function of a line, and null outside functions', () => {
    const code = lines(
      'const top = 1;', //                     1
      'function outer(a) {', //                2
      '  if (a) {}', //                        3
      '  const inner = () => {', //            4
      '    return a ? 1 : 2;', //              5
      '  };', //                               6
      '  return a && inner();', //             7
      '}', //                                  8
      'const bottom = 2;', //                  9
    );
    const analysis = analyseSource('JavaScript', code);
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((line) => enclosingCcn(analysis, line))).toEqual([null, 3, 3, 2, 2, 2, 3, 3, null]);
  });

  it('returns null for a file without functions and for lines out of range', () => {
    const analysis = analyseSource('Go', 'package a\n');
    expect(enclosingCcn(analysis, 1)).toBeNull();
    const go = analyseSource('Go', 'func f() {\n}\n');
    expect(enclosingCcn(go, 0)).toBeNull();
    expect(enclosingCcn(go, 3)).toBeNull();
  });

  it('agrees with a brute-force search on random nested spans', () => {
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 200; round++) {
      // Build properly nested spans by recursive splitting, then sort as the analysis does.
      const spans: FunctionSpan[] = [];
      const build = (from: number, to: number, depth: number): void => {
        let line = from;
        while (line <= to && depth < 4) {
          const start = line + random(4);
          const end = Math.min(to, start + random(12));
          if (start > to) break;
          spans.push({ name: 'f', startLine: start, endLine: end, ccn: 1 + random(20) });
          build(start + 1, end - 1, depth + 1);
          line = end + 1;
        }
      };
      build(1, 80, 0);
      spans.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
      const analysis = analysisOf(spans, 80);
      for (let line = 1; line <= 82; line++) expect(enclosingCcn(analysis, line)).toBe(bruteForce(spans, line));
      // The run-wise fill the replay uses gives the same, from any first line and length.
      const facts = lineFactsOf(analysis);
      const first = 1 + random(80);
      const run = new Int32Array(random(40));
      fillCcnOfLines(facts, first, run);
      expect([...run]).toEqual(Array.from(run, (_, i) => bruteForce(spans, first + i) ?? 0));
    }
  });

  it('prefers the function opened later when two start and end on the same line', () => {
    const analysis = analyseSource('JavaScript', 'run(() => { a && b; }, () => { c; });\n');
    expect(analysis.functions.map((f) => f.ccn)).toEqual([2, 1]);
    expect(enclosingCcn(analysis, 1)).toBe(1);
  });
});
