import type { JiraSourceConfig } from '../../pipeline/config/jira-config.js';
import type { Source } from '../source.js';

/**
 * One {@link Source} per configured Jira site.
 * (Skeleton: the Jira collector replaces this.)
 */
export function createJiraSources(configs: readonly JiraSourceConfig[]): Source[] {
  if (configs.length > 0) throw new Error('the Jira collector is not available in this build');
  return [];
}
