import { describe, expect, it } from 'vitest';
import { decodeHeaderPath, decodePathBytes, splitDiffGitPaths } from '../../collectors/git/quoted-path.js';
import { parseRawDiff } from '../../collectors/git/raw-diff.js';

describe('path decoding', () => {
  it('decodes UTF-8 bytes, and falls back to latin1 for other bytes', () => {
    expect(decodePathBytes(Buffer.from('dir/naïve.txt'))).toEqual({ path: 'dir/naïve.txt', notUtf8: false });
    expect(decodePathBytes(Buffer.from([0x6e, 0x61, 0xef, 0x76, 0x65]))).toEqual({ path: 'na\u00efve', notUtf8: true });
  });

  it('unescapes every C escape git uses', () => {
    expect(decodeHeaderPath('"a\\ab\\bc\\td\\ne\\vf\\fg\\rh\\"i\\\\j\\001k"').path).toBe('a\x07b\x08c\td\ne\x0bf\x0cg\rh"i\\j\x01k');
    expect(decodeHeaderPath('"\\360\\237\\216\\211 party"')).toEqual({ path: '🎉 party', notUtf8: false });
    expect(decodeHeaderPath('plain name.txt')).toEqual({ path: 'plain name.txt', notUtf8: false });
    expect(() => decodeHeaderPath('"unterminated')).toThrow(/Unterminated/);
  });

  it('splits the paths of a diff --git line', () => {
    expect(splitDiffGitPaths('a/same b/same')).toEqual({ oldPath: { path: 'same', notUtf8: false }, newPath: { path: 'same', notUtf8: false } });
    expect(splitDiffGitPaths('"a/t\\tab" "b/t\\tab"')?.newPath.path).toBe('t\tab');
    expect(splitDiffGitPaths('a/old b/new-name')).toBeNull();
  });
});

describe('parseRawDiff', () => {
  it('reads statuses, modes, ids, scores and byte paths', () => {
    const zero = '0'.repeat(40);
    const one = '1'.repeat(40);
    const two = '2'.repeat(40);
    const output = Buffer.concat([
      Buffer.from(`:000000 100644 ${zero} ${one} A\0new.txt\0`),
      Buffer.from(`:100644 100644 ${one} ${two} R087\0old.txt\0moved.txt\0`),
      Buffer.from(`:100644 120000 ${one} ${two} T\0link\0`),
      Buffer.from(`:100755 000000 ${two} ${zero} D\0`),
      Buffer.from([0x67, 0xe9, 0]),
    ]);
    const entries = parseRawDiff(output);
    expect(entries.map((entry) => [entry.status, entry.oldMode, entry.newMode, entry.oldBlob, entry.newBlob, entry.similarity, entry.oldPath?.toString('latin1') ?? null, entry.newPath?.toString('latin1') ?? null])).toEqual([
      ['added', null, '100644', null, one, null, null, 'new.txt'],
      ['renamed', '100644', '100644', one, two, 87, 'old.txt', 'moved.txt'],
      ['type-changed', '100644', '120000', one, two, null, 'link', 'link'],
      ['deleted', '100755', null, two, null, null, 'g\u00e9', null],
    ]);
  });
});
