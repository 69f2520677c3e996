import { basename } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseConfig } from '../../pipeline/config/index.js';
import { formatTicketCoverage } from '../../pipeline/links/format-ticket-coverage.js';
import { refreshLinks } from '../../pipeline/links/refresh-links.js';
import { ticketCoverage } from '../../pipeline/links/ticket-coverage.js';
import { silentLogger } from '../../pipeline/logging/logger.js';
import type { Warehouse } from '../../pipeline/warehouse/warehouse.js';
import { analyse } from '../helpers/analyse.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';
import { backends } from '../helpers/warehouses.js';
import { insertDelivery, jiraTicket, prCommit, pullRequest, readLinks } from './fixtures.js';

/*
 * A real repository analysed the way `codeledger run` does it, then pull requests and tickets
 * added as the collectors would write them.
 */
describe.each(backends)('links of an analysed repository on $name', ({ open }) => {
  let repo: TestRepo;
  let warehouse: Warehouse;
  let repoId: string;
  const shas: Record<string, string> = {};

  beforeAll(async () => {
    repo = await createTestRepo();
    await repo.git('remote', 'add', 'origin', 'https://github.com/acme/shop.git');
    await repo.write('src/cart.ts', 'export function total(prices: number[]): number {\n  return prices.reduce((a, b) => a + b, 0);\n}\n');
    shas.cart = await repo.commit('feat: cart totals (ABC-1)');
    await repo.write('src/cart.ts', 'export function total(prices: number[]): number {\n  return Math.round(prices.reduce((a, b) => a + b, 0) * 100) / 100;\n}\n');
    shas.rounding = await repo.commit(`fix: rounding\n\nFixes: ${shas.cart.slice(0, 10)}`);
    await repo.branch('abc-2-checkout');
    await repo.checkout('abc-2-checkout');
    await repo.write('src/checkout.ts', 'export function checkout(total: number): string {\n  return `paid ${total}`;\n}\n');
    shas.branchCommit = await repo.commit('checkout page');
    await repo.checkout('main');
    shas.merge = await repo.merge('abc-2-checkout', { message: 'Merge pull request #7 from acme/abc-2-checkout' });
    await repo.write('src/text.ts', 'export const encoding = "UTF-8";\n');
    shas.encoding = await repo.commit('chore: UTF-8 and SHA-256 everywhere (#99)');
    repoId = `git:${basename(repo.path)}`;

    warehouse = await open();
    await analyse(warehouse, [repo.path]);
  });
  afterAll(async () => {
    await warehouse?.close();
    await repo?.cleanup();
  });

  it('links a Fixes: trailer to the fixed commit during the run, and nothing else without tickets or pull requests', async () => {
    expect(await readLinks(warehouse.db)).toEqual([
      {
        link_id: `${repoId}@${shas.rounding}->${repoId}@${shas.cart}/trailer`,
        from_type: 'commit',
        from_id: `${repoId}@${shas.rounding}`,
        to_type: 'commit',
        to_id: `${repoId}@${shas.cart}`,
        evidence_kind: 'trailer',
        evidence: `Fixes: ${shas.cart!.slice(0, 10)}`,
        closes: true,
      },
    ]);
  });

  it('links tickets and pull requests once they are collected, and reports the coverage', async () => {
    await insertDelivery(warehouse.db, {
      tickets: [jiraTicket('ABC-1'), jiraTicket('ABC-2')],
      pullRequests: [
        pullRequest('acme/shop', 7, {
          repo_id: repoId,
          head_ref: 'abc-2-checkout',
          title: 'Checkout page',
          merged_at: '2024-01-01T04:00:00Z',
          merge_commit_sha: shas.merge,
        }),
        pullRequest('acme/shop', 8, { repo_id: repoId, title: 'Fix rounding', merged_at: '2024-01-01T02:00:00Z', merge_commit_sha: shas.rounding }),
      ],
      prCommits: [prCommit('github:acme/shop#7', shas.branchCommit!, 'checkout page')],
    });
    await refreshLinks(warehouse.db, parseConfig('', { baseDir: repo.path }), { logger: silentLogger });
    const links = (await readLinks(warehouse.db)).map((link) => `${link.from_id} -> ${link.to_id} (${link.evidence_kind}${link.closes ? ', closes' : ''})`);
    const commit = (name: string) => `${repoId}@${shas[name]}`;
    expect(links.sort()).toEqual(
      [
        `${commit('cart')} -> jira:ABC-1 (message)`,
        `${commit('merge')} -> github:acme/shop#7 (message)`,
        `${commit('merge')} -> jira:ABC-2 (branch)`,
        `${commit('rounding')} -> ${commit('cart')} (trailer, closes)`,
        `github:acme/shop#7 -> ${commit('merge')} (merge_commit)`,
        `github:acme/shop#7 -> jira:ABC-2 (branch)`,
        `github:acme/shop#8 -> ${commit('rounding')} (merge_commit)`,
      ].sort(),
    );

    const report = await ticketCoverage(warehouse.db, { by: 'week' });
    expect(report.total).toEqual({ merged: 2, withTicket: 1, withoutTicket: 1, shareWithout: 0.5, bots: 0 });
    expect(report.byPeriod.map((group) => [group.repository, group.period, group.merged, group.withoutTicket])).toEqual([
      ['acme/shop', '2024-01-01', 2, 1],
    ]);
    const text = formatTicketCoverage(report);
    expect(text).toContain('Merged pull requests: 2');
    expect(text).toContain('without a ticket: 1 (50.0%)');
    expect(text).toMatch(/acme\/shop\s+\|\s+2024-01-01\s+\|\s+2\s+\|\s+1\s+\|\s+1\s+\|\s+0\.5\s+\|\s+0/);
    expect(text).toContain('acme/shop#8  2024-01-01  Fix rounding  (alice)');
  });
});
