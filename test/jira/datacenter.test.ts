import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends } from '../helpers/warehouses.js';
import { USERS } from './dataset.js';
import type { FakeJira } from './fake-jira.js';
import { contextFor, CREDENTIALS, datasetConfig, emptyWarehouse, runSource, startFakeJira, testSource, warehouseSnapshot } from './harness.js';

describe.each(backends)('Jira Data Center collector on $name', ({ open }) => {
  let warehouse: Warehouse;
  let fake: FakeJira;

  beforeAll(async () => {
    warehouse = await open();
  });
  afterAll(async () => {
    await warehouse?.close();
  });
  beforeEach(async () => {
    await emptyWarehouse(warehouse.db);
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('pages /rest/api/2/search with startAt, re-anchored at the minute of each page’s last issue', async () => {
    fake = await startFakeJira('datacenter');
    const { collect } = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));

    expect(fake.requests.every((request) => request.authorization === `Bearer ${CREDENTIALS.pat}`)).toBe(true);
    expect(fake.requestsTo('/rest/api/3/search/jql')).toEqual([]);
    const searches = fake.requestsTo('/rest/api/2/search');
    // Page 1 ends with ABC-6 (01:00 Berlin on 3 March), page 2 with ABC-2 (22:00), page 3 is the rest.
    expect(searches.map((request) => [request.body?.jql, request.body?.startAt])).toEqual([
      ['project in ("ABC", "OPS") ORDER BY updated ASC, key ASC', 0],
      ['(project in ("ABC", "OPS")) AND updated >= "2024-03-03 01:00" ORDER BY updated ASC, key ASC', 1],
      ['(project in ("ABC", "OPS")) AND updated >= "2024-03-03 22:00" ORDER BY updated ASC, key ASC', 1],
      ['project in ("ABC", "OPS") ORDER BY key ASC', 0],
    ]);
    expect(searches[0]!.body?.expand).toEqual(['changelog']);
    // Truncated changelogs are read from the issue itself.
    expect(fake.requestsTo(/^\/rest\/api\/2\/issue\//).map((request) => [request.path, request.query])).toEqual([
      ['/rest/api/2/issue/ABC-2', { expand: 'changelog', fields: 'status' }],
      ['/rest/api/2/issue/ABC-1', { expand: 'changelog', fields: 'status' }],
    ]);
    expect(collect.requests).toBe(fake.requests.length);

    const snapshot = await warehouseSnapshot(warehouse.db);
    expect(snapshot.tickets.map((ticket) => (ticket as { key: string }).key)).toEqual(['ABC-1', 'ABC-10', 'ABC-2', 'ABC-3', 'ABC-4', 'ABC-5', 'ABC-6', 'OPS-1']);
    expect(snapshot.transitions).toHaveLength(14);
    expect(snapshot.tickets.find((ticket) => (ticket as { key: string }).key === 'ABC-1')).toMatchObject({
      source_id: 'jira:intranet',
      assignee_identity_id: `jira:${USERS.bob!.key}`,
      phase: 'review',
      // Data Center has no hierarchy level; the parent's type name says it is an epic.
      epic_id: 'jira:ABC-10',
    });
    expect(snapshot.identities).toEqual([
      expect.objectContaining({ identity_id: 'jira:JIRAUSER10100', external_id: 'JIRAUSER10100', login: 'alice', name: 'Alice Doe', email: 'alice@example.com' }),
      expect.objectContaining({ identity_id: 'jira:JIRAUSER10101', login: 'bob', email: null }),
      expect.objectContaining({ identity_id: 'jira:JIRAUSER10102', login: 'carol' }),
    ]);
  });

  it('maps a Data Center site into the same tickets and transitions as a Cloud site with the same issues', async () => {
    fake = await startFakeJira('datacenter');
    await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    const fromDataCenter = await warehouseSnapshot(warehouse.db);
    await fake.stop();
    await emptyWarehouse(warehouse.db);
    fake = await startFakeJira('cloud');
    await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    const fromCloud = await warehouseSnapshot(warehouse.db);

    // Only the site, its source id and the people's ids differ.
    const neutral = (snapshot: Record<string, unknown[]>, site: string) =>
      JSON.parse(
        JSON.stringify({ tickets: snapshot.tickets, transitions: snapshot.transitions })
          .replaceAll(site, 'SITE')
          .replace(/jira:(acme|intranet)"/g, 'jira:SOURCE"')
          .replace(/jira:(JIRAUSER\d+|[0-9a-z]{24})"/g, (_match, id: string) => `jira:${personOf(id)}"`),
      ) as unknown;
    const dcSite = (fromDataCenter.tickets[0] as { url: string }).url.replace(/\/browse\/.*$/, '');
    const cloudSite = (fromCloud.tickets[0] as { url: string }).url.replace(/\/browse\/.*$/, '');
    expect(neutral(fromDataCenter, dcSite)).toEqual(neutral(fromCloud, cloudSite));
  });

  it('works under a context path, with JQL values encoded in GET queries', async () => {
    fake = await startFakeJira('datacenter');
    fake.options.basePath = '/jira';
    await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    expect(fake.url).toMatch(/\/jira$/);
    expect(fake.requestsTo('/rest/api/2/search')).toHaveLength(4);
    const ticket = await warehouse.db.selectFrom('core.tickets').select('url').where('key', '=', 'ABC-2').executeTakeFirstOrThrow();
    expect(ticket.url).toBe(`${fake.url}/browse/ABC-2`);
    const pages = await warehouse.db.selectFrom('raw.api_pages').select('request').where('stream', '=', 'changelog').execute();
    expect(pages.map((page) => (page.request as { url: string }).url)).toEqual([
      `${fake.url}/rest/api/2/issue/ABC-2?expand=changelog&fields=status`,
      `${fake.url}/rest/api/2/issue/ABC-1?expand=changelog&fields=status`,
    ]);
  });

  it('warns when even the issue endpoint returns part of a changelog', async () => {
    fake = await startFakeJira('datacenter');
    fake.options.issueChangelogLimit = 4;
    const { collect } = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    expect(collect.warnings).toEqual(["the site returned only part of ABC-2's changelog; earlier status changes are missing"]);
    const abc2 = await warehouse.db.selectFrom('core.ticket_transitions').select('transition_id').where('ticket_id', '=', 'jira:ABC-2').orderBy('transition_id').execute();
    expect(abc2.map((row) => row.transition_id)).toEqual(['jira:ABC-2/201/0', 'jira:ABC-2/202/0', 'jira:ABC-2/203/0', 'jira:ABC-2/204/0']);
  });

  it('falls back to the server time zone when the profile shows none', async () => {
    fake = await startFakeJira('datacenter', { timeZone: null });
    fake.options.serverTimeZone = 'America/New_York';
    await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    fake.requests.length = 0;
    await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    // The last update (16:00 UTC on 4 March) is 11:00 in New York.
    expect(fake.searchedJql()[0]).toBe('(project in ("ABC", "OPS")) AND updated >= "2024-03-04 10:59" ORDER BY updated ASC, key ASC');
  });

  it('writes JQL in UTC, starting 14 hours early, when no zone is known at all', async () => {
    fake = await startFakeJira('datacenter', { timeZone: null });
    const first = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    expect(first.collect.warnings).toEqual([expect.stringContaining("the Jira account's time zone is not visible")]);
    fake.requests.length = 0;
    await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    expect(fake.searchedJql()[0]).toBe('(project in ("ABC", "OPS")) AND updated >= "2024-03-04 01:59" ORDER BY updated ASC, key ASC');
  });
});

function personOf(id: string): string {
  for (const [name, user] of Object.entries(USERS)) if (user.key === id || user.accountId === id) return name;
  return id;
}
