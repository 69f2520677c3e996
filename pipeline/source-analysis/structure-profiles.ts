/**
 * Structural rules per language: which keywords are decision points (cyclomatic complexity),
 * which open control blocks, types and functions, and how a language writes closures. Kept as
 * data so the finders stay language-neutral and the tables can be read and reviewed on their own.
 *
 * Counting follows lizard's token approach (1 + `if for while case catch && || ?` and each
 * language's equivalents), with these deliberate choices:
 * - `??`, `?.`, `??=` and the Elvis `?:` are not counted: they handle absent values rather than
 *   express an alternative the author wrote, and counting them would make null-safe code score
 *   higher than the same code without the checks. (lizard counts Kotlin's `?:`; we do not.)
 * - `finally` and Ruby's `ensure` always run, so they are not decisions (lizard counts them for
 *   Python and Ruby only).
 * - Arms of Rust `match`, Kotlin `when`, PHP `match` and C# switch expressions count like `case`
 *   labels; the catch-all arm (`_`, `else`, `default`) does not, just as `default:` does not.
 *   lizard counts Rust's `match` keyword and `where` clauses instead.
 * - `&&=` and `||=` count like `&&` and `||` (they short-circuit the same way).
 * - Rust's `?` operator counts: it is an early return, like Go's `if err != nil { return err }`.
 */

/** How `?` is read. */
export type QuestionMarkRule =
  /** `a ? b : c`, excluding nullable types such as `int?`, `T?` and wildcards `<?>`. */
  | 'ternary'
  /** Swift: a ternary `?` always has whitespace on both sides; otherwise it is optional chaining. */
  | 'spaced-ternary'
  /** Rust: `?` propagates an error, an early return. */
  | 'try-operator'
  /** Languages without a `?` operator that branches (Kotlin, Scala, Go, Python). */
  | 'none';

/** An arm-based branch construct whose arms count like `case` labels. */
export interface ArmConstruct {
  /** Keyword introducing the construct (`match`, `when`, `switch`). */
  readonly keyword: string;
  /** Token separating an arm's pattern from its body. */
  readonly arrow: '=>' | '->';
  /** The catch-all pattern, which does not count. */
  readonly fallback: string;
  /** Only when the keyword follows a value (`x switch { … }` in C#), not `switch (x) { … }`. */
  readonly postfixOnly?: boolean;
}

/** Rules for languages whose bodies are delimited by braces. */
export interface BraceStructure {
  readonly finder: 'braces';
  readonly decisionKeywords: readonly string[];
  /** Whether `&&` and `||` (and `&&=`, `||=`) are decision points. */
  readonly logicalOperators: boolean;
  readonly question: QuestionMarkRule;
  readonly arms: readonly ArmConstruct[];
  /** Keywords whose following `{` is a control block, never a function or closure. */
  readonly controlKeywords: readonly string[];
  /** Keywords whose following `{` is a type body (class, struct, impl, …). */
  readonly typeKeywords: readonly string[];
  /** Keywords that introduce a function (`function`, `func`, `fn`, `fun`, `def`, accessors). */
  readonly functionKeywords: readonly string[];
  /** Keywords that can never be a method name before `(`. */
  readonly reservedWords: readonly string[];
  /** Keywords after which an expression (and so a regex or JSX element) may start. */
  readonly expressionKeywords: readonly string[];
  /** Keywords that end a statement at a line break (`return`, `break`, …) where newlines end statements. */
  readonly statementEndKeywords: readonly string[];
  /** `name(params) trailer {` with no keyword declares a function (C family, Java, C#, Dart, JS methods). */
  readonly signatureDeclarations: boolean;
  /** A type keyword wins over a `name(…)` signature before the same `{` (Java `record P(int x) {`). C's `struct s *f() {` is a function. */
  readonly typeBeatsSignature: boolean;
  /** Arrow that, directly before `{`, opens a lambda body (`=>` JS/C#, `->` Java). */
  readonly lambdaArrow: '=>' | '->' | null;
  /**
   * What a `{` claimed by no other rule is: always a closure (Kotlin, Swift: blocks only follow
   * keywords there), a closure only right after a call (Scala trailing blocks), or a plain block.
   */
  readonly bareBraces: 'block' | 'closure' | 'trailing-closure';
  /** Line breaks end statements (Go, Kotlin, Swift, Scala). */
  readonly newlineEndsStatement: boolean;
  /** `=` does not end a declaration (Scala `def f(x: Int): Int = {`, Kotlin `fun f(x: Int) = when (x) {`). */
  readonly assignmentContinuesDeclaration: boolean;
  /** Constructor initialiser lists after `:` (C++ `: a(x), b(y)`, C# `: base(x)`, Dart). */
  readonly initializerLists: boolean;
  /** `](…) {` or `[…] {` opens a lambda (C++) or computed method (JS). */
  readonly bracketLambdas: boolean;
  /** `|x| {` and `|| {` open closures (Rust). */
  readonly pipeClosures: boolean;
  /** `(x) {` in argument position opens a closure (Dart). */
  readonly parenClosures: boolean;
  /** `^{` and `^(…) {` blocks, `- (void)name {` methods (Objective-C). */
  readonly objectiveC: boolean;
  /** `get name {` getters (Dart). */
  readonly getterBlocks: boolean;
  /** Declarations may have dotted names (Dart named constructors `Point.origin() {`). */
  readonly dottedDeclarations: boolean;
  /** `&&` directly after a type is an rvalue reference, not a decision (C++). */
  readonly rvalueReferences: boolean;
  /** TypeScript annotations: object types (`): { a: T } {`) and function types (`f: (x) => { … }`) are not bodies. */
  readonly typeAnnotations: boolean;
}

/** Rules for Python-like languages, where indentation delimits bodies. */
export interface IndentStructure {
  readonly finder: 'indent';
  readonly decisionKeywords: readonly string[];
  /** Keywords counted only at the start of a logical line (Python's soft keyword `case`). */
  readonly softDecisionKeywords: readonly string[];
  readonly functionKeywords: readonly string[];
}

/** Rules for Ruby-like languages, where `end` closes blocks. */
export interface EndStructure {
  readonly finder: 'end';
  readonly decisionKeywords: readonly string[];
  readonly logicalOperators: boolean;
  readonly question: QuestionMarkRule;
  readonly functionKeywords: readonly string[];
  /** Keywords that always open a block closed by `end`. */
  readonly blockKeywords: readonly string[];
  /** Keywords that open a block at the start of a statement but are modifiers after an expression. */
  readonly modifierKeywords: readonly string[];
  /** Loop keywords whose optional `do` on the same line does not open another block. */
  readonly loopKeywords: readonly string[];
  /** Keywords that end an expression, so a following `if` is a modifier. */
  readonly valueKeywords: readonly string[];
  readonly expressionKeywords: readonly string[];
}

export type StructureProfile = BraceStructure | IndentStructure | EndStructure;

const C_DECISIONS = ['if', 'for', 'while', 'case', 'catch'] as const;
const C_CONTROL = ['if', 'else', 'for', 'while', 'do', 'switch', 'try', 'catch', 'finally'] as const;
const C_RESERVED = [
  ...C_CONTROL,
  'return',
  'new',
  'throw',
  'case',
  'sizeof',
  'typeof',
  'delete',
  'in',
  'instanceof',
  'await',
  'yield',
] as const;

const BRACE_DEFAULTS: Omit<BraceStructure, 'decisionKeywords' | 'controlKeywords' | 'typeKeywords'> = {
  finder: 'braces',
  logicalOperators: true,
  question: 'ternary',
  arms: [],
  functionKeywords: [],
  reservedWords: C_RESERVED,
  expressionKeywords: [],
  statementEndKeywords: [],
  signatureDeclarations: true,
  typeBeatsSignature: true,
  lambdaArrow: null,
  bareBraces: 'block',
  newlineEndsStatement: false,
  assignmentContinuesDeclaration: false,
  initializerLists: false,
  bracketLambdas: false,
  pipeClosures: false,
  parenClosures: false,
  objectiveC: false,
  getterBlocks: false,
  dottedDeclarations: false,
  rvalueReferences: false,
  typeAnnotations: false,
};

function braces(rules: Partial<BraceStructure> & Pick<BraceStructure, 'controlKeywords' | 'typeKeywords'>): BraceStructure {
  return Object.freeze({ ...BRACE_DEFAULTS, decisionKeywords: C_DECISIONS, ...rules });
}

const JS_EXPRESSION_KEYWORDS = [
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'instanceof',
  'yield',
  'await',
] as const;

const JAVASCRIPT = braces({
  controlKeywords: [...C_CONTROL, 'with'],
  typeKeywords: ['class', 'interface', 'enum', 'namespace', 'module'],
  functionKeywords: ['function'],
  reservedWords: [...C_RESERVED, 'with', 'of', 'void', 'import', 'export', 'function'],
  expressionKeywords: JS_EXPRESSION_KEYWORDS,
  lambdaArrow: '=>',
  bracketLambdas: true,
  typeAnnotations: true,
});

const C_LANGUAGE = braces({
  controlKeywords: C_CONTROL,
  typeKeywords: ['struct', 'union', 'enum'],
  typeBeatsSignature: false,
});

const CPP = braces({
  controlKeywords: C_CONTROL,
  typeKeywords: ['class', 'struct', 'union', 'enum', 'namespace'],
  reservedWords: [...C_RESERVED, 'noexcept', 'decltype', 'alignof', 'requires', 'operator'],
  typeBeatsSignature: false,
  initializerLists: true,
  bracketLambdas: true,
  rvalueReferences: true,
});

const OBJECTIVE_C = braces({
  controlKeywords: C_CONTROL,
  typeKeywords: ['struct', 'union', 'enum'],
  typeBeatsSignature: false,
  objectiveC: true,
});

const OBJECTIVE_CPP = braces({ ...CPP, objectiveC: true });

// `synchronized`, `unsafe` and the like are also method modifiers, so they are reserved words
// (never a method name) rather than control keywords (whose `{` would never be a function).
const JAVA = braces({
  controlKeywords: C_CONTROL,
  typeKeywords: ['class', 'interface', 'enum', 'record'],
  reservedWords: [...C_RESERVED, 'synchronized', 'assert'],
  lambdaArrow: '->',
});

const CSHARP = braces({
  decisionKeywords: [...C_DECISIONS, 'foreach'],
  controlKeywords: [...C_CONTROL, 'foreach', 'lock', 'using', 'fixed'],
  typeKeywords: ['class', 'interface', 'struct', 'enum', 'record', 'namespace'],
  functionKeywords: ['delegate', 'get', 'set', 'init', 'add', 'remove'],
  reservedWords: [...C_RESERVED, 'foreach', 'lock', 'using', 'fixed', 'checked', 'unchecked', 'nameof', 'default', 'when'],
  arms: [{ keyword: 'switch', arrow: '=>', fallback: '_', postfixOnly: true }],
  lambdaArrow: '=>',
  initializerLists: true,
});

const GO = braces({
  decisionKeywords: ['if', 'for', 'case'],
  controlKeywords: ['if', 'else', 'for', 'switch', 'select'],
  typeKeywords: ['struct', 'interface'],
  functionKeywords: ['func'],
  reservedWords: ['if', 'else', 'for', 'switch', 'select', 'return', 'go', 'defer', 'case'],
  statementEndKeywords: ['return', 'break', 'continue', 'fallthrough'],
  question: 'none',
  signatureDeclarations: false,
  newlineEndsStatement: true,
});

const RUST = braces({
  decisionKeywords: ['if', 'for', 'while'],
  controlKeywords: ['if', 'else', 'for', 'while', 'loop', 'match', 'unsafe', 'async'],
  typeKeywords: ['struct', 'enum', 'trait', 'impl', 'mod', 'union'],
  functionKeywords: ['fn'],
  question: 'try-operator',
  arms: [{ keyword: 'match', arrow: '=>', fallback: '_' }],
  signatureDeclarations: false,
  pipeClosures: true,
});

const KOTLIN = braces({
  decisionKeywords: ['if', 'for', 'while', 'catch'],
  controlKeywords: ['if', 'else', 'for', 'while', 'do', 'when', 'try', 'catch', 'finally', 'init'],
  typeKeywords: ['class', 'interface', 'object'],
  functionKeywords: ['fun', 'constructor', 'get', 'set'],
  statementEndKeywords: ['return', 'break', 'continue'],
  question: 'none',
  arms: [{ keyword: 'when', arrow: '->', fallback: 'else' }],
  signatureDeclarations: false,
  bareBraces: 'closure',
  newlineEndsStatement: true,
  assignmentContinuesDeclaration: true,
});

const SWIFT = braces({
  decisionKeywords: ['if', 'for', 'while', 'case', 'catch', 'guard'],
  controlKeywords: ['if', 'else', 'for', 'while', 'repeat', 'do', 'switch', 'guard', 'defer', 'catch'],
  typeKeywords: ['class', 'struct', 'enum', 'protocol', 'extension', 'actor'],
  functionKeywords: ['func', 'init', 'deinit', 'subscript', 'get', 'set', 'willSet', 'didSet'],
  statementEndKeywords: ['return', 'break', 'continue', 'fallthrough'],
  question: 'spaced-ternary',
  signatureDeclarations: false,
  bareBraces: 'closure',
  newlineEndsStatement: true,
});

const SCALA = braces({
  decisionKeywords: ['if', 'for', 'while', 'case'],
  controlKeywords: ['if', 'else', 'for', 'while', 'do', 'match', 'try', 'catch', 'finally', 'yield'],
  typeKeywords: ['class', 'object', 'trait', 'enum', 'package'],
  functionKeywords: ['def'],
  statementEndKeywords: ['return'],
  question: 'none',
  signatureDeclarations: false,
  lambdaArrow: '=>',
  bareBraces: 'trailing-closure',
  newlineEndsStatement: true,
  assignmentContinuesDeclaration: true,
});

const PHP = braces({
  decisionKeywords: ['if', 'elseif', 'for', 'foreach', 'while', 'case', 'catch', 'and', 'or'],
  controlKeywords: [...C_CONTROL, 'elseif', 'foreach', 'match', 'declare'],
  typeKeywords: ['class', 'interface', 'trait', 'enum', 'namespace'],
  functionKeywords: ['function', 'fn'],
  arms: [{ keyword: 'match', arrow: '=>', fallback: 'default' }],
  signatureDeclarations: false,
});

const DART = braces({
  controlKeywords: C_CONTROL,
  typeKeywords: ['class', 'mixin', 'extension', 'enum'],
  reservedWords: [...C_RESERVED, 'get', 'set'],
  initializerLists: true,
  parenClosures: true,
  getterBlocks: true,
  dottedDeclarations: true,
});

const PYTHON: IndentStructure = Object.freeze({
  finder: 'indent',
  decisionKeywords: ['if', 'elif', 'for', 'while', 'except', 'and', 'or'],
  softDecisionKeywords: ['case'],
  functionKeywords: ['def'],
});

const RUBY: EndStructure = Object.freeze({
  finder: 'end',
  decisionKeywords: ['if', 'unless', 'elsif', 'while', 'until', 'for', 'when', 'rescue', 'and', 'or'],
  logicalOperators: true,
  question: 'ternary',
  functionKeywords: ['def'],
  blockKeywords: ['class', 'module', 'begin', 'case', 'for'],
  modifierKeywords: ['if', 'unless', 'while', 'until'],
  loopKeywords: ['while', 'until', 'for'],
  valueKeywords: ['end', 'self', 'nil', 'true', 'false', 'return', 'break', 'next', 'redo', 'retry', 'super', 'yield'],
  expressionKeywords: ['if', 'elsif', 'unless', 'while', 'until', 'when', 'and', 'or', 'not', 'return', 'then'],
});

/** Structural rules keyed by the lexical family or language they apply to. */
export const STRUCTURE_PROFILES = Object.freeze({
  javascript: JAVASCRIPT,
  c: C_LANGUAGE,
  cpp: CPP,
  objectiveC: OBJECTIVE_C,
  objectiveCpp: OBJECTIVE_CPP,
  java: JAVA,
  csharp: CSHARP,
  go: GO,
  rust: RUST,
  kotlin: KOTLIN,
  swift: SWIFT,
  scala: SCALA,
  php: PHP,
  dart: DART,
  python: PYTHON,
  ruby: RUBY,
});

export type StructureKey = keyof typeof STRUCTURE_PROFILES;
