import { describe, expect, it } from 'vitest';
import { IdentityBook } from '../../collectors/github/extract/identity-book.js';
import { deploymentOutcome, deploymentRow, releaseRow } from '../../collectors/github/extract/deployment-rows.js';
import type { RowContext } from '../../collectors/github/extract/row-context.js';
import { issueType, ticketRow } from '../../collectors/github/extract/ticket-rows.js';
import { graphqlEndpoint } from '../../collectors/github/github-client.js';
import { nextPageUrl } from '../../collectors/github/list-stream.js';
import { selectRepositories, type GithubRepository } from '../../collectors/github/repository-selection.js';
import { repositoryFromUrl } from '../../collectors/github/repository-url.js';
import { parseRepositoryStream, repositoryStream } from '../../collectors/github/streams.js';
import { resolveGithubSource } from '../../pipeline/config/github-config.js';

const config = resolveGithubSource({ name: 'acme', org: 'acme' });

function context(overrides: Partial<RowContext> = {}): RowContext {
  return { sourceId: 'github:acme', repository: 'acme/web', pageId: 7, identities: new IdentityBook('github:acme', {}), config, ...overrides };
}

function repository(fullName: string, extra: Partial<GithubRepository> = {}): GithubRepository {
  return { fullName, name: fullName.split('/')[1]!, archived: false, fork: false, defaultBranch: 'main', ...extra };
}

describe('repository selection', () => {
  const listed = [
    repository('acme/web'),
    repository('acme/Web-Admin'),
    repository('acme/legacy', { archived: true }),
    repository('acme/lib-fork', { fork: true }),
    repository('acme/sandbox-1'),
  ];

  it('skips archived repositories and forks of a listing unless asked, and applies globs on name or owner/name ignoring case', () => {
    const { selected, skipped } = selectRepositories(listed, { ...config, exclude: ['sandbox-*'] }, { listing: true });
    expect(selected.map((r) => r.fullName)).toEqual(['acme/web', 'acme/Web-Admin']);
    expect(skipped).toEqual([
      { fullName: 'acme/legacy', reason: 'archived' },
      { fullName: 'acme/lib-fork', reason: 'fork' },
      { fullName: 'acme/sandbox-1', reason: 'excluded' },
    ]);
    const included = selectRepositories(listed, { ...config, include: ['ACME/web*'], includeArchived: true, includeForks: true }, { listing: true });
    expect(included.selected.map((r) => r.fullName)).toEqual(['acme/web', 'acme/Web-Admin']);
    expect(selectRepositories(listed, { ...config, include: ['legacy', 'lib-*'], includeArchived: true, includeForks: true }, { listing: true }).selected).toHaveLength(2);
  });

  it('keeps explicitly listed archived repositories and forks', () => {
    expect(selectRepositories(listed, config, { listing: false }).selected).toHaveLength(5);
  });
});

describe('small parsers', () => {
  it('reads owner/name from remote URLs', () => {
    expect(repositoryFromUrl('https://github.com/acme/web.git')).toBe('acme/web');
    expect(repositoryFromUrl('https://github.com/acme/web/')).toBe('acme/web');
    expect(repositoryFromUrl('git@github.example.com:acme/api.git')).toBe('acme/api');
    expect(repositoryFromUrl('https://ghe.example.com/acme/web')).toBe('acme/web');
    expect(repositoryFromUrl('git@github.com:acme/web.git')).toBe('acme/web');
    expect(repositoryFromUrl('ssh://git@github.com/acme/web.git')).toBe('acme/web');
    expect(repositoryFromUrl('https://gitlab.example.com/group/sub/web.git')).toBeNull();
    expect(repositoryFromUrl('/srv/git/web')).toBeNull();
    expect(repositoryFromUrl('file:///srv/git/acme/web')).toBeNull();
    expect(repositoryFromUrl(null)).toBeNull();
  });

  it('follows Link headers to the next page only', () => {
    expect(nextPageUrl('<https://api.github.com/r?page=2>; rel="next", <https://api.github.com/r?page=9>; rel="last"')).toBe('https://api.github.com/r?page=2');
    expect(nextPageUrl('<https://api.github.com/r?page=1>; rel="first", <https://api.github.com/r?page=3>; rel="prev"')).toBeNull();
    expect(nextPageUrl(undefined)).toBeNull();
  });

  it('finds the GraphQL endpoint of github.com and of GitHub Enterprise Server', () => {
    expect(graphqlEndpoint('https://api.github.com')).toBe('https://api.github.com/graphql');
    expect(graphqlEndpoint('https://ghe.example.com/api/v3/')).toBe('https://ghe.example.com/api/graphql');
  });

  it('names streams per repository and reads them back', () => {
    expect(repositoryStream('acme/web', 'pull-details')).toBe('acme/web:pull-details');
    expect(parseRepositoryStream('acme/web:pull-details')).toEqual({ repository: 'acme/web', kind: 'pull-details' });
    expect(parseRepositoryStream('acme:repos')).toBeNull();
    expect(parseRepositoryStream('extract')).toBeNull();
    expect(parseRepositoryStream('acme/web:unknown')).toBeNull();
  });
});

describe('issue types', () => {
  it('takes incident, then bug, then requirement labels (any case), then the GitHub issue type', () => {
    expect(issueType(['Bug', 'Incident'], null, config.issues)).toEqual({ type: 'incident', raw: 'Incident' });
    expect(issueType(['BUG'], 'Feature', config.issues)).toEqual({ type: 'bug', raw: 'BUG' });
    expect(issueType(['feature'], null, config.issues)).toEqual({ type: 'requirement', raw: 'feature' });
    expect(issueType([], 'Bug', config.issues)).toEqual({ type: 'bug', raw: 'Bug' });
    expect(issueType(['question'], null, config.issues)).toEqual({ type: 'other', raw: null });
  });

  it('leaves pull requests out of tickets and excludes not-planned and duplicate bugs from defects', () => {
    const base = { number: 3, created_at: '2024-01-01T00:00:00Z', updated_at: '2024-01-02T00:00:00Z', state: 'closed', closed_at: '2024-01-02T00:00:00Z', labels: [{ name: 'bug' }], user: { login: 'alice', id: 1 } };
    expect(ticketRow({ ...base, pull_request: { url: 'x' } }, context())).toBeNull();
    expect(ticketRow({ ...base, state_reason: 'duplicate' }, context())).toMatchObject({ type: 'bug', is_defect: false, resolution: 'duplicate' });
    expect(ticketRow({ ...base, state_reason: 'completed' }, context())).toMatchObject({ is_defect: true, is_escaped: false, resolved_at: '2024-01-02T00:00:00.000Z' });
  });
});

describe('releases and deployments', () => {
  it('marks production by environment glob, ignoring case', () => {
    const deployment = { id: 5, created_at: '2024-01-01T00:00:00Z', environment: 'PROD-eu', sha: 'a'.repeat(40), ref: 'main', task: 'deploy' };
    expect(deploymentRow(deployment, context({ config: { ...config, productionEnvironments: ['prod-*'] } }))?.is_production).toBe(true);
    expect(deploymentRow({ ...deployment, environment: 'staging' }, context())?.is_production).toBe(false);
  });

  it('takes a release commit from a full-sha target_commitish until the tag commit is known', () => {
    const release = { id: 9, created_at: '2024-01-01T00:00:00Z', published_at: '2024-01-02T00:00:00Z', tag_name: 'v1', draft: false, prerelease: false };
    expect(releaseRow({ ...release, target_commitish: 'B'.repeat(40) }, context())).toMatchObject({ sha: 'b'.repeat(40), status: 'published', is_production: true });
    expect(releaseRow({ ...release, target_commitish: 'main' }, context())).not.toHaveProperty('sha');
  });

  it('keeps a success replaced by a newer deployment (inactive) as a success, finished at its first success', () => {
    const node = (states: Array<[string, string]>) => ({ databaseId: 1, statuses: { nodes: states.map(([state, createdAt]) => ({ state, createdAt })) } });
    expect(deploymentOutcome(node([['INACTIVE', '2024-01-03T00:00:00Z'], ['SUCCESS', '2024-01-02T00:00:00Z'], ['IN_PROGRESS', '2024-01-01T00:00:00Z']]), context())).toMatchObject({
      status: 'success',
      finished_at: '2024-01-02T00:00:00.000Z',
    });
    expect(deploymentOutcome(node([['FAILURE', '2024-01-02T00:00:00Z']]), context())).toMatchObject({ status: 'failure', finished_at: '2024-01-02T00:00:00.000Z' });
    expect(deploymentOutcome(node([['PENDING', '2024-01-02T00:00:00Z']]), context())).toMatchObject({ status: 'pending', finished_at: null });
    expect(deploymentOutcome(node([]), context())).toMatchObject({ status: null, finished_at: null });
  });
});
