import { describe, expect, it } from 'vitest';
import { analyseSource } from '../../pipeline/source-analysis/analyse-source.js';
import { commentLines, lines } from './helpers.js';

describe('line counting', () => {
  it('counts lines as git does', () => {
    expect(analyseSource('Go', '').lineCount).toBe(0);
    expect(analyseSource('Go', 'a').lineCount).toBe(1);
    expect(analyseSource('Go', 'a\nb').lineCount).toBe(2);
    expect(analyseSource('Go', 'a\nb\n').lineCount).toBe(2);
    expect(analyseSource('Go', '\n\n').lineCount).toBe(2);
    expect(analyseSource('Go', 'a\r\nb\r\n').commentOnly).toHaveLength(2);
  });

  it('returns no comments and no functions for unknown languages', () => {
    const analysis = analyseSource('No Such Language', '# looks like a comment\n// so does this\n');
    expect(analysis.lineCount).toBe(2);
    expect(Array.from(analysis.commentOnly)).toEqual([0, 0]);
    expect(analysis.functions).toEqual([]);
    expect(commentLines(null, '// x\n')).toEqual([]);
  });
});

describe('C-like comments', () => {
  it('marks line comments, block comments across lines, and leaves blank lines and code alone', () => {
    const code = lines(
      '// header', //          1 comment
      '/*', //                  2 comment
      ' * describes f', //      3 comment
      '', //                    4 blank inside the block: not a comment line
      ' */', //                 5 comment
      'int f(void) { // trailing', // 6 code with a trailing comment
      '  return 1; /* x */', // 7 code
      '  /* a */ /* b */', //   8 comment
      '  /* a */ x = 1;', //    9 code after a comment
      '}', //                   10
    );
    expect(commentLines('C', code)).toEqual([1, 2, 3, 5, 8]);
  });

  it('ignores comment markers inside strings and character literals', () => {
    const code = lines(
      'const char *s = "// not a comment";',
      "char c = '/';",
      'const char *t = "/* still a string */";',
      '// real',
    );
    expect(commentLines('C', code)).toEqual([4]);
  });

  it('continues a C++ line comment after a trailing backslash', () => {
    expect(commentLines('C++', lines('// first \\', 'second', 'int x;'))).toEqual([1, 2]);
  });

  it('treats an unterminated block comment as running to the end of the file', () => {
    expect(commentLines('Java', lines('int x;', '/* open', 'still comment'))).toEqual([2, 3]);
  });

  it('handles nested block comments where the language nests them', () => {
    const code = lines('/* outer', '/* inner */', 'still outer */', 'fn main() {}');
    expect(commentLines('Rust', code)).toEqual([1, 2, 3]);
    // In C the first `*/` closes the comment, so line 3 is code.
    expect(commentLines('C', code)).toEqual([1, 2]);
  });
});

describe('JavaScript and TypeScript', () => {
  it('does not see comments inside template literals, including nested interpolations', () => {
    const code = lines(
      'const a = `line one',
      '// inside the template',
      '${ b ? `nested // ${c}` : "}" }',
      '/* also inside */`;',
      '// after',
    );
    expect(commentLines('TypeScript', code)).toEqual([5]);
  });

  it('tells regex literals from division', () => {
    const code = lines('const r = /\\/\\/ not a comment/g;', 'const half = a / b; // real', '// real');
    expect(commentLines('JavaScript', code)).toEqual([3]);
  });

  it('reads JSX text and comments in expression containers', () => {
    const code = lines(
      'const view = (',
      '  <div title="a // b">',
      "    Don't panic",
      '    {/* a JSX comment */}',
      '  </div>',
      ');',
      '// after',
    );
    expect(commentLines('JavaScript', code)).toEqual([4, 7]);
    expect(commentLines('TSX', code)).toEqual([4, 7]);
  });
});

describe('Python', () => {
  it('treats docstrings and string statements as comments, other strings as code', () => {
    const code = lines(
      '"""Module docstring', //  1
      '', //                     2 blank
      'spans lines."""', //      3
      'def f(x):', //            4
      "    '''Doc.'''  # note", // 5 a docstring plus a comment
      '    s = """not', //        6
      '# inside a string', //    7
      '"""', //                  8
      '    return "#"  # real', // 9
      '    # comment', //         10
      '    r"""raw docstring"""', // 11
      '    x = ("a"', //          12
      '         "b")', //         13 continuation, not a statement of its own
    );
    expect(commentLines('Python', code)).toEqual([1, 3, 5, 10, 11]);
  });

  it('reads f-string interpolations as code, with format specs that contain `#`', () => {
    const code = lines('s = f"""{x:#x} {y!r:>{width}}', '# inside the string', '{ {1: 2}[1] }"""', '# after');
    expect(commentLines('Python', code)).toEqual([4]);
  });

  it('keeps a hash inside strings out of comments', () => {
    expect(commentLines('Python', lines('x = "# no"', "y = '# no'", '# yes'))).toEqual([3]);
  });
});

describe('hash-comment families', () => {
  it('shell: `$#` and `${#x}` are not comments, heredoc bodies are text', () => {
    const code = lines(
      '#!/bin/sh', //            1
      'echo $# ${#args}', //     2
      'cat <<EOF', //            3
      '# not a comment', //      4
      'EOF', //                  5
      'echo "a # b" # real', //  6
      '  # indented comment', // 7
      'echo a#b', //             8
    );
    expect(commentLines('Shell', code)).toEqual([1, 7]);
  });

  it('Ruby: =begin/=end blocks, heredocs and interpolation', () => {
    const code = lines(
      '=begin', //               1
      'documentation', //        2
      '=end', //                 3
      'x = <<~TEXT', //          4
      '  # text', //             5
      'TEXT', //                 6
      'y = "#{a} # no"', //      7
      '# yes', //                8
    );
    expect(commentLines('Ruby', code)).toEqual([1, 2, 3, 8]);
  });

  it('YAML: `#` starts a comment only after a blank; quotes only open strings at values', () => {
    const code = lines("key: it's fine # note", 'url: http://x/#anchor', '# comment', 'q: "a # b"', '  # indented');
    expect(commentLines('YAML', code)).toEqual([3, 5]);
  });

  it('Dockerfile: only lines starting with `#` are comments', () => {
    expect(commentLines('Dockerfile', lines('# c', 'RUN echo "#" # no', '  # yes'))).toEqual([1, 3]);
  });

  it('Perl POD and PHP hash comments, but not PHP attributes', () => {
    expect(commentLines('Perl', lines('my $n = $#list;', '=pod', 'docs', '=cut', '# c'))).toEqual([2, 3, 4, 5]);
    expect(commentLines('PHP', lines('<?php', '# c', '#[Route("/x")]', '// c', 'echo "#";'))).toEqual([2, 4]);
  });
});

describe('other families', () => {
  it('SQL line and block comments', () => {
    expect(commentLines('SQL', lines('-- c', "SELECT '--' AS x; -- t", '/* a', 'b */', 'SELECT 1;'))).toEqual([1, 3, 4]);
  });

  it('Lua long comments and long strings', () => {
    const code = lines('--[[ a', 'b ]]', 'local s = [[', '-- text', ']]', '-- c', '--[==[ x ]==]');
    expect(commentLines('Lua', code)).toEqual([1, 2, 6, 7]);
  });

  it('Haskell: nested block comments and `-->` operators', () => {
    const code = lines('{- a {- b -} c -}', 'x --> y', '-- c', 'main = pure ()');
    expect(commentLines('Haskell', code)).toEqual([1, 3]);
  });

  it('markup: HTML comments', () => {
    expect(commentLines('XML', lines('<a>', '<!-- c', 'd -->', "<b>don't</b>", '</a>'))).toEqual([2, 3]);
  });

  it('CSS and SCSS: URLs are not comments', () => {
    expect(commentLines('SCSS', lines('a { background: url(http://x/y.png); }', '// c', '/* d */'))).toEqual([2, 3]);
    expect(commentLines('CSS', lines('/* c */', 'a { color: red; }'))).toEqual([1]);
  });

  it('Lisp, Erlang, MATLAB, Batch and Visual Basic markers', () => {
    expect(commentLines('Clojure', lines('; c', '(def a "; no")', '(def b \\;)'))).toEqual([1]);
    expect(commentLines('Erlang', lines('% c', 'f() -> "%".'))).toEqual([1]);
    expect(commentLines('MATLAB', lines('% c', "x = a';", "s = 'it''s % no';"))).toEqual([1]);
    expect(commentLines('Batchfile', lines('REM c', '@rem c', ':: c', 'echo REM'))).toEqual([1, 2, 3]);
    expect(commentLines('Visual Basic .NET', lines("' c", 'Dim s = "\'no"', 'REM c'))).toEqual([1, 3]);
  });

  it('falls back on the Linguist editor mode for languages without an entry', () => {
    // Gentoo Ebuild is shell-like in Linguist (ace mode `sh`).
    expect(commentLines('Gentoo Ebuild', lines('# c', 'x=1'))).toEqual([1]);
  });
});

describe('strings that hide comment markers and braces', () => {
  // Each sample is built so that mis-reading the string would turn a later line into a comment
  // (or a comment into code), which the expected comment lines would then show.
  it('Kotlin raw strings with interpolation, Java text blocks, Go raw strings', () => {
    expect(commentLines('Kotlin', lines('val s = """', '// text ${a.b { it }}', '"""', '// c'))).toEqual([4]);
    expect(commentLines('Java', lines('String s = """', '  /* text */', '  """;', '// c'))).toEqual([4]);
    expect(commentLines('Go', lines('s := `', '// text', '`', '// c'))).toEqual([4]);
  });

  it('Swift raw strings and interpolation', () => {
    expect(commentLines('Swift', lines('let s = #"a"/*"#', 'let u = 1', '// c'))).toEqual([3]);
    expect(commentLines('Swift', lines('let t = "\\(f("/* no"))"', 'let u = 1', '// c'))).toEqual([3]);
  });

  it('C# verbatim and interpolated strings', () => {
    expect(commentLines('C#', lines('var p = @"first', '// inside', '";', '// c'))).toEqual([4]);
    expect(commentLines('C#', lines('var s = $"{(a ? "/*" : "b")} {{x}}";', 'int x = 1;', '// c'))).toEqual([3]);
  });

  it('PHP heredocs, Ruby percent literals and Rust raw byte strings', () => {
    expect(commentLines('PHP', lines('<?php', '$s = <<<EOT', '// text {$x}', 'EOT;', '# c'))).toEqual([5]);
    expect(commentLines('Ruby', lines('words = %w[', '# not a comment', ']', '# c'))).toEqual([4]);
    expect(commentLines('Rust', lines('let b = br#"a"/*"#;', 'let c = 1;', '// c'))).toEqual([3]);
  });
});

describe('components', () => {
  it('analyses Vue template, script and style sections each in their own syntax', () => {
    const code = lines(
      '<template>', //                         1
      '  <!-- note -->', //                     2
      "  <p>it's // not a comment</p>", //      3
      '</template>', //                         4
      '<script lang="ts">', //                  5
      '// script comment', //                   6
      "const s = '<!-- no -->';", //            7
      '</script>', //                           8
      '<style>', //                             9
      '/* style comment */', //                 10
      '</style>', //                            11
    );
    expect(commentLines('Vue', code)).toEqual([2, 6, 10]);
  });
});
