import type { GlobOverrideMatcher } from './glob-overrides.js';
import type { LanguageInfo } from './language-catalog.js';
import type { PathFacts } from './path-facts.js';
import {
  BACKEND_DIRECTORY_HINT,
  FALLBACK_STACK_RULES,
  FRONTEND_DIRECTORY_HINT,
  FRONTEND_HINT_EXEMPT_LANGUAGES,
  STACK_RULES_AFTER_HINTS,
  STACK_RULES_BEFORE_HINTS,
  type StackRule,
} from './rules/stack-rules.js';
import type { FileKind, Stack } from './types.js';

/** A file's stack and the auditable reason for it. */
export interface StackDecision {
  readonly stack: Stack;
  readonly reason: string;
}

/** Settings fixed for one repository. */
export interface StackResolverOptions {
  readonly overrides: GlobOverrideMatcher<Stack>;
  /** The repository's stack from config; used when a file has no strong evidence of its own. */
  readonly defaultStack?: Stack;
}

/** Decides the stack of one file. */
export type StackResolver = (facts: PathFacts, language: LanguageInfo | null, kind: FileKind) => StackDecision;

/** The matched directory or file name, without the slash that anchored it. */
function matchedSegment(matched: RegExpExecArray): string {
  return matched[0].startsWith('/') ? matched[0].slice(1) : matched[0];
}

/** Why a rule applied, quoting the language, extension or part of the path that made it apply. */
function applyRule(rule: StackRule, facts: PathFacts, language: LanguageInfo | null): string | null {
  const evidence: string[] = [];
  if (rule.languages !== undefined) {
    if (language === null || !rule.languages.has(language.name)) return null;
    evidence.push(language.name);
  }
  if (rule.extensions !== undefined) {
    if (!rule.extensions.has(facts.extension)) return null;
    evidence.push(facts.extension);
  }
  if (rule.path !== undefined) {
    const matched = rule.path.exec(facts.path);
    if (matched === null) return null;
    evidence.push(evidence.length === 0 ? matchedSegment(matched) : `under ${matchedSegment(matched)}`);
  }
  return `${rule.label}: ${evidence.join(' ')}`;
}

function firstApplying(rules: readonly StackRule[], facts: PathFacts, language: LanguageInfo | null): StackDecision | null {
  for (const rule of rules) {
    const reason = applyRule(rule, facts, language);
    if (reason !== null) return { stack: rule.stack, reason };
  }
  return null;
}

/**
 * Weighs front-end against back-end directory names. The outermost hint wins, because the top
 * of a path states the architecture (`web/src/api/client.ts` is front-end code talking to an
 * API; `server/src/components/` are back-end components). A front-end hint does not apply to
 * general-purpose server languages (Go's `web/` package is an HTTP server). When one directory
 * name carries both hints (`web-server/`), back end wins.
 */
function directoryHint(facts: PathFacts, language: LanguageInfo | null): StackDecision | null {
  const frontendApplies = language === null || !FRONTEND_HINT_EXEMPT_LANGUAGES.has(language.name);
  const frontend = frontendApplies ? FRONTEND_DIRECTORY_HINT.exec(facts.path) : null;
  const backend = BACKEND_DIRECTORY_HINT.exec(facts.path);
  if (frontend !== null && (backend === null || frontend.index < backend.index)) {
    return { stack: 'frontend', reason: `front-end directory: ${matchedSegment(frontend)}` };
  }
  if (backend !== null) return { stack: 'backend', reason: `back-end directory: ${matchedSegment(backend)}` };
  return null;
}

/**
 * Creates the stack resolver for one repository. In order: per-repository overrides;
 * documentation is `other`; strong built-in evidence (infra and mobile paths and languages,
 * data languages and paths, migrations, front-end languages); front-end / back-end directory
 * hints; SQL outside back-end paths is data; the repository's default stack; weak language
 * defaults (script languages and general-purpose languages are back end, shell is infra);
 * otherwise `other`.
 *
 * @example
 * const resolve = createStackResolver({ overrides: () => null });
 * resolve(describePath('web/src/App.tsx'), { name: 'TSX', type: 'programming' }, 'code');
 * // { stack: 'frontend', reason: 'front-end language: TSX' }
 */
export function createStackResolver(options: StackResolverOptions): StackResolver {
  const { overrides, defaultStack } = options;
  return (facts, language, kind) => {
    const override = overrides(facts.path);
    if (override !== null) return { stack: override.value, reason: `config override: ${override.glob}` };
    if (kind === 'docs') return { stack: 'other', reason: 'documentation' };
    return (
      firstApplying(STACK_RULES_BEFORE_HINTS, facts, language) ??
      directoryHint(facts, language) ??
      firstApplying(STACK_RULES_AFTER_HINTS, facts, language) ??
      (defaultStack === undefined ? null : { stack: defaultStack, reason: 'repository default stack' }) ??
      firstApplying(FALLBACK_STACK_RULES, facts, language) ?? { stack: 'other', reason: 'no stack evidence' }
    );
  };
}
