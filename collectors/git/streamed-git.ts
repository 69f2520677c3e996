import { startModuleWorker } from '../../pipeline/threads/module-worker.js';
import { spawnGit } from './git-command.js';
import type { GitOutputControl, GitOutputMessage, GitOutputReaderData } from './git-output-protocol.js';

/** A running git command whose output is read as a stream. */
export interface StreamedGit {
  /** git's stdout, chunk by chunk. */
  readonly stdout: AsyncIterable<Buffer>;
  /** git's exit code once it has exited (null when a signal ended it); rejects when git could not run. */
  readonly exit: Promise<number | null>;
  /** The end of git's stderr; complete once `exit` has settled. */
  stderr(): string;
  /** Stops git if it is still running. */
  stop(): void;
}

/** Options of {@link streamGit}. */
export interface StreamGitOptions {
  signal?: AbortSignal;
  /** Keep at most this many characters of git's stderr. */
  stderrLimit: number;
  /**
   * Read git's output on a thread of its own, up to this many bytes ahead of the consumer.
   * Why: through a pipe, git can run only a pipe's buffer (64 KiB) ahead, so while the consumer
   * works on a large commit git soon waits, and when the consumer then asks for more, it waits for
   * git: the two take turns instead of running at the same time. Unset: read on this thread.
   */
  readAheadBytes?: number;
}

/**
 * Starts `git <args>` in `repoPath` and streams its output.
 *
 * @example
 * const git = streamGit(repo, ['log', '-p'], { stderrLimit: 65536, readAheadBytes: 32 << 20 });
 * for await (const chunk of git.stdout) parser.push(chunk);
 * const code = await git.exit;
 */
export function streamGit(repoPath: string, args: readonly string[], options: StreamGitOptions): StreamedGit {
  return options.readAheadBytes === undefined ? streamOnThisThread(repoPath, args, options) : streamReadAhead(repoPath, args, options);
}

function streamOnThisThread(repoPath: string, args: readonly string[], options: StreamGitOptions): StreamedGit {
  const child = spawnGit(repoPath, args, { signal: options.signal });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => {
    stderr = (stderr + text).slice(-options.stderrLimit);
  });
  let spawnError: Error | null = null;
  child.on('error', (error) => {
    spawnError = error;
  });
  const closed = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const exit = closed.then((code) => {
    if (spawnError !== null) throw spawnError;
    return code;
  });
  exit.catch(() => undefined);
  child.stdin.on('error', () => undefined);
  child.stdin.end();
  return {
    stdout: child.stdout as AsyncIterable<Buffer>,
    exit,
    stderr: () => stderr,
    stop: () => {
      if (child.exitCode === null && child.signalCode === null) child.kill();
    },
  };
}

function streamReadAhead(repoPath: string, args: readonly string[], options: StreamGitOptions): StreamedGit {
  const data: GitOutputReaderData = { repoPath, args: [...args], maxBytesAhead: options.readAheadBytes!, stderrLimit: options.stderrLimit };
  const reader = startModuleWorker(import.meta.url, 'git-output-worker', { workerData: data });
  const control = (message: GitOutputControl) => reader.postMessage(message);
  const chunks: Uint8Array[] = [];
  let stderr = '';
  let ended = false;
  let failure: Error | null = null;
  let wake: (() => void) | null = null;
  let settleExit: { resolve: (code: number | null) => void; reject: (error: Error) => void } | null = null;
  const exit = new Promise<number | null>((resolve, reject) => (settleExit = { resolve, reject }));
  exit.catch(() => undefined);
  const fail = (error: Error) => {
    if (ended || failure) return;
    failure = error;
    settleExit!.reject(error);
    wake?.();
  };
  reader.on('message', (message: GitOutputMessage) => {
    if (message.type === 'data') {
      chunks.push(message.chunk);
    } else if (message.type === 'exit') {
      ended = true;
      stderr = message.stderr;
      settleExit!.resolve(message.code);
    } else {
      fail(new Error(message.message));
    }
    wake?.();
  });
  reader.on('error', (error) => fail(error instanceof Error ? error : new Error(String(error))));
  // Messages the reader posted just before it ended are delivered first.
  reader.on('exit', () => setImmediate(() => fail(new Error('the git output reader stopped before git did'))));
  const onAbort = () => {
    control({ type: 'stop' });
    const error = new Error('The operation was aborted');
    error.name = 'AbortError';
    fail(error);
  };
  options.signal?.addEventListener('abort', onAbort, { once: true });
  void exit.finally(() => options.signal?.removeEventListener('abort', onAbort)).catch(() => undefined);

  async function* stdout(): AsyncGenerator<Buffer> {
    for (;;) {
      const chunk = chunks.shift();
      if (chunk) {
        control({ type: 'taken', bytes: chunk.byteLength });
        yield Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
        continue;
      }
      if (failure) throw failure;
      if (ended) return;
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  }

  return {
    stdout: stdout(),
    exit,
    stderr: () => stderr,
    stop: () => {
      if (!ended) control({ type: 'stop' });
    },
  };
}
