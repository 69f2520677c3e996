import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../warehouse/database.js';

/**
 * Bump when the reference rules change (new finders, other acceptance rules), so the next run
 * rebuilds the links even though no input changed.
 */
export const LINK_RULES_VERSION = 1;

/** Where the fingerprint of the last rebuild is kept in core.sync_state. */
export const LINK_INPUTS_STATE = Object.freeze({ sourceId: 'codeledger:links', stream: 'inputs' });

/**
 * A digest of everything links are derived from: the text of commits, pull requests and their
 * commits, which tickets exist, the repositories' remotes, the configured Jira projects and the
 * rules' version. Equal digests mean a rebuild would find the same links, so a nightly run with
 * nothing new can skip the scan of every commit message (seconds on a 100,000-commit history).
 * The per-table parts are order-independent sums of row hashes, computed in SQL so no text
 * leaves the database.
 *
 * @example
 * const before = await linkInputsFingerprint(db, ['ABC']);
 */
export async function linkInputsFingerprint(db: Kysely<Database>, jiraProjects: readonly string[]): Promise<string> {
  const result = await sql<Record<string, string | number | null>>`
    SELECT
      (SELECT count(*)::text || ':' || coalesce(sum(hashtext(commit_id || coalesce(message, '')))::text, '0')
         FROM core.commits) AS commits,
      (SELECT count(*)::text || ':' || coalesce(sum(hashtext(concat_ws(chr(31), pr_id, repo_id, repo_full_name, state, title, body,
                head_ref, merge_commit_sha, merged_at::text)))::text, '0')
         FROM core.pull_requests) AS pull_requests,
      (SELECT count(*)::text || ':' || coalesce(sum(hashtext(concat_ws(chr(31), pr_id, sha, message)))::text, '0')
         FROM core.pr_commits) AS pr_commits,
      (SELECT count(*)::text || ':' || coalesce(sum(hashtext(concat_ws(chr(31), ticket_id, key, project)))::text, '0')
         FROM core.tickets) AS tickets,
      (SELECT coalesce(string_agg(repo_id || '=' || coalesce(url, ''), ',' ORDER BY repo_id), '')
         FROM core.repos) AS repos`.execute(db);
  const parts = { ...result.rows[0], jiraProjects: [...jiraProjects].sort(), rules: LINK_RULES_VERSION };
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}
