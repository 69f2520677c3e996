import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { durabilityColumnsSql, refreshDurability, type DurabilitySettings } from '../../pipeline/run/refresh-effective-code.js';
import { bulkInsert } from '../../pipeline/warehouse/bulk-insert.js';
import type { EffectiveCodeRow } from '../../pipeline/warehouse/database.js';
import type { Warehouse } from '../../pipeline/warehouse/warehouse.js';
import { backends } from '../helpers/warehouses.js';
import { commitRow, effectiveCodeRow } from './fixtures.js';

const NOW = new Date('2024-06-01T12:00:00Z');
const DEFAULT: DurabilitySettings = { durability: { windowDays: 21, required: true }, phases: { merged: 0.5, released: 1 } };
const RAW: DurabilitySettings = { durability: { windowDays: 21, required: false }, phases: { merged: 1, released: 1 } };

/** Rows on both sides of the window, released before and after the clock, with awkward ec_base values. */
function rowsOf(repo: string): EffectiveCodeRow[] {
  const old = commitRow(repo, 'old', '2024-04-01T09:30:00Z');
  const edge = commitRow(repo, 'edge', '2024-05-11T12:00:00Z');
  const young = commitRow(repo, 'young', '2024-05-30T08:00:00Z');
  return [
    effectiveCodeRow(old, 'a.ts', { added_lines: 3 }, { ec_base: 3.2000000000000006, released_at: new Date('2024-04-20T00:00:00Z') }),
    effectiveCodeRow(old, 'b.ts', { added_lines: 1 }, { ec_base: 1 / 3, released_at: null }),
    effectiveCodeRow(edge, 'c.ts', { added_lines: 2 }, { ec_base: 1e-7, released_at: new Date('2024-06-02T00:00:00Z') }),
    effectiveCodeRow(young, 'd.ts', { added_lines: 5 }, { ec_base: 7.25, released_at: new Date('2024-05-31T00:00:00Z') }),
  ];
}

const DERIVED_COLUMNS = ['durable_at', 'durability', 'ec_merged', 'ec_durable', 'ec_released'] as const;

describe.each(backends)('durability computed as rows are written, on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
  });
  afterAll(async () => {
    await warehouse?.close();
  });
  beforeEach(async () => {
    await sql`TRUNCATE core.effective_code`.execute(warehouse.db);
  });

  /** Durability columns as text (so numeric scale counts too) and each row's xmin, by file. */
  async function stored(repo: string): Promise<Map<string, Record<string, string | null>>> {
    const result = await sql<Record<string, string | null>>`
      SELECT file_path, xmin::text AS xmin, durable_at::text AS durable_at, durability,
             ec_merged::text AS ec_merged, ec_durable::text AS ec_durable, ec_released::text AS ec_released
        FROM core.effective_code WHERE repo_id = ${`git:${repo}`} ORDER BY file_path`.execute(warehouse.db);
    return new Map(result.rows.map((row) => [row.file_path!, row]));
  }

  const insertWithDurability = (rows: EffectiveCodeRow[], settings: DurabilitySettings) =>
    bulkInsert(warehouse.db, 'core.effective_code', rows, {
      conflict: 'update',
      key: ['commit_id', 'file_path'],
      derived: durabilityColumnsSql({ mergedAt: 'u.merged_at', ecBase: 'u.ec_base', churnedEc: '0', releasedAt: 'u.released_at' }, settings, NOW),
    });

  it.each([
    ['default', DEFAULT],
    ['raw', RAW],
  ] as const)('writes exactly what the refresh computes (%s preset), so the refresh rewrites nothing', async (_name, settings) => {
    await insertWithDurability(rowsOf('derived'), settings);
    await bulkInsert(warehouse.db, 'core.effective_code', rowsOf('refreshed'), { conflict: 'update', key: ['commit_id', 'file_path'] });
    await refreshDurability(warehouse.db, 'git:refreshed', settings, NOW);
    const before = await stored('derived');
    await refreshDurability(warehouse.db, 'git:derived', settings, NOW);
    const after = await stored('derived');
    const refreshed = await stored('refreshed');

    expect(after).toEqual(before); // xmin included: no row was rewritten
    for (const [file, row] of after) {
      for (const column of DERIVED_COLUMNS) expect(row[column], `${file} ${column}`).toBe(refreshed.get(file)![column]);
    }
    if (settings === DEFAULT) {
      expect([...after.values()].map((row) => row.durability)).toEqual(['durable', 'durable', 'durable', 'pending']);
      // Released after the clock: durable but not yet released effective code.
      expect(Number(after.get('c.ts')!.ec_released)).toBe(0);
      expect(Number(after.get('a.ts')!.ec_durable)).toBeCloseTo(1.6, 12);
    }
  });

  it('rewrites only the rows whose churn changed what they keep', async () => {
    await insertWithDurability(rowsOf('churned'), DEFAULT);
    const before = await stored('churned');
    await sql`UPDATE core.effective_code SET churned_lines = 1, churned_ec = 1.2 WHERE repo_id = 'git:churned' AND file_path = 'a.ts'`.execute(
      warehouse.db,
    );
    const touched = (await stored('churned')).get('a.ts')!.xmin;
    await refreshDurability(warehouse.db, 'git:churned', DEFAULT, NOW);
    const after = await stored('churned');

    expect(after.get('a.ts')!.xmin).not.toBe(touched);
    expect(Number(after.get('a.ts')!.ec_durable)).toBeCloseTo((3.2000000000000006 - 1.2) * 0.5, 12);
    for (const file of ['b.ts', 'c.ts', 'd.ts']) expect(after.get(file)).toEqual(before.get(file));
  });

  it('refuses settings it cannot write as SQL literals', () => {
    const columns = { mergedAt: 'm', ecBase: 'e', churnedEc: '0', releasedAt: 'r' };
    expect(() => durabilityColumnsSql(columns, { ...DEFAULT, durability: { windowDays: 21.5, required: true } }, NOW)).toThrow(/whole number of days/);
    expect(() => durabilityColumnsSql(columns, { ...DEFAULT, phases: { merged: Number.NaN, released: 1 } }, NOW)).toThrow(/finite/);
  });

  it('recomputes the columns when a stored row is written again', async () => {
    await insertWithDurability(rowsOf('again'), DEFAULT);
    const [first] = rowsOf('again');
    await insertWithDurability([{ ...first!, ec_base: 10, ec_merged: 99 }], DEFAULT);
    const row = (await stored('again')).get('a.ts')!;
    expect(Number(row.ec_merged)).toBe(5); // the row's own ec_merged is ignored for the derived one
    expect(Number(row.ec_durable)).toBe(5);
    expect(Number(row.ec_released)).toBe(10);
  });
});
