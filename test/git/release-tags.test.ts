import { afterEach, describe, expect, it } from 'vitest';
import { listTags, releasedCommits } from '../../collectors/git/release-tags.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
});

async function newRepo(): Promise<TestRepo> {
  const repo = await createTestRepo();
  repos.push(repo);
  return repo;
}

const epoch = (iso: string): number => Date.parse(iso) / 1000;

describe('listTags', () => {
  it('lists matching tags, peeled, with tagger or commit dates', async () => {
    const repo = await newRepo();
    await repo.write('a', 'a\n');
    const first = await repo.commit('first', { date: '2024-03-01T00:00:00Z' });
    await repo.tag('v1.0.0', { message: 'release 1', date: '2024-03-05T00:00:00Z' });
    await repo.tag('v1.0.1'); // lightweight: the commit's date
    await repo.tag('nightly-1');
    await repo.git('tag', '--annotate', '--message', 'tree tag', 'v-tree', `${first}^{tree}`);
    await repo.git('tag', '--annotate', '--message', 'tag of a tag', 'v2.0.0', 'v1.0.0');
    await repo.git('tag', 'release/2024.1', first);

    const tags = await listTags(repo.path, 'v*');
    expect(tags.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { name: 'v1.0.0', commitSha: first, time: epoch('2024-03-05T00:00:00Z') },
      { name: 'v1.0.1', commitSha: first, time: epoch('2024-03-01T00:00:00Z') },
      { name: 'v2.0.0', commitSha: first, time: expect.any(Number) as number },
    ]);
    expect((await listTags(repo.path, 'release/*')).map((tag) => tag.name)).toEqual(['release/2024.1']);
    expect(await listTags(repo.path, 'none-*')).toEqual([]);
  });
});

describe('releasedCommits', () => {
  it('gives each first-parent commit the earliest tag that contains it', async () => {
    const repo = await newRepo();
    const shas: string[] = [];
    for (let index = 0; index < 6; index += 1) {
      await repo.write('file.txt', `${index}\n`);
      shas.push(await repo.commit(`commit ${index}`, { date: `2024-01-0${index + 1}T00:00:00Z` }));
    }
    // v1 on commit 1; v2 on commit 3; a late re-tag "v0-late" of commit 0 must not win over v1 for commit 1.
    await repo.git('tag', 'v1', shas[1] as string);
    await repo.git('tag', 'v2', shas[3] as string);
    await repo.git('tag', 'v0-late', shas[0] as string);
    const tags = [
      { name: 'v1', commitSha: shas[1] as string, time: epoch('2024-01-10T00:00:00Z') },
      { name: 'v2', commitSha: shas[3] as string, time: epoch('2024-01-20T00:00:00Z') },
      { name: 'v0-late', commitSha: shas[0] as string, time: epoch('2024-02-01T00:00:00Z') },
    ];
    const released = await releasedCommits(repo.path, shas[5] as string, tags);
    expect(Object.fromEntries([...released].map(([sha, release]) => [shas.indexOf(sha), release.tag]))).toEqual({
      0: 'v1',
      1: 'v1',
      2: 'v2',
      3: 'v2',
    });
    expect(released.get(shas[2] as string)).toEqual({ tag: 'v2', time: epoch('2024-01-20T00:00:00Z') });
  });

  it('credits a tag on a release branch to the chain commits it contains', async () => {
    const repo = await newRepo();
    await repo.write('file.txt', 'base\n');
    const base = await repo.commit('base');
    await repo.write('file.txt', 'forked here\n');
    const forkPoint = await repo.commit('fork point');
    await repo.branch('release-1');
    await repo.write('file.txt', 'after fork\n');
    const afterFork = await repo.commit('main moves on');
    await repo.checkout('release-1');
    await repo.write('hotfix.txt', 'fix\n');
    const hotfix = await repo.commit('hotfix on release branch');
    await repo.checkout('main');

    // Tag also on a side branch that main merged: its merge base is off the chain.
    await repo.branch('feature');
    await repo.checkout('feature');
    await repo.write('feature.txt', 'f\n');
    const featureCommit = await repo.commit('feature');
    await repo.checkout('main');
    await repo.write('main.txt', 'm\n');
    const mainOnly = await repo.commit('main only');
    const merge = await repo.merge('feature');

    const released = await releasedCommits(repo.path, merge, [
      { name: 'v1.0.1', commitSha: hotfix, time: 100 },
      { name: 'feature-preview', commitSha: featureCommit, time: 200 },
    ]);
    expect(released.get(base)).toEqual({ tag: 'v1.0.1', time: 100 });
    expect(released.get(forkPoint)).toEqual({ tag: 'v1.0.1', time: 100 });
    expect(released.get(afterFork)).toEqual({ tag: 'feature-preview', time: 200 });
    expect(released.has(mainOnly)).toBe(false);
    expect(released.has(merge)).toBe(false);
    expect(released.size).toBe(3);
  });

  it('returns an empty map without tags', async () => {
    const repo = await newRepo();
    await repo.write('a', 'a\n');
    const sha = await repo.commit('a');
    expect((await releasedCommits(repo.path, sha, [])).size).toBe(0);
  });
});
