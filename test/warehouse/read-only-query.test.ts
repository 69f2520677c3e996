import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadOnlyQueryError, runReadOnlyQuery } from '../../pipeline/warehouse/read-only-query.js';
import type { Warehouse } from '../../pipeline/warehouse/warehouse.js';
import { backends } from '../helpers/warehouses.js';

describe.each(backends)('read-only queries on $name', ({ name, open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
    await warehouse.db
      .insertInto('core.repos')
      .values([
        { repo_id: 'git:web', name: 'web' },
        { repo_id: 'git:api', name: 'api' },
      ])
      .execute();
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  const repoCount = async () => (await warehouse.db.selectFrom('core.repos').select('repo_id').execute()).length;

  it('returns column names and rows as arrays, in order', async () => {
    const result = await runReadOnlyQuery(warehouse, 'SELECT name, count(*) OVER () AS total, 1 AS name FROM core.repos ORDER BY 1');
    expect(result).toEqual({
      columns: ['name', 'total', 'name'],
      rows: [
        ['api', 2, 1],
        ['web', 2, 1],
      ],
    });
  });

  it('keeps the columns of an empty result', async () => {
    const result = await runReadOnlyQuery(warehouse, "SELECT repo_id, week_start FROM metrics.effective_code_weekly WHERE repo_id = 'none';");
    expect(result).toEqual({ columns: ['repo_id', 'week_start'], rows: [] });
  });

  it('refuses writes with a clear error and changes nothing', async () => {
    const attempt = runReadOnlyQuery(warehouse, "INSERT INTO core.repos (repo_id, name) VALUES ('git:x', 'x')");
    await expect(attempt).rejects.toBeInstanceOf(ReadOnlyQueryError);
    await expect(attempt).rejects.toThrow(/read only/);
    await expect(runReadOnlyQuery(warehouse, 'DELETE FROM core.repos')).rejects.toThrow(/tried to change the warehouse/);
    await expect(runReadOnlyQuery(warehouse, 'CREATE TABLE core.sneaky (id int)')).rejects.toThrow(/tried to change the warehouse/);
    expect(await repoCount()).toBe(2);
  });

  it('refuses several statements, so a COMMIT cannot end the read-only transaction', async () => {
    await expect(runReadOnlyQuery(warehouse, "SELECT 1; COMMIT; DELETE FROM core.repos WHERE repo_id = 'git:web'")).rejects.toThrow(
      'only one SQL statement can be run at a time',
    );
    expect(await repoCount()).toBe(2);
  });

  it('reports SQL errors, then leaves the warehouse usable for writes', async () => {
    const failure = await runReadOnlyQuery(warehouse, 'SELECT no_such_column FROM core.repos').catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ReadOnlyQueryError);
    expect((failure as ReadOnlyQueryError).code).toBe('42703');
    expect((failure as Error).message).toMatch(/the query failed: .*no_such_column/);
    // The session was rolled back and released: ordinary writes work and are kept.
    await warehouse.db.insertInto('core.repos').values({ repo_id: 'git:docs', name: 'docs' }).execute();
    expect(await repoCount()).toBe(3);
    await warehouse.db.deleteFrom('core.repos').where('repo_id', '=', 'git:docs').execute();
  });

  it.runIf(name === 'postgres')('cancels a query that runs past its time limit', async () => {
    await expect(runReadOnlyQuery(warehouse, 'SELECT pg_sleep(5)', { timeoutMs: 200 })).rejects.toThrow(/200 ms limit/);
    expect(await repoCount()).toBe(2);
  });
});
