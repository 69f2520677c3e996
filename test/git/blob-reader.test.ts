import { afterEach, describe, expect, it } from 'vitest';
import { listTree, openBlobReader } from '../../collectors/git/blob-reader.js';
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

describe('openBlobReader', () => {
  it('reads many blobs, empty and large ones, concurrently and in order, and null for missing', async () => {
    const repo = await newRepo();
    const large = Buffer.alloc(3 * 1024 * 1024 + 17, 'abcdefghij\n');
    const binary = Buffer.from([0, 1, 2, 0x0a, 0xff, 0x0a]);
    await repo.write('large.txt', large);
    await repo.write('empty.txt', '');
    await repo.write('binary.bin', binary);
    for (let index = 0; index < 50; index += 1) await repo.write(`small/${index}.txt`, `content ${index}\n`);
    const sha = await repo.commit('files');
    const id = (path: string) => repo.git('rev-parse', `${sha}:${path}`);

    const reader = await openBlobReader(repo.path);
    try {
      const smallIds = await Promise.all(Array.from({ length: 50 }, (_, index) => id(`small/${index}.txt`)));
      const [largeContent, emptyContent, missing, binaryContent, ...smalls] = await Promise.all([
        reader.read(await id('large.txt')),
        reader.read(await id('empty.txt')),
        reader.read('0123456789abcdef0123456789abcdef01234567'),
        reader.read(await id('binary.bin')),
        ...smallIds.map((blobId) => reader.read(blobId)),
      ]);
      expect(largeContent?.equals(large)).toBe(true);
      expect(emptyContent).toEqual(Buffer.alloc(0));
      expect(missing).toBeNull();
      expect(binaryContent).toEqual(binary);
      expect(smalls.map((content) => content?.toString())).toEqual(Array.from({ length: 50 }, (_, index) => `content ${index}\n`));
      await expect(reader.read('bad\nid')).rejects.toThrow(/Invalid object id/);
    } finally {
      await reader.close();
    }
  });

  it('rejects reads after the process is gone', async () => {
    const repo = await newRepo();
    await repo.write('a', 'a\n');
    await repo.commit('a');
    const reader = await openBlobReader(repo.path);
    await reader.close();
    await expect(reader.read('HEAD:a')).rejects.toThrow();
  });
});

describe('listTree', () => {
  it('lists files recursively with modes and ids, decoding unusual names', async () => {
    const repo = await newRepo();
    await repo.write('src/a.ts', 'a\n');
    await repo.write('name with "quotes"\tand tab.txt', 'q\n');
    await repo.write('日本/語.md', 'j\n');
    await repo.symlink('src/a.ts', 'link');
    const sha = await repo.commit('tree');
    const entries = await listTree(repo.path, sha);
    expect(entries.map((entry) => [entry.path, entry.mode])).toEqual([
      ['link', '120000'],
      ['name with "quotes"\tand tab.txt', '100644'],
      ['src/a.ts', '100644'],
      ['日本/語.md', '100644'],
    ]);
    expect(entries[2]?.blob).toBe(await repo.git('rev-parse', `${sha}:src/a.ts`));
  });
});
