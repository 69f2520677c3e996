import { sql, type Kysely } from 'kysely';
import type { ResolvedConfig } from '../config/types.js';
import type { Logger } from '../logging/logger.js';
import type { Database } from '../warehouse/database.js';
import { readCursor, writeCursor } from '../warehouse/raw-pages.js';
import { commitLinks, pullRequestLinks, type FixesCandidate, type PrCommitText, type PullRequestText } from './build-links.js';
import { linkInputsFingerprint, LINK_INPUTS_STATE } from './link-inputs.js';
import { LinkStore } from './link-store.js';
import { loadLinkTargets } from './link-targets.js';
import { resolveFixes, writeStructuralLinks } from './structural-links.js';

/** Pull requests read per query (their commits come with them). */
const PULL_REQUEST_BATCH = 1_000;
/** Commits read per query. */
const COMMIT_BATCH = 5_000;

/** What one refresh did. */
export interface LinkRefreshStats {
  pullRequests: number;
  commits: number;
  /** Links found (the size of the new set). */
  links: number;
  /** Links inserted or rewritten (unchanged links are left as they are). */
  written: number;
  /** Links of earlier runs no longer supported by any evidence. */
  removed: number;
  jiraProjects: number;
}

/**
 * Rebuilds core.links from ticket keys and references in branches, titles, bodies and commit
 * messages, plus each pull request's commits and merge commit. Every link is recomputed from the
 * current data; links no longer supported are deleted, new and changed ones written, unchanged
 * ones left alone (they keep their created_at). Runs in one transaction and reads in batches, so
 * memory stays flat on large histories. Skipped when nothing links are derived from changed since
 * the last rebuild (see {@link linkInputsFingerprint}) unless `force`. Returns the rows written
 * (inserted or rewritten).
 *
 * @example
 * const rows = await refreshLinks(db, config, { logger });
 */
export async function refreshLinks(
  db: Kysely<Database>,
  config: ResolvedConfig,
  options: { logger: Logger; force?: boolean },
): Promise<number> {
  const started = Date.now();
  const jiraProjects = config.links?.jiraProjects ?? [];
  const stats = await db.transaction().execute(async (trx) => {
    const fingerprint = await linkInputsFingerprint(trx, jiraProjects);
    const last = await readCursor(trx, LINK_INPUTS_STATE.sourceId, LINK_INPUTS_STATE.stream);
    if (!options.force && last?.cursor === fingerprint) return null;
    const rebuilt = await rebuildLinks(trx, jiraProjects);
    await writeCursor(trx, LINK_INPUTS_STATE.sourceId, LINK_INPUTS_STATE.stream, { cursor: fingerprint, cursorTime: null, details: {} });
    return rebuilt;
  });
  const seconds = (Date.now() - started) / 1000;
  if (!stats) {
    options.logger.info('links unchanged: no commit, pull request, ticket or link setting changed', { seconds });
    return 0;
  }
  options.logger.info('links refreshed', { ...stats, seconds });
  return stats.written;
}

/**
 * The work of {@link refreshLinks} inside a transaction the caller holds.
 *
 * @example
 * await db.transaction().execute((trx) => rebuildLinks(trx, ['ABC'])); // { pullRequests, commits, links, written, removed, jiraProjects }
 */
export async function rebuildLinks(trx: Kysely<Database>, configuredJiraProjects: readonly string[]): Promise<LinkRefreshStats> {
  const targets = await loadLinkTargets(trx, configuredJiraProjects);
  const store = await LinkStore.open(trx);
  let pullRequests = 0;
  for await (const batch of pullRequestBatches(trx)) {
    for (const { pr, commits } of batch) await store.add(pullRequestLinks(pr, commits, targets));
    pullRequests += batch.length;
  }
  let commits = 0;
  const fixes: FixesCandidate[] = [];
  for await (const batch of commitBatches(trx)) {
    for (const commit of batch) {
      const found = commitLinks(commit, targets);
      await store.add(found.links);
      fixes.push(...found.fixes);
    }
    commits += batch.length;
  }
  await store.add(await resolveFixes(trx, fixes));
  await writeStructuralLinks(trx, store, targets.repoIdsByGithubRepository);
  const { links, written, removed } = await store.finish();
  return { pullRequests, commits, links, written, removed, jiraProjects: targets.jiraProjects.size };
}

/** Pull requests in pr_id order, each with its commits' messages. */
async function* pullRequestBatches(db: Kysely<Database>): AsyncGenerator<Array<{ pr: PullRequestText; commits: PrCommitText[] }>> {
  let after = '';
  for (;;) {
    const prs = await sql<PullRequestText>`
      SELECT pr_id, repo_full_name, title, body, head_ref
        FROM core.pull_requests WHERE pr_id > ${after} ORDER BY pr_id LIMIT ${PULL_REQUEST_BATCH}`.execute(db);
    if (prs.rows.length === 0) return;
    const ids = prs.rows.map((pr) => pr.pr_id);
    const commits = await sql<PrCommitText & { pr_id: string }>`
      SELECT pr_id, sha, message FROM core.pr_commits
       WHERE pr_id = ANY(${ids}::text[]) ORDER BY pr_id, authored_at NULLS LAST, sha`.execute(db);
    const byPr = new Map<string, PrCommitText[]>();
    for (const commit of commits.rows) {
      const list = byPr.get(commit.pr_id) ?? [];
      list.push({ sha: commit.sha, message: commit.message });
      byPr.set(commit.pr_id, list);
    }
    yield prs.rows.map((pr) => ({ pr, commits: byPr.get(pr.pr_id) ?? [] }));
    after = ids[ids.length - 1]!;
  }
}

/** Commits of the analysed history in commit_id order (keyset pages over the primary key). */
async function* commitBatches(
  db: Kysely<Database>,
): AsyncGenerator<Array<{ commit_id: string; repo_id: string; sha: string; message: string | null }>> {
  let after = '';
  for (;;) {
    const page = await sql<{ commit_id: string; repo_id: string; sha: string; message: string | null }>`
      SELECT commit_id, repo_id, sha, coalesce(message, subject) AS message
        FROM core.commits WHERE commit_id > ${after} ORDER BY commit_id LIMIT ${COMMIT_BATCH}`.execute(db);
    if (page.rows.length === 0) return;
    yield page.rows;
    after = page.rows[page.rows.length - 1]!.commit_id;
  }
}
