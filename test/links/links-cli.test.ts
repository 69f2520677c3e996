import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CapturedCli } from '../helpers/cli.js';
import { openWarehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { insertDelivery, pullRequest } from './fixtures.js';

const cli = (cwd: string, ...args: string[]): Promise<CapturedCli> => runCli(args, { cwd });

/*
 * `codeledger links` on an embedded warehouse: a real repository analysed by `codeledger run`,
 * pull requests added as the GitHub collector writes them, and Jira keys accepted through the
 * configuration (no Jira source).
 */
describe('codeledger links', () => {
  let repo: TestRepo;
  let work: string;
  let dataDir: string;
  let configFile: string;
  const shas: string[] = [];

  beforeAll(async () => {
    repo = await createTestRepo();
    await repo.git('remote', 'add', 'origin', 'git@github.com:acme/shop.git');
    await repo.write('src/a.ts', 'export const a = 1;\n');
    shas.push(await repo.commit('feat: a (#1)'));
    await repo.write('src/b.ts', 'export const b = 2;\n');
    shas.push(await repo.commit('feat: b (#2)'));
    await repo.write('src/c.ts', 'export const c = 3;\n');
    shas.push(await repo.commit('feat: c (#3)'));
    work = await mkdtemp(join(tmpdir(), 'codeledger-links-cli-'));
    dataDir = join(work, 'warehouse');
    configFile = join(work, 'codeledger.yaml');
    await writeFile(configFile, 'links:\n  jiraProjects: [SHOP]\n');

    const run = await cli(work, 'run', repo.path, '--data-dir', dataDir, '--no-dashboard', '-c', configFile);
    expect(run.code, run.stderr).toBe(0);
    const warehouse = await openWarehouse({ dataDir });
    try {
      const repoId = `git:${basename(repo.path)}`;
      await insertDelivery(warehouse.db, {
        pullRequests: [
          pullRequest('acme/shop', 1, { repo_id: repoId, title: 'SHOP-10 add a', merged_at: '2024-01-01T01:30:00Z', merge_commit_sha: shas[0] }),
          pullRequest('acme/shop', 2, { repo_id: repoId, title: 'add b', head_ref: 'shop-11-b', merged_at: '2024-01-01T02:30:00Z', merge_commit_sha: shas[1] }),
          pullRequest('acme/shop', 3, { repo_id: repoId, title: 'add c', merged_at: '2024-01-08T03:30:00Z', merge_commit_sha: shas[2] }),
          pullRequest('acme/shop', 4, { repo_id: repoId, title: 'Bump deps', author_login: 'renovate[bot]', merged_at: '2024-01-08T04:30:00Z' }),
        ],
      });
    } finally {
      await warehouse.close();
    }
  });
  afterAll(async () => {
    await repo?.cleanup();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('rebuilds the links and prints the share of merged pull requests without a ticket', async () => {
    const result = await cli(work, 'links', '--refresh', '--by', 'week', '--data-dir', dataDir, '-c', configFile);
    expect(result.stderr).not.toContain('"level":50');
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('links refreshed');
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      'Merged pull requests: 3 (and 1 by bots, not counted)',
      '  with a ticket:    2',
      '  without a ticket: 1 (33.3%)',
    ]);
    expect(result.stdout).toMatch(/acme\/shop +\| +3 \| +2 \| +1 \| +0\.333 \| +1/);
    expect(result.stdout).toMatch(/acme\/shop +\| 2024-01-01 \| +2 \| +2 \| +0 \| +0 \| +0/);
    expect(result.stdout).toMatch(/acme\/shop +\| 2024-01-08 \| +1 \| +0 \| +1 \| +1 \| +1/);
    expect(result.stdout).toContain('Links by evidence: branch 1, merge_commit 3, message 3, title 1');
    expect(result.stdout).toContain('acme/shop#3  2024-01-08  add c  (alice)');
  });

  it('prints CSV per repository and month, and filters by repository', async () => {
    const csv = await cli(work, 'links', '--csv', '--by', 'month', '--data-dir', dataDir, '-c', configFile);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toBe(
      'repository,month_start,merged_prs,prs_with_ticket,prs_without_ticket,share_without_ticket,bot_prs\nacme/shop,2024-01-01,3,2,1,0.333,1\n',
    );
    const other = await cli(work, 'links', '--repo', 'acme/other', '--data-dir', dataDir, '-c', configFile);
    expect(other.code).toBe(0);
    expect(other.stdout).toContain('No merged pull requests in the warehouse');
  });

  it('refuses a period it does not know and a date it cannot read', async () => {
    const period = await cli(work, 'links', '--by', 'year', '--data-dir', dataDir);
    expect(period.code).not.toBe(0);
    expect(period.stderr).toContain("Allowed choices are week, month");
    const since = await cli(work, 'links', '--since', 'yesterday-ish', '--data-dir', dataDir);
    expect(since.code).toBe(1);
    expect(since.stderr).toContain('--since: not a date');
  });
});
