import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends } from '../helpers/warehouses.js';
import type { FakeDeployment } from './fake-jira.js';
import { contextFor, datasetConfig, emptyWarehouse, runSource, SimulatedKill, startFakeJira, stopAfter, testSource, warehouseSnapshot } from './harness.js';

/*
 * Kill-and-resume: a run is stopped at every request in turn (the answer arrives but is never
 * used, as when the process dies mid-page), then run again; the warehouse must equal the one a
 * clean run builds, and no page may be stored twice.
 */

const NOW = new Date('2024-03-05T12:00:00.000Z');

describe.each(backends)('Jira collector kill-and-resume on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  const pageCounts = async (): Promise<Record<string, number>> => {
    const rows = await warehouse.db.selectFrom('raw.api_pages').select(['stream']).where('stream', 'in', ['search', 'changelog', 'scope']).execute();
    const counts: Record<string, number> = {};
    for (const { stream } of rows) counts[stream] = (counts[stream] ?? 0) + 1;
    return counts;
  };

  it.each<FakeDeployment>(['cloud', 'datacenter'])('resumes a %s collection killed at any request into the same warehouse as a clean run', async (deployment) => {
    const fake = await startFakeJira(deployment);
    try {
      const config = datasetConfig(fake, { pageSize: 2 });
      await emptyWarehouse(warehouse.db);
      await runSource(testSource(config, { listingPageSize: 3 }), contextFor(warehouse.db, { now: NOW }));
      const clean = await warehouseSnapshot(warehouse.db);
      const cleanPages = await pageCounts();
      const requests = fake.requests.length;
      const lastSearch = fake.requests.findLastIndex((request) => String(request.body?.jql).endsWith('ORDER BY updated ASC, key ASC'));
      expect(cleanPages.scope).toBeGreaterThan(1);
      expect(cleanPages.changelog).toBeGreaterThan(1);
      // A run after a finished search starts a new one from the last update (less the overlap
      // minute): these are the pages a resumed run adds when the kill came after the last search page.
      await runSource(testSource(config, { listingPageSize: 3 }), contextFor(warehouse.db, { now: NOW }));
      const withRecheck: Record<string, number> = { ...(await pageCounts()), scope: cleanPages.scope! };
      expect(withRecheck.search).toBeGreaterThan(cleanPages.search!);

      for (let kill = 0; kill < requests; kill++) {
        await emptyWarehouse(warehouse.db);
        const killed = await runSource(testSource(config, { listingPageSize: 3, wrapHttp: stopAfter(kill) }), contextFor(warehouse.db, { now: NOW })).catch(
          (error: unknown) => error,
        );
        expect(killed, `kill at request ${kill + 1}`).toBeInstanceOf(SimulatedKill);
        await runSource(testSource(config, { listingPageSize: 3 }), contextFor(warehouse.db, { now: NOW, runId: 'run-2' }));
        expect(await warehouseSnapshot(warehouse.db), `kill at request ${kill + 1}`).toEqual(clean);
        // Nothing fetched twice: a killed page is fetched again only because it was never stored.
        expect(await pageCounts(), `kill at request ${kill + 1}`).toEqual(kill <= lastSearch ? cleanPages : withRecheck);
      }
    } finally {
      await fake.stop();
    }
  });

  it('survives being killed twice in a row', async () => {
    const fake = await startFakeJira('cloud');
    try {
      const config = datasetConfig(fake, { pageSize: 2 });
      await emptyWarehouse(warehouse.db);
      await runSource(testSource(config), contextFor(warehouse.db, { now: NOW }));
      const clean = await warehouseSnapshot(warehouse.db);
      await emptyWarehouse(warehouse.db);
      for (const kill of [5, 6]) {
        await expect(runSource(testSource(config, { wrapHttp: stopAfter(kill) }), contextFor(warehouse.db, { now: NOW }))).rejects.toBeInstanceOf(SimulatedKill);
      }
      await runSource(testSource(config), contextFor(warehouse.db, { now: NOW }));
      expect(await warehouseSnapshot(warehouse.db)).toEqual(clean);
    } finally {
      await fake.stop();
    }
  });

  it('rebuilds the same tables from raw pages when the extraction cursor is forgotten (--full-refresh)', async () => {
    const fake = await startFakeJira('datacenter');
    try {
      const config = datasetConfig(fake);
      await emptyWarehouse(warehouse.db);
      const source = testSource(config);
      await runSource(source, contextFor(warehouse.db, { now: NOW }));
      const first = await warehouseSnapshot(warehouse.db);
      // A stale row the raw pages do not justify disappears on the rebuild.
      await warehouse.db
        .updateTable('core.tickets')
        .set({ title: 'edited by hand' })
        .where('key', '=', 'ABC-1')
        .execute();
      await warehouse.db.deleteFrom('core.sync_state').where('stream', '=', 'extract').execute();
      const again = await source.extract(contextFor(warehouse.db, { now: NOW, fullRefresh: true }));
      expect(again.rows).toBeGreaterThan(0);
      expect(await warehouseSnapshot(warehouse.db)).toEqual(first);
    } finally {
      await fake.stop();
    }
  });
});
