/**
 * Gate row 3 (metrics.md §1): lines made only of punctuation and structural keywords — words
 * that delimit or continue a block without carrying logic of their own (`end`, `else`, `fi`,
 * `} else {`, `pass`). Statements such as `return;`, `break;` and `continue;` change control
 * flow and are not in these lists; neither are decision keywords (`} else if (x) {` counts).
 */
import { resolveLanguage } from './language-registry.js';
import type { LexicalFamily } from './lexical-profiles.js';

/** Structural words of one family. */
interface StructuralWords {
  readonly words: ReadonlySet<string>;
  /** Length of the longest word (a longer word is not structural, whatever it is). */
  readonly maxLength: number;
  /** The family's keywords are case-insensitive (SQL, Visual Basic, Fortran, CMake, batch files). */
  readonly caseInsensitive: boolean;
}

function words(list: readonly string[], caseInsensitive = false): StructuralWords {
  return { words: new Set(list), maxLength: Math.max(0, ...list.map((word) => word.length)), caseInsensitive };
}

const C_FAMILY = ['else', 'do', 'try', 'finally', 'default', 'catch'] as const;

const C_WORDS = words(C_FAMILY);
const FORTRAN_WORDS = words(
  ['end', 'else', 'endif', 'enddo', 'contains', 'do', 'if', 'subroutine', 'function', 'program', 'module', 'select', 'type', 'interface'],
  true,
);
// Visual Basic closes blocks with `End If`, `End Sub`, `Next`, `Loop`, … so those words are structural there.
const VISUAL_BASIC_WORDS = words(
  [
    ...['end', 'else', 'next', 'loop', 'wend', 'sub', 'function', 'if', 'select', 'class', 'module', 'property'],
    ...['try', 'catch', 'finally', 'with', 'namespace', 'structure', 'enum', 'interface', 'get', 'set', 'using', 'while'],
  ],
  true,
);

/** Structural words by lexical family; families not listed have none (punctuation-only lines still count). */
const STRUCTURAL_WORDS: Partial<Record<LexicalFamily, StructuralWords>> = {
  javascript: C_WORDS,
  typescript: C_WORDS,
  java: C_WORDS,
  c: C_WORDS,
  csharp: C_WORDS,
  go: C_WORDS,
  dart: C_WORDS,
  groovy: C_WORDS,
  cLikeComments: C_WORDS,
  zig: C_WORDS,
  scala: C_WORDS,
  kotlin: words([...C_FAMILY, 'init']),
  swift: words([...C_FAMILY, 'defer', 'repeat']),
  rust: words([...C_FAMILY, 'loop', 'unsafe']),
  php: words([...C_FAMILY, 'endif', 'endforeach', 'endfor', 'endwhile', 'endswitch', 'enddeclare']),
  python: words(['else', 'try', 'finally', 'except', 'pass']),
  ruby: words(['end', 'else', 'begin', 'ensure', 'then', 'do', 'rescue']),
  shell: words(['fi', 'done', 'do', 'then', 'else', 'esac']),
  perl: words(['else']),
  powershell: words(['else', 'try', 'finally']),
  lua: words(['end', 'else', 'do', 'then', 'repeat']),
  sql: words(['begin', 'end', 'else', 'then'], true),
  visualBasic: VISUAL_BASIC_WORDS,
  fortran: FORTRAN_WORDS,
  fortranFree: FORTRAN_WORDS,
  matlab: words(['end', 'else', 'otherwise', 'try']),
  julia: words(['end', 'else', 'try', 'finally', 'begin']),
  elixir: words(['end', 'else', 'do', 'after', 'rescue']),
  erlang: words(['end', 'after']),
  haskell: words(['where', 'in', 'else', 'then', 'do', 'of']),
  ocaml: words(['end', 'done', 'do', 'else', 'then', 'in', 'begin']),
  ml: words(['end', 'done', 'do', 'else', 'then', 'in', 'begin']),
  nim: words(['else', 'try', 'finally', 'discard']),
  makefile: words(['endif', 'else', 'endef']),
  cmake: words(['endif', 'else', 'endforeach', 'endfunction', 'endmacro', 'endwhile'], true),
  batch: words(['else'], true),
  pascal: words(['begin', 'end', 'else', 'try', 'finally', 'except'], true),
  dashDash: words(['begin', 'end', 'else', 'then', 'loop', 'is'], true),
};

/** Used when the language is unknown: words that are structural in most languages that have them. */
const GENERIC_WORDS = words(['else', 'end', 'begin', 'then', 'do', 'done', 'fi', 'esac', 'try', 'finally', 'default', 'pass', 'endif']);
const NO_WORDS = words([]);

const cache = new Map<string, StructuralWords>();

function structuralWordsFor(language: string | null): StructuralWords {
  if (language === null) return GENERIC_WORDS;
  const cached = cache.get(language);
  if (cached) return cached;
  const spec = resolveLanguage(language);
  let result: StructuralWords;
  if (spec === null) result = GENERIC_WORDS;
  else if (spec.sections !== null) result = C_WORDS;
  else result = STRUCTURAL_WORDS[spec.lexical.family as LexicalFamily] ?? NO_WORDS;
  cache.set(language, result);
  return result;
}

function isWordStart(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57);
}

/**
 * True when a normalised (trimmed) line holds only punctuation and the language's structural
 * keywords. Numbers, names and text in any other script make it false; so does an empty line.
 *
 * @example
 * isKeywordOnlyLine('} else {', 'Java'); // true
 * isKeywordOnlyLine('end', 'Ruby'); // true
 * isKeywordOnlyLine('end', 'JavaScript'); // false: `end` is a name there
 * isKeywordOnlyLine('return;', 'C'); // false
 */
export function isKeywordOnlyLine(normalisedLine: string, language: string | null): boolean {
  return keywordOnly(normalisedLine, structuralWordsFor(language), false)!;
}

/**
 * {@link isKeywordOnlyLine} asked of a raw line: the answer it gives for the normalised line,
 * found without building it — normalising only trims and collapses whitespace, which the check
 * skips anyway. Returns null when the answer depends on a character normalising could change
 * (non-ASCII, vertical tab, form feed): then ask {@link isKeywordOnlyLine} with the normalised line.
 *
 * @example
 * isKeywordOnlyRawLine('\t} else {', 'Java'); // true
 * isKeywordOnlyRawLine('}\u00a0else {', 'Java'); // null
 */
export function isKeywordOnlyRawLine(text: string, language: string | null): boolean | null {
  return keywordOnly(text, structuralWordsFor(language), true);
}

function keywordOnly(line: string, structural: StructuralWords, raw: boolean): boolean | null {
  const length = line.length;
  let sawContent = false;
  let i = 0;
  while (i < length) {
    const c = line.charCodeAt(i);
    if (isWordStart(c)) {
      const start = i;
      while (i < length && isWordPart(line.charCodeAt(i))) i++;
      if (i - start > structural.maxLength) return false;
      let word = line.slice(start, i);
      if (structural.caseInsensitive) word = word.toLowerCase();
      if (!structural.words.has(word)) return false;
      sawContent = true;
      continue;
    }
    if (raw && (c >= 128 || c === 11 || c === 12)) return null;
    if ((c >= 48 && c <= 57) || c >= 128) return false;
    if (c !== 32 && c !== 9 && c !== 13 && c !== 10) sawContent = true;
    i++;
  }
  return sawContent;
}
