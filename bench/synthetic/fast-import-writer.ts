/**
 * Feeds one `git fast-import` process through its stdin: blobs, commits, tags and resets,
 * with backpressure, and answers `get-mark` queries (the generator needs real commit ids for
 * revert messages and `.git-blame-ignore-revs`). One process builds the whole history, which
 * is orders of magnitude faster than one `git commit` per commit.
 */

import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import type { Signature } from './people.js';

/** A file change inside a commit: a blob mark at a path, or a deletion. */
export type TreeChange = { path: string; mark: number } | { path: string; deleted: true };

/** A commit to write. */
export interface CommitRecord {
  ref: string;
  author: Signature;
  committer: Signature;
  /** Seconds since the epoch. */
  authorTime: number;
  committerTime: number;
  message: string;
  /** Mark of the first parent; omitted for a root commit. */
  from?: number;
  /** Marks of further parents (a merge). */
  merges?: readonly number[];
  changes: readonly TreeChange[];
}

/** An annotated tag to write. */
export interface TagRecord {
  name: string;
  target: number;
  tagger: Signature;
  time: number;
  message: string;
}

// Why this bound: fast-import reads faster than we generate, so a few MiB per write keeps
// both processes busy without holding much in memory.
const FLUSH_BYTES = 4 * 1024 * 1024;

const OBJECT_ID = /^[0-9a-f]{40,64}$/;

function checkPath(path: string): string {
  // fast-import needs C-style quoting for such paths; the generator never makes them.
  for (let i = 0; i < path.length; i++) {
    const code = path.charCodeAt(i);
    if (code <= 32 || code === 34 || code === 92 || code > 126) throw new Error(`unsupported path for fast-import: ${JSON.stringify(path)}`);
  }
  return path;
}

function identity(signature: Signature, time: number): string {
  return `${signature.name} <${signature.email}> ${time} ${signature.timezone}`;
}

/** A running `git fast-import` and the stream feeding it. */
export class FastImportWriter {
  private nextMark = 1;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private stdoutBuffer = '';
  private readonly waiting: Array<(sha: string) => void> = [];
  private stderr = '';
  private exited: Promise<number>;
  private failure: Error | null = null;

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      this.stdoutBuffer += text;
      let newline: number;
      while ((newline = this.stdoutBuffer.indexOf('\n')) >= 0) {
        const line = this.stdoutBuffer.slice(0, newline);
        this.stdoutBuffer = this.stdoutBuffer.slice(newline + 1);
        this.waiting.shift()?.(line.trim());
      }
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      this.stderr = (this.stderr + text).slice(-8000);
    });
    child.stdin.on('error', (error) => {
      this.failure ??= error;
    });
    this.exited = new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1)));
    void this.exited.then((code) => {
      if (code !== 0) this.failure ??= new Error(`git fast-import exited with ${code}: ${this.stderr.trim()}`);
    });
  }

  /**
   * Starts `git fast-import` in the repository at `gitDir`'s work tree.
   *
   * @example
   * const writer = FastImportWriter.start('/path/to/repo');
   */
  static start(repoDir: string): FastImportWriter {
    const child = spawn('git', ['fast-import', '--quiet', '--done'], { cwd: repoDir, stdio: ['pipe', 'pipe', 'pipe'] });
    const writer = new FastImportWriter(child);
    writer.text('feature done\nfeature get-mark\n');
    return writer;
  }

  private text(text: string): void {
    this.buffer(Buffer.from(text, 'utf8'));
  }

  private buffer(data: Buffer): void {
    this.pending.push(data);
    this.pendingBytes += data.length;
  }

  private data(payload: Buffer): void {
    this.text(`data ${payload.length}\n`);
    this.buffer(payload);
    this.text('\n');
  }

  /** Whether enough is buffered that the caller should `flush()`. */
  get shouldFlush(): boolean {
    return this.pendingBytes >= FLUSH_BYTES;
  }

  /** Writes a blob; returns its mark. */
  blob(content: Buffer): number {
    const mark = this.nextMark++;
    this.text(`blob\nmark :${mark}\n`);
    this.data(content);
    return mark;
  }

  /** Writes a commit; returns its mark. */
  commit(record: CommitRecord): number {
    const mark = this.nextMark++;
    let header = `commit ${record.ref}\nmark :${mark}\nauthor ${identity(record.author, record.authorTime)}\ncommitter ${identity(record.committer, record.committerTime)}\n`;
    this.text(header);
    this.data(Buffer.from(record.message, 'utf8'));
    header = '';
    if (record.from !== undefined) header += `from :${record.from}\n`;
    for (const merge of record.merges ?? []) header += `merge :${merge}\n`;
    for (const change of record.changes) {
      header += 'deleted' in change ? `D ${checkPath(change.path)}\n` : `M 100644 :${change.mark} ${checkPath(change.path)}\n`;
    }
    this.text(`${header}\n`);
    return mark;
  }

  /** Writes an annotated tag pointing at a commit mark. */
  tag(record: TagRecord): void {
    this.text(`tag ${record.name}\nfrom :${record.target}\ntagger ${identity(record.tagger, record.time)}\n`);
    this.data(Buffer.from(record.message, 'utf8'));
  }

  /** Points `ref` at a commit mark (a lightweight tag or a branch). */
  reset(ref: string, target: number): void {
    this.text(`reset ${ref}\nfrom :${target}\n\n`);
  }

  /** Sends what is buffered, waiting while the pipe is full. */
  async flush(): Promise<void> {
    if (this.failure) throw this.failure;
    if (this.pendingBytes === 0) return;
    const chunk = this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    if (!this.child.stdin.write(chunk)) {
      await Promise.race([once(this.child.stdin, 'drain'), this.exited]);
    }
    if (this.failure) throw this.failure;
  }

  /** The object id of a mark (waits until fast-import has processed everything before it). */
  async objectId(mark: number): Promise<string> {
    const answer = new Promise<string>((resolve) => this.waiting.push(resolve));
    this.text(`get-mark :${mark}\n`);
    await this.flush();
    const sha = await Promise.race([answer, this.exited.then(() => '')]);
    if (!OBJECT_ID.test(sha)) throw this.failure ?? new Error(`git fast-import gave no id for mark :${mark}`);
    return sha;
  }

  /** Ends the stream and waits for fast-import to write its pack and refs. */
  async finish(): Promise<void> {
    this.text('done\n');
    await this.flush();
    this.child.stdin.end();
    const code = await this.exited;
    if (code !== 0) throw this.failure ?? new Error(`git fast-import exited with ${code}`);
  }

  /** Stops fast-import after a failure elsewhere. */
  abort(): void {
    this.child.kill('SIGTERM');
  }
}
