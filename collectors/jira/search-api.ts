import type { JsonValue } from '../../pipeline/warehouse/database.js';
import type { JiraHttp, JiraResponse } from './jira-http.js';
import { JiraMalformedResponseError } from './jira-http.js';
import { asArray, asRecord, ownNumber, ownText, type JsonRecord } from './json-access.js';

/*
 * Issue search, the one call that differs between deployments. Jira Cloud removed
 * `/rest/api/{2,3}/search` (410 Gone) in favour of the enhanced search `POST /rest/api/3/search/jql`,
 * paged with an opaque `nextPageToken`; Data Center keeps `/rest/api/2/search`, paged with
 * `startAt` (POST, so long JQL never meets URL limits).
 */

/** Which API family the site speaks. */
export type Deployment = 'cloud' | 'datacenter';

/** Where a page starts: an offset (Data Center) or a continuation token (Cloud; null = first page). */
export type PagePosition = { startAt: number } | { nextPageToken: string | null };

/** One search request. */
export interface SearchRequest {
  jql: string;
  fields: readonly string[];
  /** Embed each issue's changelog. */
  changelog: boolean;
  pageSize: number;
  position: PagePosition;
}

/** One page of results. */
export interface SearchPage {
  response: JiraResponse;
  issues: JsonRecord[];
  /** Where the next page starts, or null when this was the last. */
  next: PagePosition | null;
}

/**
 * Run one page of a search on the site's API.
 *
 * @example
 * const page = await searchPage(http, 'cloud', { jql, fields: ['key'], changelog: false, pageSize: 100, position: { nextPageToken: null } });
 */
export async function searchPage(http: JiraHttp, deployment: Deployment, request: SearchRequest): Promise<SearchPage> {
  return deployment === 'cloud' ? cloudSearchPage(http, request) : dataCenterSearchPage(http, request);
}

/**
 * The first position of a search on a deployment.
 *
 * @example
 * firstPosition('datacenter'); // { startAt: 0 }
 */
export function firstPosition(deployment: Deployment): PagePosition {
  return deployment === 'cloud' ? { nextPageToken: null } : { startAt: 0 };
}

async function cloudSearchPage(http: JiraHttp, request: SearchRequest): Promise<SearchPage> {
  const token = 'nextPageToken' in request.position ? request.position.nextPageToken : null;
  const body: Record<string, JsonValue> = { jql: request.jql, fields: [...request.fields], maxResults: request.pageSize };
  if (request.changelog) body.expand = 'changelog';
  if (token) body.nextPageToken = token;
  const response = await http.send({ method: 'POST', path: '/rest/api/3/search/jql', body });
  const page = issuesOf(response);
  const nextToken = ownText(page.record, 'nextPageToken');
  const last = page.record.isLast === true || nextToken === null;
  return { response, issues: page.issues, next: last ? null : { nextPageToken: nextToken } };
}

async function dataCenterSearchPage(http: JiraHttp, request: SearchRequest): Promise<SearchPage> {
  const startAt = 'startAt' in request.position ? request.position.startAt : 0;
  const body: Record<string, JsonValue> = { jql: request.jql, startAt, maxResults: request.pageSize, fields: [...request.fields] };
  if (request.changelog) body.expand = ['changelog'];
  const response = await http.send({ method: 'POST', path: '/rest/api/2/search', body });
  const page = issuesOf(response);
  const total = ownNumber(page.record, 'total');
  const answeredStart = ownNumber(page.record, 'startAt') ?? startAt;
  const end = answeredStart + page.issues.length;
  const last = page.issues.length === 0 || total === null || end >= total;
  return { response, issues: page.issues, next: last ? null : { startAt: end } };
}

/** The issues of a search answer; anything else is a malformed answer naming the URL. */
function issuesOf(response: JiraResponse): { record: JsonRecord; issues: JsonRecord[] } {
  const record = asRecord(response.body);
  if (!record || !Array.isArray(record.issues)) {
    throw new JiraMalformedResponseError(response.request.url, 'expected an object with an "issues" list');
  }
  const issues: JsonRecord[] = [];
  for (const item of asArray(record.issues)) {
    const issue = asRecord(item);
    if (!issue || ownText(issue, 'key') === null) {
      throw new JiraMalformedResponseError(response.request.url, 'an issue without a key');
    }
    issues.push(issue);
  }
  return { record, issues };
}
