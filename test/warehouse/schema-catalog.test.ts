import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_TYPES, type ColumnSqlType } from '../../pipeline/warehouse/column-types.js';
import { BUCKET_COLUMNS } from '../../pipeline/warehouse/database.js';
import type { Warehouse } from '../../pipeline/warehouse/warehouse.js';
import { backends } from '../helpers/warehouses.js';

/** information_schema's names for the types bulk writes use. */
function columnSqlType(dataType: string, udtName: string): ColumnSqlType | string {
  const names: Record<string, ColumnSqlType> = {
    text: 'text',
    integer: 'int',
    bigint: 'bigint',
    numeric: 'numeric',
    boolean: 'boolean',
    'timestamp with time zone': 'timestamptz',
    date: 'date',
    jsonb: 'jsonb',
  };
  if (dataType === 'ARRAY') return udtName === '_text' ? 'text[]' : `array of ${udtName}`;
  return names[dataType] ?? dataType;
}

describe.each(backends)('warehouse catalog on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  it('has exactly the columns and types the bulk-insert column map declares', async () => {
    const result = await sql<{ table_name: string; column_name: string; data_type: string; udt_name: string }>`
      SELECT c.table_schema || '.' || c.table_name AS table_name, c.column_name, c.data_type, c.udt_name
      FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema IN ('raw', 'core') AND t.table_type = 'BASE TABLE'
      ORDER BY 1, c.ordinal_position`.execute(warehouse.db);
    const catalog: Record<string, Record<string, string>> = {};
    for (const row of result.rows) {
      (catalog[row.table_name] ??= {})[row.column_name] = columnSqlType(row.data_type, row.udt_name);
    }
    const declared = JSON.parse(JSON.stringify(COLUMN_TYPES)) as Record<string, Record<string, string>>;
    expect(catalog).toEqual(declared);
    // Same column order too, so the map reads like the DDL.
    for (const [table, columns] of Object.entries(catalog)) expect(Object.keys(columns)).toEqual(Object.keys(declared[table]!));
  });

  it('has a comment on every table, view and column analysts see', async () => {
    const missing = await sql<{ item: string }>`
      SELECT n.nspname || '.' || c.relname AS item
      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname IN ('raw', 'core', 'metrics') AND c.relkind IN ('r', 'v', 'm')
        AND obj_description(c.oid, 'pg_class') IS NULL
      UNION ALL
      SELECT n.nspname || '.' || c.relname || '.' || a.attname
      FROM pg_class c
      JOIN pg_namespace n ON n.oid = c.relnamespace
      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
      WHERE n.nspname IN ('raw', 'core', 'metrics') AND c.relkind IN ('r', 'v', 'm')
        AND col_description(c.oid, a.attnum) IS NULL
      ORDER BY 1`.execute(warehouse.db);
    expect(missing.rows.map((row) => row.item)).toEqual([]);
  });

  it('gives metrics.effective_code_weekly exactly the contracted columns, in order', async () => {
    const result = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'metrics' AND table_name = 'effective_code_weekly' ORDER BY ordinal_position`.execute(warehouse.db);
    expect(result.rows.map((row) => row.column_name)).toEqual([
      'repo_id', 'repo_name', 'stack', 'week_start', 'fiscal_year', 'commits', 'files', 'lines_added', 'lines_deleted',
      ...BUCKET_COLUMNS,
      'bulk_damped_lines', 'op_weighted', 'worktype_weighted', 'bulk_weighted', 'ec_base', 'churned_lines', 'churned_ec',
      'ec_merged', 'ec_durable', 'ec_released', 'ec_pending', 'durable_rows', 'pending_rows',
    ]);
  });

  it('gives metrics.ai_share_weekly exactly the contracted columns, in order', async () => {
    const result = await sql<{ column_name: string }>`
      SELECT column_name FROM information_schema.columns
      WHERE table_schema = 'metrics' AND table_name = 'ai_share_weekly' ORDER BY ordinal_position`.execute(warehouse.db);
    expect(result.rows.map((row) => row.column_name)).toEqual([
      'repo_id', 'repo_name', 'week_start', 'ai_class', 'commits', 'lines_added', 'lines_deleted', 'ec_merged', 'ec_durable',
      'churned_lines', 'commit_share', 'ec_merged_share',
    ]);
  });
});
