import type { JsonValue } from '../../pipeline/warehouse/database.js';
import { graphqlPage, type CollectSession, type FetchedPage } from './collect-session.js';
import {
  DEPLOYMENT_STATUSES,
  DETAIL_BATCH_SIZE,
  PULL_REQUEST_COMMITS_PAGE,
  PULL_REQUEST_DETAILS,
  PULL_REQUEST_REVIEWS_PAGE,
  RELEASE_COMMITS,
  type NamedQuery,
} from './graphql-queries.js';
import { isObject, type JsonObject } from './list-stream.js';
import { repositoryStream } from './streams.js';

/**
 * GraphQL pages with the sizes, commits and reviews of pull requests (by node id), 50 per query,
 * plus the further pages of the rare pull request with more than 100 commits or reviews.
 *
 * @example
 * const pages = await fetchPullDetails(session, 'acme/web', ['PR_kwDO…']);
 */
export async function fetchPullDetails(session: CollectSession, fullName: string, nodeIds: readonly string[]): Promise<FetchedPage[]> {
  const stream = repositoryStream(fullName, 'pull-details');
  const pages: FetchedPage[] = [];
  for (const batch of batches(nodeIds)) {
    const page = await query(session, stream, PULL_REQUEST_DETAILS, { ids: batch });
    pages.push(page);
    for (const node of resultNodes(page)) {
      const id = typeof node.id === 'string' ? node.id : null;
      if (!id) continue;
      session.detailedPulls.add(id);
      pages.push(...(await followConnection(session, stream, PULL_REQUEST_COMMITS_PAGE, id, node.commits, 'commits')));
      pages.push(...(await followConnection(session, stream, PULL_REQUEST_REVIEWS_PAGE, id, node.reviews, 'reviews')));
    }
  }
  return pages;
}

/** GraphQL pages naming the commit each release's tag points at. */
export async function fetchReleaseCommits(session: CollectSession, fullName: string, nodeIds: readonly string[]): Promise<FetchedPage[]> {
  const stream = repositoryStream(fullName, 'release-commits');
  const pages: FetchedPage[] = [];
  for (const batch of batches(nodeIds)) pages.push(await query(session, stream, RELEASE_COMMITS, { ids: batch }));
  return pages;
}

/** GraphQL pages with the statuses of deployments, and the deployment nodes they hold. */
export async function fetchDeploymentStatuses(
  session: CollectSession,
  fullName: string,
  nodeIds: readonly string[],
): Promise<{ pages: FetchedPage[]; nodes: JsonObject[] }> {
  const stream = repositoryStream(fullName, 'deployment-statuses');
  const pages: FetchedPage[] = [];
  const nodes: JsonObject[] = [];
  for (const batch of batches(nodeIds)) {
    const page = await query(session, stream, DEPLOYMENT_STATUSES, { ids: batch });
    pages.push(page);
    nodes.push(...resultNodes(page));
  }
  return { pages, nodes };
}

/** Deployment states after which nothing more is expected. */
const SETTLED_DEPLOYMENT_STATES = new Set(['SUCCESS', 'FAILURE', 'ERROR', 'INACTIVE']);

/**
 * Whether a deployment's latest status is final (success, failure, error, inactive). A deployment
 * without statuses is not: a status may still come.
 *
 * @example
 * deploymentSettled({ statuses: { nodes: [{ state: 'PENDING', createdAt: '2024-01-01T00:00:00Z' }] } }); // false
 */
export function deploymentSettled(node: JsonObject): boolean {
  const statuses = isObject(node.statuses) && Array.isArray(node.statuses.nodes) ? node.statuses.nodes.filter(isObject) : [];
  let latest: JsonObject | null = null;
  for (const status of statuses) {
    if (latest === null || String(status.createdAt) > String(latest.createdAt)) latest = status;
  }
  return latest !== null && SETTLED_DEPLOYMENT_STATES.has(String(latest.state).toUpperCase());
}

async function followConnection(
  session: CollectSession,
  stream: string,
  named: NamedQuery,
  id: string,
  connection: JsonValue | undefined,
  field: 'commits' | 'reviews',
): Promise<FetchedPage[]> {
  const pages: FetchedPage[] = [];
  let current = connection;
  while (isObject(current) && isObject(current.pageInfo) && current.pageInfo.hasNextPage === true) {
    const after = current.pageInfo.endCursor;
    if (typeof after !== 'string') break;
    const page = await query(session, stream, named, { id, after });
    pages.push(page);
    const body = page.response.body;
    const node = isObject(body) && isObject(body.data) && isObject(body.data.node) ? body.data.node : null;
    current = node ? node[field] : undefined;
  }
  return pages;
}

async function query(session: CollectSession, stream: string, named: NamedQuery, variables: Record<string, JsonValue>): Promise<FetchedPage> {
  const response = await session.client.graphql(named.query, variables);
  return graphqlPage(stream, named.operation, variables, response);
}

/**
 * The `nodes` of a `nodes(ids:)` answer (missing nodes are null and left out).
 *
 * @example
 * resultNodes(page).map((node) => node.id);
 */
export function resultNodes(page: FetchedPage): JsonObject[] {
  const body = page.response.body;
  const data = isObject(body) && isObject(body.data) ? body.data : null;
  return data && Array.isArray(data.nodes) ? data.nodes.filter(isObject) : [];
}

function* batches<T>(items: readonly T[]): Generator<T[]> {
  for (let start = 0; start < items.length; start += DETAIL_BATCH_SIZE) yield items.slice(start, start + DETAIL_BATCH_SIZE);
}
