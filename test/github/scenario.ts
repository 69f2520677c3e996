/**
 * The organisation the GitHub tests collect: `acme` with two active repositories (`web`, `api`),
 * an archived one and a fork; pull requests with reviews (a bot's among them), commits and
 * comments; issues of every canonical type; releases (published, prerelease, draft, one whose
 * tag is missing); deployments to production and staging in several states.
 */
import { FakeGithub, type FakeCommit, type FakePull, type FakeRepo, type FakeReview, type FakeUser } from './fake-github.js';

export const TOKEN = 'ghp_test_token_0123456789abcdefghij';

export const USERS = {
  alice: { login: 'alice', id: 1001 },
  bob: { login: 'Bob', id: 1002 },
  carol: { login: 'carol', id: 1003 },
  dependabot: { login: 'dependabot[bot]', id: 49699333, type: 'Bot' },
  claude: { login: 'claude[bot]', id: 209825114, type: 'Bot' },
} satisfies Record<string, FakeUser>;

/** An hour of the scenario's clock, from 2024-03-01T00:00:00Z. */
export function at(hours: number): string {
  return new Date(Date.UTC(2024, 2, 1) + hours * 3_600_000).toISOString().replace('.000Z', 'Z');
}

/** A fake 40-hex sha for a number. */
export function sha(n: number): string {
  return n.toString(16).padStart(40, '0');
}

function commit(n: number, author: FakeUser | null, hours: number, message = `change ${n}`): FakeCommit {
  const login = author?.login ?? 'outsider';
  return {
    sha: sha(n),
    message,
    authorName: author ? `${login} name` : 'Outside Contributor',
    authorEmail: author ? `${login.replace('[bot]', '')}@example.com` : 'outsider@example.org',
    authoredAt: at(hours),
    committedAt: at(hours + 0.5),
    user: author,
  };
}

function review(id: number, user: FakeUser, state: FakeReview['state'], hours: number): FakeReview {
  return { id, user, state, submittedAt: at(hours), body: `${state.toLowerCase()} by ${user.login}` };
}

interface PullOptions {
  author?: FakeUser | null;
  state?: 'open' | 'closed' | 'merged';
  draft?: boolean;
  labels?: string[];
  reviews?: FakeReview[];
  commits?: FakeCommit[];
  headRef?: string;
}

/** A pull request opened at hour 10·n and updated an hour later. */
export function pull(number: number, options: PullOptions = {}): FakePull {
  const opened = number * 10;
  const state = options.state ?? 'merged';
  const author = options.author === undefined ? USERS.alice : options.author;
  return {
    number,
    title: `Pull request ${number}`,
    body: `Body of ${number}`,
    state: state === 'open' ? 'open' : 'closed',
    draft: options.draft,
    user: author,
    createdAt: at(opened),
    updatedAt: at(opened + 5),
    closedAt: state === 'open' ? null : at(opened + 5),
    mergedAt: state === 'merged' ? at(opened + 5) : null,
    mergeCommitSha: state === 'merged' ? sha(100_000 + number) : null,
    baseRef: 'main',
    headRef: options.headRef ?? `feature/${number}`,
    headSha: sha(200_000 + number),
    labels: options.labels ?? [],
    additions: number * 10,
    deletions: number,
    changedFiles: 1 + (number % 3),
    reviews: options.reviews ?? [],
    commits: options.commits ?? [commit(number * 100 + 1, author, opened - 2), commit(number * 100 + 2, author, opened - 1)],
  };
}

function emptyRepo(owner: string, name: string, id: number, extra: Partial<FakeRepo> = {}): FakeRepo {
  return { owner, name, id, defaultBranch: 'main', pulls: [], reviewComments: [], issueComments: [], issues: [], releases: [], deployments: [], ...extra };
}

/** The scenario's `web` repository. */
export function webRepository(): FakeRepo {
  const { alice, bob, carol, dependabot, claude } = USERS;
  const pulls: FakePull[] = [];
  for (let n = 1; n <= 10; n++) {
    const author = n === 4 ? dependabot : n % 2 === 0 ? bob : alice;
    const reviewer = author === alice ? bob : alice;
    const reviews = [review(n * 1000 + 1, reviewer, n === 2 ? 'CHANGES_REQUESTED' : 'APPROVED', n * 10 + 3)];
    if (n === 3) reviews.unshift(review(n * 1000 + 2, claude, 'COMMENTED', n * 10 + 1));
    if (n === 2) reviews.push(review(n * 1000 + 3, reviewer, 'APPROVED', n * 10 + 4), review(n * 1000 + 4, carol, 'PENDING', n * 10 + 4));
    pulls.push(pull(n, { author, reviews, labels: n === 5 ? ['feature', 'ui'] : [] }));
  }
  pulls.push(pull(11, { state: 'open', author: carol, commits: [commit(1101, null, 108), commit(1102, carol, 109)] }));
  pulls.push(pull(12, { state: 'open', draft: true, author: bob, headRef: 'claude/add-export' }));
  pulls.push(pull(13, { state: 'closed', author: alice }));
  return emptyRepo('acme', 'web', 1, {
    pulls,
    reviewComments: [
      { id: 5001, number: 1, user: bob, body: 'nit: rename', createdAt: at(12), updatedAt: at(12) },
      { id: 5002, number: 2, user: alice, body: 'why this?', createdAt: at(22), updatedAt: at(23) },
      { id: 5003, number: 1, user: alice, body: 'done', createdAt: at(14), updatedAt: at(14) },
    ],
    issueComments: [
      { id: 6001, number: 1, user: carol, body: 'looks useful', createdAt: at(11), updatedAt: at(11) },
      { id: 6002, number: 20, user: bob, body: 'reproduced', createdAt: at(30), updatedAt: at(31) },
      { id: 6003, number: 6, user: dependabot, body: 'rebased', createdAt: at(61), updatedAt: at(61) },
    ],
    issues: [
      { number: 20, title: 'Crash on checkout', state: 'closed', stateReason: 'completed', user: carol, assignee: bob, labels: ['bug', 'production'], createdAt: at(25), updatedAt: at(40), closedAt: at(40) },
      { number: 21, title: 'Site down', state: 'closed', stateReason: 'completed', user: carol, labels: ['incident'], createdAt: at(45), updatedAt: at(47), closedAt: at(47) },
      { number: 22, title: 'Export to CSV', state: 'open', user: alice, labels: ['Enhancement'], createdAt: at(50), updatedAt: at(52) },
      { number: 23, title: 'Typo in footer', state: 'closed', stateReason: 'not_planned', user: bob, labels: ['bug'], createdAt: at(55), updatedAt: at(56), closedAt: at(56) },
      { number: 24, title: 'Upgrade node', state: 'open', user: bob, labels: [], typeName: 'Task', createdAt: at(57), updatedAt: at(58) },
    ],
    releases: [
      { id: 101, tagName: 'v1.0.0', name: 'First', draft: false, prerelease: false, createdAt: at(36), publishedAt: at(36), targetCommitish: 'main', tagSha: sha(100_003), author: alice },
      { id: 102, tagName: 'v1.1.0-rc.1', name: null, draft: false, prerelease: true, createdAt: at(70), publishedAt: at(70), targetCommitish: 'main', tagSha: sha(100_007), author: alice },
      { id: 103, tagName: 'v2.0.0', name: 'Next', draft: true, prerelease: false, createdAt: at(110), publishedAt: null, targetCommitish: 'main', tagSha: null, author: alice },
      { id: 104, tagName: 'v1.2.0', name: 'Second', draft: false, prerelease: false, createdAt: at(90), publishedAt: at(90), targetCommitish: sha(100_008), tagSha: null, author: alice },
    ],
    deployments: [
      { id: 9001, sha: sha(100_005), ref: 'main', task: 'deploy', environment: 'production', createdAt: at(56), statuses: [{ state: 'in_progress', createdAt: at(56) }, { state: 'success', createdAt: at(57) }, { state: 'inactive', createdAt: at(80) }] },
      { id: 9002, sha: sha(100_006), ref: 'main', task: 'deploy', environment: 'staging', createdAt: at(66), statuses: [{ state: 'success', createdAt: at(67) }] },
      { id: 9003, sha: sha(100_009), ref: 'main', task: 'deploy', environment: 'Production', createdAt: at(96), statuses: [{ state: 'pending', createdAt: at(96) }] },
      { id: 9004, sha: sha(100_010), ref: 'main', task: 'deploy', environment: 'prod', createdAt: at(106), statuses: [{ state: 'failure', createdAt: at(107) }] },
    ],
  });
}

/** The scenario's `api` repository: three merged pull requests and nothing else. */
export function apiRepository(): FakeRepo {
  return emptyRepo('acme', 'api', 2, {
    pulls: [31, 32, 33].map((n) => pull(n, { author: USERS.carol, reviews: [review(n * 1000 + 1, USERS.alice, 'APPROVED', n * 10 + 2)] })),
  });
}

/** The scenario's repositories, fresh: the two collected ones, an archived one and a fork. */
export function scenarioRepositories(): FakeRepo[] {
  return [webRepository(), apiRepository(), emptyRepo('acme', 'legacy', 3, { archived: true, pulls: [pull(1)] }), emptyRepo('acme', 'web-fork', 4, { fork: true, pulls: [pull(1)] })];
}

/** A GitHub-like server holding the scenario, started. */
export async function startScenario(): Promise<FakeGithub> {
  const github = new FakeGithub(TOKEN);
  github.organisations.add('acme');
  github.repos.push(...scenarioRepositories());
  await github.start();
  return github;
}

/** Pull requests the scenario's collected repositories hold. */
export const SCENARIO_PULLS = 16;
