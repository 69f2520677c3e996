import { sql } from 'kysely';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bulkInsert } from '../../pipeline/warehouse/bulk-insert.js';
import type { CommitRow } from '../../pipeline/warehouse/database.js';
import type { Warehouse } from '../../pipeline/warehouse/warehouse.js';
import { backends } from '../helpers/warehouses.js';
import { commitRow, effectiveCodeRow } from './fixtures.js';

/** Text that trips naive array-literal encoders: quotes, backslashes, braces, commas, NULL, newlines, unicode. */
const AWKWARD_TEXT = ['say "hi", {x}', 'back\\slash\\', 'NULL', '', '  padded  ', 'line 1\nline 2', 'ünïcødé ✓ 日本'];

describe.each(backends)('bulkInsert on $name', ({ open }) => {
  let warehouse: Warehouse;

  beforeAll(async () => {
    warehouse = await open();
  });
  afterAll(async () => {
    await warehouse?.close();
  });
  beforeEach(async () => {
    await sql`TRUNCATE core.commits, core.effective_code, core.sources, core.people, core.identities`.execute(warehouse.db);
  });

  const readCommits = () => warehouse.db.selectFrom('core.commits').selectAll().orderBy('commit_id').execute();

  it('inserts rows and returns how many it wrote, values intact', async () => {
    const rows: CommitRow[] = AWKWARD_TEXT.map((text, i) =>
      commitRow('web', `sha${i}`, '2024-03-01T10:00:00Z', {
        fp_index: i,
        subject: text,
        message: `${text}\n\nbody`,
        parent_shas: i === 0 ? [] : [`sha${i - 1}`, text],
        is_merge: i % 2 === 1,
        work_type_weight: 0.3 + i,
        merged_at: new Date(Date.UTC(2024, 2, 1, i)),
        ai_evidence: null,
      }),
    );
    const written = await bulkInsert(warehouse.db, 'core.commits', rows, { conflict: 'ignore', key: ['commit_id'] });
    expect(written).toBe(rows.length);

    const stored = await readCommits();
    expect(stored.map((row) => row.subject)).toEqual(AWKWARD_TEXT);
    expect(stored.map((row) => row.parent_shas)).toEqual(rows.map((row) => row.parent_shas));
    expect(stored.map((row) => row.is_merge)).toEqual(rows.map((row) => row.is_merge));
    expect(stored.map((row) => row.work_type_weight)).toEqual(rows.map((row) => row.work_type_weight));
    expect(stored.map((row) => row.merged_at)).toEqual(rows.map((row) => row.merged_at));
    expect(stored[3]!.authored_at).toEqual(new Date('2024-03-01T10:00:00Z'));
    expect(stored.every((row) => row.ai_evidence === null && row.ai_class === 'human')).toBe(true);
  });

  it('stores jsonb given as JSON text or as a value, and NULL array elements', async () => {
    await bulkInsert(
      warehouse.db,
      'core.sources',
      [
        { source_id: 'git:a', kind: 'git', name: 'a', config: JSON.stringify({ path: 'C:\\repo "x"', tags: ['v*'] }) },
        { source_id: 'git:b', kind: 'git', name: 'b', config: ['a', { b: null }] },
      ],
      { conflict: 'ignore', key: ['source_id'] },
    );
    const sources = await warehouse.db.selectFrom('core.sources').select(['source_id', 'config']).orderBy('source_id').execute();
    expect(sources).toEqual([
      { source_id: 'git:a', config: { path: 'C:\\repo "x"', tags: ['v*'] } },
      { source_id: 'git:b', config: ['a', { b: null }] },
    ]);

    await bulkInsert(warehouse.db, 'core.commits', [commitRow('web', 'n', '2024-01-01T00:00:00Z', { parent_shas: ['x', null as unknown as string] })], {
      conflict: 'ignore',
      key: ['commit_id'],
    });
    expect((await readCommits())[0]!.parent_shas).toEqual(['x', null]);
  });

  it('gives a column a row leaves out its default, even when other rows of the batch set it', async () => {
    const written = await bulkInsert(
      warehouse.db,
      'core.sources',
      [
        { source_id: 'git:a', kind: 'git', name: 'a', config: JSON.stringify({ set: true }) },
        { source_id: 'git:b', kind: 'git', name: 'b' },
        { source_id: 'git:c', kind: 'git', name: 'c', config: undefined },
      ],
      { conflict: 'ignore', key: ['source_id'] },
    );
    expect(written).toBe(3);
    const sources = await warehouse.db.selectFrom('core.sources').select(['source_id', 'config']).orderBy('source_id').execute();
    expect(sources.map((row) => row.config)).toEqual([{ set: true }, {}, {}]);

    const { subject: _omitted, ...withoutSubject } = commitRow('web', 'b', '2024-01-01T00:00:00Z');
    await bulkInsert(warehouse.db, 'core.commits', [commitRow('web', 'a', '2024-01-01T00:00:00Z', { ai_evidence: null }), withoutSubject], {
      conflict: 'ignore',
      key: ['commit_id'],
    });
    expect((await readCommits()).map((row) => [row.subject, row.ai_evidence])).toEqual([
      ['change a', null],
      [null, null],
    ]);
  });

  it('gives columns that no row mentions their defaults', async () => {
    await bulkInsert(warehouse.db, 'core.sources', [{ source_id: 'git:d', kind: 'git', name: 'd' }], { conflict: 'ignore', key: ['source_id'] });
    const source = await warehouse.db.selectFrom('core.sources').selectAll().executeTakeFirstOrThrow();
    expect(source.config).toEqual({});
    expect(source.created_at).toBeInstanceOf(Date);
  });

  it('keeps stored rows on conflict "ignore" and counts only new rows', async () => {
    await bulkInsert(warehouse.db, 'core.commits', [commitRow('web', 'a', '2024-01-01T00:00:00Z', { subject: 'first' })], {
      conflict: 'ignore',
      key: ['commit_id'],
    });
    const written = await bulkInsert(
      warehouse.db,
      'core.commits',
      [commitRow('web', 'a', '2024-01-01T00:00:00Z', { subject: 'second' }), commitRow('web', 'b', '2024-01-02T00:00:00Z')],
      { conflict: 'ignore', key: ['commit_id'] },
    );
    expect(written).toBe(1);
    expect((await readCommits()).map((row) => [row.sha, row.subject])).toEqual([
      ['a', 'first'],
      ['b', 'change b'],
    ]);
  });

  it('overwrites the given columns on conflict "update" and leaves the others alone', async () => {
    await bulkInsert(warehouse.db, 'core.commits', [commitRow('web', 'a', '2024-01-01T00:00:00Z', { subject: 'old', message: 'kept' })], {
      conflict: 'update',
      key: ['commit_id'],
    });
    const written = await bulkInsert(
      warehouse.db,
      'core.commits',
      [
        { commit_id: 'git:web@a', repo_id: 'git:web', sha: 'a', subject: 'new', gate_reason: 'bot' },
        { commit_id: 'git:web@b', repo_id: 'git:web', sha: 'b', message: 'fresh' },
      ],
      { conflict: 'update', key: ['commit_id'] },
    );
    expect(written).toBe(2);
    const [a, b] = await readCommits();
    expect([a!.subject, a!.message, a!.gate_reason]).toEqual(['new', 'kept', 'bot']);
    expect([b!.subject, b!.message]).toEqual([null, 'fresh']);
  });

  it('collapses repeated keys within one batch to the last row on "update"', async () => {
    const written = await bulkInsert(
      warehouse.db,
      'core.people',
      [
        { person_id: 'p1', display_name: 'First' },
        { person_id: 'p2', display_name: 'Other' },
        { person_id: 'p1', display_name: 'Last' },
      ],
      { conflict: 'update', key: ['person_id'] },
    );
    expect(written).toBe(2);
    const people = await warehouse.db.selectFrom('core.people').select(['person_id', 'display_name']).orderBy('person_id').execute();
    expect(people).toEqual([
      { person_id: 'p1', display_name: 'Last' },
      { person_id: 'p2', display_name: 'Other' },
    ]);
  });

  it('splits large inputs into chunks and writes them all', async () => {
    const rows = Array.from({ length: 12_345 }, (_, i) => commitRow('web', `s${i}`, '2024-01-01T00:00:00Z', { fp_index: i }));
    expect(await bulkInsert(warehouse.db, 'core.commits', rows, { conflict: 'ignore', key: ['commit_id'] })).toBe(12_345);
    const small = Array.from({ length: 10 }, (_, i) => ({ person_id: `p${i}`, display_name: `P${i}` }));
    expect(await bulkInsert(warehouse.db, 'core.people', small, { conflict: 'update', key: ['person_id'], chunkSize: 3 })).toBe(10);
    const counted = await warehouse.db.selectFrom('core.commits').select((eb) => eb.fn.sum('fp_index').as('total')).executeTakeFirstOrThrow();
    expect(counted.total).toBe((12_344 * 12_345) / 2);
  });

  it('writes effective-code rows and enforces that the buckets add up', async () => {
    const commit = commitRow('web', 'a', '2024-01-01T00:00:00Z');
    const good = effectiveCodeRow(commit, 'src/a.ts', { added_lines: 5, deleted_lines: 2, moved_lines: 1 }, { ec_base: 6.5 });
    expect(await bulkInsert(warehouse.db, 'core.effective_code', [good], { conflict: 'update', key: ['commit_id', 'file_path'] })).toBe(1);
    const bad = { ...good, file_path: 'src/b.ts', moved_lines: 4 };
    await expect(bulkInsert(warehouse.db, 'core.effective_code', [bad], { conflict: 'update', key: ['commit_id', 'file_path'] })).rejects.toThrow(
      /effective_code_buckets_sum_to_changed_lines/,
    );
  });

  it('rejects unknown columns, unknown key columns and views before touching the database', async () => {
    await expect(
      bulkInsert(warehouse.db, 'core.people', [{ person_id: 'p', display_name: 'P', nickname: 'x' }], { conflict: 'ignore', key: ['person_id'] }),
    ).rejects.toThrow('bulkInsert into core.people: unknown column "nickname"');
    await expect(bulkInsert(warehouse.db, 'core.people', [{ person_id: 'p', display_name: 'P' }], { conflict: 'ignore', key: ['id'] })).rejects.toThrow(
      /key column "id"/,
    );
    await expect(bulkInsert(warehouse.db, 'metrics.ai_share_weekly', [{ repo_id: 'x' }], { conflict: 'ignore', key: ['repo_id'] })).rejects.toThrow(
      /not a table/,
    );
    await expect(bulkInsert(warehouse.db, 'core.people', [{ person_id: undefined }], { conflict: 'ignore', key: ['person_id'] })).rejects.toThrow(
      /a row has no values/,
    );
    expect(await bulkInsert(warehouse.db, 'core.people', [], { conflict: 'ignore', key: ['person_id'] })).toBe(0);
    await expect(
      bulkInsert(warehouse.db, 'core.people', [{ person_id: 'p' }], { conflict: 'ignore', key: ['person_id'], derived: { nickname: "'x'" } }),
    ).rejects.toThrow(/derived column "nickname"/);
  });

  it('computes derived columns on the server from the written values, on insert and on update', async () => {
    const derived = { display_name: "'Person ' || upper(u.person_id)" };
    await bulkInsert(warehouse.db, 'core.people', [{ person_id: 'p1', display_name: 'ignored' }, { person_id: 'p2' }], {
      conflict: 'update',
      key: ['person_id'],
      derived,
    });
    await bulkInsert(warehouse.db, 'core.people', [{ person_id: 'p2', display_name: 'ignored too' }], {
      conflict: 'update',
      key: ['person_id'],
      derived: { display_name: "'Again ' || u.person_id" },
    });
    const people = await warehouse.db.selectFrom('core.people').select(['person_id', 'display_name']).orderBy('person_id').execute();
    expect(people).toEqual([
      { person_id: 'p1', display_name: 'Person P1' },
      { person_id: 'p2', display_name: 'Again p2' },
    ]);
  });

  it('runs inside a transaction and is rolled back with it', async () => {
    await expect(
      warehouse.db.transaction().execute(async (trx) => {
        await bulkInsert(trx, 'core.people', [{ person_id: 'p9', display_name: 'Nine' }], { conflict: 'ignore', key: ['person_id'] });
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    expect(await warehouse.db.selectFrom('core.people').selectAll().execute()).toEqual([]);
  });
});
