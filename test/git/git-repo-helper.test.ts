import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_AUTHOR, createTestRepo, isolatedGitEnv } from '../helpers/git-repo.js';

describe('createTestRepo', () => {
  it('commits with a fixed identity and an hourly clock unless told otherwise', async () => {
    const repo = await createTestRepo();
    try {
      await repo.write('a.txt', 'a\n');
      const first = await repo.commit('first');
      await repo.write('a.txt', 'b\n');
      const second = await repo.commit('second', { author: { name: 'Other', email: 'other@example.com' }, committer: { name: 'Bot', email: 'bot@example.com' } });
      await repo.write('a.txt', 'c\n');
      const third = await repo.commit('third', { date: new Date('2030-05-06T07:08:09Z') });
      const show = (sha: string) => repo.git('show', '--no-patch', '--format=%an <%ae>|%aI|%cn <%ce>|%cI|%G?', sha);
      expect(await show(first)).toBe(`${TEST_AUTHOR.name} <${TEST_AUTHOR.email}>|2024-01-01T00:00:00+00:00|${TEST_AUTHOR.name} <${TEST_AUTHOR.email}>|2024-01-01T00:00:00+00:00|N`);
      expect(await show(second)).toBe('Other <other@example.com>|2024-01-01T01:00:00+00:00|Bot <bot@example.com>|2024-01-01T01:00:00+00:00|N');
      expect(await show(third)).toBe(`${TEST_AUTHOR.name} <${TEST_AUTHOR.email}>|2030-05-06T07:08:09+00:00|${TEST_AUTHOR.name} <${TEST_AUTHOR.email}>|2030-05-06T07:08:09+00:00|N`);
      expect(await repo.git('rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
      expect(await readdir(join(repo.path, '.git', 'hooks')).catch(() => [])).toEqual([]);
    } finally {
      await repo.cleanup();
    }
  });

  it('edits files (including non-UTF-8 names), branches, merges and tags', async () => {
    const repo = await createTestRepo({ clockStart: '2025-01-01T00:00:00Z', clockStepSeconds: 60 });
    try {
      await repo.write('dir/a.txt', 'one\n');
      await repo.append('dir/a.txt', 'two\n');
      await repo.write(Buffer.from([0x72, 0xe9, 0x2e, 0x74]), 'latin1 name\n');
      await repo.commit('base');
      expect(await repo.git('show', 'HEAD:dir/a.txt')).toBe('one\ntwo');
      expect(await repo.git('ls-files')).toBe('dir/a.txt\n"r\\351.t"');

      await repo.branch('topic');
      await repo.checkout('topic');
      await repo.rename('dir/a.txt', 'moved/a.txt');
      await repo.commit('move');
      await repo.checkout('main');
      await repo.remove(Buffer.from([0x72, 0xe9, 0x2e, 0x74]));
      await repo.commit('remove');
      const merge = await repo.merge('topic');
      expect((await repo.git('rev-list', '--parents', '-n', '1', merge)).split(' ')).toHaveLength(3);
      expect(await repo.git('ls-files')).toBe('moved/a.txt');
      expect(await repo.git('show', '--no-patch', '--format=%cI', merge)).toBe('2025-01-01T00:03:00+00:00');

      await repo.tag('v1', { message: 'first release' });
      await repo.tag('light');
      expect(await repo.git('for-each-ref', '--format=%(refname:short) %(objecttype) %(creatordate:iso-strict)', 'refs/tags')).toBe(
        'light commit 2025-01-01T00:03:00+00:00\nv1 tag 2025-01-01T00:04:00+00:00',
      );
      expect(await repo.head()).toBe(merge);
    } finally {
      await repo.cleanup();
    }
    expect(existsSync(repo.path)).toBe(false);
  });

  it('isolates git from global and system configuration', () => {
    const env = isolatedGitEnv();
    expect(env.GIT_CONFIG_NOSYSTEM).toBe('1');
    expect(env.GIT_CONFIG_GLOBAL).toBeDefined();
    expect(Object.keys(env).filter((name) => name.startsWith('GIT_') && !['GIT_CONFIG_GLOBAL', 'GIT_CONFIG_NOSYSTEM', 'GIT_TERMINAL_PROMPT'].includes(name))).toEqual([]);
  });
});
