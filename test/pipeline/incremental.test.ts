import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createTestRepo, runTestGit, makeTempDir, type TestRepo } from '../helpers/git-repo.js';
import { analyse, commitTotals } from '../helpers/analyse.js';
import { backends } from '../helpers/warehouses.js';
import type { Warehouse } from '../../pipeline/warehouse/open-warehouse.js';

function lines(count: number, tag: string): string {
  return Array.from({ length: count }, (_, i) => `  const ${tag}${i} = combineValues(input.first${i}, input.second${i}, ${i});`).join('\n');
}

/** A small history exercising most rules: edits, a move, a rename, a revert, a bot, churn, a tag. */
async function buildHistory(repo: TestRepo, commits: number, offset = 0): Promise<void> {
  for (let i = offset; i < offset + commits; i++) {
    const file = `src/module${i % 4}.ts`;
    await repo.write(file, `export function module${i % 4}(input: Input): number {\n${lines(3 + (i % 5), `v${i}x`)}\n  return 0;\n}\n`);
    if (i % 7 === 3) await repo.write(`docs/note${i}.md`, `# Note ${i}\n\nSome prose about step ${i}.\n`);
    await repo.commit(i % 6 === 5 ? `fix: step ${i}` : `feat: step ${i}`);
    if (i % 9 === 4) await repo.tag(`v0.${i}.0`);
  }
}

/** Every metric-bearing column of the warehouse, ordered, for whole-warehouse comparisons. */
async function snapshot(warehouse: Warehouse): Promise<unknown[]> {
  const result = await sql<Record<string, unknown>>`
    SELECT c.sha, c.fp_index, c.work_type, c.ai_class, c.gate_reason, c.released_at, e.file_path, e.kind, e.stack,
           e.lines_added, e.lines_deleted, e.added_lines, e.deleted_lines, e.updated_lines, e.moved_lines, e.copy_paste_lines,
           e.noop_lines, e.trivial_lines, e.docs_lines, round(e.ec_base::numeric, 6) AS ec_base, e.churned_lines,
           round(e.churned_ec::numeric, 6) AS churned_ec, round(e.ec_durable::numeric, 6) AS ec_durable,
           round(e.ec_released::numeric, 6) AS ec_released, e.durability
      FROM core.commits c JOIN core.effective_code e ON e.commit_id = c.commit_id
     ORDER BY c.fp_index, e.file_path`.execute(warehouse.db);
  return result.rows.map((row) => ({ ...row, released_at: row.released_at ? new Date(row.released_at as string).toISOString() : null }));
}

const now = new Date('2024-02-15T00:00:00Z');

describe.each(backends)('incremental analysis on $name', ({ open }) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('analyses only new commits on a second run and matches a full run exactly', async () => {
    const repo = await createTestRepo();
    cleanups.push(() => repo.cleanup());
    await buildHistory(repo, 12);
    const incremental = await open();
    cleanups.push(() => incremental.close());
    const first = await analyse(incremental, [repo.path], { now });
    expect(first.commits).toBe(12);
    const again = await analyse(incremental, [repo.path], { now });
    expect(again.commits).toBe(0);
    expect(again.repositories[0]!.mode).toBe('up-to-date');
    await buildHistory(repo, 8, 12);
    const second = await analyse(incremental, [repo.path], { now });
    expect(second.commits).toBe(8);
    expect(second.repositories[0]!.mode).toBe('incremental');

    const full = await open();
    cleanups.push(() => full.close());
    await analyse(full, [repo.path], { now });
    expect(await snapshot(incremental)).toEqual(await snapshot(full));
  });

  it('on runs with nothing new, refreshes only what the clock or the tags changed, as a full refresh would', async () => {
    const repo = await createTestRepo();
    cleanups.push(() => repo.cleanup());
    // Commits from 2024-01-01, one an hour; the durability window is 21 days.
    await buildHistory(repo, 12);
    const warehouse = await open();
    cleanups.push(() => warehouse.close());
    const phases = async (target: Warehouse) =>
      (await sql<{ durability: string; n: number }>`
        SELECT durability, count(*)::int AS n FROM core.effective_code GROUP BY durability ORDER BY durability`.execute(target.db)).rows;
    const refreshedAt = async () =>
      (await sql<{ at: Date }>`SELECT cursor_time AS at FROM core.sync_state WHERE stream = 'refresh'`.execute(warehouse.db)).rows.map((row) => new Date(row.at).toISOString());
    const early = new Date('2024-01-10T00:00:00Z');
    await analyse(warehouse, [repo.path], { now: early });
    expect(await phases(warehouse)).toEqual([{ durability: 'pending', n: expect.any(Number) }]);
    expect(await refreshedAt()).toEqual([early.toISOString()]);

    // Still inside every window: nothing changes, and the mark moves on.
    const later = new Date('2024-01-12T00:00:00Z');
    expect((await analyse(warehouse, [repo.path], { now: later })).repositories[0]!.mode).toBe('up-to-date');
    expect(await phases(warehouse)).toEqual([{ durability: 'pending', n: expect.any(Number) }]);
    expect(await refreshedAt()).toEqual([later.toISOString()]);

    // The clock passes the window of every row; then a new tag on an old commit releases them.
    const reference = async (at: Date) => {
      const fresh = await open();
      try {
        await analyse(fresh, [repo.path], { now: at });
        return await snapshot(fresh);
      } finally {
        await fresh.close();
      }
    };
    const durableAt = new Date('2024-02-15T00:00:00Z');
    await analyse(warehouse, [repo.path], { now: durableAt });
    expect((await phases(warehouse)).map((row) => row.durability)).toEqual(['durable']);
    expect(await snapshot(warehouse)).toEqual(await reference(durableAt));
    await repo.git('tag', 'late-release', (await repo.git('rev-list', '--max-parents=0', 'HEAD')).trim());
    await analyse(warehouse, [repo.path], { now: durableAt });
    expect(await snapshot(warehouse)).toEqual(await reference(durableAt));
  });

  it('re-analyses from the common ancestor after a force push', async () => {
    const repo = await createTestRepo();
    cleanups.push(() => repo.cleanup());
    await buildHistory(repo, 6);
    const base = await repo.head();
    await buildHistory(repo, 4, 6);
    const warehouse = await open();
    cleanups.push(() => warehouse.close());
    await analyse(warehouse, [repo.path], { now });
    await repo.git('reset', '--hard', base);
    await buildHistory(repo, 3, 100);
    const result = await analyse(warehouse, [repo.path], { now });
    expect(result.repositories[0]!.mode).toBe('rewritten');
    expect(result.commits).toBe(3);
    const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM core.commits`.execute(warehouse.db);
    expect(count.rows[0]!.n).toBe(9);
    const fresh = await open();
    cleanups.push(() => fresh.close());
    await analyse(fresh, [repo.path], { now });
    expect(await snapshot(warehouse)).toEqual(await snapshot(fresh));
  });
});

describe('repositories with awkward content', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('survives non-UTF-8 paths and content, submodules, empty commits and merges', async () => {
    const repo = await createTestRepo();
    cleanups.push(() => repo.cleanup());
    await repo.write('src/app.ts', `export const a = computeSomething(1, 2, 3);\n`);
    await repo.commit('feat: start');
    await repo.write(Buffer.from('src/caf\xe9.ts', 'latin1'), Buffer.from('export const caf\xe9 = "na\xefve value here";\n', 'latin1'));
    const latin = await repo.commit('feat: latin-1 file');
    await repo.commit('chore: nothing', { allowEmpty: true });
    const sub = await createTestRepo();
    cleanups.push(() => sub.cleanup());
    await sub.write('README.md', '# sub\n');
    await sub.commit('init');
    await repo.git('-c', 'protocol.file.allow=always', 'submodule', 'add', '-q', sub.path, 'libs/sub');
    await repo.commit('build: add submodule');
    await repo.branch('feature');
    await repo.checkout('feature');
    await repo.write('src/feature.ts', `export const feature = buildFeatureFlag("checkout", true);\n`);
    await repo.commit('feat: feature');
    await repo.checkout('main');
    const merge = await repo.merge('feature', { message: "Merge branch 'feature'" });
    const { backends: list } = await import('../helpers/warehouses.js');
    const warehouse = await list[0]!.open();
    cleanups.push(() => warehouse.close());
    const summary = await analyse(warehouse, [repo.path], { now });
    expect(summary.failures).toEqual([]);
    expect(summary.commits).toBe(5); // the feature commit is not on the first-parent history
    const latinFiles = await sql<{ file_path: string }>`
      SELECT f.file_path FROM core.commit_files f JOIN core.commits c ON c.commit_id = f.commit_id WHERE c.sha = ${latin}`.execute(warehouse.db);
    expect(latinFiles.rows.map((r) => r.file_path)).toEqual(['src/café.ts']);
    expect((await commitTotals(warehouse, merge)).added_lines).toBe(1);
  });

  it('warns and continues when a blob is missing from the object store', async () => {
    const repo = await createTestRepo();
    cleanups.push(() => repo.cleanup());
    await repo.write('src/a.ts', `export const first = computeFirstValue(1, 2);\n`);
    await repo.commit('feat: a');
    await repo.write('src/b.ts', `export const second = computeSecondValue(3, 4);\n`);
    await repo.commit('feat: b');
    await repo.write('src/c.ts', `export const third = computeThirdValue(5, 6);\n`);
    const last = await repo.commit('feat: c');
    // A clone whose object store lacks one blob, as a partial clone can.
    const dir = await makeTempDir();
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const clone = join(dir, 'clone');
    await runTestGit(dir, ['clone', '-q', '--no-local', repo.path, clone]);
    await runTestGit(clone, ['repack', '-a', '-d', '-q']);
    const blob = (await runTestGit(clone, ['rev-parse', `HEAD~1:src/b.ts`])).trim();
    await explodeAndDrop(clone, blob);
    const { backends: list } = await import('../helpers/warehouses.js');
    const warehouse = await list[0]!.open();
    cleanups.push(() => warehouse.close());
    const summary = await analyse(warehouse, [clone], { now });
    expect(summary.failures).toEqual([]);
    expect(summary.commits).toBe(3);
    expect(summary.repositories[0]!.warnings).toBeGreaterThan(0);
    const missing = await sql<{ file_path: string }>`SELECT file_path FROM core.commit_files WHERE missing_object`.execute(warehouse.db);
    expect(missing.rows.map((r) => r.file_path)).toEqual(['src/b.ts']);
    expect((await commitTotals(warehouse, last)).added_lines).toBe(1);
  });
});

/** Turn the clone's packs into loose objects and delete one of them. */
async function explodeAndDrop(clone: string, blob: string): Promise<void> {
  const packDir = join(clone, '.git', 'objects', 'pack');
  const packs = (await readdir(packDir)).filter((f) => f.endsWith('.pack'));
  const tmp = join(clone, '.git', 'packs-moved');
  await runTestGit(clone, ['config', 'core.bigFileThreshold', '1g']);
  const { mkdir, rename, readFile } = await import('node:fs/promises');
  await mkdir(tmp, { recursive: true });
  for (const pack of packs) {
    await rename(join(packDir, pack), join(tmp, pack));
    await rm(join(packDir, pack.replace(/\.pack$/, '.idx')), { force: true });
    const { spawn } = await import('node:child_process');
    const data = await readFile(join(tmp, pack));
    await new Promise<void>((resolve, reject) => {
      const child = spawn('git', ['unpack-objects', '-q'], { cwd: clone, stdio: ['pipe', 'ignore', 'inherit'] });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`unpack-objects exited ${code}`))));
      child.stdin.end(data);
    });
  }
  await rm(join(clone, '.git', 'objects', blob.slice(0, 2), blob.slice(2)));
}

describe('replay in a worker thread', () => {
  it('gives exactly the results of replaying on the calling thread', async () => {
    const repo = await createTestRepo();
    try {
      await buildHistory(repo, 14);
      const [pglite] = backends;
      const inline = await pglite!.open();
      const worker = await pglite!.open();
      try {
        await analyse(inline, [repo.path], { now, replayMode: 'inline' });
        await analyse(worker, [repo.path], { now, replayMode: 'worker' });
        const expected = await snapshot(inline);
        expect(expected.length).toBeGreaterThan(14);
        expect(await snapshot(worker)).toEqual(expected);
      } finally {
        await inline.close();
        await worker.close();
      }
    } finally {
      await repo.cleanup();
    }
  });
});

describe('PGlite and PostgreSQL', () => {
  it('give identical metrics for the same repository', async () => {
    const repo = await createTestRepo();
    try {
      await buildHistory(repo, 15);
      await repo.write('src/module1.ts', 'export const reverted = computeRevertedValue(1, 2, 3);\n');
      const doomed = await repo.commit('feat: short-lived');
      await repo.git('revert', '--no-edit', doomed);
      const snapshots: unknown[][] = [];
      const views: unknown[][] = [];
      for (const backend of backends) {
        const warehouse = await backend.open();
        try {
          await analyse(warehouse, [repo.path], { now });
          snapshots.push(await snapshot(warehouse));
          const weekly = await sql<Record<string, unknown>>`
            SELECT week_start::text AS week, stack, commits, lines_added, lines_deleted, round(ec_base::numeric, 6) AS ec_base,
                   round(ec_merged::numeric, 6) AS ec_merged, round(ec_released::numeric, 6) AS ec_released
              FROM metrics.effective_code_weekly ORDER BY week_start, stack`.execute(warehouse.db);
          views.push(weekly.rows);
        } finally {
          await warehouse.close();
        }
      }
      expect(backends.map((b) => b.name)).toEqual(['pglite', 'postgres']);
      expect(snapshots[0]!.length).toBeGreaterThan(15);
      expect(snapshots[1]).toEqual(snapshots[0]);
      expect(views[0]!.length).toBeGreaterThan(0);
      expect(views[1]).toEqual(views[0]);
    } finally {
      await repo.cleanup();
    }
  });
});
