import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMN_TYPES } from '../../pipeline/warehouse/column-types.js';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';
import { backends } from '../helpers/warehouses.js';

const TEAM_VIEW_COLUMNS = [
  'repo_id', 'repo_name', 'team_id', 'team_name', 'parent_team_id', 'week_start', 'fiscal_year', 'commits', 'lines_added', 'lines_deleted',
  'ec_merged', 'ec_durable', 'ec_released',
  'human_ec_merged', 'human_ec_durable', 'human_ec_released',
  'ai_assisted_ec_merged', 'ai_assisted_ec_durable', 'ai_assisted_ec_released',
  'ai_agent_ec_merged', 'ai_agent_ec_durable', 'ai_agent_ec_released',
  'bot_ec_merged', 'bot_ec_durable', 'bot_ec_released',
  'unknown_ec_merged', 'unknown_ec_durable', 'unknown_ec_released',
  'non_member_ec_merged', 'members', 'team_fte', 'active_humans', 'active_human_share', 'fte_basis', 'fte',
  'ec_merged_per_fte', 'ec_durable_per_fte', 'ec_released_per_fte',
];

describe.each(backends)('people and teams schema on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  const columnsOf = async (schema: string, table: string) => {
    const result = await sql<{ column_name: string; comment: string | null; data_type: string }>`
      SELECT c.column_name, c.data_type, col_description((c.table_schema || '.' || c.table_name)::regclass, c.ordinal_position) AS comment
        FROM information_schema.columns c
       WHERE c.table_schema = ${schema} AND c.table_name = ${table}
       ORDER BY c.ordinal_position`.execute(warehouse.db);
    return result.rows;
  };

  it('gives metrics.team_effective_code_weekly the contracted columns, each with a comment', async () => {
    const columns = await columnsOf('metrics', 'team_effective_code_weekly');
    expect(columns.map((column) => column.column_name)).toEqual(TEAM_VIEW_COLUMNS);
    expect(columns.filter((column) => !column.comment).map((column) => column.column_name)).toEqual([]);
    const view = await sql<{ comment: string | null }>`SELECT obj_description('metrics.team_effective_code_weekly'::regclass, 'pg_class') AS comment`.execute(warehouse.db);
    expect(view.rows[0]!.comment).toMatch(/split by FTE share/);
  });

  it('has the identity-conflict and ownership columns the bulk writer declares, each with a comment', async () => {
    for (const table of ['identity_conflicts', 'team_ownership'] as const) {
      const columns = await columnsOf('core', table);
      expect(columns.map((column) => column.column_name)).toEqual(Object.keys(COLUMN_TYPES[`core.${table}`]));
      expect(columns.every((column) => column.data_type === 'text')).toBe(true);
      expect(columns.filter((column) => !column.comment).map((column) => column.column_name)).toEqual([]);
    }
  });
});
