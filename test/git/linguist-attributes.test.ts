import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { hasLinguistAttributes, listHistoryPaths, loadLinguistAttributes } from '../../collectors/git/linguist-attributes.js';
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

async function bareClone(repo: TestRepo): Promise<string> {
  const parent = await makeTempDir();
  cleanups.push(() => rm(parent, { recursive: true, force: true }));
  await runTestGit(parent, ['clone', '--quiet', '--bare', repo.path, 'bare.git']);
  return join(parent, 'bare.git');
}

describe('loadLinguistAttributes', () => {
  it('reads overrides as they are at a commit, in a bare clone', async () => {
    const repo = await newRepo();
    await repo.write('src/app.ts', 'x\n');
    const before = await repo.commit('no attributes yet');
    await repo.write(
      '.gitattributes',
      ['dist/** linguist-generated', 'vendor/** linguist-vendored', 'docs/*.md linguist-documentation', '*.rb linguist-language=Ruby', '*.png binary', '*.dat -diff', 'lib/** -linguist-vendored', 'data/** linguist-generated=false linguist-detectable=true', ''].join('\n'),
    );
    await repo.write('web/.gitattributes', 'legacy/** linguist-vendored\n');
    const withAttributes = await repo.commit('attributes');
    const bare = await bareClone(repo);

    const paths = ['dist/app.js', 'vendor/x/y.c', 'docs/guide.md', 'Rakefile.rb', 'logo.png', 'blob.dat', 'lib/z.c', 'data/seed.json', 'web/legacy/old.js', 'src/app.ts'];
    const attributes = await loadLinguistAttributes(bare, withAttributes, paths);
    expect(Object.fromEntries(attributes)).toEqual({
      'dist/app.js': { generated: true },
      'vendor/x/y.c': { vendored: true },
      'docs/guide.md': { documentation: true },
      'Rakefile.rb': { language: 'Ruby' },
      'logo.png': { binary: true },
      'blob.dat': { binary: true },
      'lib/z.c': { vendored: false },
      'data/seed.json': { generated: false, detectable: true },
      'web/legacy/old.js': { vendored: true },
    });
    expect((await loadLinguistAttributes(bare, before, paths)).size).toBe(0);
    expect((await loadLinguistAttributes(bare, withAttributes, [])).size).toBe(0);
  });
});

describe('hasLinguistAttributes', () => {
  it('is true only when a .gitattributes file mentions linguist, binary or -diff', async () => {
    const repo = await newRepo();
    await repo.write('.gitattributes', '* text=auto eol=lf\n');
    const plain = await repo.commit('line endings only');
    await repo.write('deep/dir/.gitattributes', '*.bin binary\n');
    const nested = await repo.commit('nested binary');
    await repo.remove('deep/dir/.gitattributes');
    await repo.write('.gitattributes', '* text=auto\ngenerated/** linguist-generated\n');
    const root = await repo.commit('root linguist');
    const bare = await bareClone(repo);
    expect(await hasLinguistAttributes(bare, plain)).toBe(false);
    expect(await hasLinguistAttributes(bare, nested)).toBe(true);
    expect(await hasLinguistAttributes(repo.path, root)).toBe(true);
  });
});

describe('listHistoryPaths', () => {
  it('lists every path of the first-parent history, including renamed-away and merged ones', async () => {
    const repo = await newRepo();
    await repo.write('a.txt', 'a\n');
    await repo.write('dir/with space/é.txt', 'e\n');
    await repo.commit('first');
    await repo.rename('a.txt', 'b.txt');
    await repo.commit('rename');
    await repo.branch('side');
    await repo.checkout('side');
    await repo.write('side.txt', 's\n');
    await repo.commit('side');
    await repo.checkout('main');
    await repo.merge('side');
    await repo.checkout('side');
    await repo.write('unmerged.txt', 'u\n');
    await repo.commit('not merged');
    expect(await listHistoryPaths(repo.path, 'main')).toEqual(new Set(['a.txt', 'b.txt', 'dir/with space/é.txt', 'side.txt']));
  });
});
