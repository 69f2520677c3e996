/**
 * Finds functions in Ruby-like languages, where `end` closes `def`, `class`, `do`, `if` and
 * friends. `if`, `unless`, `while` and `until` open a block only at the start of a statement;
 * after an expression they are modifiers (`return x if y`). `do … end` and `{ |x| … }` blocks
 * are closures, so they are functions of their own like lambdas elsewhere.
 */
import { ANONYMOUS, type FunctionCollector } from './function-collector.js';
import {
  type CompiledStructure,
  KEYWORD,
  ROLE_BLOCK,
  ROLE_DECISION,
  ROLE_FUNCTION,
  ROLE_LOOP,
  ROLE_MODIFIER,
  ROLE_VALUE,
} from './keyword-roles.js';
import { isTernaryQuestion } from './question-mark.js';
import type { EndStructure } from './structure-profiles.js';
import {
  PUNCT_AND_AND,
  PUNCT_AND_ASSIGN,
  PUNCT_OR_ASSIGN,
  PUNCT_OR_OR,
  PUNCT_THIN_ARROW,
  TOKEN_IDENTIFIER,
  TOKEN_NUMBER,
  TOKEN_PUNCTUATION,
  TOKEN_STRING,
  type TokenBuffer,
} from './token-buffer.js';

const LPAREN = 40;
const RPAREN = 41;
const DOT = 46;
const EQ = 61;
const QUESTION = 63;
const RBRACKET = 93;
const LBRACE = 123;
const RBRACE = 125;

/** Stack entry kinds. */
const KEYWORD_BLOCK = 0;
const BRACE_BLOCK = 1;

/** True when token `i` ends an expression, so a following `if` is a modifier. */
function endsValue(tokens: TokenBuffer, roles: Uint16Array, i: number): boolean {
  switch (tokens.kind[i]) {
    case TOKEN_IDENTIFIER: {
      const id = tokens.id[i]!;
      return id === 0 || roles[id] === 0 || (roles[id]! & ROLE_VALUE) !== 0;
    }
    case TOKEN_NUMBER:
    case TOKEN_STRING:
      return true;
    default: {
      const punct = tokens.id[i];
      return punct === RPAREN || punct === RBRACKET || punct === RBRACE;
    }
  }
}

/** `def name`, `def self.name`, `def ==(other)`: the name and whether it is an endless `def x = …`. */
function definition(tokens: TokenBuffer, text: string, def: number): { name: string; endless: boolean } {
  let first = def + 1;
  if (first >= tokens.count || tokens.line[first] !== tokens.line[def]) return { name: ANONYMOUS, endless: false };
  let last = first;
  if (tokens.isPunct(first + 1, DOT) && first + 2 < tokens.count) last = first + 2;
  const name = text.slice(tokens.start[first]!, tokens.end[last]!);
  let after = last + 1;
  if (tokens.isPunct(after, LPAREN) && tokens.match[after]! > after) after = tokens.match[after]! + 1;
  first = after;
  const endless = tokens.isPunct(first, EQ) && tokens.line[first] === tokens.line[def];
  return { name, endless };
}

/**
 * Finds Ruby methods and blocks and their cyclomatic complexity.
 *
 * @example
 * findEndFunctions(tokens, 'def f(x)\n  x ? 1 : 2\nend\n', structure, collector);
 * collector.finish(3); // [{ name: 'f', startLine: 1, endLine: 3, ccn: 2 }]
 */
export function findEndFunctions(tokens: TokenBuffer, text: string, structure: CompiledStructure, collector: FunctionCollector): void {
  const rules = structure.rules as EndStructure;
  const roles = structure.roles;
  const kinds: number[] = [];
  const functionsOf: number[] = [];
  const opens: number[] = [];
  const outer: number[] = [];
  let current = -1;
  let loopLine = -1;
  const push = (kind: number, fn: number, open: number): void => {
    kinds.push(kind);
    functionsOf.push(fn);
    opens.push(open);
    outer.push(current);
    if (fn >= 0) current = fn;
  };
  const pop = (line: number): number => {
    const kind = kinds.pop()!;
    const fn = functionsOf.pop()!;
    opens.pop();
    current = outer.pop()!;
    if (fn >= 0) collector.close(fn, line);
    return kind;
  };
  const count = tokens.count;
  for (let i = 0; i < count; i++) {
    const kind = tokens.kind[i];
    const line = tokens.line[i]!;
    if (kind === TOKEN_IDENTIFIER) {
      const id = tokens.id[i]!;
      const role = id === 0 ? 0 : roles[id]!;
      if (role === 0 && id !== KEYWORD.do && id !== KEYWORD.end) continue;
      if (role & ROLE_DECISION) collector.addDecision(current);
      const previous = i - 1;
      const statementStart = previous < 0 || tokens.endLine[previous]! < line || !endsValue(tokens, roles, previous);
      if (role & ROLE_FUNCTION) {
        const { name, endless } = definition(tokens, text, i);
        if (!endless) push(KEYWORD_BLOCK, collector.open(name, line), i);
      } else if (role & ROLE_BLOCK || (role & ROLE_MODIFIER && statementStart)) {
        push(KEYWORD_BLOCK, -1, i);
        if (role & ROLE_LOOP) loopLine = line;
      } else if (id === KEYWORD.do) {
        // `while x do` / `for a in b do`: the `do` belongs to the loop.
        if (loopLine === line) loopLine = -1;
        else push(KEYWORD_BLOCK, collector.open(ANONYMOUS, line), i);
      } else if (id === KEYWORD.end) {
        // Close braces left open inside (malformed input), then the keyword block itself.
        while (kinds.length > 0 && kinds[kinds.length - 1] === BRACE_BLOCK) pop(line);
        if (kinds.length > 0) pop(line);
      }
    } else if (kind === TOKEN_PUNCTUATION) {
      const punct = tokens.id[i]!;
      switch (punct) {
        case LBRACE: {
          const previous = i - 1;
          const block =
            previous >= 0 &&
            tokens.line[previous] === line &&
            ((tokens.kind[previous] === TOKEN_IDENTIFIER && tokens.id[previous] === 0) ||
              tokens.isPunct(previous, RPAREN) ||
              tokens.isPunct(previous, PUNCT_THIN_ARROW));
          push(BRACE_BLOCK, block ? collector.open(ANONYMOUS, line) : -1, i);
          break;
        }
        case RBRACE: {
          const match = tokens.match[i]!;
          if (match < 0 || opens.lastIndexOf(match) < 0) break;
          while (opens.length > 0 && opens[opens.length - 1] !== match) pop(line);
          pop(line);
          break;
        }
        case PUNCT_AND_AND:
        case PUNCT_OR_OR:
        case PUNCT_AND_ASSIGN:
        case PUNCT_OR_ASSIGN:
          if (rules.logicalOperators) collector.addDecision(current);
          break;
        case QUESTION:
          if (rules.question === 'ternary' && isTernaryQuestion(tokens, text, i, i - 1)) collector.addDecision(current);
          break;
        default:
          break;
      }
    }
  }
}
