import { restPage, type CollectSession } from './collect-session.js';
import { GithubHttpError, GithubMalformedResponseError } from './github-errors.js';
import { isObject, nextPageUrl } from './list-stream.js';
import { repositoryFromApi, type GithubRepository } from './repository-selection.js';
import { organisationStream, repositoryStream } from './streams.js';

/**
 * Every repository of an organisation (or, when the login is a user, of that user), page by
 * page, each page stored. The listing is read whole on every run: it costs one request per 100
 * repositories, and repositories appear, move and get archived anywhere in it.
 *
 * @example
 * const repositories = await listOrganisationRepositories(session, 'acme');
 */
export async function listOrganisationRepositories(session: CollectSession, org: string): Promise<GithubRepository[]> {
  const query = { per_page: session.config.pageSize, sort: 'full_name' };
  try {
    return await listFrom(session, org, session.client.url(`/orgs/${encodeURIComponent(org)}/repos`, { ...query, type: 'all' }));
  } catch (error) {
    if (!(error instanceof GithubHttpError) || error.status !== 404) throw error;
    // Not an organisation: a user account lists its repositories elsewhere.
    return listFrom(session, org, session.client.url(`/users/${encodeURIComponent(org)}/repos`, { ...query, type: 'owner' }));
  }
}

async function listFrom(session: CollectSession, org: string, firstUrl: string): Promise<GithubRepository[]> {
  const repositories: GithubRepository[] = [];
  for (let url: string | null = firstUrl; url !== null; ) {
    const response = await session.client.get(url);
    if (!Array.isArray(response.body)) throw new GithubMalformedResponseError('GET', url, response.body);
    for (const item of response.body) {
      const repository = isObject(item) ? repositoryFromApi(item) : null;
      if (repository) repositories.push(repository);
    }
    await session.store([restPage(organisationStream(org), response)], []);
    url = nextPageUrl(response.headers.link);
  }
  return repositories;
}

/**
 * One listed repository's facts (`GET /repos/{owner}/{name}`), asked conditionally: an unchanged
 * repository answers 304 and its facts come from the stream's cursor.
 *
 * @example
 * const web = await readListedRepository(session, 'acme/web');
 */
export async function readListedRepository(session: CollectSession, fullName: string): Promise<GithubRepository> {
  const stream = repositoryStream(fullName, 'repo');
  const stored = await session.cursor(stream);
  const url = session.client.url(`/repos/${fullName}`);
  const remembered = isObject(stored.details.repository) ? stored.details.repository : null;
  const etag = remembered && stored.details.etagUrl === url && typeof stored.details.etag === 'string' ? stored.details.etag : null;
  const response = await session.client.get(url, { etag });
  if (response.status === 304 && remembered) {
    const repository = repositoryFromApi(remembered);
    if (repository) return repository;
  }
  const repository = isObject(response.body) ? repositoryFromApi(response.body) : null;
  if (!repository) throw new GithubMalformedResponseError('GET', url, response.body);
  const summary = {
    full_name: repository.fullName,
    name: repository.name,
    archived: repository.archived,
    fork: repository.fork,
    default_branch: repository.defaultBranch,
  };
  // The cursor is stored under the configured name; pages under the name GitHub answers with.
  await session.store(
    [restPage(repositoryStream(repository.fullName, 'repo'), response)],
    [{ stream, cursor: repository.defaultBranch, cursorTime: null, details: { etag: response.headers.etag ?? null, etagUrl: url, repository: summary } }],
  );
  return repository;
}
