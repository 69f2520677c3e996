/**
 * Finds functions in brace-delimited languages and counts their decision points.
 *
 * Every `{` is classified when it is reached, from what precedes it in the same statement:
 * an arrow (`=>`, `->`) opens a lambda; the latest of a function keyword (`function`, `func`,
 * `fn`, `fun`, `def`), a type keyword or a control keyword decides between function body, type
 * body and control block; otherwise a `name(params) trailer {` signature (C family, Java, C#,
 * Dart, JavaScript methods) or a closure form opens a function. The matching `}` (linked by the
 * lexer) closes it. Decision points go to the innermost open function.
 */
import { ANONYMOUS, type FunctionCollector } from './function-collector.js';
import { isTernaryQuestion } from './question-mark.js';
import {
  type CompiledArm,
  type CompiledStructure,
  KEYWORD,
  ROLE_CONTROL,
  ROLE_DECISION,
  ROLE_FUNCTION,
  ROLE_RESERVED,
  ROLE_STATEMENT_END,
  ROLE_TYPE,
} from './keyword-roles.js';
import type { BraceStructure } from './structure-profiles.js';
import {
  FLAG_LINE_START,
  FLAG_PREPROCESSOR,
  FLAG_SPACE_BEFORE,
  PUNCT_AND_AND,
  PUNCT_AND_ASSIGN,
  PUNCT_ASSIGN_OPERATOR,
  PUNCT_DOUBLE_COLON,
  PUNCT_ELVIS,
  PUNCT_FAT_ARROW,
  PUNCT_INCREMENT,
  PUNCT_OPTIONAL_CHAIN,
  PUNCT_OR_ASSIGN,
  PUNCT_OR_OR,
  PUNCT_THIN_ARROW,
  TOKEN_IDENTIFIER,
  TOKEN_NUMBER,
  TOKEN_PUNCTUATION,
  TOKEN_STRING,
  type TokenBuffer,
} from './token-buffer.js';

const FRAME_ROOT = 0;
const FRAME_BRACE = 1;
const FRAME_PAREN = 2;

const BLOCK = 0;
const FUNCTION = 1;
const ARMS = 2;

/** Signature lookback results (a non-negative value is the name's token index). */
const NO_SIGNATURE = -1;
const ANONYMOUS_SIGNATURE = -2;

/** Keywords that declare a function named by what follows; other function keywords (`get`, `init`) name themselves. */
const DECLARATORS: ReadonlySet<string> = new Set(['function', 'func', 'fun', 'fn', 'def', 'delegate']);

/** How far back a signature is searched from its `{`, in tokens (paren groups count as one). */
const SIGNATURE_LOOKBACK = 48;

const LPAREN = 40;
const RPAREN = 41;
const COMMA = 44;
const DOT = 46;
const COLON = 58;
const SEMICOLON = 59;
const LT = 60;
const EQ = 61;
const GT = 62;
const QUESTION = 63;
const AT = 64;
const LBRACKET = 91;
const RBRACKET = 93;
const CARET = 94;
const LBRACE = 123;
const PIPE = 124;
const RBRACE = 125;
const TILDE = 126;
const AMP = 38;
const STAR = 42;
const BANG = 33;
const MINUS = 45;
const PLUS = 43;

/** Walks one file's tokens. Instances are reused; all state is reset by {@link run}. */
class BraceFinder {
  private tokens!: TokenBuffer;
  private text = '';
  private rules!: BraceStructure;
  private structure!: CompiledStructure;
  private roles!: Uint16Array;
  private collector!: FunctionCollector;
  private currentFunction = -1;
  private lastToken = -1;

  private depth = 0;
  private frameOpen = new Int32Array(64);
  private frameKind = new Uint8Array(64);
  private frameFunction = new Int32Array(64);
  private frameOuterFunction = new Int32Array(64);
  private frameControl = new Int32Array(64);
  private frameType = new Int32Array(64);
  private frameFunctionKeyword = new Int32Array(64);
  private frameCase = new Int32Array(64);
  private frameStatement = new Int32Array(64);
  private frameWhere = new Uint8Array(64);
  /** The frame is a type body or type literal: arrows inside are function types, not functions. */
  private frameTypeContext = new Uint8Array(64);
  private frameArm: (CompiledArm | null)[] = [];

  /** Last token of the name found by {@link signature} (`operator==` spans two tokens). */
  private signatureEnd = -1;

  // Result of classifying a `{`.
  private resultKind = BLOCK;
  private resultName = ANONYMOUS;
  private resultLine = 0;
  private resultArm: CompiledArm | null = null;
  private resultTypeContext = false;

  run(tokens: TokenBuffer, text: string, structure: CompiledStructure, collector: FunctionCollector): void {
    this.tokens = tokens;
    this.text = text;
    this.structure = structure;
    this.rules = structure.rules as BraceStructure;
    this.roles = structure.roles;
    this.collector = collector;
    this.currentFunction = -1;
    this.lastToken = -1;
    this.depth = 0;
    this.frameArm.length = 0;
    this.pushFrame(-1, FRAME_ROOT);
    const count = tokens.count;
    const kinds = tokens.kind;
    const flags = tokens.flags;
    const asi = this.rules.newlineEndsStatement;
    for (let i = 0; i < count; i++) {
      const tokenFlags = flags[i]!;
      if (tokenFlags & FLAG_PREPROCESSOR) continue;
      if (asi && tokenFlags & FLAG_LINE_START && this.lastToken >= 0) this.lineBreak(i);
      const kind = kinds[i];
      if (kind === TOKEN_IDENTIFIER) {
        if (tokens.id[i] !== 0) this.keyword(i);
      } else if (kind === TOKEN_PUNCTUATION) {
        this.punctuation(i);
      }
      this.lastToken = i;
    }
    this.text = '';
  }

  // ---------------------------------------------------------------------------------------
  // Frames

  private pushFrame(open: number, kind: number): number {
    const level = this.depth;
    if (level === this.frameOpen.length) this.growFrames();
    this.frameOpen[level] = open;
    this.frameKind[level] = kind;
    this.frameFunction[level] = -1;
    this.frameOuterFunction[level] = this.currentFunction;
    this.frameArm[level] = null;
    this.frameTypeContext[level] = 0;
    this.depth = level + 1;
    this.resetStatement(level, open + 1);
    return level;
  }

  private growFrames(): void {
    const size = this.frameOpen.length * 2;
    const grow32 = (from: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> => {
      const to = new Int32Array(size);
      to.set(from);
      return to;
    };
    this.frameOpen = grow32(this.frameOpen);
    this.frameFunction = grow32(this.frameFunction);
    this.frameOuterFunction = grow32(this.frameOuterFunction);
    this.frameControl = grow32(this.frameControl);
    this.frameType = grow32(this.frameType);
    this.frameFunctionKeyword = grow32(this.frameFunctionKeyword);
    this.frameCase = grow32(this.frameCase);
    this.frameStatement = grow32(this.frameStatement);
    const kinds = new Uint8Array(size);
    kinds.set(this.frameKind);
    this.frameKind = kinds;
    const where = new Uint8Array(size);
    where.set(this.frameWhere);
    this.frameWhere = where;
    const typeContext = new Uint8Array(size);
    typeContext.set(this.frameTypeContext);
    this.frameTypeContext = typeContext;
  }

  private resetStatement(level: number, next: number): void {
    this.frameControl[level] = -1;
    this.frameType[level] = -1;
    this.frameFunctionKeyword[level] = -1;
    this.frameCase[level] = -1;
    this.frameWhere[level] = 0;
    this.frameStatement[level] = next;
  }

  private closeFrames(i: number): void {
    const match = this.tokens.match[i]!;
    if (match < 0) return;
    let level = this.depth - 1;
    while (level > 0 && this.frameOpen[level] !== match) level--;
    if (level === 0) return;
    const line = this.tokens.line[i]!;
    while (this.depth > level) {
      const top = this.depth - 1;
      const fn = this.frameFunction[top]!;
      if (fn >= 0) this.collector.close(fn, line);
      this.currentFunction = this.frameOuterFunction[top]!;
      this.depth = top;
    }
    if (this.tokens.id[i] === RBRACE) this.resetStatement(this.depth - 1, i + 1);
  }

  // ---------------------------------------------------------------------------------------
  // Tokens

  private keyword(i: number): void {
    const id = this.tokens.id[i]!;
    const role = this.roles[id]!;
    if (role === 0 && id !== KEYWORD.where && id !== KEYWORD.case && id !== KEYWORD.default) return;
    const top = this.depth - 1;
    if (role & ROLE_DECISION && !(id === KEYWORD.case && this.isCatchAllCase(i))) this.collector.addDecision(this.currentFunction);
    if (role & ROLE_CONTROL) this.frameControl[top] = i;
    if (role & ROLE_TYPE && this.frameFunctionKeyword[top]! < 0 && this.frameWhere[top] === 0) this.frameType[top] = i;
    if (role & ROLE_FUNCTION && !this.isPunctAt(this.previous(i), RBRACKET)) this.frameFunctionKeyword[top] = i;
    if (id === KEYWORD.where) {
      this.frameWhere[top] = 1;
      this.frameType[top] = -1;
    }
    // Java `case 1 -> {` and `default -> {` are switch rules, not lambdas.
    if (id === KEYWORD.case || id === KEYWORD.default) this.frameCase[top] = i;
  }

  private punctuation(i: number): void {
    const punct = this.tokens.id[i]!;
    const top = this.depth - 1;
    switch (punct) {
      case LBRACE:
        this.openBrace(i);
        return;
      case LPAREN:
      case LBRACKET:
        this.pushFrame(i, FRAME_PAREN);
        return;
      case RPAREN:
      case RBRACKET:
      case RBRACE:
        this.closeFrames(i);
        return;
      case SEMICOLON:
        this.resetStatement(top, i + 1);
        return;
      case EQ:
      case PUNCT_ASSIGN_OPERATOR:
        this.frameType[top] = -1;
        if (!this.rules.assignmentContinuesDeclaration) this.frameFunctionKeyword[top] = -1;
        return;
      case PUNCT_FAT_ARROW:
      case PUNCT_THIN_ARROW:
        this.arrow(i, punct, top);
        return;
      case PUNCT_AND_AND:
      case PUNCT_OR_OR:
      case PUNCT_AND_ASSIGN:
      case PUNCT_OR_ASSIGN:
        if (this.isLogicalDecision(i, punct)) this.collector.addDecision(this.currentFunction);
        return;
      case QUESTION:
        if (this.isQuestionDecision(i)) this.collector.addDecision(this.currentFunction);
        return;
      default:
        return;
    }
  }

  private arrow(i: number, punct: number, top: number): void {
    const arm = this.frameArm[top];
    if (arm && arm.arrow === punct && !this.isWord(this.previous(i), arm.fallback)) {
      this.collector.addDecision(this.currentFunction);
    }
    // PHP `fn($x) => …` has an expression body: the keyword does not reach a later `{`.
    if (punct === PUNCT_FAT_ARROW) this.frameFunctionKeyword[top] = -1;
  }

  /** Where a line break ends a statement (Go, Kotlin, Swift, Scala), it clears the statement state. */
  private lineBreak(i: number): void {
    const top = this.depth - 1;
    if (this.frameKind[top] === FRAME_PAREN) return;
    const tokens = this.tokens;
    const previous = this.lastToken;
    if (tokens.endLine[previous]! >= tokens.line[i]!) return;
    if (!this.endsStatement(previous)) return;
    const kind = tokens.kind[i];
    if (kind === TOKEN_IDENTIFIER || kind === TOKEN_NUMBER || kind === TOKEN_STRING || this.isPunctAt(i, AT)) {
      this.resetStatement(top, i);
    }
  }

  private endsStatement(i: number): boolean {
    const tokens = this.tokens;
    switch (tokens.kind[i]) {
      case TOKEN_IDENTIFIER: {
        const id = tokens.id[i]!;
        return id === 0 || (this.roles[id]! & ROLE_STATEMENT_END) !== 0 || this.roles[id] === 0;
      }
      case TOKEN_NUMBER:
      case TOKEN_STRING:
        return true;
      default: {
        const punct = tokens.id[i];
        return punct === RPAREN || punct === RBRACKET || punct === RBRACE || punct === PUNCT_INCREMENT || punct === BANG || punct === QUESTION;
      }
    }
  }

  // ---------------------------------------------------------------------------------------
  // Decisions

  /** `case _ =>` / `case _:` is a catch-all, like `default:`. */
  private isCatchAllCase(i: number): boolean {
    const next = i + 1;
    if (!this.isWord(next, '_')) return false;
    const after = this.tokens;
    return (
      next + 1 < after.count &&
      after.kind[next + 1] === TOKEN_PUNCTUATION &&
      (after.id[next + 1] === PUNCT_FAT_ARROW || after.id[next + 1] === COLON || after.id[next + 1] === PUNCT_THIN_ARROW)
    );
  }

  private isLogicalDecision(i: number, punct: number): boolean {
    const rules = this.rules;
    if (!rules.logicalOperators) return false;
    const previous = this.previous(i);
    if (previous < 0 || !this.endsValue(previous)) return false;
    const tokens = this.tokens;
    if (rules.pipeClosures && punct === PUNCT_OR_OR) {
      // Rust `move || { … }` and `|| expr` as a closure's empty parameter list.
      if (tokens.id[previous] === KEYWORD.move || this.isPunctAt(i + 1, LBRACE)) return false;
    }
    if (rules.rvalueReferences && punct === PUNCT_AND_AND) {
      // C++ `T&& x`, `Args&&...`: a reference declarator hugs the type and is followed by a blank or closer.
      const after = this.text.charCodeAt(tokens.end[i]!);
      if (after === RPAREN || after === COMMA || after === GT || after === DOT) return false;
      if (!(tokens.flags[i]! & FLAG_SPACE_BEFORE) && (after === 32 || after === 9)) return false;
    }
    return true;
  }

  private isQuestionDecision(i: number): boolean {
    const tokens = this.tokens;
    switch (this.rules.question) {
      case 'try-operator':
        return true;
      case 'spaced-ternary': {
        const after = this.text.charCodeAt(tokens.end[i]!);
        return (tokens.flags[i]! & FLAG_SPACE_BEFORE) !== 0 && (after === 32 || after === 9 || after === 10 || after === 13);
      }
      case 'ternary':
        return isTernaryQuestion(tokens, this.text, i, this.previous(i));
      default:
        return false;
    }
  }

  // ---------------------------------------------------------------------------------------
  // Braces

  private openBrace(i: number): void {
    const top = this.depth - 1;
    this.classify(i, top);
    const level = this.pushFrame(i, FRAME_BRACE);
    if (this.resultKind === FUNCTION) {
      const fn = this.collector.open(this.resultName, this.resultLine);
      this.frameFunction[level] = fn;
      this.currentFunction = fn;
    }
    this.frameArm[level] = this.resultArm;
    this.frameTypeContext[level] = this.resultTypeContext ? 1 : 0;
  }

  private setFunction(name: string, line: number): void {
    this.resultKind = FUNCTION;
    this.resultName = name;
    this.resultLine = line;
  }

  /** Decides what the `{` at token `i` opens; the statement state lives in frame `top`. */
  private classify(i: number, top: number): void {
    const tokens = this.tokens;
    const rules = this.rules;
    this.resultKind = BLOCK;
    this.resultArm = null;
    this.resultTypeContext = false;
    this.signatureEnd = -1;
    const previous = this.previous(i);
    const braceLine = tokens.line[i]!;

    // 1. `(params) => {`, `x -> {`: a lambda body, unless the arrow ends a `case` label.
    if (rules.lambdaArrow !== null && previous >= 0) {
      const arrow = rules.lambdaArrow === '=>' ? PUNCT_FAT_ARROW : PUNCT_THIN_ARROW;
      if (this.isPunctAt(previous, arrow) && this.frameCase[top]! < this.frameStatement[top]!) {
        if (rules.typeAnnotations && this.isFunctionType(previous, top)) {
          this.resultTypeContext = true;
          return;
        }
        this.arrowFunction(previous);
        return;
      }
    }

    // 2. The latest keyword of the statement decides.
    const control = this.frameControl[top]!;
    const type = this.frameType[top]!;
    const functionKeyword = this.frameFunctionKeyword[top]!;
    const latest = Math.max(control, type, functionKeyword);
    if (latest >= 0) {
      if (functionKeyword >= 0 && latest !== type) {
        // `fun f() {`, and expression bodies whose braces belong to a control construct:
        // `def f(n: Int) = n match {`, `fun f(x: Int) = when (x) {` — the braces are the body.
        this.setFunction(this.functionKeywordName(functionKeyword, i), tokens.line[functionKeyword]!);
        if (latest === control) this.resultArm = this.armOf(control);
        return;
      }
      if (latest === type) {
        this.resultTypeContext = true;
        if (rules.signatureDeclarations && !rules.typeBeatsSignature) {
          const name = this.signature(i);
          if (name > type) this.setFunction(this.nameText(name), tokens.line[this.nameStart(name)]!);
        }
        return;
      }
      const arm = this.armOf(control);
      if (arm !== null) {
        this.resultKind = ARMS;
        this.resultArm = arm;
      }
      return;
    }

    // Type literals and alias bodies: `): { a: T } {`, `Promise<{ … }>`, `type T = { … }`.
    if (rules.typeAnnotations && (this.isTypeLiteral(previous, top) || this.isTypeAlias(top))) {
      this.resultTypeContext = true;
      return;
    }

    // 3. `name(params) trailer {`.
    if (rules.signatureDeclarations) {
      if (rules.bracketLambdas && this.isBracketLambda(previous)) {
        this.setFunction(ANONYMOUS, braceLine);
        return;
      }
      const name = this.signature(i);
      if (name >= 0) {
        this.setFunction(this.nameText(name), tokens.line[this.nameStart(name)]!);
        return;
      }
      if (name === ANONYMOUS_SIGNATURE) {
        this.setFunction(ANONYMOUS, braceLine);
        return;
      }
    }

    // 4. Language-specific closures and methods.
    if (previous >= 0) {
      if (rules.pipeClosures && (this.isPunctAt(previous, PIPE) || this.isPunctAt(previous, PUNCT_OR_OR))) {
        this.setFunction(ANONYMOUS, tokens.line[previous]!);
        return;
      }
      if (rules.objectiveC && this.isPunctAt(previous, CARET)) {
        this.setFunction(ANONYMOUS, braceLine);
        return;
      }
      if (rules.objectiveC && this.objectiveCMethod(top, i)) return;
      if (rules.getterBlocks && tokens.kind[previous] === TOKEN_IDENTIFIER && tokens.id[this.previous(previous)] === KEYWORD.get) {
        this.setFunction(this.text.slice(tokens.start[previous]!, tokens.end[previous]!), tokens.line[previous]!);
        return;
      }
    }

    // 5. Braces in expression position.
    if (rules.bareBraces === 'closure') {
      if (!this.isPunctAt(previous, PUNCT_THIN_ARROW)) this.setFunction(ANONYMOUS, braceLine);
    } else if (rules.bareBraces === 'trailing-closure' && previous >= 0) {
      const afterCall =
        (tokens.kind[previous] === TOKEN_IDENTIFIER && tokens.id[previous] === 0 && tokens.id[this.previous(previous)] !== KEYWORD.new) ||
        this.isPunctAt(previous, RPAREN) ||
        this.isPunctAt(previous, RBRACKET);
      if (afterCall) this.setFunction(ANONYMOUS, braceLine);
    }
  }

  /** Punctuation after which `{` starts an object type: `:`, `?:`, `<`, `|`, `&`, `,` (TypeScript). */
  private isTypePunctuation(i: number): boolean {
    if (i < 0 || this.tokens.kind[i] !== TOKEN_PUNCTUATION) return false;
    const punct = this.tokens.id[i];
    return punct === COLON || punct === PUNCT_ELVIS || punct === LT || punct === PIPE || punct === AMP || punct === COMMA;
  }

  /**
   * `{` at a type position: in a generic or union (`<{`, `| {`), a return type (`): {`), a
   * parameter annotation (`(opts: {`), or anywhere after `:` inside a type body.
   */
  private isTypeLiteral(previous: number, top: number): boolean {
    if (!this.isTypePunctuation(previous)) return false;
    const punct = this.tokens.id[previous];
    if (punct === LT || punct === PIPE || punct === AMP) return true;
    if (this.frameTypeContext[top] === 1) return true;
    if (punct === COMMA) return false;
    return this.isAnnotationColon(previous, top);
  }

  /** The `:` (or `?:`) at `colon` annotates a parameter or a return type. */
  private isAnnotationColon(colon: number, top: number): boolean {
    const before = this.previous(colon);
    if (this.isPunctAt(before, RPAREN)) return true;
    if (this.frameKind[top] !== FRAME_PAREN || before < 0 || this.tokens.kind[before] !== TOKEN_IDENTIFIER) return false;
    const opener = this.previous(before);
    return this.isPunctAt(opener, LPAREN) || this.isPunctAt(opener, COMMA) || (opener >= 0 && this.tokens.kind[opener] === TOKEN_IDENTIFIER);
  }

  /** The statement is a TypeScript type alias: `type Name<…> = …`. */
  private isTypeAlias(top: number): boolean {
    const first = this.frameStatement[top]!;
    return this.isWord(first, 'type') && first + 1 < this.tokens.count && this.tokens.kind[first + 1] === TOKEN_IDENTIFIER;
  }

  /** `(x: T) => {` where the arrow is a function type (its `{` an object type), not an arrow function. */
  private isFunctionType(arrow: number, top: number): boolean {
    if (this.frameTypeContext[top] === 1 || this.isTypeAlias(top)) return true;
    const tokens = this.tokens;
    let start = this.previous(arrow);
    if (this.isPunctAt(start, RPAREN) && tokens.match[start]! >= 0) start = tokens.match[start]!;
    let before = this.previous(start);
    if (this.isPunctAt(before, GT)) before = this.previous(this.openingAngle(before));
    return (this.isPunctAt(before, COLON) || this.isPunctAt(before, PUNCT_ELVIS)) && this.isAnnotationColon(before, top);
  }

  /** The arm construct introduced by the control keyword at `control`, if any. */
  private armOf(control: number): CompiledArm | null {
    const arm = this.structure.armByKeyword.get(this.tokens.id[control]!);
    if (!arm || (arm.postfixOnly && !this.endsValue(this.previous(control)))) return null;
    return arm;
  }

  /** `[=] {` (C++ lambda without parameters), but not `string[] {` (a return type). */
  private isBracketLambda(previous: number): boolean {
    if (!this.isPunctAt(previous, RBRACKET)) return false;
    const open = this.tokens.match[previous]!;
    if (open < 0) return false;
    return !this.endsValue(this.previous(open));
  }

  /** Name and start line of an arrow function whose arrow is at `arrow`. */
  private arrowFunction(arrow: number): void {
    const tokens = this.tokens;
    let start = this.previous(arrow);
    if (start < 0) {
      this.setFunction(ANONYMOUS, tokens.line[arrow]!);
      return;
    }
    // `(a): Promise<T> => {`: step back over a return type to the parameter list.
    let steps = 0;
    while (start >= 0 && !this.isPunctAt(start, RPAREN) && tokens.kind[start] !== TOKEN_IDENTIFIER && steps++ < 24) {
      start = this.previous(start);
    }
    if (start >= 0 && this.isPunctAt(start, RPAREN) && tokens.match[start]! >= 0) start = tokens.match[start]!;
    if (start < 0) {
      this.setFunction(ANONYMOUS, tokens.line[arrow]!);
      return;
    }
    let before = this.previous(start);
    if (before >= 0 && tokens.id[before] === KEYWORD.async && tokens.kind[before] === TOKEN_IDENTIFIER) before = this.previous(before);
    // Generic arrow functions: `const f = <T,>(x: T) => {`.
    if (this.isPunctAt(before, GT)) before = this.previous(this.openingAngle(before));
    const name = this.assignedName(before);
    if (name >= 0) this.setFunction(this.text.slice(tokens.start[name]!, tokens.end[name]!), tokens.line[name]!);
    else this.setFunction(ANONYMOUS, tokens.line[start]!);
  }

  /**
   * For `name = …` and `name: …` where `before` is the `=` or `:`, the name's token; else -1.
   * A type annotation between name and `=` is stepped over: `const f: Handler<T> = () => {`.
   */
  private assignedName(before: number): number {
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

  /** The name after a function keyword: `func (r R) Name(`, `fun <T> Foo.bar(`, `fn name<T>(`. */
  private functionKeywordName(keyword: number, brace: number): string {
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

  /** Index after the `>` closing the `<` at `open` (bounded). */
  private skipAngles(open: number, limit: number): number {
    let depth = 0;
    for (let j = open; j < limit && j < open + 64; j++) {
      if (this.isPunctAt(j, LT)) depth++;
      else if (this.isPunctAt(j, GT) && --depth === 0) return j + 1;
    }
    return open;
  }

  /**
   * Looks back from the `{` at `brace` for `name(params) trailer`: returns the name token (the
   * start of a qualified name is found by {@link nameStart}), {@link ANONYMOUS_SIGNATURE} for a
   * lambda or closure, or {@link NO_SIGNATURE}.
   */
  private signature(brace: number): number {
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
  private genericName(close: number): number {
    const open = this.openingAngle(close);
    if (open < 0) return -1;
    const name = this.previous(open);
    const tokens = this.tokens;
    return name >= 0 && tokens.kind[name] === TOKEN_IDENTIFIER && tokens.id[name] === 0 ? name : -1;
  }

  /** The `<` matching the `>` at `close` (angle brackets are not linked by the lexer), or -1. */
  private openingAngle(close: number): number {
    let depth = 0;
    let j = close;
    for (let steps = 0; j >= 0 && steps < 32; steps++, j = this.previous(j)) {
      if (this.isPunctAt(j, GT)) depth++;
      else if (this.isPunctAt(j, LT) && --depth === 0) return j;
    }
    return -1;
  }

  /** Tokens allowed between a parameter list and its `{`: return types, `throws`, `const`, `where` clauses. */
  private isTrailer(j: number): boolean {
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
  private qualifiedStart(name: number): number {
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

  private nameStart(name: number): number {
    return this.qualifiedStart(name);
  }

  private nameText(name: number): string {
    const tokens = this.tokens;
    const end = this.signatureEnd > name ? this.signatureEnd : name;
    return this.text.slice(tokens.start[this.qualifiedStart(name)]!, tokens.end[end]!);
  }

  /** `a{x}` after `:` or `,` in a constructor initialiser list (the `{` at `brace`). */
  private isInitializerBrace(brace: number): boolean {
    const member = this.previous(brace);
    if (member < 0 || this.tokens.kind[member] !== TOKEN_IDENTIFIER || this.tokens.id[member] !== 0) return false;
    const separator = this.previous(member);
    return this.isPunctAt(separator, COMMA) || (this.isPunctAt(separator, COLON) && this.isPunctAt(this.previous(separator), RPAREN));
  }

  /** Objective-C `- (type)selector:(type)arg … {` at the top level of an `@implementation`. */
  private objectiveCMethod(top: number, brace: number): boolean {
    if (top !== 0) return false;
    const tokens = this.tokens;
    let first = this.previous(brace);
    for (let steps = 0; first >= 0 && steps < SIGNATURE_LOOKBACK; steps++, first = this.previous(first)) {
      if (tokens.flags[first]! & FLAG_LINE_START && (this.isPunctAt(first, MINUS) || this.isPunctAt(first, PLUS))) break;
      if (this.isPunctAt(first, SEMICOLON) || this.isPunctAt(first, RBRACE) || this.isPunctAt(first, LBRACE)) return false;
    }
    if (first < 0 || !(tokens.flags[first]! & FLAG_LINE_START)) return false;
    if (!this.isPunctAt(first, MINUS) && !this.isPunctAt(first, PLUS)) return false;
    let name = first + 1;
    if (this.isPunctAt(name, LPAREN) && tokens.match[name]! > name) name = tokens.match[name]! + 1;
    if (name >= tokens.count || tokens.kind[name] !== TOKEN_IDENTIFIER) return false;
    this.setFunction(this.text.slice(tokens.start[name]!, tokens.end[name]!), tokens.line[name]!);
    return true;
  }

  // ---------------------------------------------------------------------------------------
  // Token helpers

  /** True when token `i` can end an operand: a name, literal or closing bracket. */
  private endsValue(i: number): boolean {
    if (i < 0) return false;
    const tokens = this.tokens;
    switch (tokens.kind[i]) {
      case TOKEN_IDENTIFIER:
      case TOKEN_NUMBER:
      case TOKEN_STRING:
        return true;
      default: {
        const punct = tokens.id[i];
        return punct === RPAREN || punct === RBRACKET || punct === RBRACE || punct === PUNCT_INCREMENT || punct === BANG || punct === QUESTION;
      }
    }
  }

  private previous(i: number): number {
    const flags = this.tokens.flags;
    let j = i - 1;
    while (j >= 0 && flags[j]! & FLAG_PREPROCESSOR) j--;
    return j;
  }

  private next(i: number): number {
    const tokens = this.tokens;
    let j = i + 1;
    while (j < tokens.count && tokens.flags[j]! & FLAG_PREPROCESSOR) j++;
    return j < tokens.count ? j : -1;
  }

  private isPunctAt(i: number, punct: number): boolean {
    return this.tokens.isPunct(i, punct);
  }

  private isWord(i: number, word: string): boolean {
    const tokens = this.tokens;
    if (i < 0 || i >= tokens.count || tokens.kind[i] !== TOKEN_IDENTIFIER) return false;
    const start = tokens.start[i]!;
    return tokens.end[i]! - start === word.length && this.text.startsWith(word, start);
  }
}

const finder = new BraceFinder();

/**
 * Finds the functions of a brace-delimited file and their cyclomatic complexity.
 *
 * @example
 * findBraceFunctions(tokens, text, compileStructure(STRUCTURE_PROFILES.java), collector);
 * collector.finish(lineCount); // [{ name: 'main', startLine: 2, endLine: 9, ccn: 3 }, …]
 */
export function findBraceFunctions(tokens: TokenBuffer, text: string, structure: CompiledStructure, collector: FunctionCollector): void {
  finder.run(tokens, text, structure, collector);
}
