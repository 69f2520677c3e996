import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends } from '../helpers/warehouses.js';
import { pullNodeId, type FakeGithub, type RecordedRequest } from './fake-github.js';
import { coreSnapshot, githubSource, runSources, truncateSourceTables } from './harness.js';
import { at, SCENARIO_PULLS, scenarioRepositories, sha, startScenario, TOKEN, USERS } from './scenario.js';

/** Requests grouped by what they ask: the REST path, or the GraphQL operation. */
function countByStream(requests: readonly RecordedRequest[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const request of requests) {
    const key = request.operation ? `graphql ${request.operation}` : `${request.path}${request.query.get('state') === 'open' ? '?state=open' : ''}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe.each(backends)('the GitHub source on $name', ({ open }) => {
  let github: FakeGithub;
  let warehouse: Warehouse;

  beforeAll(async () => {
    github = await startScenario();
    warehouse = await open();
  });
  afterAll(async () => {
    await warehouse?.close();
    await github?.close();
  });

  it('collects an organisation into raw pages and extracts pull requests, reviews, commits, tickets and deployments', async () => {
    await truncateSourceTables(warehouse);
    github.requests.length = 0;
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl)]);
    expect(outcome!.error).toBeNull();
    expect(outcome!.status).toBe('succeeded');

    // Archived repositories and forks are skipped by default.
    const repositories = await sql<{ repo: string }>`SELECT DISTINCT repo_full_name AS repo FROM core.pull_requests ORDER BY 1`.execute(warehouse.db);
    expect(repositories.rows.map((row) => row.repo)).toEqual(['acme/api', 'acme/web']);
    expect(github.requests.some((request) => request.path.startsWith('/repos/acme/legacy'))).toBe(false);
    // Lists are followed through their Link headers, and each page is stored with its request and headers.
    const webPullPages = github.requests.filter((request) => request.path === '/repos/acme/web/pulls' && request.query.get('state') === 'all');
    expect(webPullPages.map((request) => request.query.get('page'))).toEqual([null, '2', '3']);
    const stored = await sql<{ request: { method: string; url: string }; headers: Record<string, string> }>`
      SELECT request, headers FROM raw.api_pages WHERE stream = 'acme/web:pulls' ORDER BY page_id`.execute(warehouse.db);
    expect(stored.rows).toHaveLength(3);
    expect(stored.rows[0]!.request).toEqual({ method: 'GET', url: `${github.baseUrl}/repos/acme/web/pulls?state=all&sort=updated&direction=desc&per_page=5` });
    expect(stored.rows[0]!.headers).toMatchObject({ link: expect.stringContaining('rel="next"'), etag: expect.stringMatching(/^W\//), 'x-ratelimit-remaining': '4999' });

    const pulls = await warehouse.db.selectFrom('core.pull_requests').selectAll().orderBy('number').where('repo_full_name', '=', 'acme/web').execute();
    expect(pulls).toHaveLength(13);
    const first = pulls[0]!;
    expect(first).toMatchObject({
      pr_id: 'github:acme/web#1',
      source_id: 'github:acme',
      state: 'merged',
      draft: false,
      author_login: 'alice',
      author_identity_id: 'github:alice',
      merge_commit_sha: sha(100_001),
      base_ref: 'main',
      head_ref: 'feature/1',
      additions: 10,
      deletions: 1,
      changed_files: 2,
      commits_count: 2,
      url: 'https://github.com/acme/web/pull/1',
    });
    expect(first.created_at).toEqual(new Date(at(10)));
    expect(first.merged_at).toEqual(new Date(at(15)));
    expect(first.first_commit_at).toEqual(new Date(at(8)));
    // Carol's conversation comment (hour 11) comes before Bob's review comment and review.
    expect(first.first_review_at).toEqual(new Date(at(11)));
    expect(first.approved_at).toEqual(new Date(at(13)));
    const byNumber = new Map(pulls.map((row) => [row.number, row]));
    expect(byNumber.get(5)!.labels).toEqual(['feature', 'ui']);
    expect(byNumber.get(11)).toMatchObject({ state: 'open', merge_commit_sha: null, merged_at: null });
    expect(byNumber.get(12)).toMatchObject({ state: 'open', draft: true, head_ref: 'claude/add-export' });
    expect(byNumber.get(13)).toMatchObject({ state: 'closed', merged_at: null });
    // Pull request 2: changes requested at hour 23, approved at hour 24; the pending review is left out.
    expect(byNumber.get(2)!.approved_at).toEqual(new Date(at(24)));
    // Pull request 3: the bot's comment (hour 31) is not a human pickup.
    expect(byNumber.get(3)!.first_review_at).toEqual(new Date(at(33)));

    const reviews = await warehouse.db.selectFrom('core.pr_reviews').selectAll().where('pr_id', 'like', 'github:acme/web#%').orderBy('review_id').execute();
    expect(reviews.map((row) => row.review_id)).toContain('github:acme/web#1/review/1001');
    expect(reviews.map((row) => row.review_id)).toContain('github:acme/web#1/review-comment/5001');
    expect(reviews.map((row) => row.review_id)).toContain('github:acme/web#1/comment/6001');
    expect(reviews.some((row) => row.review_id.includes('/comment/6002'))).toBe(false); // a comment on a plain issue
    expect(reviews.some((row) => row.review_id === 'github:acme/web#2/review/2004')).toBe(false); // pending
    expect(reviews.find((row) => row.review_id === 'github:acme/web#3/review/3002')).toMatchObject({
      kind: 'review',
      state: 'COMMENTED',
      author_login: 'claude[bot]',
      author_identity_id: 'github:claude[bot]',
      author_is_bot: true,
    });
    expect(reviews.find((row) => row.review_id === 'github:acme/web#6/comment/6003')).toMatchObject({ kind: 'comment', author_is_bot: true });

    const commits = await warehouse.db.selectFrom('core.pr_commits').selectAll().where('pr_id', '=', 'github:acme/web#11').orderBy('sha').execute();
    expect(commits).toEqual([
      expect.objectContaining({ sha: sha(1101), author_identity_id: 'git:outsider@example.org', author_login: null, message: 'change 1101' }),
      expect.objectContaining({ sha: sha(1102), author_identity_id: 'github:carol', author_login: 'carol' }),
    ]);

    const identities = await warehouse.db.selectFrom('core.identities').selectAll().where('provider', '=', 'github').orderBy('identity_id').execute();
    expect(identities.find((row) => row.identity_id === 'github:bob')).toMatchObject({
      external_id: '1002',
      login: 'Bob',
      source_id: 'github:acme',
      name: 'Bob name',
      email: 'Bob@example.com',
      person_id: null,
      link_rule: null,
      kind_evidence: null,
    });
    expect(identities.find((row) => row.identity_id === 'github:dependabot[bot]')?.kind_evidence).toBe('login: dependabot[bot]');
    expect(identities.find((row) => row.identity_id === 'github:claude[bot]')?.kind_evidence).toBe('login: claude[bot]');
    expect(identities.find((row) => row.identity_id === 'github:alice')?.first_seen_at).toEqual(new Date(at(8)));

    const tickets = await warehouse.db.selectFrom('core.tickets').selectAll().orderBy('ticket_id').execute();
    expect(tickets.map((row) => [row.key, row.type, row.is_defect, row.is_escaped, row.status_category])).toEqual([
      ['acme/web#20', 'bug', true, true, 'done'],
      ['acme/web#21', 'incident', false, true, 'done'],
      ['acme/web#22', 'requirement', false, false, 'new'],
      ['acme/web#23', 'bug', false, false, 'done'],
      ['acme/web#24', 'task', false, false, 'new'],
    ]);
    expect(tickets[0]).toMatchObject({
      ticket_id: 'github:acme/web#20',
      provider: 'github',
      project: 'acme/web',
      type_raw: 'bug',
      resolution: 'completed',
      found_in_environment: 'production',
      reporter_identity_id: 'github:carol',
      assignee_identity_id: 'github:bob',
      labels: ['bug', 'production'],
    });
    expect(tickets[3]!.resolution).toBe('not_planned');

    const deployments = await warehouse.db.selectFrom('core.deployments').selectAll().orderBy('deployment_id').execute();
    expect(deployments.map((row) => [row.deployment_id, row.kind, row.is_production, row.status, row.sha])).toEqual([
      ['github:acme/web/deployment/9001', 'deployment', true, 'success', sha(100_005)],
      ['github:acme/web/deployment/9002', 'deployment', false, 'success', sha(100_006)],
      ['github:acme/web/deployment/9003', 'deployment', true, 'pending', sha(100_009)],
      ['github:acme/web/deployment/9004', 'deployment', true, 'failure', sha(100_010)],
      ['github:acme/web/release/101', 'release', true, 'published', sha(100_003)],
      ['github:acme/web/release/102', 'release', false, 'prerelease', sha(100_007)],
      ['github:acme/web/release/103', 'release', false, 'draft', null],
      ['github:acme/web/release/104', 'release', true, 'published', sha(100_008)],
    ]);
    const production = deployments.find((row) => row.deployment_id.endsWith('/9001'))!;
    expect(production.environment).toBe('production');
    expect(production.finished_at).toEqual(new Date(at(57))); // the first success, not the later inactive
    expect(deployments.find((row) => row.deployment_id.endsWith('/101'))).toMatchObject({ ref: 'v1.0.0', name: 'First' });
  });

  it('keeps a full sync within 3 requests per pull request, reviews and commits included', async () => {
    await truncateSourceTables(warehouse);
    github.requests.length = 0;
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl)]);
    expect(outcome!.status).toBe('succeeded');
    expect(outcome!.collect!.requests).toBe(github.requests.length);
    const perPull = github.requests.length / SCENARIO_PULLS;
    expect(perPull).toBeLessThanOrEqual(3);
    // The measured figure of docs/github.md (pages of 5 items): 26 requests for 16 pull requests.
    expect(github.requests.length).toBe(26);
  });

  it('costs at most 2 requests per repository and stream when nothing changed, and 304s are free', async () => {
    await truncateSourceTables(warehouse);
    await runSources(warehouse, [githubSource(github.baseUrl)]);
    const pagesBefore = await countPages(warehouse);
    for (let run = 1; run <= 2; run++) {
      github.requests.length = 0;
      const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl)]);
      expect(outcome!.status).toBe('succeeded');
      const repositoryRequests = github.requests.filter((request) => !request.path.startsWith('/orgs/'));
      const streams = countByStream(repositoryRequests);
      for (const [stream, count] of streams) expect(count, stream).toBeLessThanOrEqual(2 * 2); // two repositories
      for (const repository of ['/repos/acme/web', '/repos/acme/api']) {
        const perRepository = countByStream(repositoryRequests.filter((request) => request.path.startsWith(`${repository}/`)));
        for (const [stream, count] of perRepository) expect(count, stream).toBeLessThanOrEqual(2);
      }
      if (run === 2) {
        // Lists answered 304 from the second quiet run on; only the pending deployment's statuses are asked again.
        const rest = repositoryRequests.filter((request) => !request.operation);
        expect(rest.every((request) => request.status === 304)).toBe(true);
        expect(repositoryRequests.filter((request) => request.operation).map((request) => request.operation)).toEqual(['DeploymentStatuses']);
      }
    }
    // 304s are not stored; the pending deployment's statuses are.
    expect(await countPages(warehouse)).toBeGreaterThan(pagesBefore);
    const snapshotBefore = await coreSnapshot(warehouse);
    await runSources(warehouse, [githubSource(github.baseUrl)]);
    expect(await coreSnapshot(warehouse)).toEqual(snapshotBefore);
  });

  it('picks up what changed: new and updated pull requests, updated issues, new comments, settled deployments', async () => {
    await truncateSourceTables(warehouse);
    github.repos.splice(0, github.repos.length, ...scenarioRepositories());
    await runSources(warehouse, [githubSource(github.baseUrl)]);
    const web = github.repo('acme/web');
    const pull11 = web.pulls.find((candidate) => candidate.number === 11)!;
    pull11.state = 'closed';
    pull11.mergedAt = at(200);
    pull11.closedAt = at(200);
    pull11.mergeCommitSha = sha(100_011);
    pull11.updatedAt = at(200);
    pull11.reviews.push({ id: 11_001, user: USERS.alice, state: 'APPROVED', submittedAt: at(199), body: 'ok' });
    web.pulls.push({ ...web.pulls[0]!, number: 14, title: 'Late change', createdAt: at(190), updatedAt: at(201), mergedAt: null, closedAt: null, state: 'open', reviews: [], mergeCommitSha: null });
    web.issues.find((issue) => issue.number === 22)!.labels = ['bug'];
    web.issues.find((issue) => issue.number === 22)!.updatedAt = at(202);
    web.issueComments.push({ id: 6004, number: 14, user: USERS.carol, body: 'first look', createdAt: at(203), updatedAt: at(203) });
    web.deployments.find((deployment) => deployment.id === 9003)!.statuses.push({ state: 'success', createdAt: at(204) });
    github.requests.length = 0;

    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl)]);
    expect(outcome!.status).toBe('succeeded');
    const pulls = await warehouse.db.selectFrom('core.pull_requests').selectAll().where('repo_full_name', '=', 'acme/web').where('number', 'in', [11, 14]).orderBy('number').execute();
    expect(pulls.map((row) => [row.number, row.state, row.merge_commit_sha])).toEqual([
      [11, 'merged', sha(100_011)],
      [14, 'open', null],
    ]);
    expect(pulls[0]!.approved_at).toEqual(new Date(at(199)));
    expect(pulls[1]!.first_review_at).toEqual(new Date(at(203)));
    const ticket = await warehouse.db.selectFrom('core.tickets').selectAll().where('ticket_id', '=', 'github:acme/web#22').executeTakeFirstOrThrow();
    expect(ticket.type).toBe('bug');
    const deployment = await warehouse.db.selectFrom('core.deployments').selectAll().where('deployment_id', '=', 'github:acme/web/deployment/9003').executeTakeFirstOrThrow();
    expect(deployment).toMatchObject({ status: 'success', finished_at: new Date(at(204)) });
    // Details were asked for the updated pull requests (back to the last pass's newest, #13), then
    // for the pull request still open that the first query did not cover.
    const details = github.requests.filter((request) => request.operation === 'PullRequestDetails');
    expect(details.map((request) => request.variables!.ids)).toEqual([
      [pullNodeId('acme/web', 14), pullNodeId('acme/web', 11), pullNodeId('acme/web', 13)],
      [pullNodeId('acme/web', 12)],
    ]);
  });

  it('never stores the token: not in raw pages, not in the source configuration', async () => {
    const pages = await sql<{ text: string }>`SELECT request::text || headers::text || body::text AS text FROM raw.api_pages`.execute(warehouse.db);
    expect(pages.rows.length).toBeGreaterThan(10);
    expect(pages.rows.some((row) => row.text.includes(TOKEN))).toBe(false);
    expect(pages.rows.some((row) => /set-cookie|authorization/i.test(row.text))).toBe(false);
    const sources = await sql<{ text: string }>`SELECT config::text AS text FROM core.sources`.execute(warehouse.db);
    expect(sources.rows[0]!.text).toContain('GITHUB_TOKEN');
    expect(sources.rows.some((row) => row.text.includes(TOKEN))).toBe(false);
    const state = await sql<{ text: string }>`SELECT details::text AS text FROM core.sync_state`.execute(warehouse.db);
    expect(state.rows.some((row) => row.text.includes(TOKEN))).toBe(false);
  });

  it('re-extracts from scratch and fetches everything again on --full-refresh, with the same result', async () => {
    const before = await coreSnapshot(warehouse);
    github.requests.length = 0;
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl)], { fullRefresh: true });
    expect(outcome!.status).toBe('succeeded');
    expect(github.requests.every((request) => request.ifNoneMatch === null)).toBe(true);
    expect(github.requests.filter((request) => request.operation === 'PullRequestDetails').length).toBeGreaterThanOrEqual(4);
    expect(await coreSnapshot(warehouse)).toEqual(before);
  });
});

async function countPages(warehouse: Warehouse): Promise<number> {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM raw.api_pages`.execute(warehouse.db);
  return result.rows[0]!.n;
}
