import { afterEach, describe, expect, it } from 'vitest';
import { findNewestOnFirstParent, isOnFirstParentChain, planRange } from '../../collectors/git/range-plan.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
});

/** A repository with a linear main branch of `count` commits; returns it and the shas, oldest first. */
async function linearRepo(count: number): Promise<{ repo: TestRepo; shas: string[] }> {
  const repo = await createTestRepo();
  repos.push(repo);
  const shas: string[] = [];
  for (let index = 0; index < count; index += 1) {
    await repo.write('counter.txt', `${index}\n`);
    shas.push(await repo.commit(`commit ${index}`));
  }
  return { repo, shas };
}

describe('planRange', () => {
  it('plans a full run without a cursor and nothing when the cursor is the head', async () => {
    const { repo, shas } = await linearRepo(2);
    expect(await planRange(repo.path, shas[1] as string, null)).toEqual({ kind: 'full' });
    expect(await planRange(repo.path, shas[1] as string, shas[1] as string)).toEqual({ kind: 'up-to-date' });
  });

  it('plans an incremental run when the cursor is on the first-parent chain', async () => {
    const { repo, shas } = await linearRepo(4);
    expect(await planRange(repo.path, shas[3] as string, shas[1] as string)).toEqual({ kind: 'incremental', sinceExclusive: shas[1] });
  });

  it('detects a force push and finds the common ancestor', async () => {
    const { repo, shas } = await linearRepo(4);
    const oldHead = shas[3] as string;
    await repo.git('reset', '--quiet', '--hard', shas[1] as string);
    await repo.write('other.txt', 'rewritten\n');
    const newHead = await repo.commit('rewritten history');
    expect(await planRange(repo.path, newHead, oldHead)).toEqual({ kind: 'rewritten', commonAncestor: shas[1] });
  });

  it('reports no common ancestor when the cursor object is gone', async () => {
    const { repo, shas } = await linearRepo(2);
    expect(await planRange(repo.path, shas[1] as string, 'f'.repeat(40))).toEqual({ kind: 'rewritten', commonAncestor: null });
  });

  it('treats a cursor reachable only through a merged side branch as rewritten', async () => {
    const { repo, shas } = await linearRepo(2);
    // The old head becomes the second parent of a merge on a rewritten main.
    const oldHead = shas[1] as string;
    await repo.git('checkout', '--quiet', '-b', 'rewrite', shas[0] as string);
    await repo.write('r.txt', 'r\n');
    const rewritten = await repo.commit('rewrite');
    const merge = await repo.merge(oldHead, { message: 'merge old head' });
    expect(await isOnFirstParentChain(repo.path, oldHead, merge)).toBe(false);
    expect(await isOnFirstParentChain(repo.path, rewritten, merge)).toBe(true);
    // merge-base(oldHead, merge) is oldHead itself, which is not on the new first-parent chain;
    // the newest commit both chains share is the first one.
    expect(await planRange(repo.path, merge, oldHead)).toEqual({ kind: 'rewritten', commonAncestor: shas[0] });
  });
});

describe('findNewestOnFirstParent', () => {
  it('returns the first candidate on the chain, skipping unknown and side-branch commits', async () => {
    const { repo, shas } = await linearRepo(5);
    await repo.branch('side');
    await repo.checkout('side');
    await repo.write('side.txt', 'side\n');
    const sideCommit = await repo.commit('side');
    await repo.checkout('main');
    const merge = await repo.merge('side');
    const candidates = ['e'.repeat(40), sideCommit, shas[2] as string, shas[4] as string];
    expect(await findNewestOnFirstParent(repo.path, merge, candidates)).toBe(shas[2]);
    expect(await findNewestOnFirstParent(repo.path, merge, [merge])).toBe(merge);
    expect(await findNewestOnFirstParent(repo.path, merge, ['e'.repeat(40), sideCommit])).toBeNull();
    expect(await findNewestOnFirstParent(repo.path, merge, [])).toBeNull();
  });
});
