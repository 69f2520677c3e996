import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { streamFirstParentHistory } from '../../collectors/git/history-stream.js';
import type { Logger } from '../../collectors/git/logger.js';
import type { ParsedCommit } from '../../collectors/git/types.js';
import { createTestRepo, makeTempDir, runTestGit, type TestRepo } from '../helpers/git-repo.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function newRepo(): Promise<TestRepo> {
  const repo = await createTestRepo();
  cleanups.push(() => repo.cleanup());
  return repo;
}

interface LoggedWarning {
  message: string;
  fields?: Record<string, unknown>;
}

function recordingLogger(): Logger & { warnings: LoggedWarning[] } {
  const warnings: LoggedWarning[] = [];
  return { warnings, warn: (message, fields) => warnings.push({ message, fields }), info: () => undefined, debug: () => undefined };
}

async function collectAll(repoPath: string, logger: Logger, sinceExclusive?: string, readAheadBytes?: number): Promise<ParsedCommit[]> {
  const commits: ParsedCommit[] = [];
  for await (const commit of streamFirstParentHistory({ repoPath, branchRef: 'HEAD', logger, sinceExclusive, readAheadBytes })) commits.push(commit);
  return commits;
}

/** Deletes a loose object from the repository's object store (what a partial clone lacks). */
async function deleteLooseObject(repoPath: string, objectId: string): Promise<void> {
  await rm(join(repoPath, '.git', 'objects', objectId.slice(0, 2), objectId.slice(2)));
}

const LINES = Array.from({ length: 20 }, (_, index) => `const line${index} = ${index} * factor;`);

describe.each([
  { name: 'read on this thread', readAheadBytes: undefined },
  { name: 'read ahead on a thread of its own', readAheadBytes: 4096 },
])('missing objects, git output $name', ({ readAheadBytes }) => {
  const collect = (repoPath: string, logger: Logger, sinceExclusive?: string) => collectAll(repoPath, logger, sinceExclusive, readAheadBytes);
  it('marks the file whose blob is missing, diffs the others and carries on', async () => {
    const repo = await newRepo();
    await repo.write('a.txt', 'a1\n');
    await repo.write('b.txt', 'b1\n');
    const first = await repo.commit('first');
    await repo.write('a.txt', 'a2\n');
    await repo.write('b.txt', 'b2\n');
    const second = await repo.commit('second');
    await repo.write('a.txt', 'a3\n');
    const third = await repo.commit('third');
    await repo.write('c.txt', 'c\n');
    const fourth = await repo.commit('fourth');
    const lostBlob = await repo.git('rev-parse', `${second}:a.txt`);
    await deleteLooseObject(repo.path, lostBlob);

    const logger = recordingLogger();
    const commits = await collect(repo.path, logger);
    expect(commits.map((commit) => commit.sha)).toEqual([first, second, third, fourth]);

    const secondFiles = new Map(commits[1]?.files.map((file) => [file.newPath, file]));
    expect(secondFiles.get('a.txt')).toMatchObject({ status: 'modified', missingObject: true, hunks: [], newBlob: lostBlob });
    expect(secondFiles.get('b.txt')).toMatchObject({ missingObject: false, hunks: [{ removed: ['b1'], added: ['b2'] }] });
    expect(commits[1]?.message).toBe('second\n');
    // The next commit needs the lost blob as its old side.
    expect(commits[2]?.files).toMatchObject([{ newPath: 'a.txt', missingObject: true, oldBlob: lostBlob, hunks: [] }]);
    expect(commits[3]?.files).toMatchObject([{ newPath: 'c.txt', missingObject: false, hunks: [{ added: ['c'] }] }]);

    const reread = logger.warnings.filter((warning) => warning.message.includes('file by file')).map((warning) => warning.fields?.commit);
    expect(reread).toEqual([second, third]);
    const skipped = logger.warnings.filter((warning) => warning.fields?.path === 'a.txt');
    expect(skipped.map((warning) => warning.fields?.commit)).toEqual([second, third]);
  });

  it('recovers when git dies in rename detection, before printing the commit', async () => {
    const repo = await newRepo();
    await repo.write('old.ts', LINES.join('\n') + '\n');
    await repo.write('other.txt', 'other\n');
    const first = await repo.commit('first');
    await repo.remove('old.ts');
    await repo.write('new.ts', [...LINES.slice(0, 19), 'const changed = true;'].join('\n') + '\n');
    await repo.write('other.txt', 'other 2\n');
    const renamed = await repo.commit('rename with edit');
    await repo.write('after.txt', 'after\n');
    const after = await repo.commit('after');
    await deleteLooseObject(repo.path, await repo.git('rev-parse', `${renamed}:new.ts`));
    // Otherwise git would read the blob's content from the matching working-tree file instead.
    await repo.remove('new.ts');

    const logger = recordingLogger();
    const commits = await collect(repo.path, logger);
    expect(commits.map((commit) => commit.sha)).toEqual([first, renamed, after]);
    const files = new Map(commits[1]?.files.map((file) => [file.newPath ?? file.oldPath, file]));
    // Without the new blob git cannot pair the rename: the old file reads as deleted, the new one as added.
    expect(files.get('new.ts')).toMatchObject({ status: 'added', missingObject: true, hunks: [] });
    expect(files.get('old.ts')).toMatchObject({ status: 'deleted', missingObject: false });
    expect(files.get('old.ts')?.hunks.flatMap((hunk) => hunk.removed)).toHaveLength(20);
    expect(files.get('other.txt')).toMatchObject({ missingObject: false, hunks: [{ added: ['other 2'] }] });
    expect(commits[2]?.files).toMatchObject([{ newPath: 'after.txt', missingObject: false }]);
    expect(logger.warnings.some((warning) => warning.fields?.path === 'new.ts')).toBe(true);
    // git died before printing the renamed commit, while the first one was still open: the first
    // is re-read (harmlessly), then the renamed one is found as the next commit of the range.
    const reread = logger.warnings.filter((warning) => warning.message.includes('file by file')).map((warning) => warning.fields?.commit);
    expect(reread).toEqual([first, renamed]);
  });

  it('produces every commit of a partial clone whose promisor remote is gone', async () => {
    const source = await newRepo();
    await source.git('config', 'uploadpack.allowFilter', 'true');
    await source.write('a.txt', 'one\n');
    await source.write('b.txt', 'keep\n');
    await source.commit('first');
    await source.append('a.txt', 'two\n');
    await source.commit('second');
    await source.rename('b.txt', 'renamed-b.txt');
    await source.commit('exact rename');
    await source.write('c.txt', 'three\n');
    await source.commit('third');
    const expected = (await source.git('rev-list', '--reverse', 'HEAD')).split('\n');

    const parent = await makeTempDir();
    cleanups.push(() => rm(parent, { recursive: true, force: true }));
    const clonePath = join(parent, 'partial');
    await runTestGit(parent, ['clone', '--quiet', '--filter=blob:none', '--no-checkout', `file://${source.path}`, clonePath]);
    // Fetch one blob while the remote still answers, then make the remote unreachable.
    await runTestGit(clonePath, ['cat-file', '-p', `${expected[3]}:c.txt`]);
    await runTestGit(clonePath, ['config', 'remote.origin.url', join(parent, 'gone')]);

    const logger = recordingLogger();
    const commits = await collect(clonePath, logger);
    expect(commits.map((commit) => commit.sha)).toEqual(expected);
    const files = commits.map((commit) => commit.files.map((file) => [file.status, file.newPath, file.missingObject]));
    expect(files).toEqual([
      [
        ['added', 'a.txt', true],
        ['added', 'b.txt', true],
      ],
      [['modified', 'a.txt', true]],
      [['renamed', 'renamed-b.txt', false]],
      [['added', 'c.txt', false]],
    ]);
    expect(commits[3]?.files[0]?.hunks[0]?.added).toEqual(['three']);
    expect(commits[0]?.message).toBe('first\n');
  });
});
