/**
 * Measures bulkInsert throughput (rows per second) on every test backend. A script, not a test:
 *
 *     npx tsx test/warehouse/bulk-insert-throughput.ts [rows]
 *
 * Writes `rows` core.effective_code rows (the widest hot-path table) and as many core.commits
 * rows, first as fresh inserts and then again as conflicting upserts.
 */
import { bulkInsert } from '../../pipeline/warehouse/bulk-insert.js';
import type { CommitRow, EffectiveCodeRow } from '../../pipeline/warehouse/database.js';
import { backends } from '../helpers/warehouses.js';
import { commitRow, effectiveCodeRow } from './fixtures.js';

const rowCount = Number(process.argv[2] ?? 100_000);

function makeRows(count: number): { commits: CommitRow[]; effective: EffectiveCodeRow[] } {
  const commits: CommitRow[] = [];
  const effective: EffectiveCodeRow[] = [];
  const start = Date.UTC(2024, 0, 1);
  for (let i = 0; i < count; i++) {
    const sha = i.toString(16).padStart(40, '0');
    const commit = commitRow('bench', sha, new Date(start + i * 60_000).toISOString(), {
      fp_index: i,
      parent_shas: i === 0 ? [] : [(i - 1).toString(16).padStart(40, '0')],
      message: `feat: change number ${i}\n\nwith a body`,
      work_type: 'feat',
      work_type_weight: 1,
      lines_added: 12,
      lines_deleted: 3,
    });
    commits.push(commit);
    effective.push(
      effectiveCodeRow(commit, `src/module-${i % 500}/file-${i}.ts`, { added_lines: 10, deleted_lines: 3, moved_lines: 2 }, {
        op_weighted: 13,
        worktype_weighted: 13,
        bulk_weighted: 13,
        ec_base: 15.25,
        complexity_avg: 1.17,
        ec_merged: 7.625,
      }),
    );
  }
  return { commits, effective };
}

async function measure(label: string, rows: number, work: () => Promise<unknown>): Promise<void> {
  const started = process.hrtime.bigint();
  await work();
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  console.log(`${label.padEnd(44)} ${String(rows).padStart(8)} rows  ${seconds.toFixed(2).padStart(6)} s  ${Math.round(rows / seconds).toLocaleString('en-US').padStart(9)} rows/s`);
}

const { commits, effective } = makeRows(rowCount);
for (const backend of backends) {
  const warehouse = await backend.open();
  try {
    const { db } = warehouse;
    await measure(`${backend.name}: insert core.commits`, rowCount, () => bulkInsert(db, 'core.commits', commits, { conflict: 'ignore', key: ['commit_id'] }));
    await measure(`${backend.name}: insert core.effective_code`, rowCount, () =>
      bulkInsert(db, 'core.effective_code', effective, { conflict: 'ignore', key: ['commit_id', 'file_path'] }),
    );
    await measure(`${backend.name}: upsert core.effective_code (all conflict)`, rowCount, () =>
      bulkInsert(db, 'core.effective_code', effective, { conflict: 'update', key: ['commit_id', 'file_path'] }),
    );
  } finally {
    await warehouse.close();
  }
}
