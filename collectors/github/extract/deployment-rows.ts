import picomatch from 'picomatch';
import type { DeploymentRow } from '../../../pipeline/warehouse/delivery-tables.js';
import type { JsonObject } from '../list-stream.js';
import { fullSha, integer, object, objects, text, time } from './json-fields.js';
import type { RowContext } from './row-context.js';

/** Stable id of a release. */
export function releaseId(repository: string, id: number): string {
  return `github:${repository}/release/${id}`;
}

/** Stable id of a deployment. */
export function deploymentId(repository: string, id: number): string {
  return `github:${repository}/deployment/${id}`;
}

/**
 * The row of a GitHub release. Its commit comes from the release-commits page (REST names only
 * the tag); until then a `target_commitish` that is a full sha stands in.
 *
 * @example
 * releaseRow(release, context)?.deployment_id; // 'github:acme/web/release/101'
 */
export function releaseRow(release: JsonObject, context: RowContext): DeploymentRow | null {
  const id = integer(release.id);
  const created = time(release.created_at);
  if (id === null || created === null) return null;
  const draft = release.draft === true;
  const prerelease = release.prerelease === true;
  const tag = text(release.tag_name);
  const sha = fullSha(release.target_commitish);
  return {
    deployment_id: releaseId(context.repository, id),
    source_id: context.sourceId,
    repo_full_name: context.repository,
    kind: 'release',
    name: text(release.name) || tag,
    environment: null,
    // Why prereleases are not production: they are release candidates by GitHub's own definition.
    is_production: context.config.releasesAreProduction && !draft && !prerelease,
    status: draft ? 'draft' : prerelease ? 'prerelease' : 'published',
    ...(sha ? { sha } : {}),
    ref: tag,
    created_at: created,
    finished_at: draft ? null : time(release.published_at),
    url: text(release.html_url),
    raw_page_id: context.pageId,
  };
}

/** The commit a release's tag points at, from a release-commits node. */
export function releaseCommit(node: JsonObject, context: RowContext): { deployment_id: string; sha: string; raw_page_id: number } | null {
  const id = integer(node.databaseId);
  const tagCommit = object(node.tagCommit);
  const sha = tagCommit ? fullSha(tagCommit.oid) : null;
  return id === null || sha === null ? null : { deployment_id: releaseId(context.repository, id), sha, raw_page_id: context.pageId };
}

/**
 * The row of a GitHub deployment, without its outcome (statuses come from another page).
 * Production is decided by the configured environment globs, case-insensitively.
 *
 * @example
 * deploymentRow(deployment, context)?.is_production; // true for environment "Production"
 */
export function deploymentRow(deployment: JsonObject, context: RowContext): DeploymentRow | null {
  const id = integer(deployment.id);
  const created = time(deployment.created_at);
  if (id === null || created === null) return null;
  const environment = text(deployment.environment);
  const production = environment !== null && context.config.productionEnvironments.some((glob) => picomatch.isMatch(environment, glob, { nocase: true }));
  return {
    deployment_id: deploymentId(context.repository, id),
    source_id: context.sourceId,
    repo_full_name: context.repository,
    kind: 'deployment',
    name: text(deployment.task),
    environment,
    is_production: production,
    sha: fullSha(deployment.sha) ?? text(deployment.sha),
    ref: text(deployment.ref),
    created_at: created,
    url: null,
    raw_page_id: context.pageId,
  };
}

/** A deployment's outcome from its statuses. */
export interface DeploymentOutcome {
  deployment_id: string;
  status: string | null;
  finished_at: string | null;
  raw_page_id: number;
}

/**
 * The outcome of a deployment from a deployment-statuses node: the latest status, except that
 * `inactive` after a success stays `success` (GitHub marks a deployment inactive when a newer one
 * replaces it; it still shipped). `finished_at` is the first success, else the latest final
 * status.
 *
 * @example
 * deploymentOutcome({ databaseId: 7, statuses: { nodes: [{ state: 'SUCCESS', createdAt: '…' }] } }, context).status; // 'success'
 */
export function deploymentOutcome(node: JsonObject, context: RowContext): DeploymentOutcome | null {
  const id = integer(node.databaseId);
  if (id === null) return null;
  const statuses = objects(object(node.statuses)?.nodes)
    .map((status) => ({ state: (text(status.state) ?? '').toLowerCase(), at: time(status.createdAt) }))
    .filter((status): status is { state: string; at: string } => status.state !== '' && status.at !== null)
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const firstSuccess = statuses.find((status) => status.state === 'success') ?? null;
  const latest = statuses.at(-1) ?? null;
  const final = new Set(['success', 'failure', 'error', 'inactive']);
  let status = latest?.state ?? null;
  if (status === 'inactive' && firstSuccess) status = 'success';
  const finished = firstSuccess?.at ?? (latest && final.has(latest.state) ? latest.at : null);
  return { deployment_id: deploymentId(context.repository, id), status, finished_at: finished, raw_page_id: context.pageId };
}
