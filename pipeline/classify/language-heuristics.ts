import type { LanguageCatalog, LanguageInfo } from './language-catalog.js';
import type { PathFacts } from './path-facts.js';

/** A content pattern that, when found in a file's first bytes, means a specific language. */
interface ContentClue {
  readonly language: string;
  readonly pattern: RegExp;
}

/**
 * Content clues for extensions several languages share, tried in order; the first clue found
 * wins, and without a clue the catalog's default for the extension stands. The clues are the
 * constructs only one of the candidate languages has (after Linguist's heuristics).
 */
const CONTENT_CLUES: ReadonlyMap<string, readonly ContentClue[]> = new Map([
  [
    '.h',
    [
      { language: 'Objective-C', pattern: /^\s*(?:@(?:interface|protocol|implementation|end)\b|#import\s)/m },
      {
        language: 'C++',
        pattern:
          /^\s*(?:template\s*<|namespace\s+[\w:]*\s*\{|class\s+\w+(?:\s+final)?\s*[:{]|(?:public|private|protected)\s*:|#include\s*<(?:iostream|string|vector|memory|map|unordered_map|functional|cstdint|cstddef|algorithm|utility)>)|\bstd::/m,
      },
    ],
  ],
  [
    '.m',
    [
      { language: 'Objective-C', pattern: /^\s*(?:@(?:interface|implementation|protocol|end|import)\b|#import\s|#include\s)/m },
      { language: 'MATLAB', pattern: /^\s*(?:function\s[\w\s\[\],=]*\(|%\s|classdef\s)/m },
    ],
  ],
  ['.ts', [{ language: 'XML', pattern: /^\s*(?:<\?xml\b|<!DOCTYPE TS>|<TS\b)/ }]],
]);

/** A `#!` line: the program and the rest of the line. */
const SHEBANG = /^#!\s*(\S+)[ \t]*([^\r\n]*)/;
const WHITESPACE_RUN = /\s+/;

/** Picks the interpreter from a shebang, looking through `/usr/bin/env [-S] [VAR=x] name`. */
function interpreterOf(contentHead: string): string | null {
  const shebang = SHEBANG.exec(contentHead);
  if (shebang === null) return null;
  const program = shebang[1]!.slice(shebang[1]!.lastIndexOf('/') + 1);
  if (program !== 'env') return program;
  for (const argument of shebang[2]!.split(WHITESPACE_RUN)) {
    if (argument === '' || argument.startsWith('-') || argument.includes('=')) continue;
    return argument;
  }
  return null;
}

/**
 * Refines a path-based language guess with what a file's first bytes say: a shebang names the
 * language of a file whose name does not, and a few shared extensions (`.h`, `.m`, `.ts`) are
 * settled by constructs only one candidate language has.
 *
 * @param pathLanguage the language the file name implies, or null
 * @example
 * refineLanguageFromContent(catalog, describePath('bin/deploy'), null, '#!/usr/bin/env bash\n');
 * // { name: 'Shell', type: 'programming' }
 */
export function refineLanguageFromContent(
  catalog: LanguageCatalog,
  facts: PathFacts,
  pathLanguage: LanguageInfo | null,
  contentHead: string,
): LanguageInfo | null {
  if (pathLanguage === null) {
    const interpreter = interpreterOf(contentHead);
    return interpreter === null ? null : catalog.fromInterpreter(interpreter);
  }
  const clues = CONTENT_CLUES.get(facts.extension);
  if (clues === undefined) return pathLanguage;
  for (const clue of clues) {
    if (clue.pattern.test(contentHead)) return catalog.fromName(clue.language) ?? pathLanguage;
  }
  return pathLanguage;
}
