import { sql, type Kysely } from 'kysely';
import type { Database } from '../../../pipeline/warehouse/database.js';
import { repositoryFromUrl } from '../repository-url.js';

/**
 * Recompute the times PR cycle time is measured between (metrics.md §5) for the given pull
 * requests: the first commit's author time, the first review or comment by a human who is not
 * the author (end of pickup), and the first approval.
 *
 * @example
 * await refreshPullRequestTimes(db, ['github:acme/web#12']);
 */
export async function refreshPullRequestTimes(db: Kysely<Database>, prIds: readonly string[]): Promise<void> {
  if (prIds.length === 0) return;
  await sql`
    UPDATE core.pull_requests AS p
       SET first_commit_at = v.first_commit_at, first_review_at = v.first_review_at, approved_at = v.approved_at
      FROM (SELECT p2.pr_id,
                   (SELECT min(c.authored_at) FROM core.pr_commits c WHERE c.pr_id = p2.pr_id) AS first_commit_at,
                   (SELECT min(r.submitted_at) FROM core.pr_reviews r
                     WHERE r.pr_id = p2.pr_id AND NOT r.author_is_bot
                       AND lower(r.author_login) IS DISTINCT FROM lower(p2.author_login)) AS first_review_at,
                   (SELECT min(r.submitted_at) FROM core.pr_reviews r
                     WHERE r.pr_id = p2.pr_id AND r.kind = 'review' AND r.state = 'APPROVED'
                       AND lower(r.author_login) IS DISTINCT FROM lower(p2.author_login)) AS approved_at
              FROM core.pull_requests p2 WHERE p2.pr_id = ANY(${[...prIds]}::text[])) AS v
     WHERE p.pr_id = v.pr_id
       AND (p.first_commit_at IS DISTINCT FROM v.first_commit_at
            OR p.first_review_at IS DISTINCT FROM v.first_review_at
            OR p.approved_at IS DISTINCT FROM v.approved_at)`.execute(db);
}

/**
 * Which analysed repository (core.repos) each GitHub repository is: `repoMap` first, then the
 * `owner/name` of the analysed repository's remote URL. Keys are lower-cased `owner/name`.
 *
 * @example
 * await analysedRepositories(db, { 'acme/legacy': 'legacy-web' }); // Map { 'acme/web' => 'git:web', 'acme/legacy' => 'git:legacy-web' }
 */
export async function analysedRepositories(db: Kysely<Database>, repoMap: Readonly<Record<string, string>>): Promise<Map<string, string>> {
  const repos = await db.selectFrom('core.repos').select(['repo_id', 'url']).execute();
  const mapping = new Map<string, string>();
  for (const repo of repos) {
    const fullName = repositoryFromUrl(repo.url);
    if (fullName && !mapping.has(fullName.toLowerCase())) mapping.set(fullName.toLowerCase(), repo.repo_id);
  }
  // Analysed repositories have the id git:<name>; a mapping to one not analysed yet names its future id.
  for (const [fullName, name] of Object.entries(repoMap)) mapping.set(fullName.toLowerCase(), `git:${name}`);
  return mapping;
}

/**
 * Point the source's pull requests and deployments at their analysed repository (or at none
 * when no analysed repository matches any more).
 *
 * @example
 * await assignRepositoryIds(db, 'github:acme', await analysedRepositories(db, config.repoMap));
 */
export async function assignRepositoryIds(db: Kysely<Database>, sourceId: string, mapping: ReadonlyMap<string, string>): Promise<void> {
  const names = [...mapping.keys()];
  const ids = [...mapping.values()];
  for (const table of ['core.pull_requests', 'core.deployments'] as const) {
    const target = sql.table(table);
    await sql`
      UPDATE ${target} AS t SET repo_id = m.repo_id
        FROM unnest(${names}::text[], ${ids}::text[]) AS m(full_name, repo_id)
       WHERE t.source_id = ${sourceId} AND lower(t.repo_full_name) = m.full_name
         AND t.repo_id IS DISTINCT FROM m.repo_id`.execute(db);
    await sql`
      UPDATE ${target} AS t SET repo_id = NULL
       WHERE t.source_id = ${sourceId} AND t.repo_id IS NOT NULL
         AND NOT (lower(t.repo_full_name) = ANY(${names}::text[]))`.execute(db);
  }
}
