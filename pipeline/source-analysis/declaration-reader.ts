/**
 * Reads declarations backwards from a `{`: `name(params) trailer` signatures (with qualified,
 * generic and operator names and constructor initialiser lists), the name after a function
 * keyword, and the variable or property an anonymous function is assigned to.
 */
import {
  AMP,
  AT,
  BANG,
  CARET,
  COLON,
  COMMA,
  DOT,
  EQ,
  GT,
  LBRACKET,
  LPAREN,
  LT,
  PIPE,
  QUESTION,
  RBRACE,
  RBRACKET,
  RPAREN,
  STAR,
  TILDE,
} from './char-codes.js';
import { ANONYMOUS } from './function-collector.js';
import { type CompiledStructure, KEYWORD, ROLE_CONTROL, ROLE_FUNCTION, ROLE_RESERVED } from './keyword-roles.js';
import type { BraceStructure } from './structure-profiles.js';
import {
  PUNCT_DOUBLE_COLON,
  PUNCT_ELVIS,
  PUNCT_FAT_ARROW,
  PUNCT_OPTIONAL_CHAIN,
  PUNCT_THIN_ARROW,
  TOKEN_IDENTIFIER,
  TOKEN_NUMBER,
  TOKEN_PUNCTUATION,
  type TokenBuffer,
} from './token-buffer.js';
import { TokenView } from './token-view.js';

/** Signature lookback results (a non-negative value is the name's token index). */
export const NO_SIGNATURE = -1;
export const ANONYMOUS_SIGNATURE = -2;

/** Keywords that declare a function named by what follows; other function keywords (`get`, `init`) name themselves. */
const DECLARATORS: ReadonlySet<string> = new Set(['function', 'func', 'fun', 'fn', 'def', 'delegate']);

/** How far back a signature is searched from its `{`, in tokens (paren groups count as one). */
export const SIGNATURE_LOOKBACK = 48;

/** Declaration reading for one brace language; {@link reset} points it at a file. */
export class DeclarationReader extends TokenView {
  rules!: BraceStructure;
  /** Last token of the name found by {@link signature} (`operator==` spans two tokens). */
  signatureEnd = -1;
  /** Start line of the function named by {@link arrowFunctionName}. */
  nameLine = 0;

  /** Points the reader at one file's tokens and the language's rules. */
  use(tokens: TokenBuffer, text: string, structure: CompiledStructure): void {
    this.reset(tokens, text, structure.roles);
    this.rules = structure.rules as BraceStructure;
    this.signatureEnd = -1;
  }

  /**
   * First token of the parameters of the arrow at `arrow`: the `(` of `(a, b) =>`, also past a
   * return type (`(a): Promise<T> =>`), or the single parameter of `a =>`; -1 when unclear.
   */
  arrowParametersStart(arrow: number): number {
    const tokens = this.tokens;
    const last = this.previous(arrow);
    if (last < 0) return -1;
    if (this.isPunctAt(last, RPAREN)) return tokens.match[last]!;
    // Step back over a return type annotation to the `):` that ends the parameter list.
    let j = last;
    for (let steps = 0; j >= 0 && steps < 24; steps++) {
      if (this.isPunctAt(j, COLON)) {
        const close = this.previous(j);
        if (this.isPunctAt(close, RPAREN)) return tokens.match[close]!;
        break;
      }
      if (this.isPunctAt(j, RPAREN) && tokens.match[j]! >= 0) j = tokens.match[j]!;
      else if (!this.isTrailer(j)) break;
      j = this.previous(j);
    }
    return tokens.kind[last] === TOKEN_IDENTIFIER ? last : -1;
  }

  /** The token before an arrow's parameters, past `async` and generic parameters (`<T,>(x) =>`). */
  beforeArrowParameters(start: number): number {
    const tokens = this.tokens;
    let before = this.previous(start);
    if (before >= 0 && tokens.id[before] === KEYWORD.async && tokens.kind[before] === TOKEN_IDENTIFIER) before = this.previous(before);
    if (this.isPunctAt(before, GT)) before = this.previous(this.openingAngle(before));
    return before;
  }

  /** Name of the arrow function whose arrow is at `arrow`; its start line is left in {@link nameLine}. */
  arrowFunctionName(arrow: number): string {
    const tokens = this.tokens;
    const start = this.arrowParametersStart(arrow);
    if (start < 0) {
      this.nameLine = tokens.line[arrow]!;
      return ANONYMOUS;
    }
    const name = this.assignedName(this.beforeArrowParameters(start));
    if (name < 0) {
      this.nameLine = tokens.line[start]!;
      return ANONYMOUS;
    }
    this.nameLine = tokens.line[name]!;
    return this.textOf(name);
  }

  /**
   * Looks back from the `{` at `brace` for `name(params) trailer`: returns the name token (the
   * start of a qualified name is found by {@link nameStart}), {@link ANONYMOUS_SIGNATURE} for a
   * lambda or closure, or {@link NO_SIGNATURE}.
   */
  signature(brace: number): number {
    const tokens = this.tokens;
    const rules = this.rules;
    let j = this.previous(brace);
    // C++ member brace-initialiser `: a{x}, b{y}` is not a body.
    if (rules.initializerLists && this.isInitializerBrace(brace)) return NO_SIGNATURE;
    for (let steps = 0; j >= 0 && steps < SIGNATURE_LOOKBACK; steps++) {
      if (rules.initializerLists && this.isPunctAt(j, RBRACE) && tokens.match[j]! >= 0 && this.isInitializerBrace(tokens.match[j]!)) {
        j = this.previous(this.previous(tokens.match[j]!));
        continue;
      }
      if (rules.typeAnnotations && this.isPunctAt(j, RBRACE) && tokens.match[j]! >= 0 && this.isTypePunctuation(this.previous(tokens.match[j]!))) {
        // An object type in a return type: `): Promise<{ ok: boolean }> {`.
        j = this.previous(tokens.match[j]!);
        continue;
      }
      if (!this.isPunctAt(j, RPAREN)) {
        if (!this.isTrailer(j)) return NO_SIGNATURE;
        j = this.previous(j);
        continue;
      }
      const open = tokens.match[j]!;
      if (open < 0) return NO_SIGNATURE;
      const before = this.previous(open);
      if (before < 0) return rules.parenClosures ? ANONYMOUS_SIGNATURE : NO_SIGNATURE;
      if (tokens.kind[before] === TOKEN_IDENTIFIER) {
        const id = tokens.id[before]!;
        this.signatureEnd = before;
        if (id === KEYWORD.operator) return before;
        if (id !== 0) {
          const role = this.roles[id]!;
          if (role & ROLE_CONTROL || role & ROLE_FUNCTION) return NO_SIGNATURE;
          if (role & ROLE_RESERVED) {
            // `noexcept(…)`, `throw()` in a trailer: keep walking.
            j = this.previous(before);
            continue;
          }
        }
        const start = this.qualifiedStart(before);
        const ahead = this.previous(start);
        if (ahead >= 0) {
          if (this.isPunctAt(ahead, AT)) return NO_SIGNATURE;
          if ((this.isPunctAt(ahead, DOT) && !rules.dottedDeclarations) || this.isPunctAt(ahead, PUNCT_OPTIONAL_CHAIN)) return NO_SIGNATURE;
          const aheadId = tokens.kind[ahead] === TOKEN_IDENTIFIER ? tokens.id[ahead] : 0;
          if (aheadId === KEYWORD.new || aheadId === KEYWORD.case) return NO_SIGNATURE;
          if (rules.initializerLists && (this.isPunctAt(ahead, COLON) || this.isPunctAt(ahead, COMMA))) {
            // Constructor initialiser list `: a(x), b(y) {`: the constructor is further back.
            j = this.previous(ahead);
            continue;
          }
        }
        return before;
      }
      if (rules.bracketLambdas && this.isPunctAt(before, RBRACKET)) return ANONYMOUS_SIGNATURE;
      if (rules.objectiveC && this.isPunctAt(before, CARET)) return ANONYMOUS_SIGNATURE;
      if (this.isPunctAt(before, RPAREN)) {
        // `operator()(…)`; otherwise another parenthesised group (Go results): keep walking.
        const group = tokens.match[before]!;
        if (group === before - 1 && tokens.id[this.previous(group)] === KEYWORD.operator) {
          this.signatureEnd = before;
          return this.previous(group);
        }
        j = before;
        continue;
      }
      if (tokens.kind[before] === TOKEN_PUNCTUATION && tokens.id[this.previous(before)] === KEYWORD.operator) {
        // `operator==(…)`, `operator<(…)`.
        this.signatureEnd = before;
        return this.previous(before);
      }
      if (this.isPunctAt(before, GT)) {
        const name = this.genericName(before);
        this.signatureEnd = name;
        return name >= 0 ? name : NO_SIGNATURE;
      }
      return rules.parenClosures ? ANONYMOUS_SIGNATURE : NO_SIGNATURE;
    }
    return NO_SIGNATURE;
  }

  /** `name<T, U>(` with the `>` at `close`: the name token, or -1. */
  genericName(close: number): number {
    const open = this.openingAngle(close);
    if (open < 0) return -1;
    const name = this.previous(open);
    const tokens = this.tokens;
    return name >= 0 && tokens.kind[name] === TOKEN_IDENTIFIER && tokens.id[name] === 0 ? name : -1;
  }

  /** Tokens allowed between a parameter list and its `{`: return types, `throws`, `const`, `where` clauses. */
  isTrailer(j: number): boolean {
    const tokens = this.tokens;
    switch (tokens.kind[j]) {
      case TOKEN_IDENTIFIER: {
        // Reserved words appear in return types (`void`, `typeof x`); control keywords never do.
        const id = tokens.id[j]!;
        return id === 0 || (this.roles[id]! & ROLE_CONTROL) === 0;
      }
      case TOKEN_NUMBER:
        return true;
      case TOKEN_PUNCTUATION: {
        const punct = tokens.id[j];
        return (
          punct === COLON ||
          punct === PUNCT_DOUBLE_COLON ||
          punct === DOT ||
          punct === COMMA ||
          punct === LT ||
          punct === GT ||
          punct === STAR ||
          punct === AMP ||
          punct === QUESTION ||
          punct === PIPE ||
          punct === LBRACKET ||
          punct === RBRACKET ||
          punct === BANG ||
          punct === PUNCT_THIN_ARROW
        );
      }
      default:
        return false;
    }
  }

  /** Start of a qualified name ending at `name`: `A::B::name`, `Foo::~Foo`, `Point.origin` (Dart). */
  qualifiedStart(name: number): number {
    const tokens = this.tokens;
    let start = name;
    let p = this.previous(start);
    if (p >= 0 && this.isPunctAt(p, TILDE)) {
      start = p;
      p = this.previous(p);
    }
    while (p >= 1 && (this.isPunctAt(p, PUNCT_DOUBLE_COLON) || (this.rules.dottedDeclarations && this.isPunctAt(p, DOT)))) {
      const qualifier = this.previous(p);
      if (qualifier < 0 || tokens.kind[qualifier] !== TOKEN_IDENTIFIER) break;
      start = qualifier;
      p = this.previous(qualifier);
    }
    return start;
  }

  nameStart(name: number): number {
    return this.qualifiedStart(name);
  }

  nameText(name: number): string {
    const tokens = this.tokens;
    const end = this.signatureEnd > name ? this.signatureEnd : name;
    return this.text.slice(tokens.start[this.qualifiedStart(name)]!, tokens.end[end]!);
  }

  /** `a{x}` after `:` or `,` in a constructor initialiser list (the `{` at `brace`). */
  isInitializerBrace(brace: number): boolean {
    const member = this.previous(brace);
    if (member < 0 || this.tokens.kind[member] !== TOKEN_IDENTIFIER || this.tokens.id[member] !== 0) return false;
    const separator = this.previous(member);
    return this.isPunctAt(separator, COMMA) || (this.isPunctAt(separator, COLON) && this.isPunctAt(this.previous(separator), RPAREN));
  }

  /** The name after a function keyword: `func (r R) Name(`, `fun <T> Foo.bar(`, `fn name<T>(`. */
  functionKeywordName(keyword: number, brace: number): string {
    const tokens = this.tokens;
    const text = this.text;
    let t = this.next(keyword);
    // Go method receivers: `func (r *R) Name(`.
    if (t >= 0 && t < brace && this.isPunctAt(t, LPAREN) && tokens.match[t]! > t && this.isWord(keyword, 'func')) {
      const afterGroup = tokens.match[t]! + 1;
      if (afterGroup < brace && tokens.kind[afterGroup] === TOKEN_IDENTIFIER && this.isPunctAt(afterGroup + 1, LPAREN)) t = afterGroup;
    }
    // Generic parameters before the name: `fun <T> name(`.
    if (t >= 0 && this.isPunctAt(t, LT)) t = this.skipAngles(t, brace);
    const limit = Math.min(brace, t + 40);
    for (let j = t; j >= 0 && j < limit; j++) {
      if (tokens.kind[j] === TOKEN_PUNCTUATION && tokens.id[j] === LPAREN) break;
      if (tokens.kind[j] !== TOKEN_IDENTIFIER) continue;
      const id = tokens.id[j]!;
      if (id !== 0 && this.roles[id]! & (ROLE_CONTROL | ROLE_RESERVED | ROLE_FUNCTION)) continue;
      const after = j + 1;
      if (this.isPunctAt(after, LPAREN) || this.isPunctAt(after, LT) || this.isPunctAt(after, LBRACKET)) {
        return text.slice(tokens.start[j]!, tokens.end[j]!);
      }
    }
    if (t >= 0 && t < brace && tokens.kind[t] === TOKEN_IDENTIFIER && tokens.id[t] === 0) return text.slice(tokens.start[t]!, tokens.end[t]!);
    // Accessors and initialisers (`get`, `init`, `constructor`) are named by their keyword.
    const word = text.slice(tokens.start[keyword]!, tokens.end[keyword]!);
    if (!DECLARATORS.has(word)) return word;
    let before = this.previous(keyword);
    if (before >= 0 && tokens.id[before] === KEYWORD.async && tokens.kind[before] === TOKEN_IDENTIFIER) before = this.previous(before);
    const assigned = this.assignedName(before);
    return assigned >= 0 ? text.slice(tokens.start[assigned]!, tokens.end[assigned]!) : ANONYMOUS;
  }

  /**
   * For `name = …` and `name: …` where `before` is the `=` or `:`, the name's token; else -1.
   * A type annotation between name and `=` is stepped over: `const f: Handler<T> = () => {`.
   */
  assignedName(before: number): number {
    if (before < 0 || !(this.isPunctAt(before, EQ) || this.isPunctAt(before, COLON))) return -1;
    const tokens = this.tokens;
    const name = this.previous(before);
    if (name < 0 || tokens.kind[name] !== TOKEN_IDENTIFIER) return -1;
    if (this.rules.typeAnnotations && this.isPunctAt(before, EQ)) {
      let j = name;
      for (let steps = 0; j >= 0 && steps < 32; steps++) {
        if (this.isPunctAt(j, COLON)) {
          const annotated = this.previous(j);
          return annotated >= 0 && tokens.kind[annotated] === TOKEN_IDENTIFIER ? annotated : name;
        }
        if (this.isPunctAt(j, RPAREN) && tokens.match[j]! >= 0) j = tokens.match[j]!;
        else if (!this.isTrailer(j) && !this.isPunctAt(j, PUNCT_FAT_ARROW)) break;
        j = this.previous(j);
      }
    }
    return name;
  }

  /** `[=] {` (C++ lambda without parameters), but not `string[] {` (a return type). */
  isBracketLambda(previous: number): boolean {
    if (!this.isPunctAt(previous, RBRACKET)) return false;
    const open = this.tokens.match[previous]!;
    if (open < 0) return false;
    return !this.endsValue(this.previous(open));
  }

  /** Punctuation after which `{` starts an object type: `:`, `?:`, `<`, `|`, `&`, `,` (TypeScript). */
  isTypePunctuation(i: number): boolean {
    if (i < 0 || this.tokens.kind[i] !== TOKEN_PUNCTUATION) return false;
    const punct = this.tokens.id[i];
    return punct === COLON || punct === PUNCT_ELVIS || punct === LT || punct === PIPE || punct === AMP || punct === COMMA;
  }
}
