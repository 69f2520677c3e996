/**
 * Compiles structure profiles into per-keyword role bits over one shared keyword table, so the
 * finders test `roles[id] & ROLE_X` instead of comparing strings.
 */
import { KeywordTable } from './keyword-table.js';
import type { LexerKeywords } from './lexer.js';
import { STRUCTURE_PROFILES, type ArmConstruct, type StructureProfile } from './structure-profiles.js';
import {
  PUNCT_FAT_ARROW,
  PUNCT_THIN_ARROW,
} from './token-buffer.js';

export const ROLE_DECISION = 1 << 0;
export const ROLE_CONTROL = 1 << 1;
export const ROLE_TYPE = 1 << 2;
export const ROLE_FUNCTION = 1 << 3;
export const ROLE_RESERVED = 1 << 4;
/** An expression (and so a regex literal or JSX element) may follow. */
export const ROLE_EXPRESSION = 1 << 5;
export const ROLE_STATEMENT_END = 1 << 6;
/** Counted only at the start of a logical line (Python `case`). */
export const ROLE_SOFT_DECISION = 1 << 7;
/** Ruby: always opens a block closed by `end`. */
export const ROLE_BLOCK = 1 << 8;
/** Ruby: opens a block at statement start, a modifier after an expression. */
export const ROLE_MODIFIER = 1 << 9;
/** Ruby: a loop whose `do` on the same line is part of the loop. */
export const ROLE_LOOP = 1 << 10;
/** Ruby: ends an expression. */
export const ROLE_VALUE = 1 << 11;

/** Words the finders refer to directly, beyond those the profiles list. */
const FINDER_WORDS = [
  'where',
  'new',
  'case',
  'default',
  'else',
  'async',
  'get',
  'operator',
  'def',
  'do',
  'end',
  'move',
  'function',
  'lambda',
] as const;

function profileWords(profile: StructureProfile): string[] {
  const words: string[] = [...profile.decisionKeywords, ...profile.functionKeywords];
  if (profile.finder === 'braces') {
    words.push(
      ...profile.controlKeywords,
      ...profile.typeKeywords,
      ...profile.reservedWords,
      ...profile.expressionKeywords,
      ...profile.statementEndKeywords,
      ...profile.arms.map((arm) => arm.keyword),
      ...profile.arms.map((arm) => arm.fallback),
    );
  } else if (profile.finder === 'indent') {
    words.push(...profile.softDecisionKeywords);
  } else {
    words.push(...profile.blockKeywords, ...profile.modifierKeywords, ...profile.loopKeywords, ...profile.valueKeywords, ...profile.expressionKeywords);
  }
  return words;
}

/** The keyword table shared by every language. */
export const KEYWORDS = new KeywordTable([
  ...Object.values(STRUCTURE_PROFILES).flatMap((profile) => profileWords(profile)),
  ...FINDER_WORDS,
]);

/** Ids of the words finders test directly. */
export const KEYWORD = Object.freeze({
  where: KEYWORDS.idOf('where'),
  new: KEYWORDS.idOf('new'),
  case: KEYWORDS.idOf('case'),
  default: KEYWORDS.idOf('default'),
  else: KEYWORDS.idOf('else'),
  async: KEYWORDS.idOf('async'),
  get: KEYWORDS.idOf('get'),
  operator: KEYWORDS.idOf('operator'),
  def: KEYWORDS.idOf('def'),
  do: KEYWORDS.idOf('do'),
  end: KEYWORDS.idOf('end'),
  move: KEYWORDS.idOf('move'),
  function: KEYWORDS.idOf('function'),
});

/** A structure profile with its keyword roles resolved. */
export interface CompiledStructure {
  readonly rules: StructureProfile;
  readonly roles: Uint16Array;
  /** Arm construct introduced by each keyword id, if any. */
  readonly armByKeyword: ReadonlyMap<number, CompiledArm>;
  /** What the lexer needs from this profile. */
  readonly lexerKeywords: LexerKeywords;
}

/** An arm construct with its arrow as a punctuation id. */
export interface CompiledArm {
  readonly arrow: number;
  readonly fallback: string;
  readonly postfixOnly: boolean;
}

function mark(roles: Uint16Array, words: readonly string[], role: number): void {
  for (const word of words) {
    const id = KEYWORDS.idOf(word);
    if (id !== 0) roles[id]! |= role;
  }
}

function compileArm(arm: ArmConstruct): CompiledArm {
  return {
    arrow: arm.arrow === '=>' ? PUNCT_FAT_ARROW : PUNCT_THIN_ARROW,
    fallback: arm.fallback,
    postfixOnly: arm.postfixOnly === true,
  };
}

const compiled = new WeakMap<StructureProfile, CompiledStructure>();

/** Resolves a structure profile's keyword roles (cached). */
export function compileStructure(rules: StructureProfile): CompiledStructure {
  const cached = compiled.get(rules);
  if (cached) return cached;
  const roles = new Uint16Array(KEYWORDS.size);
  mark(roles, rules.decisionKeywords, ROLE_DECISION);
  mark(roles, rules.functionKeywords, ROLE_FUNCTION);
  const armByKeyword = new Map<number, CompiledArm>();
  if (rules.finder === 'braces') {
    mark(roles, rules.controlKeywords, ROLE_CONTROL);
    mark(roles, rules.typeKeywords, ROLE_TYPE);
    mark(roles, rules.reservedWords, ROLE_RESERVED);
    mark(roles, rules.expressionKeywords, ROLE_EXPRESSION);
    mark(roles, rules.statementEndKeywords, ROLE_STATEMENT_END);
    for (const arm of rules.arms) armByKeyword.set(KEYWORDS.idOf(arm.keyword), compileArm(arm));
  } else if (rules.finder === 'indent') {
    mark(roles, rules.softDecisionKeywords, ROLE_SOFT_DECISION);
  } else {
    mark(roles, rules.blockKeywords, ROLE_BLOCK);
    mark(roles, rules.modifierKeywords, ROLE_MODIFIER);
    mark(roles, rules.loopKeywords, ROLE_LOOP);
    mark(roles, rules.valueKeywords, ROLE_VALUE);
    mark(roles, rules.expressionKeywords, ROLE_EXPRESSION);
  }
  const result: CompiledStructure = {
    rules,
    roles,
    armByKeyword,
    lexerKeywords: { table: KEYWORDS, roles, expressionRole: ROLE_EXPRESSION },
  };
  compiled.set(rules, result);
  return result;
}
