import type { PrReviewRow } from '../../../pipeline/warehouse/delivery-tables.js';
import type { JsonObject } from '../list-stream.js';
import { integer, object, text, time, trailingNumber } from './json-fields.js';
import { restAccount } from './pull-request-rows.js';
import { itemId, type RowContext } from './row-context.js';

/**
 * A review comment (a comment on a pull request's diff) from the repository-wide list.
 *
 * @example
 * reviewCommentRow(comment, context)?.review_id; // 'github:acme/web#12/review-comment/9001'
 */
export function reviewCommentRow(comment: JsonObject, context: RowContext): PrReviewRow | null {
  const number = trailingNumber(comment.pull_request_url);
  return number === null ? null : commentRow(comment, context, number, 'review_comment', 'review-comment');
}

/**
 * A conversation comment on a pull request, from the repository-wide issue comment list; comments
 * on plain issues give null. Why the web address decides: GitHub files pull request comments under
 * `/issues/<n>` in the API but links them as `/pull/<n>#issuecomment-…`.
 *
 * @example
 * issueCommentRow(comment, context)?.review_id; // 'github:acme/web#12/comment/7001'
 */
export function issueCommentRow(comment: JsonObject, context: RowContext): PrReviewRow | null {
  const web = text(comment.html_url);
  if (!web || !/\/pull\/\d+#/.test(web)) return null;
  const number = trailingNumber(comment.issue_url);
  return number === null ? null : commentRow(comment, context, number, 'comment', 'comment');
}

function commentRow(
  comment: JsonObject,
  context: RowContext,
  number: number,
  kind: 'review_comment' | 'comment',
  idPart: string,
): PrReviewRow | null {
  const id = integer(comment.id);
  const created = time(comment.created_at);
  if (id === null || created === null) return null;
  const prId = itemId(context.repository, number);
  const account = restAccount(object(comment.user), created);
  return {
    review_id: `${prId}/${idPart}/${id}`,
    pr_id: prId,
    kind,
    state: null,
    author_identity_id: context.identities.see(account),
    author_login: account?.login ?? null,
    author_is_bot: context.identities.isAutomation(account),
    submitted_at: created,
    body: text(comment.body),
    raw_page_id: context.pageId,
  };
}
