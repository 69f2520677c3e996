import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/index.js';
import { refreshLinks } from '../../pipeline/links/refresh-links.js';
import { ticketCoverage } from '../../pipeline/links/ticket-coverage.js';
import { silentLogger } from '../../pipeline/logging/logger.js';
import { bulkInsert } from '../../pipeline/warehouse/bulk-insert.js';
import { DEFAULT_CALENDAR_SETTINGS, refreshCalendar } from '../../pipeline/warehouse/calendar.js';
import type { Warehouse } from '../../pipeline/warehouse/warehouse.js';
import { backends } from '../helpers/warehouses.js';
import { commitRow, repoRow } from '../warehouse/fixtures.js';
import { githubIssue, insertDelivery, jiraTicket, prCommit, pullRequest, readLinks } from './fixtures.js';

/*
 * Two repositories, as the git analysis and the GitHub and Jira collectors would leave them:
 *
 *   web (https://github.com/acme/web.git)     api (git@github.com:acme/api.git)
 *     c1  Initial commit                         a1  Update docs            (merge of api#5)
 *     c6  chore: noise         (sha shares c1's first 7 digits)
 *     c2  Merge pull request #10 from acme/feature/abc-1-login
 *     c3  fix: typo (#11) + Fixes: <c1, 11 digits> + Fixes: <7 digits, ambiguous>
 *     c4  chore: UTF-8 and SHA-256 output, see #99 and ZZZ-1   (nothing links)
 *     c5  docs: follow-up for ABC-1 + Refs: ABC-2 + Closes: acme/web#50
 *
 *   Pull requests: web#10 (ticket from its branch, body and a branch commit), web#11 (no ticket,
 *   rebase-merged as c3), web#12 (by dependabot), web#13 (open), web#14 (mentions only PRs and itself),
 *   api#5 (ticket only in a branch commit; repo_id left empty by the collector).
 *   Tickets: Jira ABC-1 (requirement), ABC-2 (bug), GitHub issue acme/web#50.
 */
const sha = (digit: string, tail = '') => (digit.repeat(40 - tail.length) + tail).slice(0, 40);
const C1 = sha('1');
const C6 = `1111111abc${'0'.repeat(30)}`;
const C2 = sha('2');
const C3 = sha('3');
const C4 = sha('4');
const C5 = sha('5');
const A1 = sha('a');
const BRANCH_COMMIT = sha('b');
const API_BRANCH_COMMIT = sha('c');

async function loadFixture(warehouse: Warehouse): Promise<void> {
  const { db } = warehouse;
  await refreshCalendar(db, DEFAULT_CALENDAR_SETTINGS, { from: new Date('2023-12-01'), to: new Date('2024-02-29') });
  await bulkInsert(
    db,
    'core.repos',
    [
      { ...repoRow('web'), url: 'https://github.com/acme/web.git' },
      { ...repoRow('api'), url: 'git@github.com:acme/api.git' },
    ],
    { conflict: 'update', key: ['repo_id'] },
  );
  const commit = (repo: string, id: string, day: string, message: string, fpIndex: number) =>
    commitRow(repo, id, `2024-01-${day}T12:00:00Z`, { fp_index: fpIndex, subject: message.split('\n')[0]!, message });
  await bulkInsert(
    db,
    'core.commits',
    [
      commit('web', C1, '02', 'Initial commit', 0),
      commit('web', C6, '02', 'chore: noise', 1),
      commit('web', C2, '03', 'Merge pull request #10 from acme/feature/abc-1-login\n\nLogin form', 2),
      commit('web', C3, '04', `fix: typo (#11)\n\nFixes: ${C1.slice(0, 11)}\nFixes: ${C1.slice(0, 7)}`, 3),
      commit('web', C4, '05', 'chore: UTF-8 and SHA-256 output, see #99 and ZZZ-1', 4),
      commit('web', C5, '06', 'docs: follow-up for ABC-1\n\nRefs: ABC-2\nCloses: acme/web#50', 5),
      commit('api', A1, '05', 'Update docs', 0),
    ],
    { conflict: 'update', key: ['commit_id'] },
  );
  await insertDelivery(db, {
    tickets: [jiraTicket('ABC-1'), jiraTicket('ABC-2', { type: 'bug' }), githubIssue('acme/web', 50)],
    pullRequests: [
      pullRequest('acme/web', 10, {
        repo_id: 'git:web',
        head_ref: 'feature/abc-1-login',
        title: 'Login form',
        body: 'Closes #50\n\n<!-- Link the ticket, e.g. ABC-2 -->\n> Fixes #11 (quoted)',
        merged_at: '2024-01-03T12:00:00Z',
        merge_commit_sha: C2,
      }),
      pullRequest('acme/web', 11, {
        repo_id: 'git:web',
        head_ref: '123-fix-typo',
        title: 'Fix typo',
        body: 'Typo in README, UTF-8 again',
        merged_at: '2024-01-04T12:00:00Z',
        merge_commit_sha: C3,
      }),
      pullRequest('acme/web', 12, { repo_id: 'git:web', author_login: 'dependabot[bot]', title: 'Bump lodash', merged_at: '2024-01-04T13:00:00Z' }),
      pullRequest('acme/web', 13, { repo_id: 'git:web', title: 'ABC-2 wip', state: 'open', merged_at: null }),
      pullRequest('acme/web', 14, { repo_id: 'git:web', title: 'See acme/api#5 and #10', body: 'Never links to itself: #14', merged_at: '2024-01-10T12:00:00Z' }),
      pullRequest('acme/api', 5, { title: 'Update docs', merged_at: '2024-01-05T12:00:00Z', merge_commit_sha: A1 }),
    ],
    prCommits: [
      prCommit('github:acme/web#10', BRANCH_COMMIT, 'wip ABC-1'),
      prCommit('github:acme/web#11', C3, `fix: typo (#11)\n\nFixes: ${C1.slice(0, 11)}`),
      prCommit('github:acme/api#5', API_BRANCH_COMMIT, 'ABC-2: fix crash in docs build'),
    ],
  });
}

const config = parseConfig('', { baseDir: '/srv' });

describe.each(backends)('links on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
    await loadFixture(warehouse);
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  it('links pull requests, commits and tickets with their evidence', async () => {
    const written = await refreshLinks(warehouse.db, config, { logger: silentLogger });
    const links = await readLinks(warehouse.db);
    expect(written).toBe(links.length);
    const web = (n: number) => `github:acme/web#${n}`;
    const link = (from: string, to: string, kind: string, evidence: string, closes = false) => ({
      link_id: `${from}->${to}/${kind}`,
      from_type: from.startsWith('git:') ? 'commit' : 'pr',
      from_id: from,
      to_type: to.startsWith('git:') ? 'commit' : to.startsWith('jira:') || to === web(50) ? 'ticket' : 'pr',
      to_id: to,
      evidence_kind: kind,
      evidence,
      closes,
    });
    expect(links).toEqual(
      [
        link(`git:web@${C2}`, 'jira:ABC-1', 'branch', 'Merge pull request #10 from acme/feature/abc-1-login'),
        link(`git:web@${C2}`, web(10), 'message', 'Merge pull request #10 from acme/feature/abc-1-login'),
        link(`git:web@${C3}`, `git:web@${C1}`, 'trailer', `Fixes: ${C1.slice(0, 11)}`, true),
        link(`git:web@${C3}`, web(11), 'message', 'fix: typo (#11)'),
        link(`git:web@${C5}`, 'jira:ABC-1', 'message', 'docs: follow-up for ABC-1'),
        link(`git:web@${C5}`, 'jira:ABC-2', 'trailer', 'Refs: ABC-2'),
        link(`git:web@${C5}`, web(50), 'trailer', 'Closes: acme/web#50', true),
        link('github:acme/api#5', `git:api@${A1}`, 'merge_commit', `merged as ${A1.slice(0, 12)}`),
        link('github:acme/api#5', 'jira:ABC-2', 'message', 'ccccccc: ABC-2: fix crash in docs build'),
        link(web(10), `git:web@${C2}`, 'merge_commit', `merged as ${C2.slice(0, 12)}`),
        link(web(10), web(50), 'body', 'Closes #50', true),
        link(web(10), 'jira:ABC-1', 'branch', 'feature/abc-1-login'),
        link(web(10), 'jira:ABC-1', 'message', 'bbbbbbb: wip ABC-1'),
        link(web(11), `git:web@${C3}`, 'merge_commit', `merged as ${C3.slice(0, 12)}`),
        link(web(11), `git:web@${C3}`, 'pr_commit', `${C3.slice(0, 12)} fix: typo (#11)`),
        link(web(13), 'jira:ABC-2', 'title', 'ABC-2 wip'),
        link(web(14), 'github:acme/api#5', 'title', 'See acme/api#5 and #10'),
        link(web(14), web(10), 'title', 'See acme/api#5 and #10'),
      ].sort((a, b) => (a.link_id < b.link_id ? -1 : a.link_id > b.link_id ? 1 : 0)),
    );
  });

  it('rebuilds idempotently, keeps when a link was first recorded and drops links whose evidence is gone', async () => {
    // Nothing changed since the first refresh: nothing is written.
    expect(await refreshLinks(warehouse.db, config, { logger: silentLogger })).toBe(0);
    const before = await readLinks(warehouse.db);
    const old = new Date('2020-01-01T00:00:00Z');
    await sql`UPDATE core.links SET created_at = ${old.toISOString()}`.execute(warehouse.db);

    await refreshLinks(warehouse.db, config, { logger: silentLogger });
    expect(await readLinks(warehouse.db)).toEqual(before);
    const times = await warehouse.db.selectFrom('core.links').select('created_at').distinct().execute();
    expect(times.map((row) => row.created_at.toISOString())).toEqual([old.toISOString()]);

    await warehouse.db.updateTable('core.pull_requests').set({ title: 'ABC-1 wip' }).where('pr_id', '=', 'github:acme/web#13').execute();
    await refreshLinks(warehouse.db, config, { logger: silentLogger });
    const after = await warehouse.db.selectFrom('core.links').select(['link_id', 'created_at']).where('from_id', '=', 'github:acme/web#13').execute();
    expect(after.map((row) => row.link_id)).toEqual(['github:acme/web#13->jira:ABC-1/title']);
    expect(after[0]!.created_at.getTime()).toBeGreaterThan(old.getTime());
    expect(await warehouse.db.selectFrom('core.links').select('link_id').execute()).toHaveLength(before.length);
  });

  it('accepts keys of configured Jira projects that have no collected tickets', async () => {
    const withProject = parseConfig('links:\n  jiraProjects: [zzz]\n', { baseDir: '/srv' });
    await refreshLinks(warehouse.db, withProject, { logger: silentLogger });
    const links = await warehouse.db.selectFrom('core.links').select(['from_id', 'to_id']).where('to_id', '=', 'jira:ZZZ-1').execute();
    expect(links).toEqual([{ from_id: `git:web@${C4}`, to_id: 'jira:ZZZ-1' }]);
    await refreshLinks(warehouse.db, config, { logger: silentLogger });
    expect(await warehouse.db.selectFrom('core.links').select('link_id').where('to_id', '=', 'jira:ZZZ-1').execute()).toEqual([]);
  });

  it('skips the rebuild when nothing links are derived from changed, unless forced', async () => {
    await refreshLinks(warehouse.db, config, { logger: silentLogger });
    const complete = await readLinks(warehouse.db);
    // A link removed behind its back is not noticed while the inputs stay the same ...
    await warehouse.db.deleteFrom('core.links').where('link_id', '=', complete[0]!.link_id).execute();
    expect(await refreshLinks(warehouse.db, config, { logger: silentLogger })).toBe(0);
    expect(await readLinks(warehouse.db)).toHaveLength(complete.length - 1);
    // ... a forced rebuild restores it, and so does any change of the inputs.
    expect(await refreshLinks(warehouse.db, config, { logger: silentLogger, force: true })).toBe(1);
    expect(await readLinks(warehouse.db)).toEqual(complete);
    await warehouse.db.deleteFrom('core.links').where('link_id', '=', complete[0]!.link_id).execute();
    await warehouse.db.updateTable('core.pr_commits').set({ message: 'wip ABC-1 again' }).where('sha', '=', BRANCH_COMMIT).execute();
    await refreshLinks(warehouse.db, config, { logger: silentLogger });
    expect((await readLinks(warehouse.db)).map((link) => link.link_id)).toEqual(complete.map((link) => link.link_id));
  });

  it('lists merged pull requests with their tickets, bots marked', async () => {
    const rows = await warehouse.db
      .selectFrom('metrics.merged_pr_tickets')
      .select(['pr_id', 'repo_name', 'week_start', 'month_start', 'is_bot', 'tickets', 'ticket_ids', 'closes_ticket', 'has_ticket'])
      .orderBy('pr_id')
      .execute();
    expect(rows).toEqual([
      { pr_id: 'github:acme/api#5', repo_name: null, week_start: '2024-01-01', month_start: '2024-01-01', is_bot: false, tickets: 1, ticket_ids: ['jira:ABC-2'], closes_ticket: false, has_ticket: true },
      { pr_id: 'github:acme/web#10', repo_name: 'web', week_start: '2024-01-01', month_start: '2024-01-01', is_bot: false, tickets: 2, ticket_ids: ['github:acme/web#50', 'jira:ABC-1'], closes_ticket: true, has_ticket: true },
      { pr_id: 'github:acme/web#11', repo_name: 'web', week_start: '2024-01-01', month_start: '2024-01-01', is_bot: false, tickets: 0, ticket_ids: [], closes_ticket: false, has_ticket: false },
      { pr_id: 'github:acme/web#12', repo_name: 'web', week_start: '2024-01-01', month_start: '2024-01-01', is_bot: true, tickets: 0, ticket_ids: [], closes_ticket: false, has_ticket: false },
      { pr_id: 'github:acme/web#14', repo_name: 'web', week_start: '2024-01-08', month_start: '2024-01-01', is_bot: false, tickets: 0, ticket_ids: [], closes_ticket: false, has_ticket: false },
    ]);
  });

  it('counts coverage per repository and week', async () => {
    const rows = await warehouse.db.selectFrom('metrics.pr_ticket_coverage_weekly').selectAll().orderBy('repo_full_name').orderBy('week_start').execute();
    expect(rows).toEqual([
      { repo_full_name: 'acme/api', repo_id: null, repo_name: null, week_start: '2024-01-01', merged_prs: 1, prs_with_ticket: 1, prs_without_ticket: 0, share_without_ticket: 0, bot_prs: 0 },
      { repo_full_name: 'acme/web', repo_id: 'git:web', repo_name: 'web', week_start: '2024-01-01', merged_prs: 2, prs_with_ticket: 1, prs_without_ticket: 1, share_without_ticket: 0.5, bot_prs: 1 },
      { repo_full_name: 'acme/web', repo_id: 'git:web', repo_name: 'web', week_start: '2024-01-08', merged_prs: 1, prs_with_ticket: 0, prs_without_ticket: 1, share_without_ticket: 1, bot_prs: 0 },
    ]);
  });

  it('counts a ticket reached only through a commit of the pull request', async () => {
    // web#11 landed as c3; a ticket reference in c3's own message covers the pull request.
    await warehouse.db.updateTable('core.commits').set({ message: 'fix: typo (#11)\n\nRefs: ABC-2' }).where('sha', '=', C3).execute();
    await refreshLinks(warehouse.db, config, { logger: silentLogger });
    const row = await warehouse.db.selectFrom('metrics.merged_pr_tickets').select(['ticket_ids', 'has_ticket']).where('pr_id', '=', 'github:acme/web#11').executeTakeFirstOrThrow();
    expect(row).toEqual({ ticket_ids: ['jira:ABC-2'], has_ticket: true });
    await warehouse.db
      .updateTable('core.commits')
      .set({ message: `fix: typo (#11)\n\nFixes: ${C1.slice(0, 11)}\nFixes: ${C1.slice(0, 7)}` })
      .where('sha', '=', C3)
      .execute();
    await refreshLinks(warehouse.db, config, { logger: silentLogger });
  });

  it('maps commits to tickets directly and through their pull requests', async () => {
    const rows = await warehouse.db
      .selectFrom('metrics.commit_tickets')
      .select(['commit_id', 'ticket_id', 'ticket_key', 'ticket_type', 'direct', 'via_pr_id', 'closes'])
      .orderBy('commit_id')
      .orderBy('ticket_id')
      .execute();
    expect(rows).toEqual([
      { commit_id: `git:api@${A1}`, ticket_id: 'jira:ABC-2', ticket_key: 'ABC-2', ticket_type: 'bug', direct: false, via_pr_id: 'github:acme/api#5', closes: false },
      { commit_id: `git:web@${C2}`, ticket_id: 'github:acme/web#50', ticket_key: 'acme/web#50', ticket_type: 'bug', direct: false, via_pr_id: 'github:acme/web#10', closes: true },
      { commit_id: `git:web@${C2}`, ticket_id: 'jira:ABC-1', ticket_key: 'ABC-1', ticket_type: 'requirement', direct: true, via_pr_id: 'github:acme/web#10', closes: false },
      { commit_id: `git:web@${C5}`, ticket_id: 'github:acme/web#50', ticket_key: 'acme/web#50', ticket_type: 'bug', direct: true, via_pr_id: null, closes: true },
      { commit_id: `git:web@${C5}`, ticket_id: 'jira:ABC-1', ticket_key: 'ABC-1', ticket_type: 'requirement', direct: true, via_pr_id: null, closes: false },
      { commit_id: `git:web@${C5}`, ticket_id: 'jira:ABC-2', ticket_key: 'ABC-2', ticket_type: 'bug', direct: true, via_pr_id: null, closes: false },
    ]);
  });

  it('reports coverage in total, per repository, per month, with examples', async () => {
    const report = await ticketCoverage(warehouse.db, { by: 'month', examples: 1 });
    expect(report.total).toEqual({ merged: 4, withTicket: 2, withoutTicket: 2, shareWithout: 0.5, bots: 1 });
    expect(report.byRepository).toEqual([
      { repository: 'acme/api', period: null, merged: 1, withTicket: 1, withoutTicket: 0, shareWithout: 0, bots: 0 },
      { repository: 'acme/web', period: null, merged: 3, withTicket: 1, withoutTicket: 2, shareWithout: 2 / 3, bots: 1 },
    ]);
    expect(report.byPeriod).toEqual([
      { repository: 'acme/api', period: '2024-01-01', merged: 1, withTicket: 1, withoutTicket: 0, shareWithout: 0, bots: 0 },
      { repository: 'acme/web', period: '2024-01-01', merged: 3, withTicket: 1, withoutTicket: 2, shareWithout: 2 / 3, bots: 1 },
    ]);
    expect(report.examples).toEqual([
      { prId: 'github:acme/web#14', repository: 'acme/web', number: 14, title: 'See acme/api#5 and #10', author: 'alice', mergedAt: new Date('2024-01-10T12:00:00Z') },
    ]);
    expect(report.linksByKind).toMatchObject({ branch: 2, body: 1, merge_commit: 3, pr_commit: 1, trailer: 3 });

    const web = await ticketCoverage(warehouse.db, { repository: 'WEB', since: new Date('2024-01-04T00:00:00Z') });
    expect(web.total).toEqual({ merged: 2, withTicket: 0, withoutTicket: 2, shareWithout: 1, bots: 1 });
    expect(web.byPeriod).toEqual([]);
  });
});
