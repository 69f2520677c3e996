/**
 * Incremental parser for the output of `git log -p --unified=0` in the record format of
 * history-format.ts. It is pure and synchronous: feed it Buffers as they arrive, get back the
 * commits that are complete so far. Memory use is bounded by one commit plus one line (or one
 * commit record) being carried between chunks; the whole output is never held.
 */
import { isAscii } from 'node:buffer';
import type { DiffHunk, FileChangeStatus, FileDiff, ParsedCommit } from './types.js';
import { COMMIT_RECORD_FIELDS } from './history-format.js';
import { decodeHeaderPath, splitDiffGitPaths, type DecodedPath } from './quoted-path.js';

const NUL = 0x00;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const PLUS = 0x2b;
const COMMA = 0x2c;
const MINUS = 0x2d;
const AT = 0x40;
const BACKSLASH = 0x5c;

const FIELD_COUNT = COMMIT_RECORD_FIELDS.length;
const GITLINK_MODE = '160000';

/** Raised when the input does not have the shape the parser expects (a bug or a truncated stream). */
export class PatchParseError extends Error {
  override readonly name = 'PatchParseError';
}

/** What is known about the file whose patch is being read. */
interface FileInProgress {
  /** The `diff --git ` line without its keyword, as latin1 text. */
  diffGitPaths: string;
  isNew: boolean;
  isDeleted: boolean;
  renameFrom: DecodedPath | null;
  renameTo: DecodedPath | null;
  copyFrom: DecodedPath | null;
  copyTo: DecodedPath | null;
  similarity: number | null;
  oldMode: string | null;
  newMode: string | null;
  oldBlob: string | null;
  newBlob: string | null;
  binary: boolean;
  hunks: DiffHunk[];
}

/**
 * Turns `git log -p` output (see history-format.ts) into {@link ParsedCommit}s.
 *
 * Content lines are decoded as UTF-8 with replacement characters (never throws on bad bytes).
 * The line terminator is stripped: the `\n`, and a `\r` before it, so CRLF files give the same
 * lines as LF files (a line-ending-only change then shows as a removed and an added line with
 * equal text, which is what it is worth).
 *
 * @example
 * const parser = new PatchParser();
 * for await (const chunk of child.stdout) for (const commit of parser.push(chunk)) handle(commit);
 * for (const commit of parser.end()) handle(commit);
 */
export class PatchParser {
  /** Bytes of an incomplete line or commit record, waiting for the rest. */
  private readonly carried: Buffer[] = [];
  private awaitingRecord = false;
  private nulsStillNeeded = 0;

  private commit: ParsedCommit | null = null;
  private file: FileInProgress | null = null;
  private hunk: DiffHunk | null = null;
  private oldLinesLeft = 0;
  private newLinesLeft = 0;
  /** Whether the current file is a submodule pointer, whose "lines" are not content. */
  private skipHunkText = false;
  private completed: ParsedCommit[] = [];

  /** Sha of the commit whose record has been read but whose diff may still be incomplete. */
  get currentCommitSha(): string | null {
    return this.commit?.sha ?? null;
  }

  /** Feeds the next chunk of output; returns the commits completed by it (oldest first). */
  push(chunk: Buffer): ParsedCommit[] {
    if (chunk.length === 0) return [];
    let rest = chunk;
    if (this.carried.length > 0) {
      const cut = this.completionPoint(chunk);
      if (cut === -1) {
        this.carried.push(chunk);
        return [];
      }
      // Join only the carried piece with what completes it, not with the whole chunk.
      this.carried.push(chunk.subarray(0, cut));
      const joined = Buffer.concat(this.carried);
      this.carried.length = 0;
      this.consume(joined);
      rest = chunk.subarray(cut);
      if (this.carried.length > 0) return [...this.takeCompleted(), ...this.push(rest)];
    }
    if (rest.length > 0) this.consume(rest);
    return this.takeCompleted();
  }

  /** Signals the end of the output; returns the last commit(s). Throws if the output was cut short. */
  end(): ParsedCommit[] {
    if (this.carried.length > 0) {
      if (this.awaitingRecord) throw new PatchParseError('Output ended inside a commit record');
      // git always ends its output with a newline; be lenient with input that does not.
      const rest = Buffer.concat([...this.carried, Buffer.from('\n')]);
      this.carried.length = 0;
      this.consume(rest);
    }
    if (this.oldLinesLeft > 0 || this.newLinesLeft > 0) {
      throw new PatchParseError(`Output ended inside a hunk of commit ${this.commit?.sha ?? '?'}`);
    }
    this.finishCommit();
    return this.takeCompleted();
  }

  private takeCompleted(): ParsedCommit[] {
    const done = this.completed;
    this.completed = [];
    return done;
  }

  /**
   * Where in `chunk` the carried bytes become complete: just after the newline that ends the
   * carried line, or after the last NUL of the carried commit record. -1 if not in this chunk.
   */
  private completionPoint(chunk: Buffer): number {
    if (!this.awaitingRecord) {
      const eol = chunk.indexOf(LF);
      return eol === -1 ? -1 : eol + 1;
    }
    let from = 0;
    while (this.nulsStillNeeded > 0) {
      const at = chunk.indexOf(NUL, from);
      if (at === -1) return -1;
      this.nulsStillNeeded -= 1;
      from = at + 1;
    }
    return from;
  }

  private carry(buffer: Buffer, from: number, awaitingRecord: boolean): void {
    this.awaitingRecord = awaitingRecord;
    this.carried.push(buffer.subarray(from));
  }

  private consume(buffer: Buffer): void {
    const length = buffer.length;
    // One SIMD pass tells whether every content line can take the cheaper latin1 decoding
    // (identical to UTF-8 for ASCII): the common case for source code.
    const ascii = isAscii(buffer);
    let pos = 0;
    while (pos < length) {
      if (this.oldLinesLeft > 0 || this.newLinesLeft > 0) {
        pos = this.readHunkLines(buffer, pos, ascii);
        if (pos === -1) return;
        continue;
      }
      if (buffer[pos] === NUL) {
        const next = this.readCommitRecord(buffer, pos);
        if (next === -1) {
          this.carry(buffer, pos, true);
          return;
        }
        pos = next;
        continue;
      }
      const eol = buffer.indexOf(LF, pos);
      if (eol === -1) {
        this.carry(buffer, pos, false);
        return;
      }
      this.readStructuralLine(buffer, pos, eol);
      pos = eol + 1;
    }
  }

  /**
   * Hot path: the content lines of a hunk. Their count is known from the hunk header, so a line
   * such as "--- x" or "+++ y" inside a hunk is never mistaken for a header. Returns the index
   * after the last line read, or -1 when the rest of the buffer was carried over.
   */
  private readHunkLines(buffer: Buffer, start: number, ascii: boolean): number {
    const hunk = this.hunk as DiffHunk;
    const keepText = !this.skipHunkText;
    let oldLeft = this.oldLinesLeft;
    let newLeft = this.newLinesLeft;
    let pos = start;
    try {
      while (oldLeft > 0 || newLeft > 0) {
        const eol = buffer.indexOf(LF, pos);
        if (eol === -1) {
          if (pos < buffer.length) this.carry(buffer, pos, false);
          return -1;
        }
        const first = buffer[pos];
        if (first === MINUS && oldLeft > 0) {
          oldLeft -= 1;
          if (keepText) hunk.removed.push(decodeContent(buffer, pos + 1, eol, ascii));
        } else if (first === PLUS && newLeft > 0) {
          newLeft -= 1;
          if (keepText) hunk.added.push(decodeContent(buffer, pos + 1, eol, ascii));
        } else if (first === SPACE) {
          // A context line: only present if the caller let hunks merge across unchanged lines.
          if (oldLeft > 0) oldLeft -= 1;
          if (newLeft > 0) newLeft -= 1;
        } else if (first !== BACKSLASH) {
          // "\ No newline at end of file" is the only other line a hunk may contain.
          throw new PatchParseError(
            `Unexpected line inside a hunk of commit ${this.commit?.sha ?? '?'}: ${JSON.stringify(buffer.toString('utf8', pos, Math.min(eol, pos + 80)))}`,
          );
        }
        pos = eol + 1;
      }
      return pos;
    } finally {
      this.oldLinesLeft = oldLeft;
      this.newLinesLeft = newLeft;
    }
  }

  /** Reads a commit record starting at the NUL at `start`; returns the index after it, or -1 if incomplete. */
  private readCommitRecord(buffer: Buffer, start: number): number {
    const bounds = new Array<number>(FIELD_COUNT * 2);
    let from = start + 1;
    for (let field = 0; field < FIELD_COUNT; field += 1) {
      const end = buffer.indexOf(NUL, from);
      if (end === -1) {
        this.nulsStillNeeded = FIELD_COUNT - field;
        return -1;
      }
      bounds[field * 2] = from;
      bounds[field * 2 + 1] = end;
      from = end + 1;
    }
    this.finishCommit();
    const text = (field: number, encoding: BufferEncoding = 'utf8'): string =>
      buffer.toString(encoding, bounds[field * 2], bounds[field * 2 + 1]);
    const parents = text(1, 'latin1');
    const note = text(9);
    this.commit = {
      sha: text(0, 'latin1'),
      parents: parents.length === 0 ? [] : parents.split(' '),
      author: { name: text(2), email: text(3), time: Number(text(4, 'latin1')) },
      committer: { name: text(5), email: text(6), time: Number(text(7, 'latin1')) },
      message: text(8),
      aiNote: note.length === 0 ? null : note,
      files: [],
    };
    return from;
  }

  private readStructuralLine(buffer: Buffer, start: number, end: number): void {
    if (start === end) return; // blank separator line
    const first = buffer[start];
    if (first === BACKSLASH) return; // "\ No newline at end of file" after the last hunk line
    if (first === AT && this.file !== null) {
      this.startHunk(this.file, buffer, start, end);
      return;
    }
    const line = buffer.toString('latin1', start, end);
    if (line.startsWith('diff --git ')) {
      this.startFile(line.slice('diff --git '.length));
      return;
    }
    const file = this.file;
    if (file === null) {
      throw new PatchParseError(`Unexpected line outside a file diff: ${JSON.stringify(line.slice(0, 80))}`);
    }
    if (file.hunks.length > 0) {
      throw new PatchParseError(`Unexpected line after a hunk in ${file.diffGitPaths}: ${JSON.stringify(line.slice(0, 80))}`);
    }
    readExtendedHeader(file, line);
  }

  private startFile(diffGitPaths: string): void {
    if (this.commit === null) throw new PatchParseError('A file diff appeared before any commit record');
    this.finishFile();
    this.file = {
      diffGitPaths,
      isNew: false,
      isDeleted: false,
      renameFrom: null,
      renameTo: null,
      copyFrom: null,
      copyTo: null,
      similarity: null,
      oldMode: null,
      newMode: null,
      oldBlob: null,
      newBlob: null,
      binary: false,
      hunks: [],
    };
  }

  private startHunk(file: FileInProgress, buffer: Buffer, start: number, end: number): void {
    const hunk = parseHunkHeader(buffer, start, end);
    if (hunk === null) {
      throw new PatchParseError(`Malformed hunk header: ${JSON.stringify(buffer.toString('latin1', start, Math.min(end, start + 80)))}`);
    }
    file.hunks.push(hunk);
    this.hunk = hunk;
    this.oldLinesLeft = hunk.oldCount;
    this.newLinesLeft = hunk.newCount;
    this.skipHunkText = file.oldMode === GITLINK_MODE || file.newMode === GITLINK_MODE;
  }

  private finishFile(): void {
    const file = this.file;
    const commit = this.commit;
    this.file = null;
    this.hunk = null;
    if (file === null || commit === null) return;
    const diff = toFileDiff(file);
    const previous = commit.files[commit.files.length - 1];
    // git prints a type change (file <-> symlink <-> submodule) as a deletion followed by an
    // addition of the same path; report it as the single change it is.
    if (diff.status === 'added' && previous?.status === 'deleted' && previous.oldPath === diff.newPath) {
      previous.status = 'type-changed';
      previous.newPath = diff.newPath;
      previous.newBlob = diff.newBlob;
      previous.newMode = diff.newMode;
      previous.binary ||= diff.binary;
      previous.submodule ||= diff.submodule;
      previous.pathNotUtf8 ||= diff.pathNotUtf8;
      previous.hunks = previous.hunks.concat(diff.hunks);
      return;
    }
    commit.files.push(diff);
  }

  private finishCommit(): void {
    this.finishFile();
    if (this.commit !== null) this.completed.push(this.commit);
    this.commit = null;
  }
}

/**
 * Node's Buffer has per-encoding slice methods that `toString(encoding, start, end)` ends up
 * calling after argument checks and an encoding lookup. Content lines are decoded millions of
 * times, so the parser calls them directly when present (they always are in Node 20+; the
 * fallback keeps it correct elsewhere).
 */
interface EncodingSlices {
  latin1Slice(start: number, end: number): string;
  utf8Slice(start: number, end: number): string;
}
const HAS_ENCODING_SLICES =
  typeof (Buffer.prototype as Partial<EncodingSlices>).latin1Slice === 'function' &&
  typeof (Buffer.prototype as Partial<EncodingSlices>).utf8Slice === 'function';

/** Decodes one content line (latin1 when the buffer is known to be ASCII), dropping a trailing carriage return. */
function decodeContent(buffer: Buffer, start: number, end: number, ascii: boolean): string {
  if (end > start && buffer[end - 1] === CR) end -= 1;
  if (HAS_ENCODING_SLICES) {
    const slices = buffer as Buffer & EncodingSlices;
    return ascii ? slices.latin1Slice(start, end) : slices.utf8Slice(start, end);
  }
  return buffer.toString(ascii ? 'latin1' : 'utf8', start, end);
}

const ZERO_ID = /^0+$/;

/** Applies one extended header line (`new file mode`, `rename from`, `index`, …) to the file. */
function readExtendedHeader(file: FileInProgress, line: string): void {
  const space = line.indexOf(' ');
  switch (line.slice(0, space)) {
    case 'index': {
      const dots = line.indexOf('..', 6);
      const modeAt = line.indexOf(' ', dots);
      const oldId = line.slice(6, dots);
      const newId = modeAt === -1 ? line.slice(dots + 2) : line.slice(dots + 2, modeAt);
      file.oldBlob = ZERO_ID.test(oldId) ? null : oldId;
      file.newBlob = ZERO_ID.test(newId) ? null : newId;
      if (modeAt !== -1) {
        const mode = line.slice(modeAt + 1);
        file.oldMode ??= mode;
        file.newMode ??= mode;
      }
      return;
    }
    case 'new':
      if (line.startsWith('new file mode ')) {
        file.isNew = true;
        file.newMode = line.slice('new file mode '.length);
      } else if (line.startsWith('new mode ')) {
        file.newMode = line.slice('new mode '.length);
      }
      return;
    case 'old':
      if (line.startsWith('old mode ')) file.oldMode = line.slice('old mode '.length);
      return;
    case 'deleted':
      if (line.startsWith('deleted file mode ')) {
        file.isDeleted = true;
        file.oldMode = line.slice('deleted file mode '.length);
      }
      return;
    case 'similarity':
      file.similarity = Number.parseInt(line.slice('similarity index '.length), 10);
      return;
    case 'rename':
      if (line.startsWith('rename from ')) file.renameFrom = decodeHeaderPath(line.slice('rename from '.length));
      else if (line.startsWith('rename to ')) file.renameTo = decodeHeaderPath(line.slice('rename to '.length));
      return;
    case 'copy':
      if (line.startsWith('copy from ')) file.copyFrom = decodeHeaderPath(line.slice('copy from '.length));
      else if (line.startsWith('copy to ')) file.copyTo = decodeHeaderPath(line.slice('copy to '.length));
      return;
    case 'Binary':
      file.binary = true;
      return;
    default:
      // "--- a/x", "+++ b/x" (paths are taken from the lines above, which are exact), "dissimilarity
      // index" and any header a later git may add carry nothing the collector reports.
      return;
  }
}

/**
 * Parses the hunk header in `buffer[start, end)`, "@@ -12,3 +14 @@ …" (a missing count means 1),
 * into a hunk with no lines yet. Returns null when malformed.
 *
 * @example
 * const line = Buffer.from('@@ -3,0 +4,2 @@ main()');
 * parseHunkHeader(line, 0, line.length) // { oldStart: 3, oldCount: 0, newStart: 4, newCount: 2, removed: [], added: [] }
 */
export function parseHunkHeader(buffer: Buffer, start: number, end: number): DiffHunk | null {
  // Byte-level: zero-context diffs have many hunks, so this runs often.
  if (end - start < 11 || buffer[start + 1] !== AT || buffer[start + 2] !== SPACE || buffer[start + 3] !== MINUS) return null;
  let index = start + 4;
  const readNumber = (): number => {
    let value = 0;
    const begin = index;
    while (index < end) {
      const code = buffer[index] as number;
      if (code < 48 || code > 57) break;
      value = value * 10 + (code - 48);
      index += 1;
    }
    return index === begin ? -1 : value;
  };
  const oldStart = readNumber();
  let oldCount = 1;
  if (buffer[index] === COMMA) {
    index += 1;
    oldCount = readNumber();
  }
  if (buffer[index] !== SPACE || buffer[index + 1] !== PLUS) return null;
  index += 2;
  const newStart = readNumber();
  let newCount = 1;
  if (buffer[index] === COMMA) {
    index += 1;
    newCount = readNumber();
  }
  if (oldStart < 0 || oldCount < 0 || newStart < 0 || newCount < 0) return null;
  if (index + 3 > end || buffer[index] !== SPACE || buffer[index + 1] !== AT || buffer[index + 2] !== AT) return null;
  return { oldStart, oldCount, newStart, newCount, removed: [], added: [] };
}

function toFileDiff(file: FileInProgress): FileDiff {
  let oldPath: DecodedPath | null;
  let newPath: DecodedPath | null;
  let status: FileChangeStatus;
  if (file.renameFrom !== null || file.copyFrom !== null) {
    oldPath = file.renameFrom ?? file.copyFrom;
    newPath = file.renameTo ?? file.copyTo;
    status = file.renameFrom !== null ? 'renamed' : 'copied';
    if (newPath === null) throw new PatchParseError(`Rename or copy without a target: ${file.diffGitPaths}`);
  } else {
    const split = splitDiffGitPaths(file.diffGitPaths);
    if (split === null) throw new PatchParseError(`Cannot read the paths of: diff --git ${file.diffGitPaths}`);
    oldPath = split.oldPath;
    newPath = split.newPath;
    status = 'modified';
  }
  if (file.isNew) {
    status = 'added';
    oldPath = null;
  } else if (file.isDeleted) {
    status = 'deleted';
    newPath = null;
  }
  const submodule = file.oldMode === GITLINK_MODE || file.newMode === GITLINK_MODE;
  return {
    oldPath: oldPath?.path ?? null,
    newPath: newPath?.path ?? null,
    status,
    similarity: file.similarity,
    oldBlob: file.oldBlob,
    newBlob: file.newBlob,
    oldMode: file.isNew ? null : file.oldMode,
    newMode: file.isDeleted ? null : file.newMode,
    binary: file.binary,
    submodule,
    missingObject: false,
    pathNotUtf8: Boolean(oldPath?.notUtf8 || newPath?.notUtf8),
    // A submodule's "Subproject commit <sha>" lines are pointer moves, not content.
    hunks: submodule ? [] : file.hunks,
  };
}
