import type { TextMatch } from './reference.js';

/*
 * Jira issue keys: a project key (a letter, then letters, digits or `_`, at least two characters)
 * and an issue number without leading zeros. The shape alone matches far too much (`UTF-8`,
 * `SHA-256`, `ISO-8601`, `TLS-1`), so a key only counts when its project is known: collected
 * into core.tickets or listed in the configuration.
 */

// In prose, keys are upper case and stand alone: not glued to letters, digits or `_`.
const KEY_IN_TEXT = /(?<![A-Za-z0-9_])([A-Z][A-Z0-9_]+)-([1-9]\d*)(?![A-Za-z0-9_])/g;

// Branch names are often lower case (`abc-123-login`), and `_` separates words there.
const KEY_IN_BRANCH = /(?<![A-Za-z0-9])([A-Za-z][A-Za-z0-9]+)-([1-9]\d*)(?![A-Za-z0-9])/g;

/** Options of {@link findJiraKeys}. */
export interface JiraKeyOptions {
  /** Accept lower- and mixed-case keys (branch names); prose needs upper case. */
  readonly anyCase?: boolean;
}

/**
 * The Jira keys in `text` whose project is in `projects` (upper-case project keys), in order.
 * Keys come back upper case.
 *
 * @example
 * findJiraKeys('ABC-42: fix UTF-8 output', new Set(['ABC'])).map((m) => m.target);
 * // [{ kind: 'jira', key: 'ABC-42' }]
 * findJiraKeys('feature/abc-7-login', new Set(['ABC']), { anyCase: true })[0]?.target; // { kind: 'jira', key: 'ABC-7' }
 */
export function findJiraKeys(text: string, projects: ReadonlySet<string>, options: JiraKeyOptions = {}): TextMatch[] {
  if (projects.size === 0 || text.length === 0) return [];
  const pattern = new RegExp(options.anyCase ? KEY_IN_BRANCH : KEY_IN_TEXT);
  const matches: TextMatch[] = [];
  for (const match of text.matchAll(pattern)) {
    const project = match[1]!.toUpperCase();
    if (!projects.has(project)) continue;
    matches.push({ target: { kind: 'jira', key: `${project}-${match[2]!}` }, start: match.index, end: match.index + match[0].length });
  }
  return matches;
}

/**
 * The project part of a Jira key, upper case, or null when `key` is not shaped like one.
 *
 * @example
 * jiraProject('abc-42'); // 'ABC'
 * jiraProject('42'); // null
 */
export function jiraProject(key: string): string | null {
  const match = /^([A-Za-z][A-Za-z0-9_]+)-[1-9]\d*$/.exec(key.trim());
  return match ? match[1]!.toUpperCase() : null;
}
