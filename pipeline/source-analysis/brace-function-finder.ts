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
  LBRACE,
  LBRACKET,
  LPAREN,
  LT,
  MINUS,
  PIPE,
  PLUS,
  QUESTION,
  RBRACE,
  RBRACKET,
  RPAREN,
  SEMICOLON,
} from './char-codes.js';
import { ANONYMOUS_SIGNATURE, DeclarationReader, SIGNATURE_LOOKBACK } from './declaration-reader.js';
import { ANONYMOUS, type FunctionCollector } from './function-collector.js';
import {
  type CompiledArm,
  type CompiledStructure,
  KEYWORD,
  ROLE_CONTROL,
  ROLE_DECISION,
  ROLE_FUNCTION,
  ROLE_STATEMENT_END,
  ROLE_TYPE,
} from './keyword-roles.js';
import { isTernaryQuestion } from './question-mark.js';
import type { BraceStructure } from './structure-profiles.js';
import {
  FLAG_LINE_START,
  FLAG_PREPROCESSOR,
  FLAG_SPACE_BEFORE,
  PUNCT_AND_AND,
  PUNCT_AND_ASSIGN,
  PUNCT_ASSIGN_OPERATOR,
  PUNCT_ELVIS,
  PUNCT_FAT_ARROW,
  PUNCT_INCREMENT,
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


/** Walks one file's tokens. Instances are reused; all state is reset by {@link run}. */
class BraceFinder {
  private readonly reader = new DeclarationReader();
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

  // Result of classifying a `{`.
  private resultKind = BLOCK;
  private resultName = ANONYMOUS;
  private resultLine = 0;
  private resultArm: CompiledArm | null = null;
  private resultTypeContext = false;

  run(tokens: TokenBuffer, text: string, structure: CompiledStructure, collector: FunctionCollector): void {
    this.tokens = tokens;
    this.text = text;
    this.reader.use(tokens, text, structure);
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

  private keyword(i: number): void {
    const id = this.tokens.id[i]!;
    const role = this.roles[id]!;
    if (role === 0 && id !== KEYWORD.where && id !== KEYWORD.case && id !== KEYWORD.default) return;
    const top = this.depth - 1;
    if (role & ROLE_DECISION && !(id === KEYWORD.case && this.isCatchAllCase(i))) this.collector.addDecision(this.currentFunction);
    if (role & ROLE_CONTROL) this.frameControl[top] = i;
    if (role & ROLE_TYPE && this.frameFunctionKeyword[top]! < 0 && this.frameWhere[top] === 0) this.frameType[top] = i;
    if (role & ROLE_FUNCTION && !this.reader.isPunctAt(this.reader.previous(i), RBRACKET)) this.frameFunctionKeyword[top] = i;
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
    if (arm && arm.arrow === punct && !this.reader.isWord(this.reader.previous(i), arm.fallback)) {
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
    if (kind === TOKEN_IDENTIFIER || kind === TOKEN_NUMBER || kind === TOKEN_STRING || this.reader.isPunctAt(i, AT)) {
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

  /** `case _ =>` / `case _:` is a catch-all, like `default:`. */
  private isCatchAllCase(i: number): boolean {
    const next = i + 1;
    if (!this.reader.isWord(next, '_')) return false;
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
    const previous = this.reader.previous(i);
    if (previous < 0 || !this.reader.endsValue(previous)) return false;
    const tokens = this.tokens;
    if (rules.pipeClosures && punct === PUNCT_OR_OR) {
      // Rust `move || { … }` and `|| expr` as a closure's empty parameter list.
      if (tokens.id[previous] === KEYWORD.move || this.reader.isPunctAt(i + 1, LBRACE)) return false;
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
        return isTernaryQuestion(tokens, this.text, i, this.reader.previous(i));
      default:
        return false;
    }
  }

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
    this.reader.signatureEnd = -1;
    const previous = this.reader.previous(i);
    const braceLine = tokens.line[i]!;

    // 1. `(params) => {`, `x -> {`: a lambda body, unless the arrow ends a `case` label.
    if (rules.lambdaArrow !== null && previous >= 0) {
      const arrow = rules.lambdaArrow === '=>' ? PUNCT_FAT_ARROW : PUNCT_THIN_ARROW;
      if (this.reader.isPunctAt(previous, arrow) && this.frameCase[top]! < this.frameStatement[top]!) {
        if (rules.typeAnnotations && this.isFunctionType(previous, top)) {
          this.resultTypeContext = true;
          return;
        }
        this.setFunction(this.reader.arrowFunctionName(previous), this.reader.nameLine);
        return;
      }
    }

    // Object types are never bodies: `): { a: T } {`, `Promise<{ … }>`, `(opts: { … })`.
    if (rules.typeAnnotations && this.isTypeLiteral(previous, top)) {
      this.resultTypeContext = true;
      return;
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
        this.setFunction(this.reader.functionKeywordName(functionKeyword, i), tokens.line[functionKeyword]!);
        if (latest === control) this.resultArm = this.armOf(control);
        return;
      }
      if (latest === type) {
        this.resultTypeContext = true;
        if (rules.signatureDeclarations && !rules.typeBeatsSignature) {
          const name = this.reader.signature(i);
          if (name > type) this.setFunction(this.reader.nameText(name), tokens.line[this.reader.nameStart(name)]!);
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

    // A type alias body: `type T = { … }`.
    if (rules.typeAnnotations && this.isTypeAlias(top)) {
      this.resultTypeContext = true;
      return;
    }

    // 3. `name(params) trailer {`.
    if (rules.signatureDeclarations) {
      if (rules.bracketLambdas && this.reader.isBracketLambda(previous)) {
        this.setFunction(ANONYMOUS, braceLine);
        return;
      }
      const name = this.reader.signature(i);
      if (name >= 0) {
        this.setFunction(this.reader.nameText(name), tokens.line[this.reader.nameStart(name)]!);
        return;
      }
      if (name === ANONYMOUS_SIGNATURE) {
        this.setFunction(ANONYMOUS, braceLine);
        return;
      }
    }

    // 4. Language-specific closures and methods.
    if (previous >= 0) {
      if (rules.pipeClosures && (this.reader.isPunctAt(previous, PIPE) || this.reader.isPunctAt(previous, PUNCT_OR_OR))) {
        this.setFunction(ANONYMOUS, tokens.line[previous]!);
        return;
      }
      if (rules.objectiveC && this.reader.isPunctAt(previous, CARET)) {
        this.setFunction(ANONYMOUS, braceLine);
        return;
      }
      if (rules.objectiveC && this.objectiveCMethod(top, i)) return;
      if (rules.getterBlocks && tokens.kind[previous] === TOKEN_IDENTIFIER && tokens.id[this.reader.previous(previous)] === KEYWORD.get) {
        this.setFunction(this.reader.textOf(previous), tokens.line[previous]!);
        return;
      }
    }

    // 5. Braces in expression position.
    if (rules.bareBraces === 'closure') {
      if (!this.reader.isPunctAt(previous, PUNCT_THIN_ARROW)) this.setFunction(ANONYMOUS, braceLine);
    } else if (rules.bareBraces === 'trailing-closure' && previous >= 0) {
      const afterCall =
        (tokens.kind[previous] === TOKEN_IDENTIFIER && tokens.id[previous] === 0 && tokens.id[this.reader.previous(previous)] !== KEYWORD.new) ||
        this.reader.isPunctAt(previous, RPAREN) ||
        this.reader.isPunctAt(previous, RBRACKET);
      if (afterCall) this.setFunction(ANONYMOUS, braceLine);
    }
  }

  /**
   * `{` at a type position: in a generic or union (`<{`, `| {`), a return type (`): {`), a
   * parameter annotation (`(opts: {`), or anywhere after `:` inside a type body.
   */
  private isTypeLiteral(previous: number, top: number): boolean {
    if (!this.reader.isTypePunctuation(previous)) return false;
    const punct = this.tokens.id[previous];
    if (punct === LT || punct === PIPE || punct === AMP) return true;
    if (this.frameTypeContext[top] === 1) return true;
    if (punct === COMMA) return false;
    return this.isAnnotationColon(previous, top);
  }

  /** The `:` (or `?:`) at `colon` annotates a parameter or a return type. */
  private isAnnotationColon(colon: number, top: number): boolean {
    const before = this.reader.previous(colon);
    if (this.reader.isPunctAt(before, RPAREN)) return true;
    if (this.frameKind[top] !== FRAME_PAREN || before < 0 || this.tokens.kind[before] !== TOKEN_IDENTIFIER) return false;
    const opener = this.reader.previous(before);
    const reader = this.reader;
    return reader.isPunctAt(opener, LPAREN) || reader.isPunctAt(opener, COMMA) || (opener >= 0 && this.tokens.kind[opener] === TOKEN_IDENTIFIER);
  }

  /** The statement is a TypeScript type alias: `type Name<…> = …`. */
  private isTypeAlias(top: number): boolean {
    const first = this.frameStatement[top]!;
    return this.reader.isWord(first, 'type') && first + 1 < this.tokens.count && this.tokens.kind[first + 1] === TOKEN_IDENTIFIER;
  }

  /** `(x: T) => {` where the arrow is a function type (its `{` an object type), not an arrow function. */
  private isFunctionType(arrow: number, top: number): boolean {
    if (this.frameTypeContext[top] === 1 || this.isTypeAlias(top)) return true;
    const reader = this.reader;
    const start = reader.arrowParametersStart(arrow);
    if (start < 0) return false;
    const before = reader.beforeArrowParameters(start);
    return (reader.isPunctAt(before, COLON) || reader.isPunctAt(before, PUNCT_ELVIS)) && this.isAnnotationColon(before, top);
  }

  /** The arm construct introduced by the control keyword at `control`, if any. */
  private armOf(control: number): CompiledArm | null {
    const arm = this.structure.armByKeyword.get(this.tokens.id[control]!);
    if (!arm || (arm.postfixOnly && !this.reader.endsValue(this.reader.previous(control)))) return null;
    return arm;
  }

  /** Objective-C `- (type)selector:(type)arg … {` at the top level of an `@implementation`. */
  private objectiveCMethod(top: number, brace: number): boolean {
    if (top !== 0) return false;
    const tokens = this.tokens;
    let first = this.reader.previous(brace);
    for (let steps = 0; first >= 0 && steps < SIGNATURE_LOOKBACK; steps++, first = this.reader.previous(first)) {
      if (tokens.flags[first]! & FLAG_LINE_START && (this.reader.isPunctAt(first, MINUS) || this.reader.isPunctAt(first, PLUS))) break;
      if (this.reader.isPunctAt(first, SEMICOLON) || this.reader.isPunctAt(first, RBRACE) || this.reader.isPunctAt(first, LBRACE)) return false;
    }
    if (first < 0 || !(tokens.flags[first]! & FLAG_LINE_START)) return false;
    if (!this.reader.isPunctAt(first, MINUS) && !this.reader.isPunctAt(first, PLUS)) return false;
    let name = first + 1;
    if (this.reader.isPunctAt(name, LPAREN) && tokens.match[name]! > name) name = tokens.match[name]! + 1;
    if (name >= tokens.count || tokens.kind[name] !== TOKEN_IDENTIFIER) return false;
    this.setFunction(this.reader.textOf(name), tokens.line[name]!);
    return true;
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
