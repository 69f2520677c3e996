import { describe, expect, it } from 'vitest';
import { analyseOrThrow } from '../../pipeline/source-analysis/analyse.js';
import { analyseSource, supportsComplexity } from '../../pipeline/source-analysis/analyse-source.js';
import { lines, spans } from './helpers.js';

const COMPLEXITY_LANGUAGES = [
  'JavaScript', 'TypeScript', 'TSX', 'JSX', 'Java', 'Kotlin', 'Go', 'Python', 'C', 'C++', 'C#', 'Ruby', 'PHP',
  'Swift', 'Rust', 'Objective-C', 'Scala', 'Dart', 'Vue',
];
const COMMENT_ONLY_LANGUAGES = [
  'Shell', 'YAML', 'TOML', 'SQL', 'HTML', 'XML', 'CSS', 'SCSS', 'Less', 'Lua', 'Perl', 'R', 'Haskell', 'Elixir',
  'Erlang', 'Clojure', 'Lisp', 'Makefile', 'Dockerfile', 'HCL', 'PowerShell', 'Groovy', 'Batchfile', 'Fortran',
  'MATLAB', 'Julia', 'Nim', 'Zig', 'OCaml', 'F#', 'Visual Basic .NET',
];

/** Fragments that stress the lexers: unterminated literals, stray delimiters, odd nesting. */
const FRAGMENTS = [
  '{', '}', '(', ')', '[', ']', '"', "'", '`', '/*', '*/', '//', '#', '--', '<!--', '-->', '"""', "'''", '${', '#{',
  '\\(', '<<EOF\n', 'EOF\n', '<<~X\n', 'r#"', '"#', '=begin\n', '=end\n', '<div>', '</div>', '<?php', '?>', '\n', '\n\n',
  '\\\n', ' ', '\t', 'if', 'else', 'def ', 'function ', 'fn ', 'fun ', 'func ', 'class ', 'end', 'do', '=>', '->', '?', ':',
  '&&', '||', 'x', 'foo(', '1.5e-3', "'a'", '"s"', '/re/', '@"', '$"', 'f"', '%w[', 'case ', 'when ', 'match ',
  '\u00e9', '\u{1F600}', '\r\n', ';', ',', '.', '|', '^', '<', '>', '=', '@', '$', '\\', '%{', '#[', '[[', ']]',
];

describe('malformed input', () => {
  it('never throws and keeps spans inside the file for random fragment soup', () => {
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    for (let round = 0; round < 300; round++) {
      let text = '';
      const length = 1 + random(60);
      for (let i = 0; i < length; i++) text += FRAGMENTS[random(FRAGMENTS.length)];
      for (const language of [...COMPLEXITY_LANGUAGES, ...COMMENT_ONLY_LANGUAGES]) {
        const analysis = analyseOrThrow(language, text);
        expect(analysis.commentOnly).toHaveLength(analysis.lineCount);
        let previousStart = 0;
        for (const span of analysis.functions) {
          expect(span.startLine).toBeGreaterThanOrEqual(1);
          expect(span.endLine).toBeGreaterThanOrEqual(span.startLine);
          expect(span.endLine).toBeLessThanOrEqual(Math.max(1, analysis.lineCount));
          expect(span.startLine).toBeGreaterThanOrEqual(previousStart);
          expect(span.ccn).toBeGreaterThanOrEqual(1);
          previousStart = span.startLine;
        }
      }
    }
  });

  it('runs an unterminated string to the end of its line only, where strings are single-line', () => {
    const code = lines('function f() {', '  const s = "unterminated {', '  return 1;', '}', '// after');
    expect(spans('JavaScript', code)).toEqual([['f', 1, 4, 1]]);
  });

  it('closes unbalanced functions at the end of the file and ignores stray closers', () => {
    expect(spans('Java', lines('class A {', '  void f() {', '    if (x) {', '  }'))).toEqual([['f', 2, 4, 2]]);
    expect(spans('Go', lines('}', '}', 'func f() {', '}', ')'))).toEqual([['f', 3, 4, 1]]);
    expect(spans('Python', lines('def f(:', '    if (x', '        return'))).toEqual([['f', 1, 3, 2]]);
    expect(spans('Ruby', lines('end', 'def f', '  if x'))).toEqual([['f', 2, 3, 2]]);
  });

  it('handles empty text, a single newline and very long lines', () => {
    expect(analyseSource('Rust', '').functions).toEqual([]);
    expect(analyseSource('Rust', '\n').lineCount).toBe(1);
    const long = 'function f() { return ' + 'a + '.repeat(50_000) + '1; }\n';
    expect(spans('JavaScript', long)).toEqual([['f', 1, 1, 1]]);
  });

  it('survives deep nesting', () => {
    const deep = 'fn f() {' + '{'.repeat(5_000) + '}'.repeat(5_000) + '}\n';
    expect(spans('Rust', deep)).toEqual([['f', 1, 1, 1]]);
    const interpolations = 'const s = ' + '`${'.repeat(200) + '}`'.repeat(200) + ';\n';
    expect(() => analyseOrThrow('JavaScript', interpolations)).not.toThrow();
  });
});

describe('supportsComplexity', () => {
  it('is true for languages with function finders and false for comment-only or unknown ones', () => {
    for (const language of COMPLEXITY_LANGUAGES) expect(supportsComplexity(language), language).toBe(true);
    for (const language of COMMENT_ONLY_LANGUAGES) expect(supportsComplexity(language), language).toBe(false);
    expect(supportsComplexity(null)).toBe(false);
    expect(supportsComplexity('Klingon')).toBe(false);
    expect(supportsComplexity('toString')).toBe(false);
  });
});
