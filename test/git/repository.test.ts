import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RepositoryError, openRepository, redactCredentials, repositoryName, resolveDefaultBranch } from '../../collectors/git/repository.js';
import { createTestRepo, makeTempDir, runTestGit, type TestRepo } from '../helpers/git-repo.js';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function newRepo(options?: Parameters<typeof createTestRepo>[0]): Promise<TestRepo> {
  const repo = await createTestRepo(options);
  cleanups.push(() => repo.cleanup());
  return repo;
}

async function tempDir(): Promise<string> {
  const dir = await makeTempDir();
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe('openRepository', () => {
  it('opens a local working copy at its top level, from any subdirectory', async () => {
    const repo = await newRepo();
    await repo.write('src/deep/a.ts', 'a\n');
    await repo.commit('a');
    const cacheDir = await tempDir();
    const opened = await openRepository(join(repo.path, 'src', 'deep'), { cacheDir });
    expect(opened).toEqual({ name: 'repo', path: repo.path, url: null, cloned: false });
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('reports the origin of a local copy without credentials', async () => {
    const repo = await newRepo();
    await repo.git('remote', 'add', 'origin', 'https://user:secret@example.com/acme/web.git');
    const opened = await openRepository(repo.path, { cacheDir: await tempDir() });
    expect(opened.url).toBe('https://example.com/acme/web.git');
  });

  it('names the path when it is not a git repository or does not exist', async () => {
    const plain = await tempDir();
    await expect(openRepository(plain, { cacheDir: await tempDir() })).rejects.toThrow(new RepositoryError(`Not a git repository: ${plain}`));
    await expect(openRepository(join(plain, 'missing'), { cacheDir: plain })).rejects.toThrow(/does not exist.*missing/);
  });

  it('clones a URL into the cache once, then fetches new commits, tags and deletions', async () => {
    const source = await newRepo();
    await source.write('a.txt', 'a\n');
    const first = await source.commit('first');
    await source.branch('doomed');
    const cacheDir = await tempDir();
    const url = `file://${source.path}`;

    const opened = await openRepository(url, { cacheDir });
    expect(opened).toMatchObject({ name: 'repo', url, cloned: true });
    expect(opened.path.startsWith(cacheDir)).toBe(true);
    expect(await runTestGit(opened.path, ['rev-parse', '--is-bare-repository'])).toBe('true');
    expect(await runTestGit(opened.path, ['rev-parse', 'refs/heads/main'])).toBe(first);
    expect(await readdir(cacheDir)).toHaveLength(1); // no staging directory left behind

    await source.write('b.txt', 'b\n');
    const second = await source.commit('second');
    await source.tag('v1.0.0', { message: 'release' });
    await source.git('branch', '-D', 'doomed');
    const again = await openRepository(url, { cacheDir });
    expect(again.path).toBe(opened.path);
    expect(await runTestGit(again.path, ['rev-parse', 'refs/heads/main'])).toBe(second);
    expect(await runTestGit(again.path, ['rev-parse', 'v1.0.0^{commit}'])).toBe(second);
    expect(await runTestGit(again.path, ['for-each-ref', '--format=%(refname)', 'refs/heads'])).toBe('refs/heads/main');
  });

  it('treats a bare repository path ending in .git as a remote and clones it', async () => {
    const source = await newRepo();
    await source.write('a.txt', 'a\n');
    const sha = await source.commit('a');
    const parent = await tempDir();
    const barePath = join(parent, 'service.git');
    await runTestGit(parent, ['clone', '--quiet', '--bare', source.path, barePath]);
    const cacheDir = join(parent, 'cache');
    const opened = await openRepository(barePath, { cacheDir });
    expect(opened).toMatchObject({ name: 'service', url: barePath, cloned: true });
    expect(opened.path.startsWith(cacheDir)).toBe(true);
    expect((await resolveDefaultBranch(opened.path)).sha).toBe(sha);
  });

  it('clones again when the cached clone is damaged', async () => {
    const source = await newRepo();
    await source.write('a.txt', 'a\n');
    const sha = await source.commit('a');
    const cacheDir = await tempDir();
    const url = `file://${source.path}`;
    const opened = await openRepository(url, { cacheDir });
    await rm(opened.path, { recursive: true });
    await mkdir(opened.path);
    const warnings: string[] = [];
    const logger = { warn: (message: string) => warnings.push(message), info: () => undefined, debug: () => undefined };
    const reopened = await openRepository(url, { cacheDir, logger });
    expect(await runTestGit(reopened.path, ['rev-parse', 'refs/heads/main'])).toBe(sha);
    expect(warnings).toEqual(['Cached clone is damaged; cloning again']);
  });
});

describe('resolveDefaultBranch', () => {
  it('uses the configured branch, or fails naming it', async () => {
    const repo = await newRepo();
    await repo.write('a', 'a\n');
    await repo.commit('a');
    await repo.branch('develop');
    await repo.write('a', 'b\n');
    await repo.commit('b');
    const developSha = await repo.git('rev-parse', 'develop');
    expect(await resolveDefaultBranch(repo.path, 'develop')).toEqual({ ref: 'refs/heads/develop', name: 'develop', sha: developSha });
    expect(await resolveDefaultBranch(repo.path, 'refs/heads/develop')).toEqual({ ref: 'refs/heads/develop', name: 'develop', sha: developSha });
    await expect(resolveDefaultBranch(repo.path, 'nope')).rejects.toThrow(/Branch "nope" does not exist/);
  });

  it("prefers the remote's default branch in a clone", async () => {
    const source = await newRepo({ initialBranch: 'trunk' });
    await source.write('a', 'a\n');
    const sha = await source.commit('a');
    const parent = await tempDir();
    await runTestGit(parent, ['clone', '--quiet', source.path, 'clone']);
    const clone = join(parent, 'clone');
    await runTestGit(clone, ['checkout', '--quiet', '-b', 'my-feature']);
    expect(await resolveDefaultBranch(clone)).toEqual({ ref: 'refs/remotes/origin/trunk', name: 'trunk', sha });
  });

  it("uses HEAD's branch in a bare repository, else main or master, else HEAD", async () => {
    const repo = await newRepo({ initialBranch: 'trunk' });
    await repo.write('a', 'a\n');
    const sha = await repo.commit('a');
    const parent = await tempDir();
    await runTestGit(parent, ['clone', '--quiet', '--bare', repo.path, 'bare.git']);
    expect(await resolveDefaultBranch(join(parent, 'bare.git'))).toEqual({ ref: 'refs/heads/trunk', name: 'trunk', sha });

    // A working copy on a feature branch, with master present: master wins over HEAD.
    await repo.git('branch', 'master');
    await repo.git('checkout', '--quiet', '-b', 'feature');
    await repo.write('b', 'b\n');
    await repo.commit('feature work');
    expect(await resolveDefaultBranch(repo.path)).toEqual({ ref: 'refs/heads/master', name: 'master', sha });

    // Neither main nor master: HEAD's branch.
    await repo.git('branch', '-D', 'master');
    const featureSha = await repo.head();
    expect(await resolveDefaultBranch(repo.path)).toEqual({ ref: 'refs/heads/feature', name: 'feature', sha: featureSha });
  });

  it('fails clearly on a repository without commits', async () => {
    const repo = await newRepo();
    await expect(resolveDefaultBranch(repo.path)).rejects.toThrow(`Repository ${repo.path} has no commits`);
  });
});

describe('repository names and URLs', () => {
  it('derives names from paths and URLs', () => {
    expect(repositoryName('https://github.com/acme/web.git')).toBe('web');
    expect(repositoryName('git@github.com:acme/api.git')).toBe('api');
    expect(repositoryName('/srv/git/tools.git/')).toBe('tools');
    expect(repositoryName('/home/me/project/.git')).toBe('project');
  });

  it('removes credentials but keeps ssh users', () => {
    expect(redactCredentials('https://token@github.com/acme/web.git')).toBe('https://github.com/acme/web.git');
    expect(redactCredentials('ssh://git:pw@host/acme/web.git')).toBe('ssh://git@host/acme/web.git');
    expect(redactCredentials('git@github.com:acme/api.git')).toBe('git@github.com:acme/api.git');
  });
});
