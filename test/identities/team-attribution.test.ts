import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert } from '../../pipeline/warehouse/bulk-insert.js';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import type { TeamEffectiveCodeWeeklyView } from '../../pipeline/warehouse/people-teams-tables.js';
import { analyse, commitTotals } from '../helpers/analyse.js';
import { createTestRepo, type Signature, type TestRepo } from '../helpers/git-repo.js';
import { backends } from '../helpers/warehouses.js';

const ANN: Signature = { name: 'Ann Lee', email: 'ann@corp.example' };
const BO: Signature = { name: 'Bo Berg', email: 'bo@corp.example' };
const CY: Signature = { name: 'Cy Chen', email: 'cy@corp.example' };
const DEE: Signature = { name: 'Dee Dunn', email: 'dee@contractor.example' };
const CLAUDE: Signature = { name: 'claude[bot]', email: '209825114+claude[bot]@users.noreply.github.com' };
const WEB_FLOW: Signature = { name: 'GitHub', email: 'noreply@github.com' };

/** A file of substantive code, different for every tag. */
function code(tag: string): string {
  const body = Array.from({ length: 8 }, (_, i) => `  const ${tag}Value${i} = combine(input.${tag}First${i}, input.${tag}Second${i}, ${i});`);
  return `export function ${tag}(input: Input): number {\n${body.join('\n')}\n  return 0;\n}\n`;
}

const ROSTER = (repoPath: string) =>
  [
    'repos:',
    `  - { name: web, path: ${JSON.stringify(repoPath)} }`,
    'people:',
    '  - { name: Ann Lee, emails: [ann@corp.example], memberships: [{ team: web, role: frontend }] }',
    '  - { name: Bo Berg, emails: [bo@corp.example], github: [bo-gh], memberships: [{ team: web, fte: 0.5 }, { team: api, fte: 0.5, role: backend }] }',
    '  - { name: Cy Chen, emails: [cy@corp.example], memberships: [{ team: web, from: 2024-01-10 }] }',
    '  - { name: Claude, github: ["claude[bot]"], kind: ai_agent }',
    'teams:',
    '  - { name: engineering }',
    '  - { name: web, parent: engineering, repos: [web] }',
    "  - { name: api, parent: engineering, paths: [{ repo: web, glob: 'src/api/**' }] }",
  ].join('\n');

describe.each(backends)('team attribution on $name', ({ open }) => {
  let repo: TestRepo;
  const sha: Record<string, string> = {};

  beforeAll(async () => {
    repo = await createTestRepo();
    const commit = async (key: string, file: string, author: Signature, date: string, committer?: Signature) => {
      await repo.write(file, code(key));
      sha[key] = await repo.commit(`feat: ${key}`, { author, committer, date });
    };
    await commit('cart', 'src/ui/cart.ts', ANN, '2024-01-02T10:00:00Z');
    await commit('search', 'src/ui/search.ts', BO, '2024-01-03T10:00:00Z');
    await commit('profile', 'src/ui/profile.ts', CY, '2024-01-04T10:00:00Z');
    await commit('client', 'src/api/client.ts', DEE, '2024-01-05T10:00:00Z');
    await commit('agentOne', 'src/ui/agent-one.ts', CLAUDE, '2024-01-09T10:00:00Z', ANN);
    await commit('agentTwo', 'src/ui/agent-two.ts', CLAUDE, '2024-01-10T10:00:00Z', WEB_FLOW);
    await commit('settings', 'src/ui/settings.ts', CY, '2024-01-16T10:00:00Z');
  });
  afterAll(async () => {
    await repo?.cleanup();
  });

  async function viewRows(warehouse: Warehouse): Promise<Map<string, TeamEffectiveCodeWeeklyView>> {
    const rows = await warehouse.db.selectFrom('metrics.team_effective_code_weekly').selectAll().execute();
    return new Map(rows.map((row) => [`${row.team_id ?? '-'} ${row.week_start}`, row]));
  }
  const ec = async (warehouse: Warehouse, key: string) => (await commitTotals(warehouse, sha[key]!)).ec_merged!;

  it('splits a person in two teams by FTE share, follows dated memberships and ownership, and sends agent work to its requester', async () => {
    const warehouse = await open();
    try {
      await analyse(warehouse, [], { configYaml: ROSTER(repo.path), now: new Date('2030-01-01T00:00:00Z') });
      const e = Object.fromEntries(await Promise.all(Object.keys(sha).map(async (key) => [key, await ec(warehouse, key)] as const)));
      for (const value of Object.values(e)) expect(value).toBeGreaterThan(0);

      let rows = await viewRows(warehouse);
      const webWeek1 = rows.get('team:web 2024-01-01')!;
      const apiWeek1 = rows.get('team:api 2024-01-01')!;
      // Ann whole, Bo half, Cy (not yet a member) through ownership of the repository.
      expect(webWeek1.ec_merged).toBeCloseTo(e.cart! + e.search! / 2 + e.profile!, 6);
      expect(webWeek1.non_member_ec_merged).toBeCloseTo(e.profile!, 6);
      // Bo's other half, and the contractor's change to paths the api team owns.
      expect(apiWeek1.ec_merged).toBeCloseTo(e.search! / 2 + e.client!, 6);
      expect(apiWeek1.non_member_ec_merged).toBeCloseTo(e.client!, 6);
      expect(apiWeek1.lines_added).toBeCloseTo(11 / 2 + 11, 6);
      expect(webWeek1).toMatchObject({ repo_name: 'web', team_name: 'web', parent_team_id: 'team:engineering', commits: 3, members: 2, team_fte: 1.5, fte_basis: 'roster', fte: 1.5 });
      expect(apiWeek1).toMatchObject({ commits: 2, members: 1, team_fte: 0.5, fte: 0.5 });
      // Everyone with work counts once in total: Bo is half in each team.
      expect(webWeek1).toMatchObject({ active_humans: 3, active_human_share: 2.5 });
      expect(apiWeek1).toMatchObject({ active_humans: 2, active_human_share: 1.5 });
      expect(webWeek1.ec_merged_per_fte).toBeCloseTo(webWeek1.human_ec_merged / 1.5, 6);
      expect(webWeek1.human_ec_merged).toBeCloseTo(webWeek1.ec_merged, 6);

      // Week 2: Cy joins on Wednesday (5 of 7 days). Agent work: one committed by Ann; one by
      // GitHub's web-flow, which is nobody's, so it falls back to the repository's owner.
      const webWeek2 = rows.get('team:web 2024-01-08')!;
      expect(webWeek2.team_fte).toBeCloseTo(1.5 + 5 / 7, 6);
      expect(webWeek2.members).toBe(3);
      expect(webWeek2.ai_agent_ec_merged).toBeCloseTo(e.agentOne! + e.agentTwo!, 6);
      expect(webWeek2.non_member_ec_merged).toBeCloseTo(e.agentTwo!, 6);
      expect(webWeek2.human_ec_merged).toBe(0);
      expect(webWeek2.ec_merged_per_fte).toBe(0);
      expect(rows.get('team:api 2024-01-08')).toBeUndefined();

      // Week 3: Cy is a member now.
      const webWeek3 = rows.get('team:web 2024-01-15')!;
      expect(webWeek3).toMatchObject({ commits: 1, members: 3, team_fte: 2.5, non_member_ec_merged: 0 });
      expect(webWeek3.ec_merged).toBeCloseTo(e.settings!, 6);

      // The teams of a repository-week add up to its total.
      const totals = await sql<{ week_start: string; total: number; by_team: number }>`
        SELECT w.week_start::text AS week_start, sum(w.ec_merged) AS total,
               (SELECT sum(t.ec_merged) FROM metrics.team_effective_code_weekly t WHERE t.repo_id = 'git:web' AND t.week_start = w.week_start) AS by_team
          FROM metrics.effective_code_weekly w WHERE w.repo_id = 'git:web' GROUP BY w.week_start ORDER BY 1`.execute(warehouse.db);
      expect(totals.rows).toHaveLength(3);
      for (const row of totals.rows) expect(Number(row.by_team)).toBeCloseTo(Number(row.total), 6);

      // The GitHub collector reports the pull request that brought the second agent commit in,
      // opened by Bo: the work now goes to Bo's two teams.
      await bulkInsert(warehouse.db, 'core.identities', [{ identity_id: 'github:bo-gh', provider: 'github', external_id: '202', login: 'bo-gh', source_id: 'github:acme' }], {
        conflict: 'update',
        key: ['identity_id'],
      });
      await bulkInsert(
        warehouse.db,
        'core.pull_requests',
        [
          {
            pr_id: 'github:acme/web#7',
            source_id: 'github:acme',
            repo_full_name: 'acme/web',
            repo_id: 'git:web',
            number: 7,
            state: 'merged',
            author_identity_id: 'github:bo-gh',
            author_login: 'bo-gh',
            created_at: '2024-01-09T09:00:00Z',
            merged_at: '2024-01-10T10:00:00Z',
            merge_commit_sha: sha.agentTwo!,
          },
        ],
        { conflict: 'update', key: ['pr_id'] },
      );
      await analyse(warehouse, [], { configYaml: ROSTER(repo.path), now: new Date('2030-01-01T00:00:00Z') });
      rows = await viewRows(warehouse);
      expect(rows.get('team:web 2024-01-08')!.ai_agent_ec_merged).toBeCloseTo(e.agentOne! + e.agentTwo! / 2, 6);
      expect(rows.get('team:web 2024-01-08')!.non_member_ec_merged).toBe(0);
      expect(rows.get('team:api 2024-01-08')!.ai_agent_ec_merged).toBeCloseTo(e.agentTwo! / 2, 6);
      // The PR author counts as active for that week, split like his memberships.
      expect(rows.get('team:api 2024-01-08')!).toMatchObject({ active_humans: 1, active_human_share: 0.5 });
    } finally {
      await warehouse.close();
    }
  });

  it('without a roster, divides by the humans with merged work and says so', async () => {
    const warehouse = await open();
    try {
      await analyse(warehouse, [repo.path], { now: new Date('2030-01-01T00:00:00Z') });
      const rows = await warehouse.db.selectFrom('metrics.team_effective_code_weekly').selectAll().orderBy('week_start').execute();
      expect(rows.map((row) => [row.team_id, row.week_start, row.fte_basis, row.active_humans, row.fte])).toEqual([
        [null, '2024-01-01', 'active_humans', 4, 4],
        // Ann requested the first agent commit; the second has no human behind it in git alone.
        [null, '2024-01-08', 'active_humans', 1, 1],
        [null, '2024-01-15', 'active_humans', 1, 1],
      ]);
      const weekly = await sql<{ total: number }>`SELECT sum(ec_merged) AS total FROM metrics.effective_code_weekly`.execute(warehouse.db);
      expect(rows.reduce((sum, row) => sum + row.ec_merged, 0)).toBeCloseTo(Number(weekly.rows[0]!.total), 6);
    } finally {
      await warehouse.close();
    }
  });
});
