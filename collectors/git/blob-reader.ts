/**
 * Reading objects by id through one long-lived `git cat-file --batch` process (one process for
 * thousands of reads, instead of one per read), and listing a commit's tree.
 */
import { decodePathBytes } from './quoted-path.js';
import { GitCommandError, runGit, spawnGit } from './git-command.js';

/** Reads object contents by id. Call {@link BlobReader.close} when done. */
export interface BlobReader {
  /** The object's content, or null when the repository does not have it. */
  read(objectId: string): Promise<Buffer | null>;
  /** Ends the git process; pending reads still complete. */
  close(): Promise<void>;
}

interface PendingRead {
  objectId: string;
  resolve(content: Buffer | null): void;
  reject(error: Error): void;
}

const LF = 0x0a;

/**
 * Starts a `git cat-file --batch` process for `repoPath`. Reads are answered in order; any
 * number may be in flight at once.
 *
 * @example
 * const blobs = await openBlobReader(repoPath);
 * const content = await blobs.read(file.newBlob); // Buffer, or null if missing
 * await blobs.close();
 */
export async function openBlobReader(repoPath: string): Promise<BlobReader> {
  const args = ['cat-file', '--batch'];
  const child = spawnGit(repoPath, args);
  const pending: PendingRead[] = [];
  let failure: Error | null = null;
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString('utf8')).slice(-8192);
  });

  // Each response is "<id> <type> <size>\n<content>\n", or "<name> missing\n".
  let state: 'header' | 'body' | 'trailer' = 'header';
  let carried: Buffer = Buffer.alloc(0);
  let body: Buffer = Buffer.alloc(0);
  let bodyFilled = 0;

  const fail = (error: Error): void => {
    failure ??= error;
    for (const read of pending.splice(0)) read.reject(failure);
  };

  child.stdout.on('data', (chunk: Buffer) => {
    const buffer = carried.length > 0 ? Buffer.concat([carried, chunk]) : chunk;
    carried = Buffer.alloc(0);
    let pos = 0;
    while (pos < buffer.length) {
      if (state === 'body') {
        const take = Math.min(body.length - bodyFilled, buffer.length - pos);
        buffer.copy(body, bodyFilled, pos, pos + take);
        bodyFilled += take;
        pos += take;
        if (bodyFilled < body.length) return;
        pending.shift()?.resolve(body);
        state = 'trailer';
      } else if (state === 'trailer') {
        pos += 1; // the newline after the content
        state = 'header';
      } else {
        const eol = buffer.indexOf(LF, pos);
        if (eol === -1) {
          carried = buffer.subarray(pos);
          return;
        }
        const header = buffer.toString('latin1', pos, eol);
        pos = eol + 1;
        if (header.endsWith(' missing') || header.endsWith(' ambiguous')) {
          pending.shift()?.resolve(null);
          continue;
        }
        const size = Number(header.slice(header.lastIndexOf(' ') + 1));
        if (!Number.isSafeInteger(size) || size < 0) {
          fail(new Error(`Unexpected git cat-file output: ${JSON.stringify(header)}`));
          child.kill();
          return;
        }
        if (size === 0) {
          pending.shift()?.resolve(Buffer.alloc(0));
          state = 'trailer';
          continue;
        }
        body = Buffer.allocUnsafe(size);
        bodyFilled = 0;
        state = 'body';
      }
    }
  });

  const closed = new Promise<void>((resolve) => {
    child.on('close', (code) => {
      // Pending reads fail with git's message; later reads fail too.
      fail(new GitCommandError(args, code, stderr || 'the git cat-file process ended', repoPath));
      resolve();
    });
  });
  child.on('error', (error) => fail(error));
  child.stdin.on('error', (error) => fail(error));

  return {
    read(objectId) {
      if (failure) return Promise.reject(failure);
      if (child.stdin.writableEnded) return Promise.reject(new Error('The blob reader is closed'));
      if (objectId.length === 0 || /[\n\r]/.test(objectId)) return Promise.reject(new Error(`Invalid object id: ${JSON.stringify(objectId)}`));
      return new Promise<Buffer | null>((resolve, reject) => {
        pending.push({ objectId, resolve, reject });
        child.stdin.write(`${objectId}\n`);
      });
    },
    async close() {
      if (!child.stdin.writableEnded) child.stdin.end();
      await closed;
    },
  };
}

/** One entry of a recursive tree listing. */
export interface TreeEntry {
  path: string;
  /** `100644`, `100755`, `120000` (symlink) or `160000` (submodule; `blob` is then a commit id). */
  mode: string;
  blob: string;
}

/**
 * Lists every file of `commitish`'s tree, recursively, with mode and object id.
 *
 * @example
 * await listTree(repoPath, 'HEAD') // [{ path: 'src/a.ts', mode: '100644', blob: 'e69de29…' }, …]
 */
export async function listTree(repoPath: string, commitish: string): Promise<TreeEntry[]> {
  const { stdout } = await runGit(repoPath, ['ls-tree', '-r', '-z', '--full-tree', commitish, '--']);
  const entries: TreeEntry[] = [];
  let start = 0;
  for (let end = stdout.indexOf(0, start); end !== -1; end = stdout.indexOf(0, start)) {
    // "<mode> <type> <object>\t<path>"
    const tab = stdout.indexOf(0x09, start);
    const [mode = '', , blob = ''] = stdout.toString('latin1', start, tab).split(' ');
    entries.push({ mode, blob, path: decodePathBytes(stdout.subarray(tab + 1, end)).path });
    start = end + 1;
  }
  return entries;
}
