import type { JsonValue } from '../../pipeline/warehouse/database.js';
import { JiraHttpError, JiraMalformedResponseError, type JiraHttp } from './jira-http.js';
import { asArray, asRecord, ownNumber, ownRecord, ownText, type JsonRecord } from './json-access.js';
import type { Deployment } from './search-api.js';

/*
 * Search answers embed at most a page of each issue's changelog (Cloud: the latest 100
 * entries). When `histories` holds fewer entries than `total`, the rest is fetched: on Cloud
 * with the bulk changelog fetch for all such issues of a search page at once, on Data Center by
 * reading the issue with its full changelog.
 */

/** Changelogs still to fetch, kept in the issues cursor so a killed run resumes them. */
export type PendingChangelogs =
  | { kind: 'issue'; keys: string[] }
  | { kind: 'bulk'; issueIds: string[]; keysById: Record<string, string>; nextPageToken: string | null };

/**
 * The changelogs a page of issues still needs, or null when every one is complete.
 *
 * @example
 * pendingChangelogs('datacenter', [{ key: 'ABC-1', changelog: { total: 3, histories: [] } }]); // { kind: 'issue', keys: ['ABC-1'] }
 */
export function pendingChangelogs(deployment: Deployment, issues: readonly JsonRecord[]): PendingChangelogs | null {
  const truncated = issues.filter(isChangelogTruncated);
  if (truncated.length === 0) return null;
  if (deployment === 'datacenter') return { kind: 'issue', keys: truncated.map((issue) => ownText(issue, 'key')!) };
  const keysById: Record<string, string> = {};
  for (const issue of truncated) keysById[ownText(issue, 'id') ?? ownText(issue, 'key')!] = ownText(issue, 'key')!;
  return { kind: 'bulk', issueIds: Object.keys(keysById), keysById, nextPageToken: null };
}

/**
 * Whether an issue's embedded changelog lacks entries (or is missing although it was asked for).
 *
 * @example
 * isChangelogTruncated({ key: 'ABC-1', changelog: { total: 120, histories: [] } }); // true
 */
export function isChangelogTruncated(issue: JsonRecord): boolean {
  const changelog = ownRecord(issue, 'changelog');
  if (!changelog) return true;
  const total = ownNumber(changelog, 'total');
  return total !== null && asArray(changelog.histories).length < total;
}

/** One fetched piece of a pending changelog and what is still pending after it. */
export type ChangelogStep =
  | {
      kind: 'page';
      response: Awaited<ReturnType<JiraHttp['send']>>;
      context: Record<string, JsonValue>;
      rest: PendingChangelogs | null;
      /** Set when even this answer lacks entries (the site caps changelogs). */
      warning?: string;
    }
  | { kind: 'skipped'; warning: string; rest: PendingChangelogs | null };

/**
 * Fetch the next piece of a pending changelog: one Data Center issue, or one page of a Cloud
 * bulk fetch. An issue deleted meanwhile (404) is skipped with a warning.
 *
 * @example
 * let pending = pendingChangelogs(deployment, issues);
 * while (pending) { const step = await nextChangelogStep(http, pending); pending = step.rest; }
 */
export async function nextChangelogStep(http: JiraHttp, pending: PendingChangelogs): Promise<ChangelogStep> {
  if (pending.kind === 'issue') {
    const [key, ...others] = pending.keys;
    const rest = others.length > 0 ? { kind: 'issue' as const, keys: others } : null;
    if (key === undefined) return { kind: 'skipped', warning: 'an empty changelog batch', rest: null };
    try {
      const response = await http.send({
        method: 'GET',
        path: `/rest/api/2/issue/${encodeURIComponent(key)}`,
        query: { expand: 'changelog', fields: 'status' },
      });
      const issue = asRecord(response.body);
      const changelog = ownRecord(issue, 'changelog');
      if (!issue || !changelog || !Array.isArray(changelog.histories)) {
        throw new JiraMalformedResponseError(response.request.url, 'expected an issue with a "changelog.histories" list');
      }
      const warning = isChangelogTruncated(issue) ? `the site returned only part of ${key}'s changelog; earlier status changes are missing` : undefined;
      return { kind: 'page', response, context: { key }, rest, ...(warning ? { warning } : {}) };
    } catch (error) {
      if (error instanceof JiraHttpError && error.status === 404) {
        return { kind: 'skipped', warning: `${key} was deleted before its changelog could be read`, rest };
      }
      throw error;
    }
  }
  const body: Record<string, JsonValue> = { issueIdsOrKeys: [...pending.issueIds], maxResults: 1000 };
  if (pending.nextPageToken) body.nextPageToken = pending.nextPageToken;
  const response = await http.send({ method: 'POST', path: '/rest/api/3/changelog/bulkfetch', body });
  const record = asRecord(response.body);
  if (!record || !Array.isArray(record.issueChangeLogs)) {
    throw new JiraMalformedResponseError(response.request.url, 'expected an object with an "issueChangeLogs" list');
  }
  const next = ownText(record, 'nextPageToken');
  // A token that does not move would loop for ever; treat it as the end.
  const more = next !== null && next !== pending.nextPageToken;
  return { kind: 'page', response, context: { keysById: pending.keysById }, rest: more ? { ...pending, nextPageToken: next } : null };
}
