import { describe, expect, it } from 'vitest';
import { PatchParseError, PatchParser, parseHunkHeader } from '../../collectors/git/patch-parser.js';
import type { ParsedCommit } from '../../collectors/git/types.js';

const SHA_A = 'a'.repeat(40);
const SHA_B = 'b'.repeat(40);
const SHA_C = 'c'.repeat(40);
const BLOB_1 = '1'.repeat(40);
const BLOB_2 = '2'.repeat(40);
const ZERO = '0'.repeat(40);

/** A commit record exactly as `git log --format=<COMMIT_RECORD_FORMAT>` prints it. */
function record(options: { sha: string; parents?: string[]; message?: string; note?: string; author?: string; time?: number }): string {
  const author = options.author ?? 'Ann Author';
  const time = options.time ?? 1_700_000_000;
  return `\0${options.sha}\0${(options.parents ?? []).join(' ')}\0${author}\0ann@example.com\0${time}\0Cy Committer\0cy@example.com\0${time + 60}\0${options.message ?? 'subject\n'}\0${options.note ?? ''}\0\n`;
}

function parseWhole(text: string | Buffer): ParsedCommit[] {
  const parser = new PatchParser();
  const input = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  return [...parser.push(input), ...parser.end()];
}

/** Feeds the input in pieces of the given sizes (cycled), to exercise every chunk boundary. */
function parseInPieces(input: Buffer, sizes: number[]): ParsedCommit[] {
  const parser = new PatchParser();
  const commits: ParsedCommit[] = [];
  let offset = 0;
  let turn = 0;
  while (offset < input.length) {
    const size = sizes[turn % sizes.length] as number;
    commits.push(...parser.push(input.subarray(offset, offset + size)));
    offset += size;
    turn += 1;
  }
  commits.push(...parser.end());
  return commits;
}

const MODIFY_PATCH = [
  record({ sha: SHA_A, message: 'feat: first\n\nBody with\n\ndiff --git a/fake b/fake\n+not a diff line\n' }),
  '',
  'diff --git a/src/app.ts b/src/app.ts',
  `index ${BLOB_1}..${BLOB_2} 100644`,
  '--- a/src/app.ts',
  '+++ b/src/app.ts',
  '@@ -3,2 +3 @@ export function main() {',
  '-  const a = 1;',
  '--- not a header, a removed line',
  '+  const a = 2;',
  '@@ -10,0 +10,2 @@',
  '++++ added line starting with +++',
  '+',
  '',
].join('\n');

describe('PatchParser', () => {
  it('reads a commit record and a modified file with its hunks', () => {
    const [commit, ...rest] = parseWhole(MODIFY_PATCH);
    expect(rest).toHaveLength(0);
    expect(commit).toEqual({
      sha: SHA_A,
      parents: [],
      author: { name: 'Ann Author', email: 'ann@example.com', time: 1_700_000_000 },
      committer: { name: 'Cy Committer', email: 'cy@example.com', time: 1_700_000_060 },
      message: 'feat: first\n\nBody with\n\ndiff --git a/fake b/fake\n+not a diff line\n',
      aiNote: null,
      files: [
        {
          oldPath: 'src/app.ts',
          newPath: 'src/app.ts',
          status: 'modified',
          similarity: null,
          oldBlob: BLOB_1,
          newBlob: BLOB_2,
          oldMode: '100644',
          newMode: '100644',
          binary: false,
          submodule: false,
          missingObject: false,
          pathNotUtf8: false,
          hunks: [
            { oldStart: 3, oldCount: 2, newStart: 3, newCount: 1, removed: ['  const a = 1;', '-- not a header, a removed line'], added: ['  const a = 2;'] },
            { oldStart: 10, oldCount: 0, newStart: 10, newCount: 2, removed: [], added: ['+++ added line starting with +++', ''] },
          ],
        },
      ],
    });
  });

  it('gives the same result whatever the chunk boundaries', () => {
    const input = Buffer.from(
      MODIFY_PATCH + record({ sha: SHA_B, parents: [SHA_A], message: 'second\n', note: 'agent: yes\n' }) + record({ sha: SHA_C, parents: [SHA_B] }),
      'utf8',
    );
    const whole = parseWhole(input);
    expect(whole.map((commit) => commit.sha)).toEqual([SHA_A, SHA_B, SHA_C]);
    expect(whole[1]?.aiNote).toBe('agent: yes\n');
    expect(whole[1]?.files).toEqual([]);
    for (const sizes of [[1], [2, 3], [7], [64], [13, 1, 200]]) {
      expect(parseInPieces(input, sizes)).toEqual(whole);
    }
  });

  it('returns completed commits as soon as the next record starts', () => {
    const parser = new PatchParser();
    expect(parser.push(Buffer.from(MODIFY_PATCH))).toEqual([]);
    expect(parser.currentCommitSha).toBe(SHA_A);
    const done = parser.push(Buffer.from(record({ sha: SHA_B, parents: [SHA_A] })));
    expect(done.map((commit) => commit.sha)).toEqual([SHA_A]);
    expect(parser.currentCommitSha).toBe(SHA_B);
    expect(parser.end().map((commit) => commit.sha)).toEqual([SHA_B]);
  });

  it('reads added, deleted, renamed and copied files', () => {
    const text = [
      record({ sha: SHA_A }),
      '',
      'diff --git a/new.txt b/new.txt',
      'new file mode 100644',
      `index ${ZERO}..${BLOB_1}`,
      '--- /dev/null',
      '+++ b/new.txt',
      '@@ -0,0 +1 @@',
      '+hello',
      'diff --git a/gone.txt b/gone.txt',
      'deleted file mode 100755',
      `index ${BLOB_2}..${ZERO}`,
      '--- a/gone.txt',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-bye',
      'diff --git a/old name.txt b/dir/new name.txt',
      'similarity index 100%',
      'rename from old name.txt',
      'rename to dir/new name.txt',
      'diff --git a/base.c b/copy.c',
      'similarity index 90%',
      'copy from base.c',
      'copy to copy.c',
      `index ${BLOB_1}..${BLOB_2} 100644`,
      '--- a/base.c',
      '+++ b/copy.c',
      '@@ -1 +1 @@',
      '-int a;',
      '+int b;',
      '',
    ].join('\n');
    const [commit] = parseWhole(text);
    const summary = commit?.files.map((file) => [file.status, file.oldPath, file.newPath, file.similarity, file.oldMode, file.newMode, file.oldBlob, file.newBlob]);
    expect(summary).toEqual([
      ['added', null, 'new.txt', null, null, '100644', null, BLOB_1],
      ['deleted', 'gone.txt', null, null, '100755', null, BLOB_2, null],
      ['renamed', 'old name.txt', 'dir/new name.txt', 100, null, null, null, null],
      ['copied', 'base.c', 'copy.c', 90, '100644', '100644', BLOB_1, BLOB_2],
    ]);
    expect(commit?.files[0]?.hunks[0]?.added).toEqual(['hello']);
    expect(commit?.files[1]?.hunks[0]?.removed).toEqual(['bye']);
    expect(commit?.files[2]?.hunks).toEqual([]);
  });

  it('decodes C-quoted paths, including non-UTF-8 bytes, and splits unquoted paths that contain " b/"', () => {
    const text = [
      record({ sha: SHA_A }),
      '',
      'diff --git "a/caf\\303\\251 \\"quoted\\"\\ttab.txt" "b/caf\\303\\251 \\"quoted\\"\\ttab.txt"',
      'new file mode 100644',
      `index ${ZERO}..${BLOB_1}`,
      'Binary files /dev/null and "b/caf\\303\\251 \\"quoted\\"\\ttab.txt" differ',
      'diff --git "a/latin\\351.txt" "b/latin\\351.txt"',
      'old mode 100644',
      'new mode 100755',
      'diff --git a/x b/y b/x b/y',
      'old mode 100644',
      'new mode 100755',
      'diff --git a/ascii.txt "b/\\346\\227\\245.txt"',
      'similarity index 100%',
      'rename from ascii.txt',
      'rename to "\\346\\227\\245.txt"',
      '',
    ].join('\n');
    const files = parseWhole(text)[0]?.files ?? [];
    expect(files.map((file) => [file.oldPath, file.newPath, file.pathNotUtf8])).toEqual([
      [null, 'café "quoted"\ttab.txt', false],
      ['latin\u00e9.txt', 'latin\u00e9.txt', true],
      ['x b/y', 'x b/y', false],
      ['ascii.txt', '日.txt', false],
    ]);
    expect(files[0]?.binary).toBe(true);
    expect(files[0]?.hunks).toEqual([]);
    expect(files[1]).toMatchObject({ status: 'modified', oldMode: '100644', newMode: '100755', hunks: [] });
  });

  it('reports submodule pointer moves without their "Subproject commit" lines', () => {
    const text = [
      record({ sha: SHA_A }),
      '',
      'diff --git a/vendor/lib b/vendor/lib',
      `index ${BLOB_1}..${BLOB_2} 160000`,
      '--- a/vendor/lib',
      '+++ b/vendor/lib',
      '@@ -1 +1 @@',
      `-Subproject commit ${BLOB_1}`,
      `+Subproject commit ${BLOB_2}`,
      '',
    ].join('\n');
    const [file] = parseWhole(text)[0]?.files ?? [];
    expect(file).toMatchObject({ submodule: true, status: 'modified', oldMode: '160000', newMode: '160000', oldBlob: BLOB_1, newBlob: BLOB_2, hunks: [] });
  });

  it('merges the deletion and addition git prints for a type change into one change', () => {
    const text = [
      record({ sha: SHA_A }),
      '',
      'diff --git a/link b/link',
      'deleted file mode 120000',
      `index ${BLOB_1}..${ZERO}`,
      '--- a/link',
      '+++ /dev/null',
      '@@ -1 +0,0 @@',
      '-target.txt',
      '\\ No newline at end of file',
      'diff --git a/link b/link',
      'new file mode 100644',
      `index ${ZERO}..${BLOB_2}`,
      '--- /dev/null',
      '+++ b/link',
      '@@ -0,0 +1 @@',
      '+now a file',
      '',
    ].join('\n');
    const files = parseWhole(text)[0]?.files ?? [];
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      status: 'type-changed',
      oldPath: 'link',
      newPath: 'link',
      oldMode: '120000',
      newMode: '100644',
      oldBlob: BLOB_1,
      newBlob: BLOB_2,
    });
    expect(files[0]?.hunks.map((hunk) => [hunk.removed, hunk.added])).toEqual([
      [['target.txt'], []],
      [[], ['now a file']],
    ]);
  });

  it('strips CR of CRLF lines, handles "No newline at end of file" and replaces invalid UTF-8', () => {
    const text = Buffer.concat([
      Buffer.from([record({ sha: SHA_A }), '', 'diff --git a/w.txt b/w.txt', `index ${BLOB_1}..${BLOB_2} 100644`, '--- a/w.txt', '+++ b/w.txt', '@@ -1,2 +1,2 @@', ''].join('\n')),
      Buffer.from('-one\r\n-two\n\\ No newline at end of file\n+caf'),
      Buffer.from([0xe9]),
      Buffer.from('\r\n+inner\rcr\n\\ No newline at end of file\n'),
    ]);
    const [hunk] = parseWhole(text)[0]?.files[0]?.hunks ?? [];
    expect(hunk?.removed).toEqual(['one', 'two']);
    expect(hunk?.added).toEqual(['caf\ufffd', 'inner\rcr']);
  });

  it('keeps multi-byte characters split across chunks intact', () => {
    const text = Buffer.from([record({ sha: SHA_A }), '', 'diff --git a/u.txt b/u.txt', `index ${BLOB_1}..${BLOB_2} 100644`, '@@ -0,0 +1 @@', '+日本語 ✓ émoji 🎉', ''].join('\n'));
    for (const size of [1, 2, 3, 5]) {
      expect(parseInPieces(text, [size])[0]?.files[0]?.hunks[0]?.added).toEqual(['日本語 ✓ émoji 🎉']);
    }
  });

  it('tolerates context lines when hunks were merged across unchanged lines', () => {
    const text = [record({ sha: SHA_A }), '', 'diff --git a/a b/a', `index ${BLOB_1}..${BLOB_2} 100644`, '@@ -1,3 +1,3 @@', '-x', ' same', '+y', '-z', '+w', ''].join('\n');
    const [hunk] = parseWhole(text)[0]?.files[0]?.hunks ?? [];
    expect(hunk).toMatchObject({ removed: ['x', 'z'], added: ['y', 'w'] });
  });

  it('parses a long message and note split over many chunks', () => {
    const message = `${'long subject '.repeat(5000)}\n\n${'body line\n'.repeat(3000)}`;
    const input = Buffer.from(record({ sha: SHA_A, message, note: 'n'.repeat(100_000) }));
    const [commit] = parseInPieces(input, [4096]);
    expect(commit?.message).toBe(message);
    expect(commit?.aiNote).toHaveLength(100_000);
  });

  it('throws on a stream cut inside a hunk or a record', () => {
    const cutInHunk = new PatchParser();
    cutInHunk.push(Buffer.from([record({ sha: SHA_A }), '', 'diff --git a/a b/a', '@@ -1,2 +1 @@', '-x', ''].join('\n')));
    expect(() => cutInHunk.end()).toThrow(PatchParseError);
    const cutInRecord = new PatchParser();
    cutInRecord.push(Buffer.from(`\0${SHA_A}\0\0Name`));
    expect(() => cutInRecord.end()).toThrow(/inside a commit record/);
  });

  it('throws on diff text outside a commit and on malformed hunk headers', () => {
    expect(() => parseWhole('diff --git a/a b/a\n')).toThrow(PatchParseError);
    expect(() => parseWhole([record({ sha: SHA_A }), '', 'diff --git a/a b/a', '@@ -x +1 @@', ''].join('\n'))).toThrow(/Malformed hunk header/);
  });
});

describe('parseHunkHeader', () => {
  const parse = (text: string) => parseHunkHeader(Buffer.from(text), 0, text.length);

  it('reads starts and counts, defaulting omitted counts to 1', () => {
    expect(parse('@@ -12,3 +14 @@ function f() {')).toEqual({ oldStart: 12, oldCount: 3, newStart: 14, newCount: 1, removed: [], added: [] });
    expect(parse('@@ -0,0 +1,250 @@')).toEqual({ oldStart: 0, oldCount: 0, newStart: 1, newCount: 250, removed: [], added: [] });
  });

  it('rejects malformed headers', () => {
    for (const bad of ['@@ -1 @@', '@@ 1,2 +3 @@', '@@ -a +1 @@', '@@ -1 +2', '@@@ -1 -1 +1 @@@']) {
      expect(parse(bad)).toBeNull();
    }
  });
});
