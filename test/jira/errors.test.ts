import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { JiraHttpError, JiraMalformedResponseError } from '../../collectors/jira/jira-http.js';
import { SourceAuthError } from '../../collectors/source.js';
import { ConfigError } from '../../pipeline/config/index.js';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { readCursor } from '../../pipeline/warehouse/raw-pages.js';
import { backends } from '../helpers/warehouses.js';
import type { FakeJira } from './fake-jira.js';
import { contextFor, CREDENTIALS, datasetConfig, emptyWarehouse, ENV, runSource, SimulatedKill, startFakeJira, stopAfter, testSource } from './harness.js';

describe.each(backends)('Jira collector failures on $name', ({ open }) => {
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

  const pagesOf = async (stream?: string) => {
    let query = warehouse.db.selectFrom('raw.api_pages').select('page_id');
    if (stream) query = query.where('stream', '=', stream);
    return (await query.execute()).length;
  };
  const ticketCount = async () => (await warehouse.db.selectFrom('core.tickets').select('ticket_id').execute()).length;

  it('refuses a bad credential with SourceAuthError naming the variables, never the value', async () => {
    fake = await startFakeJira('cloud');
    const wrong = { ...ENV, JIRA_API_TOKEN: 'not-the-right-token-5512' };
    const failure = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db, { env: wrong })).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SourceAuthError);
    const message = (failure as Error).message;
    expect(message).toContain('jira:acme');
    expect(message).toContain('JIRA_EMAIL and JIRA_API_TOKEN');
    expect(message).toContain(`HTTP 401 from GET ${fake.url}/rest/api/2/serverInfo`);
    expect(message).not.toContain('not-the-right-token-5512');
    expect(message).not.toContain(CREDENTIALS.email);
    expect(await pagesOf()).toBe(0);
    expect(fake.requests).toHaveLength(1);

    fake.faults.push({ path: '/rest/api/2/status', status: 403, times: 1, body: { errorMessages: ['Forbidden'] } });
    const forbidden = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db)).catch((error: unknown) => error);
    expect(forbidden).toBeInstanceOf(SourceAuthError);
    expect((forbidden as Error).message).toContain('HTTP 403 from GET');
    expect((forbidden as Error).message).toContain(': Forbidden');
  });

  it('names a Data Center token variable, and a missing variable before any request', async () => {
    fake = await startFakeJira('datacenter');
    const failure = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db, { env: { ...ENV, JIRA_PAT: 'expired' } })).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(SourceAuthError);
    expect((failure as SourceAuthError).variable).toBe('JIRA_PAT');
    const missing = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db, { env: {} })).catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ConfigError);
    expect((missing as ConfigError).problems).toEqual([
      'sources.jira (intranet).tokenEnv: environment variable JIRA_PAT is not set; the Jira source "intranet" needs it',
    ]);
    expect(fake.requests).toHaveLength(1);
  });

  it('waits as long as Retry-After says on 429, then goes on', async () => {
    fake = await startFakeJira('cloud');
    fake.faults.push({ method: 'POST', path: '/rest/api/3/search/jql', status: 429, headers: { 'retry-after': '2' }, times: 1 });
    const waits: number[] = [];
    const { collect } = await runSource(testSource(datasetConfig(fake), { waits }), contextFor(warehouse.db));
    expect(waits).toEqual([2000]);
    expect(collect.requests).toBe(fake.requests.length);
    expect(fake.requestsTo('/rest/api/3/search/jql')[0]!.body).toEqual(fake.requestsTo('/rest/api/3/search/jql')[1]!.body);
    expect(await ticketCount()).toBe(8);
  });

  it('backs off on 503 and 500 and succeeds on the next attempt', async () => {
    fake = await startFakeJira('cloud');
    fake.faults.push({ path: '/rest/api/2/status', status: 503, times: 1 }, { path: '/rest/api/2/status', status: 500, times: 1 });
    const waits: number[] = [];
    await runSource(testSource(datasetConfig(fake), { waits }), contextFor(warehouse.db));
    expect(waits).toEqual([1000, 2000]);
    expect(fake.requestsTo('/rest/api/2/status')).toHaveLength(3);
    expect(await pagesOf('statuses')).toBe(1);
    expect(await ticketCount()).toBe(8);
  });

  it('gives up after the last attempt, with the stored pages and cursor consistent', async () => {
    fake = await startFakeJira('cloud');
    fake.faults.push({ path: '/rest/api/3/changelog/bulkfetch', status: 502, times: 3 });
    const failure = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JiraHttpError);
    expect((failure as Error).message).toBe(`POST ${fake.url}/rest/api/3/changelog/bulkfetch answered HTTP 502 after 3 attempts: scripted 502`);
    // The second search page holds ABC-2, whose changelog was cut short.
    expect(await pagesOf('search')).toBe(2);
    expect(await pagesOf('changelog')).toBe(0);
    const cursor = await readCursor(warehouse.db, 'jira:acme', 'issues');
    expect(cursor?.details.pending).toEqual({ kind: 'bulk', issueIds: ['10002'], keysById: { '10002': 'ABC-2' }, nextPageToken: null });

    // The next run fetches the pending changelog first, then goes on with the search.
    await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    expect(await ticketCount()).toBe(8);
    expect((await warehouse.db.selectFrom('core.ticket_transitions').select('transition_id').where('ticket_id', '=', 'jira:ABC-2').execute()).length).toBe(5);
  });

  it('fails on a malformed body naming the URL, storing nothing from it', async () => {
    fake = await startFakeJira('cloud');
    let searches = 0;
    const failure = await runSource(
      testSource(datasetConfig(fake), {
        wrapHttp: (http) => ({
          get requests() {
            return http.requests;
          },
          async send(request) {
            if (request.path === '/rest/api/3/search/jql' && ++searches === 2) {
              fake.faults.push({ path: '/rest/api/3/search/jql', status: 200, rawBody: '{"issues": [{"key": "ABC-', times: 1 });
            }
            return http.send(request);
          },
        }),
      }),
      contextFor(warehouse.db),
    ).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JiraMalformedResponseError);
    expect((failure as Error).message).toContain(`Jira answered ${fake.url}/rest/api/3/search/jql with a malformed body`);
    expect(await pagesOf('search')).toBe(1);
    expect(fake.requestsTo('/rest/api/3/search/jql')).toHaveLength(2);

    await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    expect(await ticketCount()).toBe(8);
  });

  it('rejects a well-formed answer of the wrong shape', async () => {
    fake = await startFakeJira('datacenter');
    fake.faults.push({ path: '/rest/api/2/search', status: 200, body: { startAt: 0, total: 3, values: [] }, times: 1 });
    const failure = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db)).catch((error: unknown) => error);
    expect((failure as Error).message).toBe(`Jira answered ${fake.url}/rest/api/2/search with a malformed body (expected an object with an "issues" list); nothing from it was stored`);
    expect(await pagesOf('search')).toBe(0);
  });

  it('explains a 410 from the old search endpoint when a Cloud site is configured as Data Center', async () => {
    fake = await startFakeJira('cloud');
    const config = datasetConfig(fake, { deployment: 'datacenter' });
    const failure = await runSource(testSource(config), contextFor(warehouse.db)).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(JiraHttpError);
    expect((failure as Error).message).toBe(
      `POST ${fake.url}/rest/api/2/search answered 410 Gone: this is a Jira Cloud site, where the old search endpoint was removed; ` +
        'set deployment to cloud or auto (the default) so the enhanced search (/rest/api/3/search/jql) is used',
    );
  });

  it("passes Jira's explanation of a refused query on", async () => {
    fake = await startFakeJira('cloud');
    fake.faults.push({
      path: '/rest/api/3/search/jql',
      status: 400,
      body: { errorMessages: ["Field 'sprint' does not exist or you do not have permission to view it."], errors: {} },
      times: 1,
    });
    const failure = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db)).catch((error: unknown) => error);
    expect((failure as Error).message).toBe(
      `POST ${fake.url}/rest/api/3/search/jql answered HTTP 400: Field 'sprint' does not exist or you do not have permission to view it.`,
    );
  });

  it('retries a response slower than the timeout, and waits for a slow one within it', async () => {
    fake = await startFakeJira('cloud');
    fake.faults.push({ path: '/rest/api/2/serverInfo', delayMs: 600, times: 1 }, { path: '/rest/api/2/myself', delayMs: 100, times: 1 });
    const waits: number[] = [];
    await runSource(testSource(datasetConfig(fake), { waits, timeoutMs: 300 }), contextFor(warehouse.db));
    expect(fake.requestsTo('/rest/api/2/serverInfo')).toHaveLength(2);
    expect(fake.requestsTo('/rest/api/2/myself')).toHaveLength(1);
    expect(waits).toEqual([1000]);
    expect(await ticketCount()).toBe(8);

    fake.faults.push({ path: '/rest/api/2/serverInfo', delayMs: 600, times: 2 });
    const failure = await runSource(testSource(datasetConfig(fake), { timeoutMs: 300, retry: { maxAttempts: 2 } }), contextFor(warehouse.db)).catch(
      (error: unknown) => error,
    );
    expect((failure as Error).message).toBe(`GET ${fake.url}/rest/api/2/serverInfo failed after 2 attempts: no answer within 300 ms`);
  });

  it('restarts a Cloud search whose saved continuation token is refused', async () => {
    fake = await startFakeJira('cloud', { embeddedChangelogLimit: null });
    // Stop after the first search page is stored (serverInfo, myself, statuses, page 1, then page 2 dies).
    const killed = await runSource(testSource(datasetConfig(fake), { wrapHttp: stopAfter(4) }), contextFor(warehouse.db)).catch((error: unknown) => error);
    expect(killed).toBeInstanceOf(SimulatedKill);
    expect((await readCursor(warehouse.db, 'jira:acme', 'issues'))?.details.query).toMatchObject({ position: { nextPageToken: expect.any(String) } });
    fake.faults.push({ path: '/rest/api/3/search/jql', status: 400, body: { errorMessages: ['The provided next page token is invalid or expired.'] }, times: 1 });
    fake.requests.length = 0;
    const { collect } = await runSource(testSource(datasetConfig(fake)), contextFor(warehouse.db));
    expect(collect.warnings).toEqual(['the saved search continuation was refused; the search restarted from the last stored issue']);
    // The restarted query is bounded by the last stored update (ABC-6, 01:00 on 3 March in Berlin) less a minute.
    expect(fake.searchedJql()[1]).toBe('(project in ("ABC", "OPS")) AND updated >= "2024-03-03 00:59" ORDER BY updated ASC, key ASC');
    expect(await ticketCount()).toBe(8);
  });
});
