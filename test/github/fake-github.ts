/**
 * A local HTTP server on 127.0.0.1 that answers like GitHub's REST and GraphQL APIs for the
 * calls the collector makes: organisation and user repository listings, repositories, pull
 * requests (state, sort, direction), review and conversation comments (`since`), issues (with
 * pull requests among them), releases, deployments, GraphQL `nodes(ids:)` and `node(id:)`
 * connection pages, and GitHub App installation tokens. Lists are paged with `Link` headers,
 * every JSON answer has an ETag and `If-None-Match` gets a 304. Every request is recorded; faults
 * can be injected per request.
 *
 * Response shapes start from `@octokit/fixtures` recordings (repository, issue, release, user)
 * with the fields the scenario sets.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeUser {
  login: string;
  id: number;
  type?: 'User' | 'Bot';
}

export interface FakeReview {
  id: number;
  user: FakeUser;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  submittedAt: string;
  body: string;
}

export interface FakeCommit {
  sha: string;
  message: string;
  authorName: string;
  authorEmail: string;
  authoredAt: string;
  committedAt: string;
  /** The GitHub account of the author, when the e-mail belongs to one. */
  user: FakeUser | null;
}

export interface FakePull {
  number: number;
  title: string;
  body: string | null;
  state: 'open' | 'closed';
  draft?: boolean;
  user: FakeUser | null;
  createdAt: string;
  updatedAt: string;
  closedAt?: string | null;
  mergedAt?: string | null;
  mergeCommitSha?: string | null;
  baseRef: string;
  headRef: string;
  headSha: string;
  labels: string[];
  additions: number;
  deletions: number;
  changedFiles: number;
  reviews: FakeReview[];
  commits: FakeCommit[];
}

export interface FakeComment {
  id: number;
  /** Pull request or issue number. */
  number: number;
  user: FakeUser;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export interface FakeIssue {
  number: number;
  title: string;
  state: 'open' | 'closed';
  stateReason?: 'completed' | 'not_planned' | 'reopened' | 'duplicate' | null;
  user: FakeUser;
  assignee?: FakeUser | null;
  labels: string[];
  typeName?: string | null;
  createdAt: string;
  updatedAt: string;
  closedAt?: string | null;
}

export interface FakeRelease {
  id: number;
  tagName: string;
  name: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  targetCommitish: string;
  /** Commit the tag points at; null when the tag does not exist. */
  tagSha: string | null;
  author: FakeUser;
}

export interface FakeDeployment {
  id: number;
  sha: string;
  ref: string;
  task: string;
  environment: string;
  createdAt: string;
  statuses: Array<{ state: 'pending' | 'queued' | 'in_progress' | 'success' | 'failure' | 'error' | 'inactive'; createdAt: string }>;
}

export interface FakeRepo {
  owner: string;
  name: string;
  id: number;
  archived?: boolean;
  fork?: boolean;
  defaultBranch: string;
  pulls: FakePull[];
  reviewComments: FakeComment[];
  issueComments: FakeComment[];
  issues: FakeIssue[];
  releases: FakeRelease[];
  deployments: FakeDeployment[];
}

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  authorization: string | null;
  ifNoneMatch: string | null;
  /** GraphQL operation name, for POST /graphql. */
  operation: string | null;
  /** GraphQL variables, for POST /graphql. */
  variables: Record<string, unknown> | null;
  /** Status answered (0 when the connection was destroyed). */
  status: number;
}

/** Lets a fault answer a request in its own way; return false to let the normal route answer. */
export type FaultHandler = (request: RecordedRequest, response: ServerResponse, server: FakeGithub) => boolean | Promise<boolean>;

interface Fault {
  matches: (request: RecordedRequest) => boolean;
  handle: FaultHandler;
  remaining: number;
}

const FIXTURES = new URL('../../node_modules/@octokit/fixtures/scenarios/api.github.com/', import.meta.url);
const fixture = (name: string) => JSON.parse(readFileSync(new URL(`${name}/normalized-fixture.json`, FIXTURES), 'utf8')) as Array<{ response: unknown }>;
const REPOSITORY_TEMPLATE = fixture('get-repository')[0]!.response as Record<string, unknown>;
const ISSUE_TEMPLATE = (fixture('paginate-issues')[0]!.response as Array<Record<string, unknown>>)[0]!;
const RELEASE_TEMPLATE = fixture('release-assets')[0]!.response as Record<string, unknown>;
const USER_TEMPLATE = ISSUE_TEMPLATE.user as Record<string, unknown>;

export class FakeGithub {
  readonly repos: FakeRepo[] = [];
  /** Logins that are organisations (others are users). */
  readonly organisations = new Set<string>();
  readonly requests: RecordedRequest[] = [];
  /** Accepted `Authorization` header values. */
  readonly acceptedAuthorizations = new Set<string>();
  /** Installation tokens handed out per installation id. */
  readonly installationTokens = new Map<string, string>();
  private readonly faults: Fault[] = [];
  private server: Server | null = null;
  baseUrl = '';

  constructor(token: string) {
    this.acceptedAuthorizations.add(`token ${token}`);
    this.acceptedAuthorizations.add(`bearer ${token}`);
  }

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) this.json(response, 500, { message: String(error) });
        else response.destroy();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.baseUrl;
  }

  async close(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server!.close(() => resolve()));
  }

  /** Answer the next `times` requests that match with `handle` (until it returns false). */
  fault(matches: (request: RecordedRequest) => boolean, handle: FaultHandler, times = 1): void {
    this.faults.push({ matches, handle, remaining: times });
  }

  clearFaults(): void {
    this.faults.length = 0;
  }

  repo(fullName: string): FakeRepo {
    const repo = this.repos.find((candidate) => `${candidate.owner}/${candidate.name}` === fullName);
    if (!repo) throw new Error(`no repository ${fullName}`);
    return repo;
  }

  /** Write a JSON answer with an ETag (honouring If-None-Match). */
  json(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, ifNoneMatch: string | null = null): void {
    const text = JSON.stringify(body);
    const etag = `W/"${createHash('sha1').update(text).digest('hex')}"`;
    const common = {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
      'x-ratelimit-resource': 'core',
      'x-github-request-id': 'FAKE:0001',
      'set-cookie': 'logged_in=no',
      ...headers,
    };
    const recorded = this.requests.at(-1);
    if (status === 200 && ifNoneMatch !== null && ifNoneMatch === etag) {
      if (recorded) recorded.status = 304;
      response.writeHead(304, { etag, ...common });
      response.end();
      return;
    }
    if (recorded) recorded.status = status;
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', etag, ...common });
    response.end(text);
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.baseUrl);
    const body = await readBody(request);
    const recorded: RecordedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      authorization: request.headers.authorization ?? null,
      ifNoneMatch: (request.headers['if-none-match'] as string | undefined) ?? null,
      operation: null,
      variables: null,
      status: 0,
    };
    let graphql: { query: string; variables: Record<string, unknown> } | null = null;
    if (recorded.method === 'POST' && url.pathname === '/graphql') {
      graphql = JSON.parse(body) as { query: string; variables: Record<string, unknown> };
      recorded.operation = /query\s+(\w+)/.exec(graphql.query)?.[1] ?? null;
      recorded.variables = graphql.variables;
    }
    this.requests.push(recorded);
    for (const fault of this.faults) {
      if (fault.remaining <= 0 || !fault.matches(recorded)) continue;
      fault.remaining -= 1;
      if (await fault.handle(recorded, response, this)) return;
      break;
    }
    const installation = /^\/app\/installations\/(\d+)\/access_tokens$/.exec(url.pathname);
    if (installation && recorded.method === 'POST') {
      if (!recorded.authorization?.startsWith('bearer ')) return this.json(response, 401, { message: 'A JSON web token could not be decoded' });
      const token = `ghs_installation_${installation[1]}`;
      this.installationTokens.set(installation[1]!, token);
      this.acceptedAuthorizations.add(`token ${token}`);
      return this.json(response, 201, { token, expires_at: new Date(Date.now() + 3600_000).toISOString(), permissions: {}, repository_selection: 'all' });
    }
    if (!recorded.authorization || !this.acceptedAuthorizations.has(recorded.authorization)) {
      return this.json(response, 401, { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' });
    }
    if (graphql) return this.json(response, 200, this.graphql(graphql.query, graphql.variables));
    const notModified = recorded.ifNoneMatch;
    const list = (items: unknown[]) => this.page(response, url, items, notModified);
    let match: RegExpExecArray | null;
    if ((match = /^\/(orgs|users)\/([^/]+)\/repos$/.exec(url.pathname))) {
      const isOrg = this.organisations.has(match[2]!);
      if ((match[1] === 'orgs') !== isOrg) return this.json(response, 404, { message: 'Not Found' });
      const repos = this.repos.filter((repo) => repo.owner === match![2]).sort((a, b) => a.name.localeCompare(b.name));
      return list(repos.map((repo) => this.repositoryJson(repo)));
    }
    if ((match = /^\/repos\/([^/]+)\/([^/]+)(\/.*)?$/.exec(url.pathname))) {
      const repo = this.repos.find((candidate) => candidate.owner.toLowerCase() === match![1]!.toLowerCase() && candidate.name.toLowerCase() === match![2]!.toLowerCase());
      if (!repo) return this.json(response, 404, { message: 'Not Found' });
      const rest = match[3] ?? '';
      if (rest === '') return this.json(response, 200, this.repositoryJson(repo), {}, notModified);
      if (rest === '/pulls') return list(this.pullList(repo, url.searchParams));
      if (rest === '/pulls/comments') return list(sinceSorted(repo.reviewComments, url.searchParams).map((c) => this.reviewCommentJson(repo, c)));
      if (rest === '/issues/comments') return list(sinceSorted(repo.issueComments, url.searchParams).map((c) => this.issueCommentJson(repo, c)));
      if (rest === '/issues') return list(this.issueList(repo, url.searchParams));
      if (rest === '/releases') return list([...repo.releases].sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id - a.id).map((r) => this.releaseJson(repo, r)));
      if (rest === '/deployments') return list([...repo.deployments].sort((a, b) => b.id - a.id).map((d) => this.deploymentJson(repo, d)));
    }
    this.json(response, 404, { message: 'Not Found' });
  }

  /** One page of a list, with a Link header when there is more. */
  private page(response: ServerResponse, url: URL, items: unknown[], ifNoneMatch: string | null): void {
    const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30));
    const page = Math.max(1, Number(url.searchParams.get('page') ?? 1));
    const last = Math.max(1, Math.ceil(items.length / perPage));
    const headers: Record<string, string> = {};
    const linkTo = (n: number) => {
      const target = new URL(url.toString());
      target.searchParams.set('page', String(n));
      return target.toString();
    };
    const links: string[] = [];
    if (page < last) links.push(`<${linkTo(page + 1)}>; rel="next"`, `<${linkTo(last)}>; rel="last"`);
    if (page > 1) links.push(`<${linkTo(1)}>; rel="first"`, `<${linkTo(page - 1)}>; rel="prev"`);
    if (links.length > 0) headers.link = links.join(', ');
    this.json(response, 200, items.slice((page - 1) * perPage, page * perPage), headers, ifNoneMatch);
  }

  private user(user: FakeUser | null | undefined): Record<string, unknown> | null {
    if (!user) return null;
    return { ...USER_TEMPLATE, login: user.login, id: user.id, node_id: `U_${user.id}`, type: user.type ?? 'User', url: `${this.baseUrl}/users/${user.login}` };
  }

  private repositoryJson(repo: FakeRepo): Record<string, unknown> {
    const fullName = `${repo.owner}/${repo.name}`;
    return {
      ...REPOSITORY_TEMPLATE,
      id: repo.id,
      node_id: `R_${repo.id}`,
      name: repo.name,
      full_name: fullName,
      owner: { ...(REPOSITORY_TEMPLATE.owner as object), login: repo.owner },
      html_url: `https://github.com/${fullName}`,
      url: `${this.baseUrl}/repos/${fullName}`,
      fork: repo.fork ?? false,
      archived: repo.archived ?? false,
      default_branch: repo.defaultBranch,
    };
  }

  private pullList(repo: FakeRepo, query: URLSearchParams): unknown[] {
    const state = query.get('state') ?? 'open';
    const direction = query.get('direction') ?? 'desc';
    const pulls = repo.pulls
      .filter((pull) => state === 'all' || pull.state === state)
      .sort((a, b) => (direction === 'asc' ? 1 : -1) * (a.updatedAt.localeCompare(b.updatedAt) || a.number - b.number));
    return pulls.map((pull) => this.pullJson(repo, pull));
  }

  private pullJson(repo: FakeRepo, pull: FakePull): Record<string, unknown> {
    const fullName = `${repo.owner}/${repo.name}`;
    return {
      url: `${this.baseUrl}/repos/${fullName}/pulls/${pull.number}`,
      id: repo.id * 10_000 + pull.number,
      node_id: pullNodeId(fullName, pull.number),
      html_url: `https://github.com/${fullName}/pull/${pull.number}`,
      number: pull.number,
      state: pull.state,
      locked: false,
      title: pull.title,
      user: this.user(pull.user),
      body: pull.body,
      labels: pull.labels.map((name, index) => ({ id: index + 1, node_id: `LA_${index}`, name, color: 'ededed', default: false, description: null })),
      milestone: null,
      active_lock_reason: null,
      created_at: pull.createdAt,
      updated_at: pull.updatedAt,
      closed_at: pull.closedAt ?? null,
      merged_at: pull.mergedAt ?? null,
      // GitHub reports a test merge commit for open pull requests too.
      merge_commit_sha: pull.mergeCommitSha ?? 'e5bd3914e2e596debea16f433f57875b5b90bcd6',
      assignee: null,
      assignees: [],
      requested_reviewers: [],
      requested_teams: [],
      head: { label: `${repo.owner}:${pull.headRef}`, ref: pull.headRef, sha: pull.headSha, user: this.user(pull.user), repo: null },
      base: { label: `${repo.owner}:${pull.baseRef}`, ref: pull.baseRef, sha: '0'.repeat(40), user: null, repo: this.repositoryJson(repo) },
      author_association: 'MEMBER',
      auto_merge: null,
      draft: pull.draft ?? false,
    };
  }

  private reviewCommentJson(repo: FakeRepo, comment: FakeComment): Record<string, unknown> {
    const fullName = `${repo.owner}/${repo.name}`;
    return {
      url: `${this.baseUrl}/repos/${fullName}/pulls/comments/${comment.id}`,
      pull_request_review_id: comment.id + 1,
      id: comment.id,
      node_id: `PRRC_${comment.id}`,
      diff_hunk: '@@ -1 +1 @@',
      path: 'src/index.ts',
      commit_id: '0'.repeat(40),
      original_commit_id: '0'.repeat(40),
      user: this.user(comment.user),
      body: comment.body,
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      html_url: `https://github.com/${fullName}/pull/${comment.number}#discussion_r${comment.id}`,
      pull_request_url: `${this.baseUrl}/repos/${fullName}/pulls/${comment.number}`,
      author_association: 'MEMBER',
    };
  }

  private issueCommentJson(repo: FakeRepo, comment: FakeComment): Record<string, unknown> {
    const fullName = `${repo.owner}/${repo.name}`;
    const isPull = repo.pulls.some((pull) => pull.number === comment.number);
    return {
      url: `${this.baseUrl}/repos/${fullName}/issues/comments/${comment.id}`,
      html_url: `https://github.com/${fullName}/${isPull ? 'pull' : 'issues'}/${comment.number}#issuecomment-${comment.id}`,
      issue_url: `${this.baseUrl}/repos/${fullName}/issues/${comment.number}`,
      id: comment.id,
      node_id: `IC_${comment.id}`,
      user: this.user(comment.user),
      created_at: comment.createdAt,
      updated_at: comment.updatedAt,
      author_association: 'MEMBER',
      body: comment.body,
    };
  }

  private issueList(repo: FakeRepo, query: URLSearchParams): unknown[] {
    const fullName = `${repo.owner}/${repo.name}`;
    const issues = repo.issues.map((issue) => ({ updatedAt: issue.updatedAt, number: issue.number, json: this.issueJson(repo, issue) }));
    // The issues list includes pull requests, marked with a `pull_request` object.
    const pulls = repo.pulls.map((pull) => ({
      updatedAt: pull.updatedAt,
      number: pull.number,
      json: {
        ...this.issueJson(repo, { number: pull.number, title: pull.title, state: pull.state, user: pull.user!, labels: pull.labels, createdAt: pull.createdAt, updatedAt: pull.updatedAt, closedAt: pull.closedAt ?? null }),
        html_url: `https://github.com/${fullName}/pull/${pull.number}`,
        pull_request: { url: `${this.baseUrl}/repos/${fullName}/pulls/${pull.number}`, merged_at: pull.mergedAt ?? null },
      },
    }));
    return sinceSorted([...issues, ...pulls], query).map((entry) => entry.json);
  }

  private issueJson(repo: FakeRepo, issue: FakeIssue): Record<string, unknown> {
    const fullName = `${repo.owner}/${repo.name}`;
    return {
      ...ISSUE_TEMPLATE,
      url: `${this.baseUrl}/repos/${fullName}/issues/${issue.number}`,
      repository_url: `${this.baseUrl}/repos/${fullName}`,
      html_url: `https://github.com/${fullName}/issues/${issue.number}`,
      id: repo.id * 100_000 + issue.number,
      node_id: `I_${repo.id}_${issue.number}`,
      number: issue.number,
      title: issue.title,
      user: this.user(issue.user),
      labels: issue.labels.map((name, index) => ({ id: index + 1, node_id: `LA_${index}`, name, color: 'ededed', default: false, description: null })),
      state: issue.state,
      state_reason: issue.stateReason ?? null,
      assignee: this.user(issue.assignee ?? null),
      assignees: issue.assignee ? [this.user(issue.assignee)] : [],
      created_at: issue.createdAt,
      updated_at: issue.updatedAt,
      closed_at: issue.closedAt ?? null,
      body: null,
      ...(issue.typeName ? { type: { id: 1, node_id: 'IT_1', name: issue.typeName, description: null, color: 'red' } } : {}),
    };
  }

  private releaseJson(repo: FakeRepo, release: FakeRelease): Record<string, unknown> {
    const fullName = `${repo.owner}/${repo.name}`;
    return {
      ...RELEASE_TEMPLATE,
      url: `${this.baseUrl}/repos/${fullName}/releases/${release.id}`,
      html_url: `https://github.com/${fullName}/releases/tag/${release.tagName}`,
      id: release.id,
      node_id: releaseNodeId(fullName, release.id),
      author: this.user(release.author),
      tag_name: release.tagName,
      target_commitish: release.targetCommitish,
      name: release.name,
      draft: release.draft,
      prerelease: release.prerelease,
      created_at: release.createdAt,
      published_at: release.publishedAt,
      assets: [],
      body: null,
    };
  }

  private deploymentJson(repo: FakeRepo, deployment: FakeDeployment): Record<string, unknown> {
    const fullName = `${repo.owner}/${repo.name}`;
    return {
      url: `${this.baseUrl}/repos/${fullName}/deployments/${deployment.id}`,
      id: deployment.id,
      node_id: deploymentNodeId(fullName, deployment.id),
      sha: deployment.sha,
      ref: deployment.ref,
      task: deployment.task,
      payload: {},
      original_environment: deployment.environment,
      environment: deployment.environment,
      description: null,
      creator: this.user({ login: 'github-actions[bot]', id: 41898282, type: 'Bot' }),
      created_at: deployment.createdAt,
      updated_at: deployment.statuses.at(-1)?.createdAt ?? deployment.createdAt,
      statuses_url: `${this.baseUrl}/repos/${fullName}/deployments/${deployment.id}/statuses`,
      repository_url: `${this.baseUrl}/repos/${fullName}`,
      transient_environment: false,
      production_environment: deployment.environment === 'production',
    };
  }

  /** Answer the collector's GraphQL queries by node id. */
  private graphql(query: string, variables: Record<string, unknown>): Record<string, unknown> {
    const operation = /query\s+(\w+)/.exec(query)?.[1];
    const first = Number(/first:\s*(\d+)/.exec(query)?.[1] ?? 100);
    if (operation === 'PullRequestCommitsPage' || operation === 'PullRequestReviewsPage') {
      const found = this.findPull(String(variables.id));
      if (!found) return { data: { node: null }, errors: [{ type: 'NOT_FOUND', path: ['node'], message: `Could not resolve to a node with the global id of '${String(variables.id)}'` }] };
      const after = Number(variables.after);
      const field = operation === 'PullRequestCommitsPage' ? 'commits' : 'reviews';
      const items = field === 'commits' ? found.pull.commits.map(commitNode) : found.pull.reviews.map(reviewNode);
      return { data: { node: { id: String(variables.id), number: found.pull.number, [field]: connection(items, after + 1, first) } } };
    }
    const ids = (variables.ids as string[]) ?? [];
    const errors: unknown[] = [];
    const nodes = ids.map((id, index) => {
      const node = this.graphqlNode(id, operation, first);
      if (node === null) errors.push({ type: 'NOT_FOUND', path: ['nodes', index], message: `Could not resolve to a node with the global id of '${id}'` });
      return node;
    });
    return errors.length > 0 ? { data: { nodes }, errors } : { data: { nodes } };
  }

  private graphqlNode(id: string, operation: string | undefined, first: number): Record<string, unknown> | null {
    if (operation === 'PullRequestDetails') {
      const found = this.findPull(id);
      if (!found) return null;
      const { pull } = found;
      return {
        id,
        number: pull.number,
        additions: pull.additions,
        deletions: pull.deletions,
        changedFiles: pull.changedFiles,
        commits: connection(pull.commits.map(commitNode), 0, first),
        reviews: connection(pull.reviews.map(reviewNode), 0, first),
      };
    }
    if (operation === 'ReleaseCommits') {
      for (const repo of this.repos) {
        const release = repo.releases.find((candidate) => releaseNodeId(`${repo.owner}/${repo.name}`, candidate.id) === id);
        if (release) return { id, databaseId: release.id, tagName: release.tagName, tagCommit: release.tagSha ? { oid: release.tagSha } : null };
      }
      return null;
    }
    if (operation === 'DeploymentStatuses') {
      for (const repo of this.repos) {
        const deployment = repo.deployments.find((candidate) => deploymentNodeId(`${repo.owner}/${repo.name}`, candidate.id) === id);
        if (deployment) {
          // Newest first, as GitHub lists statuses.
          const statuses = [...deployment.statuses].reverse().map((status) => ({ state: status.state.toUpperCase(), createdAt: status.createdAt }));
          return { id, databaseId: deployment.id, statuses: { totalCount: statuses.length, nodes: statuses.slice(0, first) } };
        }
      }
      return null;
    }
    return null;
  }

  private findPull(id: string): { repo: FakeRepo; pull: FakePull } | null {
    for (const repo of this.repos) {
      const pull = repo.pulls.find((candidate) => pullNodeId(`${repo.owner}/${repo.name}`, candidate.number) === id);
      if (pull) return { repo, pull };
    }
    return null;
  }
}

export function pullNodeId(fullName: string, number: number): string {
  return `PR_${Buffer.from(`${fullName}#${number}`).toString('base64url')}`;
}

function releaseNodeId(fullName: string, id: number): string {
  return `RE_${Buffer.from(`${fullName}/${id}`).toString('base64url')}`;
}

function deploymentNodeId(fullName: string, id: number): string {
  return `DE_${Buffer.from(`${fullName}/${id}`).toString('base64url')}`;
}

function commitNode(commit: FakeCommit): Record<string, unknown> {
  return {
    commit: {
      oid: commit.sha,
      message: commit.message,
      authoredDate: commit.authoredAt,
      committedDate: commit.committedAt,
      author: { name: commit.authorName, email: commit.authorEmail, user: commit.user ? { login: commit.user.login, databaseId: commit.user.id } : null },
      committer: { name: commit.authorName, email: commit.authorEmail },
    },
  };
}

function reviewNode(review: FakeReview): Record<string, unknown> {
  const isBot = review.user.type === 'Bot';
  return {
    databaseId: review.id,
    state: review.state,
    submittedAt: review.state === 'PENDING' ? null : review.submittedAt,
    body: review.body,
    // GraphQL names app accounts without the `[bot]` suffix REST shows.
    author: { __typename: isBot ? 'Bot' : 'User', login: isBot ? review.user.login.replace(/\[bot\]$/, '') : review.user.login, databaseId: review.user.id },
  };
}

function connection(items: unknown[], start: number, first: number): Record<string, unknown> {
  const slice = items.slice(start, start + first);
  const end = start + slice.length;
  return { totalCount: items.length, pageInfo: { hasNextPage: end < items.length, endCursor: slice.length > 0 ? String(end - 1) : null }, nodes: slice };
}

/** Items updated at or after `since`, sorted by update time (`direction`, default asc for these lists). */
function sinceSorted<T extends { updatedAt: string }>(items: readonly T[], query: URLSearchParams): T[] {
  const since = query.get('since');
  const direction = query.get('direction') ?? 'asc';
  return items
    .filter((item) => since === null || Date.parse(item.updatedAt) >= Date.parse(since))
    .sort((a, b) => (direction === 'desc' ? -1 : 1) * a.updatedAt.localeCompare(b.updatedAt));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

/**
 * Make a response break off halfway through its body: the first half is sent, then the
 * connection is destroyed, as when a process or a network dies mid-transfer.
 */
export function cutMidBody(response: ServerResponse): void {
  const end = response.end.bind(response);
  response.end = ((chunk?: unknown, ...rest: unknown[]) => {
    if (typeof chunk !== 'string' || chunk.length < 2) return end(chunk as never, ...(rest as []));
    response.write(chunk.slice(0, Math.floor(chunk.length / 2)));
    setTimeout(() => response.socket?.destroy(), 5);
    return response;
  }) as typeof response.end;
}
