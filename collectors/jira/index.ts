import type { JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import type { Source } from '../source.js';
import { createJiraSource } from './jira-source.js';

export { createJiraSource, ISSUE_FIELDS, type JiraSourceOptions } from './jira-source.js';

/**
 * One {@link Source} per configured Jira site (Cloud or Data Center).
 *
 * @example
 * const sources = createJiraSources(config.sources.jira); // [Source 'jira:acme', ...]
 */
export function createJiraSources(configs: readonly JiraSourceConfig[]): Source[] {
  return configs.map((config) => createJiraSource(config));
}
