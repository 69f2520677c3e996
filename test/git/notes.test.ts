import { afterEach, describe, expect, it } from 'vitest';
import { hasNotesRef } from '../../collectors/git/notes.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
});

describe('hasNotesRef', () => {
  it('is true once notes exist under the ref, by full or short name', async () => {
    const repo = await createTestRepo();
    repos.push(repo);
    await repo.write('a', 'a\n');
    const sha = await repo.commit('a');
    expect(await hasNotesRef(repo.path, 'refs/notes/ai')).toBe(false);
    await repo.git('notes', '--ref=ai', 'add', '-m', 'note', sha);
    expect(await hasNotesRef(repo.path, 'refs/notes/ai')).toBe(true);
    expect(await hasNotesRef(repo.path, 'ai')).toBe(true);
    expect(await hasNotesRef(repo.path, 'refs/notes/commits')).toBe(false);
  });
});
