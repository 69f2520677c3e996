import type { JiraSourceConfig } from '../../pipeline/config/jira-config.js';

/**
 * The configured scope as one JQL condition: the projects, the filter, or both joined by AND.
 *
 * @example
 * scopeCondition({ projects: ['ABC', 'OPS'], jql: null }); // 'project in ("ABC", "OPS")'
 * scopeCondition({ projects: ['ABC'], jql: 'labels = backend' }); // 'project in ("ABC") AND (labels = backend)'
 */
export function scopeCondition(config: Pick<JiraSourceConfig, 'projects' | 'jql'>): string {
  const parts: string[] = [];
  if (config.projects.length > 0) parts.push(`project in (${config.projects.map((key) => JSON.stringify(key)).join(', ')})`);
  if (config.jql) parts.push(parts.length > 0 ? `(${config.jql})` : config.jql);
  return parts.join(' AND ');
}

/**
 * The JQL of an incremental search: issues in scope updated at or after `since` (a minute in the
 * searching user's time zone, or null for everything), oldest change first. Ordering by key as
 * well makes pages stable when many issues share one minute.
 *
 * @example
 * incrementalJql({ projects: ['ABC'], jql: null }, '2024-03-10 10:29');
 * // '(project in ("ABC")) AND updated >= "2024-03-10 10:29" ORDER BY updated ASC, key ASC'
 */
export function incrementalJql(config: Pick<JiraSourceConfig, 'projects' | 'jql'>, since: string | null): string {
  const scope = scopeCondition(config);
  const where = since === null ? scope : `(${scope}) AND updated >= "${since}"`;
  return `${where} ORDER BY updated ASC, key ASC`;
}

/**
 * The JQL listing every issue in scope, for the periodic full refresh.
 *
 * @example
 * listingJql({ projects: ['ABC'], jql: null }); // 'project in ("ABC") ORDER BY key ASC'
 */
export function listingJql(config: Pick<JiraSourceConfig, 'projects' | 'jql'>): string {
  return `${scopeCondition(config)} ORDER BY key ASC`;
}
