import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends } from '../helpers/warehouses.js';
import { FakeGithub, type FakeCommit, type FakeReview } from './fake-github.js';
import { githubSource, runSources } from './harness.js';
import { at, pull, sha, TOKEN, USERS } from './scenario.js';

function commits(from: number, count: number): FakeCommit[] {
  return Array.from({ length: count }, (_, index) => ({
    sha: sha(from + index),
    message: `step ${index}`,
    authorName: 'Alice',
    authorEmail: 'alice@example.com',
    authoredAt: at(index / 100),
    committedAt: at(index / 100),
    user: USERS.alice,
  }));
}

function reviews(count: number): FakeReview[] {
  return Array.from({ length: count }, (_, index) => ({ id: 70_000 + index, user: USERS.bob, state: 'COMMENTED' as const, submittedAt: at(20 + index / 100), body: `note ${index}` }));
}

describe.each(backends)('pull request details on $name', ({ open }) => {
  let github: FakeGithub;
  let warehouse: Warehouse;

  beforeAll(async () => {
    github = new FakeGithub(TOKEN);
    github.repos.push({
      owner: 'acme',
      name: 'big',
      id: 9,
      defaultBranch: 'main',
      pulls: [pull(1, { commits: commits(1, 205), reviews: reviews(101) }), pull(2, { commits: commits(1000, 2) })],
      reviewComments: [],
      issueComments: [],
      issues: [],
      releases: [],
      deployments: [],
    });
    await github.start();
    warehouse = await open();
  });
  afterAll(async () => {
    await warehouse?.close();
    await github?.close();
  });

  it('pages through more than 100 commits and reviews of one pull request', async () => {
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl, { org: null, repos: ['acme/big'] })]);
    expect(outcome!.status).toBe('succeeded');
    const operations = github.requests.filter((request) => request.operation).map((request) => request.operation);
    expect(operations).toEqual(['PullRequestDetails', 'PullRequestCommitsPage', 'PullRequestCommitsPage', 'PullRequestReviewsPage']);
    const commitCount = await warehouse.db.selectFrom('core.pr_commits').select((eb) => eb.fn.countAll<number>().as('n')).where('pr_id', '=', 'github:acme/big#1').executeTakeFirstOrThrow();
    expect(Number(commitCount.n)).toBe(205);
    const reviewCount = await warehouse.db.selectFrom('core.pr_reviews').select((eb) => eb.fn.countAll<number>().as('n')).where('pr_id', '=', 'github:acme/big#1').executeTakeFirstOrThrow();
    expect(Number(reviewCount.n)).toBe(101);
    const row = await warehouse.db.selectFrom('core.pull_requests').selectAll().where('pr_id', '=', 'github:acme/big#1').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ commits_count: 205, first_commit_at: new Date(at(0)), first_review_at: new Date(at(20)) });
  });

  it('drops the commits a force push removed from a pull request', async () => {
    const force = github.repo('acme/big').pulls[1]!;
    force.commits = commits(5000, 1).map((commit) => ({ ...commit, authoredAt: at(30), committedAt: at(30) }));
    force.updatedAt = at(300);
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl, { org: null, repos: ['acme/big'] })]);
    expect(outcome!.status).toBe('succeeded');
    const rows = await warehouse.db.selectFrom('core.pr_commits').select('sha').where('pr_id', '=', 'github:acme/big#2').execute();
    expect(rows.map((row) => row.sha)).toEqual([sha(5000)]);
    const pullRow = await warehouse.db.selectFrom('core.pull_requests').selectAll().where('pr_id', '=', 'github:acme/big#2').executeTakeFirstOrThrow();
    expect(pullRow).toMatchObject({ commits_count: 1, first_commit_at: new Date(at(30)) });
  });
});
