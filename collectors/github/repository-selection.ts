import picomatch from 'picomatch';
import type { GithubSourceConfig } from '../../pipeline/config/github-config.js';
import type { JsonObject } from './list-stream.js';

/** What the collector needs to know about one repository on GitHub. */
export interface GithubRepository {
  /** `owner/name` as GitHub spells it (ids are built from it). */
  fullName: string;
  name: string;
  archived: boolean;
  fork: boolean;
  defaultBranch: string | null;
}

/**
 * The facts of a REST repository object, or null when it lacks a full name.
 *
 * @example
 * repositoryFromApi({ full_name: 'acme/web', name: 'web', archived: false, fork: false, default_branch: 'main' });
 */
export function repositoryFromApi(item: JsonObject): GithubRepository | null {
  if (typeof item.full_name !== 'string' || !item.full_name.includes('/')) return null;
  return {
    fullName: item.full_name,
    name: typeof item.name === 'string' ? item.name : item.full_name.split('/')[1]!,
    archived: item.archived === true,
    fork: item.fork === true,
    defaultBranch: typeof item.default_branch === 'string' ? item.default_branch : null,
  };
}

/** Why a listed repository is not collected. */
export interface SkippedRepository {
  fullName: string;
  reason: 'archived' | 'fork' | 'excluded' | 'not included';
}

/**
 * Apply a source's include/exclude globs and, for organisation listings, its archived and fork
 * rules. A glob containing `/` matches `owner/name`, any other the name alone; matching ignores
 * case, as GitHub does. An empty `include` includes everything.
 *
 * @example
 * selectRepositories(repos, config, { listing: true }).selected.map((r) => r.fullName);
 */
export function selectRepositories(
  repositories: readonly GithubRepository[],
  config: Pick<GithubSourceConfig, 'include' | 'exclude' | 'includeArchived' | 'includeForks'>,
  options: { listing: boolean },
): { selected: GithubRepository[]; skipped: SkippedRepository[] } {
  const include = config.include.map(globMatcher);
  const exclude = config.exclude.map(globMatcher);
  const selected: GithubRepository[] = [];
  const skipped: SkippedRepository[] = [];
  for (const repository of repositories) {
    let reason: SkippedRepository['reason'] | null = null;
    if (include.length > 0 && !include.some((matches) => matches(repository))) reason = 'not included';
    else if (exclude.some((matches) => matches(repository))) reason = 'excluded';
    // Explicitly listed repositories are collected whatever their state; listings skip the
    // archived ones and forks unless asked, since they rarely carry current delivery work.
    else if (options.listing && repository.archived && !config.includeArchived) reason = 'archived';
    else if (options.listing && repository.fork && !config.includeForks) reason = 'fork';
    if (reason) skipped.push({ fullName: repository.fullName, reason });
    else selected.push(repository);
  }
  return { selected, skipped };
}

function globMatcher(glob: string): (repository: GithubRepository) => boolean {
  const matches = picomatch(glob, { nocase: true, dot: true });
  return glob.includes('/') ? (repository) => matches(repository.fullName) : (repository) => matches(repository.name);
}
