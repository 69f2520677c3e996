import { sql, type Kysely } from 'kysely';
import type { GithubSourceConfig } from '../../../pipeline/config/github-config.js';
import type { IdentityRules } from '../../../pipeline/attribution/identity-matcher.js';
import type { Database } from '../../../pipeline/warehouse/database.js';
import type { DeploymentRow, PrCommitRow, PrReviewRow, PullRequestRow, TicketRow } from '../../../pipeline/warehouse/delivery-tables.js';
import { bulkInsert } from '../../../pipeline/warehouse/bulk-insert.js';
import type { StoredRawPage } from '../../../pipeline/warehouse/raw-pages.js';
import { isObject, type JsonObject } from '../list-stream.js';
import { parseRepositoryStream } from '../streams.js';
import { issueCommentRow, reviewCommentRow } from './comment-rows.js';
import { deploymentOutcome, deploymentRow, releaseCommit, releaseRow, type DeploymentOutcome } from './deployment-rows.js';
import { IdentityBook } from './identity-book.js';
import { pullRequestDetails, pullRequestRow, type PullRequestDetails, type PullRequestSizes } from './pull-request-rows.js';
import type { RowContext } from './row-context.js';
import { ticketRow } from './ticket-rows.js';

/**
 * The core rows of a run of raw pages, gathered in page order (a later page of the same object
 * wins) and written together. Rows from list pages and patches from detail pages touch
 * different columns, so their order across pages never matters.
 */
export class ExtractBatch {
  private readonly pulls = new Map<string, PullRequestRow>();
  private readonly sizes = new Map<string, PullRequestSizes>();
  private readonly reviews = new Map<string, PrReviewRow>();
  private readonly commits = new Map<string, Map<string, PrCommitRow>>();
  /** Pull requests whose whole commit list a page gave: stored commits not in it are stale (force push). */
  private readonly completeCommitLists = new Set<string>();
  private readonly tickets = new Map<string, TicketRow>();
  private readonly deployments = new Map<string, DeploymentRow>();
  private readonly releaseCommits = new Map<string, { deployment_id: string; sha: string; raw_page_id: number }>();
  private readonly outcomes = new Map<string, DeploymentOutcome>();
  /** Pull requests whose derived times must be recomputed. */
  readonly touchedPulls = new Set<string>();
  readonly identities: IdentityBook;
  pages = 0;

  constructor(
    private readonly sourceId: string,
    private readonly config: GithubSourceConfig,
    rules: IdentityRules,
  ) {
    this.identities = new IdentityBook(sourceId, rules);
  }

  /** Read one raw page into the batch. Pages of other kinds (repository listings) add nothing. */
  add(page: StoredRawPage): void {
    this.pages += 1;
    const stream = parseRepositoryStream(page.stream);
    if (!stream || page.status !== 200) return;
    const context: RowContext = {
      sourceId: this.sourceId,
      repository: stream.repository,
      pageId: page.pageId,
      identities: this.identities,
      config: this.config,
    };
    const items = Array.isArray(page.body) ? page.body.filter(isObject) : [];
    switch (stream.kind) {
      case 'pulls':
      case 'open-pulls':
        for (const item of items) this.addPull(pullRequestRow(item, context));
        break;
      case 'pull-details':
        for (const { node, followUp } of graphqlNodes(page)) {
          const details = pullRequestDetails(node, context, followUp);
          if (details) this.addDetails(details);
        }
        break;
      case 'review-comments':
        for (const item of items) this.addReview(reviewCommentRow(item, context));
        break;
      case 'issue-comments':
        for (const item of items) this.addReview(issueCommentRow(item, context));
        break;
      case 'issues':
        for (const item of items) {
          const row = ticketRow(item, context);
          if (row) this.tickets.set(row.ticket_id, row);
        }
        break;
      case 'releases':
        for (const item of items) this.addDeployment(releaseRow(item, context));
        break;
      case 'release-commits':
        for (const { node } of graphqlNodes(page)) {
          const commit = releaseCommit(node, context);
          if (commit) this.releaseCommits.set(commit.deployment_id, commit);
        }
        break;
      case 'deployments':
        for (const item of items) this.addDeployment(deploymentRow(item, context));
        break;
      case 'deployment-statuses':
        for (const { node } of graphqlNodes(page)) {
          const outcome = deploymentOutcome(node, context);
          if (outcome) this.outcomes.set(outcome.deployment_id, outcome);
        }
        break;
      case 'repo':
        break;
    }
  }

  /**
   * Write every gathered row (inside the caller's transaction). Returns the rows written.
   */
  async write(db: Kysely<Database>): Promise<number> {
    let rows = 0;
    rows += await bulkInsert(db, 'core.pull_requests', [...this.pulls.values()], { conflict: 'update', key: ['pr_id'] });
    rows += await this.writeSizes(db);
    rows += await bulkInsert(db, 'core.pr_reviews', [...this.reviews.values()], { conflict: 'update', key: ['review_id'] });
    rows += await this.writeCommits(db);
    rows += await bulkInsert(db, 'core.tickets', [...this.tickets.values()], { conflict: 'update', key: ['ticket_id'] });
    rows += await bulkInsert(db, 'core.deployments', [...this.deployments.values()], { conflict: 'update', key: ['deployment_id'] });
    rows += await this.writeReleaseCommits(db);
    rows += await this.writeOutcomes(db);
    rows += await this.identities.write(db);
    return rows;
  }

  private addPull(row: PullRequestRow | null): void {
    if (!row) return;
    this.pulls.set(row.pr_id, row);
    this.touchedPulls.add(row.pr_id);
  }

  private addReview(row: PrReviewRow | null): void {
    if (!row) return;
    this.reviews.set(row.review_id, row);
    this.touchedPulls.add(row.pr_id);
  }

  private addDeployment(row: DeploymentRow | null): void {
    if (row) this.deployments.set(row.deployment_id, row);
  }

  private addDetails(details: PullRequestDetails): void {
    this.touchedPulls.add(details.prId);
    if (details.sizes) this.sizes.set(details.prId, details.sizes);
    for (const review of details.reviews) this.reviews.set(review.review_id, review);
    if (details.commitsFromStart) {
      // A fresh commit list replaces what earlier pages of this batch said.
      this.commits.set(details.prId, new Map());
      if (details.commitsComplete) this.completeCommitLists.add(details.prId);
      else this.completeCommitLists.delete(details.prId);
    }
    const list = this.commits.get(details.prId) ?? new Map<string, PrCommitRow>();
    for (const commit of details.commits) list.set(commit.sha, commit);
    this.commits.set(details.prId, list);
  }

  private async writeSizes(db: Kysely<Database>): Promise<number> {
    if (this.sizes.size === 0) return 0;
    const sizes = [...this.sizes.values()];
    const result = await sql`
      UPDATE core.pull_requests AS p
         SET additions = v.additions, deletions = v.deletions, changed_files = v.changed_files,
             commits_count = v.commits_count, raw_page_id = greatest(p.raw_page_id, v.raw_page_id)
        FROM unnest(${sizes.map((s) => s.pr_id)}::text[], ${sizes.map((s) => s.additions)}::int[],
                    ${sizes.map((s) => s.deletions)}::int[], ${sizes.map((s) => s.changed_files)}::int[],
                    ${sizes.map((s) => s.commits_count)}::int[], ${sizes.map((s) => s.raw_page_id)}::bigint[])
             AS v(pr_id, additions, deletions, changed_files, commits_count, raw_page_id)
       WHERE p.pr_id = v.pr_id`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  }

  private async writeCommits(db: Kysely<Database>): Promise<number> {
    const complete = [...this.completeCommitLists];
    if (complete.length > 0) {
      const keepPr: string[] = [];
      const keepSha: string[] = [];
      for (const prId of complete) {
        for (const sha of this.commits.get(prId)?.keys() ?? []) {
          keepPr.push(prId);
          keepSha.push(sha);
        }
      }
      await sql`
        DELETE FROM core.pr_commits AS c
         WHERE c.pr_id = ANY(${complete}::text[])
           AND NOT EXISTS (SELECT 1 FROM unnest(${keepPr}::text[], ${keepSha}::text[]) AS k(pr_id, sha)
                            WHERE k.pr_id = c.pr_id AND k.sha = c.sha)`.execute(db);
    }
    const rows = [...this.commits.values()].flatMap((list) => [...list.values()]);
    return bulkInsert(db, 'core.pr_commits', rows, { conflict: 'update', key: ['pr_id', 'sha'] });
  }

  private async writeReleaseCommits(db: Kysely<Database>): Promise<number> {
    if (this.releaseCommits.size === 0) return 0;
    const patches = [...this.releaseCommits.values()];
    const result = await sql`
      UPDATE core.deployments AS d
         SET sha = v.sha, raw_page_id = greatest(d.raw_page_id, v.raw_page_id)
        FROM unnest(${patches.map((p) => p.deployment_id)}::text[], ${patches.map((p) => p.sha)}::text[],
                    ${patches.map((p) => p.raw_page_id)}::bigint[]) AS v(deployment_id, sha, raw_page_id)
       WHERE d.deployment_id = v.deployment_id`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  }

  private async writeOutcomes(db: Kysely<Database>): Promise<number> {
    if (this.outcomes.size === 0) return 0;
    const outcomes = [...this.outcomes.values()];
    const result = await sql`
      UPDATE core.deployments AS d
         SET status = v.status, finished_at = v.finished_at, raw_page_id = greatest(d.raw_page_id, v.raw_page_id)
        FROM unnest(${outcomes.map((o) => o.deployment_id)}::text[], ${outcomes.map((o) => o.status)}::text[],
                    ${outcomes.map((o) => o.finished_at)}::timestamptz[], ${outcomes.map((o) => o.raw_page_id)}::bigint[])
             AS v(deployment_id, status, finished_at, raw_page_id)
       WHERE d.deployment_id = v.deployment_id`.execute(db);
    return Number(result.numAffectedRows ?? 0);
  }
}

/** The nodes of a GraphQL page: `nodes(ids:)` answers, or the one `node(id:)` of a follow-up page. */
function graphqlNodes(page: StoredRawPage): Array<{ node: JsonObject; followUp: boolean }> {
  const body = page.body;
  const data = isObject(body) && isObject(body.data) ? body.data : null;
  if (!data) return [];
  if (Array.isArray(data.nodes)) return data.nodes.filter(isObject).map((node) => ({ node, followUp: false }));
  return isObject(data.node) ? [{ node: data.node, followUp: true }] : [];
}
