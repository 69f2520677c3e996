/** Where a built-in rule comes from: GitHub Linguist's published rules, or a decision of ours. */
export type RuleOrigin = 'linguist' | 'codeledger';

/**
 * One built-in rule: a pattern tested against a file's repository-relative path (or, for header
 * rules, against the first bytes of its content).
 */
export interface Rule {
  /** Tested against the whole text (no `g`/`y` flags: rules are stateless). */
  readonly pattern: RegExp;
  /** What the rule recognises, in words; shown in the classification's reason. */
  readonly label: string;
  readonly origin: RuleOrigin;
}

/** An ordered list of rules, compiled for fast "which rule, if any, matches this text" questions. */
export interface RuleTable {
  /** The first rule (in table order) whose pattern matches, or null. */
  firstMatch(text: string): Rule | null;
}

/**
 * Shorthand for writing rule tables.
 *
 * @example
 * rule(/(?:^|\/)node_modules\//, 'node_modules/', 'linguist');
 */
export function rule(pattern: RegExp, label: string, origin: RuleOrigin = 'codeledger'): Rule {
  return Object.freeze({ pattern, label, origin });
}

/**
 * Compiles a rule table. Most texts match none of a table's rules, so the rules are also joined
 * into one alternation per flag set: one regex run rejects a non-matching text, and the rules are
 * walked one by one only when the joined pattern says one of them matches.
 *
 * @throws Error when a rule uses the stateful `g` or `y` flag
 * @example
 * const vendor = compileRules([rule(/(?:^|\/)vendor\//i, 'vendor/')]);
 * vendor.firstMatch('vendor/lib/a.go')?.label; // 'vendor/'
 */
export function compileRules(rules: readonly Rule[]): RuleTable {
  const sourcesByFlags = new Map<string, string[]>();
  for (const { pattern, label } of rules) {
    if (pattern.global || pattern.sticky) {
      throw new Error(`rule "${label}" must not use the g or y flag`);
    }
    const sources = sourcesByFlags.get(pattern.flags) ?? [];
    sources.push(`(?:${pattern.source})`);
    sourcesByFlags.set(pattern.flags, sources);
  }
  const prefilters = [...sourcesByFlags].map(([flags, sources]) => new RegExp(sources.join('|'), flags));
  const ordered = [...rules];

  return Object.freeze({
    firstMatch(text: string): Rule | null {
      if (!prefilters.some((prefilter) => prefilter.test(text))) return null;
      for (const candidate of ordered) {
        if (candidate.pattern.test(text)) return candidate;
      }
      return null;
    },
  });
}

/**
 * Directories that are the root of a project: the repository root, or a package of a monorepo
 * (`packages/<name>/`, `apps/<name>/` …). Linguist anchors some rules (`docs/`, `examples/`,
 * `test/`) at the repository root only; in a monorepo each package has its own.
 */
export const PROJECT_ROOT_PREFIX =
  '^(?:(?:packages|apps|libs|modules|services|crates|plugins|projects|components|sdks?|tools)/[^/]+/)?';

/**
 * Builds a pattern anchored at a project root (see {@link PROJECT_ROOT_PREFIX}).
 *
 * @example
 * atProjectRoot('docs?/', 'i').test('packages/core/docs/intro.md'); // true
 */
export function atProjectRoot(source: string, flags = ''): RegExp {
  return new RegExp(PROJECT_ROOT_PREFIX + source, flags);
}

/** The reason text for a matched rule, e.g. `'linguist vendor rule: node_modules/'`. */
export function describeRule(category: string, matched: Rule): string {
  const origin = matched.origin === 'linguist' ? 'linguist ' : '';
  return `${origin}${category} rule: ${matched.label}`;
}
