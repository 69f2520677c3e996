import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends } from '../helpers/warehouses.js';
import { issues, STATUSES, statusChange, T0, USERS } from './dataset.js';
import type { FakeJira } from './fake-jira.js';
import { capturingLogger, contextFor, CREDENTIALS, datasetConfig, emptyWarehouse, runSource, startFakeJira, testSource } from './harness.js';

const FIRST_RUN = new Date('2024-03-05T12:00:00.000Z');
const days = (n: number) => new Date(FIRST_RUN.getTime() + n * 86_400_000);

describe.each(backends)('Jira Cloud collector on $name', ({ open }) => {
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
    fake = await startFakeJira('cloud');
  });
  afterEach(async () => {
    await fake.stop();
  });

  it('pages the enhanced search with nextPageToken, completes truncated changelogs in bulk, and never calls the removed search', async () => {
    const { collect, extract } = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db, { now: FIRST_RUN }));

    expect(fake.requestsTo(/^\/rest\/api\/[23]\/search$/)).toEqual([]);
    const searches = fake.requestsTo('/rest/api/3/search/jql');
    // Three pages of three issues for the eight issues, then one key-only listing (the first full refresh).
    expect(searches.map((request) => request.body?.nextPageToken === undefined)).toEqual([true, false, false, true]);
    expect(searches[0]!.body).toMatchObject({ jql: 'project in ("ABC", "OPS") ORDER BY updated ASC, key ASC', maxResults: 3, expand: 'changelog' });
    expect(searches[0]!.body!.fields).toEqual(expect.arrayContaining(['status', 'issuetype', 'customfield_10016', 'customfield_10050', 'customfield_10060']));
    expect(searches[3]!.body).toMatchObject({ jql: 'project in ("ABC", "OPS") ORDER BY key ASC', fields: ['key'] });
    // ABC-2 (five histories) and ABC-1 (three) were cut to two; the bulk fetch pages two at a time.
    const bulk = fake.requestsTo('/rest/api/3/changelog/bulkfetch');
    expect(bulk.map((request) => request.body?.issueIdsOrKeys)).toEqual([['10002'], ['10002'], ['10002'], ['10001'], ['10001']]);
    expect(collect.requests).toBe(fake.requests.length);
    expect(collect.pages).toBe(fake.requests.length);

    const tickets = await warehouse.db.selectFrom('core.tickets').selectAll().orderBy('ticket_id').execute();
    expect(tickets.map((ticket) => ticket.key)).toEqual(['ABC-1', 'ABC-10', 'ABC-2', 'ABC-3', 'ABC-4', 'ABC-5', 'ABC-6', 'OPS-1']);
    const byKey = new Map(tickets.map((ticket) => [ticket.key, ticket]));
    expect(byKey.get('ABC-1')).toMatchObject({
      ticket_id: 'jira:ABC-1',
      source_id: 'jira:acme',
      provider: 'jira',
      project: 'ABC',
      url: `${fake.url}/browse/ABC-1`,
      title: 'Pay with a saved card',
      type: 'requirement',
      type_raw: 'Story',
      status_raw: 'In Review',
      status_category: 'indeterminate',
      phase: 'review',
      priority: 'Medium',
      created_at: new Date(T0 + 2 * 3_600_000),
      updated_at: new Date(T0 + 80 * 3_600_000),
      resolved_at: null,
      assignee_identity_id: `jira:${USERS.bob!.accountId}`,
      reporter_identity_id: `jira:${USERS.alice!.accountId}`,
      parent_id: 'jira:ABC-10',
      epic_id: 'jira:ABC-10',
      story_points: 5,
      components: ['Web'],
      labels: ['backend'],
      fix_versions: [{ name: '1.2', released: true, releaseDate: '2024-03-20' }],
      is_defect: false,
      is_escaped: false,
      removed_at: null,
    });
    expect(byKey.get('ABC-2')).toMatchObject({ type: 'bug', severity: 'Critical', found_in_environment: 'Production', is_defect: true, is_escaped: true, resolution: 'Done' });
    expect(byKey.get('ABC-2')!.resolved_at).toEqual(new Date(T0 + 60 * 3_600_000));
    expect(byKey.get('ABC-3')).toMatchObject({ type: 'bug', resolution: 'Duplicate', found_in_environment: 'Production', is_defect: false, is_escaped: false });
    expect(byKey.get('ABC-4')).toMatchObject({ type: 'task', status_raw: 'Prüfung', phase: 'review' });
    expect(byKey.get('ABC-5')).toMatchObject({ type: 'subtask', parent_id: 'jira:ABC-1', epic_id: null });
    expect(byKey.get('ABC-6')).toMatchObject({ type: 'other', type_raw: 'Kaizen', status_raw: 'Erledigt', status_category: 'done', phase: 'done' });
    expect(byKey.get('ABC-10')).toMatchObject({ type: 'other', type_raw: 'Epic' });
    expect(byKey.get('OPS-1')).toMatchObject({ type: 'incident', phase: 'blocked', is_defect: false, is_escaped: true });

    const transitions = await warehouse.db.selectFrom('core.ticket_transitions').selectAll().orderBy('at').orderBy('transition_id').execute();
    const abc2 = transitions.filter((transition) => transition.ticket_id === 'jira:ABC-2');
    expect(abc2.map((transition) => [transition.transition_id, transition.from_phase, transition.to_phase])).toEqual([
      ['jira:ABC-2/200/0', 'backlog', 'develop'],
      ['jira:ABC-2/201/0', 'develop', 'review'],
      ['jira:ABC-2/202/0', 'review', 'test'],
      ['jira:ABC-2/203/0', 'test', 'develop'],
      ['jira:ABC-2/204/0', 'develop', 'done'],
    ]);
    expect(abc2[2]).toMatchObject({ from_status: 'In Review', to_status: 'QA', from_category: 'indeterminate', to_category: 'indeterminate' });
    expect(abc2[2]!.by_identity_id).toBe(`jira:${USERS.alice!.accountId}`);
    expect(abc2[2]!.at).toEqual(new Date(T0 + 30 * 3_600_000));
    // The index counts every item of a history: the status change of history 102 is its second item.
    expect(transitions.filter((transition) => transition.ticket_id === 'jira:ABC-1').map((transition) => transition.transition_id)).toEqual([
      'jira:ABC-1/100/0',
      'jira:ABC-1/102/1',
    ]);
    expect(transitions.find((transition) => transition.transition_id === 'jira:ABC-4/400/0')).toMatchObject({ to_status: 'In Bearbeitung', to_phase: 'develop' });
    expect(transitions.find((transition) => transition.transition_id === 'jira:ABC-4/401/0')).toMatchObject({ to_status: 'Prüfung', to_phase: 'review' });
    expect(transitions.find((transition) => transition.transition_id === 'jira:ABC-6/600/0')).toMatchObject({
      from_status: 'Legacy State',
      from_category: null,
      from_phase: null,
      to_phase: 'backlog',
    });
    expect(transitions).toHaveLength(14);

    const identities = await warehouse.db.selectFrom('core.identities').selectAll().orderBy('name').execute();
    expect(identities.map(({ identity_id, provider, external_id, name, email, login, source_id, person_id }) => ({ identity_id, provider, external_id, name, email, login, source_id, person_id }))).toEqual([
      { identity_id: `jira:${USERS.alice!.accountId}`, provider: 'jira', external_id: USERS.alice!.accountId, name: 'Alice Doe', email: 'alice@example.com', login: null, source_id: 'jira:acme', person_id: null },
      { identity_id: `jira:${USERS.bob!.accountId}`, provider: 'jira', external_id: USERS.bob!.accountId, name: 'Bob Roe', email: null, login: null, source_id: 'jira:acme', person_id: null },
      { identity_id: `jira:${USERS.carol!.accountId}`, provider: 'jira', external_id: USERS.carol!.accountId, name: 'Carol Poe', email: 'carol@example.com', login: null, source_id: 'jira:acme', person_id: null },
    ]);

    expect(extract.warnings).toEqual([
      'Jira statuses with no phase (phase left empty; name them under phases): "Legacy State" (ABC)',
      'Jira statuses mapped by their category alone (in progress → develop; name them under phases to place them in review, test, release or blocked): "In Bearbeitung" (ABC)',
      'Jira issue types with no mapping (counted as other; name them under types): "Kaizen" (ABC)',
    ]);
  });

  it('keeps the credential out of raw pages, core.sources and the log', async () => {
    const logger = capturingLogger();
    await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db, { logger }));
    const basic = Buffer.from(`${CREDENTIALS.email}:${CREDENTIALS.apiToken}`).toString('base64');
    expect(fake.requests.every((request) => request.authorization === `Basic ${basic}`)).toBe(true);
    const raw = await sql<{ text: string }>`SELECT string_agg(request::text || headers::text || body::text, ' ') AS text FROM raw.api_pages`.execute(warehouse.db);
    const stored = raw.rows[0]!.text;
    expect(stored).toContain('/rest/api/3/search/jql');
    expect(stored).toContain('x-arequestid');
    for (const secret of [CREDENTIALS.apiToken, basic, 'atlassian.xsrf.token', 'authorization']) expect(stored.toLowerCase()).not.toContain(secret.toLowerCase());
    const sources = await warehouse.db.selectFrom('core.sources').select(['source_id', 'config']).execute();
    expect(sources).toHaveLength(1);
    expect(JSON.stringify(sources[0]!.config)).toContain('JIRA_API_TOKEN');
    expect(JSON.stringify(sources[0]!.config)).not.toContain(CREDENTIALS.apiToken);
    expect(logger.lines.join('\n')).not.toContain(CREDENTIALS.apiToken);
    expect(logger.lines.join('\n')).not.toContain(basic);
  });

  it('fetches only issues updated since the last run, bounded in the site time zone', async () => {
    await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db, { now: FIRST_RUN }));
    const abc3 = fake.issues.find((issue) => issue.key === 'ABC-3')!;
    abc3.updated = new Date('2024-03-05T10:15:40.000Z');
    abc3.summary = 'Expiry dates rejected (reopened)';
    abc3.status = STATUSES.progress!;
    abc3.resolution = null;
    abc3.histories.push({ id: '301', created: abc3.updated, author: USERS.bob!, items: [statusChange(STATUSES.done!, STATUSES.progress!)] });
    fake.requests.length = 0;

    const { collect } = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db, { now: days(1) }));

    // The last update seen was ABC-1 at 16:00 UTC, 17:00 in Berlin; one minute of overlap.
    expect(fake.searchedJql()).toEqual(['(project in ("ABC", "OPS")) AND updated >= "2024-03-04 16:59" ORDER BY updated ASC, key ASC']);
    // serverInfo, myself, statuses, one search page (ABC-1 again and ABC-3), ABC-1's changelog in two pages; no listing yet.
    expect(fake.requests.map((request) => request.path)).toEqual([
      '/rest/api/2/serverInfo',
      '/rest/api/2/myself',
      '/rest/api/2/status',
      '/rest/api/3/search/jql',
      '/rest/api/3/changelog/bulkfetch',
      '/rest/api/3/changelog/bulkfetch',
    ]);
    expect(collect.requests).toBe(6);
    const ticket = await warehouse.db.selectFrom('core.tickets').selectAll().where('key', '=', 'ABC-3').executeTakeFirstOrThrow();
    expect(ticket).toMatchObject({ title: 'Expiry dates rejected (reopened)', status_raw: 'In Progress', phase: 'develop', resolution: null, is_defect: true, is_escaped: true });
    const reopened = await warehouse.db.selectFrom('core.ticket_transitions').selectAll().where('transition_id', '=', 'jira:ABC-3/301/0').executeTakeFirstOrThrow();
    expect(reopened).toMatchObject({ from_phase: 'done', to_phase: 'develop' });
    expect(await warehouse.db.selectFrom('core.tickets').select('ticket_id').execute()).toHaveLength(8);
  });

  it('marks issues deleted or moved out of scope at the periodic full refresh, and clears the mark when they return', async () => {
    const source = () => testSource(datasetConfig(fake));
    await runSource(source(), contextFor(warehouse.db, { now: FIRST_RUN }));
    const deleted = fake.issues.find((issue) => issue.key === 'ABC-6')!;
    fake.issues = fake.issues.filter((issue) => issue !== deleted);
    const moved = fake.issues.find((issue) => issue.key === 'ABC-4')!;
    moved.key = 'OUT-1';
    moved.updated = days(2);

    fake.requests.length = 0;
    await runSource(source(), contextFor(warehouse.db, { now: days(3) }));
    expect(fake.searchedJql().some((jql) => jql.endsWith('ORDER BY key ASC'))).toBe(false);
    const removedAt = async () =>
      Object.fromEntries(
        (await warehouse.db.selectFrom('core.tickets').select(['key', 'removed_at']).where('removed_at', 'is not', null).execute()).map((row) => [row.key, row.removed_at]),
      );
    expect(await removedAt()).toEqual({});

    fake.requests.length = 0;
    await runSource(source(), contextFor(warehouse.db, { now: days(8) }));
    expect(fake.searchedJql().filter((jql) => jql.endsWith('ORDER BY key ASC'))).toHaveLength(1);
    expect(await removedAt()).toEqual({ 'ABC-4': days(8), 'ABC-6': days(8) });

    fake.issues.push(issues().find((issue) => issue.key === 'ABC-6')!);
    await runSource(source(), contextFor(warehouse.db, { now: days(16) }));
    expect(await removedAt()).toEqual({ 'ABC-4': days(8) });
  });
});
