import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GithubMalformedResponseError } from '../../collectors/github/github-errors.js';
import { SourceAuthError } from '../../collectors/source.js';
import { ConfigError } from '../../pipeline/config/index.js';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends } from '../helpers/warehouses.js';
import type { FakeGithub, RecordedRequest } from './fake-github.js';
import { githubSource, recordingLogger, runSources, sourceContext, truncateSourceTables } from './harness.js';
import { startScenario, TOKEN } from './scenario.js';

const API_ONLY = { org: null, repos: ['acme/api'] };
const isApiPulls = (request: RecordedRequest) => request.path === '/repos/acme/api/pulls' && request.query.get('state') === 'all';

function requestsTo(github: FakeGithub, predicate: (request: RecordedRequest) => boolean): RecordedRequest[] {
  return github.requests.filter(predicate);
}

describe.each(backends)('GitHub errors and rate limits on $name', ({ open }) => {
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
  beforeEach(async () => {
    await truncateSourceTables(warehouse);
    github.clearFaults();
    github.requests.length = 0;
  });

  it('stops a source whose token is refused (401) with a message naming the source and the variable; other sources go on', async () => {
    const broken = githubSource(github.baseUrl, { name: 'broken', tokenEnv: 'BROKEN_TOKEN', ...API_ONLY }, {}, 0);
    const working = githubSource(github.baseUrl, { name: 'working', ...API_ONLY }, {}, 1);
    const outcomes = await runSources(warehouse, [broken, working], { env: { BROKEN_TOKEN: 'ghp_wrong_value', GITHUB_TOKEN: TOKEN } });
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['failed', 'succeeded']);
    expect(outcomes[0]!.error).toMatch(/^the credential in environment variable BROKEN_TOKEN was refused \(401 from GET .*\/repos\/acme\/api: Bad credentials/);
    expect(outcomes[0]!.error).not.toContain('ghp_wrong_value');
    // 401 is never retried.
    expect(requestsTo(github, (request) => request.authorization === 'token ghp_wrong_value')).toHaveLength(1);
    const pulls = await warehouse.db.selectFrom('core.pull_requests').select('source_id').distinct().execute();
    expect(pulls.map((row) => row.source_id)).toEqual(['github:working']);
  });

  it('throws SourceAuthError from collect, and fails fast when the variable is not set', async () => {
    const source = githubSource(github.baseUrl, { tokenEnv: 'BROKEN_TOKEN' });
    await expect(source.collect(sourceContext(warehouse, { env: { BROKEN_TOKEN: 'nope' } }))).rejects.toBeInstanceOf(SourceAuthError);
    const missing = source.collect(sourceContext(warehouse, { env: {} }));
    await expect(missing).rejects.toBeInstanceOf(ConfigError);
    await expect(missing).rejects.toThrow('sources.github[0].tokenEnv: environment variable BROKEN_TOKEN is not set; the GitHub source "acme" needs it');
  });

  it('treats a 403 on the organisation listing as a refused credential', async () => {
    github.fault((request) => request.path === '/orgs/acme/repos', (_request, response, server) => {
      server.json(response, 403, { message: 'Resource protected by organization SAML enforcement.' });
      return true;
    });
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl)]);
    expect(outcome!.status).toBe('failed');
    expect(outcome!.error).toContain('the credential in environment variable GITHUB_TOKEN was refused (403');
    expect(outcome!.error).toContain('SAML');
  });

  it('waits for the reset of an exhausted primary rate limit (403, x-ratelimit-remaining: 0), then goes on', async () => {
    const logger = recordingLogger();
    github.fault(isApiPulls, (_request, response, server) => {
      server.json(response, 403, { message: 'API rate limit exceeded for user ID 1001.' }, {
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 2),
      });
      return true;
    });
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl, API_ONLY)], { logger });
    expect(outcome!.status).toBe('succeeded');
    expect(requestsTo(github, isApiPulls).map((request) => request.status)).toEqual([403, 200]);
    const wait = logger.lines.find((line) => line.message.startsWith('GitHub primary rate limit reached'));
    expect(wait?.level).toBe('warn');
    expect(wait?.fields).toMatchObject({ source: 'github:acme', request: expect.stringContaining('/repos/acme/api/pulls'), attempt: 1 });
    // reset − now, plus the one second GitHub asks for.
    expect(wait!.fields!.waitSeconds).toBeGreaterThanOrEqual(2);
    expect(wait!.fields!.waitSeconds).toBeLessThanOrEqual(4);
    expect(await warehouse.db.selectFrom('core.pull_requests').select('pr_id').execute()).toHaveLength(3);
  });

  it('honours Retry-After on a secondary rate limit (403) and on 429', async () => {
    const logger = recordingLogger();
    github.fault(isApiPulls, (_request, response, server) => {
      server.json(response, 403, { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' }, { 'retry-after': '7' });
      return true;
    });
    github.fault((request) => request.path === '/repos/acme/api/issues', (_request, response, server) => {
      server.json(response, 429, { message: 'Too Many Requests' }, { 'retry-after': '3' });
      return true;
    });
    github.fault((request) => request.path === '/repos/acme/api/releases', (_request, response, server) => {
      server.json(response, 429, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '5' });
      return true;
    });
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl, API_ONLY)], { logger });
    expect(outcome!.status).toBe('succeeded');
    const waits = logger.lines.filter((line) => line.level === 'warn').map((line) => [line.message, line.fields!.waitSeconds]);
    expect(waits).toEqual([
      ['GitHub secondary rate limit reached; waiting before retrying', 7],
      ['GitHub answered 429 Too Many Requests; waiting as Retry-After asks', 3],
      ['GitHub secondary rate limit reached; waiting before retrying', 5],
    ]);
    expect(requestsTo(github, (request) => request.path === '/repos/acme/api/issues').map((request) => request.status)).toEqual([429, 200]);
  });

  it('gives up on a rate limit that outlasts every wait, failing the source (not the repository)', async () => {
    github.fault(isApiPulls, (_request, response, server) => {
      server.json(response, 403, { message: 'You have exceeded a secondary rate limit.' }, { 'retry-after': '1' });
      return true;
    }, 10);
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl, API_ONLY, { client: { rateLimitRetries: 2 } })]);
    expect(outcome!.status).toBe('failed');
    expect(outcome!.error).toMatch(/GET .*\/repos\/acme\/api\/pulls.* failed with 403: You have exceeded a secondary rate limit/);
    expect(requestsTo(github, isApiPulls)).toHaveLength(3);
  });

  it('retries 5xx answers with backoff, and fails the source when they persist', async () => {
    github.fault(isApiPulls, (_request, response, server) => {
      server.json(response, 502, { message: 'Server Error' });
      return true;
    }, 2);
    const [recovered] = await runSources(warehouse, [githubSource(github.baseUrl, API_ONLY)]);
    expect(recovered!.status).toBe('succeeded');
    expect(requestsTo(github, isApiPulls).map((request) => request.status)).toEqual([502, 502, 200]);

    await truncateSourceTables(warehouse);
    github.requests.length = 0;
    github.fault((request) => request.operation === 'PullRequestDetails', (_request, response, server) => {
      server.json(response, 503, { message: 'Service Unavailable' });
      return true;
    }, 10);
    const [failed] = await runSources(warehouse, [githubSource(github.baseUrl, API_ONLY, { client: { retries: 2 } })]);
    expect(failed!.status).toBe('failed');
    expect(failed!.error).toMatch(/^POST .*\/graphql failed with 503/);
    expect(requestsTo(github, (request) => request.operation === 'PullRequestDetails')).toHaveLength(3);
    // Nothing of the failed page was stored: neither the list page nor its cursor.
    const pages = await sql<{ stream: string }>`SELECT stream FROM raw.api_pages ORDER BY page_id`.execute(warehouse.db);
    expect(pages.rows.map((row) => row.stream)).toEqual(['acme/api:repo']);
    expect(await warehouse.db.selectFrom('core.sync_state').select('stream').where('stream', '=', 'acme/api:pulls').execute()).toEqual([]);
  });

  it('fails on a malformed body with a message naming the URL, storing nothing of it', async () => {
    github.fault((request) => request.path === '/repos/acme/api/issues', (_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end('[{"number": 1, "title": "cut off');
      return true;
    });
    const source = githubSource(github.baseUrl, API_ONLY);
    const context = sourceContext(warehouse);
    const failure = await source.collect(context).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(GithubMalformedResponseError);
    expect((failure as Error).message).toMatch(/^GET http:\/\/127\.0\.0\.1:\d+\/repos\/acme\/api\/issues\?.* returned a body that is not the expected JSON \(starts with "\[\{\\"number\\": 1, \\"title\\": \\"cut off"\); nothing from it was stored$/);
    const streams = await sql<{ stream: string }>`SELECT DISTINCT stream FROM raw.api_pages ORDER BY 1`.execute(warehouse.db);
    expect(streams.rows.map((row) => row.stream)).not.toContain('acme/api:issues');
    expect(await warehouse.db.selectFrom('core.sync_state').select('stream').where('stream', '=', 'acme/api:issues').execute()).toEqual([]);
    // The streams before it were stored and are not asked again on the next run.
    github.requests.length = 0;
    const [outcome] = await runSources(warehouse, [source]);
    expect(outcome!.status).toBe('succeeded');
    expect(requestsTo(github, isApiPulls).map((request) => request.status)).toEqual([304]);
    expect(await warehouse.db.selectFrom('core.pull_requests').select('pr_id').execute()).toHaveLength(3);
  });

  it('retries a response that outlasts the deadline, and waits for a slow one within it', async () => {
    github.fault(isApiPulls, async (_request, response, server) => {
      await new Promise((resolve) => setTimeout(resolve, 1_200));
      if (!response.destroyed) server.json(response, 200, []);
      return true;
    });
    github.fault((request) => request.path === '/repos/acme/api/issues', async () => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      return false; // then answer normally
    });
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl, API_ONLY, { client: { timeoutMs: 800 } })]);
    expect(outcome!.status).toBe('succeeded');
    expect(requestsTo(github, isApiPulls)).toHaveLength(2);
    expect(requestsTo(github, (request) => request.path === '/repos/acme/api/issues')).toHaveLength(1);
    expect(await warehouse.db.selectFrom('core.pull_requests').select('pr_id').execute()).toHaveLength(3);
  });

  it('warns about a repository it cannot read (404, 403) and collects the others', async () => {
    github.fault((request) => request.path === '/repos/acme/web/releases', (_request, response, server) => {
      server.json(response, 403, { message: 'Resource not accessible by integration' });
      return true;
    });
    const [outcome] = await runSources(warehouse, [githubSource(github.baseUrl, { org: null, repos: ['acme/missing', 'acme/web', 'acme/api'] })]);
    expect(outcome!.status).toBe('succeeded');
    expect(outcome!.collect!.warnings).toEqual([
      expect.stringMatching(/^acme\/missing: skipped, GitHub refused access \(not found or no access\)/),
      expect.stringMatching(/^acme\/web: skipped, GitHub refused access \(status 403\): .*Resource not accessible by integration/),
    ]);
    const repositories = await sql<{ repo: string }>`SELECT DISTINCT repo_full_name AS repo FROM core.pull_requests ORDER BY 1`.execute(warehouse.db);
    // acme/web's pull requests were stored before its releases were refused.
    expect(repositories.rows.map((row) => row.repo)).toEqual(['acme/api', 'acme/web']);
  });

  it('authenticates as a GitHub App installation, keeping the key and the token out of storage', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const source = githubSource(github.baseUrl, { ...API_ONLY, app: { appIdEnv: 'APP_ID', privateKeyEnv: 'APP_KEY', installationId: 42 } });
    const [outcome] = await runSources(warehouse, [source], { env: { APP_ID: '123', APP_KEY: pem.replace(/\n/g, '\\n') } });
    expect(outcome!.error).toBeNull();
    expect(github.requests[0]).toMatchObject({ method: 'POST', path: '/app/installations/42/access_tokens' });
    expect(github.requests[0]!.authorization).toMatch(/^bearer ey/);
    expect(github.requests.slice(1).every((request) => request.authorization === 'token ghs_installation_42')).toBe(true);
    const stored = await sql<{ text: string }>`SELECT request::text || body::text || headers::text AS text FROM raw.api_pages`.execute(warehouse.db);
    expect(stored.rows.some((row) => row.text.includes('ghs_installation_42') || row.text.includes('PRIVATE KEY'))).toBe(false);

    const [refused] = await runSources(warehouse, [source], { env: { APP_ID: '123', APP_KEY: 'not a key' } });
    expect(refused!.status).toBe('failed');
    expect(refused!.error).toBe('the credential in environment variable APP_KEY was refused (the value is not a PEM private key)');
  });
});
