import type { GithubSourceConfig } from '../../pipeline/config/github-config.js';
import type { Source } from '../source.js';
import { GithubSource, type GithubSourceOptions } from './github-source.js';

export { GithubSource, type GithubSourceOptions } from './github-source.js';

/**
 * One {@link Source} per configured GitHub source (`sources.github` entries, in order).
 *
 * @example
 * const sources = createGithubSources(config.sources.github);
 */
export function createGithubSources(configs: readonly GithubSourceConfig[], options: GithubSourceOptions = {}): Source[] {
  return configs.map((config, index) => new GithubSource(config, index, options));
}
