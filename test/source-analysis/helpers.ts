import { analyseSource } from '../../pipeline/source-analysis/analyse-source.js';

/** 1-based numbers of the comment-only lines of `code`. */
export function commentLines(language: string | null, code: string): number[] {
  const lines: number[] = [];
  analyseSource(language, code).commentOnly.forEach((flag, index) => {
    if (flag === 1) lines.push(index + 1);
  });
  return lines;
}

/** Functions of `code` as `[name, startLine, endLine, ccn]` tuples, in the analysis order. */
export function spans(language: string | null, code: string): Array<[string, number, number, number]> {
  return analyseSource(language, code).functions.map((f) => [f.name, f.startLine, f.endLine, f.ccn]);
}

/** Joins lines with `\n`, so samples read as code and line numbers are easy to count. */
export function lines(...source: string[]): string {
  return source.join('\n') + '\n';
}
