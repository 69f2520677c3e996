import type { IdentityRow } from '../../pipeline/warehouse/database.js';
import { asRecord, ownText } from './json-access.js';

/**
 * The identity of a Jira user object (assignee, reporter, changelog author), or null for none.
 * Cloud users are known by `accountId`; Data Center users by `key` (stable across renames),
 * else `name`. The row leaves `person_id` and `link_rule` out: people are resolved later, and
 * an upsert must not undo that. An e-mail the site hides stays as stored.
 *
 * @example
 * jiraIdentity({ accountId: '5b10a2844c20165700ede21g', displayName: 'Alice' }, 'jira:acme')?.identity_id;
 * // 'jira:5b10a2844c20165700ede21g'
 */
export function jiraIdentity(user: unknown, sourceId: string): IdentityRow | null {
  const record = asRecord(user);
  if (!record) return null;
  const accountId = ownText(record, 'accountId');
  const login = ownText(record, 'name');
  const external = accountId ?? ownText(record, 'key') ?? login;
  if (external === null) return null;
  const row: IdentityRow = {
    identity_id: `jira:${external}`,
    provider: 'jira',
    external_id: external,
    name: ownText(record, 'displayName') ?? login,
    login: accountId === null ? login : null,
    source_id: sourceId,
  };
  const email = ownText(record, 'emailAddress');
  if (email !== null) row.email = email;
  return row;
}
