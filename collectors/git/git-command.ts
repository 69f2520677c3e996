/**
 * Running git. Two tools, each for what it does well:
 * - simple-git ({@link gitClient}) for clone, fetch, refs, tags and other small queries;
 * - a spawned process ({@link runGit}, {@link spawnGit}) when a command needs stdin, an exact exit
 *   code, bytes rather than text, or a streamed output (simple-git buffers whole outputs and
 *   resolves non-zero exits that print nothing to stderr).
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable, Writable } from 'node:stream';
import { simpleGit, type SimpleGit } from 'simple-git';

/** Options for {@link runGit}. */
export interface RunGitOptions {
  /** Written to git's stdin, which is then closed. */
  input?: string | Buffer;
  /** Extra environment variables (merged over the process environment). */
  env?: Record<string, string>;
  /** Exit codes that are not failures (default: only 0). */
  okExitCodes?: readonly number[];
  signal?: AbortSignal;
}

/** The outcome of a finished git command. */
export interface GitResult {
  stdout: Buffer;
  stderr: string;
  exitCode: number;
}

/** A git command exited with an unexpected code. `stderr` holds git's message. */
export class GitCommandError extends Error {
  override readonly name = 'GitCommandError';
  constructor(
    readonly args: readonly string[],
    readonly exitCode: number | null,
    readonly stderr: string,
    readonly repoPath: string,
  ) {
    super(`git ${args.join(' ')} failed in ${repoPath} (exit ${exitCode ?? 'signal'}): ${stderr.trim() || 'no message'}`);
  }
}

/**
 * Environment for git processes the collector starts: the caller's environment, with messages in
 * English (the collector recognises some of git's error messages) and no interactive prompts.
 */
function collectorEnv(extra?: Record<string, string>): NodeJS.ProcessEnv {
  return { ...process.env, LC_ALL: 'C', LANGUAGE: 'C', GIT_TERMINAL_PROMPT: '0', ...extra };
}

/** Starts `git <args>` in `repoPath` with piped stdio, for callers that stream its output. */
export function spawnGit(
  repoPath: string,
  args: readonly string[],
  options: { env?: Record<string, string>; signal?: AbortSignal } = {},
): ChildProcessByStdio<Writable, Readable, Readable> {
  return spawn('git', args, {
    cwd: repoPath,
    env: collectorEnv(options.env),
    stdio: ['pipe', 'pipe', 'pipe'],
    signal: options.signal,
  });
}

/**
 * Runs git to completion and returns its raw output. Rejects with {@link GitCommandError} when
 * the exit code is not in `okExitCodes`.
 *
 * @example
 * const { stdout } = await runGit(repo, ['cat-file', '--batch-check'], { input: 'HEAD\n' });
 */
export function runGit(repoPath: string, args: readonly string[], options: RunGitOptions = {}): Promise<GitResult> {
  return new Promise((resolve, reject) => {
    const child = spawnGit(repoPath, args, { env: options.env, signal: options.signal });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const stderr = Buffer.concat(err).toString('utf8');
      const ok = options.okExitCodes ?? [0];
      if (code === null || !ok.includes(code)) {
        reject(new GitCommandError(args, code, stderr, repoPath));
        return;
      }
      resolve({ stdout: Buffer.concat(out), stderr, exitCode: code });
    });
    // A command that does not read all of its stdin (or dies early) closes the pipe: not an error here.
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
  });
}

/**
 * A simple-git client bound to `repoPath`. It inherits the process environment as it is
 * (replacing it through simple-git's `env()` would trip its checks on ordinary variables such
 * as `EDITOR` or `GIT_SSH_COMMAND`).
 *
 * @param stallTimeoutMs kill git when it prints nothing for this long (for network commands,
 *   which could otherwise wait forever on an unreachable host or a credential prompt)
 */
export function gitClient(repoPath: string, stallTimeoutMs?: number): SimpleGit {
  return simpleGit({ baseDir: repoPath, ...(stallTimeoutMs === undefined ? {} : { timeout: { block: stallTimeoutMs } }) });
}

/** Whether an error is git reporting an object it cannot read (a blob missing from a partial clone). */
export function missingObjectId(stderr: string): string | null {
  const match = MISSING_OBJECT.exec(stderr);
  return match ? (match[1] ?? null) : null;
}

/**
 * How git 2.39+ reports an object it cannot read: "unable to read <id>" (object store) and
 * "could not fetch <id> from promisor remote" (a partial clone whose remote cannot supply it).
 */
const MISSING_OBJECT = /(?:unable to read|could not fetch|missing blob object|could not read object|bad object) '?([0-9a-f]{40,64})/;
