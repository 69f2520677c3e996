import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkInsert } from '../../pipeline/warehouse/bulk-insert.js';
import { refreshCalendar } from '../../pipeline/warehouse/calendar.js';
import { BUCKET_COLUMNS, type Database } from '../../pipeline/warehouse/database.js';
import type { Warehouse } from '../../pipeline/warehouse/warehouse.js';
import { backends } from '../helpers/warehouses.js';
import { commitRow, effectiveCodeRow, repoRow } from './fixtures.js';
import { loadViewFixture } from './view-fixture.js';

type WeeklyRow = Database['metrics.effective_code_weekly'];

/** A weekly row of all zeros, with the given identity. */
function zeroWeek(identity: Pick<WeeklyRow, 'repo_id' | 'repo_name' | 'stack' | 'week_start' | 'fiscal_year'>): WeeklyRow {
  const zeros = Object.fromEntries(BUCKET_COLUMNS.map((column) => [column, 0])) as Record<(typeof BUCKET_COLUMNS)[number], number>;
  return {
    ...identity,
    commits: 0,
    files: 0,
    lines_added: 0,
    lines_deleted: 0,
    ...zeros,
    bulk_damped_lines: 0,
    op_weighted: 0,
    worktype_weighted: 0,
    bulk_weighted: 0,
    ec_base: 0,
    churned_lines: 0,
    churned_ec: 0,
    ec_merged: 0,
    ec_durable: 0,
    ec_released: 0,
    ec_pending: 0,
    durable_rows: 0,
    pending_rows: 0,
  };
}

const web = { repo_id: 'git:web', repo_name: 'web', fiscal_year: 2024 };

describe.each(backends)('metric views on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
    await loadViewFixture(warehouse.db);
  });
  afterAll(async () => {
    await warehouse?.close();
  });

  it('sums effective code per repo, stack and week, zero-filling the weeks between', async () => {
    const rows = await warehouse.db
      .selectFrom('metrics.effective_code_weekly')
      .selectAll()
      .orderBy('repo_id')
      .orderBy('stack')
      .orderBy('week_start')
      .execute();
    expect(rows).toEqual([
      {
        ...zeroWeek({ repo_id: 'git:api', repo_name: 'api', stack: 'other', week_start: '2024-01-08', fiscal_year: 2024 }),
        commits: 1,
        files: 1,
        lines_added: 20,
        bot_lines: 20,
        pending_rows: 1,
      },
      {
        ...zeroWeek({ ...web, stack: 'backend', week_start: '2024-01-01' }),
        commits: 2,
        files: 1,
        lines_added: 20,
        lines_deleted: 9,
        comment_lines: 3,
        added_lines: 10,
        deleted_lines: 2,
        updated_lines: 4,
        update_pair_lines: 4,
        moved_lines: 6,
        op_weighted: 16,
        worktype_weighted: 16,
        bulk_weighted: 16,
        ec_base: 18,
        churned_lines: 1,
        churned_ec: 1.5,
        ec_merged: 9,
        ec_durable: 14,
        ec_released: 14,
        ec_pending: 4,
        durable_rows: 1,
        pending_rows: 1,
      },
      zeroWeek({ ...web, stack: 'backend', week_start: '2024-01-08' }),
      zeroWeek({ ...web, stack: 'backend', week_start: '2024-01-15' }),
      {
        ...zeroWeek({ ...web, stack: 'backend', week_start: '2024-01-22' }),
        commits: 1,
        files: 1,
        lines_added: 7,
        added_lines: 7,
        op_weighted: 7,
        worktype_weighted: 7,
        bulk_weighted: 7,
        ec_base: 7,
        ec_merged: 3.5,
        ec_pending: 7,
        pending_rows: 1,
      },
      {
        ...zeroWeek({ ...web, stack: 'frontend', week_start: '2024-01-01' }),
        commits: 1,
        files: 1,
        lines_added: 5,
        added_lines: 5,
        op_weighted: 5,
        worktype_weighted: 5,
        bulk_weighted: 5,
        ec_base: 5,
        ec_merged: 2.5,
        ec_durable: 5,
        durable_rows: 1,
      },
      zeroWeek({ ...web, stack: 'frontend', week_start: '2024-01-08' }),
      zeroWeek({ ...web, stack: 'frontend', week_start: '2024-01-15' }),
      zeroWeek({ ...web, stack: 'frontend', week_start: '2024-01-22' }),
    ]);
  });

  it('splits each repo-week by AI class with commit and effective-code shares', async () => {
    const rows = await warehouse.db
      .selectFrom('metrics.ai_share_weekly')
      .selectAll()
      .orderBy('repo_id')
      .orderBy('week_start')
      .orderBy('ai_class')
      .execute();
    expect(rows).toEqual([
      {
        repo_id: 'git:api', repo_name: 'api', week_start: '2024-01-08', ai_class: 'bot', commits: 1, lines_added: 20, lines_deleted: 0,
        ec_merged: 0, ec_durable: 0, churned_lines: 0, commit_share: 1, ec_merged_share: null,
      },
      {
        repo_id: 'git:web', repo_name: 'web', week_start: '2024-01-01', ai_class: 'ai_assisted', commits: 1, lines_added: 7, lines_deleted: 7,
        ec_merged: 2, ec_durable: 0, churned_lines: 0, commit_share: 0.5, ec_merged_share: expect.closeTo(2 / 11.5, 12),
      },
      {
        repo_id: 'git:web', repo_name: 'web', week_start: '2024-01-01', ai_class: 'human', commits: 1, lines_added: 18, lines_deleted: 2,
        ec_merged: 9.5, ec_durable: 19, churned_lines: 1, commit_share: 0.5, ec_merged_share: expect.closeTo(9.5 / 11.5, 12),
      },
      {
        repo_id: 'git:web', repo_name: 'web', week_start: '2024-01-22', ai_class: 'human', commits: 2, lines_added: 7, lines_deleted: 0,
        ec_merged: 3.5, ec_durable: 0, churned_lines: 0, commit_share: 1, ec_merged_share: 1,
      },
    ]);
  });

  it('totals each commit over its files, including commits without files', async () => {
    const rows = await warehouse.db
      .selectFrom('metrics.effective_code_by_commit')
      .select(['commit_id', 'week_start', 'ai_class', 'gate_reason', 'files', 'lines_added', 'lines_deleted', 'comment_lines', 'ec_base', 'ec_merged', 'ec_pending', 'durable_rows'])
      .orderBy('commit_id')
      .execute();
    expect(rows).toEqual([
      { commit_id: 'git:api@c4', week_start: '2024-01-08', ai_class: 'bot', gate_reason: 'bot', files: 1, lines_added: 20, lines_deleted: 0, comment_lines: 0, ec_base: 0, ec_merged: 0, ec_pending: 0, durable_rows: 0 },
      { commit_id: 'git:web@c1', week_start: '2024-01-01', ai_class: 'human', gate_reason: null, files: 2, lines_added: 18, lines_deleted: 2, comment_lines: 3, ec_base: 19, ec_merged: 9.5, ec_pending: 0, durable_rows: 2 },
      { commit_id: 'git:web@c2', week_start: '2024-01-01', ai_class: 'ai_assisted', gate_reason: null, files: 1, lines_added: 7, lines_deleted: 7, comment_lines: 0, ec_base: 4, ec_merged: 2, ec_pending: 4, durable_rows: 0 },
      { commit_id: 'git:web@c3', week_start: '2024-01-22', ai_class: 'human', gate_reason: null, files: 1, lines_added: 7, lines_deleted: 0, comment_lines: 0, ec_base: 7, ec_merged: 3.5, ec_pending: 7, durable_rows: 0 },
      { commit_id: 'git:web@c5', week_start: '2024-01-22', ai_class: 'human', gate_reason: null, files: 0, lines_added: 0, lines_deleted: 0, comment_lines: 0, ec_base: 0, ec_merged: 0, ec_pending: 0, durable_rows: 0 },
    ]);
  });

  it('places merges in the week of their local date in the organisation time zone', async () => {
    // Sunday 20:00 UTC is already Monday 05:00 in Tokyo.
    const late = commitRow('late', 'l1', '2024-01-07T20:00:00Z');
    await bulkInsert(warehouse.db, 'core.repos', [repoRow('late')], { conflict: 'ignore', key: ['repo_id'] });
    await bulkInsert(warehouse.db, 'core.commits', [late], { conflict: 'ignore', key: ['commit_id'] });
    await bulkInsert(warehouse.db, 'core.effective_code', [effectiveCodeRow(late, 'a.ts', { added_lines: 1 })], {
      conflict: 'ignore',
      key: ['commit_id', 'file_path'],
    });
    const weekOfLate = async () =>
      (await warehouse.db.selectFrom('metrics.effective_code_weekly').select('week_start').where('repo_id', '=', 'git:late').execute()).map(
        (row) => row.week_start,
      );
    expect(await weekOfLate()).toEqual(['2024-01-01']);
    await refreshCalendar(warehouse.db, { timezone: 'Asia/Tokyo', weekStart: 'monday', fiscalYearStartMonth: 1 }, {
      from: new Date('2024-01-01'),
      to: new Date('2024-02-29'),
    });
    expect(await weekOfLate()).toEqual(['2024-01-08']);
  });
});

describe.runIf(backends.length > 1)('metric views across backends', () => {
  it('return identical rows on every backend for the same data', async () => {
    const outputs: unknown[] = [];
    for (const backend of backends) {
      const warehouse = await backend.open();
      try {
        await loadViewFixture(warehouse.db);
        const weekly = await warehouse.db.selectFrom('metrics.effective_code_weekly').selectAll().orderBy('repo_id').orderBy('stack').orderBy('week_start').execute();
        const aiShare = await warehouse.db.selectFrom('metrics.ai_share_weekly').selectAll().orderBy('repo_id').orderBy('week_start').orderBy('ai_class').execute();
        const byCommit = await warehouse.db.selectFrom('metrics.effective_code_by_commit').selectAll().orderBy('commit_id').execute();
        outputs.push({ weekly, aiShare, byCommit });
      } finally {
        await warehouse.close();
      }
    }
    for (const output of outputs.slice(1)) expect(output).toEqual(outputs[0]);
    expect((outputs[0] as { weekly: unknown[] }).weekly).toHaveLength(9);
  });
});
