import type { DiffHunk } from '../../collectors/git/types.js';

const decoder = new TextDecoder('utf-8', { fatal: false });
const NEWLINE = 0x0a;

/** Node's per-encoding Buffer methods (what `buf.write` / `buf.toString` call after their argument checks). */
interface EncodingMethods {
  latin1Slice(start: number, end: number): string;
  ucs2Slice(start: number, end: number): string;
  latin1Write(text: string, offset: number): number;
  ucs2Write(text: string, offset: number): number;
}

type Bytes = Buffer & EncodingMethods;

/** Any UTF-16 code unit above 0xFF: such a line cannot be stored one byte per character. */
const WIDE_CHARACTER = /[^\u0000-\u00ff]/;

/** Whether every character of `text` fits in one latin1 byte. */
function fitsLatin1(text: string): boolean {
  // The UTF-8 length equals the string length exactly for ASCII text (native and fast); only
  // other text needs the regular expression.
  return Buffer.byteLength(text, 'utf8') === text.length || !WIDE_CHARACTER.test(text);
}

/**
 * One version of a file's text as the replay stage keeps it: every line followed by `\n`, in a
 * Buffer — one byte per character (latin1) when every character fits, else two (UTF-16) —, and
 * the character offset where each line starts.
 *
 * Why a Buffer rather than strings: the replay keeps every file of the repository for the whole
 * run, and V8 sizes its heap as a multiple of what is live on it; text outside the heap keeps
 * the worker's heap, and with it the garbage it lets pile up, several times smaller. Instances
 * are immutable, so a copied file shares its source's content.
 */
export class FileContent {
  /** The characters, one (latin1) or two (`wide`, UTF-16LE) bytes each. */
  private readonly bytes: Bytes;
  /** Whether characters take two bytes. */
  readonly wide: boolean;
  /** `lineStarts[i]` is the character offset of line i; `lineStarts[lineCount]` is the total length. */
  readonly lineStarts: Int32Array;

  private constructor(bytes: Buffer, wide: boolean, lineStarts: Int32Array) {
    this.bytes = bytes as Bytes;
    this.wide = wide;
    this.lineStarts = lineStarts;
  }

  /** The empty file. */
  static readonly EMPTY = new FileContent(Buffer.alloc(0), false, new Int32Array(1));

  /**
   * Content made of `lines` (line strings without terminators).
   *
   * @example
   * FileContent.fromLines(['a', 'b']).text(); // 'a\nb'
   */
  static fromLines(lines: readonly string[]): FileContent {
    return FileContent.EMPTY.applyHunks([{ oldStart: 0, oldCount: 0, newStart: 1, newCount: lines.length, removed: [], added: [...lines] }]);
  }

  /**
   * A blob split into lines exactly as the diff parser presents them: UTF-8 with replacement
   * characters, a trailing carriage return stripped from every line, and no phantom empty line
   * after a final newline.
   *
   * @example
   * FileContent.fromBlob(Buffer.from('a\r\nb\n')).lineAt(0); // 'a'
   */
  static fromBlob(bytes: Uint8Array): FileContent {
    if (bytes.length === 0) return FileContent.EMPTY;
    let text = decoder.decode(bytes);
    if (text.includes('\r\n') || text.endsWith('\r')) text = text.replace(/\r(?=\n|$)/g, '');
    if (!text.endsWith('\n')) text += '\n';
    const wide = !fitsLatin1(text);
    const buffer = Buffer.allocUnsafeSlow(text.length * (wide ? 2 : 1)) as Bytes;
    if (wide) buffer.ucs2Write(text, 0);
    else buffer.latin1Write(text, 0);
    return new FileContent(buffer, wide, lineStartsOf(text));
  }

  /** Number of lines. */
  get lineCount(): number {
    return this.lineStarts.length - 1;
  }

  /** Characters from `start` to `end` (character offsets). */
  private slice(start: number, end: number): string {
    return this.wide ? this.bytes.ucs2Slice(start * 2, end * 2) : this.bytes.latin1Slice(start, end);
  }

  /** Line `index` (0-based), without its terminator. */
  lineAt(index: number): string {
    return this.slice(this.lineStarts[index]!, this.lineStarts[index + 1]! - 1);
  }

  /** Lines `[from, to)` (0-based) as an array. */
  linesBetween(from: number, to: number): string[] {
    const lines: string[] = [];
    for (let i = from; i < to; i++) lines.push(this.lineAt(i));
    return lines;
  }

  /** Whether line `index` (0-based) is exactly `text`. */
  lineEquals(index: number, text: string): boolean {
    const start = this.lineStarts[index]!;
    const length = text.length;
    if (this.lineStarts[index + 1]! - 1 - start !== length) return false;
    const bytes = this.bytes;
    if (this.wide) {
      for (let i = 0, at = start * 2; i < length; i++, at += 2) {
        if ((bytes[at]! | (bytes[at + 1]! << 8)) !== text.charCodeAt(i)) return false;
      }
      return true;
    }
    for (let i = 0; i < length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
    return true;
  }

  /** The lines joined by `\n` (no final newline), as the tokenizer reads a file version. */
  text(): string {
    const length = this.lineStarts[this.lineCount]!;
    return length === 0 ? '' : this.slice(0, length - 1);
  }

  /**
   * Lines of {@link FileContent.text} as `countLines` counts them: a last line that is empty
   * leaves only a final newline in the text, which ends the line before it.
   *
   * @example
   * FileContent.fromLines(['a', '']).textLineCount(); // 1 (the text is 'a\n')
   */
  textLineCount(): number {
    const count = this.lineCount;
    if (count === 0) return 0;
    return this.lineStarts[count]! - this.lineStarts[count - 1]! === 1 ? count - 1 : count;
  }

  /** The first `count` characters (or all), lines each followed by `\n`. */
  head(count: number): string {
    return this.slice(0, Math.min(count, this.lineStarts[this.lineCount]!));
  }

  /** Total length of the first `count` lines, terminators excluded. */
  charsOfFirstLines(count: number): number {
    return this.lineStarts[count]! - count;
  }

  /**
   * The content after applying zero-context hunks (in old-file order, as git prints them): keep
   * the unchanged stretches, drop each hunk's old lines, insert its added lines. The engine moves
   * survival tags the same way (`applyHunksToTags`).
   *
   * "@@ -5,0 +6,2 @@" inserts after old line 5; otherwise the hunk's old lines start at oldStart (1-based).
   */
  applyHunks(hunks: readonly DiffHunk[]): FileContent {
    const oldStarts = this.lineStarts;
    const oldCount = this.lineCount;
    // First pass: the kept line ranges, the new size, and whether any added line needs two bytes.
    const keptRanges: number[] = [];
    let lines = 0;
    let chars = 0;
    let wide = this.wide;
    let cursor = 0;
    const keep = (from: number, to: number): void => {
      if (to <= from) return;
      keptRanges.push(from, to);
      lines += to - from;
      chars += oldStarts[to]! - oldStarts[from]!;
    };
    for (const hunk of hunks) {
      const removeAt = hunk.oldCount === 0 ? hunk.oldStart : hunk.oldStart - 1;
      const keepUntil = Math.min(Math.max(removeAt, cursor), oldCount);
      keep(cursor, keepUntil);
      keptRanges.push(-1, 0);
      for (const text of hunk.added) {
        chars += text.length + 1;
        if (!wide && !fitsLatin1(text)) wide = true;
      }
      lines += hunk.added.length;
      cursor = Math.min(keepUntil + hunk.oldCount, oldCount);
    }
    keep(cursor, oldCount);
    if (lines === 0) return FileContent.EMPTY;

    // Second pass: copy kept bytes, write added lines, and lay out the line starts.
    const unit = wide ? 2 : 1;
    const bytes = Buffer.allocUnsafeSlow(chars * unit) as Bytes;
    const starts = new Int32Array(lines + 1);
    const transcode = wide && !this.wide;
    let line = 0;
    let offset = 0;
    let hunkIndex = 0;
    for (let r = 0; r < keptRanges.length; r += 2) {
      const from = keptRanges[r]!;
      if (from >= 0) {
        const to = keptRanges[r + 1]!;
        const shift = offset - oldStarts[from]!;
        for (let i = from; i < to; i++) starts[line++] = oldStarts[i]! + shift;
        if (transcode) bytes.ucs2Write(this.slice(oldStarts[from]!, oldStarts[to]!), offset * 2);
        else this.bytes.copy(bytes, offset * unit, oldStarts[from]! * unit, oldStarts[to]! * unit);
        offset += oldStarts[to]! - oldStarts[from]!;
        continue;
      }
      for (const text of hunks[hunkIndex++]!.added) {
        starts[line++] = offset;
        if (wide) {
          bytes.ucs2Write(text, offset * 2);
          offset += text.length;
          bytes[offset * 2] = NEWLINE;
          bytes[offset * 2 + 1] = 0;
        } else {
          bytes.latin1Write(text, offset);
          offset += text.length;
          bytes[offset] = NEWLINE;
        }
        offset++;
      }
    }
    starts[line] = offset;
    return new FileContent(bytes, wide, starts);
  }
}

function lineStartsOf(body: string): Int32Array {
  let count = 0;
  for (let at = body.indexOf('\n'); at !== -1; at = body.indexOf('\n', at + 1)) count++;
  const starts = new Int32Array(count + 1);
  let line = 0;
  for (let at = body.indexOf('\n'); at !== -1; at = body.indexOf('\n', at + 1)) starts[++line] = at + 1;
  return starts;
}
