/*
 * Stream names of the GitHub source. A stream is what one cursor in core.sync_state tracks and
 * what raw pages are filed under: `<owner>/<name>:<kind>` for a repository's streams,
 * `<org>:repos` for an organisation's repository list, and `extract` for extraction progress.
 */

/** Kinds of per-repository streams, in the order they are collected. */
export const REPOSITORY_STREAM_KINDS = [
  'repo',
  'pulls',
  'pull-details',
  'open-pulls',
  'review-comments',
  'issue-comments',
  'issues',
  'releases',
  'release-commits',
  'deployments',
  'deployment-statuses',
] as const;

export type RepositoryStreamKind = (typeof REPOSITORY_STREAM_KINDS)[number];

/** The stream that records the last raw page extraction has processed. */
export const EXTRACT_STREAM = 'extract';

/**
 * The stream name of one repository's stream.
 *
 * @example
 * repositoryStream('acme/web', 'pulls'); // 'acme/web:pulls'
 */
export function repositoryStream(fullName: string, kind: RepositoryStreamKind): string {
  return `${fullName}:${kind}`;
}

/** The stream of an organisation's repository list. */
export function organisationStream(org: string): string {
  return `${org}:repos`;
}

/**
 * Split a stream name into repository and kind; null for streams that belong to no repository.
 *
 * @example
 * parseRepositoryStream('acme/web:pull-details'); // { repository: 'acme/web', kind: 'pull-details' }
 * parseRepositoryStream('acme:repos'); // null
 */
export function parseRepositoryStream(stream: string): { repository: string; kind: RepositoryStreamKind } | null {
  const at = stream.lastIndexOf(':');
  if (at < 0) return null;
  const repository = stream.slice(0, at);
  const kind = stream.slice(at + 1);
  if (!repository.includes('/') || !(REPOSITORY_STREAM_KINDS as readonly string[]).includes(kind)) return null;
  return { repository, kind: kind as RepositoryStreamKind };
}
