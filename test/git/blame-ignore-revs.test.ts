import { afterEach, describe, expect, it } from 'vitest';
import { parseIgnoreRevs, readBlameIgnoreRevs } from '../../collectors/git/blame-ignore-revs.js';
import { createTestRepo, type TestRepo } from '../helpers/git-repo.js';

const repos: TestRepo[] = [];
afterEach(async () => {
  await Promise.all(repos.splice(0).map((repo) => repo.cleanup()));
});

describe('parseIgnoreRevs', () => {
  it('drops comments, blank lines and anything that is not a hex id', () => {
    const content = '# Prettier\nABCDEF1234 # reformat\n\n   \nnot-an-id\nHEAD~2\n0123456789abcdef0123456789abcdef01234567\n';
    expect(parseIgnoreRevs(content)).toEqual(['abcdef1234', '0123456789abcdef0123456789abcdef01234567']);
  });
});

describe('readBlameIgnoreRevs', () => {
  it('resolves the listed commits as the file is at the given commit', async () => {
    const repo = await createTestRepo();
    repos.push(repo);
    await repo.write('a.ts', 'const a=1\n');
    const feature = await repo.commit('feat: a');
    await repo.write('a.ts', 'const a = 1;\n');
    const reformat = await repo.commit('style: prettier');
    const treeId = await repo.git('rev-parse', `${reformat}^{tree}`);
    await repo.write(
      '.git-blame-ignore-revs',
      [`# mass reformatting`, `${reformat.slice(0, 10)} # abbreviated`, '', `${'f'.repeat(40)}`, `${treeId}`, 'dead', ''].join('\n'),
    );
    const withFile = await repo.commit('chore: ignore reformat in blame');
    await repo.write('.git-blame-ignore-revs', `${feature}\n`);
    const changed = await repo.commit('chore: change ignore list');

    expect(await readBlameIgnoreRevs(repo.path, withFile)).toEqual(new Set([reformat]));
    expect(await readBlameIgnoreRevs(repo.path, changed)).toEqual(new Set([feature]));
    expect(await readBlameIgnoreRevs(repo.path, feature)).toEqual(new Set());
  });
});
