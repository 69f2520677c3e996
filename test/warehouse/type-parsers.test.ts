import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Warehouse } from '../../pipeline/warehouse/warehouse.js';
import { backends } from '../helpers/warehouses.js';

describe.each(backends)('value parsing on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
    await warehouse.db
      .insertInto('core.commits')
      .values([
        { commit_id: 'git:web@a', repo_id: 'git:web', sha: 'a', work_type_weight: 1.5 },
        { commit_id: 'git:web@b', repo_id: 'git:web', sha: 'b', work_type_weight: 0.25 },
        { commit_id: 'git:web@c', repo_id: 'git:web', sha: 'c', work_type_weight: 3 },
      ])
      .execute();
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  it('returns count(*) (int8) and sum(numeric) as JS numbers', async () => {
    const row = await warehouse.db
      .selectFrom('core.commits')
      .select((eb) => [eb.fn.countAll().as('commits'), eb.fn.sum('work_type_weight').as('weight')])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ commits: 3, weight: 4.75 });
  });

  it('returns arrays of int8 and numeric as arrays of numbers', async () => {
    const result = await sql<{ counts: unknown; weights: unknown }>`
      SELECT array[1::int8, 20, NULL] AS counts, array[array[0.5::numeric, 1.25], array[2, 3]] AS weights`.execute(warehouse.db);
    expect(result.rows[0]).toEqual({ counts: [1, 20, null], weights: [[0.5, 1.25], [2, 3]] });
  });

  it('returns dates as YYYY-MM-DD text, timestamps as Dates and jsonb parsed', async () => {
    const result = await sql<{ day: unknown; days: unknown; at: unknown; doc: unknown }>`
      SELECT date '2024-02-29' AS day, array[date '2024-01-01', NULL] AS days,
             timestamptz '2024-02-29T23:30:00Z' AS at, '{"a": [1, "x"]}'::jsonb AS doc`.execute(warehouse.db);
    expect(result.rows[0]).toEqual({
      day: '2024-02-29',
      days: ['2024-01-01', null],
      at: new Date('2024-02-29T23:30:00Z'),
      doc: { a: [1, 'x'] },
    });
  });

  it('returns bigserial ids as numbers', async () => {
    const inserted = await warehouse.db
      .insertInto('raw.api_pages')
      .values({ source_id: 'github:acme', stream: 'pulls', request: JSON.stringify({ url: '/pulls' }) })
      .returning('page_id')
      .executeTakeFirstOrThrow();
    expect(typeof inserted.page_id).toBe('number');
  });

  it('leaves the process-wide pg parsers untouched', () => {
    expect(pg.types.getTypeParser(20, 'text')('12')).toBe('12');
  });
});
