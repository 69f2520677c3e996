import type { Kysely } from 'kysely';
import { bulkInsert } from '../../pipeline/warehouse/bulk-insert.js';
import type { Database } from '../../pipeline/warehouse/database.js';
import type { PrCommitRow, PullRequestRow, TicketRow } from '../../pipeline/warehouse/delivery-tables.js';

/*
 * Rows of the shapes the GitHub and Jira collectors write, for link tests.
 */

/** A pull request of `repository` (`owner/name`), merged unless `state` says otherwise. */
export function pullRequest(
  repository: string,
  number: number,
  fields: Partial<PullRequestRow> & { merged_at?: string | null } = {},
): PullRequestRow {
  const state = fields.state ?? (fields.merged_at === null ? 'open' : 'merged');
  return {
    pr_id: `github:${repository}#${number}`,
    source_id: 'github:acme',
    repo_full_name: repository,
    repo_id: null,
    number,
    title: `Change ${number}`,
    body: null,
    state,
    author_login: 'alice',
    created_at: '2024-01-01T09:00:00Z',
    merged_at: state === 'merged' ? '2024-01-03T12:00:00Z' : null,
    ...fields,
  };
}

/** A Jira issue `key` (project from the key). */
export function jiraTicket(key: string, fields: Partial<TicketRow> = {}): TicketRow {
  return {
    ticket_id: `jira:${key}`,
    source_id: 'jira:acme',
    provider: 'jira',
    key,
    project: key.split('-')[0]!,
    title: `Ticket ${key}`,
    type: 'requirement',
    created_at: '2023-12-01T09:00:00Z',
    ...fields,
  };
}

/** A GitHub issue `owner/name#number`. */
export function githubIssue(repository: string, number: number, fields: Partial<TicketRow> = {}): TicketRow {
  return {
    ticket_id: `github:${repository}#${number}`,
    source_id: 'github:acme',
    provider: 'github',
    key: `${repository}#${number}`,
    project: repository,
    title: `Issue ${number}`,
    type: 'bug',
    created_at: '2023-12-01T09:00:00Z',
    ...fields,
  };
}

/** A commit of a pull request. */
export function prCommit(prId: string, sha: string, message: string): PrCommitRow {
  return { pr_id: prId, sha, message, authored_at: '2024-01-02T09:00:00Z' };
}

/** Writes pull requests, their commits and tickets. */
export async function insertDelivery(
  db: Kysely<Database>,
  rows: { pullRequests?: PullRequestRow[]; prCommits?: PrCommitRow[]; tickets?: TicketRow[] },
): Promise<void> {
  if (rows.pullRequests?.length) await bulkInsert(db, 'core.pull_requests', rows.pullRequests, { conflict: 'update', key: ['pr_id'] });
  if (rows.prCommits?.length) await bulkInsert(db, 'core.pr_commits', rows.prCommits, { conflict: 'update', key: ['pr_id', 'sha'] });
  if (rows.tickets?.length) await bulkInsert(db, 'core.tickets', rows.tickets, { conflict: 'update', key: ['ticket_id'] });
}

/** core.links as comparable rows, sorted by id. */
export async function readLinks(db: Kysely<Database>) {
  return db
    .selectFrom('core.links')
    .select(['link_id', 'from_type', 'from_id', 'to_type', 'to_id', 'evidence_kind', 'evidence', 'closes'])
    .orderBy('link_id')
    .execute();
}
