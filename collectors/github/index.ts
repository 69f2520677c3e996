import type { GithubSourceConfig } from '../../pipeline/config/github-config.js';
import type { Source } from '../source.js';

/**
 * One {@link Source} per configured GitHub source.
 * (Skeleton: the GitHub collector replaces this.)
 */
export function createGithubSources(configs: readonly GithubSourceConfig[]): Source[] {
  if (configs.length > 0) throw new Error('the GitHub collector is not available in this build');
  return [];
}
