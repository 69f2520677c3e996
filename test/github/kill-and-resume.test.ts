import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends } from '../helpers/warehouses.js';
import { cutMidBody, type FakeGithub } from './fake-github.js';
import { coreSnapshot, githubSource, runSources, sourceContext, truncateSourceTables } from './harness.js';
import { startScenario } from './scenario.js';

/**
 * Every stream's position: watermark and stream state, without extraction's cursor (raw page
 * ids) and without ETags (a resumed run asks streams that finished before the kill again,
 * conditionally, and remembers that answer's ETag).
 */
async function cursors(warehouse: Warehouse): Promise<unknown[]> {
  const rows = await sql<{ stream: string; cursor: string | null; cursor_time: Date | null; details: Record<string, unknown> }>`
    SELECT stream, cursor, cursor_time, details FROM core.sync_state WHERE stream <> 'extract' ORDER BY stream`.execute(warehouse.db);
  return rows.rows.map(({ details: { etag: _etag, etagUrl: _etagUrl, ...details }, ...row }) => ({ ...row, details }));
}

describe.each(backends)('kill and resume of the GitHub source on $name', ({ open }) => {
  let github: FakeGithub;
  let warehouse: Warehouse;
  let clean: Record<string, unknown[]>;
  let cleanCursors: unknown[];
  let cleanRequests: number;

  beforeAll(async () => {
    github = await startScenario();
    warehouse = await open();
    await runSources(warehouse, [githubSource(github.baseUrl)]);
    clean = await coreSnapshot(warehouse);
    cleanCursors = await cursors(warehouse);
    cleanRequests = github.requests.length;
  });
  afterAll(async () => {
    await warehouse?.close();
    await github?.close();
  });

  it('the clean run is the reference: it wrote every kind of row', () => {
    for (const rows of Object.values(clean)) expect(rows.length).toBeGreaterThan(0);
    expect(cleanRequests).toBeGreaterThan(20);
  });

  it('resumes after a connection broken mid-body at any request, ending identical to a clean run', async () => {
    let interrupted = 0;
    for (let kill = 1; kill <= cleanRequests; kill += 2) {
      await truncateSourceTables(warehouse);
      github.requests.length = 0;
      github.clearFaults();
      let seen = 0;
      github.fault(() => ++seen === kill, (_request, response) => {
        cutMidBody(response);
        return false;
      }, Number.POSITIVE_INFINITY);
      const [broken] = await runSources(warehouse, [githubSource(github.baseUrl, {}, { client: { retries: 0 } })]);
      if (broken!.status === 'failed') interrupted += 1;
      github.clearFaults();
      const [resumed] = await runSources(warehouse, [githubSource(github.baseUrl)]);
      expect(resumed!.status, `killed at request ${kill}`).toBe('succeeded');
      // Pages stored before the kill are not fetched again: only first pages are asked again,
      // conditionally (at most one per stream of the two repositories, plus the listing).
      expect(github.requests.length, `killed at request ${kill}`).toBeLessThanOrEqual(cleanRequests + 20);
      expect(await coreSnapshot(warehouse), `killed at request ${kill}`).toEqual(clean);
      expect(await cursors(warehouse), `killed at request ${kill}`).toEqual(cleanCursors);
    }
    // A fresh run gets no 304s: every answer has a body, so every cut broke the run.
    expect(interrupted).toBe(Math.ceil(cleanRequests / 2));
  });

  it('resumes after a run stopped between collection and extraction', async () => {
    await truncateSourceTables(warehouse);
    const source = githubSource(github.baseUrl);
    await source.collect(sourceContext(warehouse));
    const [resumed] = await runSources(warehouse, [githubSource(github.baseUrl)]);
    expect(resumed!.status).toBe('succeeded');
    expect(await coreSnapshot(warehouse)).toEqual(clean);
  });

  it('resumes after an abort signal stopped collection mid-run', async () => {
    await truncateSourceTables(warehouse);
    const controller = new AbortController();
    let seen = 0;
    github.clearFaults();
    github.fault(() => ++seen === 9, () => {
      controller.abort(new Error('stopped by the operator'));
      return false;
    }, Number.POSITIVE_INFINITY);
    const [stopped] = await runSources(warehouse, [githubSource(github.baseUrl, {}, { client: { signal: controller.signal } })]);
    expect(stopped!.status).toBe('failed');
    github.clearFaults();
    const [resumed] = await runSources(warehouse, [githubSource(github.baseUrl)]);
    expect(resumed!.status).toBe('succeeded');
    expect(await coreSnapshot(warehouse)).toEqual(clean);
    expect(await cursors(warehouse)).toEqual(cleanCursors);
  });
});
