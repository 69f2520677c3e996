import { sql, type Kysely } from 'kysely';
import type { Database } from '../warehouse/database.js';
import type { LinkEnd, LinkTargets } from './build-links.js';
import { repositoryFromUrl } from '../../collectors/github/repository-url.js';

/*
 * What the warehouse knows that references can point at: Jira projects, collected GitHub issues
 * and pull requests, and which GitHub repository each analysed repository is. Held in memory for
 * one refresh: a few strings per pull request and ticket.
 */

/** {@link LinkTargets} plus the repository mapping the structural links need. */
export interface LoadedLinkTargets extends LinkTargets {
  /** Analysed repository ids (`git:<name>`) by lower-case GitHub `owner/name`. */
  readonly repoIdsByGithubRepository: ReadonlyMap<string, readonly string[]>;
  /** How many GitHub issues and pull requests can be linked. */
  readonly githubItems: number;
}

/**
 * Reads the link targets from the warehouse: Jira projects of collected tickets plus
 * `configuredJiraProjects`, every collected GitHub issue and pull request, and the GitHub name of
 * every analysed repository (from pull requests that name it, else from its remote URL).
 *
 * @example
 * const targets = await loadLinkTargets(db, ['ABC']);
 * targets.githubItem('acme/web', 12); // { type: 'pr', id: 'github:acme/web#12' }
 */
export async function loadLinkTargets(db: Kysely<Database>, configuredJiraProjects: readonly string[]): Promise<LoadedLinkTargets> {
  const jiraProjects = new Set(configuredJiraProjects.map((project) => project.toUpperCase()));
  const projects = await sql<{ project: string }>`
    SELECT DISTINCT upper(coalesce(nullif(project, ''), split_part(key, '-', 1))) AS project
      FROM core.tickets
     WHERE provider = 'jira' OR ticket_id LIKE 'jira:%'`.execute(db);
  for (const row of projects.rows) if (row.project) jiraProjects.add(row.project);

  const items = new Map<string, LinkEnd>();
  const pullRequests = await sql<{ pr_id: string; repo_full_name: string; number: number }>`
    SELECT pr_id, repo_full_name, number FROM core.pull_requests`.execute(db);
  for (const row of pullRequests.rows) items.set(itemKey(row.repo_full_name, row.number), { type: 'pr', id: row.pr_id });
  // Issues win over pull requests of the same number: GitHub numbers both from one sequence, so
  // both can only exist when an issue collector also stored pull requests as issues.
  const issues = await sql<{ ticket_id: string; key: string }>`
    SELECT ticket_id, key FROM core.tickets WHERE provider = 'github'`.execute(db);
  for (const row of issues.rows) {
    const match = /^(.+)#(\d+)$/.exec(row.key) ?? /^github:(.+)#(\d+)$/.exec(row.ticket_id);
    if (match) items.set(itemKey(match[1]!, Number(match[2])), { type: 'ticket', id: row.ticket_id });
  }

  const repositoriesByRepoId = new Map<string, string[]>();
  const repoIdsByGithubRepository = new Map<string, string[]>();
  const remember = (repoId: string, repository: string) => {
    const names = repositoriesByRepoId.get(repoId) ?? [];
    if (!names.some((name) => name.toLowerCase() === repository.toLowerCase())) names.push(repository);
    repositoriesByRepoId.set(repoId, names);
    const ids = repoIdsByGithubRepository.get(repository.toLowerCase()) ?? [];
    if (!ids.includes(repoId)) ids.push(repoId);
    repoIdsByGithubRepository.set(repository.toLowerCase(), ids);
  };
  const named = await sql<{ repo_id: string; repo_full_name: string }>`
    SELECT DISTINCT repo_id, repo_full_name FROM core.pull_requests WHERE repo_id IS NOT NULL ORDER BY 1, 2`.execute(db);
  for (const row of named.rows) remember(row.repo_id, row.repo_full_name);
  const repos = await sql<{ repo_id: string; url: string | null }>`SELECT repo_id, url FROM core.repos ORDER BY repo_id`.execute(db);
  for (const row of repos.rows) {
    const repository = repositoryFromUrl(row.url);
    if (repository) remember(row.repo_id, repository);
  }

  return {
    jiraProjects,
    githubItems: items.size,
    repoIdsByGithubRepository,
    githubItem: (repo, number) => items.get(itemKey(repo, number)),
    githubRepositoriesOf: (repoId) => repositoriesByRepoId.get(repoId) ?? [],
  };
}

// GitHub owner and repository names are case-insensitive.
function itemKey(repo: string, number: number): string {
  return `${repo.toLowerCase()}#${number}`;
}
