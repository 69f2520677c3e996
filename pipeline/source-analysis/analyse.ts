/**
 * The analysis pipeline for one file version: lex (marking comment and code lines), then find
 * functions with the finder the language's structure calls for. Shared buffers are reused from
 * one call to the next, so analysing a long history allocates little beyond the results.
 */
import { findBraceFunctions } from './brace-function-finder.js';
import { findEmbeddedSections } from './embedded-sections.js';
import { findEndFunctions } from './end-function-finder.js';
import { FunctionCollector } from './function-collector.js';
import { findIndentFunctions } from './indent-function-finder.js';
import { resolveLanguage, type LanguageSpec } from './language-registry.js';
import { LINE_COMMENT, SourceLexer } from './lexer.js';
import { LEXICAL_PROFILES } from './lexical-profiles.js';
import { TokenBuffer } from './token-buffer.js';
import type { SourceAnalysis } from './types.js';

const lexer = new SourceLexer();
const INITIAL_TOKENS = 1 << 14;
const INITIAL_LINES = 1 << 12;
/**
 * Shared buffers grow to the largest file seen. Past these sizes (about 50 MB of token storage,
 * 1 MB of line flags) they are dropped after use, so one huge file does not pin that memory for
 * the rest of a history run.
 */
const RETAINED_TOKENS = 1 << 21;
const RETAINED_LINES = 1 << 20;
let tokens = new TokenBuffer(INITIAL_TOKENS);
let lineFlags = new Uint8Array(INITIAL_LINES);

function releaseLargeBuffers(): void {
  if (tokens.capacity > RETAINED_TOKENS) tokens = new TokenBuffer(INITIAL_TOKENS);
  if (lineFlags.length > RETAINED_LINES) lineFlags = new Uint8Array(INITIAL_LINES);
}

/**
 * Number of lines as git counts them: a final line without a newline counts, an empty text
 * has none.
 *
 * @example
 * countLines('a\nb'); // 2
 * countLines('a\nb\n'); // 2
 */
export function countLines(text: string): number {
  if (text.length === 0) return 0;
  let lines = 0;
  for (let p = text.indexOf('\n'); p >= 0; p = text.indexOf('\n', p + 1)) lines++;
  return text.charCodeAt(text.length - 1) === 10 ? lines : lines + 1;
}

function lineFlagsFor(lineCount: number): Uint8Array {
  const size = lineCount + 2;
  if (lineFlags.length < size) lineFlags = new Uint8Array(Math.max(size, lineFlags.length * 2));
  lineFlags.fill(0, 0, size);
  return lineFlags;
}

/** Lexes `text[start, end)` in `spec`'s language and, when `findFunctions`, collects its functions. */
function analyseRange(
  spec: LanguageSpec,
  text: string,
  start: number,
  end: number,
  startLine: number,
  flags: Uint8Array,
  collector: FunctionCollector,
  findFunctions: boolean,
): void {
  const structure = spec.structure;
  tokens.reset((end - start) >>> 2);
  lexer.lex(spec.lexical, structure?.lexerKeywords ?? null, text, start, end, startLine, flags, tokens);
  if (!findFunctions || structure === null) return;
  switch (structure.rules.finder) {
    case 'braces':
      findBraceFunctions(tokens, text, structure, collector);
      break;
    case 'indent':
      findIndentFunctions(tokens, text, structure, collector);
      break;
    case 'end':
      findEndFunctions(tokens, text, structure, collector);
      break;
  }
}

const MARKUP: LanguageSpec = { lexical: LEXICAL_PROFILES.markup, structure: null, sections: null };

/** Components and pages: markup outside sections, each `<script>` / `<style>` in its own language. */
function analyseSections(spec: LanguageSpec, text: string, flags: Uint8Array, collector: FunctionCollector): void {
  const findFunctions = spec.sections === 'component';
  let markupStart = 0;
  let markupLine = 1;
  for (const section of findEmbeddedSections(text)) {
    analyseRange(MARKUP, text, markupStart, section.start, markupLine, flags, collector, false);
    const sectionSpec = (section.language === null ? null : resolveLanguage(section.language)) ?? MARKUP;
    analyseRange(sectionSpec, text, section.start, section.end, section.startLine, flags, collector, findFunctions);
    markupStart = section.end;
    markupLine = section.startLine;
    for (let p = text.indexOf('\n', section.start); p >= 0 && p < section.end; p = text.indexOf('\n', p + 1)) markupLine++;
  }
  analyseRange(MARKUP, text, markupStart, text.length, markupLine, flags, collector, false);
}

/**
 * Analyses one file version. Throws only on internal errors; {@link analyseSource} is the
 * public, never-throwing entry point. `knownLineCount`, when given, must equal `countLines(text)`.
 */
export function analyseOrThrow(language: string | null, text: string, knownLineCount?: number): SourceAnalysis {
  const lineCount = knownLineCount ?? countLines(text);
  const commentOnly = new Uint8Array(lineCount);
  const spec = resolveLanguage(language);
  if (spec === null || lineCount === 0) return { lineCount, commentOnly, functions: [] };
  const flags = lineFlagsFor(lineCount);
  const collector = new FunctionCollector();
  if (spec.sections !== null) analyseSections(spec, text, flags, collector);
  else analyseRange(spec, text, 0, text.length, 1, flags, collector, true);
  for (let line = 1; line <= lineCount; line++) commentOnly[line - 1] = flags[line] === LINE_COMMENT ? 1 : 0;
  const functions = collector.finish(lineCount);
  releaseLargeBuffers();
  return { lineCount, commentOnly, functions };
}
