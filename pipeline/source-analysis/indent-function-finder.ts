/**
 * Finds functions in Python-like languages, where indentation delimits bodies: a `def` opens a
 * function at its logical line's indentation, and the first later logical line indented no
 * deeper closes it. Continuation lines (inside brackets or after a backslash) are not logical
 * line starts; lines holding only comments have no tokens and so never close a function.
 */
import { ANONYMOUS, type FunctionCollector } from './function-collector.js';
import { type CompiledStructure, KEYWORD, ROLE_DECISION, ROLE_FUNCTION, ROLE_SOFT_DECISION } from './keyword-roles.js';
import {
  FLAG_CONTINUATION,
  FLAG_LINE_START,
  PUNCT_ASSIGN_OPERATOR,
  TOKEN_IDENTIFIER,
  TOKEN_PUNCTUATION,
  type TokenBuffer,
} from './token-buffer.js';

const TAB = 9;
const LF = 10;
const SPACE = 32;
const LPAREN = 40;
const RPAREN = 41;
const COMMA = 44;
const DOT = 46;
const COLON = 58;
const EQ = 61;
const LBRACKET = 91;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;
/** Python expands a tab to the next multiple of 8 columns. */
const TAB_WIDTH = 8;

/** Indentation column of the line holding `position`, counting tabs to the next multiple of 8. */
function indentationBefore(text: string, position: number): number {
  let lineStart = position;
  while (lineStart > 0 && text.charCodeAt(lineStart - 1) !== LF) lineStart--;
  let column = 0;
  for (let p = lineStart; p < position; p++) {
    const c = text.charCodeAt(p);
    if (c === TAB) column = (Math.floor(column / TAB_WIDTH) + 1) * TAB_WIDTH;
    else if (c === SPACE || c === 12) column++;
    else break;
  }
  return column;
}

/** True when the soft keyword at `i` is used as a keyword (`case x:`), not as a name (`case = 1`). */
function isSoftKeywordUse(tokens: TokenBuffer, text: string, i: number): boolean {
  const next = i + 1;
  if (next >= tokens.count) return false;
  if (tokens.kind[next] === TOKEN_PUNCTUATION) {
    const punct = tokens.id[next];
    const nameFollows =
      punct === EQ ||
      punct === DOT ||
      punct === COMMA ||
      punct === RPAREN ||
      punct === COLON ||
      punct === RBRACKET ||
      punct === PUNCT_ASSIGN_OPERATOR;
    if (nameFollows) return false;
  }
  // `case _:` is the catch-all arm, like `default:`.
  if (tokens.kind[next] === TOKEN_IDENTIFIER && tokens.end[next]! - tokens.start[next]! === 1 && text.charCodeAt(tokens.start[next]!) === 95) {
    return !(next + 1 < tokens.count && tokens.kind[next + 1] === TOKEN_PUNCTUATION && tokens.id[next + 1] === COLON);
  }
  return true;
}

/**
 * Finds `def` functions and their cyclomatic complexity in an indentation-structured file.
 *
 * @example
 * findIndentFunctions(tokens, 'def f(x):\n    return x or 0\n', structure, collector);
 * collector.finish(2); // [{ name: 'f', startLine: 1, endLine: 2, ccn: 2 }]
 */
export function findIndentFunctions(tokens: TokenBuffer, text: string, structure: CompiledStructure, collector: FunctionCollector): void {
  const roles = structure.roles;
  const openFunctions: number[] = [];
  const openIndents: number[] = [];
  let bracketDepth = 0;
  let lineIndent = 0;
  let lastEndLine = 0;
  let logicalLineFirst = -1;
  const count = tokens.count;
  for (let i = 0; i < count; i++) {
    const kind = tokens.kind[i];
    const flags = tokens.flags[i]!;
    const logicalStart = (flags & FLAG_LINE_START) !== 0 && (flags & FLAG_CONTINUATION) === 0 && bracketDepth === 0;
    if (logicalStart) {
      lineIndent = indentationBefore(text, tokens.start[i]!);
      logicalLineFirst = i;
      while (openIndents.length > 0 && openIndents[openIndents.length - 1]! >= lineIndent) {
        collector.close(openFunctions.pop()!, lastEndLine);
        openIndents.pop();
      }
    }
    if (kind === TOKEN_IDENTIFIER) {
      const id = tokens.id[i]!;
      const role = id === 0 ? 0 : roles[id]!;
      if (role !== 0) {
        const current = openFunctions.length > 0 ? openFunctions[openFunctions.length - 1]! : -1;
        if (role & ROLE_FUNCTION) {
          const first = i === logicalLineFirst || (i === logicalLineFirst + 1 && tokens.id[logicalLineFirst] === KEYWORD.async);
          if (first) {
            const named = i + 1 < count && tokens.kind[i + 1] === TOKEN_IDENTIFIER;
            const name = named ? text.slice(tokens.start[i + 1]!, tokens.end[i + 1]!) : ANONYMOUS;
            openFunctions.push(collector.open(name, tokens.line[i]!));
            openIndents.push(lineIndent);
          }
        }
        if (role & ROLE_DECISION) collector.addDecision(current);
        if (role & ROLE_SOFT_DECISION && i === logicalLineFirst && isSoftKeywordUse(tokens, text, i)) collector.addDecision(current);
      }
    } else if (kind === TOKEN_PUNCTUATION) {
      const punct = tokens.id[i];
      if (punct === LPAREN || punct === LBRACKET || punct === LBRACE) bracketDepth++;
      else if ((punct === RPAREN || punct === RBRACKET || punct === RBRACE) && bracketDepth > 0) bracketDepth--;
    }
    lastEndLine = tokens.endLine[i]!;
  }
  while (openFunctions.length > 0) collector.close(openFunctions.pop()!, lastEndLine);
}
