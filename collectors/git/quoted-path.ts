/**
 * Decoding of the paths git prints in patch headers.
 *
 * With `core.quotePath=true` (git's default, which the collector forces), git prints a path
 * verbatim unless it contains a byte outside printable ASCII, a double quote or a backslash; such
 * a path is wrapped in double quotes with C-style escapes (`\t`, `\"`, `\\`, and `\ooo` octal
 * for every other byte). Header lines are therefore ASCII, and the parser hands them over as
 * latin1 strings, where one character is one byte.
 */
import { isUtf8 } from 'node:buffer';

/** A path decoded to text, with a note of whether its bytes were valid UTF-8. */
export interface DecodedPath {
  path: string;
  /** The bytes were not valid UTF-8 and were decoded as latin1 instead. */
  notUtf8: boolean;
}

/** The single-character escapes git's C-style quoting uses, mapped to the byte they stand for. */
const SIMPLE_ESCAPES: Readonly<Record<string, number>> = {
  a: 0x07,
  b: 0x08,
  t: 0x09,
  n: 0x0a,
  v: 0x0b,
  f: 0x0c,
  r: 0x0d,
  '"': 0x22,
  '\\': 0x5c,
};

/**
 * Turns raw path bytes into text: UTF-8 when the bytes are valid UTF-8, latin1 otherwise (so
 * that every byte survives and the same bytes always give the same string).
 *
 * @example
 * decodePathBytes(Buffer.from([0x63, 0x61, 0x66, 0xe9])) // { path: 'café', notUtf8: true }
 */
export function decodePathBytes(bytes: Uint8Array): DecodedPath {
  const buffer = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (isUtf8(buffer)) return { path: buffer.toString('utf8'), notUtf8: false };
  return { path: buffer.toString('latin1'), notUtf8: true };
}

/** Result of reading one (possibly quoted) path token from a header line. */
interface PathToken {
  bytes: Buffer;
  /** Index just past the token in the source string. */
  end: number;
}

/**
 * Reads a C-quoted token that starts at `start` (which must be a double quote) from a latin1
 * header string, returning the unescaped bytes and the index after the closing quote.
 */
function readQuotedToken(header: string, start: number): PathToken {
  const bytes: number[] = [];
  let index = start + 1;
  while (index < header.length) {
    const char = header[index];
    if (char === '"') return { bytes: Buffer.from(bytes), end: index + 1 };
    if (char !== '\\') {
      bytes.push(header.charCodeAt(index) & 0xff);
      index += 1;
      continue;
    }
    const next = header[index + 1];
    if (next !== undefined && next >= '0' && next <= '7') {
      // Octal escapes are always three digits in git's output.
      bytes.push(parseInt(header.slice(index + 1, index + 4), 8) & 0xff);
      index += 4;
      continue;
    }
    const simple = next === undefined ? undefined : SIMPLE_ESCAPES[next];
    if (simple === undefined) throw new Error(`Unknown escape in quoted path: ${JSON.stringify(header)}`);
    bytes.push(simple);
    index += 2;
  }
  throw new Error(`Unterminated quoted path: ${JSON.stringify(header)}`);
}

/**
 * Decodes a path as it appears after `rename from `, `copy to ` and similar header keywords:
 * either bare or C-quoted. The input is the latin1 text of the header line's remainder.
 *
 * @example
 * decodeHeaderPath('"caf\\303\\251.txt"') // { path: 'café.txt', notUtf8: false }
 * decodeHeaderPath('dir/with space.txt')  // { path: 'dir/with space.txt', notUtf8: false }
 */
export function decodeHeaderPath(text: string): DecodedPath {
  if (text.startsWith('"')) return decodePathBytes(readQuotedToken(text, 0).bytes);
  return decodePathBytes(Buffer.from(text, 'latin1'));
}

/**
 * Splits the remainder of a `diff --git ` line into its two paths (prefixes `a/` and `b/`
 * removed). Only used when git reports no rename or copy, in which case both paths are the same
 * file: that is what lets an unquoted line containing spaces (or even ` b/`) be split exactly, by
 * halving it. Returns null when the line does not have that shape.
 *
 * @example
 * splitDiffGitPaths('a/my file.txt b/my file.txt') // { oldPath: 'my file.txt', newPath: 'my file.txt', ... }
 */
export function splitDiffGitPaths(
  text: string,
): { oldPath: DecodedPath; newPath: DecodedPath } | null {
  if (text.startsWith('"')) {
    const first = readQuotedToken(text, 0);
    const rest = text.slice(first.end + 1);
    const second = rest.startsWith('"') ? readQuotedToken(rest, 0).bytes : Buffer.from(rest, 'latin1');
    return stripPrefixes(first.bytes, second);
  }
  // Unquoted: "a/<P> b/<P>", so the line is 2 * |P| + 5 characters long.
  if ((text.length - 5) % 2 !== 0) return null;
  const pathLength = (text.length - 5) / 2;
  const middle = 2 + pathLength;
  if (!text.startsWith('a/') || text.slice(middle, middle + 3) !== ' b/') return null;
  return stripPrefixes(Buffer.from(text.slice(0, middle), 'latin1'), Buffer.from(text.slice(middle + 1), 'latin1'));
}

function stripPrefixes(
  oldBytes: Buffer,
  newBytes: Buffer,
): { oldPath: DecodedPath; newPath: DecodedPath } | null {
  // 0x61 0x2f = "a/", 0x62 0x2f = "b/".
  if (oldBytes[0] !== 0x61 || oldBytes[1] !== 0x2f || newBytes[0] !== 0x62 || newBytes[1] !== 0x2f) return null;
  return { oldPath: decodePathBytes(oldBytes.subarray(2)), newPath: decodePathBytes(newBytes.subarray(2)) };
}
