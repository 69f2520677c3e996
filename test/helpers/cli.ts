import { PassThrough } from 'node:stream';
import { main } from '../../pipeline/cli/main.js';

/** What one in-process CLI call printed and returned. */
export interface CapturedCli {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Run the codeledger command line in-process with captured output and JSON logs, in `cwd`, with
 * only the environment given (none of the test process's own).
 *
 * @example
 * const result = await runCli(['sql', 'select 1'], { cwd: work });
 */
export async function runCli(
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; signal?: AbortSignal },
): Promise<CapturedCli> {
  const stdout = new PassThrough();
  const stderr = new PassThrough() as unknown as NodeJS.WriteStream;
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  (stderr as unknown as PassThrough).on('data', (chunk: Buffer) => err.push(chunk));
  const code = await main(['node', 'codeledger', '--log-format', 'json', ...args], {
    stdout,
    stderr,
    env: options.env ?? {},
    cwd: options.cwd,
    signal: options.signal,
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
