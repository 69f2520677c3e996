/**
 * Which lexical family and structure rules apply to a GitHub Linguist language name. Languages
 * without an entry of their own fall back on Linguist's editor mode (`aceMode`), which groups
 * languages by syntax closely enough to find their comments.
 */
import * as linguist from 'linguist-languages';
import { compileStructure, type CompiledStructure } from './keyword-roles.js';
import { LEXICAL_PROFILES, type LexicalFamily, type LexicalProfile } from './lexical-profiles.js';
import { STRUCTURE_PROFILES, type StructureKey } from './structure-profiles.js';

/** How a file of one language is analysed. */
export interface LanguageSpec {
  readonly lexical: LexicalProfile;
  /** Function and complexity rules; null for comment-only languages. */
  readonly structure: CompiledStructure | null;
  /** Files made of sections in other languages (`<script>`, `<style>`): analysed section by section. */
  readonly sections: 'component' | 'html' | null;
}

type Entry = readonly [LexicalFamily, StructureKey | null] | 'component' | 'html';

/** Languages with functions and complexity, and comment-only languages, by Linguist name. */
const LANGUAGES: Readonly<Record<string, Entry>> = {
  JavaScript: ['javascript', 'javascript'],
  JSX: ['javascript', 'javascript'],
  TypeScript: ['typescript', 'javascript'],
  TSX: ['javascript', 'javascript'],
  Java: ['java', 'java'],
  Kotlin: ['kotlin', 'kotlin'],
  Go: ['go', 'go'],
  Python: ['python', 'python'],
  C: ['c', 'c'],
  'C++': ['c', 'cpp'],
  Cuda: ['c', 'cpp'],
  'Objective-C': ['c', 'objectiveC'],
  'Objective-C++': ['c', 'objectiveCpp'],
  'C#': ['csharp', 'csharp'],
  Ruby: ['ruby', 'ruby'],
  PHP: ['php', 'php'],
  Swift: ['swift', 'swift'],
  Rust: ['rust', 'rust'],
  Scala: ['scala', 'scala'],
  Dart: ['dart', 'dart'],
  Vue: 'component',
  Svelte: 'component',
  HTML: 'html',
  Shell: ['shell', null],
  YAML: ['yaml', null],
  TOML: ['toml', null],
  SQL: ['sql', null],
  PLSQL: ['sql', null],
  PLpgSQL: ['sql', null],
  TSQL: ['sql', null],
  SQLPL: ['sql', null],
  HiveQL: ['sql', null],
  XML: ['markup', null],
  SVG: ['markup', null],
  Markdown: ['markup', null],
  CSS: ['css', null],
  SCSS: ['scss', null],
  Sass: ['scss', null],
  Less: ['scss', null],
  Stylus: ['scss', null],
  Lua: ['lua', null],
  Perl: ['perl', null],
  Raku: ['perl', null],
  R: ['r', null],
  Haskell: ['haskell', null],
  Elm: ['haskell', null],
  PureScript: ['haskell', null],
  Elixir: ['elixir', null],
  Erlang: ['erlang', null],
  Clojure: ['lisp', null],
  Lisp: ['lisp', null],
  'Common Lisp': ['lisp', null],
  'Emacs Lisp': ['lisp', null],
  Scheme: ['lisp', null],
  Racket: ['lisp', null],
  Makefile: ['makefile', null],
  Dockerfile: ['hashLineStart', null],
  HCL: ['hcl', null],
  PowerShell: ['powershell', null],
  Groovy: ['groovy', null],
  Gradle: ['groovy', null],
  'Gradle Kotlin DSL': ['kotlin', null],
  Batchfile: ['batch', null],
  Fortran: ['fortran', null],
  'Fortran Free Form': ['fortranFree', null],
  MATLAB: ['matlab', null],
  Julia: ['julia', null],
  Nim: ['nim', null],
  Zig: ['zig', null],
  OCaml: ['ocaml', null],
  'F#': ['ml', null],
  'Visual Basic .NET': ['visualBasic', null],
  VBA: ['visualBasic', null],
  VBScript: ['visualBasic', null],
  CMake: ['cmake', null],
  INI: ['ini', null],
  'Java Properties': ['ini', null],
  EditorConfig: ['ini', null],
  'Git Config': ['ini', null],
  JSON: ['json', null],
  'JSON with Comments': ['cLikeComments', null],
  JSON5: ['cLikeComments', null],
  'Protocol Buffer': ['cLikeComments', null],
  Solidity: ['cLikeComments', null],
  Starlark: ['python', null],
  Crystal: ['ruby', null],
  GraphQL: ['hash', null],
  Nix: ['hash', null],
  Puppet: ['hash', null],
  Tcl: ['hash', null],
  Awk: ['hash', null],
  'Ignore List': ['hash', null],
  'Git Attributes': ['hash', null],
  Ada: ['dashDash', null],
  VHDL: ['dashDash', null],
  Pascal: ['pascal', null],
  Assembly: ['assembly', null],
};

/** Linguist editor modes mapped to a lexical family, for languages not listed above. */
const FAMILY_BY_EDITOR_MODE: Readonly<Record<string, LexicalFamily>> = {
  c_cpp: 'cLikeComments',
  java: 'cLikeComments',
  csharp: 'cLikeComments',
  javascript: 'cLikeComments',
  typescript: 'cLikeComments',
  tsx: 'cLikeComments',
  kotlin: 'cLikeComments',
  swift: 'cLikeComments',
  scala: 'cLikeComments',
  golang: 'cLikeComments',
  rust: 'cLikeComments',
  dart: 'cLikeComments',
  groovy: 'groovy',
  objectivec: 'cLikeComments',
  d: 'cLikeComments',
  glsl: 'cLikeComments',
  verilog: 'cLikeComments',
  protobuf: 'cLikeComments',
  apex: 'cLikeComments',
  haxe: 'cLikeComments',
  actionscript: 'cLikeComments',
  json5: 'cLikeComments',
  scad: 'cLikeComments',
  vala: 'cLikeComments',
  odin: 'cLikeComments',
  zig: 'zig',
  python: 'python',
  ruby: 'ruby',
  crystal: 'ruby',
  sh: 'shell',
  perl: 'perl',
  raku: 'perl',
  sql: 'sql',
  pgsql: 'sql',
  plsql: 'sql',
  html: 'markup',
  xml: 'markup',
  svg: 'markup',
  markdown: 'markup',
  css: 'css',
  scss: 'scss',
  less: 'scss',
  sass: 'scss',
  stylus: 'scss',
  lua: 'lua',
  lisp: 'lisp',
  clojure: 'lisp',
  scheme: 'lisp',
  haskell: 'haskell',
  elm: 'haskell',
  ocaml: 'ocaml',
  fsharp: 'ml',
  erlang: 'erlang',
  elixir: 'elixir',
  yaml: 'yaml',
  toml: 'toml',
  ini: 'ini',
  properties: 'ini',
  dockerfile: 'hashLineStart',
  makefile: 'makefile',
  terraform: 'hcl',
  powershell: 'powershell',
  batchfile: 'batch',
  fortran: 'fortranFree',
  matlab: 'matlab',
  julia: 'julia',
  nim: 'nim',
  r: 'r',
  tcl: 'hash',
  nix: 'hash',
  puppet: 'hash',
  graphqlschema: 'hash',
  gitignore: 'hash',
  coffee: 'hash',
  nginx: 'hash',
  apache_conf: 'hash',
  vbscript: 'visualBasic',
  ada: 'dashDash',
  vhdl: 'dashDash',
  pascal: 'pascal',
  assembly_x86: 'assembly',
  json: 'json',
};

const linguistLanguages = linguist as unknown as Readonly<Record<string, { readonly aceMode?: string } | undefined>>;

const resolved = new Map<string, LanguageSpec | null>();

function specOf(entry: Entry): LanguageSpec {
  if (entry === 'component' || entry === 'html') {
    return { lexical: LEXICAL_PROFILES.markup, structure: null, sections: entry };
  }
  const [family, structure] = entry;
  return {
    lexical: LEXICAL_PROFILES[family],
    structure: structure === null ? null : compileStructure(STRUCTURE_PROFILES[structure]),
    sections: null,
  };
}

/**
 * How to analyse `language` (a Linguist name), or null when its syntax is unknown: then no line
 * is taken for a comment and no function is found.
 *
 * @example
 * resolveLanguage('TypeScript')?.structure !== null; // true
 * resolveLanguage('Shell')?.structure; // null: comments only
 */
export function resolveLanguage(language: string | null): LanguageSpec | null {
  if (language === null) return null;
  const cached = resolved.get(language);
  if (cached !== undefined) return cached;
  let spec: LanguageSpec | null = null;
  const entry = Object.hasOwn(LANGUAGES, language) ? LANGUAGES[language] : undefined;
  if (entry !== undefined) {
    spec = specOf(entry);
  } else {
    const mode = linguistLanguages[language]?.aceMode;
    const family = mode !== undefined && Object.hasOwn(FAMILY_BY_EDITOR_MODE, mode) ? FAMILY_BY_EDITOR_MODE[mode] : undefined;
    if (family !== undefined) spec = specOf([family, null]);
  }
  resolved.set(language, spec);
  return spec;
}
