import { sql, type Kysely } from 'kysely';
import type { Database } from '../warehouse/database.js';
import type { FixesCandidate, NewLink } from './build-links.js';
import { linkId } from './build-links.js';
import type { LinkStore } from './link-store.js';

/*
 * Links that come from the data's structure, written set-based in SQL:
 * - `pr_commit`: a pull request → each of its commits (core.pr_commits) that is in the analysed
 *   history of the pull request's repository;
 * - `merge_commit`: a merged pull request → the commit that landed it (merge_commit_sha), when that
 *   commit is in the analysed history.
 * Commit ids are `git:<repo>@<sha>`, so the lookup is a primary-key probe on core.commits.
 * Branch commits that never reach the first-parent history (merge and squash merges) are not
 * linked: core.links only names commits that exist, and core.pr_commits keeps the full relation.
 */

/**
 * Adds the `pr_commit` and `merge_commit` links to `store`. `repoIdsByGithubRepository` maps
 * lower-case `owner/name` to analysed repositories, for pull requests whose `repo_id` the
 * collector left empty.
 *
 * @example
 * await writeStructuralLinks(trx, store, new Map([['acme/web', ['git:web']]]));
 */
export async function writeStructuralLinks(
  db: Kysely<Database>,
  store: LinkStore,
  repoIdsByGithubRepository: ReadonlyMap<string, readonly string[]>,
): Promise<void> {
  const names: string[] = [];
  const ids: string[] = [];
  for (const [repository, repoIds] of repoIdsByGithubRepository) {
    for (const repoId of repoIds) {
      names.push(repository);
      ids.push(repoId);
    }
  }
  const pullRequests = sql`
    SELECT p.pr_id, p.merged_at, p.merge_commit_sha, coalesce(p.repo_id, m.repo_id) AS repo_id
      FROM core.pull_requests AS p
      LEFT JOIN unnest(${names}::text[], ${ids}::text[]) AS m(repository, repo_id)
        ON p.repo_id IS NULL AND m.repository = lower(p.repo_full_name)`;
  await store.addSelected(sql`
    SELECT DISTINCT ON (link_id) * FROM (
      SELECT p.pr_id || '->' || c.commit_id || '/pr_commit' AS link_id, 'pr' AS from_type, p.pr_id AS from_id,
             'commit' AS to_type, c.commit_id AS to_id, 'pr_commit' AS evidence_kind,
             left(left(c.sha, 12) || ' ' || split_part(coalesce(pc.message, c.subject, ''), E'\n', 1), 160) AS evidence, false AS closes
        FROM core.pr_commits AS pc
        JOIN (${pullRequests}) AS p ON p.pr_id = pc.pr_id
        JOIN core.commits AS c ON c.commit_id = p.repo_id || '@' || lower(pc.sha)
    ) AS found
    ORDER BY link_id`);
  await store.addSelected(sql`
    SELECT DISTINCT ON (link_id) * FROM (
      SELECT p.pr_id || '->' || c.commit_id || '/merge_commit' AS link_id, 'pr' AS from_type, p.pr_id AS from_id,
             'commit' AS to_type, c.commit_id AS to_id, 'merge_commit' AS evidence_kind,
             'merged as ' || left(c.sha, 12) AS evidence, false AS closes
        FROM (${pullRequests}) AS p
        JOIN core.commits AS c ON c.commit_id = p.repo_id || '@' || lower(p.merge_commit_sha)
       WHERE p.merged_at IS NOT NULL
    ) AS found
    ORDER BY link_id`);
}

/**
 * Resolves `Fixes: <sha>` trailers against the commits of the same repository in one query: a
 * full sha must exist, an abbreviated one must name exactly one commit (an ambiguous prefix links
 * nothing). A commit never links to itself.
 *
 * @example
 * await resolveFixes(trx, [{ fromCommitId: 'git:web@9f…', repoId: 'git:web', sha: '1a2b3c4', evidence: 'Fixes: 1a2b3c4' }]);
 * // [{ link_id: 'git:web@9f…->git:web@1a2b3c4…/trailer', from_type: 'commit', to_type: 'commit', closes: true, … }]
 */
export async function resolveFixes(db: Kysely<Database>, candidates: readonly FixesCandidate[]): Promise<NewLink[]> {
  if (candidates.length === 0) return [];
  const result = await sql<{ position: number; commit_id: string }>`
    WITH fixes AS (
      SELECT * FROM unnest(${candidates.map((c) => c.repoId)}::text[], ${candidates.map((c) => c.sha)}::text[])
             WITH ORDINALITY AS f(repo_id, sha, position)
    ),
    matched AS (
      SELECT f.position, c.commit_id, count(*) OVER (PARTITION BY f.position) AS candidates
        FROM fixes AS f
        JOIN core.commits AS c
          ON c.repo_id = f.repo_id AND (c.sha = f.sha OR (length(f.sha) < 40 AND c.sha LIKE f.sha || '%'))
    )
    SELECT position::int AS position, commit_id FROM matched WHERE candidates = 1 ORDER BY position`.execute(db);
  const links = new Map<string, NewLink>();
  for (const row of result.rows) {
    const candidate = candidates[row.position - 1]!;
    if (row.commit_id === candidate.fromCommitId) continue;
    const id = linkId(candidate.fromCommitId, row.commit_id, 'trailer');
    links.set(id, {
      link_id: id,
      from_type: 'commit',
      from_id: candidate.fromCommitId,
      to_type: 'commit',
      to_id: row.commit_id,
      evidence_kind: 'trailer',
      evidence: candidate.evidence,
      closes: true,
    });
  }
  return [...links.values()];
}
