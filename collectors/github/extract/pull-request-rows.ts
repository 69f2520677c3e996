import { gitIdentityId } from '../../../pipeline/identities/git-identities.js';
import type { PrCommitRow, PrReviewRow, PullRequestRow } from '../../../pipeline/warehouse/delivery-tables.js';
import type { JsonObject } from '../list-stream.js';
import type { GithubAccount } from './identity-book.js';
import { integer, labelNames, object, objects, text, time } from './json-fields.js';
import { itemId, type RowContext } from './row-context.js';

/** Account fields of a REST user object. */
export function restAccount(user: JsonObject | null, at: string | null = null): GithubAccount | null {
  const login = user ? text(user.login) : null;
  return user && login ? { login, id: integer(user.id), type: text(user.type), at } : null;
}

/** Account fields of a GraphQL actor (`author { __typename login ... on User { databaseId } }`). */
function graphqlAccount(actor: JsonObject | null, at: string | null): GithubAccount | null {
  const login = actor ? text(actor.login) : null;
  return actor && login ? { login, id: integer(actor.databaseId), type: text(actor.__typename), at } : null;
}

/**
 * The row of a pull request from a REST list entry. Sizes, commit count and the review and
 * commit times come from other pages, so their columns are left out (an update keeps them).
 *
 * @example
 * pullRequestRow(entry, context)?.pr_id; // 'github:acme/web#12'
 */
export function pullRequestRow(pull: JsonObject, context: RowContext): PullRequestRow | null {
  const number = integer(pull.number);
  const created = time(pull.created_at);
  if (number === null || created === null) return null;
  const user = object(pull.user);
  const author = context.identities.see(restAccount(user, created));
  const merged = time(pull.merged_at);
  const closed = time(pull.closed_at);
  const base = object(pull.base);
  const head = object(pull.head);
  return {
    pr_id: itemId(context.repository, number),
    source_id: context.sourceId,
    repo_full_name: context.repository,
    number,
    url: text(pull.html_url),
    title: text(pull.title),
    body: text(pull.body),
    state: merged ? 'merged' : text(pull.state) === 'closed' ? 'closed' : 'open',
    draft: pull.draft === true,
    author_identity_id: author,
    author_login: user ? text(user.login) : null,
    created_at: created,
    updated_at: time(pull.updated_at),
    closed_at: closed,
    merged_at: merged,
    // GitHub fills merge_commit_sha with a test merge while a pull request is open; only a
    // merged one has landed a commit.
    merge_commit_sha: merged ? text(pull.merge_commit_sha) : null,
    base_ref: base ? text(base.ref) : null,
    head_ref: head ? text(head.ref) : null,
    head_sha: head ? text(head.sha) : null,
    labels: JSON.stringify(labelNames(pull.labels)),
    raw_page_id: context.pageId,
  };
}

/** Sizes of a pull request from its details (applied to the stored row). */
export interface PullRequestSizes {
  pr_id: string;
  additions: number | null;
  deletions: number | null;
  changed_files: number | null;
  commits_count: number | null;
  raw_page_id: number;
}

/** What one GraphQL pull request node holds. */
export interface PullRequestDetails {
  prId: string;
  /** Null on follow-up pages that carry only more commits or reviews. */
  sizes: PullRequestSizes | null;
  reviews: PrReviewRow[];
  commits: PrCommitRow[];
  /** True when `commits` is the whole commit list (one page, no more to follow). */
  commitsComplete: boolean;
  /** True when this node starts the pull request's commit list (not a follow-up page). */
  commitsFromStart: boolean;
}

/**
 * Rows of one pull request node of a details query or of a follow-up page (`node(id:)`).
 * Pending reviews (not submitted) are left out: only their author can see them.
 *
 * @example
 * pullRequestDetails(node, context, false)?.sizes?.additions; // 120
 */
export function pullRequestDetails(node: JsonObject, context: RowContext, followUp: boolean): PullRequestDetails | null {
  const number = integer(node.number);
  if (number === null) return null;
  const prId = itemId(context.repository, number);
  const commitsConnection = object(node.commits);
  const reviewsConnection = object(node.reviews);
  const sizes: PullRequestSizes | null =
    !followUp && 'additions' in node
      ? {
          pr_id: prId,
          additions: integer(node.additions),
          deletions: integer(node.deletions),
          changed_files: integer(node.changedFiles),
          commits_count: commitsConnection ? integer(commitsConnection.totalCount) : null,
          raw_page_id: context.pageId,
        }
      : null;
  const reviews: PrReviewRow[] = [];
  for (const review of objects(reviewsConnection?.nodes)) {
    const id = integer(review.databaseId);
    const submitted = time(review.submittedAt);
    const state = text(review.state);
    if (id === null || submitted === null || state === 'PENDING') continue;
    const actor = object(review.author);
    const account = graphqlAccount(actor, submitted);
    reviews.push({
      review_id: `${prId}/review/${id}`,
      pr_id: prId,
      kind: 'review',
      state,
      author_identity_id: context.identities.see(account),
      author_login: account ? context.identities.loginOf(account) : null,
      author_is_bot: context.identities.isAutomation(account),
      submitted_at: submitted,
      body: text(review.body),
      raw_page_id: context.pageId,
    });
  }
  const commits: PrCommitRow[] = [];
  for (const entry of objects(commitsConnection?.nodes)) {
    const commit = object(entry.commit);
    const sha = commit ? text(commit.oid) : null;
    if (!commit || !sha) continue;
    const author = object(commit.author);
    const user = author ? object(author.user) : null;
    const name = author ? text(author.name) : null;
    const email = author ? text(author.email) : null;
    const authored = time(commit.authoredDate);
    const login = user ? text(user.login) : null;
    // A commit author with a GitHub account is that account (with the git name and e-mail
    // learned); without one, the git identity the git collector records for that e-mail.
    const identity = login
      ? context.identities.see({ login, id: integer(user!.databaseId), type: 'User', name, email, at: authored })
      : email
        ? gitIdentityId(email)
        : null;
    commits.push({
      pr_id: prId,
      sha,
      author_identity_id: identity,
      author_login: login,
      authored_at: authored,
      committed_at: time(commit.committedDate),
      message: text(commit.message),
      raw_page_id: context.pageId,
    });
  }
  const pageInfo = object(commitsConnection?.pageInfo);
  return {
    prId,
    sizes,
    reviews,
    commits,
    commitsFromStart: commitsConnection !== null && !followUp,
    commitsComplete: commitsConnection !== null && !followUp && pageInfo?.hasNextPage !== true,
  };
}
