import type { Kysely } from 'kysely';
import { bulkInsert } from '../../pipeline/warehouse/bulk-insert.js';
import { DEFAULT_CALENDAR_SETTINGS, refreshCalendar } from '../../pipeline/warehouse/calendar.js';
import type { Database } from '../../pipeline/warehouse/database.js';
import { commitRow, effectiveCodeRow, repoRow } from './fixtures.js';

/*
 * A small history the metric views are checked against (UTC calendar, Monday weeks):
 *
 *   web  c1  Tue 2024-01-02  human        src/a.ts (backend)  +10 -2, 3 comment lines; web/b.tsx (frontend) +5
 *        c2  Wed 2024-01-03  ai_assisted  src/a.ts (backend)  4 updated, 4 update-pair, 6 moved   (pending)
 *        c3  Wed 2024-01-24  human        src/c.ts (backend)  +7                                  (pending)
 *        c5  Thu 2024-01-25  human        no files (empty commit)
 *   api  c4  Wed 2024-01-10  bot          config.yml (no stack) 20 bot lines
 *
 * So web has data in the weeks of 01-01 and 01-22 and must show 01-08 and 01-15 as zeros.
 */
export const c1 = commitRow('web', 'c1', '2024-01-02T10:00:00Z', { fp_index: 0, lines_added: 18, lines_deleted: 2 });
export const c2 = commitRow('web', 'c2', '2024-01-03T10:00:00Z', { fp_index: 1, ai_class: 'ai_assisted', lines_added: 7, lines_deleted: 7 });
export const c3 = commitRow('web', 'c3', '2024-01-24T10:00:00Z', { fp_index: 2, lines_added: 7 });
export const c5 = commitRow('web', 'c5', '2024-01-25T10:00:00Z', { fp_index: 3 });
export const c4 = commitRow('api', 'c4', '2024-01-10T10:00:00Z', { fp_index: 0, ai_class: 'bot', gate_reason: 'bot', lines_added: 20 });

/** Loads the fixture above and a calendar covering January and February 2024. */
export async function loadViewFixture(db: Kysely<Database>): Promise<void> {
  await refreshCalendar(db, DEFAULT_CALENDAR_SETTINGS, { from: new Date('2024-01-01'), to: new Date('2024-02-29') });
  await bulkInsert(db, 'core.repos', [repoRow('web'), repoRow('api')], { conflict: 'update', key: ['repo_id'] });
  await bulkInsert(db, 'core.commits', [c1, c2, c3, c4, c5], { conflict: 'update', key: ['commit_id'] });
  const durable = { durability: 'durable', durable_at: '2024-01-23T10:00:00Z' } as const;
  await bulkInsert(
    db,
    'core.effective_code',
    [
      effectiveCodeRow(c1, 'src/a.ts', { added_lines: 10, deleted_lines: 2, comment_lines: 3 }, {
        ...durable,
        op_weighted: 12,
        worktype_weighted: 12,
        bulk_weighted: 12,
        ec_base: 14,
        complexity_avg: 1.1667,
        churned_lines: 1,
        churned_ec: 1.5,
        ec_merged: 7,
        ec_durable: 14,
        ec_released: 14,
      }),
      effectiveCodeRow(c1, 'web/b.tsx', { added_lines: 5 }, {
        ...durable,
        stack: 'frontend',
        op_weighted: 5,
        worktype_weighted: 5,
        bulk_weighted: 5,
        ec_base: 5,
        ec_merged: 2.5,
        ec_durable: 5,
      }),
      effectiveCodeRow(c2, 'src/a.ts', { updated_lines: 4, update_pair_lines: 4, moved_lines: 6 }, {
        author_class: 'ai_assisted',
        lines_added: 7,
        lines_deleted: 7,
        op_weighted: 4,
        worktype_weighted: 4,
        bulk_weighted: 4,
        ec_base: 4,
        ec_merged: 2,
      }),
      effectiveCodeRow(c3, 'src/c.ts', { added_lines: 7 }, { op_weighted: 7, worktype_weighted: 7, bulk_weighted: 7, ec_base: 7, ec_merged: 3.5 }),
      effectiveCodeRow(c4, 'config.yml', { bot_lines: 20 }, { stack: null, kind: 'config', author_class: 'bot' }),
    ],
    { conflict: 'update', key: ['commit_id', 'file_path'] },
  );
}
