import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateSyntheticRepo, type SyntheticRepo } from '../../bench/synthetic-repo.js';
import { makeTempDir, runTestGit } from '../helpers/git-repo.js';

const SMALL = { commits: 150, targetPatchMb: 2, seed: 7 } as const;

describe('generateSyntheticRepo on a small size', () => {
  let root: string;
  let repo: SyntheticRepo;
  let twin: SyntheticRepo;
  const git = (...args: string[]): Promise<string> => runTestGit(repo.path, args);

  beforeAll(async () => {
    root = await makeTempDir('codeledger-bench-test-');
    repo = await generateSyntheticRepo({ dir: join(root, 'first'), ...SMALL });
    twin = await generateSyntheticRepo({ dir: join(root, 'second'), ...SMALL });
  }, 180_000);

  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('is deterministic: the same options give the same commit ids', async () => {
    expect(await runTestGit(twin.path, ['rev-parse', 'HEAD'])).toBe(await git('rev-parse', 'HEAD'));
    expect(await runTestGit(twin.path, ['rev-parse', 'v1.0.0'])).toBe(await git('rev-parse', 'v1.0.0'));
  });

  it('a different seed gives a different history', async () => {
    const other = await generateSyntheticRepo({ dir: join(root, 'other-seed'), ...SMALL, seed: 8 });
    expect(await runTestGit(other.path, ['rev-parse', 'HEAD'])).not.toBe(await git('rev-parse', 'HEAD'));
  }, 120_000);

  it('has the requested number of commits on branch main, starting 2023-01-02', async () => {
    expect(repo.commits).toBe(SMALL.commits);
    expect(Number(await git('rev-list', '--count', 'main'))).toBe(SMALL.commits);
    expect(Number(await git('rev-list', '--first-parent', '--count', 'main'))).toBe(repo.firstParentCommits);
    expect(await git('symbolic-ref', '--short', 'HEAD')).toBe('main');
    const first = await git('log', '--reverse', '--format=%aI', 'main');
    expect(first.split('\n')[0]).toMatch(/^2023-01-02T/);
    expect(await git('for-each-ref', '--format=%(refname)', 'refs/heads')).toBe('refs/heads/main');
  });

  it('checks out the tip and leaves a clean work tree', async () => {
    expect(await git('status', '--porcelain')).toBe('');
  });

  it('scales the patch volume to the target', () => {
    expect(repo.patchBytes).toBeGreaterThan(SMALL.targetPatchMb * 1e6 * 0.6);
    expect(repo.patchBytes).toBeLessThan(SMALL.targetPatchMb * 1e6 * 1.4);
  });

  it('contains renames, with and without edits', async () => {
    const renames = await git('log', '--first-parent', '-M', '--diff-filter=R', '--name-status', '--format=', 'main');
    const scores = renames.split('\n').filter(Boolean).map((line) => Number(line.slice(1, 4)));
    expect(scores).toContain(100);
    expect(scores.some((score) => score < 100)).toBe(true);
  });

  it('contains a revert naming a real commit', async () => {
    const body = await git('log', '--grep=This reverts commit', '--format=%B', '-n', '1', 'main');
    const sha = /This reverts commit ([0-9a-f]{40})\./.exec(body)?.[1];
    expect(sha).toBeDefined();
    expect(await git('cat-file', '-t', sha!)).toBe('commit');
  });

  it('has bot and AI-agent authors and AI co-author trailers', async () => {
    const authors = new Set((await git('log', '--format=%an', 'main')).split('\n'));
    for (const bot of ['dependabot[bot]', 'renovate[bot]', 'github-actions[bot]']) expect(authors).toContain(bot);
    expect(['claude[bot]', 'Copilot', 'devin-ai-integration[bot]'].some((agent) => authors.has(agent))).toBe(true);
    const messages = await git('log', '--format=%B', 'main');
    expect(messages).toContain('Co-authored-by: Claude <noreply@anthropic.com>');
    expect(messages).toContain('Co-authored-by: Copilot <copilot@github.com>');
    expect(messages).toContain('Co-authored-by: Cursor Agent <cursoragent@cursor.com>');
  });

  it('has several human authors, some under more than one e-mail', async () => {
    const emails = new Set((await git('log', '--format=%ae', 'main')).split('\n').filter((email) => !email.includes('[bot]')));
    expect(emails.size).toBeGreaterThan(15);
    expect([...emails].some((email) => email.endsWith('@gmail.com') || email.endsWith('@users.noreply.github.com'))).toBe(true);
  });

  it('uses conventional commit subjects', async () => {
    const subjects = (await git('log', '--first-parent', '--format=%s', 'main')).split('\n');
    for (const type of ['feat', 'fix', 'chore(deps)']) expect(subjects.some((subject) => subject.startsWith(type))).toBe(true);
  });

  it('has merge commits of pull-request branches and an annotated release tag', async () => {
    expect(Number(await git('rev-list', '--merges', '--count', 'main'))).toBeGreaterThan(0);
    expect(await git('log', '--merges', '--format=%s', '-n', '1', 'main')).toMatch(/^Merge pull request #\d+ from acme\//);
    expect((await git('tag')).split('\n')).toContain('v1.0.0');
    expect(await git('cat-file', '-t', 'v1.0.0')).toBe('tag');
  });

  it('lists a whitespace-only reformat commit in .git-blame-ignore-revs', async () => {
    const ignored = (await readFile(join(repo.path, '.git-blame-ignore-revs'), 'utf8')).split('\n').filter((line) => /^[0-9a-f]{40}$/.test(line));
    expect(ignored.length).toBeGreaterThan(0);
    const sha = ignored[0]!;
    expect(await git('diff', '--stat', `${sha}^`, sha)).not.toBe('');
    expect(await git('diff', '--ignore-all-space', '--ignore-blank-lines', `${sha}^`, sha)).toBe('');
  });

  it('has generated, vendored, binary and lock files', async () => {
    const files = (await git('ls-files')).split('\n');
    expect(files).toContain('web/package-lock.json');
    expect(files.some((file) => file.endsWith('.min.js'))).toBe(true);
    expect(files.some((file) => file.startsWith('services/billing/vendor/'))).toBe(true);
    expect(files.some((file) => file.startsWith('third_party/'))).toBe(true);
    expect(await git('grep', '-l', 'Code generated by protoc-gen-go. DO NOT EDIT.', 'HEAD')).toMatch(/\.pb\.go/);
    expect(await readFile(join(repo.path, '.gitattributes'), 'utf8')).toContain('linguist-generated=true');
    const png = files.find((file) => file.endsWith('.png'))!;
    expect((await readFile(join(repo.path, png))).subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(await git('log', '--numstat', '--format=', 'main', '--', png)).toMatch(/^-\t-\t/m);
  });

  it('has files whose content is not UTF-8', async () => {
    const bytes = await readFile(join(repo.path, 'data/legacy/stations.csv'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
  });

  it('writes source in several languages with branching functions', async () => {
    const files = (await git('ls-files')).split('\n');
    for (const extension of ['.ts', '.tsx', '.java', '.go', '.py', '.sql', '.yaml', '.md']) {
      expect(files.some((file) => file.endsWith(extension))).toBe(true);
    }
    const java = await readFile(join(repo.path, files.find((file) => file.endsWith('Service.java'))!), 'utf8');
    expect(java).toMatch(/\bif \(/);
    expect(java).toMatch(/&&|\|\|/);
  });

  it('reuses a complete generation with the same options', async () => {
    const again = await generateSyntheticRepo({ dir: repo.path, ...SMALL });
    expect(again.reused).toBe(true);
    expect(again.patchBytes).toBe(repo.patchBytes);
  });

  it('refuses to overwrite a directory it did not create', async () => {
    const foreign = join(root, 'foreign');
    await mkdir(foreign, { recursive: true });
    await writeFile(join(foreign, 'keep-me.txt'), 'precious');
    await expect(generateSyntheticRepo({ dir: foreign, ...SMALL })).rejects.toThrow(/not made by the benchmark generator/);
    expect(await readFile(join(foreign, 'keep-me.txt'), 'utf8')).toBe('precious');
  });
});
