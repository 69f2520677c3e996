import { chmod } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { streamFirstParentHistory, type HistoryStreamOptions } from '../../collectors/git/history-stream.js';
import type { FileDiff, ParsedCommit } from '../../collectors/git/types.js';
import { createTestRepo, runTestGit, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
async function newRepo(): Promise<TestRepo> {
  const repo = await createTestRepo();
  repos.push(repo);
  return repo;
}
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
});

async function collectAll(options: HistoryStreamOptions): Promise<ParsedCommit[]> {
  const commits: ParsedCommit[] = [];
  for await (const commit of streamFirstParentHistory(options)) commits.push(commit);
  return commits;
}

function onlyFile(commit: ParsedCommit | undefined): FileDiff {
  expect(commit?.files).toHaveLength(1);
  return commit?.files[0] as FileDiff;
}

const SOURCE = Array.from({ length: 30 }, (_, index) => `export const value${index} = compute(${index});`).join('\n') + '\n';

/** git's output read on the test's own thread, and on a reader thread a few KiB ahead (so it pauses often). */
const OUTPUT_READERS = [
  { name: 'read on this thread', readAheadBytes: undefined },
  { name: 'read ahead on a thread of its own', readAheadBytes: 4096 },
];

describe.each(OUTPUT_READERS)('streamFirstParentHistory, git output $name', ({ readAheadBytes }) => {
  const collect = (options: HistoryStreamOptions) => collectAll({ ...options, readAheadBytes });
  it('streams commits oldest first with identity, dates, message and hunks', async () => {
    const repo = await newRepo();
    await repo.write('src/a.ts', 'one\ntwo\nthree\n');
    const first = await repo.commit('feat: add a\n\nWith a body.\n+++ not a diff\ndiff --git a/x b/x');
    await repo.write('src/a.ts', 'one\n2\nthree\nfour\n');
    const second = await repo.commit('fix: change a', { author: { name: 'Bo Other', email: 'bo@example.com' }, date: '2024-02-01T12:00:00Z' });

    const commits = await collect({ repoPath: repo.path, branchRef: 'main' });
    expect(commits.map((commit) => commit.sha)).toEqual([first, second]);
    expect(commits[0]).toMatchObject({
      parents: [],
      author: { name: 'Test Author', email: 'author@example.com', time: Date.parse('2024-01-01T00:00:00Z') / 1000 },
      committer: { name: 'Test Author', email: 'author@example.com', time: Date.parse('2024-01-01T00:00:00Z') / 1000 },
      message: 'feat: add a\n\nWith a body.\n+++ not a diff\ndiff --git a/x b/x\n',
      aiNote: null,
    });
    expect(onlyFile(commits[0])).toMatchObject({ status: 'added', oldPath: null, newPath: 'src/a.ts', newMode: '100644' });
    expect(commits[1]).toMatchObject({ parents: [first], author: { name: 'Bo Other', email: 'bo@example.com', time: Date.parse('2024-02-01T12:00:00Z') / 1000 } });
    const file = onlyFile(commits[1]);
    expect(file.oldBlob).toBe(await repo.git('rev-parse', `${first}:src/a.ts`));
    expect(file.newBlob).toBe(await repo.git('rev-parse', `${second}:src/a.ts`));
    expect(file.hunks).toEqual([
      { oldStart: 2, oldCount: 1, newStart: 2, newCount: 1, removed: ['two'], added: ['2'] },
      { oldStart: 3, oldCount: 0, newStart: 4, newCount: 1, removed: [], added: ['four'] },
    ]);
  });

  it('detects renames with and without content changes', async () => {
    const repo = await newRepo();
    await repo.write('old/name.ts', SOURCE);
    await repo.write('keep.ts', SOURCE.replace(/value/g, 'other'));
    await repo.commit('add');
    await repo.rename('old/name.ts', 'new/name with space.ts');
    await repo.commit('pure rename');
    await repo.rename('keep.ts', 'kept.ts');
    await repo.append('kept.ts', 'export const extra = 1;\n');
    await repo.commit('rename and edit');

    const [, pure, edited] = await collect({ repoPath: repo.path, branchRef: 'main' });
    expect(onlyFile(pure)).toMatchObject({ status: 'renamed', oldPath: 'old/name.ts', newPath: 'new/name with space.ts', similarity: 100, hunks: [] });
    const file = onlyFile(edited);
    expect(file).toMatchObject({ status: 'renamed', oldPath: 'keep.ts', newPath: 'kept.ts' });
    expect(file.similarity).toBeGreaterThan(50);
    expect(file.similarity).toBeLessThan(100);
    expect(file.hunks.flatMap((hunk) => hunk.added)).toEqual(['export const extra = 1;']);
  });

  it('marks binary files, mode changes and type changes', async () => {
    const repo = await newRepo();
    await repo.write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x00]));
    await repo.write('run.sh', 'echo hi\n');
    await repo.write('target.txt', 'target\n');
    await repo.write('link', 'plain file\n');
    await repo.commit('add');
    await repo.write('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x03]));
    await chmod(join(repo.path, 'run.sh'), 0o755);
    await repo.symlink('target.txt', 'link');
    await repo.commit('binary, mode, type');
    const [, changed] = await collect({ repoPath: repo.path, branchRef: 'main' });
    const byPath = new Map(changed?.files.map((file) => [file.newPath, file]));
    expect(byPath.get('image.png')).toMatchObject({ status: 'modified', binary: true, hunks: [] });
    expect(byPath.get('run.sh')).toMatchObject({ status: 'modified', oldMode: '100644', newMode: '100755', hunks: [] });
    expect(byPath.get('link')).toMatchObject({ status: 'type-changed', oldMode: '100644', newMode: '120000' });
  });

  it('decodes non-UTF-8 and unicode paths, and replaces invalid bytes in content', async () => {
    const repo = await newRepo();
    const latin1Name = Buffer.concat([Buffer.from('lat'), Buffer.from([0xe9]), Buffer.from('.txt')]);
    await repo.write(latin1Name, Buffer.concat([Buffer.from('caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    await repo.write('café/日本 "q"\ttab.txt', 'ünïcödé ✓\n');
    await repo.commit('names');
    const [commit] = await collect({ repoPath: repo.path, branchRef: 'main' });
    const byPath = new Map(commit?.files.map((file) => [file.newPath, file]));
    expect(byPath.get('lat\u00e9.txt')).toMatchObject({ pathNotUtf8: true, hunks: [{ added: ['caf\ufffd'] }] });
    expect(byPath.get('café/日本 "q"\ttab.txt')).toMatchObject({ pathNotUtf8: false, hunks: [{ added: ['ünïcödé ✓'] }] });
  });

  it('reports submodule pointer moves without content', async () => {
    const repo = await newRepo();
    const nested = `${repo.path}/vendor/lib`;
    await repo.write('vendor/lib/README', 'library\n');
    await runTestGit(nested, ['init', '--quiet', '--template=']);
    const commitNested = async (message: string): Promise<string> => {
      await runTestGit(nested, ['add', '--all']);
      await runTestGit(nested, ['-c', 'user.name=N', '-c', 'user.email=n@example.com', 'commit', '--quiet', '-m', message]);
      return runTestGit(nested, ['rev-parse', 'HEAD']);
    };
    const v1 = await commitNested('v1');
    await repo.commit('add submodule');
    await repo.write('vendor/lib/README', 'library v2\n');
    const v2 = await commitNested('v2');
    await repo.commit('bump submodule');
    const [added, bumped] = await collect({ repoPath: repo.path, branchRef: 'main' });
    expect(onlyFile(added)).toMatchObject({ status: 'added', newPath: 'vendor/lib', submodule: true, newBlob: v1, hunks: [] });
    expect(onlyFile(bumped)).toMatchObject({ status: 'modified', submodule: true, oldBlob: v1, newBlob: v2, oldMode: '160000', hunks: [] });
  });

  it('produces empty commits with no files', async () => {
    const repo = await newRepo();
    await repo.write('a', 'a\n');
    await repo.commit('a');
    const empty = await repo.commit('chore: nothing', { allowEmpty: true });
    const commits = await collect({ repoPath: repo.path, branchRef: 'main' });
    expect(commits[1]).toMatchObject({ sha: empty, files: [], message: 'chore: nothing\n' });
  });

  it('follows first parents only and diffs merges against their first parent', async () => {
    const repo = await newRepo();
    await repo.write('base.txt', 'base\n');
    const base = await repo.commit('base');
    await repo.branch('feature');
    await repo.checkout('feature');
    await repo.write('feature.txt', 'f1\n');
    await repo.commit('feature 1');
    await repo.append('feature.txt', 'f2\n');
    await repo.commit('feature 2');
    await repo.checkout('main');
    await repo.write('main.txt', 'm\n');
    const mainCommit = await repo.commit('main work');
    const merge = await repo.merge('feature', { message: 'Merge feature' });

    const commits = await collect({ repoPath: repo.path, branchRef: 'main' });
    expect(commits.map((commit) => commit.sha)).toEqual([base, mainCommit, merge]);
    expect(commits[2]?.parents).toHaveLength(2);
    expect(commits[2]?.parents[0]).toBe(mainCommit);
    expect(onlyFile(commits[2])).toMatchObject({ status: 'added', newPath: 'feature.txt', hunks: [{ added: ['f1', 'f2'] }] });
  });

  it('applies .mailmap to authors and committers', async () => {
    const repo = await newRepo();
    await repo.write('.mailmap', 'Proper Name <proper@example.com> <old@example.com>\n');
    await repo.commit('mailmap');
    await repo.write('a', 'a\n');
    await repo.commit('by old address', { author: { name: 'old name', email: 'old@example.com' } });
    const commits = await collect({ repoPath: repo.path, branchRef: 'main' });
    expect(commits[1]?.author).toMatchObject({ name: 'Proper Name', email: 'proper@example.com' });
    expect(commits[1]?.committer).toMatchObject({ name: 'Proper Name', email: 'proper@example.com' });
  });

  it('handles a 50,000-line commit', async () => {
    const repo = await newRepo();
    const lines = Array.from({ length: 50_000 }, (_, index) => `line ${index} ${'x'.repeat(index % 50)}`);
    await repo.write('big.txt', lines.join('\n') + '\n');
    await repo.commit('big');
    const changed = lines.map((line, index) => (index % 2 === 0 ? `${line} changed` : line));
    await repo.write('big.txt', changed.join('\n') + '\n');
    await repo.commit('change every other line');
    const [added, modified] = await collect({ repoPath: repo.path, branchRef: 'main' });
    const addedLines = onlyFile(added).hunks.flatMap((hunk) => hunk.added);
    expect(addedLines).toHaveLength(50_000);
    expect(addedLines[49_999]).toBe(lines[49_999]);
    const hunks = onlyFile(modified).hunks;
    expect(hunks).toHaveLength(25_000);
    expect(hunks[1]).toEqual({ oldStart: 3, oldCount: 1, newStart: 3, newCount: 1, removed: [lines[2]], added: [`${lines[2]} changed`] });
  });

  it('strips CRLF line endings and handles a missing newline at end of file', async () => {
    const repo = await newRepo();
    await repo.write('win.txt', 'alpha\r\nbeta\r\n');
    await repo.write('tail.txt', 'a\nb');
    await repo.commit('add');
    await repo.write('win.txt', 'alpha\r\ngamma\r\n');
    await repo.write('tail.txt', 'a\nc');
    await repo.commit('edit');
    const [added, edited] = await collect({ repoPath: repo.path, branchRef: 'main' });
    const byPath = (commit: ParsedCommit | undefined) => new Map(commit?.files.map((file) => [file.newPath, file]));
    expect(byPath(added).get('win.txt')?.hunks[0]?.added).toEqual(['alpha', 'beta']);
    expect(byPath(added).get('tail.txt')?.hunks[0]?.added).toEqual(['a', 'b']);
    expect(byPath(edited).get('win.txt')?.hunks).toMatchObject([{ removed: ['beta'], added: ['gamma'] }]);
    expect(byPath(edited).get('tail.txt')?.hunks).toMatchObject([{ removed: ['b'], added: ['c'] }]);
  });

  it('streams only the commits after the cursor', async () => {
    const repo = await newRepo();
    const shas: string[] = [];
    for (let index = 0; index < 5; index += 1) {
      await repo.write('counter.txt', `${index}\n`);
      shas.push(await repo.commit(`commit ${index}`));
    }
    const after = await collect({ repoPath: repo.path, branchRef: 'main', sinceExclusive: shas[2] });
    expect(after.map((commit) => commit.sha)).toEqual(shas.slice(3));
    expect(await collect({ repoPath: repo.path, branchRef: 'main', sinceExclusive: shas[4] })).toEqual([]);
    expect((await collect({ repoPath: repo.path, branchRef: shas[1] as string })).map((commit) => commit.sha)).toEqual(shas.slice(0, 2));
  });

  it('reads notes from the given notes ref only', async () => {
    const repo = await newRepo();
    await repo.write('a', 'a\n');
    const sha = await repo.commit('a');
    await repo.git('notes', '--ref=ai', 'add', '-m', 'tool: assistant\nshare: 0.8', sha);
    await repo.git('notes', 'add', '-m', 'default notes are not read', sha);
    const [withNotes] = await collect({ repoPath: repo.path, branchRef: 'main', notesRef: 'refs/notes/ai' });
    expect(withNotes?.aiNote).toBe('tool: assistant\nshare: 0.8\n');
    const [withoutNotes] = await collect({ repoPath: repo.path, branchRef: 'main' });
    expect(withoutNotes?.aiNote).toBeNull();
  });

  it('stops git when the consumer stops early, and throws on abort', async () => {
    const repo = await newRepo();
    for (let index = 0; index < 5; index += 1) {
      await repo.write('file.txt', `${index}\n`.repeat(1000));
      await repo.commit(`commit ${index}`);
    }
    let seen = 0;
    for await (const commit of streamFirstParentHistory({ repoPath: repo.path, branchRef: 'main', readAheadBytes })) {
      expect(commit.files).toHaveLength(1);
      seen += 1;
      if (seen === 2) break;
    }
    expect(seen).toBe(2);

    const controller = new AbortController();
    const consume = async () => {
      for await (const _commit of streamFirstParentHistory({ repoPath: repo.path, branchRef: 'main', signal: controller.signal, readAheadBytes })) {
        controller.abort();
      }
    };
    await expect(consume()).rejects.toThrow(/abort/i);
  });

  it('fails with git’s message for an unknown branch', async () => {
    const repo = await newRepo();
    await repo.write('a', 'a\n');
    await repo.commit('a');
    await expect(collect({ repoPath: repo.path, branchRef: 'no-such-branch' })).rejects.toThrow(/no-such-branch/);
  });

  it('fails with the spawn error when git cannot be started', async () => {
    const repo = await newRepo();
    await repo.write('a', 'a\n');
    await repo.commit('a');
    const path = process.env.PATH;
    // git is looked up on PATH when it is started (here, or in the reader thread, which copies
    // the environment as it starts): an empty PATH finds no git.
    process.env.PATH = '';
    let failed: Promise<void>;
    try {
      failed = expect(collect({ repoPath: repo.path, branchRef: 'main' })).rejects.toThrow(/ENOENT/);
      await new Promise((resolve) => setTimeout(resolve, 200));
    } finally {
      process.env.PATH = path;
    }
    await failed;
  });
});
